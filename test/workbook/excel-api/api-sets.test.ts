/**
 * The add-in on the Excels it promises to support: the manifest asks for ExcelApi 1.2, and newer
 * members are used only where the host declares them. The fake fails any member above the
 * host's declared version (as Excel does), so the whole flow — read, check, generate, regenerate
 * — runs here on hosts declaring 1.2, 1.7, 1.8, 1.9 and 1.13.
 */
import { translator } from "../../../src/i18n";
import { FORM_COL } from "../../../src/core/cycle/form";
import { createExcelLedger } from "../../../src/workbook/excel-api/ledger";
import { FakeExcel, isLocked } from "../../fake-excel/fake-excel";

const t = translator("zh-CN");
const LIST: (string | number | null)[][] = [
  ["2024年重点任务清单"],
  ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"],
  ["一、经济发展"],
  [1, "建成城东污水处理厂", "县住建局", "县财政局", "6月底前", "正在推进"],
  [2, "=SUM(A1) 是任务名", "县财政局", "县文化和旅旅局", "12月底前", ""],
  [3, "完成造林", "县林业局", "县财政局", "3月10日前", "完成20%"],
];
const OPTIONS = {
  asOf: "2024-07-01",
  dueSoonDays: 15,
  lang: "zh-CN" as const,
  asOfText: "2024年7月1日",
  townSheets: false,
};

const at = (have: string, need: string) => {
  const [a, b] = have.split(".").map(Number) as [number, number];
  const [c, d] = need.split(".").map(Number) as [number, number];
  return a > c || (a === c && b >= d);
};

describe.each(["1.2", "1.7", "1.8", "1.9", "1.13"])("on a host declaring ExcelApi %s", (version) => {
  function host(): FakeExcel {
    const excel = new FakeExcel({ excelApi: version });
    excel.loadSheet("清单", LIST, [{ top: 3, left: 1, bottom: 3, right: 6 }]);
    excel.loadSheet("县财政局", [["我的表"]]);
    return excel;
  }

  it("reads, checks, generates and regenerates, with the formats this host has", async () => {
    const excel = host();
    const userSheets = () => JSON.stringify([excel.values("清单"), excel.values("县财政局")]);
    const before = userSheets();
    const ledger = createExcelLedger(excel.run, excel);

    const state = await ledger.read({ asOf: OPTIONS.asOf, dueSoonDays: OPTIONS.dueSoonDays });
    expect(state.list.tasks.map((x) => x.title)).toEqual([
      "建成城东污水处理厂",
      "=SUM(A1) 是任务名",
      "完成造林",
    ]);
    expect(state.checks.findings.map((f) => f.code)).toContain("PROBABLE_TYPO");

    const first = await ledger.generate(OPTIONS, t, t);
    expect(first.unitSheets).toContain("县财政局(2)");
    expect(userSheets()).toBe(before);
    const unit = excel.sheetOrThrow("县财政局(2)");
    const summary = excel.sheetOrThrow(first.summarySheet);
    expect(excel.values(unit.name)[0]![0]).toMatch(/重点工作任务/);
    expect(excel.values(unit.name).flat()).toContain("=SUM(A1) 是任务名");
    expect(excel.sheetOrThrow("_TaskLedger").visibility).toBe("VeryHidden");
    // Column widths and row heights are ExcelApi 1.2: every host gets them.
    expect(unit.columnWidths.size).toBeGreaterThan(5);
    expect(unit.rowHeights.size).toBeGreaterThan(0);
    // The rest only where the host has them.
    expect(unit.frozenRows > 0).toBe(at(version, "1.7"));
    expect([...summary.cells.values()].some((c) => c.hyperlink)).toBe(at(version, "1.7"));
    expect("orientation" in unit.print).toBe(at(version, "1.9"));
    expect(summary.conditionalFormats.length > 0).toBe(at(version, "1.6"));

    // The return form: protected without a password on every host, its identity column hidden,
    // only the fill-in cells open; the % and 是/否 validations where the host has them (1.8).
    const row = excel.values(unit.name).findIndex((r) => r[2] === "=SUM(A1) 是任务名");
    expect(unit.protected).toBe(true);
    expect([...unit.hiddenColumns]).toEqual([FORM_COL.identity]);
    const locked = (col: number) => isLocked(unit.cells.get(`${row + 1},${col}`));
    expect(
      [FORM_COL.progress, FORM_COL.percent, FORM_COL.onSchedule, FORM_COL.nextSteps].map(locked),
    ).toEqual([false, false, false, false]);
    expect([FORM_COL.id, FORM_COL.title, FORM_COL.last, FORM_COL.identity].map(locked)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    const rules = unit.validations.map((v) => v.rule);
    expect(rules).toEqual(
      at(version, "1.8")
        ? [
            { decimal: { formula1: 0, formula2: 100, operator: "Between" } },
            { list: { inCellDropDown: true, source: "是,否" } },
          ]
        : [],
    );
    const col = (n: number) => String.fromCharCode(64 + n);
    const write = (n: number, text: string) =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem(unit.name).getRange(`${col(n)}${row + 1}`).values = [[text]];
        await context.sync();
      });
    // As in Excel: the task text cannot be overwritten by accident; the unit's column can.
    await expect(write(FORM_COL.title, "改掉任务")).rejects.toThrow(/AccessDenied/);
    // The unit types its progress; the office regenerates; the progress stays.
    await write(FORM_COL.progress, "已完成初稿");
    const second = await ledger.generate(OPTIONS, t, t);
    expect(second.unitSheets).toEqual(first.unitSheets);
    expect(excel.values("县财政局(2)")[row]![FORM_COL.progress - 1]).toBe("已完成初稿");
    expect(excel.sheetOrThrow("县财政局(2)").protected).toBe(true);
    expect(excel.sheets.filter((s) => s.name.startsWith("县财政局"))).toHaveLength(2);
    expect(userSheets()).toBe(before);
  });

  it("says which features the host lacks, named by their API set", () => {
    const ledger = createExcelLedger(host().run, host());
    expect(ledger.features).toEqual({
      excelApi1_6: at(version, "1.6"),
      excelApi1_7: at(version, "1.7"),
      excelApi1_8: at(version, "1.8"),
      excelApi1_9: at(version, "1.9"),
      excelApi1_13: at(version, "1.13"),
    });
  });
});
