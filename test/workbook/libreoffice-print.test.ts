/**
 * The demo workbook opens and prints in a second spreadsheet program: LibreOffice converts it to
 * PDF; the summary and unit sheets print with their Chinese titles, each unit sheet one page wide.
 */
import { execFileSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync } from "fs";
import * as path from "path";
import { runCli } from "../helpers/cli";
import { convertWithLibreOffice, libreOfficeHere, warnIfMissing } from "../helpers/libreoffice";
import { tempDir } from "../helpers/xlsx";

const ARTIFACTS = path.join(__dirname, "..", "..", "artifacts");

warnIfMissing("the print test");
const describeIfLibreOffice = libreOfficeHere ? describe : describe.skip;

describeIfLibreOffice("LibreOffice opens and prints the generated workbook", () => {
  const dir = tempDir();
  const pdf = path.join(dir, "demo.pdf");
  let pages: string[] = [];

  beforeAll(async () => {
    const xlsx = path.join(dir, "demo.xlsx");
    const r = await runCli(["demo", "-o", xlsx]);
    expect(r.code).toBe(0);
    convertWithLibreOffice([xlsx], "pdf", dir);
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    pages = Array.from({ length: count }, (_, i) =>
      execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"], {
        encoding: "utf8",
      }),
    );
  }, 180_000);

  it("prints the summary with its Chinese title and the as-of date", () => {
    const summary = pages.findIndex((p) => p.includes("重点任务推进情况汇总") && p.includes("总体情况"));
    expect(summary).toBeGreaterThanOrEqual(0);
    expect(pages[summary]).toMatch(/统计截至 2024年7月1日/);
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync("pdftoppm", [
      "-f",
      String(summary + 1),
      "-l",
      String(summary + 1),
      "-r",
      "80",
      "-png",
      "-singlefile",
      pdf,
      path.join(dir, "summary"),
    ]);
    copyFileSync(path.join(dir, "summary.png"), path.join(ARTIFACTS, "summary.png"));
    expect(existsSync(path.join(ARTIFACTS, "summary.png"))).toBe(true);
  });

  it("prints a unit sheet with its title and both tables", () => {
    const first = pages.findIndex((p) =>
      p.includes("县乡村振兴局 重点工作任务推进情况表（2024-07；牵头 7 项，配合 8 项）"),
    );
    expect(first).toBeGreaterThanOrEqual(0);
    // A long sheet runs over several pages; each carries the unit's name in its page header.
    const own = pages.slice(first).filter((p, i) => i === 0 || p.trimStart().startsWith("县乡村振兴局"));
    const text = own.join("\n");
    expect(text).toMatch(/牵头/);
    expect(text).toMatch(/配合/);
  });

  it("fits every unit sheet one page wide: no page holds only the right-hand columns", () => {
    // Form pages: the 汇总 also has 序号 and 预警 columns, but no 类型.
    const unitPages = pages.filter((p) => /类型/.test(p) && /预警/.test(p));
    expect(unitPages.length).toBeGreaterThanOrEqual(39);
    for (const p of unitPages) {
      // The first and the last column's headers print on the same page.
      expect([p.includes("序号"), p.includes("佐证材料")]).toEqual([true, true]);
    }
  });
});
