/**
 * The application layer over both hosts: the same workbook held by the files port (bytes) and by
 * the typed Excel fake reads, checks and plans the same; settings one host writes read the same in
 * the other; options resolve as flags > stored settings > defaults.
 */
import { writeFileSync } from "fs";
import { InputError } from "../../src/app/errors";
import { planGeneration, generate } from "../../src/app/generate";
import { importList } from "../../src/app/import";
import { resolveOptions } from "../../src/app/options";
import type { WorkbookPort } from "../../src/app/port";
import { listFromInput, readWorkbook } from "../../src/app/read";
import { FORM_COL } from "../../src/core/cycle/form";
import type { WorkbookPlan } from "../../src/core/plan/model";
import { SETTINGS_SHEET } from "../../src/core/plan/model";
import type { Grid } from "../../src/core/read/grid";
import { formatDate, translator } from "../../src/i18n";
import { ExcelWorkbook, openExcelSession } from "../../src/workbook/excel-api/ledger";
import { PackagePort } from "../../src/workbook/package/port";
import { FakeExcel } from "../fake-excel/fake-excel";
import { tempDir, xlsxBytes } from "../helpers/xlsx";
import ExcelJS from "exceljs";
import * as path from "path";

const t = translator("zh-CN");
const GEN = { lang: "zh-CN" as const, asOfText: formatDate("2024-07-01", "zh-CN"), t, tr: t };
const CTX = { today: "2026-12-01", file: "台账.xlsx" };

// A real list's shape: a title row, a non-standard header for the task column (实事项目), two
// progress columns, a user's sheet named like a unit.
const LIST: (string | number | null)[][] = [
  ["2024年民生实事项目清单"],
  ["序号", "实事项目", "牵头单位", "配合单位", "完成时限", "1-6月进展", "1-9月进展"],
  [1, "建成城东污水处理厂", "县住建局", "县财政局", "6月底前", "正在推进", "已完成"],
  [2, "改造老旧小区12个", "县住建局", "县财政局、城关镇", "12月底前", "完成30%", ""],
  [3, "完成造林1万亩", "县林业局", "县财政局", "2024年7月10日前", "完成20%", "完成60%"],
  [4, "新建村级养老服务站", "县民政局", "县财政局", "9月底前", "", ""],
];
const USER_SHEET = [["我的表", "请勿改动"]];
/** The task column's header is not one the reader knows: the user names it (as --map title=实事项目). */
const FIRST = { asOf: "2024-07-01", mapping: { title: ["实事项目"] } };

async function filesWorkbook(): Promise<PackagePort> {
  return new PackagePort(
    await xlsxBytes([
      { name: "清单", rows: LIST },
      { name: "县财政局", rows: USER_SHEET },
    ]),
  );
}

function excelWorkbook(): { excel: FakeExcel; book: ExcelWorkbook } {
  const excel = new FakeExcel();
  excel.loadSheet("清单", LIST);
  excel.loadSheet("县财政局", USER_SHEET);
  return { excel, book: new ExcelWorkbook(excel.run, excel) };
}

/** What a plan says, as plain data (cell values, styles, links, merges, widths). */
const planData = (p: WorkbookPlan) => JSON.parse(JSON.stringify(p)) as unknown;

