/**
 * Opening a list file (.xlsx, .csv, .txt, .md, .docx) and reading it into the core's raw list:
 * the files side of the workbook adapters, shared by the CLI, the tests and the demo.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { LedgerReportInputs } from "../../core/cycle/ledger-reports";
import type { SourceInfo } from "../../core/model";
import type { LedgerSettings } from "../../core/plan/model";
import { parseCsv } from "../../core/read/csv";
import { extractDocx } from "../../core/read/docx";
import type { Grid } from "../../core/read/grid";
import { type RawList, ReadError } from "../../core/read/raw";
import { type RowReadOptions, readRows } from "../../core/read/rows";
import { readText } from "../../core/read/text";
import { NotTextError, decodeText } from "../../core/text/decode";
import type { DirectoryEntry } from "../../core/units/directory";
import { DIRECTORY_SHEET, readDirectoryGrid } from "../../core/units/directory-sheet";
import { type WorkbookView, readLedgerInputs } from "../../core/plan/workbook-inputs";
import { ExcelJsReader, worksheetToGrid } from "./read";

/** Larger inputs are refused with a message rather than read for minutes. */
export const MAX_INPUT_BYTES = {
  text: 32 * 1024 * 1024,
  workbook: 100 * 1024 * 1024,
};

export interface OpenOptions extends RowReadOptions {
  /** Sheet to read (.xlsx); default: the first sheet that holds a task list. */
  sheet?: string;
}

export interface OpenedList {
  raw: RawList;
  source: SourceInfo;
  /** The workbook's own unit directory sheet, when it has one. */
  directory: DirectoryEntry[];
  /** The ExcelJS workbook, for .xlsx sources (generation writes into a copy of it). */
  reader?: ExcelJsReader;
  /** A ledger's settings and its cycle sheets (history, unit sheets), for .xlsx sources. */
  previous?: LedgerSettings | null;
  cycle?: LedgerReportInputs;
}

export type ListKind = "xlsx" | "csv" | "text" | "docx";

export function kindOfFile(file: string): ListKind | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  if (ext === ".csv" || ext === ".tsv") return "csv";
  if (ext === ".txt" || ext === ".md" || ext === ".text" || ext === ".markdown") return "text";
  if (ext === ".docx") return "docx";
  return null;
}

async function readBytes(file: string, limit: number): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new ReadError(`${file}: no such file.`);
  }
  if (!stat.isFile()) throw new ReadError(`${file}: not a file.`);
  if (stat.size === 0) throw new ReadError(`${file} is empty: expected a task list.`);
  if (stat.size > limit) {
    throw new ReadError(
      `${file} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; lists up to ${limit / 1024 / 1024} MB are read. ` +
        `Split the file, or check that it is the task list.`,
    );
  }
  return new Uint8Array(await fs.readFile(file));
}

function decode(file: string, bytes: Uint8Array): string {
  try {
    return decodeText(bytes);
  } catch (err) {
    if (err instanceof NotTextError)
      throw new ReadError(`${file}: ${err.message}; expected a text list (.txt/.md/.csv).`);
    throw err;
  }
}

export async function openListFile(file: string, opts: OpenOptions = {}): Promise<OpenedList> {
  const kind = kindOfFile(file);
  const name = path.basename(file);
  if (!kind) {
    throw new ReadError(
      `${file}: unsupported file type. Task Ledger reads .xlsx, .csv, .txt, .md and .docx.`,
    );
  }
  if (kind === "text") {
    const text = decode(file, await readBytes(file, MAX_INPUT_BYTES.text));
    if (!text.trim()) throw new ReadError(`${file} is empty: expected a task list.`);
    return { raw: readText(text, { source: name }), source: { file: name, kind: "text" }, directory: [] };
  }
  if (kind === "csv") {
    const text = decode(file, await readBytes(file, MAX_INPUT_BYTES.text));
    const sheet = path.basename(file, path.extname(file));
    return {
      raw: readRows(parseCsv(text, sheet), opts),
      source: { file: name, kind: "sheet", sheet },
      directory: [],
    };
  }
  if (kind === "docx") {
    const content = await extractDocx(await readBytes(file, MAX_INPUT_BYTES.workbook), name);
    return { raw: readDocxContent(content, name, opts), source: { file: name, kind: "docx" }, directory: [] };
  }
  const bytes = await readBytes(file, MAX_INPUT_BYTES.workbook);
  let reader: ExcelJsReader;
  try {
    reader = await ExcelJsReader.fromBytes(bytes);
  } catch (err) {
    throw new ReadError(
      `${file} is not a readable .xlsx workbook (${err instanceof Error ? err.message.split("\n")[0] : String(err)}). ` +
        `If it is an old .xls or .et file, save it as .xlsx from Excel or WPS first.`,
    );
  }
  return openWorkbookList(reader, name, opts);
}

/** An ExcelJS workbook as the core's workbook view (grids read on demand). */
export function excelJsView(reader: ExcelJsReader): WorkbookView {
  const wb = reader.workbook;
  return {
    sheets: wb.worksheets.map((ws) => ({
      name: ws.name,
      visible: ws.state === "visible" || ws.state === undefined,
    })),
    grid: (name) => {
      const ws = wb.getWorksheet(name);
      return ws ? worksheetToGrid(ws) : undefined;
    },
  };
}

export function openWorkbookList(reader: ExcelJsReader, file: string, opts: OpenOptions): OpenedList {
  const inputs = readLedgerInputs(excelJsView(reader), file, opts);
  return {
    raw: inputs.raw,
    source: inputs.source,
    directory: inputs.directory,
    reader,
    previous: inputs.previous,
    cycle: { history: inputs.history, forms: inputs.forms, legacy: inputs.legacy },
  };
}

function readDocxContent(
  content: { tables: Grid[]; text: string },
  file: string,
  opts: RowReadOptions,
): RawList {
  const reasons: string[] = [];
  for (const t of content.tables) {
    try {
      return readRows(t, opts);
    } catch (err) {
      if (!(err instanceof ReadError)) throw err;
      reasons.push(err.message);
    }
  }
  if (content.text.trim()) {
    try {
      return readText(content.text, { source: file });
    } catch (err) {
      if (!(err instanceof ReadError)) throw err;
      reasons.push(err.message);
    }
  }
  throw new ReadError(
    `${file}: no task list found in the document (${content.tables.length} tables, ${content.text.split("\n").filter(Boolean).length} paragraphs). ${reasons.join(" ")}`,
  );
}

/** A user directory from a file: .xlsx (sheet 部门名录 or the first), .csv or .tsv. */
export async function openDirectoryFile(file: string): Promise<DirectoryEntry[]> {
  const kind = kindOfFile(file);
  if (kind === "csv") {
    const text = decode(file, await readBytes(file, MAX_INPUT_BYTES.text));
    return readDirectoryGrid(parseCsv(text, path.basename(file)));
  }
  if (kind === "xlsx") {
    const reader = await ExcelJsReader.fromBytes(await readBytes(file, MAX_INPUT_BYTES.workbook)).catch(
      (err: unknown) => {
        throw new ReadError(`${file} is not a readable .xlsx workbook (${String(err)}).`);
      },
    );
    const sheets = await reader.sheets();
    const name = sheets.find((s) => s.name === DIRECTORY_SHEET)?.name ?? sheets[0]?.name;
    if (!name) throw new ReadError(`${file}: the workbook has no sheets.`);
    return readDirectoryGrid(await reader.readSheet(name));
  }
  throw new ReadError(`${file}: a unit directory must be .xlsx, .csv or .tsv.`);
}
