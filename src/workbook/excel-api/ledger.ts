/**
 * The task pane's port onto the open workbook: detect the list, check it, select a finding's cell,
 * apply a suggestion, import text or .docx as a list sheet, generate. Every operation reads the
 * workbook afresh (two syncs) so the pane never works from a stale copy.
 */
import { type CheckResult, type Finding, runChecks } from "../../core/checks/findings";
import { ledgerCycle } from "../../core/cycle/cycle";
import { buildTaskList, summarizeUnits, type UnitSummary } from "../../core/ledger";
import { type SourceRef, type TaskList, columnLetter } from "../../core/model";
import { type PlanTranslate, listSheetPlan } from "../../core/plan/build";
import { type LedgerSettings, SETTINGS_SHEET } from "../../core/plan/model";
import { SheetNamer } from "../../core/plan/sheet-names";
import {
  type WorkbookView,
  planForWorkbook,
  previousSettings,
  readLedgerInputs,
} from "../../core/plan/workbook-inputs";
import type { ColumnField } from "../../core/read/columns";
import { extractDocx } from "../../core/read/docx";
import { type TableLayout, ReadError } from "../../core/read/raw";
import { readRows } from "../../core/read/rows";
import { readText } from "../../core/read/text";
import type { ReportTranslate } from "../../core/report/render";
import { UnitDirectory } from "../../core/units/directory";
import {
  type ExcelRun,
  type Requirements,
  detectFeatures,
  executeCommands,
  readSheets,
  replaceInCell,
  selectCell,
} from "./adapter";
import { type Features, planCommands, settingsCommands, sheetCommands } from "./commands";

export interface LedgerOptions {
  asOf: string;
  dueSoonDays: number;
  /** Sheet holding the list; default: the one the settings name, else the first with a table. */
  sheet?: string;
  mapping?: Partial<Record<ColumnField, number | number[]>>;
}

export interface LedgerState {
  sheets: string[];
  list: TaskList;
  layout: TableLayout | null;
  units: UnitSummary[];
  checks: CheckResult;
  /** What the last generation stored with the workbook (as-of date, window, mapping). */
  settings: LedgerSettings | null;
}

export interface GenerateOptions extends LedgerOptions {
  lang: "zh-CN" | "en";
  asOfText: string;
  townSheets: boolean;
}

export interface GenerateOutcome {
  summarySheet: string;
  unitSheets: string[];
  syncs?: number;
}

export interface LedgerPort {
  features: Features;
  read(opts: LedgerOptions): Promise<LedgerState>;
  select(ref: SourceRef): Promise<void>;
  /**
   * Keep the as-of date, due-soon window and column mapping with the workbook (in the very hidden
   * settings sheet, beside the list of generated sheets), so the next person sees the same.
   */
  saveSettings(
    s: Pick<LedgerSettings, "asOf" | "dueSoonDays"> & {
      mapping?: Record<string, number>;
      lang: "zh-CN" | "en";
      sheet?: string;
    },
  ): Promise<void>;
  /** Replace the misspelt unit in the finding's cell with the suggestion; false if the cell changed. */
  applySuggestion(finding: Finding): Promise<boolean>;
  importText(text: string, t: PlanTranslate): Promise<string>;
  importDocx(bytes: ArrayBuffer, t: PlanTranslate): Promise<string>;
  generate(
    opts: GenerateOptions,
    t: PlanTranslate,
    tr: ReportTranslate,
    onProgress?: (done: number, total: number) => void,
  ): Promise<GenerateOutcome>;
}

/** The workbook as the core sees it, read in two syncs. */
async function view(run: ExcelRun, features: Features): Promise<WorkbookView & { names: string[] }> {
  const { sheets, grids } = await readSheets(run, features);
  return { sheets, grid: (name) => grids.get(name), names: sheets.map((s) => s.name) };
}

