/**
 * Collecting returned forms: each file's forms read, checked against this ledger and period,
 * matched to tasks by the hidden key (else id and title), and every filled row recorded — taken,
 * or kept marked as a conflict or a rejection with the reason, never dropped.
 */
import type { TaskList } from "../model";
import type { WorkbookView } from "../plan/workbook-inputs";
import { type ReadForm, readForm } from "./form";
import { taskKey } from "./key";
import { formReports } from "./ledger-reports";
import { type ProgressReport, mergeReports } from "./reports";

export interface ReturnedWorkbook {
  /** The file's name as the clerk sees it. */
  file: string;
  view: WorkbookView;
  /** When the file was last saved (ISO date-time or YYYY-MM-DD), if known: the newer of two wins. */
  modified?: string;
}

export interface CollectReport {
  period: string;
  received: { unit: string; file: string; rows: number }[];
  missing: string[];
  unchanged: { unit: string; taskId: string }[];
  conflicts: { file: string; unit: string; taskId: string; reason: string }[];
  rejected: { file: string; reason: string }[];
}

export interface CollectOptions {
  ledgerId: string;
  period: string;
  /** Date received, YYYY-MM-DD. */
  received: string;
}

export interface Collected {
  report: CollectReport;
  /** Every report on record after collecting (the history plus what was new). */
  reports: ProgressReport[];
}

const squash = (s: string) => s.replace(/\s+/g, "");

/** The reason texts, as the 进展记录 sheet and the report carry them. */
export const REASONS = {
  notForm: "不是推进情况表（没有找到本工具生成的行标识）",
  otherLedger: (id: string) => `另一份台账的报表（${id}）`,
  otherPeriod: (p: string, now: string) => `报送期为 ${p}，本期为 ${now}`,
  superseded: (file: string) => `同一单位的报表 ${file} 较新，以其为准`,
  textChanged: "台账中该任务的内容已变更，请核对后重新填报",
  notInLedger: "台账中没有这一任务",
  notResponsible: "该单位不是这一任务的牵头或配合单位",
} as const;

export function collectReturns(
  list: TaskList,
  history: readonly ProgressReport[],
  files: readonly ReturnedWorkbook[],
  opts: CollectOptions,
): Collected {
  const report: CollectReport = {
    period: opts.period,
    received: [],
    missing: [],
    unchanged: [],
    conflicts: [],
    rejected: [],
  };
  const added: ProgressReport[] = [];
  const ctx = (file: string) => ({ received: opts.received, file, source: "return" as const });

  // Forms of this ledger and period, by unit; everything else rejected (its rows kept, marked).
  const byUnit = new Map<string, { file: string; form: ReadForm; modified: string }[]>();
  for (const f of files) {
    const forms: ReadForm[] = [];
    for (const s of f.view.sheets) {
      const grid = f.view.grid(s.name);
      const form = grid ? readForm(grid) : null;
      if (form) forms.push(form);
    }
    if (forms.length === 0) {
      report.rejected.push({ file: f.file, reason: REASONS.notForm });
      continue;
    }
    for (const form of forms) {
      const reason =
        form.identity.ledgerId !== opts.ledgerId
          ? REASONS.otherLedger(form.identity.ledgerId)
          : form.identity.period !== opts.period
            ? REASONS.otherPeriod(form.identity.period, opts.period)
            : null;
      if (reason) {
        report.rejected.push({ file: f.file, reason });
        for (const r of formReports(form, ctx(f.file))) added.push({ ...r, state: "rejected", reason });
        continue;
      }
      const xs = byUnit.get(form.identity.unit) ?? [];
      xs.push({ file: f.file, form, modified: f.modified ?? form.header.date ?? "" });
      byUnit.set(form.identity.unit, xs);
    }
  }

  const byKey = new Map(list.tasks.map((t, i) => [taskKey(t), i] as const));
  const byIdTitle = new Map(
    list.tasks.map((t, i) => [`${squash(t.id)}\u0000${squash(t.title)}`, i] as const),
  );
  const ids = new Set(list.tasks.map((t) => squash(t.id)));
  const lastOf = new Map<string, ProgressReport>();
  for (const r of history)
    if (r.state === "taken" && r.period < opts.period) {
      const k = `${r.unit}\u0000${r.key}`;
      const prev = lastOf.get(k);
      if (!prev || r.period >= prev.period) lastOf.set(k, r);
    }

  for (const [unit, entries] of byUnit) {
    // The newest file of a unit wins; the others' rows are kept as conflicts naming it.
    const sorted = [...entries].sort((a, b) =>
      a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : 0,
    );
    const [winner, ...older] = sorted;
    for (const o of older) {
      const reason = REASONS.superseded(winner!.file);
      report.conflicts.push({ file: o.file, unit, taskId: "", reason });
      for (const r of formReports(o.form, ctx(o.file))) added.push({ ...r, state: "conflict", reason });
    }
    let taken = 0;
    for (const r of formReports(winner!.form, ctx(winner!.file))) {
      let i = byKey.get(r.key);
      if (i === undefined) i = byIdTitle.get(`${squash(r.taskId)}\u0000${squash(r.title)}`);
      let reason = r.state === "conflict" ? r.reason : "";
      if (i === undefined) reason = ids.has(squash(r.taskId)) ? REASONS.textChanged : REASONS.notInLedger;
      const task = i === undefined ? null : list.tasks[i]!;
      if (task && ![...task.lead, ...task.cooperating].some((u) => u.name === unit))
        reason = REASONS.notResponsible;
      if (reason) {
        report.conflicts.push({ file: winner!.file, unit, taskId: r.taskId, reason });
        added.push({ ...r, state: "conflict", reason });
        continue;
      }
      const key = taskKey(task!);
      const rec: ProgressReport = { ...r, key, taskId: task!.id, title: task!.title };
      const last = lastOf.get(`${unit}\u0000${key}`);
      if (
        last &&
        last.progress === rec.progress &&
        last.percent === rec.percent &&
        last.onSchedule === rec.onSchedule &&
        last.problems === rec.problems &&
        last.nextSteps === rec.nextSteps
      )
        report.unchanged.push({ unit, taskId: task!.id });
      added.push(rec);
      taken++;
    }
    if (taken) report.received.push({ unit, file: winner!.file, rows: taken });
  }

  const reports = mergeReports(history, added);
  // Units that lead an unfinished task and have no report this period (any source) did not report.
  const reported = new Set(
    reports.filter((r) => r.state === "taken" && r.period === opts.period).map((r) => r.unit),
  );
  const missing = new Set<string>();
  for (const t of list.tasks) {
    if (t.status.state === "done") continue;
    for (const u of t.lead) if (!reported.has(u.name)) missing.add(u.name);
  }
  report.missing = [...missing];
  return { report, reports };
}
