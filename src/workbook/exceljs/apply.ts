/**
 * Applying a generation plan to an ExcelJS workbook: the previous generation's sheets are removed
 * (only those its settings recorded; every other sheet is left exactly as it was) and each planned
 * sheet is added as a frame — widths, merges, print setup, panes, data bars and a row of the plan's
 * styles. The cells themselves are written as XML when the file is written (write-workbook.ts):
 * ExcelJS holds every cell as objects, which at 30,000 tasks took well over a gigabyte.
 */
import ExcelJS from "exceljs";
import { columnLetter } from "../../core/model";
import {
  type CellStyle,
  type LedgerSettings,
  SETTINGS_SHEET,
  STYLES,
  type SheetPlan,
  type StyleId,
  type WorkbookPlan,
} from "../../core/plan/model";
import { settingsFromGrid, settingsToRows } from "../../core/plan/settings";
import { worksheetToGrid } from "./read";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };

function toExcelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: {
      name: "等线",
      size: s.size ?? 10.5,
      ...(s.bold ? { bold: true } : {}),
      ...(s.color ? { color: { argb: s.color } } : {}),
      ...(s.underline ? { underline: true } : {}),
    },
    alignment: { vertical: "top", wrapText: Boolean(s.wrap), ...(s.align ? { horizontal: s.align } : {}) },
  };
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: s.fill } };
  if (s.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.numFmt) style.numFmt = s.numFmt;
  if (s.unlocked) style.protection = { locked: false };
  return style;
}

const EXCEL_STYLES = Object.fromEntries(
  Object.entries(STYLES).map(([k, v]) => [k, toExcelStyle(v)]),
) as Record<keyof typeof STYLES, Partial<ExcelJS.Style>>;

/** The settings stored in the workbook, if any. */
export function readSettings(wb: ExcelJS.Workbook): LedgerSettings | null {
  const ws = wb.getWorksheet(SETTINGS_SHEET);
  return ws ? settingsFromGrid(worksheetToGrid(ws)) : null;
}

/**
 * Merge the plan's areas. ExcelJS checks each new merge against every earlier one (quadratic: a
 * summary with thousands of overdue rows took seconds); a plan's merges never overlap (a test
 * says so), so each merge is checked against none, then all are kept together.
 */
function mergeAll(ws: ExcelJS.Worksheet, merges: SheetPlan["merges"]): void {
  const internal = ws as unknown as { _merges?: Record<string, unknown> };
  const existing = internal._merges;
  if (!existing || typeof existing !== "object") {
    for (const m of merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    return;
  }
  const added: Record<string, unknown> = {};
  for (const m of merges) {
    internal._merges = {};
    ws.mergeCells(m.top, m.left, m.bottom, m.right);
    Object.assign(added, internal._merges);
  }
  internal._merges = Object.assign(existing, added);
}

/** The plan's styles in a fixed order: the palette row holds one cell of each. */
export const PALETTE: readonly StyleId[] = Object.keys(STYLES) as StyleId[];

/** The row of a frame that holds the palette: below every planned row. */
export function paletteRow(plan: SheetPlan): number {
  return plan.rows.length + 1;
}

/**
 * Add a planned sheet's frame to a workbook (which must not hold a sheet of that name): everything
 * but the cells, plus the palette row from which the writer learns each style's index.
 */
export function writeSheetFrame(wb: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(plan.name, {
    ...(plan.tabColor ? { properties: { tabColor: { argb: plan.tabColor } } } : {}),
    pageSetup: {
      paperSize: 9, // A4
      orientation: plan.print.orientation,
      fitToPage: plan.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  plan.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const palette = paletteRow(plan);
  PALETTE.forEach((id, i) => {
    const cell = ws.getCell(palette, i + 1);
    // One text among the numbers: ExcelJS then always writes a shared string table.
    cell.value = i === 0 ? "·" : 0;
    cell.style = EXCEL_STYLES[id];
  });
  mergeAll(ws, plan.merges);
  if (plan.freeze && plan.freeze.rows + plan.freeze.cols > 0) {
    ws.views = [{ state: "frozen", ySplit: plan.freeze.rows, xSplit: plan.freeze.cols }];
  }
  if (plan.print.titleRows)
    ws.pageSetup.printTitlesRow = `${plan.print.titleRows[0]}:${plan.print.titleRows[1]}`;
  if (plan.print.header) ws.headerFooter.oddHeader = `&C${plan.print.header.replace(/&/g, "&&")}`;
  ws.headerFooter.oddFooter = "&C&P / &N";
  for (const col of plan.hiddenColumns ?? []) ws.getColumn(col).hidden = true;
  for (const v of plan.validations ?? []) {
    const ref = `${columnLetter(v.range.left)}${v.range.top}:${columnLetter(v.range.right)}${v.range.bottom}`;
    const common = {
      allowBlank: true,
      showErrorMessage: true,
      ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
    };
    const rule: ExcelJS.DataValidation =
      v.kind === "list"
        ? { ...common, type: "list", formulae: [`"${v.values.join(",")}"`] }
        : { ...common, type: "decimal", operator: "between", formulae: [v.min, v.max] };
    (
      ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add(ref, rule);
  }
  // Protected without a password: the point is to stop accidental edits, not to lock anyone out.
  if (plan.protect)
    (ws as unknown as { sheetProtection: Record<string, boolean> }).sheetProtection = {
      sheet: true,
      formatColumns: false,
      formatRows: false,
    };
  for (const bar of plan.dataBars ?? []) {
    const col = columnLetter(bar.col);
    ws.addConditionalFormatting({
      ref: `${col}${bar.fromRow}:${col}${bar.toRow}`,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          gradient: false,
          minLength: 0,
          maxLength: 100,
          cfvo: [
            { type: "num", value: 0 },
            { type: "num", value: 1 },
          ],
          color: { argb: "FF63BE7B" },
        } as ExcelJS.DataBarRuleType,
      ],
    });
  }
  return ws;
}

export interface ApplyProgress {
  (done: number, total: number): void;
}

/**
 * Replace the previous generation's sheets with the plan's frames. Sheets the previous settings do
 * not list are never touched, whatever their names. The cells follow in writeWorkbook.
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: WorkbookPlan, onProgress?: ApplyProgress): void {
  const previous = readSettings(wb);
  for (const g of previous?.generated ?? []) {
    const ws = wb.getWorksheet(g.name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  const settingsWs = wb.getWorksheet(SETTINGS_SHEET);
  if (settingsWs) wb.removeWorksheet(settingsWs.id);
  const total = plan.sheets.length;
  plan.sheets.forEach((s, i) => {
    if (wb.getWorksheet(s.name)) throw new Error(`internal: the plan names an existing sheet "${s.name}"`);
    writeSheetFrame(wb, s);
    onProgress?.(i + 1, total);
  });
  const ws = wb.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
  settingsToRows(plan.settings).forEach((row, r) => (ws.getCell(r + 1, 1).value = row[0] ?? ""));
}
