/**
 * Collect: the returned forms taken into the ledger. Reads the ledger through the port, reads the
 * returns (any shell hands them over as workbook views: files on disk, files picked in the browser,
 * attachments), records every filled row in 进展记录, and writes the regenerated ledger through the
 * port — only when at least one return was taken. Returned files are only read, never written.
 */
import { runChecks } from "../core/checks/findings";
import { type CheckResult } from "../core/checks/findings";
import { type CollectReport, type ReturnedWorkbook, collectReturns } from "../core/cycle/collect";
import { type ListCycle, cycleSettings, listCycle } from "../core/cycle/cycle";
import { ledgerReports } from "../core/cycle/ledger-reports";
import { buildTaskList } from "../core/ledger";
import type { CycleSettings, WorkbookPlan } from "../core/plan/model";
import {
  type WorkbookPlanOptions,
  ledgerIdOf,
  planForWorkbook,
  readLedgerInputs,
} from "../core/plan/workbook-inputs";
import type { RowReadOptions } from "../core/read/rows";
import { type DirectoryEntry, UnitDirectory } from "../core/units/directory";
import type { WorkbookPort } from "./port";

export type { CollectReport, ReturnedWorkbook };

export interface CollectOptions
  extends Omit<WorkbookPlanOptions, "includeListSheet" | "cycle" | "reports" | "mapping">, RowReadOptions {
  /** The ledger's name (for messages). */
  ledgerName: string;
  sheet?: string;
  year?: number;
  /** Cycle settings given for this run (the period above all). */
  cycleSettings?: CycleSettings;
  directoryEntries?: DirectoryEntry[];
}

export interface CollectResult {
  report: CollectReport;
  /** True when the ledger was written (at least one return taken). */
  written: boolean;
  plan: WorkbookPlan | null;
  cycle: ListCycle;
  checks: CheckResult;
}

export async function collect(
  ledger: WorkbookPort,
  returns: readonly ReturnedWorkbook[],
  opts: CollectOptions,
): Promise<CollectResult> {
  const view = await ledger.view();
  const inputs = readLedgerInputs(view, opts.ledgerName, {
    ...(opts.sheet ? { sheet: opts.sheet } : {}),
    ...(opts.headerRow ? { headerRow: opts.headerRow } : {}),
    ...(opts.mapping ? { mapping: opts.mapping } : {}),
  });
  const directory = UnitDirectory.builtin()
    .withUser(inputs.directory)
    .withUser(opts.directoryEntries ?? []);
  const read = buildTaskList(inputs.raw, inputs.source, {
    asOf: opts.asOf,
    directory,
    ...(opts.year ? { year: opts.year } : {}),
  });
  const cycleInput = {
    asOf: opts.asOf,
    ...(inputs.previous?.cycle ? { stored: inputs.previous.cycle } : {}),
    ...(opts.cycleSettings ? { given: opts.cycleSettings } : {}),
    asOfGiven: true,
  };
  const period = cycleSettings(cycleInput).period;
  const onRecord = ledgerReports(inputs, read, { asOf: opts.asOf, period });
  const before = listCycle(read, onRecord, cycleInput);
  const { report, reports } = collectReturns(before.list, onRecord, returns, {
    ledgerId: ledgerIdOf(inputs.previous, read),
    period,
    received: opts.asOf,
  });
  const cycle = listCycle(read, reports, cycleInput);
  const checks = runChecks(cycle.list, directory, {
    asOf: opts.asOf,
    dueSoonDays: opts.dueSoonDays,
    behindPoints: cycle.settings.behindPoints,
    ...(cycle.settings.start ? { start: cycle.settings.start } : {}),
  });
  if (report.received.length === 0) return { report, written: false, plan: null, cycle, checks };
  const plan = planForWorkbook(
    view.sheets.map((s) => s.name),
    { previous: inputs.previous },
    cycle.list,
    checks,
    directory,
    {
      ...opts,
      includeListSheet: false,
      cycle,
      reports,
      ...(inputs.previous?.mapping ? { mapping: inputs.previous.mapping } : {}),
    },
  );
  await ledger.apply(plan, inputs.previous);
  return { report, written: true, plan, cycle, checks };
}
