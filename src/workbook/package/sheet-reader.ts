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

/** "B12" → [12, 2]; undefined when it is not a cell reference. */
export function parseRef(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  return m ? [Number(m[2]), colNumber(m[1]!.toUpperCase())] : undefined;
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

const CELL_OR_ROW = /<((?:[\w.-]+:)?)(row|c)(?=[\s/>])([^>]*)>/g;
const CELL_ATTR = /\s(r|t|s)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const V_TEXT = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?v>/;
const IS_TEXT = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

export interface SheetContext {
  strings: () => readonly string[];
  dates: () => readonly boolean[];
  date1904: boolean;
}

function cellValue(type: string | undefined, body: string, style: number, ctx: SheetContext): CellValue {
  if (type === "inlineStr") {
    const is = IS_TEXT.exec(body);
    return is ? stringItemText(is[1]!) : null;
  }
  const v = V_TEXT.exec(body)?.[1];
  if (v === undefined) return null;
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

/**
 * A worksheet part's values and merges. Merged areas are clamped to the used range (the cells
 * that hold values): a merge over a whole sheet costs no more than the cells it really covers.
 */
export function readSheetXml(name: string, xml: string, ctx: SheetContext): Grid {
  const rows: CellValue[][] = [];
  const dataAt = xml.search(/<(?:[\w.-]+:)?sheetData[\s>/]/);
  let maxRow = 0;
  let maxCol = 0;
  if (dataAt >= 0) {
    let row = 0;
    let col = 0;
    const close = /<\/(?:[\w.-]+:)?sheetData>/g;
    close.lastIndex = dataAt;
    const selfClosed = /^<[^>]*\/>/.test(xml.slice(dataAt, xml.indexOf(">", dataAt) + 1));
    const dataEnd = selfClosed ? dataAt : (close.exec(xml)?.index ?? xml.length);
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
      const ref = r ? parseRef(r) : undefined;
      if (ref) [row, col] = ref;
      else col++;
      let body = "";
      if (!attrs.endsWith("/")) {
        const close = `</${m[1]!}c>`;
        const end = xml.indexOf(close, CELL_OR_ROW.lastIndex);
        if (end < 0) break;
        body = xml.slice(CELL_OR_ROW.lastIndex, end);
        CELL_OR_ROW.lastIndex = end + close.length;
      }
      if (row < 1 || col < 1) continue;
      const value = body ? cellValue(t, body, Number(s ?? 0), ctx) : null;
      if (value === null) continue;
      const cells = (rows[row - 1] ??= []);
      cells[col - 1] = value;
      if (row > maxRow) maxRow = row;
      if (col > maxCol) maxCol = col;
    }
  }
  for (let i = 0; i < rows.length; i++) {
    const r = (rows[i] ??= []);
    for (let c = 0; c < r.length; c++) if (r[c] === undefined) r[c] = null;
  }
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
  return { sheet: name, rows, merges };
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
