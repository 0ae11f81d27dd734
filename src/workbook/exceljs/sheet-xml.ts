/**
 * A planned sheet's cells as worksheet XML (SpreadsheetML), produced a block of rows at a time so
 * that a 30,000-task workbook is never held in memory as cell objects. Text goes to the shared
 * string table: always data, never a formula, whatever character it starts with.
 */
import { columnLetter } from "../../core/model";
import type { PlanCell, SheetPlan, StyleId } from "../../core/plan/model";

/** Style index (into the workbook's cellXfs) of each plan style. */
export type StyleIndex = Readonly<Record<StyleId, number>>;

/**
 * Characters XML 1.0 cannot carry (and carriage returns, which an XML reader turns into line
 * feeds), lone surrogates, the markup characters, and text that reads as an OOXML escape.
 */
/* eslint-disable no-control-regex -- control characters are what these expressions are for */
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b-\u001f\ufffe\uffff\ud800-\udfff]|_x[0-9a-fA-F]{4}_/;
const ESCAPE =
  /[&<>"\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|_(?=x[0-9a-fA-F]{4}_)/g;
/* eslint-enable no-control-regex */

function escapeOne(ch: string): string {
  switch (ch) {
    case "&":
      return "&amp;";
    case "<":
      return "&lt;";
    case ">":
      return "&gt;";
    case '"':
      return "&quot;";
    case "_":
      // Spreadsheets read _xHHHH_ as an escaped character: a literal one is written _x005F_xHHHH_.
      return "_x005F_";
    default: {
      const code = ch.charCodeAt(0);
      // A lone surrogate cannot be written in any encoding; the others as OOXML escapes.
      if (code >= 0xd800 && code <= 0xdfff) return "\ufffd";
      return `_x${code.toString(16).toUpperCase().padStart(4, "0")}_`;
    }
  }
}

/** Text for an XML attribute or element, exactly as a spreadsheet will show it. */
export function xmlText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE, escapeOne) : text;
}

/** Rows per chunk handed to the zip writer. */
const ROWS_PER_CHUNK = 500;

/**
 * The workbook's shared strings: those already in the package, then the planned sheets' texts,
 * each once. Numbered as the sheets are written; the table is written after them.
 */
export class SharedStrings {
  private readonly ids = new Map<string, number>();
  readonly added: string[] = [];
  /** Cells referring to the added strings. */
  references = 0;

  constructor(private readonly existing: number) {}

  id(text: string): number {
    this.references++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.existing + this.added.length;
      this.added.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  /** The added strings as `<si>` elements, in chunks. */
  *items(): Generator<string> {
    let chunk = "";
    for (const text of this.added) {
      const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
      chunk += `<si><t${space}>${xmlText(text)}</t></si>`;
      if (chunk.length > 64 * 1024) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
}

function cellXml(ref: string, cell: PlanCell, styles: StyleIndex, strings: SharedStrings): string {
  const s = cell.s ? ` s="${styles[cell.s]}"` : "";
  const v = cell.v;
  if (typeof v === "number") {
    return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s}/>`;
  }
  if (v === null || v === "") return `<c r="${ref}"${s}/>`;
  return `<c r="${ref}"${s} t="s"><v>${strings.id(v)}</v></c>`;
}

/** The `<sheetData>` element of a planned sheet, in chunks. */
export function* sheetDataXml(
  plan: SheetPlan,
  styles: StyleIndex,
  strings: SharedStrings,
): Generator<string> {
  const letters: string[] = [];
  const letter = (c: number) => (letters[c] ??= columnLetter(c));
  let chunk = "<sheetData>";
  for (let r = 0; r < plan.rows.length; r++) {
    const row = plan.rows[r]!;
    const height = plan.rowHeights?.[r];
    let cells = "";
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell) cells += cellXml(`${letter(c + 1)}${r + 1}`, cell, styles, strings);
    }
    if (!cells && height === undefined) continue;
    const ht = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
    chunk += cells ? `<row r="${r + 1}"${ht}>${cells}</row>` : `<row r="${r + 1}"${ht}/>`;
    if (r % ROWS_PER_CHUNK === ROWS_PER_CHUNK - 1) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}</sheetData>`;
}

/** `'县发改局'!A1`: a place in this workbook. */
export function internalTarget(link: NonNullable<PlanCell["link"]>): string {
  return `'${link.sheet.replace(/'/g, "''")}'!${columnLetter(link.col)}${link.row}`;
}

/**
 * The `<hyperlinks>` element: links to places in this workbook are written as Excel writes them,
 * with a location and no relationship. Empty when the sheet has no links.
 */
export function* hyperlinksXml(plan: SheetPlan): Generator<string> {
  let chunk = "";
  let any = false;
  for (let r = 0; r < plan.rows.length; r++) {
    const row = plan.rows[r]!;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell?.link || cell.v === null) continue;
      if (!any) chunk = "<hyperlinks>";
      any = true;
      chunk +=
        `<hyperlink ref="${columnLetter(c + 1)}${r + 1}" location="${xmlText(internalTarget(cell.link))}"` +
        ` display="${xmlText(String(cell.v))}"/>`;
    }
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = "";
    }
  }
  if (any) yield `${chunk}</hyperlinks>`;
}

/** The range a planned sheet covers, for `<dimension>`. */
export function dimensionRef(plan: SheetPlan): string {
  let width = 1;
  for (const r of plan.rows) if (r.length > width) width = r.length;
  return `A1:${columnLetter(width)}${Math.max(1, plan.rows.length)}`;
}
