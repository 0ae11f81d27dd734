/**
 * What generation needs from an open workbook, whichever adapter holds it: the list (the sheet
 * named in the settings, or the first sheet holding a task table, never a generated one), the
 * user's directory sheet, the previous settings and the progress typed into generated unit sheets.
 */
import type { CheckResult } from "../checks/findings";
import type { SourceInfo, TaskList } from "../model";
import type { Grid } from "../read/grid";
import { type RawList, ReadError } from "../read/raw";
import { type RowReadOptions, readRows } from "../read/rows";
import type { DirectoryEntry, UnitDirectory } from "../units/directory";
import { DIRECTORY_SHEET, readDirectoryGrid } from "../units/directory-sheet";
import { type PlanInput, buildPlan } from "./build";
import { type LedgerSettings, SETTINGS_SHEET, type WorkbookPlan } from "./model";
import { type ReadForm, readForm } from "../cycle/form";
import { readHistory } from "../cycle/history";
import { ledgerIdFor } from "../cycle/key";
import type { ListCycle } from "../cycle/cycle";
import type { ProgressReport } from "../cycle/reports";
import { type ProgressEntry, readUnitProgress } from "./progress";
import { settingsFromGrid } from "./settings";

export interface WorkbookView {
  sheets: readonly { name: string; visible: boolean }[];
  /** Values and merges of a sheet; undefined when it does not exist. */
  grid(name: string): Grid | undefined;
}

export interface LedgerInputs {
  raw: RawList;
  source: SourceInfo;
  directory: DirectoryEntry[];
  previous: LedgerSettings | null;
  /** The 进展记录 sheet's reports. */
  history: ProgressReport[];
  /** The generated unit sheets, read as return forms. */
  forms: ReadForm[];
  /** Progress typed into unit sheets of the layout before the return form, by unit. */
  legacy: Map<string, ProgressEntry[]>;
}

export function previousSettings(view: WorkbookView): LedgerSettings | null {
  const g = view.sheets.some((s) => s.name === SETTINGS_SHEET) ? view.grid(SETTINGS_SHEET) : undefined;
  return g ? settingsFromGrid(g) : null;
}

export function readLedgerInputs(
  view: WorkbookView,
  file: string,
  opts: RowReadOptions & { sheet?: string } = {},
): LedgerInputs {
  const previous = previousSettings(view);
  const generated = new Set(previous?.generated.map((g) => g.name) ?? []);
  const has = (name: string) => view.sheets.some((s) => s.name === name);
  const directoryGrid = has(DIRECTORY_SHEET) ? view.grid(DIRECTORY_SHEET) : undefined;
  const directory = directoryGrid ? readDirectoryGrid(directoryGrid) : [];
  const cycle = readCycleSheets(view, previous);
  const chosen =
    opts.sheet ?? (previous?.listSheet && has(previous.listSheet) ? previous.listSheet : undefined);
  if (chosen) {
    const grid = has(chosen) ? view.grid(chosen) : undefined;
    if (!grid) {
      throw new ReadError(
        `${file}: no sheet named "${chosen}". Sheets: ${view.sheets.map((s) => s.name).join(", ")}.`,
      );
    }
    return {
      raw: readRows(grid, opts),
      source: { file, kind: "sheet", sheet: chosen },
      directory,
      previous,
      ...cycle,
    };
  }
  const reasons: string[] = [];
  let form: ReadForm | null = null;
  for (const s of view.sheets) {
    if (!s.visible || s.name === DIRECTORY_SHEET || s.name === SETTINGS_SHEET || generated.has(s.name))
      continue;
    const grid = view.grid(s.name);
    if (!grid) continue;
    // A unit's return form is not a list: it goes into its ledger with collect.
    const asForm = readForm(grid);
    if (asForm) {
      form ??= asForm;
      continue;
    }
    try {
      return {
        raw: readRows(grid, opts),
        source: { file, kind: "sheet", sheet: s.name },
        directory,
        previous,
        ...cycle,
      };
    } catch (err) {
      if (!(err instanceof ReadError)) throw err;
      reasons.push(err.message);
    }
  }
  if (form && reasons.length === 0) {
    throw new ReadError(
      `${file} is ${form.identity.unit}'s return form for ${form.identity.period} (sheet "${form.sheet}"), not a task list: ` +
        `take it into its ledger with \`task-ledger collect <ledger.xlsx> ${file}\`.`,
    );
  }
  throw new ReadError(
    `${file}: no sheet holds a task list. ${reasons.join(" ") || "The workbook has no visible sheets."}`,
  );
}

