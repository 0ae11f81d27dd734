/** Cell-by-cell pictures of workbooks, to compare before and after. */
import ExcelJS from "exceljs";

export interface SheetSnapshot {
  name: string;
  state: string;
  cells: Record<string, { value: unknown; style: unknown }>;
  merges: string[];
}

export function snapshotSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: SheetSnapshot["cells"] = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = {
        value: JSON.parse(JSON.stringify(cell.value ?? null)),
        style: JSON.parse(JSON.stringify(cell.style ?? {})),
      };
    });
  });
  const merges = [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort();
  return { name: ws.name, state: ws.state, cells, merges };
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export function snapshotWorkbook(wb: ExcelJS.Workbook): SheetSnapshot[] {
  return wb.worksheets.map(snapshotSheet);
}

export function definedNames(wb: ExcelJS.Workbook): unknown {
  return JSON.parse(JSON.stringify((wb.definedNames as unknown as { model: unknown }).model));
}