export function createExcelLedger(run: ExcelRun, requirements: Requirements): LedgerPort {
  const features = detectFeatures(requirements);

  async function read(opts: LedgerOptions) {
    const v = await view(run, features);
    const inputs = readLedgerInputs(v, "workbook", {
      ...(opts.sheet ? { sheet: opts.sheet } : {}),
      ...(opts.mapping ? { mapping: opts.mapping } : {}),
    });
    const directory = UnitDirectory.builtin().withUser(inputs.directory);
    const read = buildTaskList(inputs.raw, inputs.source, { asOf: opts.asOf, directory });
    // The cycle: the ledger's 进展记录 and what units typed into its sheets decide each status.
    const cycle = ledgerCycle(read, inputs, {
      asOf: opts.asOf,
      ...(inputs.previous?.cycle ? { stored: inputs.previous.cycle } : {}),
      asOfGiven: true,
    });
    const list = cycle.list;
    const checks = runChecks(list, directory, {
      asOf: opts.asOf,
      dueSoonDays: opts.dueSoonDays,
      behindPoints: cycle.settings.behindPoints,
      ...(cycle.settings.start ? { start: cycle.settings.start } : {}),
    });
    return { v, inputs, directory, list, checks, cycle };
  }

  async function writeList(list: TaskList, t: PlanTranslate): Promise<string> {
    const { names } = await view(run, features);
    const name = new SheetNamer(names).name(t("plan.list"));
    await executeCommands(run, sheetCommands(listSheetPlan(list, t, name), features), features);
    return name;
  }

  return {
    features,
    async read(opts) {
      const r = await read(opts);
      return {
        sheets: r.v.sheets.filter((s) => s.visible && s.name !== SETTINGS_SHEET).map((s) => s.name),
        list: r.list,
        layout: r.inputs.raw.layout ?? null,
        units: summarizeUnits(r.list),
        checks: r.checks,
        settings: r.inputs.previous,
      };
    },

    async saveSettings(next) {
      const v = await view(run, features);
      const previous = previousSettings(v);
      const settings: LedgerSettings = {
        version: 1,
        asOf: next.asOf,
        dueSoonDays: next.dueSoonDays,
        lang: previous?.lang ?? next.lang,
        listSheet: next.sheet ?? previous?.listSheet ?? null,
        generated: previous?.generated ?? [],
        ...(next.mapping && Object.keys(next.mapping).length ? { mapping: next.mapping } : {}),
      };
      const commands = [
        ...(v.names.includes(SETTINGS_SHEET) ? [{ kind: "delete" as const, sheet: SETTINGS_SHEET }] : []),
        ...settingsCommands(settings),
      ];
      await executeCommands(run, commands, features);
    },

    async select(ref) {
      if (ref.kind !== "cell") return;
      await selectCell(run, ref.sheet, `${columnLetter(ref.col)}${ref.row}`);
    },

    async applySuggestion(f) {
      const raw =
        typeof f.params.raw === "string"
          ? f.params.raw
          : typeof f.params.unit === "string"
            ? f.params.unit
            : null;
      if (!f.suggestion || !raw || f.ref?.kind !== "cell") return false;
      return replaceInCell(run, f.ref.sheet, `${columnLetter(f.ref.col)}${f.ref.row}`, raw, f.suggestion);
    },

    async importText(text, t) {
      const raw = readText(text, { source: "text" });
      const list = buildTaskList(
        raw,
        { file: "text", kind: "text" },
        { asOf: "2000-01-01", directory: UnitDirectory.builtin() },
      );
      return writeList(list, t);
    },

    async importDocx(bytes, t) {
      const content = await extractDocx(new Uint8Array(bytes), "docx");
      let raw;
      const table = content.tables
        .map((g) => {
          try {
            return readRows(g);
          } catch {
            return null;
          }
        })
        .find((x) => x !== null);
      if (table) raw = table;
      else if (content.text.trim()) raw = readText(content.text, { source: "docx" });
      else throw new ReadError("The document holds no task table and no numbered tasks.");
      const list = buildTaskList(
        raw,
        { file: "docx", kind: "docx" },
        { asOf: "2000-01-01", directory: UnitDirectory.builtin() },
      );
      return writeList(list, t);
    },

    async generate(opts, t, tr, onProgress) {
      const r = await read(opts);
      const plan = planForWorkbook(r.v.names, r.inputs, r.list, r.checks, r.directory, {
        asOf: opts.asOf,
        dueSoonDays: opts.dueSoonDays,
        lang: opts.lang,
        asOfText: opts.asOfText,
        t,
        tr,
        includeListSheet: false,
        townSheets: opts.townSheets,
        cycle: r.cycle,
        reports: r.cycle.reports,
        ...(opts.mapping ? { mapping: opts.mapping as Record<string, number | number[]> } : {}),
      });
      const commands = planCommands(plan, r.inputs.previous, r.v.names, features);
      await executeCommands(run, commands, features, onProgress);
      return {
        summarySheet: plan.sheets.find((s) => s.role === "summary")!.name,
        unitSheets: plan.sheets.filter((s) => s.role === "unit").map((s) => s.name),
      };
    },
  };
}
