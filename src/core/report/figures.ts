/**
 * The figures leaders read: totals over the list and, per unit, its lead tasks' state. One
 * computation for the summary sheet and the task pane's summary step.
 */
import type { Warning } from "../checks/warnings";
import type { TaskList } from "../model";
import { compareNames } from "../text/collate";

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

export interface UnitFigures {
  name: string;
  lead: number;
  cooperating: number;
  /** Lead tasks done, overdue, due soon. */
  done: number;
  overdue: number;
  dueSoon: number;
  /** Share of lead tasks done; null for a unit that leads nothing. */
  rate: number | null;
  /** The worst warning among its lead tasks. */
  worst: Warning;
}

const WARN_RANK: Record<Warning, number> = { red: 4, yellow: 3, blue: 2, green: 1, none: 0 };

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

/**
 * Per unit named in the list, worst first: most overdue, then most due soon, then the lowest
 * completion rate, then most lead tasks.
 */
export function unitFigures(list: TaskList, warnings: readonly Warning[]): UnitFigures[] {
  const byName = new Map<string, UnitFigures>();
  const get = (name: string) => {
    let u = byName.get(name);
    if (!u)
      byName.set(
        name,
        (u = { name, lead: 0, cooperating: 0, done: 0, overdue: 0, dueSoon: 0, rate: null, worst: "none" }),
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
    const leads = task.lead;
    for (let k = 0; k < leads.length; k++) {
      if (earlier(leads, k)) continue;
      const u = get(leads[k]!.name);
      u.lead++;
      if (task.status.state === "done") u.done++;
      if (w === "red") u.overdue++;
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
      b.dueSoon - a.dueSoon ||
      (a.rate ?? 2) - (b.rate ?? 2) ||
      b.lead - a.lead ||
      compareNames(a.name, b.name),
  );
}
