/**
 * The package writer: the planned sheets are added, what an earlier run generated is removed
 * exactly, and the user's parts leave with their bytes; the workbook-level parts only grow.
 */
import ExcelJS from "exceljs";
import { SETTINGS_SHEET } from "../../../src/core/plan/model";
import { Package } from "../../../src/workbook/package/package";
import { PackagePort } from "../../../src/workbook/package/port";
import type { SheetExtras } from "../../../src/workbook/package/writer";
import { readWorkbook } from "../../../src/workbook/package/workbook";
import { elements } from "../../../src/workbook/package/xml";

const readWorkbookOf = (bytes: Uint8Array) => readWorkbook(Package.open(bytes));
import { worksheetToGrid } from "../../helpers/exceljs-grid";
import { WORKBOOK_LEVEL, malformedParts, plan, settings, unitSheet } from "./fixtures";
import { MAIN, R, RELS, RT, sdkWorkbook, zipOf } from "./helpers";

/** A user's workbook: formats, a sheet-scoped and a global name, a formula, two sheets. */
async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("清单");
  a.getCell("A1").value = "用户标题";
  a.getCell("A1").font = { name: "宋体", size: 12, italic: true };
  a.getCell("B2").value = { formula: "1+1", result: 2 };
  a.getCell("C3").value = 0.25;
  a.getCell("C3").numFmt = "0.0%";
  const b = wb.addWorksheet("备忘");
  b.getCell("A1").value = "领导批示";
  wb.definedNames.add("'清单'!$A$1:$A$3", "任务名称");
  b.pageSetup.printArea = "A1:B2";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function exceljs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every problem of structure: rels to missing parts, overrides of missing parts, parts no one reaches. */
function integrity(bytes: Uint8Array, unreachedBefore: ReadonlySet<string> = new Set()): string[] {
  const pkg = Package.open(bytes);
  const problems: string[] = [];
  const reached = new Set<string>();
  const todo = [""];
  while (todo.length) {
    const source = todo.pop()!;
    for (const r of pkg.rels(source)) {
      if (!r.part) continue;
      if (!pkg.has(r.part)) problems.push(`${source || "package"} → missing ${r.part}`);
      else if (!reached.has(r.part)) {
        reached.add(r.part);
        todo.push(r.part);
      }
    }
  }
  for (const n of pkg.names()) {
    if (n === "[Content_Types].xml" || n.endsWith(".rels") || reached.has(n) || unreachedBefore.has(n))
      continue;
    problems.push(`orphan ${n}`);
  }
  const ct = pkg.text("[Content_Types].xml")!;
  for (const { tag } of elements(ct, "Override")) {
    const part = /PartName="\/([^"]*)"/.exec(tag)![1]!;
    if (!pkg.has(part)) problems.push(`override of missing ${part}`);
  }
  for (const n of pkg.names()) if (!pkg.contentType(n)) problems.push(`no content type for ${n}`);
  return problems;
}

function applied(input: Uint8Array | undefined, names: string[], previous = false, extras?: SheetExtras) {
  const port = new PackagePort(input, extras ? { extras } : {});
  const p = plan(names);
  port.applyNow(p, previous ? p.settings : null);
  return port.bytes();
}

/** The items of a collection element, as written. */
function items(xml: string, collection: string, item: string): string[] {
  const c = elements(xml, collection)[0];
  return c ? elements(xml, item, c.start, c.end).map((f) => f.text) : [];
}

