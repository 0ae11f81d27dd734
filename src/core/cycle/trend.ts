/**
 * Completion over periods (the summary's line chart): for each reporting period with taken
 * reports, up to the current one, the share of tasks done at that period's end — the reports of
 * that period and earlier applied to the list as read, as the previous standing is computed.
 */
import { taskExpected } from "../checks/warnings";
import { lastDayOfMonth } from "../deadlines/dates";
import type { TaskList } from "../model";
import { stateBucket } from "../report/figures";
import { type ProgressReport, applyReports } from "./reports";

export interface PeriodCompletion {
  period: string;
  /** Share of all tasks done, 0..1. */
  rate: number;
}

const periodEnd = (period: string) => {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  return `${period}-${String(lastDayOfMonth(y, m)).padStart(2, "0")}`;
};

/** Every period with a taken report (and the current one), oldest first; empty for fewer than two. */
export function completionOverPeriods(
  listAsRead: TaskList,
  reports: readonly ProgressReport[],
  current: { period: string; start?: string },
): PeriodCompletion[] {
  if (listAsRead.tasks.length === 0) return [];
  const periods = new Set(
    reports.filter((r) => r.state === "taken" && r.period <= current.period).map((r) => r.period),
  );
  periods.add(current.period);
  if (periods.size < 2) return [];
  return [...periods].sort().map((period) => {
    const opts = { asOf: periodEnd(period), ...(current.start ? { start: current.start } : {}) };
    const expected = listAsRead.tasks.map((t) => taskExpected(t, listAsRead.year, opts));
    const then = applyReports(
      listAsRead,
      reports.filter((r) => r.period <= period),
      { period, expected },
    );
    const done = then.list.tasks.filter((t, i) => stateBucket(t, then.cycle[i]) === "done").length;
    return { period, rate: done / listAsRead.tasks.length };
  });
}
