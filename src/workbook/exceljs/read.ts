/** Reading a workbook file with ExcelJS into the core's grid shape. */
import ExcelJS from "exceljs";
import type { CellValue, Grid, MergedArea } from "../../core/read/grid";
import { decodeXstring } from "../package/xstring";
import type { SheetInfo, WorkbookReader } from "../port";

export class ExcelJsReader implements WorkbookReader {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  static async fromBytes(bytes: Uint8Array): Promise<ExcelJsReader> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return new ExcelJsReader(wb);
  }

  sheets(): Promise<SheetInfo[]> {
    return Promise.resolve(
      this.workbook.worksheets.map((ws) => ({
        name: ws.name,
        visible: ws.state === "visible" || ws.state === undefined,
      })),
    );
  }

  readSheet(name: string): Promise<Grid> {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) return Promise.reject(new Error(`no sheet named "${name}"`));
    return Promise.resolve(worksheetToGrid(ws));
  }
}

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

export function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  // ExcelJS keeps _xHHHH_ escapes as written; the user sees the characters.
  if (typeof v === "string") return decodeXstring(v);
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("error" in v && typeof v.error === "string") return { error: v.error };
    if ("richText" in v && Array.isArray(v.richText))
      return decodeXstring(v.richText.map((t) => t.text).join(""));
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: unknown }).result;
      if (result && typeof result === "object" && "error" in result)
        return { error: String((result as { error: unknown }).error) };
      return toCellValue((result ?? null) as ExcelJS.CellValue);
    }
    if ("text" in v && typeof v.text === "string") return decodeXstring(v.text);
    if ("text" in v && v.text && typeof v.text === "object" && "richText" in v.text) {
      return decodeXstring((v.text as { richText: { text: string }[] }).richText.map((t) => t.text).join(""));
    }
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

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
