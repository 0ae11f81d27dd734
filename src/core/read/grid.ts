/**
 * A worksheet as the core sees it: values only, with merged areas. Both workbook adapters (Excel
 * API and ExcelJS) and the CSV and .docx readers produce this shape.
 */
import { columnLetter } from "../model";
import { DamagedInputError } from "./raw";

export type CellValue = string | number | boolean | Date | null | { error: string };

/** A merged area, 1-based and inclusive. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheet: string;
  /** rows[0] is worksheet row 1; rows may be ragged. */
  rows: CellValue[][];
  merges: MergedArea[];
  /** Text that titles the table from outside it (the paragraph above a Word table). */
  caption?: string;
}

function rangeText(a: MergedArea): string {
  return `${columnLetter(a.left)}${a.top}:${columnLetter(a.right)}${a.bottom}`;
}

/**
 * The merged areas cut to the used range (the rows and columns that hold cells): a merge over the
 * whole sheet or a whole column (G1:XFD1048576) covers a few cells, not a billion. Areas wholly
 * outside are dropped. Overlapping areas (no spreadsheet program writes them, but a broken file
 * may hold them) stop the read with the sheet and both ranges named.
 */
export function usedMerges(grid: Grid): MergedArea[] {
  if (grid.merges.length === 0) return grid.merges;
  const lastRow = grid.rows.length;
  let lastCol = 0;
  for (let r = 0; r < grid.rows.length; r++) lastCol = Math.max(lastCol, grid.rows[r]?.length ?? 0);
  const out: MergedArea[] = [];
  for (const a of grid.merges) {
    if (a.top > lastRow || a.left > lastCol) continue;
    const bottom = Math.min(a.bottom, lastRow);
    const right = Math.min(a.right, lastCol);
    out.push(bottom === a.bottom && right === a.right ? a : { ...a, bottom, right });
  }
  // Overlaps, by a sweep down the rows: only areas still open at an area's top can meet it.
  const byTop = grid.merges.map((a, i) => [a, i] as const).sort((x, y) => x[0].top - y[0].top);
  const open: MergedArea[] = [];
  for (const [a] of byTop) {
    for (let k = open.length - 1; k >= 0; k--) if (open[k]!.bottom < a.top) open.splice(k, 1);
    const other = open.find((b) => b.left <= a.right && a.left <= b.right);
    if (other) {
      throw new DamagedInputError(
        "read.mergesOverlap",
        { sheet: grid.sheet, first: rangeText(other), second: rangeText(a) },
        grid.sheet,
      );
    }
    open.push(a);
  }
  return out;
}

export function isErrorValue(v: CellValue): v is { error: string } {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "error" in v;
}

/** Cell text as a person reads it. Dates print as YYYY-MM-DD (from UTC parts, as Excel stores them). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(10)));
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return "";
    const y = v.getUTCFullYear();
    const m = String(v.getUTCMonth() + 1).padStart(2, "0");
    const d = String(v.getUTCDate()).padStart(2, "0");
    return `${y}-${m}-${d}`;
  }
  return v.error;
}

/**
 * Values with merged areas filled: every cell of a merged area takes the top-left value.
 * The grid is not changed; callers must not change the rows returned.
 */
export function fillMerges(
  grid: Grid,
  shouldFill: (area: MergedArea) => boolean = () => true,
): CellValue[][] {
  // Without merges there is nothing to fill: the rows are shared, not copied (they are not changed).
  const merges = usedMerges(grid);
  if (!merges.some(shouldFill)) return grid.rows;
  const rows = grid.rows.map((r) => [...r]);
  for (const a of merges) {
    if (!shouldFill(a)) continue;
    const v = grid.rows[a.top - 1]?.[a.left - 1] ?? null;
    for (let r = a.top; r <= a.bottom; r++) {
      const row = (rows[r - 1] ??= []);
      for (let c = a.left; c <= a.right; c++) if (r !== a.top || c !== a.left) row[c - 1] = v;
    }
  }
  return rows;
}
