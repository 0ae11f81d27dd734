/**
 * Reading a workbook through its port: the stored settings, the user's directory sheet, the
 * progress typed into the unit sheets an earlier run generated, and the list — a sheet of the
 * workbook, or a list given from outside it (a text, .docx or CSV file) — then the task list,
 * the checks and the per-unit tally. Every shell reads this way and none repeats it.
 */
import { type CheckResult, runChecks } from "../core/checks/findings";
import { buildTaskList } from "../core/task-list";
import type { SourceInfo, TaskList } from "../core/model";
import { type LedgerSettings, SETTINGS_SHEET, type StoredMapping } from "../core/plan/model";
import { settingsFromGrid } from "../core/plan/settings";
import { type WorkbookView, readCycleSheets } from "../core/plan/workbook-inputs";
import { type ListCycle, ledgerCycle, listCycle } from "../core/cycle/cycle";
import { readForm } from "../core/cycle/form";
import type { ProgressReport } from "../core/cycle/reports";
import type { DocxContent } from "../core/read/docx";
import type { Grid } from "../core/read/grid";
import { DamagedInputError, type RawList, ReadError } from "../core/read/raw";
import { type RowReadOptions, readRows } from "../core/read/rows";
import { readText } from "../core/read/text";
import { type DirectoryEntry, UnitDirectory } from "../core/units/directory";
import { DIRECTORY_SHEET, readDirectoryGrid } from "../core/units/directory-sheet";
import { type UnitTally, tallyUnits } from "../core/units/tally";
import { InputError } from "./errors";
import { type RunFlags, type RunOptions, columnsOf, resolveOptions } from "./options";
import type { CycleInput } from "../core/cycle/cycle";
import type { WorkbookPort } from "./port";

/** Where the list is: a sheet of the workbook, or a file read outside it. */
export type ListInput =
  | { readonly kind: "workbook" }
  | { readonly kind: "grid"; readonly grid: Grid; readonly source: SourceInfo }
  | { readonly kind: "text"; readonly text: string; readonly source: SourceInfo }
  | { readonly kind: "docx"; readonly content: DocxContent; readonly source: SourceInfo };

export interface ReadContext {
  /** Today, YYYY-MM-DD: the shells own the clock. */
  today: string;
  /** The file name shown in sources and messages ("workbook" in the add-in). */
  file: string;
  /** A directory given beside the workbook (--directory), over the workbook's own. */
  directory?: readonly DirectoryEntry[];
}

/** What one read of a workbook found. */
export interface WorkbookRead {
  view: WorkbookView;
  /** What the last run stored with the workbook; null when it has none. */
  settings: LedgerSettings | null;
  options: RunOptions;
  /** The mapping as the list's columns (header texts found), what the settings keep. */
  columns: StoredMapping;
  /** What the reader found besides the tasks (its notes, the table's layout), not kept for a run's length. */
  raw: Omit<RawList, "tasks">;
  /** The list as read, before any report was applied. */
  listAsRead: TaskList;
  /** The list with each task's status from its lead unit's latest report, where one exists. */
  list: TaskList;
  directory: UnitDirectory;
  /** The monthly cycle: the period, every report on record (the history, progress typed into unit sheets). */
  cycle: ListCycle & { reports: readonly ProgressReport[] };
  /** The cycle's settings as this run resolved them (given > stored > defaults). */
  cycleInput: CycleInput;
  checks: CheckResult;
  /** Per unit named in the list, in order of first mention. */
  units: UnitTally[];
  /** The list came from outside the workbook (it is written into it as a sheet). */
  external: boolean;
}

export function storedSettings(view: WorkbookView): LedgerSettings | null {
  const g = view.sheets.some((s) => s.name === SETTINGS_SHEET) ? view.grid(SETTINGS_SHEET) : undefined;
  return g ? settingsFromGrid(g) : null;
}

export async function readWorkbook(
  port: WorkbookPort,
  input: ListInput,
  flags: RunFlags,
  ctx: ReadContext,
): Promise<WorkbookRead> {
  const view = await port.view();
  const settings = storedSettings(view);
  const options = resolveOptions(flags, settings, ctx.today);
  const has = (name: string) => view.sheets.some((s) => s.name === name);
  const directoryGrid = has(DIRECTORY_SHEET) ? view.grid(DIRECTORY_SHEET) : undefined;
  const directory = UnitDirectory.builtin()
    .withUser(directoryGrid ? readDirectoryGrid(directoryGrid) : [])
    .withUser(ctx.directory ?? []);
  const { raw, source, columns } =
    input.kind === "workbook"
      ? listFromView(view, settings, options, ctx.file)
      : listFromInput(input, options);
  const listAsRead = buildTaskList(raw, source, {
    asOf: options.asOf,
    directory,
    ...(options.year !== undefined ? { year: options.year } : {}),
  });
  const cycleInput: CycleInput = {
    asOf: options.asOf,
    ...(settings?.cycle ? { stored: settings.cycle } : {}),
    ...(flags.cycle ? { given: flags.cycle } : {}),
    asOfGiven: flags.asOf !== undefined,
  };
  const cycle = ledgerCycle(listAsRead, readCycleSheets(view, settings), cycleInput);
  return {
    view,
    settings,
    options,
    columns,
    raw: { title: raw.title, yearHint: raw.yearHint, notes: raw.notes, layout: raw.layout },
    listAsRead,
    directory,
    cycleInput,
    external: input.kind !== "workbook",
    ...withCycle(cycle, cycle.reports, directory, options),
  };
}

