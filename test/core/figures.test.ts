import { runChecks } from "../../src/core/checks/findings";
import { totals } from "../../src/core/report/figures";
import { tallyUnits, worstFirst } from "../../src/core/units/tally";
import { UnitDirectory } from "../../src/core/units/directory";
import { listFromGrid } from "../helpers/build";

describe("leaders' figures", () => {
  const list = listFromGrid({
    sheet: "S",
    rows: [
      ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"],
      [1, "任务一", "县财政局", "县审计局", "6月20日前", "正在推进"],
      [2, "任务二", "县财政局", "", "12月底前", "已完成"],
      [3, "任务三", "县审计局", "县财政局", "7月10日前", ""],
      [4, "任务四", "县林业局", "", "12月底前", "正在推进"],
    ],
    merges: [],
  });
  const { warnings } = runChecks(list, UnitDirectory.builtin(), { asOf: "2024-07-01", dueSoonDays: 15 });

  it("count the whole list", () => {
    expect(totals(list, warnings)).toEqual({
      tasks: 4,
      done: 1,
      inProgress: 2,
      notStarted: 0,
      notReported: 0,
      noReport: 1,
      overdue: 1,
      dueSoon: 1,
      behind: 0,
      rate: 0.25,
    });
  });

  it("put the units with the most overdue first, then due soon, then the lowest rate", () => {
    expect(
      tallyUnits(list, warnings)
        .sort(worstFirst)
        .map((u) => [u.name, u.lead, u.cooperating, u.done, u.overdue, u.dueSoon, u.rate, u.worst]),
    ).toEqual([
      ["县财政局", 2, 1, 1, 1, 0, 0.5, "red"],
      ["县审计局", 1, 1, 0, 0, 1, 0, "blue"],
      ["县林业局", 1, 0, 0, 0, 0, 0, "green"],
    ]);
  });
});
