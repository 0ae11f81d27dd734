/** Hand-made packages and LibreOffice for the package tests. */
import { execFileSync, spawnSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { writeZip } from "../../../src/workbook/package/zip";

const enc = new TextEncoder();

export function zipOf(parts: Record<string, string | Uint8Array>): Uint8Array {
  return writeZip(
    Object.entries(parts).map(([name, d]) => ({ name, data: typeof d === "string" ? enc.encode(d) : d })),
  );
}

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const RT = `${R}/`;

export const soffice = ["soffice", "libreoffice"].find((cmd) => spawnSync("which", [cmd]).status === 0);
// In CI the tools are installed: a missing one there is a failure, not a skip.
export const describeIfLibreOffice = soffice || process.env.CI ? describe : describe.skip;
if (!soffice)
  console.warn("SKIPPED: LibreOffice is not installed; the LibreOffice package tests did not run.");

/** Convert a file with LibreOffice (to "xlsx" or "pdf"); the converted file's path. */
export function convert(file: string, to: "xlsx" | "pdf", dir: string): string {
  execFileSync(
    soffice ?? "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${dir}/profile`,
      "--convert-to",
      to,
      "--outdir",
      dir,
      file,
    ],
    { stdio: "ignore", timeout: 120_000 },
  );
  return path.join(dir, `${path.basename(file, path.extname(file))}.${to}`);
}

export function writeAndConvert(
  dir: string,
  name: string,
  bytes: string | Uint8Array,
  to: "xlsx" | "pdf",
): Uint8Array {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return new Uint8Array(readFileSync(convert(file, to, dir)));
}
