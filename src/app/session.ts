/**
 * The operations of an interactive shell (the task pane, the browser page) over a workbook it
 * keeps open: read, keep the settings, go to a cell, apply a suggested unit name, import, generate,
 * collect returned forms.
 * Every operation reads the workbook afresh, so the shell never works from a stale copy.
 */
import type { CheckResult, Finding } from "../core/checks/findings";
import { type SourceRef, type TaskList, columnLetter } from "../core/model";
import type { PlanTranslate } from "../core/plan/build";
import type { LedgerSettings, StoredMapping } from "../core/plan/model";
import { SETTINGS_SHEET, SETTINGS_VERSION } from "../core/plan/model";
import { DEFAULT_DUE_SOON_DAYS } from "../core/checks/warnings";
import type { TableLayout } from "../core/read/raw";
import type { ReportTranslate } from "../core/report/render";
import { type Totals, totals } from "../core/report/figures";
import type { UnitTally } from "../core/units/tally";
import type { BulletinInput } from "../core/report/bulletin";
import { type BulletinOptions, bulletinInput, storeBulletin } from "./bulletin";
import { type CollectReport, type ReturnedWorkbook, collect } from "./collect";
import { type GenerateOptions, generate } from "./generate";
import { importList } from "./import";
import { type RunFlags, type RunOptions, columnsOf } from "./options";
import type { ApplyProgress, WorkbookPort } from "./port";
import { type ListInput, readWorkbook, storedSettings } from "./read";

/** A workbook a shell holds open: the port, plus going to a cell and editing one. */
export interface OpenWorkbook extends WorkbookPort {
  select(sheet: string, address: string): Promise<void>;
  /** Replace `from` by `to` in one cell's text; false when the cell no longer holds `from`. */
  replaceInCell(sheet: string, address: string, from: string, to: string): Promise<boolean>;
}

export interface SessionState {
  /** The workbook's visible sheets. */
  sheets: string[];
  list: TaskList;
  layout: TableLayout | null;
  units: UnitTally[];
  /** The summary sheet's totals (states, 滞后, 未报送, rate), from the same read. */
  totals: Totals;
  /** The reporting period (YYYY-MM) the cycle is in. */
  period: string;
  checks: CheckResult;
  /** What the last run stored with the workbook. */
  settings: LedgerSettings | null;
  /** The options this read used (the shell's choices over the stored ones over the defaults). */
  options: RunOptions;
}

export interface SessionGenerateOptions {
  lang: LedgerSettings["lang"];
  asOfText: string;
  townSheets: boolean;
}

export interface GenerateOutcome {
  summarySheet: string;
  unitSheets: string[];
}

/** What a collect did: the report, and whether the ledger was written (a return was taken). */
export interface CollectOutcome {
  report: CollectReport;
  written: boolean;
}

export interface BulletinOutcome {
  input: BulletinInput;
  /** The workbook kept the next issue number. */
  stored: boolean;
}

export interface Session {
  read(flags: RunFlags): Promise<SessionState>;
  select(ref: SourceRef): Promise<void>;
  /** Keep the as-of date, window, mapping and list sheet with the workbook, for the next person. */
  saveSettings(flags: RunFlags & { lang: LedgerSettings["lang"] }): Promise<void>;
  /** Replace the misspelt unit in the finding's cell with the suggestion; false if the cell changed. */
  applySuggestion(finding: Finding): Promise<boolean>;
  importText(text: string, t: PlanTranslate): Promise<string>;
  importDocx(bytes: ArrayBuffer, t: PlanTranslate): Promise<string>;
  /**
   * The bulletin's content from the workbook as it reads now; the next issue number is kept with
   * the workbook (a ledger this tool generated). The shell renders and offers the .docx.
   */
  bulletin(opts: RunFlags & Omit<BulletinOptions, "date">): Promise<BulletinOutcome>;
  generate(
    opts: RunFlags & SessionGenerateOptions,
    t: PlanTranslate,
    tr: ReportTranslate,
    onProgress?: ApplyProgress,
  ): Promise<GenerateOutcome>;
  /** Take returned forms into the ledger (进展记录 and the regenerated sheets): `collect`. */
  collect(
    returns: readonly ReturnedWorkbook[],
    flags: RunFlags,
    opts: Omit<GenerateOptions, "asOfText" | "sampleNote">,
  ): Promise<CollectOutcome>;
}