/** The list of a workbook as the reader found it, tasks and all, and the view it was read from (tools and tests). */
export async function readRawList(
  port: WorkbookPort,
  flags: RunFlags,
  ctx: ReadContext,
): Promise<ReadList & { view: WorkbookView }> {
  const view = await port.view();
  const settings = storedSettings(view);
  return { view, ...listFromView(view, settings, resolveOptions(flags, settings, ctx.today), ctx.file) };
}

/** The read with a new set of reports on record (collect): the cycle, checks and tally again. */
export function withReports(read: WorkbookRead, reports: readonly ProgressReport[]): WorkbookRead {
  const cycle = listCycle(read.listAsRead, reports, read.cycleInput);
  return { ...read, ...withCycle(cycle, reports, read.directory, read.options) };
}

function withCycle(
  cycle: ListCycle,
  reports: readonly ProgressReport[],
  directory: UnitDirectory,
  options: RunOptions,
): Pick<WorkbookRead, "list" | "cycle" | "checks" | "units"> {
  const list = cycle.list;
  const checks = runChecks(list, directory, {
    asOf: options.asOf,
    dueSoonDays: options.dueSoonDays,
    behindPoints: cycle.settings.behindPoints,
    ...(cycle.settings.start ? { start: cycle.settings.start } : {}),
  });
  return {
    list,
    cycle: { ...cycle, reports },
    checks,
    units: tallyUnits(list, checks.warnings, { tasks: cycle.tasks, reporting: cycle.reporting }),
  };
}

/** A list as read, with the columns the user's mapping named in it. */
export interface ReadList {
  raw: RawList;
  source: SourceInfo;
  columns: StoredMapping;
}

type ReadOptions = Pick<RunOptions, "mapping" | "headerRow">;

/** A sheet's grid as a list: the mapping's header texts found in it first. */
function readGrid(grid: Grid, options: ReadOptions, source: SourceInfo): ReadList {
  const columns = columnsOf(options.mapping, grid);
  const raw = readRows(grid, {
    ...(options.headerRow !== undefined ? { headerRow: options.headerRow } : {}),
    ...(Object.keys(columns).length ? { mapping: columns as RowReadOptions["mapping"] } : {}),
  });
  return { raw, source, columns };
}

/**
 * The list among the workbook's sheets: the one asked for, else the one the settings name, else
 * the first visible sheet holding a task table (never the directory, the settings or a sheet
 * this tool generated).
 */
function listFromView(
  view: WorkbookView,
  settings: LedgerSettings | null,
  options: RunOptions,
  file: string,
): ReadList {
  const has = (name: string) => view.sheets.some((s) => s.name === name);
  const chosen =
    options.sheet ?? (settings?.listSheet && has(settings.listSheet) ? settings.listSheet : undefined);
  if (chosen) {
    const grid = has(chosen) ? view.grid(chosen) : undefined;
    if (!grid) {
      throw new InputError("error.noSheet", {
        file,
        sheet: chosen,
        sheets: view.sheets.map((s) => s.name).join("、"),
      });
    }
    return readGrid(grid, options, { file, kind: "sheet", sheet: chosen });
  }
  const generated = new Set(settings?.generated.map((g) => g.name) ?? []);
  const reasons: ReadError[] = [];
  let form: ReturnType<typeof readForm> = null;
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
      return readGrid(grid, options, { file, kind: "sheet", sheet: s.name });
    } catch (err) {
      if (!(err instanceof ReadError) || err instanceof InputError || err instanceof DamagedInputError)
        throw err;
      reasons.push(err);
    }
  }
  if (form && reasons.length === 0) {
    throw new InputError("error.isReturnForm", {
      file,
      unit: form.identity.unit,
      period: form.identity.period,
      sheet: form.sheet,
    });
  }
  throw new InputError("error.noListSheet", { file }, reasons);
}

/** A list given from outside the workbook: a sheet's grid (CSV), text, or a .docx's content. */
export function listFromInput(
  input: Exclude<ListInput, { kind: "workbook" }>,
  options: ReadOptions,
): ReadList {
  if (input.kind === "grid") return readGrid(input.grid, options, input.source);
  if (input.kind === "text") {
    if (!input.text.trim()) throw new InputError("error.empty", { file: input.source.file });
    return { raw: readText(input.text, { source: input.source.file }), source: input.source, columns: {} };
  }
  return listFromDocx(input.content, input.source, options);
}

/**
 * The .docx strategy, the only one: the first table that reads as a task list, else the
 * document's numbered paragraphs. Only "this is not a list" is passed over; any other error is
 * a real one and propagates.
 */
function listFromDocx(content: DocxContent, source: SourceInfo, options: ReadOptions): ReadList {
  const reasons: ReadError[] = [];
  for (const grid of content.tables) {
    try {
      return readGrid(grid, options, source);
    } catch (err) {
      if (!(err instanceof ReadError) || err instanceof InputError || err instanceof DamagedInputError)
        throw err;
      reasons.push(err);
    }
  }
  if (content.text.trim()) {
    try {
      return { raw: readText(content.text, { source: source.file }), source, columns: {} };
    } catch (err) {
      if (!(err instanceof ReadError)) throw err;
      reasons.push(err);
    }
  }
  throw new InputError(
    "error.noListInDocx",
    {
      file: source.file,
      tables: content.tables.length,
      paragraphs: content.text.split("\n").filter(Boolean).length,
    },
    reasons,
  );
}
