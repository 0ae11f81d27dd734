import ExcelJS from "exceljs";
import fc from "fast-check";
import { readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import * as path from "path";
import type { PlanCell, SheetPlan } from "../../src/core/plan/model";
import { PackagePort } from "../../src/workbook/package/port";
import { writeSheets } from "../../src/workbook/package/writer";
import { loadWorkbook, workbookLinks } from "../helpers/snapshot";
import { tempDir } from "../helpers/xlsx";

const dir = tempDir();

function sheet(name: string, rows: (PlanCell | null)[][], extra: Partial<SheetPlan> = {}): SheetPlan {
  return {
    name,
    role: "unit",
    rows,
    merges: [],
    widths: [20, 20, 20],
    print: { orientation: "portrait", paper: "A4", fitToWidth: true },
    ...extra,
  };
}

/** The planned sheets written into a user's workbook (made by ExcelJS) or a new one, read back by ExcelJS. */
async function write(sheets: SheetPlan[], file: string, userSheet = true): Promise<ExcelJS.Workbook> {
  let port = new PackagePort();
  if (userSheet) {
    const wb = new ExcelJS.Workbook();
    const mine = wb.addWorksheet("我的表");
    mine.getCell("A1").value = "用户自己的数据";
    mine.getCell("B2").value = { formula: "1+1", result: 2 };
    port = new PackagePort(new Uint8Array(await wb.xlsx.writeBuffer()));
  }
  writeSheets(port.package, new Set(), sheets);
  writeFileSync(file, port.bytes());
  return loadWorkbook(file);
}

/** What a spreadsheet can hold of a text: lone surrogates have no encoding at all. */
const storable = (s: string) =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

describe("writing planned sheets into a package", () => {
  it("any text comes back exactly as written (markup, control characters, escapes, emoji)", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.string({ unit: "binary" }),
            fc.constantFrom("_x0041_", "a\r\nb", " 前后空格 ", "&<>\"'", "=SUM(A1)", "_x005f_"),
          ),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        async (texts) => {
          const file = path.join(dir, `texts-${run++}.xlsx`);
          const wb = await write(
            [
              sheet(
                "文本",
                texts.map((v) => [{ v, s: "cell" }]),
              ),
            ],
            file,
            false,
          );
          const ws = wb.getWorksheet("文本")!;
          texts.forEach((text, i) => {
            const value = ws.getCell(i + 1, 1).value;
            // An empty text is an empty cell.
            expect([i, value ?? ""]).toEqual([i, storable(text)]);
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it("writes text that starts like a formula as text, and numbers as numbers", async () => {
    const file = path.join(dir, "formula-like.xlsx");
    const texts = ["=SUM(A1:A3)", "+86 123", "-减少", "@某人"];
    const wb = await write(
      [sheet("任务", [...texts.map((v) => [{ v } as PlanCell]), [{ v: 42, s: "number" }]])],
      file,
    );
    const ws = wb.getWorksheet("任务")!;
    texts.forEach((text, i) => {
      expect(ws.getCell(i + 1, 1).value).toBe(text);
      expect(ws.getCell(i + 1, 1).type).toBe(ExcelJS.ValueType.String);
    });
    expect(ws.getCell(5, 1).value).toBe(42);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => f.startsWith("xl/worksheets/"))
        .map((f) => zip.file(f)!.async("string")),
    );
    // The only formula in the package is the user's own.
    expect(xml.join("").match(/<f>/g)).toHaveLength(1);
  });

  it("keeps the plan's styles, row heights, merges, widths and links, and the user's sheet", async () => {
    const file = path.join(dir, "styled.xlsx");
    const plan = sheet(
      "汇总",
      [
        [{ v: "标题", s: "title" }],
        [
          { v: "县财政局", s: "link", link: { sheet: "我的表", row: 2, col: 2 } },
          { v: 0.5, s: "percent" },
          { v: "逾期", s: "red" },
        ],
      ],
      { merges: [{ top: 1, left: 1, bottom: 1, right: 3 }], rowHeights: [30, undefined] },
    );
    const wb = await write([plan], file);
    const ws = wb.getWorksheet("汇总")!;
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell("B2").numFmt).toBe("0%");
    expect(ws.getCell("C2").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getColumn(1).width).toBe(20);
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(["A1:C1"]);
    // The palette the writer reads styles from is gone.
    expect(ws.rowCount).toBe(2);
    expect((await workbookLinks(file)).get("汇总")).toEqual(new Map([["A2", "'我的表'!B2"]]));
    const mine = wb.getWorksheet("我的表")!;
    expect(mine.getCell("A1").value).toBe("用户自己的数据");
    expect(mine.getCell("B2").value).toEqual({ formula: "1+1", result: 2 });
  });
});
