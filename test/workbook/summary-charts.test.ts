/**
 * The 汇总 sheet's native charts in files: a generated ledger carries a drawing and two chart parts
 * (completion by unit, tasks by state) over the chart-data table the sheet writes, with the same
 * figures cached; a regenerate leaves exactly one set; LibreOffice draws them when it prints the
 * summary (the page goes to artifacts/ as a PNG).
 */
import { execFileSync } from "child_process";
import { copyFileSync, mkdirSync, readFileSync } from "fs";
import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import * as path from "path";
import { runCli } from "../helpers/cli";
import { convertWithLibreOffice, libreOfficeHere, warnIfMissing } from "../helpers/libreoffice";
import { tempDir } from "../helpers/xlsx";
import { PackagePort } from "../../src/workbook/package/port";

const ARTIFACTS = path.join(__dirname, "..", "..", "artifacts");
warnIfMissing("the summary charts print test");
const itIfLibreOffice = libreOfficeHere ? it : it.skip;

const dir = tempDir();
const AS_OF = "2024-07-20";

async function listWorkbook(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("清单");
  ws.addRow(["2024年重点工作任务清单"]);
  ws.addRow(["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"]);
  ws.addRow([1, "建成城东污水处理厂", "县住建局", "县财政局", "10月底前", "完成80%"]);
  ws.addRow([2, "整治城区黑臭水体", "县财政局", "", "6月底前", "正在推进"]);
  ws.addRow([3, "完成人工造林1万亩", "县林业局", "县财政局", "12月底前", "完成20%"]);
  ws.addRow([4, "新建公厕8座", "县住建局", "县财政局", "9月底前", "已完成"]);
  ws.addRow([5, "改造老旧小区12个", "县生态环境局", "", "12月底前", "已完成"]);
  await wb.xlsx.writeFile(file);
  return file;
}

const parts = (file: string) =>
  Object.fromEntries(Object.entries(unzipSync(readFileSync(file))).map(([k, v]) => [k, strFromU8(v)]));

/** The cached values of a chart part, in order. */
const cached = (xml: string, tag: "c:cat" | "c:val") =>
  [...(new RegExp(`<${tag}>[\\s\\S]*?</${tag}>`).exec(xml)?.[0] ?? "").matchAll(/<c:v>([^<]*)<\/c:v>/g)].map(
    (m) => m[1]!,
  );

describe("the summary's native charts in a file", () => {
  const ledger = path.join(dir, "台账.xlsx");

  beforeAll(async () => {
    const list = await listWorkbook(path.join(dir, "清单.xlsx"));
    const g = await runCli(["generate", list, "-o", ledger, "--as-of", AS_OF], AS_OF);
    expect(g.code).toBe(0);
  }, 60_000);

  it("adds a drawing with a bar and a pie over the sheet's chart data, with the same figures cached", () => {
    const p = parts(ledger);
    const charts = Object.keys(p).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(2);
    expect(p["[Content_Types].xml"]).toContain('PartName="/xl/charts/chart1.xml"');
    expect(p["[Content_Types].xml"]).toContain('PartName="/xl/drawings/drawing1.xml"');
    const bar = charts.map((n) => p[n]!).find((x) => x.includes("<c:barChart>"))!;
    const pie = charts.map((n) => p[n]!).find((x) => x.includes("<c:pieChart>"))!;
    expect(bar).toContain("各单位牵头任务完成率");
    expect(pie).toContain("任务状态构成");

    // The chart data as the sheet holds it: unit | rate, best first; state | tasks.
    const grid = new PackagePort(readFileSync(ledger)).viewNow().grid("汇总")!;
    const at = grid.rows.findIndex((r) => r[0] === "图表数据");
    expect(at).toBeGreaterThan(0);
    const units: [string, number][] = [];
    let r = at + 2;
    for (; typeof grid.rows[r]?.[1] === "number"; r++)
      units.push([String(grid.rows[r]![0]), Number(grid.rows[r]![1])]);
    expect(units.map(([, v]) => v)).toEqual([...units.map(([, v]) => v)].sort((a, b) => b - a));
    expect(units).toEqual(
      expect.arrayContaining([
        ["县生态环境局", 1],
        ["县住房和城乡建设局", 0.5],
        ["县财政局", 0],
        ["县林业局", 0],
      ]),
    );
    expect(cached(bar, "c:cat")).toEqual(units.map(([u]) => u));
    expect(cached(bar, "c:val").map(Number)).toEqual(units.map(([, v]) => v));
    const states = grid.rows.slice(r + 2, r + 7).map((x) => [String(x[0]), Number(x[1])]);
    expect(states.map(([s]) => s)).toEqual(["已完成", "按序时推进", "滞后", "逾期", "未报送"]);
    // Every task in exactly one state: 2 done, 1 overdue (6月底), 1 behind (20% < 序时 − 10).
    expect(states.map(([, n]) => n)).toEqual([2, 1, 1, 1, 0]);
    expect(cached(pie, "c:val").map(Number)).toEqual(states.map(([, n]) => n));
  });

  it("a regenerate replaces the charts: one drawing, two charts, nothing left over", async () => {
    const g = await runCli(["generate", ledger, "--in-place", "--as-of", AS_OF], AS_OF);
    expect(g.code).toBe(0);
    const names = Object.keys(parts(ledger)).filter((n) => /chart|drawing/.test(n));
    expect(names.sort()).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
    ]);
  }, 60_000);

  itIfLibreOffice(
    "LibreOffice draws both charts when it prints the summary (PNG in artifacts/)",
    () => {
      convertWithLibreOffice([ledger], "pdf", dir);
      const pdf = path.join(dir, "台账.pdf");
      const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
      const pages = Array.from({ length: count }, (_, i) =>
        execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), pdf, "-"], { encoding: "utf8" }),
      );
      // The chart titles are drawn by the charts, not by any cell.
      const page = pages.findIndex((p) => p.includes("各单位牵头任务完成率"));
      expect(page).toBeGreaterThanOrEqual(0);
      expect(pages[page]).toContain("任务状态构成");
      mkdirSync(ARTIFACTS, { recursive: true });
      const png = path.join(dir, "charts");
      execFileSync("pdftoppm", [
        "-f",
        String(page + 1),
        "-l",
        String(page + 1),
        "-r",
        "80",
        "-png",
        "-singlefile",
        pdf,
        png,
      ]);
      copyFileSync(`${png}.png`, path.join(ARTIFACTS, "summary-charts.png"));
    },
    180_000,
  );
});
