/**
 * The figures leaders read: totals over the list (per unit: `units/tally.ts`). One computation
 * for the summary sheet and the task pane's summary step.
 */
import type { Warning } from "../checks/warnings";
import type { TaskList } from "../model";

export interface Totals {
  tasks: number;
  done: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
  dueSoon: number;
  noReport: number;
  /** Share of tasks done, 0..1 (0 for an empty list). */
  rate: number;
}

export function totals(list: TaskList, warnings: readonly Warning[]): Totals {
  const t: Totals = {
    tasks: list.tasks.length,
    done: 0,
    inProgress: 0,
    notStarted: 0,
    overdue: 0,
    dueSoon: 0,
    noReport: 0,
    rate: 0,
  };
  list.tasks.forEach((task, i) => {
    const s = task.status.state;
    if (s === "done") t.done++;
    else if (s === "in_progress" || s === "behind") t.inProgress++;
    else if (s === "not_started") t.notStarted++;
    if (warnings[i] === "red") t.overdue++;
    if (warnings[i] === "blue") t.dueSoon++;
    if (!task.status.text) t.noReport++;
  });
  t.rate = t.tasks ? t.done / t.tasks : 0;
  return t;
}
