/**
 * A worksheet as the core sees it: values only, with merged areas. Both workbook adapters (Excel
 * API and ExcelJS) and the CSV and .docx readers produce this shape.
 */

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
  if (!grid.merges.some(shouldFill)) return grid.rows;
  const rows = grid.rows.map((r) => [...r]);
  for (const a of grid.merges) {
    if (!shouldFill(a)) continue;
    const v = grid.rows[a.top - 1]?.[a.left - 1] ?? null;
    for (let r = a.top; r <= a.bottom; r++) {
      const row = (rows[r - 1] ??= []);
      for (let c = a.left; c <= a.right; c++) if (r !== a.top || c !== a.left) row[c - 1] = v;
    }
  }
  return rows;
}
