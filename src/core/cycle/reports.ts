/**
 * Progress reports: one per task × period × reporting unit, from a returned form, from a unit
 * sheet of the ledger, or kept in the ledger's 进展记录 sheet. A task's current status is its lead
 * unit's latest taken report, else the list's own progress column; cooperating units' reports are
 * shown with the task, never counted.
 */
import type { Status, Task, TaskList } from "../model";
import { parseStatus } from "../status/parse";
import { taskKey } from "./key";

export type ReportSource = "return" | "unit-sheet";
export type ReportState = "taken" | "rejected" | "conflict";
export type StatusSource = "list" | ReportSource;

export interface ProgressReport {
  /** YYYY-MM */
  period: string;
  unit: string;
  /** The task's key (taskKey), as the form carried it. */
  key: string;
  taskId: string;
  title: string;
  /** 本期进展 */
  progress: string;
  /** 完成进度（%）, 0–100, or null when not given. */
  percent: number | null;
  /** 是否达序: 是, 否 or empty. */
  onSchedule: string;
  problems: string;
  nextSteps: string;
  /** 填报人 */
  reporter: string;
  /** Date received, YYYY-MM-DD. */
  received: string;
  /** The returned file, or the ledger sheet it was typed into. */
  file: string;
  source: ReportSource;
  state: ReportState;
  /** Why a row was not taken (conflicts and rejections). */
  reason: string;
}

/**
 * What a report says (and whether it was taken), for telling a new report from one already
 * recorded: a row once kept as a conflict and later returned correctly is recorded again, taken.
 */
export function reportContent(r: ProgressReport): string {
  return [
    r.state,
    r.period,
    r.unit,
    r.key,
    r.progress,
    r.percent ?? "",
    r.onSchedule,
    r.problems,
    r.nextSteps,
  ].join("\u0000");
}

/** True when the unit wrote anything into the row's fill-in cells. */
export function hasContent(
  r: Pick<ProgressReport, "progress" | "percent" | "onSchedule" | "problems" | "nextSteps">,
): boolean {
  return Boolean(r.progress || r.percent !== null || r.onSchedule || r.problems || r.nextSteps);
}

/**
 * The history with the new reports added: a report whose content (period, unit, task and every
 * fill-in value) is already recorded adds nothing, so reading the same returns twice changes
 * nothing. Order is kept: older first.
 */
export function mergeReports(
  history: readonly ProgressReport[],
  added: readonly ProgressReport[],
): ProgressReport[] {
  const seen = new Set(history.map(reportContent));
  const out = [...history];
  for (const r of added) {
    const k = reportContent(r);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}

/** What the cycle knows of one task. */
export interface TaskCycle {
  /** The period of the lead unit's latest taken report, or null. */
  reported: string | null;
  source: StatusSource;
  /** 序时 %, or null without a dated deadline. */
  expected: number | null;
  /** The lead unit has not reported for the current period (and the task is not done). */
  notReported: boolean;
  /** The latest report of each cooperating unit (shown, not counted). */
  cooperating: ProgressReport[];
  /** The lead unit's latest report. */
  latest: ProgressReport | null;
  /** The list's own progress text (what the office had before any report). */
  listText: string;
}

const newer = (a: ProgressReport, b: ProgressReport) =>
  a.period !== b.period ? a.period > b.period : a.received >= b.received;

/** The status a report gives: its text and 是否达序 read as the list's would be, its % kept. */
export function reportStatus(r: ProgressReport): Status {
  const s = parseStatus(r.progress, r.onSchedule || null);
  const percent = r.percent ?? s.percent;
  let state = s.state;
  if (r.percent !== null && state === "unknown")
    state = r.percent >= 100 ? "done" : r.percent === 0 ? "not_started" : "in_progress";
  if (r.percent !== null && r.percent >= 100 && state !== "behind") state = "done";
  // Words that sound done (已建成3座) beside a reported % under 100: the unit's figure decides.
  if (r.percent !== null && r.percent < 100 && state === "done") state = "in_progress";
  return { text: r.progress || s.text, state, percent };
}

export interface ApplyOptions {
  /** The current period, YYYY-MM. */
  period: string;
  /** 序时 of each task (same order as the list). */
  expected: readonly (number | null)[];
}

/**
 * The list with each task's status taken from its lead unit's latest report (the list's own
 * progress where none), and what the cycle knows of each task. Tasks are copied, never changed.
 * 未报送 counts only once the cycle has begun (some report recorded).
 */
export function applyReports(
  list: TaskList,
  reports: readonly ProgressReport[],
  opts: ApplyOptions,
): { list: TaskList; cycle: TaskCycle[] } {
  const byKey = new Map<string, ProgressReport[]>();
  for (const r of reports) {
    if (r.state !== "taken") continue;
    const xs = byKey.get(r.key);
    if (xs) xs.push(r);
    else byKey.set(r.key, [r]);
  }
  const started = reports.some((r) => r.state === "taken");
  const cycle: TaskCycle[] = [];
  const tasks: Task[] = list.tasks.map((task, i) => {
    // Before any report (a first run), nothing to look up for a task.
    const own = byKey.size ? (byKey.get(taskKey(task)) ?? NONE) : NONE;
    let latest: ProgressReport | null = null;
    let reportedNow = false;
    const coop = new Map<string, ProgressReport>();
    if (own.length) {
      const leads = new Set(task.lead.map((u) => u.name));
      for (const r of own) {
        if (leads.has(r.unit)) {
          if (!latest || newer(r, latest)) latest = r;
          if (r.period === opts.period) reportedNow = true;
        } else {
          const prev = coop.get(r.unit);
          if (!prev || newer(r, prev)) coop.set(r.unit, r);
        }
      }
    }
    const status = latest ? reportStatus(latest) : task.status;
    cycle.push({
      reported: latest?.period ?? null,
      source: latest ? latest.source : "list",
      expected: opts.expected[i] ?? null,
      notReported: started && task.lead.length > 0 && !reportedNow && status.state !== "done",
      cooperating: [...coop.values()],
      latest,
      listText: task.status.text,
    });
    return latest ? { ...task, status } : task;
  });
  return { list: { ...list, tasks }, cycle };
}

const NONE: readonly ProgressReport[] = [];

/** Units that returned a taken report for the period. */
export function reportingUnits(reports: readonly ProgressReport[], period: string): Set<string> {
  return new Set(reports.filter((r) => r.state === "taken" && r.period === period).map((r) => r.unit));
}
