/**
 * The command line speaks the user's language: Chinese by default, English with --lang en or an
 * English locale; help, usage errors and input errors all come from the string tables.
 */
import { spawnSync } from "child_process";
import { writeFileSync } from "fs";
import * as path from "path";
import fc from "fast-check";
import { main, parseMap } from "../../src/cli/main";
import { COLUMN_FIELDS } from "../../src/core/read/columns";
import { columnLetter } from "../../src/core/model";
import { SAMPLE_PATH } from "../helpers/build";
import { tempDir } from "../helpers/xlsx";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "src", "cli", "bin.js");
const dir = tempDir();

async function run(args: string[], env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const code = await main(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    today: () => "2024-07-01",
    env,
  });
  return { code, out, err };
}

/** Words commander would print in English if a string escaped the tables. */
const COMMANDER_ENGLISH = /Usage:|Options:|Commands:|Arguments:|display help|choices:|default:|\[options\]/;

describe("help", () => {
  it.each([[[]], [["check"]], [["generate"]], [["demo"]]])(
    "is Chinese by default (%j --help)",
    async (cmd) => {
      const r = await run([...cmd, "--help"]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^用法： task-ledger/);
      expect(r.out).toMatch(/选项：/);
      expect(r.out).not.toMatch(COMMANDER_ENGLISH);
    },
  );

  it("is English with --lang en, or when LANG or LC_ALL is English", async () => {
    for (const [args, env] of [
      [["generate", "--help", "--lang", "en"], {}],
      [["generate", "--help"], { LANG: "en_US.UTF-8" }],
      [["generate", "--help"], { LANG: "zh_CN.UTF-8", LC_ALL: "en_GB.UTF-8" }],
    ] as const) {
      const r = await run([...args], { ...env });
      expect(r.out).toMatch(/^Usage: task-ledger generate \[options\] <file>/);
      expect(r.out).toMatch(/write a sheet per unit/);
    }
    // --lang wins over the locale; a Chinese or unset locale is Chinese.
    expect((await run(["--help", "--lang", "zh-CN"], { LANG: "en_US.UTF-8" })).out).toMatch(/^用法：/);
    expect((await run(["--help"], { LANG: "zh_CN.UTF-8" })).out).toMatch(/^用法：/);
    expect((await run(["--help"], { LANG: "C.UTF-8" })).out).toMatch(/^用法：/);
  });

  it("piped into a reader that stops early ends quietly (EPIPE)", () => {
    const r = spawnSync(
      "bash",
      ["-c", `set -o pipefail; "${process.execPath}" "${BIN}" generate --help | head -c 0`],
      {
        encoding: "utf8",
      },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("errors", () => {
  it("a wrong command line is said in Chinese by default, exit 2", async () => {
    const unknown = await run(["check", SAMPLE_PATH, "--bogus"]);
    expect(unknown).toMatchObject({ code: 2, out: "" });
    expect(unknown.err).toBe("task-ledger: 未知选项 --bogus。（用 --help 查看用法）\n");
    const missing = await run(["check"]);
    expect(missing.err).toMatch(/缺少参数 file/);
    const choice = await run(["check", SAMPLE_PATH, "--fail-on", "all"]);
    expect(choice.err).toMatch(/--fail-on <level>：“all”不是可选的值（可选：error, warning）/);
    const english = await run(["check", SAMPLE_PATH, "--bogus", "--lang", "en"]);
    expect(english.err).toBe("task-ledger: unknown option --bogus. (see --help)\n");
  });

  it("a file that cannot be read is said in Chinese by default", async () => {
    const r = await run(["check", path.join(dir, "无此文件.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/无此文件\.xlsx：找不到该文件。/);
    expect(r.err).not.toMatch(/no such file/);
  });

  it("a bad --map is said with the fields there are", async () => {
    const r = await run(["check", SAMPLE_PATH, "--map", "owner=D"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--map "owner=D"：应写作 字段=列/);
    expect(r.err).toMatch(/lead, cooperating/);
  });
});

/** English words that would mean a reader's text escaped the tables into a Chinese message. */
const READER_ENGLISH = /\b(the|and|column|columns|expected|found|sheet|tasks?|cells?)\b/i;

describe("the reader's failures in the user's language", () => {
  const noNumbers = path.join(dir, "随手记.txt");
  writeFileSync(noNumbers, "这里写了一些话\n没有任何编号\n也没有牵头单位\n");
  // A table whose columns say nothing of a task: short texts, a unit, a number.
  const noTask = path.join(dir, "名单.csv");
  writeFileSync(noTask, ["编,事,谁", "1,甲,县财政局", "2,乙,县民政局"].join("\n"));

  it("a text without numbered items: Chinese by default, English with --lang en", async () => {
    const zh = await run(["check", noNumbers]);
    expect(zh.code).toBe(2);
    expect(zh.err).toBe(
      "task-ledger: 无法读取：随手记.txt：未找到带编号的任务。应为“1.任务……（牵头单位）”“1、…”“（一）…”或“一、”标题这样的行；找到 3 行没有编号的文字。\n",
    );
    const en = await run(["check", noNumbers, "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.err).toBe(
      'task-ledger: Could not read: 随手记.txt: no numbered tasks found. Expected lines such as "1.任务……（牵头单位）", "1、…", "（一）…" or "一、" headings; found 3 lines of text without numbering.\n',
    );
  });

  it("a table with no task column says what each column looked like, in either language", async () => {
    const zh = await run(["check", noTask]);
    expect(zh.code).toBe(2);
    // The column descriptions nested in the message are Chinese too.
    expect(zh.err).toMatch(/工作表“名单”（表头在第 1 行）：没有一列是任务文字/);
    expect(zh.err).toMatch(/A\(编\)：小的数字（2 个单元格中占 100%）；B\(事\)：较短的文字/);
    expect(zh.err).toMatch(/C\(谁\)：单位名称（2 个单元格中占 100%）/);
    expect(zh.err.replace(/^task-ledger: /, "")).not.toMatch(READER_ENGLISH);
    const en = await run(["check", noTask, "--lang", "en"]);
    expect(en.err).toMatch(/Sheet "名单" \(header row 1\): no column holds task-like text/);
    expect(en.err).toMatch(/A\(编\): small numbers \(100% of 2 cells\); B\(事\): short text/);
  });

  it("a file that is not a workbook is said in Chinese by default", async () => {
    const pdf = path.join(dir, "清单.xlsx");
    writeFileSync(pdf, "%PDF-1.7\n…");
    const zh = await run(["check", pdf]);
    expect(zh).toMatchObject({ code: 2, out: "" });
    expect(zh.err).toBe("task-ledger: 清单.xlsx 是 PDF 文档，不是 Excel 工作簿。\n");
    const en = await run(["check", pdf, "--lang", "en"]);
    expect(en.err).toBe("task-ledger: 清单.xlsx is a PDF document, not an Excel workbook.\n");
  });

  it("what the package reader found inside a broken workbook is said in the user's language", async () => {
    const broken = path.join(dir, "坏.xlsx");
    writeFileSync(broken, "这不是工作簿");
    const zh = await run(["check", broken]);
    expect(zh.code).toBe(2);
    expect(zh.err.replace(dir + path.sep, "")).toBe(
      "task-ledger: 坏.xlsx 不是可读取的 .xlsx 工作簿（它不是 ZIP 包（.xlsx 文件是 ZIP 包））。如果是旧的 .xls 或 .et 文件，请先用 Excel 或 WPS 另存为 .xlsx。\n",
    );
    const en = await run(["check", broken, "--lang", "en"]);
    expect(en.err.replace(dir + path.sep, "")).toBe(
      "task-ledger: 坏.xlsx is not a readable .xlsx workbook (it is not a ZIP package (an .xlsx file is one)). If it is an old .xls or .et file, save it as .xlsx from Excel or WPS first.\n",
    );
  });
});

describe("--map by a header's text", () => {
  // 实事项目 is not a header the reader knows for the task column.
  const csv = path.join(dir, "实事.csv");
  writeFileSync(
    csv,
    [
      "2024年民生实事项目",
      "序号,实事项目,牵头单位,完成时限,1-6月进展,1-9月进展",
      "1,建成城东污水处理厂,县住建局,6月底前,正在推进,已完成",
      "2,完成造林1万亩,县林业局,9月底前,完成20%,完成60%",
    ].join("\n"),
  );
  const tasks = async (...map: string[]) => {
    const r = await run(["check", csv, "--json", "--map", ...map]);
    expect(r.err).toBe("");
    return (JSON.parse(r.out) as { tasks: { title: string; status: { text: string } }[] }).tasks;
  };

  it("works as well as the column's letter, and several progress columns are read", async () => {
    const byText = await tasks("title=实事项目", "progress=1-6月进展,1-9月进展");
    expect(byText.map((x) => x.title)).toEqual(["建成城东污水处理厂", "完成造林1万亩"]);
    expect(byText.map((x) => x.status.text)).toEqual(["已完成", "完成60%"]);
    expect(await tasks("title=B", "progress=E,F")).toEqual(byText);
    expect(await tasks("title=2", "progress=5,6")).toEqual(byText);
  });

  it("names the header and the sheet when no column is headed so", async () => {
    const r = await run(["check", csv, "--map", "title=重点工作"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--map title=重点工作：工作表“实事”前 30 行中没有表头为“重点工作”的列/);
  });

  it("parses letters, numbers and header texts for every field (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COLUMN_FIELDS),
        fc.array(fc.integer({ min: 1, max: 16384 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (field, cols, asLetters) => {
          const text = cols.map((c) => (asLetters ? columnLetter(c) : String(c))).join(",");
          expect(parseMap([`${field}=${text}`])).toEqual({ [field]: cols });
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...COLUMN_FIELDS),
        fc.stringMatching(/^[\u4e00-\u9fa5][\u4e00-\u9fa5\d月-]{0,8}$/),
        (field, header) => {
          expect(parseMap([`${field}=${header}`])).toEqual({ [field]: [header] });
        },
      ),
    );
  });
});
