/** Merges over a whole column or the whole sheet: cut to the used range before any reader sees them. */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { runCli } from "../helpers/cli";
import { injectTaskSheet } from "../helpers/package-edit";
import { tempDir } from "../helpers/xlsx";

const CORPUS = path.join(__dirname, "..", "fixtures", "corpus", "excel-made");

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
      // One message (in the user's language's frame), naming the sheet and both ranges.
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).toBe(
        "task-ledger: 无法读取：工作表“重点任务”：合并区域 C3:C5 与 C4:D6 相互重叠；一个单元格只能属于一个合并区域。请取消其中一个合并后重新保存工作簿。\n",
      );
      const en = await runCli([...args, "--lang", "en"]);
      expect(en.err).toMatch(
        /Sheet "重点任务": the merged ranges C3:C5 and C4:D6 overlap; a cell can belong to one merged range only\. Unmerge one of them and save the workbook again\.\n$/,
      );
    }
  });
});
