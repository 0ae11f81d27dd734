/** Cell-by-cell pictures of workbooks, to compare before and after. */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import JSZip from "jszip";

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

/**
 * The links to places in the workbook, per sheet, as the package holds them (cell → location,
 * e.g. A10 → '县财政局'!A1). Read from the XML: ExcelJS does not read links without a relationship,
 * which is how Excel itself writes links inside a workbook.
 */
export async function workbookLinks(file: string): Promise<Map<string, Map<string, string>>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map(
    [...rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const out = new Map<string, Map<string, string>>();
  for (const m of workbook.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const xml = await zip.file(`xl/${targets.get(m[2]!)!.replace(/^\/?xl\//, "")}`)!.async("string");
    const links = new Map<string, string>();
    for (const h of xml.matchAll(/<hyperlink [^>]*?ref="([^"]+)"[^>]*?location="([^"]+)"/g))
      links.set(h[1]!, unescape(h[2]!));
    out.set(unescape(m[1]!), links);
  }
  return out;
}
