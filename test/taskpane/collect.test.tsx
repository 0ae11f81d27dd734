/**
 * The pane's 收集 step, through the Excel port: a ledger generated in (fake) Excel, a unit's sheet
 * copied out and filled in with ExcelJS as the unit would, a second unit's return re-sorted, a
 * file that is no workbook; the picked files collected the way the step does (`collectPicked`).
 */
import ExcelJS from "exceljs";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { SessionState } from "../../src/app/session";
import { Pane, type PaneContext } from "../../src/taskpane/context";
import { SummaryStep } from "../../src/taskpane/steps/SummaryStep";
import { FORM_COL, FORM_HEADER_ROW } from "../../src/core/cycle/form";
import { translator } from "../../src/i18n";
import { collectPicked } from "../../src/taskpane/collect";
import { createExcelLedger } from "../../src/workbook/excel-api/ledger";
import { FakeExcel } from "../fake-excel/fake-excel";

const t = translator("zh-CN");
const LIST: (string | number | null)[][] = [
  ["2024年重点任务清单"],
  ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"],
  [1, "建成城东污水处理厂", "县住建局", "县财政局", "10月底前", "正在推进"],
  [2, "整治城区黑臭水体", "县财政局", "", "6月底前", "正在推进"],
  [3, "完成人工造林1万亩", "县林业局", "县财政局", "12月底前", ""],
  [4, "新建公厕8座", "县住建局", "", "9月底前", ""],
];
const FLAGS = { asOf: "2024-07-20", dueSoonDays: 15 };

/** A unit sheet of the ledger saved as its own workbook (as a unit copies it out), filled in. */
async function returned(
  excel: FakeExcel,
  sheet: string,
  fill: Record<string, [string, number, string]>,
  reverse = false,
): Promise<Uint8Array> {
  const rows = excel.values(sheet).map((r) => r.map((v) => (v !== null && typeof v === "object" ? null : v)));
  const head = rows.slice(0, FORM_HEADER_ROW);
  const body = rows.slice(FORM_HEADER_ROW);
  if (reverse) body.reverse();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  [...head, ...body].forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
    });
    const title = row[FORM_COL.title - 1];
    const f = typeof title === "string" ? fill[title] : undefined;
    if (f && r >= FORM_HEADER_ROW) {
      ws.getCell(r + 1, FORM_COL.progress).value = f[0];
      ws.getCell(r + 1, FORM_COL.percent).value = f[1];
      ws.getCell(r + 1, FORM_COL.onSchedule).value = f[2];
    }
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const text = (html: string) => html.replace(/<[^>]*>/g, "");

function summary(state: SessionState): string {
  const ctx = { state, t, lang: "zh-CN" } as unknown as PaneContext;
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <Pane.Provider value={ctx}>
        <SummaryStep />
      </Pane.Provider>
    </FluentProvider>,
  );
}

describe("the pane's 收集 step over the open workbook", () => {
  it("takes the picked returns into 进展记录, names who did not report, and the state follows", async () => {
    const excel = new FakeExcel({ excelApi: "1.9" });
    excel.loadSheet("清单", LIST);
    const session = createExcelLedger(excel.run, excel);
    await session.read(FLAGS);
    await session.generate({ ...FLAGS, lang: "zh-CN", asOfText: "2024年7月20日", townSheets: false }, t, t);
    expect(excel.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["县住房和城乡建设局", "县财政局", "县林业局"]),
    );

    const housing = await returned(excel, "县住房和城乡建设局", {
      建成城东污水处理厂: ["主体完工，正在安装设备", 80, "是"],
      新建公厕8座: ["3座正在施工", 30, "否"],
    });
    const finance = await returned(excel, "县财政局", { 整治城区黑臭水体: ["已完成", 100, "是"] }, true);
    const ledgerBefore = JSON.stringify(excel.values("清单"));
    const picked = [
      { name: "住建局6月.xlsx", bytes: housing },
      { name: "财政局-回执.xlsx", bytes: finance },
      { name: "说明.xlsx", bytes: new TextEncoder().encode("not a workbook") },
    ];
    const copies = picked.map((f) => f.bytes.slice());
    const r = await collectPicked(session, picked, FLAGS, "zh-CN");

    expect(r.written).toBe(true);
    expect(r.report.received.map((x) => [x.unit, x.file]).sort()).toEqual([
      ["县住房和城乡建设局", "住建局6月.xlsx"],
      ["县财政局", "财政局-回执.xlsx"],
    ]);
    expect(r.report.missing).toEqual(["县林业局"]);
    expect(r.report.rejected.map((x) => x.file)).toEqual(["说明.xlsx"]);
    expect(r.report.rejected[0]!.reason).toMatch(/not a ZIP package/);
    // The returned files are only read; the clerk's list is untouched.
    expect(picked.map((f) => Buffer.from(f.bytes).equals(Buffer.from(copies[picked.indexOf(f)]!)))).toEqual([
      true,
      true,
      true,
    ]);
    expect(JSON.stringify(excel.values("清单"))).toBe(ledgerBefore);

    // 进展记录 holds every reported row; the unit sheets are return forms again.
    const history = excel.values("进展记录").flat();
    expect(history).toEqual(expect.arrayContaining(["主体完工，正在安装设备", "3座正在施工", "已完成"]));
    expect(excel.sheetOrThrow("县住房和城乡建设局").protected).toBe(true);

    // (The list says 县住建局; the directory knows it as 县住房和城乡建设局, its sheet's name.)
    // The state the pane shows next: who reported, who did not, who is behind.
    const state = await session.read(FLAGS);
    const unit = (name: string) => state.units.find((u) => u.name === name)!;
    expect([
      unit("县住房和城乡建设局").reported,
      unit("县财政局").reported,
      unit("县林业局").reported,
    ]).toEqual([true, true, false]);
    expect(unit("县林业局").notReported).toBe(1);
    expect(unit("县住房和城乡建设局").behind).toBeGreaterThan(0);

    // 汇总 in the pane says what the summary sheet says.
    const html = summary(state);
    const sheetText = excel
      .values("汇总")
      .flat()
      .filter((v): v is string => typeof v === "string");
    const reportingLine = sheetText.find((x) => x.includes("未报送单位"))!;
    expect(reportingLine).toMatch(/县林业局/);
    expect(text(html)).toContain(reportingLine);
    const cell = (label: string) => new RegExp(`${label}</span><span[^>]*>(\\d+)<`).exec(html)?.[1];
    expect([cell("未报送"), cell("滞后")]).toEqual([
      String(state.totals.notReported),
      String(state.totals.behind),
    ]);
    expect(state.totals.notReported).toBe(1);
    // Worst first, as the sheet's table: the unit behind, then the one that did not report.
    const table = html.slice(html.indexOf('data-testid="summary-units"'));
    const rows = [
      ...table
        .slice(0, table.indexOf("</table>"))
        .matchAll(/<tr><th scope="row">([^<]+)<\/th>((?:<td[^>]*>[^<]*<\/td>)+)/g),
    ].map((m) => [m[1], ...[...m[2]!.matchAll(/>([^<]*)<\/td>/g)].map((x) => x[1])]);
    expect(rows).toEqual([
      ["县住房和城乡建设局", "0", "1", "0", "0%"],
      ["县林业局", "0", "0", "1", "0%"],
      ["县财政局", "0", "0", "0", "100%"],
    ]);

    // The same files again change nothing in 进展记录.
    const before = JSON.stringify(excel.values("进展记录"));
    await collectPicked(session, picked, FLAGS, "zh-CN");
    expect(JSON.stringify(excel.values("进展记录"))).toBe(before);
  });
});
