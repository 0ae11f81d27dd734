import { parseStatus } from "../../src/core/status/parse";

describe("status words", () => {
  it.each([
    ["已完成", "done"],
    ["已办结", "done"],
    ["已落实", "done"],
    ["正在办理", "in_progress"],
    ["正在落实", "in_progress"],
    ["达序推进", "in_progress"],
    ["未启动", "not_started"],
    ["进度滞后", "behind"],
    ["严重滞后", "behind"],
    ["80%（某项目进度滞后）", "behind"],
    ["完成60%", "in_progress"],
    ["100%", "done"],
    ["", "unknown"],
  ])("%s → %s", (text, state) => {
    expect(parseStatus(text).state).toBe(state);
  });

  it("keeps the percentage when written", () => {
    expect(parseStatus("80%（某项目进度滞后）").percent).toBe(80);
    expect(parseStatus("正在推进").percent).toBeNull();
  });

  it("是否达序: 否 is behind, 是 is in progress", () => {
    expect(parseStatus("", "否").state).toBe("behind");
    expect(parseStatus("", "是").state).toBe("in_progress");
    expect(parseStatus("已完成", "否").state).toBe("done");
  });
});

describe("status words offices write in 工作评价 / 完成情况 / 进度 columns (issue 14)", () => {
  it.each([
    ["顺利推进", "in_progress"],
    ["稳步推进", "in_progress"],
    ["有序推进", "in_progress"],
    ["加快推进", "in_progress"],
    ["已开工", "in_progress"],
    ["已竣工", "done"],
    ["已投用", "done"],
    ["已办结", "done"],
    ["基本完成", "in_progress"],
  ])("%s → %s", (text, state) => {
    expect(parseStatus(text).state).toBe(state);
  });
});
