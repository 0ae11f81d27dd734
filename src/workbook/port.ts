/**
 * The workbook port: what the core needs from a workbook, whichever program holds it. The Excel
 * JavaScript API adapter (task pane) and the ExcelJS adapter (files: CLI, tests, demo) implement it.
 */
import type { Grid } from "../core/read/grid";

export interface SheetInfo {
  name: string;
  visible: boolean;
}

export interface WorkbookReader {
  sheets(): Promise<SheetInfo[]>;
  /** Values only (no formats), with merged areas. */
  readSheet(name: string): Promise<Grid>;
}
