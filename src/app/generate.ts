/**
 * Generation over a workbook port: the plan for what was read (the previous run's sheets
 * replaced, every other sheet the user's and its name never taken, the directory written once),
 * then the port writes it.
 */
import { type PlanInput, buildPlan } from "../core/plan/build";
import { SETTINGS_SHEET, type WorkbookPlan } from "../core/plan/model";
import { DIRECTORY_SHEET } from "../core/units/directory-sheet";
import { columnsOf } from "./options";
import type { ApplyProgress, WorkbookPort } from "./port";
import type { WorkbookRead } from "./read";

export interface GenerateOptions extends Pick<PlanInput, "lang" | "asOfText" | "t" | "tr"> {
  townSheets?: boolean;
  /** A note in the summary that the data is a sample (the demo). */
  sampleNote?: boolean;
  onProgress?: ApplyProgress;
}

export function planGeneration(read: WorkbookRead, opts: Omit<GenerateOptions, "onProgress">): WorkbookPlan {
  const names = read.view.sheets.map((s) => s.name);
  const generated = new Set(read.settings?.generated.map((g) => g.name) ?? []);
  const listGrid =
    read.list.source.kind === "sheet" && read.list.source.sheet && !read.external
      ? (read.view.grid(read.list.source.sheet) ?? null)
      : null;
  const mapping = columnsOf(read.options.mapping, listGrid);
  const plan = buildPlan({
    list: read.list,
    checks: read.checks,
    asOf: read.options.asOf,
    dueSoonDays: read.options.dueSoonDays,
    lang: opts.lang,
    asOfText: opts.asOfText,
    t: opts.t,
    tr: opts.tr,
    userSheets: [...names.filter((n) => !generated.has(n)), SETTINGS_SHEET],
    previousProgress: read.previousProgress,
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
  // What other work keeps in the settings (the cycle, the bulletin, the ledger's identity) stays.
  const { cycle, bulletin, ledgerId } = read.settings ?? {};
  return {
    ...plan,
    settings: {
      ...(cycle ? { cycle } : {}),
      ...(bulletin ? { bulletin } : {}),
      ...(ledgerId ? { ledgerId } : {}),
      ...plan.settings,
    },
  };
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
