/**
 * A generation plan as a list of Excel API write commands, grouped into batches that each stay
 * under Excel on the web's 5 MB request limit. Pure: no Office here; the adapter executes them.
 */
import { columnLetter } from "../../core/model";
import {
  type LedgerSettings,
  SETTINGS_SHEET,
  STYLES,
  type SheetPlan,
  type StyleId,
  type WorkbookPlan,
} from "../../core/plan/model";
import { settingsToRows } from "../../core/plan/settings";

/** Excel API features above the minimum, checked at run time. */
export interface Features {
  /** ExcelApi 1.6: conditional formats, suspending calculation. */
  conditionalFormats: boolean;
  /** ExcelApi 1.7: freeze panes, hyperlinks, tab colours. */
  freezeAndLinks: boolean;
  /** ExcelApi 1.9: print layout, formatting many ranges at once. */
  printLayout: boolean;
  /** ExcelApi 1.13: reading merged areas. */
  mergedAreas: boolean;
}

export type Command =
  | { kind: "delete"; sheet: string }
  | { kind: "add"; sheet: string; hidden?: "veryHidden" }
  | {
      kind: "values";
      sheet: string;
      address: string;
      values: (string | number | boolean)[][];
      formats: string[][];
    }
  | { kind: "style"; sheet: string; addresses: string[]; style: StyleId }
  | { kind: "merge"; sheet: string; address: string }
  | { kind: "width"; sheet: string; col: number; points: number }
  | { kind: "height"; sheet: string; row: number; points: number }
  | { kind: "freeze"; sheet: string; rows: number }
  | { kind: "link"; sheet: string; address: string; target: string; text: string }
  | { kind: "tab"; sheet: string; color: string }
  | {
      kind: "print";
      sheet: string;
      orientation: "Landscape" | "Portrait";
      titleRows?: string;
      header?: string;
    }
  | { kind: "dataBar"; sheet: string; address: string };

/** Requests are kept under this size (Excel on the web refuses 5 MB). */
export const BATCH_BYTES = 4 * 1024 * 1024;
/** Rows written by one values command: big enough to be few, small enough to batch evenly. */
const ROWS_PER_BLOCK = 500;
/** One character of column width in points (Excel's standard 8.43 characters = 48 points). */
const POINTS_PER_CHAR = 5.7;
/** Address lists for one formatting call stay short enough for Excel to parse. */
const MAX_ADDRESS_LIST = 2000;

