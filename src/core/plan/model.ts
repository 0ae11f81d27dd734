/**
 * The generation plan: what the workbook should contain, as plain data. The ExcelJS adapter
 * (files) and the Excel API adapter (task pane) each apply it; neither decides anything.
 */

/** Named cell styles; each adapter maps them to its own formats. */
export type StyleId =
  | "title"
  | "subtitle"
  | "tableLabel"
  | "header"
  | "cell"
  | "cellCenter"
  | "number"
  | "percent"
  | "link"
  | "red"
  | "yellow"
  | "blue"
  | "green"
  | "none"
  | "input"
  | "note";

export interface CellStyle {
  bold?: boolean;
  size?: number;
  /** ARGB fill, e.g. FFFFC7CE. */
  fill?: string;
  color?: string;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  border?: boolean;
  numFmt?: string;
  underline?: boolean;
}

export const STYLES: Record<StyleId, CellStyle> = {
  title: { bold: true, size: 16, align: "left", wrap: true },
  subtitle: { size: 11, color: "FF595959" },
  tableLabel: { bold: true, size: 12, color: "FF1F4E79" },
  header: { bold: true, fill: "FFDDEBF7", wrap: true, align: "center", border: true },
  cell: { wrap: true, border: true },
  cellCenter: { wrap: true, border: true, align: "center" },
  number: { border: true, align: "right" },
  percent: { border: true, align: "right", numFmt: "0%" },
  link: { border: true, color: "FF0563C1", underline: true, wrap: true },
  red: { fill: "FFFFC7CE", color: "FF9C0006", bold: true, border: true, align: "center" },
  yellow: { fill: "FFFFEB9C", color: "FF9C5700", bold: true, border: true, align: "center" },
  blue: { fill: "FFBDD7EE", color: "FF1F4E79", bold: true, border: true, align: "center" },
  green: { fill: "FFC6EFCE", color: "FF006100", border: true, align: "center" },
  none: { border: true, align: "center", color: "FF808080" },
  input: { wrap: true, border: true, fill: "FFFFFDE7" },
  note: { color: "FF7F7F7F", wrap: true },
};

export type CellValueOut = string | number | null;

export interface PlanCell {
  v: CellValueOut;
  s?: StyleId;
  /** Link to a place in this workbook. */
  link?: { sheet: string; row: number; col: number };
}

export interface MergeOut {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type SheetRole = "unit" | "summary" | "findings" | "directory" | "list";

export interface PrintSetup {
  orientation: "landscape" | "portrait";
  paper: "A4";
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page (1-based, inclusive). */
  titleRows?: [number, number];
  /** Centre page header text. */
  header?: string;
}

export interface SheetPlan {
  name: string;
  role: SheetRole;
  /** Canonical unit name, for unit sheets. */
  unit?: string;
  /** Rows of cells, 1-based when written: rows[0] is row 1. */
  rows: (PlanCell | null)[][];
  merges: MergeOut[];
  /** Column widths in characters. */
  widths: number[];
  /** Rows / columns frozen above / left of this cell (1-based counts). */
  freeze?: { rows: number; cols: number };
  print: PrintSetup;
  /** Data bars over a column range (a rate between 0 and 1). */
  dataBars?: { fromRow: number; toRow: number; col: number }[];
  /** Tab colour (ARGB), to tell generated sheets apart at a glance. */
  tabColor?: string;
  /** Row heights in points, where text wraps (rowHeights[0] is row 1); undefined keeps the default. */
  rowHeights?: (number | undefined)[];
}

/** What the tool remembers in the workbook (a very hidden settings sheet). */
export interface LedgerSettings {
  version: 1;
  asOf: string;
  dueSoonDays: number;
  lang: "zh-CN" | "en";
  /** The list's sheet, when the list is a sheet of this workbook. */
  listSheet: string | null;
  /** Sheets this tool generated, with their role and unit. */
  generated: { name: string; role: SheetRole; unit?: string }[];
  /** Column mapping chosen by the user, field → column number. */
  mapping?: Record<string, number | number[]>;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  settings: LedgerSettings;
}

/** The settings sheet's name: very hidden, read by both adapters. */
export const SETTINGS_SHEET = "_TaskLedger";
