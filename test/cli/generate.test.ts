import ExcelJS from "exceljs";
import { existsSync, writeFileSync } from "fs";
import { readSettings } from "../../src/workbook/exceljs/apply";
import * as path from "path";
import { SAMPLE_PATH } from "../helpers/build";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/xlsx";

const dir = tempDir();

describe("task-ledger generate", () => {
  it("turns a text list into a complete ledger workbook and says where it is", async () => {
    const out = path.join(dir, "ledger.xlsx");
    const r = await runCli(["generate", SAMPLE_PATH, "-o", out, "--as-of", "2024-07-01"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`已写入：${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    expect(r.out).toMatch(/22 项任务，生成 39 个单位工作表/);
    expect(existsSync(out)).toBe(true);
  });

  it("regenerating a ledger without --as-of keeps its stored as-of date (and its overdue count)", async () => {
    const out = path.join(dir, "asof.xlsx");
    const first = await runCli(["generate", SAMPLE_PATH, "-o", out, "--as-of", "2024-03-01"]);
    const again = await runCli(["generate", out, "--in-place"], "2024-12-20");
    expect(again.code).toBe(0);
    const colours = (s: string) => /预警：.*/.exec(s)![0];
    expect(colours(again.out)).toBe(colours(first.out));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(readSettings(wb)?.asOf).toBe("2024-03-01");
  });

  it("writes beside the input by default, never over it", async () => {
    const input = path.join(dir, "清单.txt");
    writeFileSync(input, "2024年重点任务\n1.任务甲。（县财政局）\n");
    const r = await runCli(["generate", input]);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, "清单（台账）.xlsx"))).toBe(true);
  });

  it("refuses --in-place together with -o, and unreadable input, with exit 2", async () => {
    expect((await runCli(["generate", SAMPLE_PATH, "--in-place", "-o", "x.xlsx"])).code).toBe(2);
    const bad = path.join(dir, "bad.xlsx");
    writeFileSync(bad, "nope");
    const r = await runCli(["generate", bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.xlsx is not a readable \.xlsx workbook/);
  });

  it("demo writes the sample ledger", async () => {
    const out = path.join(dir, "demo.xlsx");
    const r = await runCli(["demo", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/预警：红 2，黄 3，蓝 1，绿 12/);
  });
});