describe("one orchestration, two hosts", () => {
  it("plans the same workbook from the files port and from the Excel API", async () => {
    const flags = { asOf: "2024-07-01", mapping: { title: ["实事项目"], progress: [6, 7] } };
    const files = await readWorkbook(await filesWorkbook(), { kind: "workbook" }, flags, CTX);
    const excel = await readWorkbook(excelWorkbook().book, { kind: "workbook" }, flags, CTX);
    expect(files.list.tasks.map((x) => x.title)).toEqual([
      "建成城东污水处理厂",
      "改造老旧小区12个",
      "完成造林1万亩",
      "新建村级养老服务站",
    ]);
    // The latest progress column is read (1-9月), not the first.
    expect(files.list.tasks[0]!.status.state).toBe("done");
    expect(planData(planGeneration(files, GEN))).toEqual(planData(planGeneration(excel, GEN)));
    const plan = planGeneration(files, GEN);
    // The header's text is stored as its column, every progress column kept.
    expect(plan.settings.mapping).toEqual({ title: [2], progress: [6, 7] });
    // The user's sheet named like a unit is never taken.
    expect(plan.sheets.map((s) => s.name)).toContain("县财政局(2)");
  });

  it("regenerates the same on both hosts, keeping progress a unit typed into its sheet", async () => {
    const { excel, book } = excelWorkbook();
    let files = await filesWorkbook();
    for (const port of [files, book] as WorkbookPort[]) {
      await generate(port, await readWorkbook(port, { kind: "workbook" }, FIRST, CTX), GEN);
    }
    // The unit types progress into its sheet's 进展情况 column: in Excel, and in the written file.
    const unitSheet = (await readWorkbook(book, { kind: "workbook" }, {}, CTX)).settings!.generated.find(
      (g) => g.unit === "县林业局",
    )!.name;
    const row = (await book.view()).grid(unitSheet)!.rows.findIndex((r) => r.includes("完成造林1万亩")) + 1;
    expect(row).toBeGreaterThan(1);
    excel.cell(excel.sheetOrThrow(unitSheet), row, FORM_COL.progress).value = "已完成栽植";
    const file = path.join(tempDir(), "台账.xlsx");
    writeFileSync(file, files.bytes());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet(unitSheet)!.getCell(row, FORM_COL.progress).value = "已完成栽植";
    files = new PackagePort(new Uint8Array(await wb.xlsx.writeBuffer()));

    const plans: unknown[] = [];
    for (const port of [files, book] as WorkbookPort[]) {
      // No flags: the stored as-of date is used, not today.
      const again = await readWorkbook(port, { kind: "workbook" }, {}, CTX);
      expect(again.options).toMatchObject({ asOf: "2024-07-01", asOfFrom: "settings" });
      expect(again.cycle.reports.filter((r) => r.unit === "县林业局")).toEqual([
        expect.objectContaining({ progress: "已完成栽植" }),
      ]);
      plans.push(planData(planGeneration(again, GEN)));
    }
    expect(plans[0]).toEqual(plans[1]);
  });

  it("reads settings the CLI stored (several progress columns) the same in the pane", async () => {
    const files = await filesWorkbook();
    const read = await readWorkbook(
      files,
      { kind: "workbook" },
      { ...FIRST, dueSoonDays: 10, mapping: { title: ["实事项目"], progress: [6, 7] } },
      CTX,
    );
    await generate(files, read, GEN);
    // Carry the settings sheet as Excel would hold it.
    const { excel } = excelWorkbook();
    const settingsGrid = (await files.view()).grid(SETTINGS_SHEET)!;
    excel.loadSheet(SETTINGS_SHEET, settingsGrid.rows as (string | null)[][]);
    const pane = openExcelSession(excel.run, excel, () => "2026-12-01");
    const state = await pane.read({});
    expect(state.options).toMatchObject({
      asOf: "2024-07-01",
      dueSoonDays: 10,
      mapping: { title: [2], progress: [6, 7] },
    });
    expect(state.settings?.mapping).toEqual({ title: [2], progress: [6, 7] });
    // The pane saves a change of date; the columns stay as they were.
    await pane.saveSettings({ asOf: "2024-08-01", lang: "zh-CN" });
    expect((await pane.read({})).settings).toMatchObject({
      asOf: "2024-08-01",
      mapping: { progress: [6, 7] },
    });
  });
});

describe("one tally", () => {
  it("the pane's unit list and the summary sheet's unit table say the same", async () => {
    const { excel } = excelWorkbook();
    const pane = openExcelSession(excel.run, excel, () => "2024-07-01");
    const state = await pane.read(FIRST);
    const read = await readWorkbook(excelWorkbook().book, { kind: "workbook" }, FIRST, CTX);
    const summary = planGeneration(read, GEN).sheets.find((x) => x.role === "summary")!;
    const header = summary.rows.findIndex((r) => r[0]?.v === t("plan.col.unit"));
    const below = summary.rows.slice(header + 1);
    // The table holds the units that lead tasks (a row per unit: name, lead tasks, done, overdue, …).
    const end = below.findIndex((r) => typeof r[1]?.v !== "number");
    const table = below.slice(0, end).map((r) => [r[0]!.v, r[1]!.v, r[2]!.v, r[3]!.v]);
    // 县住建局 leads two tasks (one done); 县财政局 only cooperates: it is named below the table, not in it.
    expect(table).toEqual(expect.arrayContaining([["县住房和城乡建设局", 2, 1, 0]]));
    expect(table.map((r) => r[0])).not.toContain("县财政局");
    expect(new Set(table.map((r) => JSON.stringify(r)))).toEqual(
      new Set(
        state.units.filter((u) => u.lead > 0).map((u) => JSON.stringify([u.name, u.lead, u.done, u.overdue])),
      ),
    );
    const apart = below
      .slice(end)
      .map((r) => String(r[0]?.v ?? ""))
      .find((v) => v.startsWith("仅承担配合任务的单位"));
    const coopOnly = state.units.filter((u) => u.lead === 0).map((u) => u.name);
    expect(coopOnly).toContain("县财政局");
    for (const name of coopOnly) expect(apart).toContain(name);
  });
});

