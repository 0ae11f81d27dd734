/**
 * The reports a ledger holds on a run: its 进展记录 sheet, plus what units typed straight into
 * their sheets of the ledger (a shared workbook, co-authoring) since — counted the same way as a
 * returned form. Sheets written before the return form (one 进展情况 column) still count.
 */
import type { TaskList } from "../model";
import { type ProgressEntry, matchProgress } from "../plan/progress";
import type { FormHeader, FormRow, ReadForm } from "./form";
import { taskKey } from "./key";
import { type ProgressReport, type ReportSource, hasContent, mergeReports } from "./reports";

export interface ReportContext {
  /** Date received, YYYY-MM-DD. */
  received: string;
  /** The file (or the ledger sheet) the rows came from. */
  file: string;
  source: ReportSource;
}

/** A filled form row as a report: taken, or a conflict when its % is not 0–100. */
export function rowReport(row: FormRow, header: FormHeader, ctx: ReportContext): ProgressReport {
  const badPercent = row.percentText !== "" && (row.percent === null || row.percent < 0 || row.percent > 100);
  return {
    period: row.identity.period,
    unit: row.identity.unit,
    key: row.key,
    taskId: row.taskId,
    title: row.title,
    progress: row.progress,
    percent: badPercent ? null : row.percent,
    onSchedule: row.onSchedule,
    problems: row.problems,
    nextSteps: row.nextSteps,
    reporter: header.reporter,
    received: ctx.received,
    file: ctx.file,
    source: ctx.source,
    state: badPercent ? "conflict" : "taken",
    reason: badPercent ? `完成进度「${row.percentText}」不是 0–100 的数` : "",
  };
}

/** The rows of a form the unit filled in, as reports. */
export function formReports(form: ReadForm, ctx: ReportContext): ProgressReport[] {
  return form.rows
    .filter((r) => hasContent(r) || r.percentText !== "")
    .map((r) => rowReport(r, form.header, ctx));
}

export interface LedgerReportInputs {
  /** The 进展记录 sheet's rows. */
  history: readonly ProgressReport[];
  /** The ledger's unit sheets read as forms. */
  forms: readonly ReadForm[];
  /** Unit sheets of the earlier layout: progress by canonical unit name. */
  legacy: ReadonlyMap<string, ProgressEntry[]>;
}

/**
 * Every report on record after this read: the history, then what was typed into the unit sheets
 * (received on the as-of date). Typing that only repeats the record adds nothing.
 */
export function ledgerReports(
  inputs: LedgerReportInputs,
  list: TaskList,
  opts: { asOf: string; period: string },
): ProgressReport[] {
  const typed: ProgressReport[] = [];
  for (const form of inputs.forms)
    typed.push(...formReports(form, { received: opts.asOf, file: form.sheet, source: "unit-sheet" }));
  for (const [unit, entries] of inputs.legacy) {
    if (!entries.length) continue;
    const mine = list.tasks
      .map((task, i) => ({ task, i }))
      .filter(
        ({ task }) => task.lead.some((u) => u.name === unit) || task.cooperating.some((u) => u.name === unit),
      );
    const found = matchProgress(
      mine.map(({ task, i }) => ({ key: i, id: task.id, section: task.section ?? "", title: task.title })),
      entries,
    ).found;
    for (const [i, progress] of found) {
      const task = list.tasks[i]!;
      typed.push({
        period: opts.period,
        unit,
        key: taskKey(task),
        taskId: task.id,
        title: task.title,
        progress,
        percent: null,
        onSchedule: "",
        problems: "",
        nextSteps: "",
        reporter: "",
        received: opts.asOf,
        file: unit,
        source: "unit-sheet",
        state: "taken",
        reason: "",
      });
    }
  }
  return mergeReports(inputs.history, typed);
}