/** The .docx reader, loaded only when a document is imported. */
export type DocxExtractor = (
  bytes: Uint8Array,
  file: string,
) => Promise<import("../core/read/docx").DocxContent>;

/**
 * `input` says where the list is: in the workbook (the pane, an .xlsx picked in the page) or a
 * list given from outside it (a .csv picked in the page), written as a sheet when generating.
 */
export function openSession(
  book: OpenWorkbook,
  today: () => string,
  extractDocx: DocxExtractor,
  input: () => ListInput = () => ({ kind: "workbook" }),
): Session {
  const ctx = () => ({ today: today(), file: "workbook" });
  const read = (flags: RunFlags) => readWorkbook(book, input(), flags, ctx());
  return {
    async read(flags) {
      const r = await read(flags);
      return {
        sheets: r.view.sheets.filter((s) => s.visible && s.name !== SETTINGS_SHEET).map((s) => s.name),
        list: r.list,
        layout: r.raw.layout ?? null,
        units: r.units,
        totals: totals(r.list, r.checks.warnings, r.cycle.tasks),
        period: r.cycle.period,
        checks: r.checks,
        settings: r.settings,
        options: r.options,
      };
    },

    async saveSettings(flags) {
      const { lang } = flags;
      const view = await book.view();
      const stored = storedSettings(view);
      const listSheet = flags.sheet ?? stored?.listSheet ?? null;
      const grid = listSheet ? (view.grid(listSheet) ?? null) : null;
      const mapping: StoredMapping = columnsOf(flags.mapping ?? stored?.mapping ?? {}, grid);
      const { mapping: _old, ...rest } = stored ?? { generated: [], lang };
      const settings: LedgerSettings = {
        ...rest,
        version: SETTINGS_VERSION,
        asOf: flags.asOf ?? stored?.asOf ?? today(),
        dueSoonDays: flags.dueSoonDays ?? stored?.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
        lang: stored?.lang ?? lang,
        listSheet,
        generated: stored?.generated ?? [],
        ...(Object.keys(mapping).length ? { mapping } : {}),
      };
      // Only the settings change: the port is told there was nothing generated to remove.
      await book.apply({ sheets: [], settings }, stored && { ...stored, generated: [] });
    },

    async select(ref) {
      if (ref.kind !== "cell") return;
      await book.select(ref.sheet, `${columnLetter(ref.col)}${ref.row}`);
    },

    async applySuggestion(f) {
      const raw =
        typeof f.params.raw === "string"
          ? f.params.raw
          : typeof f.params.unit === "string"
            ? f.params.unit
            : null;
      if (!f.suggestion || !raw || f.ref?.kind !== "cell") return false;
      return book.replaceInCell(f.ref.sheet, `${columnLetter(f.ref.col)}${f.ref.row}`, raw, f.suggestion);
    },

    importText(text, t) {
      return importList(
        book,
        { kind: "text", text, source: { file: "text", kind: "text" } },
        { today: today(), lang: "zh-CN", t },
      );
    },

    async importDocx(bytes, t) {
      const content = await extractDocx(new Uint8Array(bytes), "docx");
      return importList(
        book,
        { kind: "docx", content, source: { file: "docx", kind: "docx" } },
        { today: today(), lang: "zh-CN", t },
      );
    },

    async bulletin(opts) {
      const r = await read(opts);
      const input = bulletinInput(r, { ...opts, date: today() });
      const kept = await storeBulletin(book, r, input);
      return { input, stored: kept !== null };
    },

    async generate(opts, t, tr, onProgress) {
      const r = await read(opts);
      const plan = await generate(book, r, {
        lang: opts.lang,
        asOfText: opts.asOfText,
        t,
        tr,
        townSheets: opts.townSheets,
        ...(onProgress ? { onProgress } : {}),
      });
      return {
        summarySheet: plan.sheets.find((s) => s.role === "summary")!.name,
        unitSheets: plan.sheets.filter((s) => s.role === "unit").map((s) => s.name),
      };
    },

    async collect(returns, flags, opts) {
      const r = await collect(book, returns, flags, ctx(), opts);
      return { report: r.report, written: r.written };
    },
  };
}
