/**
 * Native charts as DrawingML parts: well-formed XML whose structure points at the planned ranges,
 * and — in a tiny package assembled here by hand, as the package writer will — charts that
 * LibreOffice renders from the cells (page kept as a PNG in artifacts/).
 */
import { DOMParser } from "@xmldom/xmldom";
import fc from "fast-check";
import { execFileSync } from "child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "fs";
import { strToU8, zipSync } from "fflate";
import * as path from "path";
import { validateXML } from "xmllint-wasm";
import type { ChartPlan } from "../../src/core/plan/model";
import {
  CHART_CONTENT_TYPE,
  CHART_REL_TYPE,
  DRAWING_CONTENT_TYPE,
  DRAWING_REL_TYPE,
  cacheFromRows,
  chartXml,
  columnLetters,
  drawingElement,
  drawingXml,
  escapeXml,
  rangeRef,
  relationshipsXml,
} from "../../src/workbook/package/chart-xml";
import { convertWithLibreOffice, libreOfficeHere, warnIfMissing } from "../helpers/libreoffice";
import { tempDir } from "../helpers/xlsx";

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const ARTIFACTS = path.join(__dirname, "..", "..", "artifacts");

/** Well-formed by libxml2 (xmllint), then parsed for the structural checks. */
async function parse(xml: string): Promise<Document> {
  const lint = await validateXML({ xml: [{ fileName: "part.xml", contents: xml }], normalization: "c14n" });
  expect(lint.errors.map((e) => e.message)).toEqual([]);
  return new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
}
const all = (node: Document | Element, ns: string, name: string) =>
  Array.from((node as Element).getElementsByTagNameNS(ns, name));
const one = (node: Document | Element, ns: string, name: string) => {
  const found = all(node, ns, name);
  expect([name, found.length]).toEqual([name, 1]);
  return found[0]!;
};
const val = (node: Document | Element, name: string) => one(node, C, name).getAttribute("val");

// The 汇总 sheet's figures: units sorted by completion (best first), statuses, periods.
const SHEET = "汇总";
const UNITS: [string, number, number][] = [
  ["县财政局", 4, 1],
  ["县委组织部", 4, 0.75],
  ["县发展和改革局", 3, 0.6667],
  ["县民政局", 2, 0.5],
  ["县乡村振兴局", 7, 0.2857],
  ["八渡镇", 1, 0],
];
const STATUS: [string, number][] = [
  ["已完成", 6],
  ["按序时推进", 7],
  ["滞后", 3],
  ["逾期", 3],
  ["未报送", 3],
];
const PERIODS: [string, number][] = [
  ["2024-09", 0.18],
  ["2024-10", 0.23],
  ["2024-11", 0.27],
];

const range = (top: number, left: number, bottom: number, right: number) => ({
  sheet: SHEET,
  top,
  left,
  bottom,
  right,
});
const BAR: ChartPlan = {
  kind: "bar",
  title: "各单位牵头任务完成率",
  anchor: { top: 2, left: 6, bottom: 18, right: 12 },
  categories: range(2, 1, 7, 1),
  series: [{ name: "完成率", values: range(2, 3, 7, 3), color: "FF0F6CBD" }],
};
const PIE: ChartPlan = {
  kind: "pie",
  title: "任务状态占比",
  anchor: { top: 20, left: 6, bottom: 36, right: 12 },
  categories: range(10, 1, 14, 1),
  series: [{ name: "任务数", values: range(10, 2, 14, 2) }],
};
const LINE: ChartPlan = {
  kind: "line",
  title: "完成率变化",
  anchor: { top: 38, left: 6, bottom: 54, right: 12 },
  categories: range(18, 1, 20, 1),
  series: [{ name: "完成率", values: range(18, 2, 20, 2) }],
};

