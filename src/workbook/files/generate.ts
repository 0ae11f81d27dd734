/**
 * Generation on files: open the list (any supported file), read and generate through the
 * application layer over the files port, and write the result. The input file is never written
 * unless the caller asks for it in place.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { InputError } from "../../app/errors";
import { ReadError } from "../../core/read/raw";
import { type GenerateOptions as AppGenerateOptions, generate } from "../../app/generate";
import type { RunFlags } from "../../app/options";
import { type WorkbookRead, readWorkbook } from "../../app/read";
import type { CheckResult } from "../../core/checks/findings";
import { localDate } from "../../core/deadlines/dates";
import type { TaskList } from "../../core/model";
import type { WorkbookPlan } from "../../core/plan/model";
import { validSheetName } from "../../core/plan/sheet-names";
import type { DirectoryEntry } from "../../core/units/directory";
import { PackagePort } from "../package/port";
import { writeSheets } from "../package/writer";
import { checkNotOpen, writeFileAtomic } from "../write-file";
import { checkListSize } from "../../core/plan/limits";
import { nodeDeflate } from "./node-deflate";
import { openInput } from "./open-file";

export interface GenerateOptions extends RunFlags, AppGenerateOptions {
  /** Today, YYYY-MM-DD, when no as-of date is given or stored. */
  today?: string;
  output?: string;
  inPlace?: boolean;
  splitDir?: string;
  directoryEntries?: readonly DirectoryEntry[];
  /** Write even when the output looks open in Excel, WPS or LibreOffice. */
  force?: boolean;
  /** Generate even beyond the sanity limits (500 units, 20,000 tasks). */
  allowLarge?: boolean;
}

export interface GenerateResult {
  output: string;
  list: TaskList;
  checks: CheckResult;
  plan: WorkbookPlan;
  read: WorkbookRead;
  /** The monthly cycle as this run read it (the period, each task's reported state). */
  cycle: WorkbookRead["cycle"];
  splitFiles: string[];
}

export function defaultOutput(input: string): string {
  const ext = path.extname(input);
  const base = path.basename(input, ext);
  // A workbook with macros stays one (.xlsm keeps its content type and VBA project).
  const out = ext.toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
  return path.join(path.dirname(input), `${base}（台账）${out}`);
}

export async function generateFile(input: string, opts: GenerateOptions): Promise<GenerateResult> {
  const opened = await openInput(input);
  const inPlace = Boolean(opts.inPlace) && opened.kind === "xlsx";
  const output = inPlace ? input : (opts.output ?? defaultOutput(input));
  if (path.resolve(output) === path.resolve(input) && !inPlace)
    throw new InputError("error.overwriteInput", { file: input });

  // Updating a workbook open in Excel or WPS would be lost on its next save: say so before the work.
  if (inPlace) checkNotOpen(input, { force: Boolean(opts.force) });
  const read = await readWorkbook(opened.port, opened.input, opts, {
    today: opts.today ?? localDate(new Date()),
    file: path.basename(input),
    ...(opts.directoryEntries ? { directory: opts.directoryEntries } : {}),
  });
  checkListSize(read.list, Boolean(opts.allowLarge));
  const plan = await generate(opened.port, read, opts);
  const force = { force: Boolean(opts.force) };
  await writeOrSay(output, async () => writeFileAtomic(output, await opened.port.bytesAsync(), force));

  const splitFiles: string[] = [];
  if (opts.splitDir) {
    await fs.mkdir(opts.splitDir, { recursive: true });
    for (const s of plan.sheets.filter((x) => x.role === "unit")) {
      const file = path.join(
        opts.splitDir,
        `${validSheetName(s.unit ?? s.name).replace(/[<>|"]/g, "_")}.xlsx`,
      );
      const one = new PackagePort(undefined, { deflate: nodeDeflate });
      writeSheets(one.package, new Set(), [s]);
      await writeOrSay(file, () => writeFileAtomic(file, one.bytes(), force));
      splitFiles.push(file);
    }
  }
  return { output, list: read.list, checks: read.checks, plan, read, cycle: read.cycle, splitFiles };
}

/** Write a file; a failure never leaves half a file and is said plainly. */
async function writeOrSay(file: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (err) {
    // A refusal (the file looks open) already says what to do.
    if (err instanceof ReadError) throw err;
    throw new InputError("error.writeFailed", {
      file,
      detail: err instanceof Error ? err.message : String(err),
    });
  }
}
