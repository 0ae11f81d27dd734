/**
 * The colour warning of each task as of a date (蓝/黄/红 三色预警, green for on track):
 * red overdue, yellow behind, blue due soon, green on track or done, none without a due date.
 */
import { daysBetween } from "../deadlines/dates";
import type { Task } from "../model";
import { DEFAULT_BEHIND_POINTS, expectedProgress, listStart } from "../cycle/schedule";

export type Warning = "red" | "yellow" | "blue" | "green" | "none";

export interface CheckOptions {
  /** YYYY-MM-DD */
  asOf: string;
  /** Days ahead that count as "due soon". */
  dueSoonDays: number;
  /** Points a reported percentage may trail 序时 before the task is yellow (default 10). */
  behindPoints?: number;
  /** The list's start, YYYY-MM-DD (default 1 January of its year). */
  start?: string;
}

/** Default due-soon window: half a month, the usual reporting interval. */
export const DEFAULT_DUE_SOON_DAYS = 15;

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
  if (isBehind(task, year, opts)) return "yellow";
  if (!due) return "none";
  if (daysBetween(opts.asOf, due) <= opts.dueSoonDays) return "blue";
  return "green";
}

/** 序时 of a task with a dated deadline (percent, one decimal), or null. */
export function taskExpected(
  task: Task,
  year: number,
  opts: Pick<CheckOptions, "asOf" | "start">,
): number | null {
  const due = task.deadline.kind === "date" || task.deadline.kind === "milestones" ? task.deadline.due : null;
  return expectedProgress(listStart(year, opts.start), due, opts.asOf);
}

/**
 * Behind (滞后): the unit says so (否, 滞后), or its percentage trails 序时 by more than the
 * threshold (default 10 points: 50% reported when 65% of the time is gone).
 */
export function isBehind(
  task: Task,
  year: number,
  opts: Pick<CheckOptions, "asOf" | "start" | "behindPoints">,
): boolean {
  if (task.status.state === "behind") return true;
  if (task.status.percent === null) return false;
  const expected = taskExpected(task, year, opts);
  if (expected === null) return false;
  return task.status.percent < expected - (opts.behindPoints ?? DEFAULT_BEHIND_POINTS);
}