describe("chart parts", () => {
  it("refer to ranges absolutely, the sheet name always quoted", () => {
    expect(columnLetters(1)).toBe("A");
    expect(columnLetters(26)).toBe("Z");
    expect(columnLetters(27)).toBe("AA");
    expect(columnLetters(703)).toBe("AAA");
    expect(rangeRef(range(2, 1, 7, 1))).toBe("'汇总'!$A$2:$A$7");
    expect(rangeRef({ sheet: "Bob's sheet", top: 3, left: 28, bottom: 3, right: 28 })).toBe(
      "'Bob''s sheet'!$AB$3",
    );
    expect(escapeXml(`a<b & "c">`)).toBe("a&lt;b &amp; &quot;c&quot;&gt;");
  });

  it("write any sheet name and range so that it reads back the same (property)", () => {
    const letters = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[:\\/?*[\]]/.test(s)),
        fc.integer({ min: 1, max: 1_048_576 }),
        fc.integer({ min: 1, max: 16_384 }),
        fc.nat({ max: 50 }),
        fc.nat({ max: 30 }),
        (sheet, top, left, h, w) => {
          const r = { sheet, top, left, bottom: top + h, right: left + w };
          const m = /^'((?:[^']|'')*)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(rangeRef(r));
          expect(m).not.toBeNull();
          expect(m![1]!.replace(/''/g, "'")).toBe(sheet);
          expect([letters(m![2]!), Number(m![3])]).toEqual([left, top]);
          expect(m![4] ? [letters(m![4]), Number(m![5])] : [left, top]).toEqual([left + w, top + h]);
        },
      ),
    );
  });

  it("bar: a clustered bar chart with values on the bars, first row on top, refs to the planned ranges", async () => {
    const doc = await parse(chartXml(BAR, { numberFormat: "0%", valueMax: 1 }));
    expect(doc.documentElement.localName).toBe("chartSpace");
    expect(doc.documentElement.namespaceURI).toBe(C);
    const bar = one(doc, C, "barChart");
    expect(val(bar, "barDir")).toBe("bar");
    expect(val(bar, "grouping")).toBe("clustered");
    const ser = one(bar, C, "ser");
    expect(one(one(ser, C, "cat"), C, "f").textContent).toBe("'汇总'!$A$2:$A$7");
    expect(one(one(ser, C, "val"), C, "f").textContent).toBe("'汇总'!$C$2:$C$7");
    const dl = one(ser, C, "dLbls");
    expect(val(dl, "showVal")).toBe("1");
    expect(one(dl, C, "numFmt").getAttribute("formatCode")).toBe("0%");
    // The sheet's sorted order reads top to bottom.
    expect(val(one(doc, C, "catAx"), "orientation")).toBe("maxMin");
    expect(val(one(doc, C, "valAx"), "min")).toBe("0");
    expect(val(one(doc, C, "valAx"), "max")).toBe("1");
    // The plan's ARGB colour becomes the bar's RGB fill.
    expect(
      one(
        one(ser, C, "spPr"),
        "http://schemas.openxmlformats.org/drawingml/2006/main",
        "srgbClr",
      ).getAttribute("val"),
    ).toBe("0F6CBD");
    expect(one(doc, C, "title").textContent).toBe("各单位牵头任务完成率");
    expect(val(one(doc, C, "legend"), "legendPos")).toBe("b");
  });

  it("pie: status shares labelled with name and percent, one colour per slice", async () => {
    const doc = await parse(chartXml(PIE));
    const pie = one(doc, C, "pieChart");
    expect(val(pie, "varyColors")).toBe("1");
    const ser = one(pie, C, "ser");
    expect(all(ser, C, "dPt")).toHaveLength(5);
    const dl = one(ser, C, "dLbls");
    expect([val(dl, "showPercent"), val(dl, "showCatName")]).toEqual(["1", "1"]);
    expect(one(one(ser, C, "cat"), C, "f").textContent).toBe("'汇总'!$A$10:$A$14");
    expect(all(doc, C, "catAx")).toHaveLength(0);
  });

  it("line: completion over periods with markers and values", async () => {
    const doc = await parse(chartXml(LINE, { numberFormat: "0%" }));
    const line = one(doc, C, "lineChart");
    const ser = one(line, C, "ser");
    expect(val(one(ser, C, "marker"), "symbol")).toBe("circle");
    expect(one(one(ser, C, "val"), C, "f").textContent).toBe("'汇总'!$B$18:$B$20");
    expect(val(one(ser, C, "dLbls"), "showVal")).toBe("1");
  });

  it("carry a cache of the current values when given one", async () => {
    const doc = await parse(
      chartXml(BAR, {
        numberFormat: "0%",
        cache: { categories: UNITS.map((u) => u[0]), values: [UNITS.map((u) => u[2])] },
      }),
    );
    const cat = one(doc, C, "strCache");
    expect(val(cat, "ptCount")).toBe("6");
    expect(all(cat, C, "v").map((v) => v.textContent)).toEqual(UNITS.map((u) => u[0]));
    expect(all(one(doc, C, "numCache"), C, "v").map((v) => Number(v.textContent))).toEqual(
      UNITS.map((u) => u[2]),
    );
  });

  it("take the cache from the planned sheet's own cells", () => {
    const rows = [
      [{ v: "单位" }, { v: "牵头" }, { v: "完成率" }],
      ...UNITS.map(([name, lead, rate]) => [{ v: name }, { v: lead }, { v: rate, s: "percent" as const }]),
    ];
    expect(cacheFromRows(BAR, { name: SHEET, rows })).toEqual({
      categories: UNITS.map((u) => u[0]),
      values: [UNITS.map((u) => u[2])],
    });
    // A text or empty value cell is a gap, not a zero; a range on another sheet is not cached.
    rows[2]![2] = { v: "—" };
    expect(cacheFromRows(BAR, { name: SHEET, rows: rows.slice(0, 4) })!.values[0]).toEqual([
      1,
      null,
      0.6667,
      null,
      null,
      null,
    ]);
    expect(cacheFromRows(BAR, { name: "其他", rows })).toBeUndefined();
  });

  it("escape titles and series names that hold markup characters", async () => {
    const doc = await parse(
      chartXml({ ...BAR, title: `A & B <"C">`, series: [{ ...BAR.series[0]!, name: "x<y" }] }),
    );
    expect(one(doc, C, "title").textContent).toBe(`A & B <"C">`);
  });

  it("drawing: one two-cell anchor per chart over the planned cells, pointing at its relationship", async () => {
    const doc = await parse(
      drawingXml([
        { anchor: BAR.anchor, relId: "rId1", name: "完成率" },
        { anchor: PIE.anchor, relId: "rId2", name: "状态" },
      ]),
    );
    const anchors = all(doc, XDR, "twoCellAnchor");
    expect(anchors).toHaveLength(2);
    const cell = (a: Element, tag: string) => {
      const m = one(a, XDR, tag);
      return [Number(one(m, XDR, "col").textContent), Number(one(m, XDR, "row").textContent)];
    };
    // 1-based inclusive F2:L18 → from (5,1) to (12,18), zero-based corners.
    expect(cell(anchors[0]!, "from")).toEqual([5, 1]);
    expect(cell(anchors[0]!, "to")).toEqual([12, 18]);
    const chart = one(anchors[1]!, C, "chart");
    expect(
      chart.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id"),
    ).toBe("rId2");
    const ids = all(doc, XDR, "cNvPr").map((e) => e.getAttribute("id"));
    expect(new Set(ids).size).toBe(ids.length);
  });

  warnIfMissing("the chart print test");
  const itIfLibreOffice = libreOfficeHere ? it : it.skip;

  itIfLibreOffice(
    "LibreOffice renders the three charts from the sheet's cells (PNG in artifacts/)",
    () => {
      const dir = tempDir();
      const file = path.join(dir, "charts.xlsx");
      writeFileSync(file, tinyPackage());
      convertWithLibreOffice([file], "pdf", dir);
      const pdf = path.join(dir, "charts.pdf");
      const text = execFileSync("pdftotext", ["-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" }).replace(
        /\s+/g,
        "",
      );
      // Titles and data labels are drawn by the charts: the cells hold 0.75 and 6, the bar's label
      // says 75%, the pie's 27.3% (6 of 22), the line's last point 27%.
      for (const s of ["各单位牵头任务完成率", "任务状态占比", "完成率变化", "75%", "67%", "27.3%", "27%"])
        expect([s, text.includes(s)]).toEqual([s, true]);
      mkdirSync(ARTIFACTS, { recursive: true });
      execFileSync("pdftoppm", [
        "-f",
        "1",
        "-l",
        "1",
        "-r",
        "70",
        "-png",
        "-singlefile",
        pdf,
        path.join(dir, "charts"),
      ]);
      copyFileSync(path.join(dir, "charts.png"), path.join(ARTIFACTS, "summary-charts.png"));
    },
    180_000,
  );
});

