/**
 * The sheet reader scans a worksheet's XML by hand (it was a set of regular expressions: a fifth of
 * reading a 30,000-task list). Differential test: every worksheet of the 385 workbooks saved by
 * Excel, plus shapes no Excel writes (prefixes, single quotes, formulas, inline strings, cells
 * without references), reads exactly as the regular-expression reader below — kept here as the
 * oracle, as it was — read it.
 */
import fc from "fast-check";
import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import type { CellValue, Grid } from "../../../src/core/read/grid";
import { Package } from "../../../src/workbook/package/package";
import {
  PackageReader,
  type SheetContext,
  fillHoles,
  parseRef,
  readSheetXml,
  sheetDataAt,
  sheetMerges,
  stringItemText,
  typedValue,
} from "../../../src/workbook/package/sheet-reader";
import { isWorksheet } from "../../../src/workbook/package/workbook";

// ---- the oracle: the reader as it was before the scan ----
const CELL_OR_ROW = /<((?:[\w.-]+:)?)(row|c)(?=[\s/>])([^>]*)>/g;
const CELL_ATTR = /\s(r|t|s)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const V_TEXT = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?v>/;
const IS_TEXT = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

function oracleValue(type: string | undefined, body: string, style: number, ctx: SheetContext): CellValue {
  if (type === "inlineStr") {
    const is = IS_TEXT.exec(body);
    return is ? stringItemText(is[1]!) : null;
  }
  // Finding the <v> text is what the scan changed; reading it as its type is the reader's own.
  const v = V_TEXT.exec(body)?.[1];
  return v === undefined ? null : typedValue(type, v, style, ctx);
}

function oracle(name: string, xml: string, ctx: SheetContext): Grid {
  const rows: CellValue[][] = [];
  const data = sheetDataAt(xml);
  let maxRow = 0;
  let maxCol = 0;
  if (data) {
    const { start: dataAt, end: dataEnd } = data;
    let row = 0;
    let col = 0;
    CELL_OR_ROW.lastIndex = dataAt;
    let m: RegExpExecArray | null;
    while ((m = CELL_OR_ROW.exec(xml)) && m.index < dataEnd) {
      const attrs = m[3]!;
      let r: string | undefined;
      let t: string | undefined;
      let s: string | undefined;
      CELL_ATTR.lastIndex = 0;
      let a: RegExpExecArray | null;
      while ((a = CELL_ATTR.exec(attrs))) {
        const v = a[2] ?? a[3];
        if (a[1] === "r") r = v;
        else if (a[1] === "t") t = v;
        else s = v;
      }
      if (m[2] === "row") {
        row = r && /^\d+$/.test(r) ? Number(r) : row + 1;
        col = 0;
        continue;
      }
      const ref = r ? oracleRef(r) : undefined;
      if (ref) [row, col] = ref;
      else col++;
      let body = "";
      if (!attrs.endsWith("/")) {
        const closeTag = `</${m[1]!}c>`;
        const end = xml.indexOf(closeTag, CELL_OR_ROW.lastIndex);
        if (end < 0) break;
        body = xml.slice(CELL_OR_ROW.lastIndex, end);
        CELL_OR_ROW.lastIndex = end + closeTag.length;
      }
      if (row < 1 || col < 1) continue;
      const value = body ? oracleValue(t, body, Number(s ?? 0), ctx) : null;
      if (value === null) continue;
      const cells = (rows[row - 1] ??= []);
      cells[col - 1] = value;
      if (row > maxRow) maxRow = row;
      if (col > maxCol) maxCol = col;
    }
  }
  // What the scan did not change (holes filled, merges clamped) is the reader's own.
  fillHoles(rows);
  return { sheet: name, rows, merges: sheetMerges(xml, maxRow, maxCol) };
}

function oracleRef(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let n = 0;
  const letters = m[1]!.toUpperCase();
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return [Number(m[2]), n];
}
// ---- end of the oracle ----

const CORPUS = path.join(__dirname, "..", "..", "fixtures", "corpus", "excel-made");

const ctx: SheetContext = {
  strings: () => ["甲", "县发改局、县财政局", " 空格 ", "a&b"],
  dates: () => [false, true, false],
  date1904: false,
};

