/**
 * Every file the tool writes goes through here (Node only): into a temporary file beside the
 * target, renamed over it once complete, so a failure or a kill never leaves half a file and never
 * touches an existing one. A run that is killed (SIGINT, SIGTERM) removes its temporary file on the
 * way out; one left by a harder kill (SIGKILL, power loss) is removed by the next run. A target
 * that looks open in Excel, WPS or LibreOffice is refused unless forced: the program would keep
 * its own copy and overwrite ours on its next save.
 */
import { existsSync, promises as fs, unlinkSync } from "fs";
import * as path from "path";
import { InputError } from "../app/errors";

export interface WriteOptions {
  /** Write even when the target looks open in another program. */
  force?: boolean;
}

/** The lock files the spreadsheet programs keep beside a file they have open. */
export function lockFilesFor(file: string): string[] {
  const dir = path.dirname(file);
  const name = path.basename(file);
  return [
    path.join(dir, `.~lock.${name}#`), // LibreOffice, WPS on Linux
    path.join(dir, `~$${name}`), // Excel, WPS on Windows
    path.join(dir, `~$${name.slice(2)}`), // Excel, for a long name: its first two characters dropped
  ];
}

/** Stop when `file` looks open in a spreadsheet program (its lock file is beside it). */
export function checkNotOpen(file: string, opts: WriteOptions = {}): void {
  if (opts.force) return;
  const lock = lockFilesFor(file).find((l) => existsSync(l));
  if (!lock) return;
  throw new InputError("error.fileOpen", { file, lock: path.basename(lock) });
}

const TMP = /^(.*)\.(\d+)\.tmp$/;

function tempFor(file: string): string {
  return `${file}.${process.pid}.tmp`;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Remove temporary files of `file` left by earlier runs that were killed (their process is gone). */
export async function removeStaleTemps(file: string): Promise<string[]> {
  const dir = path.dirname(file);
  const name = path.basename(file);
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const e of entries) {
    const m = TMP.exec(e);
    if (!m || m[1] !== name || isRunning(Number(m[2]))) continue;
    await fs.rm(path.join(dir, e), { force: true });
    removed.push(e);
  }
  return removed;
}

/** Temporary files being written by this process, removed if it is stopped by a signal. */
const live = new Set<string>();
let handlersInstalled = false;

function removeLiveTemps(): void {
  for (const t of live) {
    try {
      unlinkSync(t);
    } catch {
      // Already gone.
    }
  }
  live.clear();
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      removeLiveTemps();
      // Die of the same signal, as if no handler had been installed.
      process.kill(process.pid, signal);
    });
  }
  process.once("exit", removeLiveTemps);
}

/**
 * Write `content` (the bytes, or a function that writes the file it is given) to `file`
 * atomically: through a temporary file beside it, renamed over it once complete.
 */
export async function writeFileAtomic(
  file: string,
  content: Uint8Array | ((tmp: string) => Promise<void>),
  opts: WriteOptions = {},
): Promise<void> {
  checkNotOpen(file, opts);
  await removeStaleTemps(file);
  const tmp = tempFor(file);
  installHandlers();
  live.add(tmp);
  try {
    if (typeof content === "function") await content(tmp);
    else await fs.writeFile(tmp, content);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  } finally {
    live.delete(tmp);
  }
}