/** A one-sheet workbook with the figures and three charts, assembled as the package writer will. */
function tinyPackage(): Uint8Array {
  const rows: (string | number)[][] = [["单位", "牵头", "完成率"], ...UNITS];
  while (rows.length < 8) rows.push([]);
  rows.push(["状态", "任务数"], ...STATUS);
  while (rows.length < 15) rows.push([]);
  rows.push([], ["期次", "完成率"], ...PERIODS);
  const cell = (v: string | number, r: number, c: number) => {
    const ref = `${columnLetters(c)}${r}`;
    return typeof v === "number"
      ? `<c r="${ref}"><v>${v}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
  };
  const sheetData = rows
    .map((row, i) =>
      row.length ? `<row r="${i + 1}">${row.map((v, j) => cell(v, i + 1, j + 1)).join("")}</row>` : "",
    )
    .join("");
  const sheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><cols><col min="1" max="1" width="18" customWidth="1"/></cols><sheetData>${sheetData}</sheetData>` +
    `<pageMargins left="0.5" right="0.5" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="1"/>${drawingElement("rId1")}</worksheet>`;
  const files: Record<string, string> = {
    "[Content_Types].xml":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${DRAWING_CONTENT_TYPE}"/>` +
      [1, 2, 3]
        .map((n) => `<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CHART_CONTENT_TYPE}"/>`)
        .join("") +
      `</Types>`,
    "_rels/.rels": relationshipsXml([
      {
        id: "rId1",
        type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        target: "xl/workbook.xml",
      },
    ]),
    "xl/workbook.xml":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<sheets><sheet name="${SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": relationshipsXml([
      {
        id: "rId1",
        type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
        target: "worksheets/sheet1.xml",
      },
      {
        id: "rId2",
        type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
        target: "styles.xml",
      },
    ]),
    "xl/styles.xml":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>` +
      `<cellXfs count="2"><xf/><xf numFmtId="9" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    "xl/worksheets/sheet1.xml": sheet,
    "xl/worksheets/_rels/sheet1.xml.rels": relationshipsXml([
      { id: "rId1", type: DRAWING_REL_TYPE, target: "../drawings/drawing1.xml" },
    ]),
    "xl/drawings/drawing1.xml": drawingXml([
      { anchor: BAR.anchor, relId: "rId1", name: "完成率" },
      { anchor: PIE.anchor, relId: "rId2", name: "状态占比" },
      { anchor: LINE.anchor, relId: "rId3", name: "完成率变化" },
    ]),
    "xl/drawings/_rels/drawing1.xml.rels": relationshipsXml(
      [1, 2, 3].map((n) => ({ id: `rId${n}`, type: CHART_REL_TYPE, target: `../charts/chart${n}.xml` })),
    ),
    "xl/charts/chart1.xml": chartXml(BAR, { numberFormat: "0%", valueMax: 1 }),
    "xl/charts/chart2.xml": chartXml(PIE),
    "xl/charts/chart3.xml": chartXml(LINE, { numberFormat: "0%", valueMax: 1 }),
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}
