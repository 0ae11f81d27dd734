/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice grows a row for wrapped text written
 * by a file library, so the plan sets heights from an estimate of the lines each cell needs.
 */
import { type PlanCell, STYLES, type SheetPlan } from "./model";

/** Points per line at the default size (10.5 pt) and the smallest height of a row. */
const LINE_POINTS = 14;
/**
 * The most lines a row holds: Excel's tallest row is 409 points. Generated sheets whose text needs
 * more continue it on the next row (the return form) rather than cut it on paper.
 */
export const MAX_ROW_LINES = 28;
const MAX_LINES = MAX_ROW_LINES;
const DEFAULT_SIZE = 10.5;

/** Lines a wrapped text needs in a cell `width` characters wide (at least one). */
function linesOf(text: string, width: number): number {
  let lines = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    const len = (end < 0 ? text.length : end) - start;
    lines += Math.max(1, Math.ceil((len * 2) / width));
    if (end < 0) return lines;
    start = end + 1;
  }
}

/**
 * Lines a cell needs in a column (or merged span) `columnWidth` characters wide, and its font size:
 * 1 for empty, unwrapped or non-text cells.
 */
export function cellLines(cell: PlanCell | null | undefined, columnWidth: number): number {
  if (!cell || typeof cell.v !== "string" || cell.v === "") return 1;
  const style = cell.s ? STYLES[cell.s] : undefined;
  if (!style?.wrap) return 1;
  const size = style.size ?? DEFAULT_SIZE;
  return linesOf(cell.v, Math.max(1, columnWidth - 1) * (DEFAULT_SIZE / size));
}

/** The height of a row whose cells need `lines` lines at font `size`; undefined keeps the default. */
export function heightFor(lines: number, size = DEFAULT_SIZE): number | undefined {
  if (lines <= 1 && size <= DEFAULT_SIZE) return undefined;
  return Math.round(Math.min(lines, MAX_LINES) * LINE_POINTS * (size / DEFAULT_SIZE) + 4);
}

/** The height one row needs, given the merges on that row (undefined keeps the default). */
export function rowHeight(
  row: readonly (PlanCell | null)[],
  merges: SheetPlan["merges"] | undefined,
  widths: readonly number[],
): number | undefined {
  let lines = 1;
  let size = DEFAULT_SIZE;
  for (let ci = 0; ci < row.length; ci++) {
    const cell = row[ci];
    if (!cell || cell.v === null || cell.v === "") continue;
    const cellSize = (cell.s && STYLES[cell.s].size) || DEFAULT_SIZE;
    if (cellSize > size) size = cellSize;
    let width = 0;
    const m = merges?.find((x) => x.left <= ci + 1 && ci + 1 <= x.right);
    for (let i = m ? m.left : ci + 1; i <= (m ? m.right : ci + 1); i++) width += widths[i - 1] ?? 9;
    const n = cellLines(cell, width);
    if (n > lines) lines = n;
  }
  return heightFor(lines, size);
}

/** Heights of every row of a planned sheet. */
export function rowHeights(plan: Pick<SheetPlan, "rows" | "merges" | "widths">): (number | undefined)[] {
  // Merges indexed by their top row: a lookup per cell, never a scan of every merge.
  const mergesByRow = new Map<number, SheetPlan["merges"]>();
  for (const m of plan.merges)
    for (let r = m.top; r <= m.bottom; r++) {
      const list = mergesByRow.get(r);
      if (list) list.push(m);
      else mergesByRow.set(r, [m]);
    }
  return plan.rows.map((row, ri) => rowHeight(row, mergesByRow.get(ri + 1), plan.widths));
}
