/**
 * Fidelity for workbooks saved by other programs than Excel: LibreOffice (flat .fods fixtures with a
 * database range, comments, validations, conditional formats, protection, print ranges and page
 * setup, converted to .xlsx by soffice in the test) and WPS (in-cell pictures: xl/cellimages.xml and
 * DISPIMG formulas, built from the published format). The same checks as the Excel-made corpus;
 * then LibreOffice opens a sample of the outputs (converts them to PDF) without complaint.
 */
import { execFileSync } from "child_process";
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "fs";
import * as path from "path";
import { runCli } from "../helpers/cli";
import { convertWithLibreOffice as convert, soffice } from "../helpers/libreoffice";
import { addWpsCellImages } from "../helpers/wps-cellimages";
import { tempDir } from "../helpers/xlsx";
import { CORPUS } from "./corpus-suite";
import { KNOWN_FAILURES } from "./known-failures";
import { runCase } from "./run-case";

const FODS = path.join(__dirname, "..", "fixtures", "fods");
if (!soffice) {
  console.warn(
    "SKIPPED: LibreOffice is not installed; the LibreOffice fidelity cases did not run (CI installs it).",
  );
}
// In CI LibreOffice is installed by .ci/run: a missing soffice there is a failure, not a skip.
const describeIfLibreOffice = soffice || process.env.CI ? describe : describe.skip;

/** Run one case; a case listed in KNOWN_FAILURES must still fail (remove it when it passes). */
async function expectCase(
  id: string,
  bytes: Uint8Array,
  name: string,
  dir: string,
  position: "first" | "last",
  keep: boolean,
) {
  const r = await runCase(bytes, name, dir, { position });
  if (keep && r.output) sample.push(r.output);
  if (KNOWN_FAILURES[id]) expect(r.problems).not.toEqual([]);
  else expect(r.problems).toEqual([]);
}

/** Outputs (regenerated) for LibreOffice to open at the end. */
const sample: string[] = [];

describe("a workbook with WPS in-cell pictures", () => {
  const dir = tempDir();
  for (const position of ["first", "last"] as const) {
    const id = `wps/cellimages.xlsx (list ${position})`;
    const known = KNOWN_FAILURES[id];
    it(known ? `${id} — known failure: ${known}` : id, async () => {
      const base = new Uint8Array(readFileSync(path.join(CORPUS, "bootstrap01.xlsx")));
      await expectCase(
        id,
        addWpsCellImages(base),
        `cellimages-${position}.xlsx`,
        dir,
        position,
        position === "last",
      );
    });
  }
});

describeIfLibreOffice("workbooks saved by LibreOffice", () => {
  const dir = tempDir();
  const fods = readdirSync(FODS)
    .filter((f) => f.endsWith(".fods"))
    .sort();

  beforeAll(() => {
    convert(
      fods.map((f) => path.join(FODS, f)),
      "xlsx",
      dir,
    );
  }, 180_000);

  it("has its fixtures, each converted", () => {
    expect(fods.length).toBeGreaterThanOrEqual(3);
    for (const f of fods) expect(existsSync(path.join(dir, f.replace(/\.fods$/, ".xlsx")))).toBe(true);
  });

  fods.forEach((f, i) => {
    const name = f.replace(/\.fods$/, ".xlsx");
    const position = i % 2 === 0 ? "last" : "first";
    const id = `libreoffice/${name} (list ${position})`;
    const known = KNOWN_FAILURES[id];
    it(known ? `${id} — known failure: ${known}` : id, async () => {
      await expectCase(id, new Uint8Array(readFileSync(path.join(dir, name))), name, dir, position, true);
    });
  });

  it("an old .xls saved by LibreOffice and renamed .xlsx is named for what it is", async () => {
    convert([path.join(FODS, fods[0]!)], "xls", dir);
    const renamed = path.join(dir, "改了名的.xlsx");
    copyFileSync(path.join(dir, fods[0]!.replace(/\.fods$/, ".xls")), renamed);
    const r = await runCli(["generate", renamed, "-o", path.join(dir, "never.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/改了名的\.xlsx 实为旧版 Excel 97–2003（\.xls）/);
    const en = await runCli(["generate", renamed, "-o", path.join(dir, "never.xlsx"), "--lang", "en"]);
    expect(en.err).toMatch(/改了名的\.xlsx is an old Excel 97–2003 \(\.xls\)/);
    expect(existsSync(path.join(dir, "never.xlsx"))).toBe(false);
  }, 180_000);

  it("opens a sample of the outputs (Excel-, LibreOffice- and WPS-made) and prints them to PDF", async () => {
    for (const file of ["comment03.xlsx", "header_image02.xlsx", "data_validation02.xlsx"]) {
      const r = await runCase(new Uint8Array(readFileSync(path.join(CORPUS, file))), file, dir, {
        position: "last",
      });
      if (r.output) sample.push(r.output);
    }
    // Today's writer cannot write a LibreOffice table at all (KNOWN_FAILURES): at least the others.
    expect(sample.length).toBeGreaterThanOrEqual(6);
    const pdfDir = path.join(dir, "pdf");
    const log = convert(sample, "pdf", pdfDir);
    expect(log).not.toMatch(/Error|error:/);
    for (const out of sample) {
      const pdf = path.join(pdfDir, path.basename(out).replace(/\.xlsx$/, ".pdf"));
      expect(existsSync(pdf)).toBe(true);
      expect(statSync(pdf).size).toBeGreaterThan(1000);
      const pages = Number(
        /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1] ?? 0,
      );
      expect(pages).toBeGreaterThanOrEqual(2); // the user's sheets and the generated ones
    }
    writeFileSync(path.join(pdfDir, "done"), "");
  }, 300_000);
});
