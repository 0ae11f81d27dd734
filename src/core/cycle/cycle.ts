/**
 * The cycle over a list: the period, the thresholds (given, else stored with the workbook, else the
 * defaults), and the list with each task's status taken from the reports on record.
 */
import { taskExpected } from "../checks/warnings";
import type { TaskList } from "../model";
import type { CycleSettings } from "../plan/model";
import { type LedgerReportInputs, ledgerReports } from "./ledger-reports";
import { type ProgressReport, type TaskCycle, applyReports, reportingUnits } from "./reports";
import { DEFAULT_BEHIND_POINTS, periodOf } from "./schedule";

export interface CycleInput {
  asOf: string;
  /** Stored with the workbook by the last run. */
  stored?: CycleSettings;
  /** Given for this run (flags, the pane): win over the stored ones. */
  given?: CycleSettings;
  /** The as-of date was given for this run: the period follows it unless given too. */
  asOfGiven?: boolean;
}

export interface ListCycle {
  /** The list, each task's status from its lead unit's latest report where one exists. */
  list: TaskList;
  tasks: TaskCycle[];
  period: string;
  /** Units with a taken report for the period. */
  reporting: Set<string>;
  /** The settings in force, to store with the workbook. */
  settings: CycleSettings & { period: string; behindPoints: number };
}

export function cycleSettings(input: CycleInput): ListCycle["settings"] {
  const merged: CycleSettings = { ...(input.stored ?? {}), ...definedOnly(input.given ?? {}) };
  return {
    ...merged,
    period:
      input.given?.period ??
      (input.asOfGiven ? periodOf(input.asOf) : (input.stored?.period ?? periodOf(input.asOf))),
    behindPoints: merged.behindPoints ?? DEFAULT_BEHIND_POINTS,
  };
}

function definedOnly(s: CycleSettings): CycleSettings {
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as CycleSettings;
}

export function listCycle(list: TaskList, reports: readonly ProgressReport[], input: CycleInput): ListCycle {
  const settings = cycleSettings(input);
  const expected = list.tasks.map((t) =>
    taskExpected(t, list.year, { asOf: input.asOf, ...(settings.start ? { start: settings.start } : {}) }),
  );
  const applied = applyReports(list, reports, { period: settings.period, expected });
  return {
    list: applied.list,
    tasks: applied.cycle,
    period: settings.period,
    reporting: reportingUnits(reports, settings.period),
    settings,
  };
}

/**
 * The cycle of a ledger on a run: the reports on record (its history and what was typed into its
 * unit sheets) applied to the list read from it.
 */
export function ledgerCycle(
  list: TaskList,
  inputs: LedgerReportInputs,
  input: CycleInput,
): ListCycle & { reports: ProgressReport[] } {
  const settings = cycleSettings(input);
  const reports = ledgerReports(inputs, list, { asOf: input.asOf, period: settings.period });
  return { ...listCycle(list, reports, input), reports };
}
