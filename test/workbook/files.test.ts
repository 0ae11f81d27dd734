import JSZip from "jszip";
import { truncateSync, writeFileSync } from "fs";
import * as path from "path";
import { buildTaskList } from "../../src/core/task-list";
import { ReadError } from "../../src/core/read/raw";
import { UnitDirectory } from "../../src/core/units/directory";
import { openDirectoryFile, openListFile } from "../../src/workbook/files/open-file";
import { names } from "../helpers/build";
import { docxBytes, para, table } from "../helpers/docx";
import { tempDir, writeXlsx } from "../helpers/xlsx";

const dir = tempDir();
const build = (o: Awaited<ReturnType<typeof openListFile>>) =>
  buildTaskList(o.raw, o.source, {
    asOf: "2024-07-01",
    directory: UnitDirectory.builtin().withUser(o.directory),
  });

describe(".docx attachments", () => {
  it("reads a table with vertically merged cells and multi-line unit cells", async () => {
    const file = path.join(dir, "table.docx");
    writeFileSync(
      file,
      await docxBytes(
        para("附件") +
          para("2024年重点工作任务清单") +
          table([
            ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
            [
              { text: "1", vMerge: "restart" },
              "建成污水处理厂",
              { text: "县住建局", vMerge: "restart" },
              "县财政局\n县生态环境局",
              "6月底前",
            ],
            [
              { text: "", vMerge: "continue" },
              "改造供水管网",
              { text: "", vMerge: "continue" },
              "各镇",
              "9月底前",
            ],
          ]),
      ),
    );
    const list = build(await openListFile(file));
    expect(list.source).toEqual({ file: "table.docx", kind: "docx" });
    expect(list.tasks).toHaveLength(2);
    expect(list.tasks.map((t) => t.id)).toEqual(["1", "1"]);
    expect(list.tasks.map((t) => names(t.lead))).toEqual([["县住房和城乡建设局"], ["县住房和城乡建设局"]]);
    expect(names(list.tasks[0]!.cooperating)).toEqual(["县财政局", "县生态环境局"]);
    expect(list.tasks[1]!.groups).toEqual(["各镇"]);
  });

  it("reads numbered paragraphs when the document has no table", async () => {
    const file = path.join(dir, "text.docx");
    writeFileSync(
      file,
      await docxBytes(
        para("2024年重点工作任务") +
          para("一、产业发展") +
          para("1.发展奶山羊产业。（县畜产局、县财政局，各镇）") +
          para("2.推进苹果提质。（县果业中心）"),
      ),
    );
    const list = build(await openListFile(file));
    expect(list.tasks.map((t) => t.title)).toEqual(["发展奶山羊产业", "推进苹果提质"]);
    expect(list.tasks[0]!.section).toBe("一、产业发展");
  });
});

describe("CSV", () => {
  it("reads UTF-8 with BOM, quoted multi-line cells", async () => {
    const file = path.join(dir, "list.csv");
    writeFileSync(
      file,
      '\ufeff序号,重点任务,牵头单位,配合单位\n1,"建设""智慧城市""",县数据局,"县财政局\n县住建局"\n',
    );
    const list = build(await openListFile(file));
    expect(list.tasks[0]!.title).toBe('建设"智慧城市"');
    expect(names(list.tasks[0]!.cooperating)).toEqual(["县财政局", "县住房和城乡建设局"]);
  });

  it("reads GB18030 (what Chinese Excel saves as CSV)", async () => {
    const file = path.join(dir, "gbk.csv");
    // "序号,重点任务,牵头单位\n1,任务甲,县财政局\n" encoded in GBK
    const gbk = Buffer.from(
      "d0f2bac52cd6d8b5e3c8cecef12cc7a3cdb7b5a5cebb0a312cc8cecef1bcd72ccfd8b2c6d5febed60a",
      "hex",
    );
    writeFileSync(file, gbk);
    const list = build(await openListFile(file));
    expect(list.tasks[0]!.title).toBe("任务甲");
    expect(names(list.tasks[0]!.lead)).toEqual(["县财政局"]);
  });
});

