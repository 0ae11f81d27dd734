/**
 * The figures leaders read: totals over the list and, per unit, its lead tasks' state. One
 * computation for the summary sheet, `check --json` and the task pane's summary step.
 */
import type { Warning } from "../checks/warnings";
import type { TaskCycle } from "../cycle/reports";
import type { Task, TaskList } from "../model";
import { compareNames } from "../text/collate";

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

export interface UnitFigures {
  name: string;
  lead: number;
  cooperating: number;
  /** Lead tasks by state and warning. */
  done: number;
  inProgress: number;
  behind: number;
  overdue: number;
  dueSoon: number;
  notReported: number;
  /** Share of lead tasks done; null for a unit that leads nothing. */
  rate: number | null;
  /** The worst warning among its lead tasks. */
  worst: Warning;
  /** True when the unit reported for the current period; null before the cycle begins. */
  reported: boolean | null;
}

const WARN_RANK: Record<Warning, number> = { red: 4, yellow: 3, blue: 2, green: 1, none: 0 };

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

/**
 * Per unit named in the list, worst first: most overdue (red), then most behind (yellow), then
 * most 未报送, then the lowest completion rate, then most due soon, then most lead tasks.
 * `reporting` (the units that reported this period) is given once the cycle has begun.
 */
export function unitFigures(
  list: TaskList,
  warnings: readonly Warning[],
  cycle?: readonly TaskCycle[],
  reporting?: ReadonlySet<string>,
): UnitFigures[] {
  const byName = new Map<string, UnitFigures>();
  const get = (name: string) => {
    let u = byName.get(name);
    if (!u)
      byName.set(
        name,
        (u = {
          name,
          lead: 0,
          cooperating: 0,
          done: 0,
          inProgress: 0,
          behind: 0,
          overdue: 0,
          dueSoon: 0,
          notReported: 0,
          rate: null,
          worst: "none",
          reported: reporting ? reporting.has(name) : null,
        }),
      );
    return u;
  };
  // A task names a few units: a name seen earlier in the same list is found by a short scan.
  const earlier = (refs: readonly { name: string }[], k: number) => {
    for (let j = 0; j < k; j++) if (refs[j]!.name === refs[k]!.name) return true;
    return false;
  };
  list.tasks.forEach((task, i) => {
    const w = warnings[i] ?? "none";
    const bucket = stateBucket(task, cycle?.[i]);
    const leads = task.lead;
    for (let k = 0; k < leads.length; k++) {
      if (earlier(leads, k)) continue;
      const u = get(leads[k]!.name);
      u.lead++;
      if (bucket === "done") u.done++;
      if (bucket === "inProgress") u.inProgress++;
      if (bucket === "notReported") u.notReported++;
      if (w === "red") u.overdue++;
      if (w === "yellow") u.behind++;
      if (w === "blue") u.dueSoon++;
      if (WARN_RANK[w] > WARN_RANK[u.worst]) u.worst = w;
    }
    const coops = task.cooperating;
    for (let k = 0; k < coops.length; k++) {
      const name = coops[k]!.name;
      if (!earlier(coops, k) && !leads.some((r) => r.name === name)) get(name).cooperating++;
    }
  });
  const out = [...byName.values()];
  for (const u of out) u.rate = u.lead ? u.done / u.lead : null;
  return out.sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.behind - a.behind ||
      b.notReported - a.notReported ||
      (a.rate ?? 2) - (b.rate ?? 2) ||
      b.dueSoon - a.dueSoon ||
      b.lead - a.lead ||
      compareNames(a.name, b.name),
  );
}