describe("options", () => {
  const stored = {
    version: 2 as const,
    asOf: "2024-07-01",
    dueSoonDays: 10,
    lang: "zh-CN" as const,
    listSheet: null,
    generated: [],
    mapping: { lead: [3], progress: [6, 7] },
  };
  it("take the user's flags over the stored settings over the defaults", () => {
    expect(resolveOptions({}, null, "2026-12-01")).toMatchObject({
      asOf: "2026-12-01",
      asOfFrom: "today",
      dueSoonDays: 15,
      mapping: {},
    });
    expect(resolveOptions({}, stored, "2026-12-01")).toMatchObject({
      asOf: "2024-07-01",
      asOfFrom: "settings",
      dueSoonDays: 10,
      mapping: { lead: [3], progress: [6, 7] },
    });
    expect(
      resolveOptions({ asOf: "2024-09-30", dueSoonDays: 3, mapping: { lead: [4] } }, stored, "2026-12-01"),
    ).toMatchObject({
      asOf: "2024-09-30",
      asOfFrom: "flag",
      dueSoonDays: 3,
      mapping: { lead: [4], progress: [6, 7] },
    });
  });
});

describe("reading lists from outside the workbook", () => {
  const grid = (rows: unknown): Grid => ({ sheet: "表1", rows: rows as Grid["rows"], merges: [] });

  it("a .docx: the first table that is a list, else its numbered paragraphs", () => {
    const content = {
      tables: [grid([["说明"], ["这不是任务表"]])],
      text: "2024年重点任务\n1.建成城东污水处理厂。（县住建局）\n",
    };
    const { raw } = listFromInput(
      { kind: "docx", content, source: { file: "a.docx", kind: "docx" } },
      { mapping: {} },
    );
    expect(raw.tasks.map((x) => x.title)).toEqual(["建成城东污水处理厂"]);
  });

  it("a .docx: a real error in reading a table is not taken for 'no list here'", () => {
    const content = { tables: [grid(null)], text: "2024年重点任务\n1.建成城东污水处理厂。（县住建局）\n" };
    expect(() =>
      listFromInput({ kind: "docx", content, source: { file: "a.docx", kind: "docx" } }, { mapping: {} }),
    ).toThrow(TypeError);
  });

  it("a .docx with no list says what it found, as a message of the tables", () => {
    const content = { tables: [grid([["说明"]])], text: "" };
    let err: unknown;
    try {
      listFromInput({ kind: "docx", content, source: { file: "a.docx", kind: "docx" } }, { mapping: {} });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).key).toBe("error.noListInDocx");
    expect((err as Error).message).toMatch(
      /a\.docx: no task list found in the document \(1 table, 0 paragraphs\)/,
    );
  });

  it("a header named in the mapping that the sheet does not have is said, with the sheet", async () => {
    const files = await filesWorkbook();
    await expect(
      readWorkbook(files, { kind: "workbook" }, { mapping: { title: ["重点工作"] } }, CTX),
    ).rejects.toMatchObject({ key: "error.noHeader", params: { header: "重点工作", sheet: "清单" } });
  });
});

describe("import", () => {
  it("writes the list as a new sheet the next read takes, and leaves generated sheets alone", async () => {
    const { excel, book } = excelWorkbook();
    await generate(book, await readWorkbook(book, { kind: "workbook" }, FIRST, CTX), GEN);
    const before = excel.sheets.map((s) => s.name);
    const name = await importList(
      book,
      {
        kind: "text",
        text: "2024年重点任务\n1.建成城东污水处理厂。（县住建局）6月底前\n",
        source: { file: "text", kind: "text" },
      },
      { today: "2024-07-01", lang: "zh-CN", t },
    );
    expect(name).toBe("任务清单");
    expect(excel.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(before));
    const read = await readWorkbook(book, { kind: "workbook" }, {}, CTX);
    expect(read.list.source.sheet).toBe("任务清单");
    expect(read.list.tasks.map((x) => x.title)).toEqual(["建成城东污水处理厂"]);
    // The same import on the files port writes the same sheet.
    const files = await filesWorkbook();
    await generate(files, await readWorkbook(files, { kind: "workbook" }, FIRST, CTX), GEN);
    await importList(
      files,
      {
        kind: "text",
        text: "2024年重点任务\n1.建成城东污水处理厂。（县住建局）6月底前\n",
        source: { file: "text", kind: "text" },
      },
      { today: "2024-07-01", lang: "zh-CN", t },
    );
    expect((await files.view()).grid("任务清单")!.rows).toEqual(
      (await book.view()).grid("任务清单")!.rows.map((r) => r.map((v) => (v === "" ? null : v))),
    );
  });
});
