/**
 * Generation over a workbook port: the plan for what was read (the previous run's sheets
 * replaced, every other sheet the user's and its name never taken, the directory written once),
 * then the port writes it.
 */
import { type PlanInput, buildPlan } from "../core/plan/build";
import { SETTINGS_SHEET, type WorkbookPlan } from "../core/plan/model";
import { ledgerIdOf } from "../core/plan/workbook-inputs";
import { DIRECTORY_SHEET } from "../core/units/directory-sheet";
import type { ApplyProgress, WorkbookPort } from "./port";
import type { WorkbookRead } from "./read";

export interface GenerateOptions extends Pick<PlanInput, "lang" | "t" | "tr"> {
  /**
   * How the sheets write a date (2024年7月1日): the as-of date is the one the read resolved, which
   * a shell may not know beforehand (a date stored in the workbook).
   */
  dateText?: (ymd: string) => string;
  /** The as-of date as written, when the shell already knows it (it passed the date itself). */
  asOfText?: string;
  townSheets?: boolean;
  /** A note in the summary that the data is a sample (the demo). */
  sampleNote?: boolean;
  onProgress?: ApplyProgress;
}

export function planGeneration(read: WorkbookRead, opts: Omit<GenerateOptions, "onProgress">): WorkbookPlan {
  const names = read.view.sheets.map((s) => s.name);
  const generated = new Set(read.settings?.generated.map((g) => g.name) ?? []);
  // The columns belong to the list sheet they were chosen for; a list from outside the workbook
  // is written as a sheet of canonical columns, which needs none.
  const mapping = read.external ? {} : read.columns;
  const plan = buildPlan({
    list: read.list,
    checks: read.checks,
    asOf: read.options.asOf,
    dueSoonDays: read.options.dueSoonDays,
    lang: opts.lang,
    asOfText: opts.dateText?.(read.options.asOf) ?? opts.asOfText ?? read.options.asOf,
    t: opts.t,
    tr: opts.tr,
    userSheets: [...names.filter((n) => !generated.has(n)), SETTINGS_SHEET],
    cycle: read.cycle,
    reports: read.cycle.reports,
    ledgerId: ledgerIdOf(read.settings, read.listAsRead),
    includeListSheet: read.external,
    includeDirectory: !names.includes(DIRECTORY_SHEET),
    townSheets: opts.townSheets ?? false,
    towns: read.directory
      .userEntries()
      .filter((e) => e.kind === "town")
      .map((e) => e.name),
    ...(opts.sampleNote ? { sampleNote: true } : {}),
    ...(Object.keys(mapping).length ? { mapping } : {}),
  });
  // What the plan does not decide (the bulletin's issue number) stays with the workbook.
  const { bulletin } = read.settings ?? {};
  return { ...plan, settings: { ...(bulletin ? { bulletin } : {}), ...plan.settings } };
}

export async function generate(
  port: WorkbookPort,
  read: WorkbookRead,
  opts: GenerateOptions,
): Promise<WorkbookPlan> {
  const plan = planGeneration(read, opts);
  await port.apply(plan, read.settings, opts.onProgress);
  return plan;
}
