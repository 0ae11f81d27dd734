/**
 * What the application layer reads from an open workbook, whichever host holds it: its sheets,
 * and each sheet's values and merges when asked for (`src/app/port.ts` gives it; `src/app/read.ts`
 * reads the list, the directory, the settings and the cycle's sheets from it).
 */
import { type ReadForm, readForm } from "../cycle/form";
import { readHistory } from "../cycle/history";
import { ledgerIdFor } from "../cycle/key";
import type { LedgerReportInputs } from "../cycle/ledger-reports";
import type { ProgressReport } from "../cycle/reports";
import type { TaskList } from "../model";
import type { Grid } from "../read/grid";
import type { LedgerSettings } from "./model";
import { type ProgressEntry, readUnitProgress } from "./progress";

export interface SheetInfo {
  readonly name: string;
  readonly visible: boolean;
}

export interface WorkbookView {
  readonly sheets: readonly SheetInfo[];
  /** Values and merges of a sheet; undefined when it does not exist. */
  grid(name: string): Grid | undefined;
}

/**
 * The cycle's sheets of a ledger: its history (进展记录), its unit sheets read as return forms,
 * and progress typed into unit sheets of the layout before the return form.
 */
export function readCycleSheets(view: WorkbookView, previous: LedgerSettings | null): LedgerReportInputs {
  const has = (name: string) => view.sheets.some((s) => s.name === name);
  const history: ProgressReport[] = [];
  const forms: ReadForm[] = [];
  const legacy = new Map<string, ProgressEntry[]>();
  for (const g of previous?.generated ?? []) {
    if ((g.role !== "unit" && g.role !== "history") || !has(g.name)) continue;
    const grid = view.grid(g.name);
    if (!grid) continue;
    if (g.role === "history") {
      history.push(...readHistory(grid));
      continue;
    }
    const form = readForm(grid);
    if (form) forms.push(form);
    else if (g.unit) legacy.set(g.unit, readUnitProgress(grid));
  }
  return { history, forms, legacy };
}

/** The ledger's identity: the one stored, else made from the list (the same list gives the same). */
export function ledgerIdOf(previous: LedgerSettings | null, list: TaskList): string {
  return (
    previous?.ledgerId ??
    ledgerIdFor(
      list.title,
      list.year,
      list.tasks.map((t) => t.title),
    )
  );
}