describe("the workbook's own unit directory (部门名录)", () => {
  it("is read from the sheet and wins over the built-in names", async () => {
    const file = await writeXlsx(dir, "with-directory.xlsx", [
      {
        name: "清单",
        rows: [
          ["序号", "重点任务", "牵头单位"],
          [1, "任务甲", "县人社局"],
          [2, "任务乙", "县畜产局"],
        ],
      },
      {
        name: "部门名录",
        rows: [
          ["单位名称", "别名", "类型"],
          ["县人社局", "县人力资源和社会保障局、人社局", "县直部门"],
          ["县畜牧产业发展中心", "县畜产局", "县直部门"],
          ["城关镇", "", "乡镇街道"],
        ],
      },
    ]);
    const opened = await openListFile(file);
    expect(opened.source.sheet).toBe("清单");
    expect(opened.directory.map((e) => e.kind)).toEqual(["department", "department", "town"]);
    const list = build(opened);
    expect(list.tasks.map((t) => names(t.lead))).toEqual([["县人社局"], ["县畜牧产业发展中心"]]);
    expect(list.tasks[1]!.lead[0]).toMatchObject({ known: true, raw: "县畜产局" });
  });

  it("can come from a separate file (--directory)", async () => {
    const file = path.join(dir, "directory.csv");
    writeFileSync(file, "单位名称,别名\n县发展和改革局,发改局、县发改委\n");
    const entries = await openDirectoryFile(file);
    expect(entries).toEqual([
      { name: "县发展和改革局", aliases: ["发改局", "县发改委"], kind: "department", source: "user" },
    ]);
  });
});

describe("bad input ends in a clear message", () => {
  const expectReadError = async (file: string, pattern: RegExp) => {
    const err = await openListFile(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ReadError);
    expect((err as Error).message).toMatch(pattern);
  };

  it("an empty file", async () => {
    const file = path.join(dir, "empty.txt");
    writeFileSync(file, "");
    await expectReadError(file, /empty\.txt is empty: expected a task list/);
  });

  it("a sheet of numbers", async () => {
    const file = await writeXlsx(dir, "numbers.xlsx", [
      {
        name: "Sheet1",
        rows: [
          [1, 2, 3],
          [4, 5, 6],
        ],
      },
    ]);
    await expectReadError(
      file,
      /no sheet holds a task list\. Sheet "Sheet1" \(no header row\): no column holds task-like text/,
    );
  });

  it("a corrupt .xlsx", async () => {
    const file = path.join(dir, "corrupt.xlsx");
    writeFileSync(file, Buffer.from("PK\u0003\u0004 this is not really a zip file at all"));
    await expectReadError(file, /corrupt\.xlsx is not a readable \.xlsx workbook/);
  });

  it("an old .xls or a password-protected workbook named .xlsx, and a Word document named .xlsx", async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(path.join(dir, "old.xlsx"), ole);
    await expectReadError(
      path.join(dir, "old.xlsx"),
      /old\.xlsx is an old-format Office file .*save it as an Excel workbook \(\.xlsx\)/,
    );
    const docx = new JSZip();
    docx.file("[Content_Types].xml", "<Types/>");
    docx.file("word/document.xml", "<w:document/>");
    writeFileSync(path.join(dir, "word.xlsx"), await docx.generateAsync({ type: "nodebuffer" }));
    await expectReadError(
      path.join(dir, "word.xlsx"),
      /word\.xlsx is a Word document, not an Excel workbook/,
    );
  });

  it("a binary file named .docx", async () => {
    const file = path.join(dir, "binary.docx");
    writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    await expectReadError(file, /binary\.docx is not a readable \.docx document/);
  });

  it("a 50 MB text file is refused at once", async () => {
    const file = path.join(dir, "huge.txt");
    writeFileSync(file, "");
    truncateSync(file, 50 * 1024 * 1024);
    await expectReadError(file, /huge\.txt is 50\.0 MB; lists up to 32 MB are read/);
  });

  it("a binary file named .txt", async () => {
    const file = path.join(dir, "binary.txt");
    writeFileSync(file, Buffer.from([0, 1, 2, 3, 0, 255]));
    await expectReadError(file, /binary\.txt: the file holds binary data/);
  });

  it("text with no numbered tasks", async () => {
    const file = path.join(dir, "prose.txt");
    writeFileSync(file, "这是一段说明文字。\n没有编号的任务。\n");
    await expectReadError(file, /no numbered tasks found/);
  });

  it("an unsupported file type", async () => {
    const file = path.join(dir, "list.xls");
    writeFileSync(file, "x");
    await expectReadError(
      file,
      /unsupported file type\. Task Ledger reads \.xlsx, \.csv, \.txt, \.md and \.docx/,
    );
  });
});
