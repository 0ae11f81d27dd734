/**
 * The one per-unit tally: which tasks each unit leads and cooperates on, how it writes its name,
 * and its lead tasks' state. The unit sheets, the summary sheet, the text and JSON reports, the
 * checks and the pane's unit list all read it, so none of them can disagree on a count.
 *
 * Rules: a unit named twice in a task counts once; a unit that leads a task does not also count
 * as cooperating on it (the LEAD_ALSO_COOPERATING check reports that writing instead).
 */
import type { Warning } from "../checks/warnings";
import type { TaskCycle } from "../cycle/reports";
import type { TaskList, UnitRef } from "../model";
import { stateBucket } from "../report/figures";
import { compareNames } from "../text/collate";

export interface UnitTally {
  readonly name: string;
  /** Whether the directory knows the unit. */
  readonly known: boolean;
  /** Every way the list writes this unit, in order of first appearance. */
  readonly writtenAs: readonly string[];
  /** Indices (in the list) of the tasks it leads. */
  readonly leadTasks: readonly number[];
  /** Indices of the tasks it cooperates on without leading them. */
  readonly coopTasks: readonly number[];
  readonly lead: number;
  readonly cooperating: number;
  /** Lead tasks by state (done, in progress, 未报送) and by warning (overdue, behind, due soon). */
  readonly done: number;
  readonly inProgress: number;
  readonly notReported: number;
  readonly overdue: number;
  readonly behind: number;
  readonly dueSoon: number;
  /** True when the unit reported for the current period; null before the cycle begins. */
  readonly reported: boolean | null;
  /** Share of lead tasks done; null for a unit that leads nothing. */
  readonly rate: number | null;
  /** The worst warning among its lead tasks. */
  readonly worst: Warning;
}

const WARN_RANK: Record<Warning, number> = { red: 4, yellow: 3, blue: 2, green: 1, none: 0 };

interface Building {
  name: string;
  known: boolean;
  writtenAs: string[];
  leadTasks: number[];
  coopTasks: number[];
  done: number;
  inProgress: number;
  notReported: number;
  overdue: number;
  behind: number;
  dueSoon: number;
  worst: Warning;
  reported: boolean | null;
}

/** The monthly cycle over the list, when it has begun: each task's cycle and who reported. */
export interface TallyCycle {
  readonly tasks: readonly TaskCycle[];
  readonly reporting?: ReadonlySet<string>;
}

/**
 * Every unit named in the list as lead or cooperating, in order of first mention. `warnings`
 * (one per task, from the checks) gives the overdue, behind and due-soon counts; without it they
 * are 0. `cycle` (once reports exist) gives 未报送 and whether each unit reported.
 */
export function tallyUnits(
  list: TaskList,
  warnings: readonly Warning[] = [],
  cycle?: TallyCycle,
): UnitTally[] {
  const byName = new Map<string, Building>();
  const get = (r: UnitRef): Building => {
    let u = byName.get(r.name);
    if (!u) {
      u = {
        name: r.name,
        known: r.known,
        writtenAs: [],
        leadTasks: [],
        coopTasks: [],
        done: 0,
        inProgress: 0,
        notReported: 0,
        overdue: 0,
        behind: 0,
        dueSoon: 0,
        worst: "none",
        reported: cycle?.reporting ? cycle.reporting.has(r.name) : null,
      };
      byName.set(r.name, u);
    }
    if (!u.writtenAs.includes(r.raw)) u.writtenAs.push(r.raw);
    return u;
  };
  // Tasks are visited in order: a task already counted for a unit is the last one in its list.
  const counted = (xs: number[], i: number) => xs.length > 0 && xs[xs.length - 1] === i;
  list.tasks.forEach((task, i) => {
    const w = warnings[i] ?? "none";
    const bucket = stateBucket(task, cycle?.tasks[i]);
    for (const r of task.lead) {
      const u = get(r);
      if (counted(u.leadTasks, i)) continue;
      u.leadTasks.push(i);
      if (bucket === "done") u.done++;
      if (bucket === "inProgress") u.inProgress++;
      if (bucket === "notReported") u.notReported++;
      if (w === "red") u.overdue++;
      if (w === "yellow") u.behind++;
      if (w === "blue") u.dueSoon++;
      if (WARN_RANK[w] > WARN_RANK[u.worst]) u.worst = w;
    }
    for (const r of task.cooperating) {
      const u = get(r);
      if (!counted(u.leadTasks, i) && !counted(u.coopTasks, i)) u.coopTasks.push(i);
    }
  });
  return [...byName.values()].map((u) => ({
    ...u,
    lead: u.leadTasks.length,
    cooperating: u.coopTasks.length,
    rate: u.leadTasks.length ? u.done / u.leadTasks.length : null,
  }));
}

/** Most lead tasks first, then most cooperating, then by name (the reports' unit tables). */
export function byWorkload(a: UnitTally, b: UnitTally): number {
  return b.lead - a.lead || b.cooperating - a.cooperating || compareNames(a.name, b.name);
}

/**
 * Worst first (the leaders' summary): most overdue (red), then most behind (yellow), then most
 * 未报送, then the lowest completion rate, then most due soon, then most lead tasks.
 */
export function worstFirst(a: UnitTally, b: UnitTally): number {
  return (
    b.overdue - a.overdue ||
    b.behind - a.behind ||
    b.notReported - a.notReported ||
    (a.rate ?? 2) - (b.rate ?? 2) ||
    b.dueSoon - a.dueSoon ||
    b.lead - a.lead ||
    compareNames(a.name, b.name)
  );
}
