/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice grows a row for wrapped text written
 * by a file library, so the plan sets heights from an estimate of the lines each cell needs.
 */
import { STYLES, type SheetPlan } from "./model";

/**
 * Width of a text in column-width units, estimated as if every character were CJK (two units):
 * lists are Chinese text, and overestimating only makes a row a little taller, never cuts text.
 */
export function textWidth(text: string): number {
  return text.length * 2;
}

/** Points per line at the default size (10.5 pt) and the smallest height of a row. */
const LINE_POINTS = 14;
/** Beyond this many lines a row is capped; the text stays in the cell, readable when selected. */
const MAX_LINES = 12;

export function rowHeights(plan: Pick<SheetPlan, "rows" | "merges" | "widths">): (number | undefined)[] {
  // Merges indexed by their top row: a lookup per cell, never a scan of every merge.
  const mergesByRow = new Map<number, SheetPlan["merges"]>();
  for (const m of plan.merges)
    for (let r = m.top; r <= m.bottom; r++) mergesByRow.set(r, [...(mergesByRow.get(r) ?? []), m]);
  const widthOf = (r: number, c: number): number => {
    const m = mergesByRow.get(r)?.find((x) => x.left <= c && c <= x.right);
    const from = m ? m.left : c;
    const to = m ? m.right : c;
    let w = 0;
    for (let i = from; i <= to; i++) w += plan.widths[i - 1] ?? 9;
    return w;
  };
  return plan.rows.map((row, ri) => {
    let lines = 1;
    let size = 10.5;
    for (let ci = 0; ci < row.length; ci++) {
      const cell = row[ci];
      if (!cell || cell.v === null || cell.v === "") continue;
      const style = cell.s ? STYLES[cell.s] : undefined;
      const cellSize = style?.size ?? 10.5;
      if (cellSize > size) size = cellSize;
      // Only wrapped text makes a row taller.
      if (!style?.wrap || typeof cell.v !== "string") continue;
      const width = Math.max(1, widthOf(ri + 1, ci + 1) - 1) * (10.5 / cellSize);
      const text = cell.v;
      const n = text.includes("\n")
        ? text.split("\n").reduce((acc, part) => acc + Math.max(1, Math.ceil(textWidth(part) / width)), 0)
        : Math.max(1, Math.ceil(textWidth(text) / width));
      if (n > lines) lines = n;
    }
    if (lines === 1 && size <= 10.5) return undefined;
    return Math.round(Math.min(lines, MAX_LINES) * LINE_POINTS * (size / 10.5) + 4);
  });
}
