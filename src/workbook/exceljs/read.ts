/** Reading a workbook file with ExcelJS into the core's grid shape. */
import ExcelJS from "exceljs";
import { type CellValue, type Grid, type MergedArea, usedMerges } from "../../core/read/grid";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { clampMergeCells, mergeAreas, sheetNamesByPart } from "../package/merges";
import { decodeXstring } from "../package/xstring";
import type { SheetInfo, WorkbookReader } from "../port";

export class ExcelJsReader implements WorkbookReader {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  static async fromBytes(bytes: Uint8Array): Promise<ExcelJsReader> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(withMergesClamped(bytes) as unknown as ExcelJS.Buffer);
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

/**
 * The package with merges over whole columns or the whole sheet cut to each sheet's used range
 * (ExcelJS would make a cell for every cell they cover). Only worksheets are inflated to look;
 * the package is rebuilt only when a merge had to be cut. What is read, not what is written.
 */
function withMergesClamped(bytes: Uint8Array): Uint8Array {
  let sheets: Record<string, Uint8Array>;
  try {
    sheets = unzipSync(bytes, {
      filter: (f) =>
        /^xl\/worksheets\/[^/]+\.xml$|^xl\/workbook\.xml$|^xl\/_rels\/workbook\.xml\.rels$/.test(f.name),
    });
  } catch {
    return bytes; // ExcelJS says what is wrong with it
  }
  const wbXml = sheets["xl/workbook.xml"];
  const relsXml = sheets["xl/_rels/workbook.xml.rels"];
  const names =
    wbXml && relsXml ? sheetNamesByPart(strFromU8(wbXml), strFromU8(relsXml)) : new Map<string, string>();
  const changed = new Map<string, ReturnType<typeof strToU8>>();
  for (const [name, data] of Object.entries(sheets)) {
    if (!name.startsWith("xl/worksheets/")) continue;
    const xml = strFromU8(data);
    // Overlapping merges (ExcelJS would stop with "Cannot merge already merged cells"): named here.
    usedMerges({ sheet: names.get(name) ?? name, rows: [], merges: mergeAreas(xml) });
    const clamped = clampMergeCells(xml);
    if (clamped !== null) changed.set(name, strToU8(clamped));
  }
  if (!changed.size) return bytes;
  const all = unzipSync(bytes);
  for (const [name, data] of changed) all[name] = data;
  return zipSync(all, { level: 1 });
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
