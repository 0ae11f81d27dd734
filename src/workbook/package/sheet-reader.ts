/**
 * The light sheet reader: a worksheet part's values and merged areas as the core's Grid, read
 * straight from the XML — shared strings (rich text runs joined, phonetic runs left out), inline
 * strings, numbers, booleans, errors, formula results and dates (a number whose cell format is a
 * date format). Only the sheets asked for are inflated and parsed.
 */
import type { CellValue, Grid, MergedArea } from "../../core/read/grid";
import { type Package, isRel } from "./package";
import { type WorkbookInfo, isWorksheet, readWorkbook } from "./workbook";
import { decodeOoxmlEscapes, element, elements, unescapeXml } from "./xml";

/** Column letters to a number: A → 1, XFD → 16384. */
export function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n;
}

/** "B12" → [12, 2] (also "$B$12", "b12"); undefined when it is not a cell reference. */
export function parseRef(ref: string): [number, number] | undefined {
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 0x24) i++; // $
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower case
    if (ch < 0x61 || ch > 0x7a) break;
    col = col * 26 + (ch - 0x60);
  }
  const letters = i - colStart;
  if (letters < 1 || letters > 3) return undefined;
  if (ref.charCodeAt(i) === 0x24) i++;
  let row = 0;
  const rowStart = i;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 0x30 || ch > 0x39) return undefined;
    row = row * 10 + (ch - 0x30);
  }
  const digits = i - rowStart;
  return digits >= 1 && digits <= 7 ? [row, col] : undefined;
}

const T_TEXT = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>/g;
const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;

/** The text of a string item (`<si>` or `<is>`): its runs joined, phonetic guides left out. */
export function stringItemText(xml: string): string {
  const body = xml.includes("rPh") ? xml.replace(PHONETIC, "") : xml;
  let out = "";
  T_TEXT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = T_TEXT.exec(body))) out += m[1];
  return decodeOoxmlEscapes(unescapeXml(out));
}

/** The shared string table's texts. */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const re = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(m[1] ? stringItemText(m[1]) : "");
  return out;
}

/** Built-in number formats that show dates or times. */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** Whether a format code shows a date or time (its d, m, y, h or s outside quotes and brackets). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  const first = bare.split(";")[0] ?? "";
  return /[dmyhs]/i.test(first.replace(/General/gi, ""));
}

