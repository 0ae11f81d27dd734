/**
 * The generation plan: what the workbook should contain, as plain data. The ExcelJS adapter
 * (files) and the Excel API adapter (task pane) each apply it; neither decides anything.
 */
import type { ColumnField } from "../read/columns";

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
  | "note"
  | "code";

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
  /** Left editable when the sheet is protected (the fill-in cells of a return form). */
  unlocked?: boolean;
  /**
   * Its texts are one to a cell (row identities): a writer need not look for the same text
   * elsewhere in the workbook before storing it.
   */
  distinct?: boolean;
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
  input: { wrap: true, border: true, fill: "FFFFF2CC", unlocked: true },
  note: { color: "FF7F7F7F", wrap: true },
  /** Machine text in a hidden column (a return form's row identity): never wraps a row taller. */
  code: { color: "FF7F7F7F", size: 8, distinct: true },
};

export type CellValueOut = string | number | null;

export interface PlanCell {
  v: CellValueOut;
  s?: StyleId;
  /**
   * Cells of a plan with the same number hold the same text (a task's title in every form it is
   * on): a writer that keeps a table of texts may look it up once for all of them.
   */
  same?: number;
  /** Link to a place in this workbook. */
  link?: { sheet: string; row: number; col: number };
}

export interface MergeOut {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type SheetRole = "unit" | "summary" | "findings" | "directory" | "list" | "history";

/** A rectangle of cells on a sheet (1-based, inclusive). */
export interface RangeOut extends MergeOut {
  sheet: string;
}

/** A data validation over a range of the sheet it belongs to. */
export type PlanValidation =
  | { range: MergeOut; kind: "list"; values: string[]; prompt?: string }
  | { range: MergeOut; kind: "decimal"; min: number; max: number; prompt?: string };

/**
 * A native chart over cells of the workbook (issue 13): written as DrawingML parts by the files
 * adapter, through the Excel API's charts by the add-in.
 */
export interface ChartPlan {
  kind: "bar" | "pie" | "line";
  title: string;
  /** Where it sits: the cells it covers (1-based, inclusive). */
  anchor: MergeOut;
  categories: RangeOut;
  series: { name: string; values: RangeOut; color?: string }[];
}

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
  /** Protect the sheet without a password: only cells whose style is `unlocked` stay editable. */
  protect?: boolean;
  validations?: PlanValidation[];
  /** Columns hidden from view (1-based): a return form's row identity. */
  hiddenColumns?: number[];
  charts?: ChartPlan[];
}

/** The settings schema's version; version 1 (one column per field, or several for progress) still reads. */
export const SETTINGS_VERSION = 2;

/** Columns chosen by the user per field (1-based column numbers; several for e.g. progress). */
export type StoredMapping = Readonly<Partial<Record<ColumnField, readonly number[]>>>;

/**
 * What the tool remembers in the workbook (a very hidden settings sheet). One schema, read and
 * written by `settings.ts` for every host.
 */
export interface LedgerSettings {
  version: typeof SETTINGS_VERSION;
  asOf: string;
  dueSoonDays: number;
  lang: "zh-CN" | "en";
  /** The list's sheet, when the list is a sheet of this workbook. */
  listSheet: string | null;
  /** Sheets this tool generated, with their role and unit. */
  generated: { name: string; role: SheetRole; unit?: string }[];
  /** Column mapping chosen by the user, field → its columns. */
  mapping?: StoredMapping;
  /** The monthly cycle (issue 12): reporting period, due day, thresholds. */
  cycle?: CycleSettings;
  /** The bulletin (issue 13): publication name, issuing office, the next issue number. */
  bulletin?: { publication?: string; office?: string; issue: number };
  /** This ledger's identity, written into every return form row so returns find their ledger. */
  ledgerId?: string;
}

export interface CycleSettings {
  /** The current reporting period, YYYY-MM. */
  period?: string;
  /** Day of the month by which units return their forms (e.g. 25). */
  dueDay?: number;
  /** Whom returns go to (shown on the form). */
  sendTo?: string;
  /** Points behind 序时 that make a task yellow (default 10). */
  behindPoints?: number;
  /** The list's start date, YYYY-MM-DD (default 1 January of the list's year). */
  start?: string;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  settings: LedgerSettings;
}

/** The settings sheet's name: very hidden, read by both adapters. */
export const SETTINGS_SHEET = "_TaskLedger";
