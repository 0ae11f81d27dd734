/**
 * `check` says which columns it read and which it recognised by their content, and why (issue 14),
 * in the text report (both languages) and in `--json`'s "columns" entry.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/xlsx";

const dir = tempDir();
// 栏目二 and 栏目三 are no headers the reader knows: the task and lead columns are recognised by
// their content; 序号 and 完成时限 by their headers.
const csv = path.join(dir, "实事.csv");
writeFileSync(
  csv,
  [
    "2024年民生实事项目",
    "序号,栏目二,栏目三,完成时限",
    "1,建成城东污水处理厂并投入运行,县住建局,6月底前",
    "2,完成造林1万亩并通过验收,县林业局,9月底前",
    "3,新建农村公路二十公里,县交通运输局,12月底前",
  ].join("\n"),
);

interface Columns {
  headerRow: number | null;
  fields: { field: string; column: string; header: string | null; by: string; reason?: string }[];
}

describe("check prints the column mapping it used", () => {
  it("in Chinese by default, marking the columns recognised by their content with the reason", async () => {
    const r = await runCli(["check", csv]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    const from = lines.indexOf("== 列对应 ==");
    expect(from).toBeGreaterThan(0);
    expect(lines.slice(from + 1, from + 7)).toEqual([
      "表头在第 2 行。",
      "  序号（id）：A 列「序号」",
      expect.stringMatching(
        /^ {2}重点任务（title）：B 列「栏目二」 —— 按内容识别：较长且各不相同的文字（平均 \d+ 个字，100% 不重复）$/,
      ),
      "  责任单位（首位牵头）（responsible）：C 列「栏目三」 —— 按内容识别：单位名称（3 个单元格中占 100%）；唯一的单位列：列在首位的单位为牵头单位",
      "  完成时限（deadline）：D 列「完成时限」",
      "请核对按内容识别的列；用 --map 字段=列（列字母或表头文字）可更正。",
    ]);
  });

  it("in English with --lang en", async () => {
    const r = await runCli(["check", csv, "--lang", "en"]);
    expect(r.out).toContain("== Columns read ==\nHeader on row 2.\n  No. (id): column A «序号»\n");
    expect(r.out).toMatch(
      /\n {2}Task \(title\): column B «栏目二» — recognised by its content: long varied text \(\d+ characters on average, 100% distinct\)\n/,
    );
    expect(r.out).toContain(
      "  Responsible (first leads) (responsible): column C «栏目三» — recognised by its content: unit names (100% of 3 cells); the only unit column: the first listed unit leads\n",
    );
  });

  it("says nothing of columns for a list read from text, and nothing inferred when the headers said all", async () => {
    const txt = path.join(dir, "清单.txt");
    writeFileSync(txt, "1. 建成城东污水处理厂（县住建局）\n2. 完成造林1万亩（县林业局）\n");
    const r = await runCli(["check", txt]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("列对应");
    const known = path.join(dir, "清单.csv");
    writeFileSync(
      known,
      ["序号,重点任务,牵头单位", "1,建成城东污水处理厂,县住建局", "2,完成造林1万亩,县林业局"].join("\n"),
    );
    const k = await runCli(["check", known]);
    expect(k.out).toContain("== 列对应 ==");
    expect(k.out).not.toContain("按内容识别");
    const json = JSON.parse((await runCli(["check", txt, "--json"])).out) as { columns: unknown };
    expect(json.columns).toBeNull();
  });

  it('in --json as a "columns" entry, every existing field kept', async () => {
    const r = await runCli(["check", csv, "--json"]);
    const json = JSON.parse(r.out) as Record<string, unknown> & { columns: Columns };
    expect(Object.keys(json).sort()).toEqual(
      ["asOf", "columns", "findings", "source", "tasks", "units", "year"].sort(),
    );
    expect(json.columns.headerRow).toBe(2);
    expect(json.columns.fields.map(({ reason: _, ...f }) => f)).toEqual([
      { field: "id", column: "A", header: "序号", by: "header" },
      { field: "title", column: "B", header: "栏目二", by: "content" },
      { field: "responsible", column: "C", header: "栏目三", by: "content" },
      { field: "deadline", column: "D", header: "完成时限", by: "header" },
    ]);
    expect(json.columns.fields[2]!.reason).toBe(
      "unit names (100% of 3 cells); the only unit column: the first listed unit leads",
    );
    expect(json.columns.fields[0]!.reason).toBeUndefined();
  });
});
