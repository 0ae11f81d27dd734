/**
 * Completion over periods, and the summary's line chart over it: each period's completion counts
 * the reports of that period and earlier only; with one period there is no line chart, with two
 * or more the chart's categories and values are the summary's own cells holding them.
 */
import { runChecks } from "../../../src/core/checks/findings";
import { taskKey } from "../../../src/core/cycle/key";
import type { ProgressReport } from "../../../src/core/cycle/reports";
import { completionOverPeriods } from "../../../src/core/cycle/trend";
import { buildPlan } from "../../../src/core/plan/build";
import type { PlanCell, RangeOut } from "../../../src/core/plan/model";
import { UnitDirectory } from "../../../src/core/units/directory";
import { translator } from "../../../src/i18n";
import { listFromGrid } from "../../helpers/build";

const list = listFromGrid({
  sheet: "S",
  merges: [],
  rows: [
    ["序号", "重点任务", "牵头单位", "完成时限", "进展情况"],
    [1, "任务一", "县财政局", "12月底前", "正在推进"],
    [2, "任务二", "县财政局", "12月底前", "正在推进"],
    [3, "任务三", "县审计局", "12月底前", "正在推进"],
    [4, "任务四", "县林业局", "12月底前", "已完成"],
  ],
});

function done(period: string, i: number, unit: string): ProgressReport {
  const task = list.tasks[i]!;
  return {
    period,
    unit,
    key: taskKey(task),
    taskId: task.id,
    title: task.title,
    progress: "已完成",
    percent: 100,
    onSchedule: "是",
    problems: "",
    nextSteps: "",
    reporter: "",
    received: `${period}-25`,
    file: "x.xlsx",
    source: "return",
    state: "taken",
    reason: "",
  };
}

const reports = [
  done("2024-06", 0, "县财政局"),
  done("2024-07", 1, "县财政局"),
  done("2024-08", 2, "县审计局"),
];

describe("completion over periods", () => {
  it("counts at each period's end only the reports of that period and before", () => {
    expect(completionOverPeriods(list, reports, { period: "2024-08" })).toEqual([
      { period: "2024-06", rate: 0.5 },
      { period: "2024-07", rate: 0.75 },
      { period: "2024-08", rate: 1 },
    ]);
    // A later period's reports do not reach back into an earlier current period.
    expect(completionOverPeriods(list, reports, { period: "2024-07" }).map((p) => p.rate)).toEqual([
      0.5, 0.75,
    ]);
  });

  it("is empty with a single period", () => {
    expect(completionOverPeriods(list, [], { period: "2024-07" })).toEqual([]);
    expect(completionOverPeriods(list, [done("2024-07", 0, "县财政局")], { period: "2024-07" })).toEqual([]);
  });

  it("becomes the summary's line chart over its own cells; none without a trend", () => {
    const t = translator("zh-CN");
    const checks = runChecks(list, UnitDirectory.builtin(), { asOf: "2024-08-31", dueSoonDays: 15 });
    const plan = (trend?: ReturnType<typeof completionOverPeriods>) =>
      buildPlan({
        list,
        checks,
        asOf: "2024-08-31",
        dueSoonDays: 15,
        lang: "zh-CN",
        asOfText: "2024年8月31日",
        t,
        tr: t,
        userSheets: ["S"],
        includeListSheet: false,
        includeDirectory: false,
        ...(trend ? { trend } : {}),
      }).sheets.find((s) => s.role === "summary")!;
    expect(plan().charts!.map((c) => c.kind)).toEqual(["bar", "pie"]);
    const trend = completionOverPeriods(list, reports, { period: "2024-08" });
    const summary = plan(trend);
    const line = summary.charts!.find((c) => c.kind === "line")!;
    expect(line.title).toBe("各期任务完成率");
    const cells = (r: RangeOut) =>
      summary.rows.slice(r.top - 1, r.bottom).map((row) => (row[r.left - 1] as PlanCell | null)?.v);
    expect(line.categories.sheet).toBe(summary.name);
    expect(cells(line.categories)).toEqual(["2024-06", "2024-07", "2024-08"]);
    expect(cells(line.series[0]!.values)).toEqual([0.5, 0.75, 1]);
    // Each chart covers only empty rows.
    for (const c of summary.charts!)
      expect(
        summary.rows
          .slice(c.anchor.top - 1, c.anchor.bottom)
          .flat()
          .filter(Boolean),
      ).toEqual([]);
  });
});
