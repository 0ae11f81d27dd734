/**
 * The workbook port: what the application layer needs from a workbook, whichever program holds
 * it — the Excel JavaScript API (the add-in) or a package of bytes (files, in Node and in the
 * browser alike). Adapters implement it; the app layer (read → check → plan → apply) uses only it.
 */
import type { LedgerSettings, WorkbookPlan } from "../core/plan/model";
import type { WorkbookView } from "../core/plan/workbook-inputs";

export type { WorkbookView };

/** Called while a plan is written: sheets written so far, of how many. */
export type ApplyProgress = (done: number, total: number) => void;

export interface WorkbookPort {
  /** The workbook's sheets, and each sheet's values and merges when asked for. */
  view(): Promise<WorkbookView>;
  /**
   * Write the plan. The sheets an earlier run generated (recorded in `previous`) are replaced;
   * nothing else of the workbook is touched.
   */
  apply(plan: WorkbookPlan, previous: LedgerSettings | null, onProgress?: ApplyProgress): Promise<void>;
}
