/**
 * The pane's 通报 button, through the typed Excel fake: the session reads the ledger, hands back the
 * bulletin's content, and keeps the next issue number with the workbook without touching a
 * sheet; the on-demand module renders the same content to a .docx that Word-reading tools open.
 */
import mammoth from "mammoth";
import { translator } from "../../../src/i18n";
import { DOCX_TYPE, bulletinBlob } from "../../../src/taskpane/bulletin-download";
import { createExcelLedger } from "../../../src/workbook/excel-api/ledger";
import { FakeExcel } from "../../fake-excel/fake-excel";

const t = translator("zh-CN");
const LIST: (string | number | null)[][] = [
  ["2024年重点工作任务清单", null, null, null, null, null],
  ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"],
  [1, "建成城东污水处理厂", "县住建局", "县财政局", "6月底前", "正在推进"],
  [2, "整治城区黑臭水体", "县财政局", "", "12月底前", "已完成"],
  [3, "完成造林", "县林业局", "县财政局", "7月10日前", "完成20%"],
];
const defaults = { publication: t("bulletin.defaultPublication"), office: t("bulletin.defaultOffice") };
const flags = { asOf: "2024-07-01", dueSoonDays: 15, lang: "zh-CN" as const, defaults };

describe("the bulletin from the pane", () => {
  it("numbers issues from the workbook, changes no sheet, and downloads a .docx with the figures", async () => {
    const excel = new FakeExcel();
    excel.loadSheet("清单", LIST);
    const ledger = createExcelLedger(excel.run, excel);
    await ledger.generate({ ...flags, asOfText: "2024年7月1日", townSheets: false }, t, t);
    const sheets = excel.sheets.map((s) => s.name);
    const values = JSON.stringify(sheets.filter((n) => n !== "_TaskLedger").map((n) => excel.values(n)));

    const first = await ledger.bulletin({ ...flags, office: "县委督查室" });
    expect([first.input.issue, first.stored]).toEqual([1, true]);
    const second = await ledger.bulletin(flags);
    expect([second.input.issue, second.input.office]).toEqual([2, "县委督查室"]);
    expect(excel.sheets.map((s) => s.name)).toEqual(sheets);
    expect(JSON.stringify(sheets.filter((n) => n !== "_TaskLedger").map((n) => excel.values(n)))).toBe(
      values,
    );

    const blob = await bulletinBlob(second.input);
    expect(blob.type).toBe(DOCX_TYPE);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await blob.arrayBuffer()) })).value;
    expect(text).toContain("第2期");
    expect(text).toContain("重点工作任务共3项");
    expect(text).toContain("已完成1项");
    const overdue = second.input.tasks.filter((x) => x.state === "overdue");
    expect(overdue.map((x) => x.id)).toEqual(["1"]);
    expect(text).toContain("县住房和城乡建设局负责的第1项“建成城东污水处理厂”，逾期1天");
  });
});
