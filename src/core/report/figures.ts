/**
 * The figures leaders read: totals over the list (per unit: `units/tally.ts`). One computation
 * for the summary sheet, `check --json` and the task pane's summary step.
 */
import type { Warning } from "../checks/warnings";
import type { TaskCycle } from "../cycle/reports";
import type { Task, TaskList } from "../model";

export interface Totals {
  tasks: number;
  /** The states: done + inProgress + notStarted + notReported + noReport = tasks. */
  done: number;
  inProgress: number;
  notStarted: number;
  /** 未报送: the lead unit has not reported for the current period. */
  notReported: number;
  /** No progress on record at all. */
  noReport: number;
  overdue: number;
  dueSoon: number;
  /** Yellow: behind 序时 or said to be behind. */
  behind: number;
  /** Share of tasks done, 0..1 (0 for an empty list). */
  rate: number;
}

export type StateBucket = "done" | "inProgress" | "notStarted" | "notReported" | "noReport";

/** The one state a task is counted under: every task in exactly one. */
export function stateBucket(task: Task, cycle: TaskCycle | undefined): StateBucket {
  const s = task.status.state;
  if (s === "done") return "done";
  if (cycle?.notReported) return "notReported";
  if (s === "in_progress" || s === "behind") return "inProgress";
  if (s === "not_started") return "notStarted";
  return "noReport";
}

export function totals(list: TaskList, warnings: readonly Warning[], cycle?: readonly TaskCycle[]): Totals {
  const t: Totals = {
    tasks: list.tasks.length,
    done: 0,
    inProgress: 0,
    notStarted: 0,
    notReported: 0,
    noReport: 0,
    overdue: 0,
    dueSoon: 0,
    behind: 0,
    rate: 0,
  };
  list.tasks.forEach((task, i) => {
    t[stateBucket(task, cycle?.[i])]++;
    if (warnings[i] === "red") t.overdue++;
    if (warnings[i] === "blue") t.dueSoon++;
    if (warnings[i] === "yellow") t.behind++;
  });
  t.rate = t.tasks ? t.done / t.tasks : 0;
  return t;
}
