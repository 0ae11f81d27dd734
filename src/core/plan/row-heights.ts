/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice grows a row for wrapped text written
 * by a file library, so the plan sets heights from an estimate of the lines each cell needs.
 */
import { STYLES, type SheetPlan } from "./model";

/** Width of a text in column-width units: CJK and full-width characters count double. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1.1;
  return w;
}

/** Points per line at the default size (10.5 pt) and the smallest height of a row. */
const LINE_POINTS = 14;
/** Beyond this many lines a row is capped; the text stays in the cell, readable when selected. */
const MAX_LINES = 12;

export function rowHeights(plan: Pick<SheetPlan, "rows" | "merges" | "widths">): (number | undefined)[] {
  const widthOf = (r: number, c: number): number => {
    const m = plan.merges.find((x) => x.top <= r && r <= x.bottom && x.left <= c && c <= x.right);
    const from = m ? m.left : c;
    const to = m ? m.right : c;
    let w = 0;
    for (let i = from; i <= to; i++) w += plan.widths[i - 1] ?? 9;
    return w;
  };
  return plan.rows.map((row, ri) => {
    let lines = 1;
    let size = 10.5;
    row.forEach((cell, ci) => {
      if (!cell || cell.v === null || cell.v === "") return;
      const style = cell.s ? STYLES[cell.s] : {};
      const cellSize = style.size ?? 10.5;
      size = Math.max(size, cellSize);
      const width = Math.max(1, widthOf(ri + 1, ci + 1) - 1) * (10.5 / cellSize);
      const text = String(cell.v);
      const n = text
        .split("\n")
        .reduce((acc, part) => acc + Math.max(1, Math.ceil(textWidth(part) / width)), 0);
      if (style.wrap || n > 1) lines = Math.max(lines, style.wrap ? n : 1);
    });
    if (lines === 1 && size <= 10.5) return undefined;
    return Math.round(Math.min(lines, MAX_LINES) * LINE_POINTS * (size / 10.5) + 4);
  });
}