/** The cycle's sheets of a ledger: its history, and its unit sheets read as forms. */
export function readCycleSheets(
  view: WorkbookView,
  previous: LedgerSettings | null,
): Pick<LedgerInputs, "history" | "forms" | "legacy"> {
  const has = (name: string) => view.sheets.some((s) => s.name === name);
  const history: ProgressReport[] = [];
  const forms: ReadForm[] = [];
  const legacy = new Map<string, ProgressEntry[]>();
  for (const g of previous?.generated ?? []) {
    if ((g.role !== "unit" && g.role !== "history") || !has(g.name)) continue;
    const grid = view.grid(g.name);
    if (!grid) continue;
    if (g.role === "history") {
      history.push(...readHistory(grid));
      continue;
    }
    const form = readForm(grid);
    if (form) forms.push(form);
    else if (g.unit) legacy.set(g.unit, readUnitProgress(grid));
  }
  return { history, forms, legacy };
}

/** The ledger's identity: the one stored, else made from the list (the same list gives the same). */
export function ledgerIdOf(previous: LedgerSettings | null, list: TaskList): string {
  return (
    previous?.ledgerId ??
    ledgerIdFor(
      list.title,
      list.year,
      list.tasks.map((t) => t.title),
    )
  );
}

export interface WorkbookPlanOptions extends Pick<
  PlanInput,
  "asOf" | "dueSoonDays" | "lang" | "asOfText" | "t" | "tr"
> {
  /** Write the list itself as a sheet (lists read from text, .docx or CSV). */
  includeListSheet: boolean;
  townSheets?: boolean;
  sampleNote?: boolean;
  mapping?: Record<string, number | number[]>;
  /** The cycle over the list (its statuses applied to `list`) and every report on record. */
  cycle?: ListCycle;
  reports?: readonly ProgressReport[];
}

/**
 * The plan for a workbook holding these sheets: the previous generation's sheets are replaced,
 * every other sheet is the user's and its name is never taken; the directory is written once.
 */
export function planForWorkbook(
  sheetNames: readonly string[],
  inputs: Pick<LedgerInputs, "previous">,
  list: TaskList,
  checks: CheckResult,
  directory: UnitDirectory,
  opts: WorkbookPlanOptions,
): WorkbookPlan {
  const generated = new Set(inputs.previous?.generated.map((g) => g.name) ?? []);
  return buildPlan({
    list,
    checks,
    asOf: opts.asOf,
    dueSoonDays: opts.dueSoonDays,
    lang: opts.lang,
    asOfText: opts.asOfText,
    t: opts.t,
    tr: opts.tr,
    userSheets: [...sheetNames.filter((n) => !generated.has(n)), SETTINGS_SHEET],
    ...(opts.cycle ? { cycle: opts.cycle } : {}),
    ...(opts.reports ? { reports: opts.reports } : {}),
    ledgerId: ledgerIdOf(inputs.previous, list),
    includeListSheet: opts.includeListSheet,
    includeDirectory: !sheetNames.includes(DIRECTORY_SHEET),
    townSheets: opts.townSheets ?? false,
    towns: directory
      .userEntries()
      .filter((e) => e.kind === "town")
      .map((e) => e.name),
    ...(opts.sampleNote ? { sampleNote: true } : {}),
    ...(opts.mapping ? { mapping: opts.mapping } : {}),
  });
}
