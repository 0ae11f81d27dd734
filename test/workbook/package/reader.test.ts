/**
 * The light sheet reader on files as real programs write them: Excel's prefixes and escapes, the
 * Open XML SDK's `x:` prefixed parts, LibreOffice's output; merges clamped to the used range.
 */
import { execFileSync, spawnSync } from "child_process";
import fc from "fast-check";
import * as path from "path";
import { PackagePort } from "../../../src/workbook/package/port";
import { decodeOoxmlEscapes, unescapeXml, xmlAttr, xmlText } from "../../../src/workbook/package/xml";
import { tempDir, xlsxBytes } from "../../helpers/xlsx";
import { plan } from "./fixtures";
import { CT, MAIN, R, RELS, RT, describeIfLibreOffice, sdkWorkbook, writeAndConvert, zipOf } from "./helpers";

describe("the light sheet reader", () => {
  it("reads an Open XML SDK workbook: prefixes, quotes, strings, escapes, dates by format, 1904 dates", () => {
    const view = new PackagePort(sdkWorkbook()).viewNow();
    expect(view.sheets).toEqual([
      { name: "清单 & '表'", visible: true },
      { name: "隐藏", visible: false },
    ]);
    const g = view.grid("清单 & '表'")!;
    const day1904 = (serial: number) => new Date(Date.UTC(1904, 0, 1) + serial * 86_400_000);
    expect(g.rows).toEqual([
      ["纯文本", "富 文本", "铃\u0007声", 3.5, true, { error: "#N/A" }, "纯文本!"],
      [day1904(45000), day1904(45000), 45000, new Date("2024-07-01T00:00:00Z"), "县委", "A&B\rC_x0041_"],
    ]);
    // Clamped to the cells that hold values (two rows, seven columns); a merge below them is dropped.
    expect(g.merges).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 1, left: 7, bottom: 2, right: 7 },
    ]);
    expect(view.grid("隐藏")).toEqual({ sheet: "隐藏", rows: [], merges: [] });
    expect(view.grid("没有")).toBeUndefined();
  });

  it("a merge over a whole sheet costs nothing", () => {
    const bytes = zipOf({
      "[Content_Types].xml": CT,
      "_rels/.rels": `<Relationships xmlns="${RELS}"><Relationship Id="r" Type="${RT}officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="S" sheetId="1" r:id="a"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${RELS}"><Relationship Id="a" Type="${RT}worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      "xl/worksheets/sheet1.xml":
        `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="C3"><v>2</v></c></row></sheetData>` +
        `<mergeCells><mergeCell ref="A1:XFD1048576"/><mergeCell ref="B1:B1048576"/></mergeCells></worksheet>`,
    });
    const start = performance.now();
    const g = new PackagePort(bytes).viewNow().grid("S")!;
    expect(g.rows).toEqual([[1], [], [null, null, 2]]);
    expect(g.merges).toEqual([
      { top: 1, left: 1, bottom: 3, right: 3 },
      { top: 1, left: 2, bottom: 3, right: 2 },
    ]);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it("reads what ExcelJS writes: shared strings, rich text, formulas' results, dates, merges", async () => {
    const bytes = await xlsxBytes([
      {
        name: "表",
        rows: [
          ["标题", null, null],
          [1, { formula: "A2*2", result: 2 }, new Date(Date.UTC(2024, 5, 30))],
          [{ error: "#DIV/0!" }, "x", null],
        ],
        merges: ["A1:C1"],
      },
    ]);
    const g = new PackagePort(bytes).viewNow().grid("表")!;
    expect(g.rows).toEqual([["标题"], [1, 2, new Date(Date.UTC(2024, 5, 30))], [{ error: "#DIV/0!" }, "x"]]);
    expect(g.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
  });

  it("whatever text the writer escapes, the reader gives back as it was (lone surrogates aside)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary" }), fc.constantFrom("_x0041_", "a\r\nb", "_x005f_", "&<>\"'")),
        (s) => {
          const storable = s.replace(
            /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
            "\ufffd",
          );
          expect(decodeOoxmlEscapes(unescapeXml(xmlText(s)))).toBe(storable);
          expect(xmlAttr(s)).not.toMatch(/[<&"](?!amp;|lt;|gt;|quot;)/);
        },
      ),
    );
  });
});

describeIfLibreOffice("a workbook saved by LibreOffice", () => {
  it("reads its values and merges, an escape-like text as written", () => {
    const dir = tempDir();
    const fods =
      `<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
      `xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ` +
      `office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet>` +
      `<table:table table:name="任务清单"><table:table-row><table:table-cell table:number-columns-spanned="3" office:value-type="string">` +
      `<text:p>2024年重点任务</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>` +
      `<table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>` +
      `<table:table-cell office:value-type="string"><text:p>修路 &amp; 架桥</text:p></table:table-cell>` +
      `<table:table-cell office:value-type="string"><text:p>_x0041_ 是</text:p></table:table-cell></table:table-row>` +
      `</table:table></office:spreadsheet></office:body></office:document>`;
    const xlsx = writeAndConvert(dir, "lo.fods", fods, "xlsx");
    const view = new PackagePort(xlsx).viewNow();
    expect(view.sheets).toEqual([{ name: "任务清单", visible: true }]);
    const g = view.grid("任务清单")!;
    expect(g.rows).toEqual([["2024年重点任务"], [1, "修路 & 架桥", "_x0041_ 是"]]);
    expect(g.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);

    // Written into, it prints in LibreOffice: the user's sheet and the generated ones.
    const port = new PackagePort(xlsx);
    const p = plan(["县发改局"]);
    port.applyNow(p, null);
    const pdf = writeAndConvert(dir, "lo-out.xlsx", port.bytes(), "pdf");
    if (spawnSync("which", ["pdftotext"]).status === 0) {
      const text = execFileSync("pdftotext", [path.join(dir, "lo-out.pdf"), "-"], { encoding: "utf8" });
      expect(text).toContain("2024年重点任务");
      expect(text).toContain("县发改局 重点工作任务");
      expect(text).not.toContain("Task Ledger settings");
    } else expect(pdf.length).toBeGreaterThan(1000);
  });
});
