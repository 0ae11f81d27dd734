/** Word attachments built with the docx package the way an office writes them: a title, a table. */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from "docx";
import { extractDocx } from "../../src/core/read/docx";
import { readRows } from "../../src/core/read/rows";
import { buildTaskList } from "../../src/core/task-list";
import { UnitDirectory } from "../../src/core/units/directory";

const cell = (text: string, vMerge?: "restart" | "continue") =>
  new TableCell({
    children: text.split("\n").map((t) => new Paragraph(t)),
    ...(vMerge
      ? { verticalMerge: vMerge === "restart" ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
      : {}),
  });

async function wordFile(
  title: string,
  rows: (string | [string, "restart" | "continue"])[][],
): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "附件1" }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: title, bold: true })],
          }),
          new Table({
            rows: rows.map(
              (r) =>
                new TableRow({
                  children: r.map((c) => (typeof c === "string" ? cell(c) : cell(c[0], c[1]))),
                }),
            ),
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe(".docx: the title paragraph above a table", () => {
  it("gives the list's year: 全年 is due at the end of the title's year, not the clock's", async () => {
    const bytes = await wordFile("2025年县级民生实事项目清单", [
      ["序号", "实事项目", "牵头单位", "完成时限"],
      ["1", "新建城区公办幼儿园2所", "县教体局", "全年"],
      ["2", "改造农村危房200户", "县住建局\n各镇", "10月底前"],
    ]);
    const { tables } = await extractDocx(bytes, "清单.docx");
    const raw = readRows(tables[0]!);
    expect(raw.title).toBe("2025年县级民生实事项目清单");
    const list = buildTaskList(
      raw,
      { file: "清单.docx", kind: "docx" },
      { asOf: "2024-07-01", directory: UnitDirectory.builtin() },
    );
    expect(list.year).toBe(2025);
    expect(list.tasks[0]!.deadline).toMatchObject({ kind: "date", due: "2025-12-31" });
    expect(list.tasks[1]!.groups).toEqual(["各镇"]);
  });

  it("a 项目名称 merged down over its 工作任务 rows in a Word table", async () => {
    const bytes = await wordFile("2024年重点项目任务分解表", [
      ["序号", "项目名称", "工作任务", "牵头单位", "完成时限"],
      ["1", ["县城污水处理厂提标改造", "restart"], "完成设备采购安装", "县住建局", "6月底前"],
      ["2", ["", "continue"], "通水试运行", "县住建局", "9月底前"],
    ]);
    const { tables } = await extractDocx(bytes, "t.docx");
    const raw = readRows(tables[0]!);
    expect(raw.tasks.map((t) => [t.section, t.title])).toEqual([
      ["县城污水处理厂提标改造", "完成设备采购安装"],
      ["县城污水处理厂提标改造", "通水试运行"],
    ]);
  });
});
