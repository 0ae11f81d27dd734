import { runChecks } from "../../../src/core/checks/findings";
import { REASONS, collectReturns } from "../../../src/core/cycle/collect";
import { listCycle } from "../../../src/core/cycle/cycle";
import { ledgerReports } from "../../../src/core/cycle/ledger-reports";
import { FORM_COL } from "../../../src/core/cycle/form";
import { taskKey } from "../../../src/core/cycle/key";
import type { ProgressReport } from "../../../src/core/cycle/reports";
import { buildPlan } from "../../../src/core/plan/build";
import type { CellValue, Grid } from "../../../src/core/read/grid";
import { UnitDirectory } from "../../../src/core/units/directory";
import { translator } from "../../../src/i18n";
import { listFromGrid } from "../../helpers/build";

const t = translator("zh-CN");
const rows = [
  ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"],
  [1, "建成城东污水处理厂", "县住建局", "县财政局", "10月底前", ""],
  [2, "新建公厕8座", "县住建局", "", "9月底前", ""],
  [3, "完成人工造林1万亩", "县林业局", "", "12月底前", ""],
];
const list = listFromGrid({ sheet: "清单", rows, merges: [] });

/** The 住建局 form for a period, as a unit returns it: `fill` writes into its task rows. */
function returned(period: string, fill: (row: CellValue[], title: string) => void): Grid {
  const checks = runChecks(list, UnitDirectory.builtin(), { asOf: `${period}-20`, dueSoonDays: 15 });
  const plan = buildPlan({
    list,
    checks,
    asOf: `${period}-20`,
    dueSoonDays: 15,
    lang: "zh-CN",
    asOfText: "",
    t,
    tr: t,
    userSheets: [],
    includeListSheet: false,
    includeDirectory: false,
    ledgerId: "L1",
    cycle: listCycle(list, [], { asOf: `${period}-20` }),
  });
  const sheet = plan.sheets.find((s) => s.unit === "县住房和城乡建设局")!;
  const grid = sheet.rows.map((r) => r.map((c) => (c ? (c.v as CellValue) : null)));
  for (const row of grid.slice(7)) fill(row, String(row[FORM_COL.title - 1]));
  return { sheet: sheet.name, rows: grid, merges: [] };
}

const view = (grid: Grid) => ({ sheets: [{ name: grid.sheet, visible: true }], grid: () => grid });
const june: ProgressReport = {
  period: "2024-06",
  unit: "县住房和城乡建设局",
  key: taskKey(list.tasks[0]!),
  taskId: "1",
  title: "建成城东污水处理厂",
  progress: "主体完工",
  percent: 60,
  onSchedule: "是",
  problems: "",
  nextSteps: "",
  reporter: "",
  received: "2024-06-25",
  file: "6月.xlsx",
  source: "return",
  state: "taken",
  reason: "",
};

describe("collecting returns", () => {
  it("names rows copied unchanged from the last period, and takes them", () => {
    const grid = returned("2024-07", (row, title) => {
      if (title !== "建成城东污水处理厂") return;
      row[FORM_COL.progress - 1] = "主体完工";
      row[FORM_COL.percent - 1] = 60;
      row[FORM_COL.onSchedule - 1] = "是";
    });
    const r = collectReturns(list, [june], [{ file: "7月.xlsx", view: view(grid) }], {
      ledgerId: "L1",
      period: "2024-07",
      received: "2024-07-26",
    });
    expect(r.report.unchanged).toEqual([{ unit: "县住房和城乡建设局", taskId: "1" }]);
    expect(r.report.received).toEqual([{ unit: "县住房和城乡建设局", file: "7月.xlsx", rows: 1 }]);
    expect(r.report.missing).toEqual(["县林业局"]);
    expect(r.reports).toHaveLength(2);
  });

  it("falls back to id and title when the key is lost; a changed task text is a conflict, kept", () => {
    const grid = returned("2024-07", (row, title) => {
      row[FORM_COL.progress - 1] = `${title}进展`;
      // The identity cell lost its key (pasted over), or the ledger's task text has changed since.
      row[FORM_COL.identity - 1] = String(row[FORM_COL.identity - 1]).replace(/[0-9a-f]{8}$/, "00000000");
      if (title === "新建公厕8座") row[FORM_COL.title - 1] = "新建公厕10座";
    });
    const r = collectReturns(list, [], [{ file: "7月.xlsx", view: view(grid) }], {
      ledgerId: "L1",
      period: "2024-07",
      received: "2024-07-26",
    });
    expect(r.report.received).toEqual([{ unit: "县住房和城乡建设局", file: "7月.xlsx", rows: 1 }]);
    expect(r.report.conflicts).toEqual([
      { file: "7月.xlsx", unit: "县住房和城乡建设局", taskId: "2", reason: REASONS.textChanged },
    ]);
    const taken = r.reports.find((x) => x.state === "taken")!;
    expect(taken.key).toBe(taskKey(list.tasks[0]!));
    expect(r.reports.find((x) => x.state === "conflict")).toMatchObject({
      progress: "新建公厕8座进展",
      title: "新建公厕10座",
    });
  });

  it("rejects a form of another period, keeping its rows marked", () => {
    const grid = returned("2024-06", (row) => (row[FORM_COL.progress - 1] = "迟交的六月进展"));
    const r = collectReturns(list, [], [{ file: "6月迟交.xlsx", view: view(grid) }], {
      ledgerId: "L1",
      period: "2024-07",
      received: "2024-07-26",
    });
    expect(r.report.rejected).toEqual([{ file: "6月迟交.xlsx", reason: "报送期为 2024-06，本期为 2024-07" }]);
    expect(r.report.received).toEqual([]);
    expect(r.reports.every((x) => x.state === "rejected")).toBe(true);
    expect(r.reports).toHaveLength(2);
  });
});

describe("a ledger written before the return form", () => {
  it("counts progress typed into the old 进展情况 column, matched by id and title, for the current period", () => {
    const legacy = new Map([
      ["县住房和城乡建设局", [{ id: "2", section: "", title: "新建公厕8座", progress: "已选址5处" }]],
    ]);
    const reports = ledgerReports({ history: [], forms: [], legacy }, list, {
      asOf: "2024-07-05",
      period: "2024-07",
    });
    expect(reports).toEqual([
      expect.objectContaining({
        period: "2024-07",
        unit: "县住房和城乡建设局",
        key: taskKey(list.tasks[1]!),
        progress: "已选址5处",
        source: "unit-sheet",
        state: "taken",
      }),
    ]);
  });
});
