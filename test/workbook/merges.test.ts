/** Merges over a whole column or the whole sheet: cut to the used range before any reader sees them. */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { clampMergeCells } from "../../src/workbook/package/merges";
import { runCli } from "../helpers/cli";
import { taskSheetXml, injectTaskSheet } from "../helpers/package-edit";
import { tempDir } from "../helpers/xlsx";

const CORPUS = path.join(__dirname, "..", "fixtures", "corpus", "excel-made");

describe("cutting merges in sheet XML", () => {
  it("leaves a sheet with ordinary merges alone", () => {
    expect(clampMergeCells(taskSheetXml(undefined, ["A3:A5", "B2:C2"]))).toBeNull();
  });

  it("cuts a whole-column merge to the rows that hold cells, drops one outside them, keeps the count", () => {
    const xml = taskSheetXml(undefined, ["C3:C1048576", "G1:XFD1048576", "A3:A5"]);
    const out = clampMergeCells(xml)!;
    const refs = [...out.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1]);
    expect(refs).toEqual(["A1:F1", "C3:C10", "A3:A5"]);
    expect(out).toContain('<mergeCells count="3">');
  });
});

describe("a list whose sheet holds a merge over a whole column or the whole sheet", () => {
  for (const merge of ["G1:G1048576", "G1:XFD1048576", "A11:XFD1048576"]) {
    it(`${merge}: generated in seconds, as without it`, async () => {
      const dir = tempDir();
      const file = path.join(dir, "清单.xlsx");
      const base = new Uint8Array(readFileSync(path.join(CORPUS, "bootstrap01.xlsx")));
      writeFileSync(file, injectTaskSheet(base, { position: "last", merges: [merge] }));
      const started = Date.now();
      const r = await runCli(["generate", file, "-o", path.join(dir, "out.xlsx")]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/8/);
      expect(Date.now() - started).toBeLessThan(15_000);
    });
  }
});

describe("overlapping merges in a workbook", () => {
  it("stop with the sheet and both ranges named, for check and generate", async () => {
    const dir = tempDir();
    const file = path.join(dir, "清单.xlsx");
    const base = new Uint8Array(readFileSync(path.join(CORPUS, "bootstrap01.xlsx")));
    writeFileSync(file, injectTaskSheet(base, { position: "last", merges: ["C3:C5", "C4:D6"] }));
    for (const args of [
      ["check", file],
      ["generate", file, "-o", path.join(dir, "out.xlsx")],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        'task-ledger: Sheet "重点任务": the merged ranges C3:C5 and C4:D6 overlap; a cell can belong to one merged range only. Unmerge one of them and save the workbook again.\n',
      );
    }
  });
});
