/**
 * The colour warning of each task as of a date (蓝/黄/红 三色预警, green for on track):
 * red overdue, yellow behind, blue due soon, green on track or done, none without a due date.
 */
import { daysBetween } from "../deadlines/dates";
import type { Task } from "../model";

export type Warning = "red" | "yellow" | "blue" | "green" | "none";

export interface CheckOptions {
  /** YYYY-MM-DD */
  asOf: string;
  /** Days ahead that count as "due soon". */
  dueSoonDays: number;
}

/** Default due-soon window: half a month, the usual reporting interval. */
export const DEFAULT_DUE_SOON_DAYS = 15;
/**
 * A task is behind when its percentage trails the share of time elapsed by more than this many
 * points (30% done with 80% of the time gone): small gaps are normal reporting lag.
 */
export const BEHIND_MARGIN_POINTS = 25;

/** The date the task must meet next: milestones use the first not yet done when the status says. */
export function effectiveDue(task: Task): string | null {
  const d = task.deadline;
  if (d.kind === "milestones" && d.milestones?.length) {
    const doneCount = milestonesDone(task.status.text);
    if (doneCount !== null && doneCount < d.milestones.length) return d.milestones[doneCount]!.due;
    return d.due;
  }
  return d.due;
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";

/** How many milestones the status says are done ("①②已完成", "第二阶段已完成"), or null. */
export function milestonesDone(status: string): number | null {
  let max = 0;
  const re = /([①-⑩])[^①-⑩]{0,20}?(已完成|完成|已办结)/g;
  for (let m = re.exec(status); m; m = re.exec(status)) max = Math.max(max, CIRCLED.indexOf(m[1]!) + 1);
  // "①②已完成": every circled number before the verb counts.
  const block = /((?:[①-⑩][、,，]?)+)\s*(?:均|都|全部)?已?完成/.exec(status);
  if (block?.[1])
    for (const ch of block[1]) if (CIRCLED.includes(ch)) max = Math.max(max, CIRCLED.indexOf(ch) + 1);
  const stage = /第([一二三四五六七八九十])(阶段|个节点|项)[^，。]{0,6}已?完成/.exec(status);
  if (stage?.[1]) max = Math.max(max, "一二三四五六七八九十".indexOf(stage[1]) + 1);
  return max > 0 ? max : null;
}

export function taskWarning(task: Task, year: number, opts: CheckOptions): Warning {
  if (task.status.state === "done") return "green";
  const due = effectiveDue(task);
  if (due && daysBetween(opts.asOf, due) < 0) return "red";
  if (isBehind(task, year, opts.asOf)) return "yellow";
  if (!due) return "none";
  if (daysBetween(opts.asOf, due) <= opts.dueSoonDays) return "blue";
  return "green";
}

export function isBehind(task: Task, year: number, asOf: string): boolean {
  if (task.status.state === "behind") return true;
  const due = task.deadline.kind === "date" || task.deadline.kind === "milestones" ? task.deadline.due : null;
  if (task.status.percent === null || !due) return false;
  const start = `${year}-01-01`;
  const total = daysBetween(start, due);
  const gone = daysBetween(start, asOf);
  if (!(total > 0) || gone <= 0) return false;
  const elapsedPct = Math.min(100, (gone / total) * 100);
  return task.status.percent < elapsedPct - BEHIND_MARGIN_POINTS;
}