describe("the sheet scan reads as the regular-expression reader did", () => {
  it("every worksheet of the workbooks saved by Excel", () => {
    const files = readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f));
    expect(files.length).toBeGreaterThan(300);
    let sheets = 0;
    let cells = 0;
    for (const file of files) {
      const pkg = Package.open(new Uint8Array(readFileSync(path.join(CORPUS, file))));
      const reader = new PackageReader(pkg);
      // The reader's own context (its strings, its date formats), through a sheet it reads.
      const context = (reader as unknown as { context(): SheetContext }).context();
      for (const entry of reader.workbook.sheets) {
        if (!entry.part || !isWorksheet(entry)) continue;
        const xml = pkg.text(entry.part);
        if (xml === undefined) continue;
        const got = readSheetXml(entry.name, xml, context);
        expect({ file, grid: got }).toEqual({ file, grid: oracle(entry.name, xml, context) });
        sheets++;
        cells += got.rows.reduce((n, r) => n + r.filter((v) => v !== null).length, 0);
      }
    }
    expect(sheets).toBeGreaterThan(385);
    expect(cells).toBeGreaterThan(3_000);
  });

  it("cell references, whatever text stands for one", () => {
    const refLike = fc.stringMatching(/^\$?[A-Za-z@[`{]{0,4}\$?[0-9:/]{0,8}$/);
    fc.assert(
      fc.property(fc.oneof(refLike, fc.string({ maxLength: 10 })), (ref) => {
        expect(parseRef(ref)).toEqual(oracleRef(ref));
      }),
      { numRuns: 3000 },
    );
    expect(parseRef("XFD1048576")).toEqual([1048576, 16384]);
    expect(parseRef("$b$12")).toEqual([12, 2]);
  });

  it("rows and cells however a writer spells them", () => {
    const prefix = fc.constantFrom("", "x:", "s-1.a:");
    const q = fc.constantFrom('"', "'");
    const space = fc.constantFrom(" ", "  ", "\n", "\t ");
    const ref = fc.option(
      fc
        .tuple(fc.constantFrom("A", "B", "AA", "$C", "zz"), fc.integer({ min: 0, max: 30 }))
        .map(([c, r]) => `${c}${r}`),
    );
    const cell = fc
      .record({
        p: prefix,
        q,
        sp: space,
        r: ref,
        t: fc.option(fc.constantFrom("s", "str", "b", "e", "n", "d", "inlineStr")),
        s: fc.option(fc.constantFrom("0", "1", "2")),
        body: fc.constantFrom(
          "",
          "<v>1</v>",
          "<v>3</v>",
          "<v> 2.5 </v>",
          "<f>SUM(A1:A2)</f><v>45000</v>",
          "<v/>",
          "<v></v>",
          "<is><t>内联</t></is>",
          '<is><r><t>多</t></r><r><t xml:space="preserve"> 段</t></r></is>',
          "<v>TRUE</v>",
          "<v>#N/A</v>",
          "<v>2024-07-01T00:00:00</v>",
          "<v>a&amp;b_x000D_c</v>",
          "<vm>1</vm><v>7</v>",
        ),
        selfClose: fc.boolean(),
      })
      .map(({ p, q: qq, sp, r, t, s, body, selfClose }) => {
        const attrs = [
          r !== null ? `r=${qq}${r}${qq}` : "",
          t !== null ? `t=${qq}${t}${qq}` : "",
          s !== null ? `s = ${qq}${s}${qq}` : "",
        ]
          .filter(Boolean)
          .map((a) => sp + a)
          .join("");
        const v = body.replace(/<(\/?)(v|f|is|t|r|vm)\b/g, `<$1${p}$2`);
        return selfClose || !body ? `<${p}c${attrs}/>` : `<${p}c${attrs}>${v}</${p}c>`;
      });
    const row = fc
      .record({
        r: fc.option(fc.integer({ min: 0, max: 40 })),
        cells: fc.array(cell, { maxLength: 6 }),
        spans: fc.boolean(),
      })
      .map(
        ({ r, cells: cs, spans }) =>
          `<row${r !== null ? ` r="${r}"` : ""}${spans ? ' spans="1:3" ht="15"' : ""}>${cs.join("")}</row>`,
      );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), fc.boolean(), (rows, merge) => {
        const xml =
          `<?xml version="1.0"?><worksheet xmlns="m"><dimension ref="A1"/><sheetData>${rows.join("")}</sheetData>` +
          (merge ? '<mergeCells><mergeCell ref="A1:B2"/></mergeCells>' : "") +
          "</worksheet>";
        expect(readSheetXml("表", xml, ctx)).toEqual(oracle("表", xml, ctx));
      }),
      { numRuns: 500 },
    );
  });
});
