/**
 * A sheet read by ExcelJS into the core's grid: an independent reader (not the package reader
 * under test) to check what the files adapter wrote, and to build fixtures.
 */
import ExcelJS from "exceljs";
import type { CellValue, Grid, MergedArea } from "../../src/core/read/grid";
import { colNumber } from "../../src/workbook/package/sheet-reader";

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Only the top-left cell of a merged area holds its value; the core fills the rest.
      if (cell.isMerged && cell.master !== cell) return;
      out[c - 1] = toCellValue(cell.value);
    });
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    rows[r - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { sheet: ws.name, rows, merges: mergesOf(ws) };
}

function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("error" in v && typeof v.error === "string") return { error: v.error };
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: unknown }).result;
      if (result && typeof result === "object" && "error" in result)
        return { error: String((result as { error: unknown }).error) };
      return toCellValue((result ?? null) as ExcelJS.CellValue);
    }
    if ("text" in v && typeof v.text === "string") return v.text;
  }
  return String(v);
}

function mergesOf(ws: ExcelJS.Worksheet): MergedArea[] {
  const model = ws.model as unknown as { merges?: string[] };
  return (model.merges ?? []).flatMap((range) => {
    const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(range);
    if (!m) return [];
    return [{ top: Number(m[2]), left: colNumber(m[1]!), bottom: Number(m[4]), right: colNumber(m[3]!) }];
  });
}
