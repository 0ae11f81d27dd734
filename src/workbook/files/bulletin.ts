/**
 * The bulletin on files: the ledger read from disk through the application layer, the 通报 written
 * as a .docx (atomically), then the ledger itself updated in place with the next issue number —
 * only when it is a ledger this tool generated (a bare list is never written).
 */
import * as path from "path";
import { type BulletinOptions, bulletinInput, storeBulletin } from "../../app/bulletin";
import type { GenerateOptions as AppGenerateOptions } from "../../app/generate";
import type { RunFlags } from "../../app/options";
import { type WorkbookRead, readWorkbook } from "../../app/read";
import { type BulletinInput, type BulletinWords, buildBulletin } from "../../core/report/bulletin";
import type { DirectoryEntry } from "../../core/units/directory";
import { renderBulletinDocx } from "../docx/bulletin";
import { writeFileAtomic } from "../write-file";
import { MAX_INPUT_BYTES, openWorkbookBytes, readBytes } from "./open-file";

export interface BulletinFileOptions extends RunFlags, AppGenerateOptions {
  today: string;
  bulletin: Omit<BulletinOptions, "date" | "lang">;
  words: BulletinWords;
  directoryEntries?: readonly DirectoryEntry[];
  force?: boolean;
}

export interface BulletinFileResult {
  /** The .docx written. */
  output: string;
  input: BulletinInput;
  read: WorkbookRead;
  /** The ledger kept the next issue number. */
  stored: boolean;
}

/** "通报（第3期）.docx" beside the ledger. */
export function defaultBulletinOutput(ledger: string, issue: number): string {
  return path.join(path.dirname(ledger), `通报（第${issue}期）.docx`);
}

export async function bulletinFile(
  ledger: string,
  outputFor: (issue: number) => string,
  opts: BulletinFileOptions,
): Promise<BulletinFileResult> {
  const port = await openWorkbookBytes(ledger, await readBytes(ledger, MAX_INPUT_BYTES.workbook));
  const read = await readWorkbook(port, { kind: "workbook" }, opts, {
    today: opts.today,
    file: path.basename(ledger),
    ...(opts.directoryEntries ? { directory: opts.directoryEntries } : {}),
  });
  const input = bulletinInput(read, { ...opts.bulletin, lang: opts.lang, date: opts.today });
  const bytes = await renderBulletinDocx(buildBulletin(input, opts.words));
  const output = outputFor(input.issue);
  await writeFileAtomic(output, bytes, { force: Boolean(opts.force) });
  const kept = await storeBulletin(port, read, input);
  if (kept) await writeFileAtomic(ledger, await port.bytesAsync(), { force: Boolean(opts.force) });
  return { output, input, read, stored: kept !== null };
}
