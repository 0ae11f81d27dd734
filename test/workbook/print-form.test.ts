/**
 * A printed return form holds every task's full text: long tasks get taller rows, text beyond the
 * tallest row runs on in continuation rows, and every page repeats the table's header. Printed by
 * LibreOffice (xlsx → PDF), read back with pdftotext.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import * as path from "path";
import { runCli } from "../helpers/cli";
import { convertWithLibreOffice, libreOfficeHere, warnIfMissing } from "../helpers/libreoffice";
import { tempDir } from "../helpers/xlsx";

warnIfMissing("the form print test");
const describeIfLibreOffice = libreOfficeHere ? describe : describe.skip;

/** A sentence of n characters, numbered so that any cut shows (每句带编号). */
function longText(tag: string, sentences: number): string {
  return Array.from(
    { length: sentences },
    (_, k) => `${tag}第${k + 1}句加快推进重点项目建设并抓好落实。`,
  ).join("");
}

describeIfLibreOffice("the printed return form cuts no text", () => {
  const dir = tempDir();
  let pages: string[] = [];
  const details: string[] = [];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("清单");
    ws.addRow(["序号", "重点任务", "工作内容", "牵头单位", "配合单位", "完成时限"]);
    for (let i = 1; i <= 14; i++) {
      // Task 3 as long as the sample's task 10 (427 characters); task 7 far beyond a row's 409 points.
      const detail = i === 3 ? longText("甲", 25) : i === 7 ? longText("乙", 80) : longText(`任务${i}`, 6);
      details.push(detail);
      ws.addRow([
        i,
        `第${i}项重点任务`,
        detail,
        i % 4 === 0 ? "县财政局" : "县农业农村局",
        i % 4 === 0 ? "县农业农村局" : "县财政局",
        "12月底前",
      ]);
    }
    const list = path.join(dir, "清单.xlsx");
    await wb.xlsx.writeFile(list);
    const r = await runCli([
      "generate",
      list,
      "-o",
      path.join(dir, "台账.xlsx"),
      "--split-dir",
      path.join(dir, "分发"),
    ]);
    expect(r.code).toBe(0);
    const form = path.join(dir, "分发", "县农业农村局.xlsx");
    convertWithLibreOffice([form], "pdf", dir);
    const pdf = path.join(dir, "县农业农村局.pdf");
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    pages = Array.from({ length: count }, (_, i) =>
      execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), pdf, "-"], { encoding: "utf8" }),
    );
  }, 180_000);

  it("prints every sentence of every task, however long", () => {
    // pdftotext may set a one-line neighbouring cell (相关单位) inside a wrapped cell's lines: drop it.
    const all = pages
      .join("")
      .replace(/\s+/g, "")
      .replace(/(配合|牵头)：县(财政局|农业农村局)/g, "");
    expect(details).toHaveLength(14);
    for (const d of details) {
      for (const sentence of d.split("。").filter(Boolean)) {
        // Each numbered sentence is printed whole (a cell wraps it over lines, not across cells).
        const tag = /^(.+?第\d+句)/.exec(sentence)![1]!;
        expect(all).toContain(tag);
      }
      expect(all).toContain(d.slice(-12).replace(/\s+/g, ""));
    }
  });

  it("repeats the table header on every page, so a continuation page is never under the wrong heading", () => {
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages)
      expect([p.includes("序号"), p.includes("类型"), p.includes("佐证材料")]).toEqual([true, true, true]);
  });
});
