/**
 * Collect: the returned forms taken into the ledger. Reads the ledger through the port as every
 * run does (`readWorkbook`), reads the returns (any shell hands them over as workbook views: files
 * on disk, files picked in the browser, attachments), records every filled row in 进展记录, and
 * writes the regenerated ledger through the port — only when at least one return was taken.
 * Returned files are only read, never written.
 */
import { type CollectReport, type ReturnedWorkbook, collectReturns } from "../core/cycle/collect";
import type { WorkbookPlan } from "../core/plan/model";
import { ledgerIdOf } from "../core/plan/workbook-inputs";
import { type GenerateOptions, planGeneration } from "./generate";
import type { RunFlags } from "./options";
import type { WorkbookPort } from "./port";
import { type ReadContext, type WorkbookRead, readWorkbook, withReports } from "./read";

export type { CollectReport, ReturnedWorkbook };

export interface CollectResult {
  report: CollectReport;
  /** True when the ledger was written (at least one return taken). */
  written: boolean;
  plan: WorkbookPlan | null;
  /** The ledger as it reads after the returns were taken in (or as it was, when none was). */
  read: WorkbookRead;
}

export async function collect(
  ledger: WorkbookPort,
  returns: readonly ReturnedWorkbook[],
  flags: RunFlags,
  ctx: ReadContext,
  opts: GenerateOptions,
): Promise<CollectResult> {
  const before = await readWorkbook(ledger, { kind: "workbook" }, flags, ctx);
  const { report, reports } = collectReturns(before.list, before.cycle.reports, returns, {
    ledgerId: ledgerIdOf(before.settings, before.listAsRead),
    period: before.cycle.period,
    received: before.options.asOf,
  });
  if (report.received.length === 0) return { report, written: false, plan: null, read: before };
  const read = withReports(before, reports);
  const plan = planGeneration(read, opts);
  await ledger.apply(plan, read.settings, opts.onProgress);
  return { report, written: true, plan, read };
}
