/** Build real .xlsx files with ExcelJS for tests (merged cells, title rows, two-row headers). */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import type { Grid } from "../../src/core/read/grid";
import { PackagePort } from "../../src/workbook/package/port";

export type Cells = (
  string | number | Date | null | { error: string } | { formula: string; result?: unknown }
)[][];

export interface SheetSpec {
  name: string;
  rows: Cells;
  /** Merges as "A3:A5". */
  merges?: string[];
  state?: "visible" | "hidden";
}

export function makeWorkbook(sheets: SheetSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? "visible" });
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return wb;
}

export async function xlsxBytes(sheets: SheetSpec[]): Promise<Uint8Array> {
  const buf = await makeWorkbook(sheets).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** Write sheets to a real .xlsx file, read them back through the package reader. */
export async function gridVia(sheet: SheetSpec): Promise<Grid> {
  const grid = new PackagePort(await xlsxBytes([sheet])).viewNow().grid(sheet.name);
  if (!grid) throw new Error(`no sheet ${sheet.name}`);
  return grid;
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "task-ledger-"));
}

export async function writeXlsx(dir: string, file: string, sheets: SheetSpec[]): Promise<string> {
  const p = path.join(dir, file);
  writeFileSync(p, await xlsxBytes(sheets));
  return p;
}
