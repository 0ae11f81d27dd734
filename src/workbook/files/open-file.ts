/**
 * Opening a list file (.xlsx, .csv, .txt, .md, .docx): its bytes read with the limits and
 * messages a clerk needs, then either a workbook port (an .xlsx) or a list given from outside a
 * workbook (text, .docx, CSV) for the application layer (`src/app/read.ts`).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { InputError } from "../../app/errors";
import { type ListInput, listFromInput, readRawList } from "../../app/read";
import type { RunFlags } from "../../app/options";
import type { SourceInfo } from "../../core/model";
import { parseCsv } from "../../core/read/csv";
import { extractDocx } from "../../core/read/docx";
import type { RawList } from "../../core/read/raw";
import { NotTextError, decodeText } from "../../core/text/decode";
import type { DirectoryEntry } from "../../core/units/directory";
import { DIRECTORY_SHEET, readDirectoryGrid } from "../../core/units/directory-sheet";
import { PackagePort } from "../package/port";
import { sniffWorkbook } from "../package/sniff";
import { NotAZipError } from "../package/zip";
import { chartExtras } from "../package/charts";
import { nodeDeflate, nodeDeflateInBackground, nodeInflate } from "./node-deflate";

/** Larger inputs are refused with a message rather than read for minutes. */
export const MAX_INPUT_BYTES = {
  text: 32 * 1024 * 1024,
  workbook: 100 * 1024 * 1024,
};

export type ListKind = "xlsx" | "csv" | "text" | "docx";

export function kindOfFile(file: string): ListKind | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  if (ext === ".csv" || ext === ".tsv") return "csv";
  if (ext === ".txt" || ext === ".md" || ext === ".text" || ext === ".markdown") return "text";
  if (ext === ".docx") return "docx";
  return null;
}

export async function readBytes(file: string, limit: number): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new InputError("error.noSuchFile", { file });
  }
  if (!stat.isFile()) throw new InputError("error.notFile", { file });
  if (stat.size === 0) throw new InputError("error.empty", { file });
  if (stat.size > limit) {
    throw new InputError("error.tooLarge", {
      file,
      size: (stat.size / 1024 / 1024).toFixed(1),
      limit: limit / 1024 / 1024,
    });
  }
  return new Uint8Array(await fs.readFile(file));
}

function decode(file: string, bytes: Uint8Array): string {
  try {
    return decodeText(bytes);
  } catch (err) {
    if (err instanceof NotTextError) throw new InputError("error.notText", { file, detail: err.message });
    throw err;
  }
}

/** Stop, saying what the file is and what to do, when bytes given as a workbook are not one. */
export function checkIsWorkbook(bytes: Uint8Array, file: string): void {
  const sniffed = sniffWorkbook(bytes, path.basename(file));
  // What the file is, when it can be told; a damaged or unknown file gets the general message.
  if (sniffed.key && sniffed.kind !== "unknown") throw new InputError(sniffed.key, sniffed.params);
}

/** A new workbook's port (lists read from text, .docx or CSV). */
export function emptyWorkbook(): PackagePort {
  return new PackagePort(undefined, {
    deflate: nodeDeflate,
    deflateInBackground: nodeDeflateInBackground,
    extras: chartExtras,
  });
}

/** A workbook file's port; a file that is not a workbook is said so, with what to do. */
export async function openWorkbookBytes(file: string, bytes: Uint8Array): Promise<PackagePort> {
  checkIsWorkbook(bytes, file);
  try {
    return await Promise.resolve(
      new PackagePort(bytes, {
        deflate: nodeDeflate,
        deflateInBackground: nodeDeflateInBackground,
        inflate: nodeInflate,
        extras: chartExtras,
      }),
    );
  } catch (err) {
    throw new InputError("error.notXlsx", {
      file,
      // What the package reader found, as a message of the tables when it is one of its own.
      detail:
        err instanceof NotAZipError
          ? { key: err.key, params: err.params }
          : err instanceof Error
            ? (err.message.split("\n")[0] ?? "")
            : String(err),
    });
  }
}

/** An opened list file: the workbook to read (a new one for lists outside a workbook) and where the list is. */
export interface OpenedInput {
  kind: ListKind;
  port: PackagePort;
  input: ListInput;
}

export async function openInput(file: string): Promise<OpenedInput> {
  const kind = kindOfFile(file);
  const name = path.basename(file);
  if (!kind) throw new InputError("error.unsupportedType", { file });
  if (kind === "text") {
    const text = decode(file, await readBytes(file, MAX_INPUT_BYTES.text));
    if (!text.trim()) throw new InputError("error.empty", { file });
    return {
      kind,
      port: emptyWorkbook(),
      input: { kind: "text", text, source: { file: name, kind: "text" } },
    };
  }
  if (kind === "csv") {
    const text = decode(file, await readBytes(file, MAX_INPUT_BYTES.text));
    const sheet = path.basename(file, path.extname(file));
    const source: SourceInfo = { file: name, kind: "sheet", sheet };
    return { kind, port: emptyWorkbook(), input: { kind: "grid", grid: parseCsv(text, sheet), source } };
  }
  if (kind === "docx") {
    const content = await extractDocx(await readBytes(file, MAX_INPUT_BYTES.workbook), name);
    return {
      kind,
      port: emptyWorkbook(),
      input: { kind: "docx", content, source: { file: name, kind: "docx" } },
    };
  }
  const bytes = await readBytes(file, MAX_INPUT_BYTES.workbook);
  return { kind, port: await openWorkbookBytes(file, bytes), input: { kind: "workbook" } };
}

export interface OpenedList {
  raw: RawList;
  source: SourceInfo;
  /** The workbook's own unit directory sheet, when it has one. */
  directory: DirectoryEntry[];
}

/** The raw list in a file, and the workbook's own directory (tests and tools that build the list themselves). */
export async function openListFile(file: string, flags: RunFlags = {}): Promise<OpenedList> {
  const opened = await openInput(file);
  if (opened.input.kind !== "workbook") {
    return { ...listFromInput(opened.input, { mapping: flags.mapping ?? {}, ...flags }), directory: [] };
  }
  const { view, raw, source } = await readRawList(opened.port, flags, {
    today: "2000-01-01",
    file: path.basename(file),
  });
  const grid = view.sheets.some((s) => s.name === DIRECTORY_SHEET) ? view.grid(DIRECTORY_SHEET) : undefined;
  return { raw, source, directory: grid ? readDirectoryGrid(grid) : [] };
}

/** A user directory from a file: .xlsx (sheet 部门名录 or the first), .csv or .tsv. */
export async function openDirectoryFile(file: string): Promise<DirectoryEntry[]> {
  const kind = kindOfFile(file);
  if (kind === "csv") {
    const text = decode(file, await readBytes(file, MAX_INPUT_BYTES.text));
    return readDirectoryGrid(parseCsv(text, path.basename(file)));
  }
  if (kind === "xlsx") {
    const port = await openWorkbookBytes(file, await readBytes(file, MAX_INPUT_BYTES.workbook));
    const view = await port.view();
    const name = view.sheets.find((s) => s.name === DIRECTORY_SHEET)?.name ?? view.sheets[0]?.name;
    const grid = name ? view.grid(name) : undefined;
    if (!grid) throw new InputError("error.noSheets", { file });
    return readDirectoryGrid(grid);
  }
  throw new InputError("error.directoryType", { file });
}
