/**
 * The CLI loads the heavy libraries only where a run needs them: mammoth for .docx, opencc-js for
 * traditional characters, the workbook writer for `generate` (checked on the compiled CLI, the
 * same module graph the bundle keeps lazy).
 */
import { spawnSync } from "child_process";
import { writeFileSync } from "fs";
import * as path from "path";
import { docxBytes, para } from "../helpers/docx";
import { tempDir } from "../helpers/xlsx";

const ROOT = path.join(__dirname, "..", "..");
const MAIN = path.join(ROOT, "dist", "cli", "main.js");
const SAMPLE_XLSX = path.join(ROOT, "assets", "samples", "longxian-2024-sample.xlsx");
const dir = tempDir();

/** The modules a CLI run loaded, by the names asked about. */
function loaded(args: string[]): Record<string, boolean> {
  const script = `
    const { main } = require(${JSON.stringify(MAIN)});
    main(${JSON.stringify(args)}, { out: () => {}, err: (s) => process.stderr.write(s), today: () => "2024-07-01" })
      .then((code) => {
        const files = Object.keys(require.cache);
        const has = (re) => files.some((f) => re.test(f));
        process.stdout.write(JSON.stringify({
          code,
          mammoth: has(/node_modules[\\\\/]mammoth[\\\\/]/),
          opencc: has(/node_modules[\\\\/]opencc-js[\\\\/]/),
          writer: has(/dist[\\\\/]workbook[\\\\/]files[\\\\/]generate\\.js$/),
        }));
      });`;
  const r = spawnSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, boolean>;
}

describe("what a CLI run loads", () => {
  it("`check` on a simplified workbook loads neither mammoth, nor opencc-js, nor the writer", () => {
    expect(loaded(["check", SAMPLE_XLSX, "--as-of", "2024-07-01"])).toEqual({
      code: 0,
      mammoth: false,
      opencc: false,
      writer: false,
    });
  });

  it("traditional characters load opencc-js; a .docx loads mammoth; `generate` loads the writer", async () => {
    const trad = path.join(dir, "trad.txt");
    writeFileSync(trad, "2024年重點工作任務\n一、產業發展\n1.推進重點項目建設（縣發改局牽頭）12月底前\n");
    expect(loaded(["check", trad, "--as-of", "2024-07-01"])).toMatchObject({ opencc: true, mammoth: false });

    const docx = path.join(dir, "list.docx");
    writeFileSync(
      docx,
      await docxBytes(para("一、产业发展") + para("1.推进重点项目建设（县发改局牵头）12月底前")),
    );
    expect(loaded(["check", docx, "--as-of", "2024-07-01"])).toMatchObject({ mammoth: true, opencc: false });

    const out = path.join(dir, "out.xlsx");
    expect(loaded(["generate", SAMPLE_XLSX, "-o", out, "--as-of", "2024-07-01"])).toMatchObject({
      code: 0,
      writer: true,
      mammoth: false,
    });
  });
});
