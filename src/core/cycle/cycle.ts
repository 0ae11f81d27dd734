/**
 * The cycle over a list: the period, the thresholds (given, else stored with the workbook, else the
 * defaults), and the list with each task's status taken from the reports on record.
 */
import { DEFAULT_DUE_SOON_DAYS, taskExpected, taskWarning } from "../checks/warnings";
import { lastDayOfMonth } from "../deadlines/dates";
import { tallyUnits, worstFirst } from "../units/tally";
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
  /** Each unit's completion and rank as of the last earlier period on record, for the change. */
  previous: { period: string; units: Map<string, { rate: number | null; rank: number }> } | null;
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
    previous: previousStanding(list, reports, settings),
  };
}

/** The units' standing at the end of the last period before this one that has taken reports. */
function previousStanding(
  list: TaskList,
  reports: readonly ProgressReport[],
  settings: ListCycle["settings"],
): ListCycle["previous"] {
  let period = "";
  for (const r of reports)
    if (r.state === "taken" && r.period < settings.period && r.period > period) period = r.period;
  if (!period) return null;
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  const asOf = `${period}-${String(lastDayOfMonth(y, m)).padStart(2, "0")}`;
  const upTo = reports.filter((r) => r.period <= period);
  const opts = {
    asOf,
    dueSoonDays: DEFAULT_DUE_SOON_DAYS,
    behindPoints: settings.behindPoints,
    ...(settings.start ? { start: settings.start } : {}),
  };
  const expected = list.tasks.map((t) => taskExpected(t, list.year, opts));
  const then = applyReports(list, upTo, { period, expected });
  const warnings = then.list.tasks.map((t) => taskWarning(t, list.year, opts));
  const figures = tallyUnits(then.list, warnings, {
    tasks: then.cycle,
    reporting: reportingUnits(upTo, period),
  })
    .sort(worstFirst)
    .filter((u) => u.lead > 0);
  return { period, units: new Map(figures.map((u, k) => [u.name, { rate: u.rate, rank: k + 1 }] as const)) };
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