/** For each cell format (index into cellXfs), whether it shows a date. */
export function dateStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const f of elements(stylesXml, "numFmt")) {
    const id = /\snumFmtId\s*=\s*["'](\d+)["']/.exec(f.tag)?.[1];
    const code = /\sformatCode\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(f.tag);
    if (id && code) custom.set(Number(id), unescapeXml(code[1] ?? code[2] ?? ""));
  }
  const xfs = element(stylesXml, "cellXfs");
  if (!xfs) return [];
  return elements(stylesXml, "xf", xfs.start, xfs.end).map(({ tag }) => {
    const id = Number(/\snumFmtId\s*=\s*["'](\d+)["']/.exec(tag)?.[1] ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

/** An Excel serial day number as a Date (UTC parts, as Excel stores them). */
export function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  // Serial 60 is Excel's 29 February 1900, which never was; dates before it are one day later.
  const adjusted = days < 61 && !date1904 ? days + 1 : days;
  return new Date(Math.round((adjusted - 25569) * 86_400_000));
}

const IS_TEXT = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

const GT = 0x3e; // >
const SLASH = 0x2f;
const COLON = 0x3a;
const EQUALS = 0x3d;

/** Whether a character ends an element's name: white space, `/` or `>`. */
function endsName(ch: number): boolean {
  return (
    ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d || ch === SLASH || ch === GT || Number.isNaN(ch)
  );
}

/** Where the name of the element starting at `lt` (its `<`) begins after any prefix, and where it ends. */
function nameAt(xml: string, lt: number): { local: number; end: number } {
  let local = lt + 1;
  let i = local;
  for (; !endsName(xml.charCodeAt(i)); i++) if (xml.charCodeAt(i) === COLON) local = i + 1;
  return { local, end: i };
}

/** The `r`, `t` and `s` attributes of a start tag's attribute text (as the tag writes them, quotes either way). */
function cellAttributes(xml: string, from: number, to: number): { r?: string; t?: string; s?: string } {
  const out: { r?: string; t?: string; s?: string } = {};
  let i = from;
  while (i < to) {
    const ch = xml.charCodeAt(i);
    if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d || ch === SLASH) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < to && xml.charCodeAt(i) !== EQUALS && !endsName(xml.charCodeAt(i))) i++;
    // Only one-letter names matter: r, t, s.
    const name = i - nameStart === 1 ? xml[nameStart] : "";
    while (i < to && xml.charCodeAt(i) !== EQUALS) i++;
    i++;
    while (i < to && (xml[i] === " " || xml[i] === "\t" || xml[i] === "\n" || xml[i] === "\r")) i++;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") break;
    const end = xml.indexOf(quote, i + 1);
    if (end < 0 || end > to) break;
    if (name === "r" || name === "t" || name === "s") out[name] ??= xml.slice(i + 1, end);
    i = end + 1;
  }
  return out;
}

/** The text of the `<v>` element (any prefix) in a cell's content, xml[from, to); undefined when it has none. */
function valueText(xml: string, from: number, to: number): string | undefined {
  for (let lt = xml.indexOf("<", from); lt >= 0 && lt < to; lt = xml.indexOf("<", lt + 1)) {
    const { local, end } = nameAt(xml, lt);
    if (end !== local + 1 || xml.charCodeAt(local) !== 0x76) continue; // v
    const gt = xml.indexOf(">", end);
    if (gt < 0 || gt >= to || xml.charCodeAt(gt - 1) === SLASH) return undefined;
    const close = xml.indexOf("<", gt + 1);
    if (close < 0 || close >= to || xml.charCodeAt(close + 1) !== SLASH) return undefined;
    return xml.slice(gt + 1, close);
  }
  return undefined;
}

export interface SheetContext {
  strings: () => readonly string[];
  dates: () => readonly boolean[];
  date1904: boolean;
}

/** A cell's value from its content, xml[from, to). */
function cellValue(
  type: string | undefined,
  xml: string,
  from: number,
  to: number,
  style: number,
  ctx: SheetContext,
): CellValue {
  if (type === "inlineStr") {
    const is = IS_TEXT.exec(xml.slice(from, to));
    return is ? stringItemText(is[1]!) : null;
  }
  const v = valueText(xml, from, to);
  return v === undefined ? null : typedValue(type, v, style, ctx);
}

/** A cell's `<v>` text as its type (t="s", "str", "b", "e", "d", or a number) and format say. */
export function typedValue(type: string | undefined, v: string, style: number, ctx: SheetContext): CellValue {
  switch (type) {
    case "s":
      return ctx.strings()[Number(v)] ?? null;
    case "str":
      return decodeOoxmlEscapes(unescapeXml(v));
    case "b":
      return v.trim() === "1" || v.trim() === "true";
    case "e":
      return { error: unescapeXml(v).trim() };
    case "d": {
      const d = new Date(unescapeXml(v).trim());
      return Number.isNaN(d.getTime()) ? unescapeXml(v) : d;
    }
    default: {
      const n = Number(v);
      if (v.trim() === "" || !Number.isFinite(n)) return null;
      return ctx.dates()[style] ? serialToDate(n, ctx.date1904) : n;
    }
  }
}

/** Where `<sheetData>` starts (its `<`) and where its end tag is (the start, when it closes itself). */
export function sheetDataAt(xml: string): { start: number; end: number } | null {
  const start = xml.search(/<(?:[\w.-]+:)?sheetData[\s>/]/);
  if (start < 0) return null;
  const close = /<\/(?:[\w.-]+:)?sheetData>/g;
  close.lastIndex = start;
  const selfClosed = /^<[^>]*\/>/.test(xml.slice(start, xml.indexOf(">", start) + 1));
  return { start, end: selfClosed ? start : (close.exec(xml)?.index ?? xml.length) };
}

/**
 * A worksheet part's values and merges. Merged areas are clamped to the used range (the cells
 * that hold values): a merge over a whole sheet costs no more than the cells it really covers.
 */
export function readSheetXml(name: string, xml: string, ctx: SheetContext): Grid {
  const rows: CellValue[][] = [];
  const data = sheetDataAt(xml);
  let maxRow = 0;
  let maxCol = 0;
  if (data) {
    const { start: dataAt, end: dataEnd } = data;
    let row = 0;
    let col = 0;
    // A scan from one `<` to the next: rows and cells by their names (any prefix), the rest skipped.
    let at = xml.indexOf("<", xml.indexOf(">", dataAt) + 1);
    while (at >= 0 && at < dataEnd) {
      const { local, end: nameEnd } = nameAt(xml, at);
      const gt = xml.indexOf(">", nameEnd);
      if (gt < 0) break;
      const isRow = nameEnd - local === 3 && xml.startsWith("row", local);
      const isCell = nameEnd - local === 1 && xml.charCodeAt(local) === 0x63; // c
      if (!isRow && !isCell) {
        at = xml.indexOf("<", gt + 1);
        continue;
      }
      const { r, t, s } = cellAttributes(xml, nameEnd, gt);
      if (isRow) {
        row = r && /^\d+$/.test(r) ? Number(r) : row + 1;
        col = 0;
        at = xml.indexOf("<", gt + 1);
        continue;
      }
      const ref = r ? parseRef(r) : undefined;
      if (ref) [row, col] = ref;
      else col++;
      // The cell's content is xml[gt + 1, contentEnd): none when it closes itself.
      let contentEnd = gt + 1;
      let next = gt + 1;
      if (xml.charCodeAt(gt - 1) !== SLASH) {
        const closeTag = local === at + 1 ? "</c>" : `</${xml.slice(at + 1, local)}c>`;
        const end = xml.indexOf(closeTag, gt + 1);
        if (end < 0) break;
        contentEnd = end;
        next = end + closeTag.length;
      }
      at = xml.indexOf("<", next);
      if (row < 1 || col < 1) continue;
      const value = contentEnd > gt + 1 ? cellValue(t, xml, gt + 1, contentEnd, Number(s ?? 0), ctx) : null;
      if (value === null) continue;
      const cells = (rows[row - 1] ??= []);
      cells[col - 1] = value;
      if (row > maxRow) maxRow = row;
      if (col > maxCol) maxCol = col;
    }
  }
  fillHoles(rows);
  return { sheet: name, rows, merges: sheetMerges(xml, maxRow, maxCol) };
}

/** Rows and cells never written are empty (null), not holes. */
export function fillHoles(rows: CellValue[][]): void {
  for (let i = 0; i < rows.length; i++) {
    const r = (rows[i] ??= []);
    for (let c = 0; c < r.length; c++) if (r[c] === undefined) r[c] = null;
  }
}

/** A sheet's merged areas, clamped to the used range (maxRow × maxCol). */
export function sheetMerges(xml: string, maxRow: number, maxCol: number): MergedArea[] {
  const merges: MergedArea[] = [];
  for (const { tag } of elements(xml, "mergeCell")) {
    const ref = /\sref\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? "";
    const [a, b = a] = ref.split(":");
    const from = parseRef(a ?? "");
    const to = parseRef(b ?? "");
    if (!from || !to) continue;
    const top = Math.min(from[0], to[0]);
    const left = Math.min(from[1], to[1]);
    if (top > maxRow || left > maxCol) continue;
    merges.push({
      top,
      left,
      bottom: Math.min(Math.max(from[0], to[0]), maxRow),
      right: Math.min(Math.max(from[1], to[1]), maxCol),
    });
  }
  return merges;
}

/** A package's sheets read on demand, each parsed once. */
export class PackageReader {
  readonly workbook: WorkbookInfo;
  private sst: string[] | null = null;
  private dates: boolean[] | null = null;
  private readonly grids = new Map<string, Grid>();

  constructor(private readonly pkg: Package) {
    this.workbook = readWorkbook(pkg);
  }

  /** Every sheet of the workbook (chart sheets too: their names are taken). */
  sheets(): { name: string; visible: boolean }[] {
    return this.workbook.sheets.map((s) => ({ name: s.name, visible: s.state === "visible" }));
  }

  private context(): SheetContext {
    const rels = this.workbook.rels;
    const partOf = (kind: string) => rels.find((r) => isRel(r, kind))?.part;
    return {
      strings: () => {
        if (!this.sst) {
          const part = partOf("sharedStrings");
          this.sst = readSharedStrings((part && this.pkg.text(part)) || "");
        }
        return this.sst;
      },
      dates: () => {
        if (!this.dates) {
          const part = partOf("styles");
          this.dates = dateStyles(part ? this.pkg.text(part) : undefined);
        }
        return this.dates;
      },
      date1904: this.workbook.date1904,
    };
  }

  /** A sheet's values and merges; undefined when there is no sheet of that name. */
  grid(name: string): Grid | undefined {
    const cached = this.grids.get(name);
    if (cached) return cached;
    const entry = this.workbook.sheets.find((s) => s.name === name);
    if (!entry) return undefined;
    const xml = entry.part && isWorksheet(entry) ? this.pkg.text(entry.part) : undefined;
    const grid = xml ? readSheetXml(name, xml, this.context()) : { sheet: name, rows: [], merges: [] };
    this.grids.set(name, grid);
    return grid;
  }
}
