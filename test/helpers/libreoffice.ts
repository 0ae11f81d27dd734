/**
 * LibreOffice and poppler in the tests, the second program that opens what the tool writes. Found
 * once; where they are missing a test is skipped with a message, except in CI, where .ci/run
 * installs them and a missing one is a failure.
 */
import { spawnSync } from "child_process";

const has = (cmd: string) => spawnSync("which", [cmd]).status === 0;

export const soffice = ["soffice", "libreoffice"].find(has);
const hasPoppler = ["pdftotext", "pdfinfo", "pdffonts", "pdftoppm"].every(has);

/** Whether the print tests run here (always in CI). */
export const libreOfficeHere = Boolean(soffice && hasPoppler) || Boolean(process.env.CI);

/** Say once per test file what was skipped and why. */
export function warnIfMissing(what: string): void {
  if (!soffice || !hasPoppler)
    console.warn(
      `SKIPPED: LibreOffice or poppler-utils is not installed; ${what} did not run (CI installs them).`,
    );
}

/**
 * Convert files with LibreOffice (`to`: pdf, xlsx, xls …) into `outdir`, in a profile of its own
 * (parallel runs must not share one). LibreOffice headless now and then exits 255 on a loaded
 * machine and converts on a second try; a real refusal fails both times. Returns what it printed.
 */
export function convertWithLibreOffice(files: readonly string[], to: string, outdir: string): string {
  const once = () =>
    spawnSync(
      soffice ?? "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${outdir}/profile`,
        "--convert-to",
        to,
        "--outdir",
        outdir,
        ...files,
      ],
      { encoding: "utf8", timeout: 170_000 },
    );
  const first = once();
  if (first.status === 0) return `${first.stdout}\n${first.stderr}`;
  const r = once();
  if (r.status !== 0) throw new Error(`soffice failed twice (${first.status}, ${r.status}): ${r.stderr}`);
  return `${r.stdout}\n${r.stderr}`;
}
