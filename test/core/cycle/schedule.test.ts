import fc from "fast-check";
import { runChecks } from "../../../src/core/checks/findings";
import { expectedProgress } from "../../../src/core/cycle/schedule";
import { totals } from "../../../src/core/report/figures";
import { parseStatus } from "../../../src/core/status/parse";
import { UnitDirectory } from "../../../src/core/units/directory";
import { listFromGrid } from "../../helpers/build";

describe("序时进度", () => {
  it("is the elapsed share of the task's span", () => {
    // January to November of a task due at the end of December (2023: 365 days).
    expect(expectedProgress("2023-01-01", "2023-12-31", "2023-11-30")).toBe(91.5);
    expect(expectedProgress("2024-01-01", "2024-12-31", "2024-07-01")).toBe(50);
    expect(expectedProgress("2024-01-01", "2024-06-30", "2024-08-01")).toBe(100);
    expect(expectedProgress("2024-03-01", "2024-06-30", "2024-02-01")).toBe(0);
    expect(expectedProgress("2024-01-01", null, "2024-02-01")).toBeNull();
  });

  it("stays between 0 and 100 and never falls as time passes", () => {
    const day = fc.integer({ min: 0, max: 700 }).map((n) => {
      const d = new Date(Date.UTC(2024, 0, 1 + n));
      return d.toISOString().slice(0, 10);
    });
    fc.assert(
      fc.property(day, day, day, (due, a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        const ex = expectedProgress("2024-01-01", due, x)!;
        const ey = expectedProgress("2024-01-01", due, y)!;
        expect(ex).toBeGreaterThanOrEqual(0);
        expect(ey).toBeLessThanOrEqual(100);
        expect(ey).toBeGreaterThanOrEqual(ex);
      }),
    );
  });
});

describe("status against 序时", () => {
  const list = listFromGrid({
    sheet: "S",
    rows: [
      ["序号", "重点任务", "牵头单位", "完成时限", "进展情况", "是否达序"],
      [1, "任务一", "县财政局", "12月底前", "完成40%", ""],
      [2, "任务二", "县财政局", "12月底前", "完成55%", ""],
      [3, "任务三", "县审计局", "12月底前", "正在推进", "否"],
      [4, "任务四", "县审计局", "12月底前", "主体完工", ""],
      [5, "任务五", "县林业局", "12月底前", "一季度完成投资12亿元", ""],
      [6, "任务六", "县林业局", "3月底前", "正在推进", ""],
      [7, "任务七", "县林业局", "7月10日前", "正在推进", ""],
      [8, "任务八", "县林业局", "3月底前", "已完成", ""],
      [9, "任务九", "县林业局", "12月底前", "", ""],
    ],
    merges: [],
  });
  const { warnings } = runChecks(list, UnitDirectory.builtin(), { asOf: "2024-07-01", dueSoonDays: 15 });

  it("is yellow more than 10 points behind 序时 or when the unit says 否; red, blue and green as before", () => {
    // 序时 is 50% on 1 July: 40% trails it by 10 points (not more), 55% leads it.
    expect(warnings).toEqual(["green", "green", "yellow", "green", "green", "red", "blue", "green", "green"]);
    const strict = runChecks(list, UnitDirectory.builtin(), {
      asOf: "2024-07-01",
      dueSoonDays: 15,
      behindPoints: 5,
    });
    expect(strict.warnings[0]).toBe("yellow");
  });

  it("counts progress it cannot classify as in progress, text kept; every task counted once", () => {
    expect(parseStatus("主体完工")).toEqual({ text: "主体完工", state: "in_progress", percent: null });
    expect(parseStatus("一季度完成投资12亿元").state).toBe("in_progress");
    const tot = totals(list, warnings);
    expect(tot.done + tot.inProgress + tot.notStarted + tot.notReported + tot.noReport).toBe(tot.tasks);
    expect(tot).toMatchObject({ done: 1, inProgress: 7, noReport: 1, behind: 1 });
  });
});
