/**
 * Generation on files: read the list (any supported file), check it, build the plan, apply it to
 * a copy of the workbook (or a new one for text and .docx lists) and write the result. The input
 * file is never written unless the caller asks for it in place.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "fs";
import * as path from "path";
import { type CheckResult, runChecks } from "../../core/checks/findings";
import { buildTaskList } from "../../core/ledger";
import type { TaskList } from "../../core/model";
import type { SheetPlan, WorkbookPlan } from "../../core/plan/model";
import { type ListCycle, ledgerCycle } from "../../core/cycle/cycle";
import type { LedgerReportInputs } from "../../core/cycle/ledger-reports";
import type { CycleSettings } from "../../core/plan/model";
import { validSheetName } from "../../core/plan/sheet-names";
import { ReadError } from "../../core/read/raw";
import { type DirectoryEntry, UnitDirectory } from "../../core/units/directory";
import { type ApplyProgress, applyPlan, readSettings, writeSheetFrame } from "./apply";
import { MAX_INPUT_BYTES, type OpenOptions, excelJsView, kindOfFile, openListFile } from "./open-file";
import { type WorkbookPlanOptions, planForWorkbook, readLedgerInputs } from "../../core/plan/workbook-inputs";
import { ExcelJsReader } from "./read";
import { writeWorkbook } from "./write-workbook";

/** The plan's options (but for what the file decides: list sheet, mapping), plus the file's own. */
export interface GenerateOptions
  extends OpenOptions, Omit<WorkbookPlanOptions, "includeListSheet" | "mapping" | "cycle" | "reports"> {
  year?: number;
  output?: string;
  inPlace?: boolean;
  splitDir?: string;
  directoryEntries?: DirectoryEntry[];
  onProgress?: ApplyProgress;
  /** Cycle settings given for this run (period, due day, whom to send to, thresholds). */
  cycleSettings?: CycleSettings;
  /**
   * Set when no as-of date was given: a ledger's stored as-of date is used instead (written as
   * this function writes it), so regenerating without --as-of does not jump to today.
   */
  storedAsOf?: (ymd: string) => string;
}

export interface GenerateResult {
  output: string;
  list: TaskList;
  checks: CheckResult;
  plan: WorkbookPlan;
  splitFiles: string[];
  cycle: ListCycle;
}

/** Parts of a workbook that ExcelJS cannot carry over: writing a copy would lose them. */
const UNSUPPORTED_PARTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^xl\/charts\//, "charts"],
  [/^xl\/pivotTables\//, "pivot tables"],
  [/^xl\/vbaProject\.bin$/, "macros"],
  [/^xl\/slicers\//, "slicers"],
  [/^xl\/timelines\//, "timelines"],
  [/^xl\/ctrlProps\//, "form controls"],
];

async function unsupportedParts(bytes: Uint8Array): Promise<string[]> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const found = new Set<string>();
    for (const name of Object.keys(zip.files)) {
      for (const [re, what] of UNSUPPORTED_PARTS) if (re.test(name)) found.add(what);
    }
    return [...found];
  } catch {
    return [];
  }
}

export function defaultOutput(input: string): string {
  const ext = path.extname(input);
  const base = path.basename(input, ext);
  return path.join(path.dirname(input), `${base}（台账）.xlsx`);
}

export async function generateFile(input: string, opts: GenerateOptions): Promise<GenerateResult> {
  const kind = kindOfFile(input);
  let wb: ExcelJS.Workbook;
  let opened;
  let cycleInputs: LedgerReportInputs = { history: [], forms: [], legacy: new Map() };
  if (kind === "xlsx") {
    const bytes = new Uint8Array(
      await fs.readFile(input).catch(() => {
        throw new ReadError(`${input}: no such file.`);
      }),
    );
    if (bytes.length > MAX_INPUT_BYTES.workbook)
      throw new ReadError(`${input} is too large to read (over 100 MB).`);
    const lost = await unsupportedParts(bytes);
    if (lost.length) {
      throw new ReadError(
        `${path.basename(input)} holds ${lost.join(", ")}, which the file path cannot carry over into a new workbook. ` +
          `Nothing was written. Use the Excel add-in on this workbook, or copy the task list into a workbook without them.`,
      );
    }
    const reader = await ExcelJsReader.fromBytes(bytes).catch((err: unknown) => {
      throw new ReadError(
        `${input} is not a readable .xlsx workbook (${err instanceof Error ? err.message : String(err)}).`,
      );
    });
    wb = reader.workbook;
    const inputs = readLedgerInputs(excelJsView(reader), path.basename(input), opts);
    opened = inputs;
    cycleInputs = inputs;
  } else {
    opened = await openListFile(input, opts);
    wb = new ExcelJS.Workbook();
  }
  wb.creator = "Task Ledger";

  const directory = UnitDirectory.builtin()
    .withUser(opened.directory)
    .withUser(opts.directoryEntries ?? []);
  const previous = readSettings(wb);
  if (opts.storedAsOf && previous?.asOf && previous.asOf !== opts.asOf)
    opts = { ...opts, asOf: previous.asOf, asOfText: opts.storedAsOf(previous.asOf) };
  const read = buildTaskList(opened.raw, opened.source, {
    asOf: opts.asOf,
    directory,
    ...(opts.year ? { year: opts.year } : {}),
  });
  const cycle = ledgerCycle(read, cycleInputs, {
    asOf: opts.asOf,
    ...(previous?.cycle ? { stored: previous.cycle } : {}),
    ...(opts.cycleSettings ? { given: opts.cycleSettings } : {}),
    asOfGiven: true,
  });
  const list = cycle.list;
  const checks = runChecks(list, directory, {
    asOf: opts.asOf,
    dueSoonDays: opts.dueSoonDays,
    behindPoints: cycle.settings.behindPoints,
    ...(cycle.settings.start ? { start: cycle.settings.start } : {}),
  });
  const plan = planForWorkbook(
    wb.worksheets.map((w) => w.name),
    { previous },
    list,
    checks,
    directory,
    {
      ...opts,
      includeListSheet: kind !== "xlsx",
      cycle,
      reports: cycle.reports,
      mapping: opts.mapping as Record<string, number | number[]> | undefined,
    },
  );
  applyPlan(wb, plan, opts.onProgress);

  const output = opts.inPlace && kind === "xlsx" ? input : (opts.output ?? defaultOutput(input));
  if (path.resolve(output) === path.resolve(input) && !(opts.inPlace && kind === "xlsx")) {
    throw new ReadError(
      `The output would overwrite the input ${input}; give -o another file, or --in-place to update it.`,
    );
  }
  await writeAtomically(output, wb, plan.sheets);

  const splitFiles: string[] = [];
  if (opts.splitDir) {
    await fs.mkdir(opts.splitDir, { recursive: true });
    for (const s of plan.sheets.filter((x) => x.role === "unit")) {
      const one = new ExcelJS.Workbook();
      one.creator = "Task Ledger";
      writeSheetFrame(one, s);
      const file = path.join(
        opts.splitDir,
        `${validSheetName(s.unit ?? s.name).replace(/[<>|"]/g, "_")}.xlsx`,
      );
      await writeAtomically(file, one, [s]);
      splitFiles.push(file);
    }
  }
  return { output, list, checks, plan, splitFiles, cycle };
}

/** Write the workbook and the planned sheets' cells; a failure never leaves half a file. */
async function writeAtomically(
  file: string,
  wb: ExcelJS.Workbook,
  sheets: readonly SheetPlan[],
): Promise<void> {
  try {
    await writeWorkbook(wb, sheets, file);
  } catch (err) {
    throw new ReadError(`Could not write ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
