/**
 * Bad input through the command line, as a user meets it: each ends in a clear message on stderr
 * with exit 2 (saying what the file is or which cell, and what to do) or just works. Nothing is written.
 */
import { strToU8, zipSync } from "fflate";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "fs";
import * as path from "path";
import { compoundFile } from "../helpers/cfb";
import { runCli } from "../helpers/cli";
import { TASK_ROWS, injectTaskSheet } from "../helpers/package-edit";
import { tempDir } from "../helpers/xlsx";
import { readParts, startTags, text } from "../helpers/ooxml";

const CORPUS = path.join(__dirname, "..", "fixtures", "corpus", "excel-made");
const base = () => new Uint8Array(readFileSync(path.join(CORPUS, "bootstrap01.xlsx")));

function withRows(rows: readonly (readonly string[])[], merges: string[] = []): Uint8Array {
  return injectTaskSheet(base(), { position: "last", rows, merges });
}

/** Generate in English (the assertions below quote the English texts) unless `lang` says otherwise. */
async function generate(bytes: Uint8Array, name = "清单.xlsx", lang = "en") {
  const dir = tempDir();
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const out = path.join(dir, "out.xlsx");
  const r = await runCli(["generate", file, "-o", out, "--lang", lang]);
  return { ...r, out, dir, written: existsSync(out) };
}

describe("a file that is not an .xlsx workbook says what it is and what to do", () => {
  it("an encrypted workbook (password to open)", async () => {
    const r = await generate(
      compoundFile({
        EncryptionInfo: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]),
        EncryptedPackage: new Uint8Array(64),
      }),
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/清单\.xlsx is protected with a password to open/);
    expect(r.err).toMatch(/remove the password/);
    expect(r.written).toBe(false);
  });

  it("an old .xls renamed .xlsx", async () => {
    const r = await generate(compoundFile({ Workbook: new Uint8Array([9, 8, 16, 0, 0, 6, 5, 0]) }));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/old Excel 97–2003 \(\.xls\)/);
    expect(r.err).toMatch(/save it as an Excel workbook \(\.xlsx\)/);
    expect(r.err).not.toMatch(/https?:/);
  });

  it("a zip that is not a workbook, for check as for generate", async () => {
    const zip = zipSync({ "照片/1.txt": strToU8("not a workbook"), "说明.txt": strToU8("…") });
    const r = await generate(zip);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /is a zip archive, not an Excel workbook \(it holds 2 entries, such as 照片\/1\.txt/,
    );
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.xlsx"), zip);
    const c = await runCli(["check", path.join(dir, "a.xlsx"), "--lang", "en"]);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/zip archive, not an Excel workbook/);
  });

  it("a Word document and a PDF named .xlsx", async () => {
    const docx = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "word/document.xml": strToU8("<w:document/>"),
    });
    expect((await generate(docx)).err).toMatch(/is a Word document/);
    expect((await generate(strToU8("%PDF-1.7\n…"))).err).toMatch(/is a PDF document/);
  });
});

describe("cells and names that are out of the ordinary", () => {
  it("a 牵头单位 cell of 32,767 characters stops quickly with the cell named", async () => {
    const rows = TASK_ROWS.map((r, i) =>
      i === 4 ? [r[0]!, r[1]!, "县".repeat(32_766) + "局", ...r.slice(3)] : r,
    );
    const started = Date.now();
    const r = await generate(withRows(rows));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/重点任务!C5: a unit name of 32,767 characters/);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.written).toBe(false);
  });

  it("a unit name over 31 UTF-16 code units (characters outside the BMP) gets a sheet", async () => {
    const unit = "县" + "𠀀".repeat(17) + "局"; // 19 characters, 36 code units
    const rows = TASK_ROWS.map((r, i) => (i === 2 ? [r[0]!, r[1]!, unit, ...r.slice(3)] : r));
    const r = await generate(withRows(rows));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const names = startTags(text(readParts(readFileSync(r.out)), "xl/workbook.xml"), "sheet").map(
      (t) => /name="([^"]*)"/.exec(t)![1]!,
    );
    const sheet = names.find((n) => n.startsWith("县𠀀"));
    expect(sheet).toBeDefined();
    expect(sheet!.length).toBeLessThanOrEqual(31);
  });
});

describe("a list far beyond a county's size", () => {
  it("stops before writing, with what was found and the override flag", async () => {
    const rows = [
      ...TASK_ROWS.slice(0, 2),
      ...Array.from({ length: 501 }, (_, i) => [
        String(i + 1),
        `任务${i + 1}`,
        `县第${i + 1}办`,
        "",
        "6月底前",
      ]),
    ];
    const r = await generate(withRows(rows));
    expect(r.code).toBe(2);
    expect(r.err).toContain('sheet "重点任务" of 清单.xlsx gives 501 tasks and 501 units');
    expect(r.err).toContain("--allow-large");
    expect(r.written).toBe(false);
  });
});

describe("the output folder", () => {
  it("holds no temporary file after a refused input", async () => {
    const r = await generate(compoundFile({ Workbook: new Uint8Array(8) }));
    expect(readdirSync(r.dir)).toEqual(["清单.xlsx"]);
  });
});
