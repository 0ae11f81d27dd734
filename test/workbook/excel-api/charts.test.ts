/**
 * The 汇总 sheet's charts in the add-in, through the typed Excel fake: the same plan as the file
 * writer, added with `worksheet.charts.add` (ExcelApi 1.1) over the chart-data cells the sheet
 * holds, titled and placed below them; a regenerate replaces the sheet and its charts with it.
 */
import { translator } from "../../../src/i18n";
import { createExcelLedger } from "../../../src/workbook/excel-api/ledger";
import { FakeExcel } from "../../fake-excel/fake-excel";

const t = translator("zh-CN");
const LIST: (string | number | null)[][] = [
  ["2024年重点工作任务清单", null, null, null, null, null],
  ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"],
  [1, "建成城东污水处理厂", "县住建局", "县财政局", "10月底前", "完成80%"],
  [2, "整治城区黑臭水体", "县财政局", "", "6月底前", "正在推进"],
  [3, "完成人工造林1万亩", "县林业局", "县财政局", "12月底前", "完成20%"],
  [4, "新建公厕8座", "县住建局", "县财政局", "9月底前", "已完成"],
];
const opts = {
  asOf: "2024-07-20",
  dueSoonDays: 15,
  lang: "zh-CN" as const,
  asOfText: "2024年7月20日",
  townSheets: false,
};

/** The cells of an address like A30:B33, from the fake's values grid. */
function cells(grid: unknown[][], address: string): unknown[][] {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address)!;
  const col = (s: string) => s.charCodeAt(0) - 64;
  return grid.slice(Number(m[2]) - 1, Number(m[4])).map((r) => r.slice(col(m[1]!) - 1, col(m[3]!)));
}

describe("the summary's charts in the add-in", () => {
  it("adds a bar of completion by unit and a pie of states over the sheet's own cells", async () => {
    const excel = new FakeExcel({ excelApi: "1.2" });
    excel.loadSheet("清单", LIST);
    const ledger = createExcelLedger(excel.run, excel);
    const r = await ledger.generate(opts, t, t);
    const summary = excel.sheetOrThrow(r.summarySheet);
    expect(summary.charts.map((c) => [c.type, c.title])).toEqual([
      ["BarClustered", "各单位牵头任务完成率"],
      ["Pie", "任务状态构成"],
    ]);
    const grid = excel.values(r.summarySheet);
    const bar = cells(grid, summary.charts[0]!.source);
    expect(bar[0]).toEqual(["单位", "完成率"]);
    expect(bar.slice(1)).toEqual([
      ["县住房和城乡建设局", 0.5],
      ["县财政局", 0],
      ["县林业局", 0],
    ]);
    const pie = cells(grid, summary.charts[1]!.source);
    expect(pie).toEqual([
      ["状态", "任务数"],
      ["已完成", 1],
      ["按序时推进", 1],
      ["滞后", 1],
      ["逾期", 1],
      ["未报送", 0],
    ]);
    // Placed below the chart data: the charts cover no cell that holds a value.
    for (const c of summary.charts) {
      const top = Number(/\d+/.exec(c.from!)![0]);
      const bottom = Number(/\d+/.exec(c.to!)![0]);
      expect(
        grid
          .slice(top - 1, bottom)
          .flat()
          .filter((v) => v !== "" && v !== null),
      ).toEqual([]);
    }
    // A regenerate replaces the summary sheet, and its charts with it.
    const again = await ledger.generate(opts, t, t);
    expect(excel.sheetOrThrow(again.summarySheet).charts).toHaveLength(2);
  });
});