describe("the package writer", () => {
  let input: Uint8Array;
  let out: Uint8Array;
  beforeAll(async () => {
    input = await userWorkbook();
    out = applied(input, ["县发改局", "县财政局"]);
  });

  it("leaves every user part with its bytes; the workbook-level parts keep their entries in order", () => {
    const a = Package.open(input);
    const b = Package.open(out);
    for (const n of a.names()) {
      if (WORKBOOK_LEVEL.test(n)) continue;
      expect([n, Buffer.from(b.entry(n)!.raw).equals(Buffer.from(a.entry(n)!.raw))]).toEqual([n, true]);
    }
    const wbBefore = a.text("xl/workbook.xml")!;
    const wbAfter = b.text("xl/workbook.xml")!;
    const sheets = items(wbBefore, "sheets", "sheet");
    expect(items(wbAfter, "sheets", "sheet").slice(0, sheets.length)).toEqual(sheets);
    const names = items(wbBefore, "definedNames", "definedName");
    expect(names.length).toBeGreaterThan(0);
    expect(items(wbAfter, "definedNames", "definedName").slice(0, names.length)).toEqual(names);
    const sBefore = a.text("xl/styles.xml")!;
    const sAfter = b.text("xl/styles.xml")!;
    for (const [c, i] of [
      ["fonts", "font"],
      ["fills", "fill"],
      ["borders", "border"],
      ["cellXfs", "xf"],
      ["numFmts", "numFmt"],
      ["cellStyleXfs", "xf"],
    ]) {
      const before = items(sBefore, c!, i!);
      const after = items(sAfter, c!, i!);
      expect([c, after.slice(0, before.length)]).toEqual([c, before]);
      expect(after.length).toBeGreaterThanOrEqual(before.length);
    }
    const ssBefore = items(a.text("xl/sharedStrings.xml")!, "sst", "si");
    expect(items(b.text("xl/sharedStrings.xml")!, "sst", "si").slice(0, ssBefore.length)).toEqual(ssBefore);
    expect(malformedParts(out)).toEqual([]);
    expect(integrity(out)).toEqual([]);
  });

  it("writes what the plan says, as ExcelJS reads it back", async () => {
    const wb = await exceljs(out);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["清单", "visible"],
      ["备忘", "visible"],
      ["汇总", "visible"],
      ["县发改局", "visible"],
      ["县财政局", "visible"],
      [SETTINGS_SHEET, "veryHidden"],
    ]);
    const ws = wb.getWorksheet("县发改局")!;
    const expected = unitSheet("县发改局");
    expect(worksheetToGrid(ws).rows[2]).toEqual([1, expected.rows[2]![1]!.v, 0]);
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 16, name: "等线" });
    expect(ws.getCell("A2").fill).toMatchObject({ fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("C3").numFmt).toBe("0%");
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(["A1:D1"]);
    expect(ws.getColumn(2).width).toBe(40);
    expect(ws.getColumn(5).hidden).toBe(true);
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\$?2:\$?2$/);
    expect(ws.headerFooter.oddHeader).toBe("&C县发改局 && 台账");
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F4E79" });
    expect(ws.getCell("D3").dataValidation).toMatchObject({ type: "list", formulae: ['"已完成,推进中"'] });
    expect(ws.getCell("C4").dataValidation).toMatchObject({ type: "decimal", formulae: [0, 1] });
    // The user's workbook: its default font and its cells as they were.
    expect(wb.getWorksheet("清单")!.getCell("A1").font).toMatchObject({ name: "宋体", italic: true });
    expect(wb.getWorksheet("清单")!.getCell("C3").numFmt).toBe("0.0%");
    const xml = Package.open(out).text("xl/worksheets/sheet4.xml")!;
    expect(xml).toContain(`<hyperlink ref="B3" location="'汇总'!A1"`);
    expect(xml).toContain(`<sheetProtection sheet="1"`);
    expect(xml).toContain(`<cfRule type="dataBar"`);
    expect(xml).not.toMatch(/<f>/);
  });

  it("the settings and text read back through the package reader, control characters and all", () => {
    const view = new PackagePort(out).viewNow();
    expect(view.grid("县财政局")!.rows[3]![1]).toBe("任务 2：=SUM(A1) & <b>_x0041_ \u0007");
    expect(view.grid(SETTINGS_SHEET)!.rows.length).toBeGreaterThan(1);
  });

  it("regenerating removes exactly the earlier run's parts, drawings and charts included", () => {
    const extras: SheetExtras = (sheet, free) => {
      if (sheet.name !== "县发改局") return null;
      const drawing = free("xl/drawings/drawing", ".xml");
      const chart = free("xl/charts/chart", ".xml");
      const drawingRels = drawing.replace("drawings/", "drawings/_rels/") + ".rels";
      return {
        parts: [
          {
            name: drawing,
            data: `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`,
            contentType: "application/vnd.openxmlformats-officedocument.drawing+xml",
          },
          {
            name: chart,
            data: `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>`,
            contentType: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
          },
          {
            name: drawingRels,
            data: `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${RT}chart" Target="../charts/${chart.split("/").pop()}"/></Relationships>`,
            contentType: "application/vnd.openxmlformats-package.relationships+xml",
          },
        ],
        rels: [{ type: `${RT}drawing`, part: drawing }],
        element: (ids) => `<drawing r:id="${ids[0]}"/>`,
      };
    };
    const first = applied(input, ["县发改局", "县财政局"], false, extras);
    expect(integrity(first)).toEqual([]);
    expect(Package.open(first).names()).toEqual(
      expect.arrayContaining(["xl/drawings/drawing1.xml", "xl/charts/chart1.xml"]),
    );
    // The next run plans other units and no chart: nothing of the first run's is left.
    const port = new PackagePort(first);
    const next = { sheets: [unitSheet("县林业局")], settings: settings([unitSheet("县林业局")]) };
    port.applyNow(next, plan(["县发改局", "县财政局"]).settings);
    const second = port.bytes();
    const pkg = Package.open(second);
    expect(pkg.names().filter((n) => /drawing|chart/.test(n))).toEqual([]);
    expect(integrity(second)).toEqual([]);
    expect(malformedParts(second)).toEqual([]);
    expect(new PackagePort(second).viewNow().sheets.map((s) => s.name)).toEqual([
      "清单",
      "备忘",
      "县林业局",
      SETTINGS_SHEET,
    ]);
    // The user's parts, as they came in the first place.
    const a = Package.open(input);
    for (const n of a.names())
      if (!WORKBOOK_LEVEL.test(n))
        expect([n, Buffer.from(pkg.entry(n)!.raw).equals(Buffer.from(a.entry(n)!.raw))]).toEqual([n, true]);
    // Regenerating the same plan again changes nothing but the workbook-level bookkeeping: styles do not grow.
    const third = applied(second, ["县林业局"], true);
    expect(Package.open(third).text("xl/styles.xml")).toBe(
      Package.open(applied(third, ["县林业局"], true)).text("xl/styles.xml"),
    );
  });

  it("a user's sheet added after the generated ones keeps its sheet-scoped names when those go", async () => {
    const first = new PackagePort(input);
    const p1 = plan(["县发改局"]);
    first.applyNow(p1, null);
    const wb = await exceljs(first.bytes());
    const late = wb.addWorksheet("后加的表");
    late.getCell("A1").value = "后加";
    late.pageSetup.printArea = "A1:A5";
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const port = new PackagePort(edited);
    port.applyNow(plan(["县财政局"]), p1.settings);
    const out2 = await exceljs(port.bytes());
    expect(out2.worksheets.map((w) => w.name)).toEqual([
      "清单",
      "备忘",
      "后加的表",
      "汇总",
      "县财政局",
      SETTINGS_SHEET,
    ]);
    expect(out2.getWorksheet("后加的表")!.pageSetup.printArea).toBe("A1:A5");
    expect(out2.getWorksheet("备忘")!.pageSetup.printArea).toBe("A1:B2");
    expect(out2.getWorksheet("县财政局")!.pageSetup.printTitlesRow).toMatch(/^\$?2:\$?2$/);
    expect(integrity(port.bytes())).toEqual([]);
  });

  it("a calculation chain naming a sheet that goes is dropped with it (Excel rebuilds it); one that does not is kept", () => {
    const first = applied(input, ["县发改局"]);
    const withChain = (sheetId: number) => {
      const pkg = Package.open(first);
      pkg.put("xl/calcChain.xml", `<calcChain xmlns="${MAIN}"><c r="A1" i="${sheetId}"/></calcChain>`);
      const rels = pkg.text("xl/_rels/workbook.xml.rels")!;
      pkg.put(
        "xl/_rels/workbook.xml.rels",
        rels.replace(
          "</Relationships>",
          `<Relationship Id="rIdCalc" Type="${RT}calcChain" Target="calcChain.xml"/></Relationships>`,
        ),
      );
      pkg.editContentTypes(
        [],
        new Map([
          ["xl/calcChain.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"],
        ]),
      );
      return pkg.toBytes();
    };
    const generatedId = readWorkbookOf(first).sheets.find((s) => s.name === "县发改局")!.sheetId;
    const dropped = applied(withChain(generatedId), ["县发改局"], true);
    expect(Package.open(dropped).has("xl/calcChain.xml")).toBe(false);
    expect(integrity(dropped)).toEqual([]);
    const kept = applied(withChain(1), ["县发改局"], true);
    expect(Package.open(kept).text("xl/calcChain.xml")).toContain(`i="1"`);
    expect(integrity(kept)).toEqual([]);
  });

  it("an .xlsm keeps its main content type and its VBA project", () => {
    const vba = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 9, 8, 7]);
    const macro = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
    const bytes = zipOf({
      "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/xl/workbook.xml" ContentType="${macro}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      "_rels/.rels": `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${RT}officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="宏" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${RT}worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`,
      "xl/worksheets/sheet1.xml": `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>宏表</t></is></c></row></sheetData></worksheet>`,
      "xl/vbaProject.bin": vba,
    });
    // Neither a shared string table nor a styles part: the writer adds both.
    const out = applied(bytes, ["县发改局"]);
    const pkg = Package.open(out);
    expect(pkg.contentType("xl/workbook.xml")).toBe(macro);
    expect([...pkg.bytes("xl/vbaProject.bin")!]).toEqual([...vba]);
    expect(pkg.has("xl/styles.xml") && pkg.has("xl/sharedStrings.xml")).toBe(true);
    expect(integrity(out)).toEqual([]);
    expect(malformedParts(out)).toEqual([]);
    const view = new PackagePort(out).viewNow();
    expect(view.grid("宏")!.rows).toEqual([["宏表"]]);
    expect(view.grid("县发改局")!.rows[0]).toEqual(["县发改局 重点工作任务"]);
  });

  it("writes into an Open XML SDK workbook in its own prefixes, its styles part lacking fonts, fills and borders", () => {
    const input = sdkWorkbook();
    const out = applied(input, ["县发改局"]);
    expect(malformedParts(out)).toEqual([]);
    expect(integrity(out)).toEqual([]);
    const pkg = Package.open(out);
    const wbXml = pkg.text("xl/workbook.xml")!;
    expect(wbXml).toMatch(/<x:sheet name="县发改局" sheetId="4" rel:id="rId\d+"\/>/);
    expect(wbXml).toContain(`<x:definedNames><x:definedName name="_xlnm.Print_Titles" localSheetId="2">`);
    const styles = pkg.text("xl/styles.xml")!;
    expect(styles).not.toMatch(/<(?!x:|\/x:|\?)/);
    // Unstyled cells keep a plain font and no border; the user's four cell formats keep their places.
    expect(items(styles, "fonts", "font")[0]).toBe(`<x:font><x:sz val="11"/><x:name val="等线"/></x:font>`);
    expect(items(styles, "borders", "border")[0]).toMatch(/^<x:border><x:left\/>/);
    expect(items(styles, "cellStyleXfs", "xf")).toHaveLength(1);
    expect(items(styles, "cellXfs", "xf").slice(0, 4)).toEqual(
      items(Package.open(input).text("xl/styles.xml")!, "cellXfs", "xf"),
    );
    const before = new PackagePort(input).viewNow();
    const after = new PackagePort(out).viewNow();
    expect(after.grid("清单 & '表'")).toEqual(before.grid("清单 & '表'"));
    expect(after.grid("县发改局")!.rows[0]).toEqual(["县发改局 重点工作任务"]);
  });

  it("a new workbook holds the planned sheets and nothing else", async () => {
    const out = applied(undefined, ["县发改局"]);
    expect(integrity(out)).toEqual([]);
    expect(malformedParts(out)).toEqual([]);
    const wb = await exceljs(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "县发改局", SETTINGS_SHEET]);
    expect(wb.getWorksheet("县发改局")!.getCell("A1").value).toBe("县发改局 重点工作任务");
  });
});