export const cellAddress = (row: number, col: number): string => `${columnLetter(col)}${row}`;
const rangeAddress = (top: number, left: number, bottom: number, right: number) =>
  top === bottom && left === right
    ? cellAddress(top, left)
    : `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;

/** Text must stay text: "@" for every string cell, so "=SUM(…)" is never a formula. */
function numberFormatOf(v: string | number | null, style: StyleId | undefined): string {
  if (typeof v === "string") return "@";
  const f = style ? STYLES[style].numFmt : undefined;
  return f ?? "General";
}

export function sheetCommands(plan: SheetPlan, features: Features): Command[] {
  const sheet = plan.name;
  const out: Command[] = [{ kind: "add", sheet }];
  const width = Math.max(plan.widths.length, ...plan.rows.map((r) => r.length), 1);
  for (let top = 1; top <= plan.rows.length; top += ROWS_PER_BLOCK) {
    const bottom = Math.min(plan.rows.length, top + ROWS_PER_BLOCK - 1);
    const values: (string | number)[][] = [];
    const formats: string[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row = plan.rows[r - 1] ?? [];
      values.push(Array.from({ length: width }, (_, c) => row[c]?.v ?? ""));
      formats.push(Array.from({ length: width }, (_, c) => numberFormatOf(row[c]?.v ?? null, row[c]?.s)));
    }
    out.push({ kind: "values", sheet, address: rangeAddress(top, 1, bottom, width), values, formats });
  }
  // Styles: one command per style, over runs of cells in a row that share it.
  const byStyle = new Map<StyleId, string[]>();
  plan.rows.forEach((row, ri) => {
    let c = 0;
    while (c < row.length) {
      const s = row[c]?.s;
      let end = c;
      while (end + 1 < row.length && row[end + 1]?.s === s) end++;
      if (s) byStyle.set(s, [...(byStyle.get(s) ?? []), rangeAddress(ri + 1, c + 1, ri + 1, end + 1)]);
      c = end + 1;
    }
  });
  for (const [style, addresses] of byStyle) {
    // Without ExcelApi 1.9 each range is formatted on its own; with it, many at once.
    const chunk: string[] = [];
    let length = 0;
    const flush = () => {
      if (chunk.length) out.push({ kind: "style", sheet, addresses: [...chunk], style });
      chunk.length = 0;
      length = 0;
    };
    for (const a of addresses) {
      if (!features.printLayout || length + a.length + 1 > MAX_ADDRESS_LIST) flush();
      chunk.push(a);
      length += a.length + 1;
    }
    flush();
  }
  for (const m of plan.merges)
    out.push({ kind: "merge", sheet, address: rangeAddress(m.top, m.left, m.bottom, m.right) });
  plan.widths.forEach((w, i) =>
    out.push({ kind: "width", sheet, col: i + 1, points: Math.round(w * POINTS_PER_CHAR * 10) / 10 }),
  );
  plan.rowHeights?.forEach((h, i) => {
    if (h !== undefined) out.push({ kind: "height", sheet, row: i + 1, points: h });
  });
  if (features.freezeAndLinks) {
    if (plan.freeze?.rows) out.push({ kind: "freeze", sheet, rows: plan.freeze.rows });
    plan.rows.forEach((row, ri) =>
      row.forEach((cell, ci) => {
        if (cell?.link && cell.v !== null) {
          out.push({
            kind: "link",
            sheet,
            address: cellAddress(ri + 1, ci + 1),
            target: `'${cell.link.sheet.replace(/'/g, "''")}'!${cellAddress(cell.link.row, cell.link.col)}`,
            text: String(cell.v),
          });
        }
      }),
    );
    if (plan.tabColor) out.push({ kind: "tab", sheet, color: `#${plan.tabColor.slice(2)}` });
  }
  if (features.printLayout) {
    out.push({
      kind: "print",
      sheet,
      orientation: plan.print.orientation === "landscape" ? "Landscape" : "Portrait",
      ...(plan.print.titleRows
        ? { titleRows: `$${plan.print.titleRows[0]}:$${plan.print.titleRows[1]}` }
        : {}),
      ...(plan.print.header ? { header: plan.print.header } : {}),
    });
  }
  if (features.conditionalFormats) {
    for (const b of plan.dataBars ?? []) {
      out.push({ kind: "dataBar", sheet, address: rangeAddress(b.fromRow, b.col, b.toRow, b.col) });
    }
  }
  return out;
}

export function settingsCommands(settings: LedgerSettings): Command[] {
  const rows = settingsToRows(settings);
  return [
    { kind: "add", sheet: SETTINGS_SHEET, hidden: "veryHidden" },
    {
      kind: "values",
      sheet: SETTINGS_SHEET,
      address: rangeAddress(1, 1, rows.length, 1),
      values: rows.map((r) => [r[0] ?? ""]),
      formats: rows.map(() => ["@"]),
    },
  ];
}

/** Every command of a plan: previous generated sheets out, planned sheets in, settings last. */
export function planCommands(
  plan: WorkbookPlan,
  previous: LedgerSettings | null,
  existing: readonly string[],
  features: Features,
): Command[] {
  const have = new Set(existing);
  const out: Command[] = [];
  for (const g of previous?.generated ?? [])
    if (have.has(g.name)) out.push({ kind: "delete", sheet: g.name });
  if (have.has(SETTINGS_SHEET)) out.push({ kind: "delete", sheet: SETTINGS_SHEET });
  for (const s of plan.sheets) out.push(...sheetCommands(s, features));
  out.push(...settingsCommands(plan.settings));
  return out;
}

export function commandBytes(c: Command): number {
  return JSON.stringify(c).length * 2; // UTF-16 upper bound of what goes over the wire
}

/** Group commands into batches under the request limit, in order. */
export function batches(commands: Command[], limit = BATCH_BYTES): Command[][] {
  const out: Command[][] = [];
  let cur: Command[] = [];
  let size = 0;
  for (const c of commands) {
    const b = commandBytes(c);
    if (cur.length && size + b > limit) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(c);
    size += b;
  }
  if (cur.length) out.push(cur);
  return out;
}
