/**
 * The returned report workbooks a clerk picks in the page: several .xlsx at once, or a .zip of
 * them (as mailed back or gathered in a folder). Each is read as a workbook view; a file that is
 * not a workbook is listed with the reason and the others are still taken.
 */
import { unzipSync } from "fflate";
import type { ReturnedWorkbook } from "../app/collect";
import { PackagePort } from "../workbook/package/port";
import { sniffWorkbook } from "../workbook/package/sniff";

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
  /** When the file was last saved (the newer of two returns from one unit wins). */
  modified?: string;
}

export interface ReadReturns {
  returns: ReturnedWorkbook[];
  rejected: { file: string; reason: string }[];
}

const isZip = (name: string) => /\.zip$/i.test(name);
const isWorkbook = (name: string) => /\.xls[xm]$/i.test(name);

/** The workbooks in a .zip (folders and the Mac's resource entries passed over). */
export function workbooksInZip(zip: PickedFile): PickedFile[] {
  const entries = unzipSync(zip.bytes, {
    filter: (f) => isWorkbook(f.name) && !/(^|\/)(__MACOSX\/|\._)/.test(f.name),
  });
  return Object.entries(entries).map(([name, bytes]) => ({
    name: name.split("/").pop() ?? name,
    bytes,
  }));
}

export function readReturns(files: readonly PickedFile[]): ReadReturns {
  const out: ReadReturns = { returns: [], rejected: [] };
  const take = (f: PickedFile) => {
    try {
      const sniffed = sniffWorkbook(f.bytes, f.name);
      if (sniffed.message && sniffed.kind !== "unknown") throw new Error(sniffed.message);
      const view = new PackagePort(f.bytes).viewNow();
      out.returns.push({ file: f.name, view, ...(f.modified ? { modified: f.modified } : {}) });
    } catch (err) {
      out.rejected.push({
        file: f.name,
        reason: err instanceof Error ? err.message.split("\n")[0]! : String(err),
      });
    }
  };
  for (const f of files) {
    if (!isZip(f.name)) {
      take(f);
      continue;
    }
    try {
      workbooksInZip(f).forEach(take);
    } catch (err) {
      out.rejected.push({ file: f.name, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}
