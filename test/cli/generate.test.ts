import { existsSync, readFileSync, writeFileSync } from "fs";
import { storedSettings } from "../../src/app/read";
import * as path from "path";
import { SAMPLE_PATH } from "../helpers/build";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/xlsx";
import { PackagePort } from "../../src/workbook/package/port";

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
    expect(storedSettings(new PackagePort(new Uint8Array(readFileSync(out))).viewNow())?.asOf).toBe(
      "2024-03-01",
    );
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
    const r = await runCli(["generate", bad, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.xlsx is not a readable \.xlsx workbook/);
    expect((await runCli(["generate", bad])).err).toMatch(/bad\.xlsx 不是可读取的 \.xlsx 工作簿/);
  });

  it("demo writes the sample ledger", async () => {
    const out = path.join(dir, "demo.xlsx");
    const r = await runCli(["demo", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/预警：红 2，黄 3，蓝 1，绿 12/);
  });
});

describe("options remembered by the workbook", () => {
  it("a rerun without flags uses the stored as-of date and window, and says that date", async () => {
    const input = path.join(dir, "实事.csv");
    writeFileSync(
      input,
      [
        "2024年民生实事项目",
        "序号,实事项目,牵头单位,完成时限,1-6月进展,1-9月进展",
        "1,建成城东污水处理厂,县住建局,6月底前,正在推进,",
        "2,完成造林1万亩,县林业局,7月18日前,正在推进,正在推进",
      ].join("\n"),
    );
    const out = path.join(dir, "实事台账.xlsx");
    const first = await runCli(
      [
        "generate",
        input,
        "-o",
        out,
        "--as-of",
        "2024-07-01",
        "--due-soon",
        "20",
        "--map",
        "title=实事项目",
        "progress=E,F",
      ],
      "2024-07-01",
    );
    expect(first.err).toBe("");
    // Months later, the office reruns on the ledger with no flags at all.
    const again = await runCli(["generate", out, "--in-place"], "2026-12-01");
    expect(again.err).toBe("");
    expect(again.code).toBe(0);
    const view = new PackagePort(new Uint8Array(readFileSync(out))).viewNow();
    const summary = view.grid("汇总")!.rows.flat().map(String).join(" ");
    expect(summary).toMatch(/统计截至 2024年7月1日/);
    expect(summary).not.toMatch(/2026/);
    const json = await runCli(["check", out, "--json"], "2026-12-01");
    const report = JSON.parse(json.out) as { asOf: string; tasks: { title: string; warning: string }[] };
    expect(report.asOf).toBe("2024-07-01");
    expect(report.tasks.map((x) => x.title)).toEqual(["建成城东污水处理厂", "完成造林1万亩"]);
    // 18 July is 17 days after 1 July: due soon in the stored 20-day window (not in the default 15).
    expect(report.tasks[1]!.warning).toBe("blue");
    // A flag still wins.
    expect(JSON.parse((await runCli(["check", out, "--json", "--as-of", "2024-08-01"])).out).asOf).toBe(
      "2024-08-01",
    );
  });
});
