/**
 * Collect on files: the ledger and the returned workbooks read from disk, the returns taken in by
 * the application layer (`src/app/collect.ts`), the ledger written (atomically) only when at least
 * one return was taken. Returned files are only read.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { type CollectResult, type ReturnedWorkbook, collect } from "../../app/collect";
import type { GenerateOptions as AppGenerateOptions } from "../../app/generate";
import type { RunFlags } from "../../app/options";
import { localDate } from "../../core/deadlines/dates";
import { ReadError } from "../../core/read/raw";
import type { DirectoryEntry } from "../../core/units/directory";
import { writeFileAtomic } from "../write-file";
import { MAX_INPUT_BYTES, openWorkbookBytes, readBytes } from "./open-file";

export interface CollectFilesOptions extends RunFlags, AppGenerateOptions {
  today?: string;
  directoryEntries?: readonly DirectoryEntry[];
  /** Write even when the output looks open in Excel, WPS or LibreOffice. */
  force?: boolean;
}

export async function collectFiles(
  ledger: string,
  files: readonly string[],
  output: string,
  opts: CollectFilesOptions,
): Promise<CollectResult> {
  const port = await openWorkbookBytes(ledger, await readBytes(ledger, MAX_INPUT_BYTES.workbook));
  const returns: ReturnedWorkbook[] = [];
  // A file that is not a workbook at all is rejected with the reason; the others are still taken.
  const unreadable: { file: string; reason: string }[] = [];
  for (const f of files) {
    try {
      const bytes = await readBytes(f, MAX_INPUT_BYTES.workbook);
      const modified = (await fs.stat(f)).mtime.toISOString();
      const view = await (await openWorkbookBytes(f, bytes)).view();
      returns.push({ file: path.basename(f), view, modified });
    } catch (err) {
      if (!(err instanceof ReadError)) throw err;
      unreadable.push({ file: path.basename(f), reason: err.message });
    }
  }
  const result = await collect(
    port,
    returns,
    opts,
    {
      today: opts.today ?? localDate(new Date()),
      file: path.basename(ledger),
      ...(opts.directoryEntries ? { directory: opts.directoryEntries } : {}),
    },
    opts,
  );
  result.report.rejected.unshift(...unreadable);
  if (result.written) await writeFileAtomic(output, await port.bytesAsync(), { force: Boolean(opts.force) });
  return result;
}
