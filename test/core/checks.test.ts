import { type Finding, type FindingCode, runChecks } from "../../src/core/checks/findings";
import { milestonesDone, taskWarning } from "../../src/core/checks/warnings";
import type { CellValue, Grid } from "../../src/core/read/grid";
import { type DirectoryEntry, UnitDirectory } from "../../src/core/units/directory";
import { listFromGrid, listFromText, sampleText } from "../helpers/build";

const HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"];
const CLEAN: CellValue[][] = [
  [1, "建成城东污水处理厂", "县住建局", "县财政局", "10月底前", "主体完工，正在调试"],
  [2, "完成人工造林1万亩", "县林业局", "县自然资源局", "11月底前", "完成60%"],
  [3, "新增城镇就业2000人", "县人社局", "县财政局", "12月底前", "正在推进"],
  [4, "改造农村公路50公里", "县交通局", "", "9月底前", "已完成"],
];
const USER_DIR: DirectoryEntry[] = [
  "县住房和城乡建设局",
  "县财政局",
  "县林业局",
  "县自然资源和规划局",
  "县人力资源和社会保障局",
  "县交通运输局",
].map((name) => ({ name, aliases: [], kind: "department", source: "user" }));

function check(
  rows: CellValue[][],
  opts: { asOf?: string; header?: CellValue[]; user?: DirectoryEntry[] } = {},
) {
  const grid: Grid = {
    sheet: "清单",
    rows: [["2024年重点任务清单"], opts.header ?? HEADER, ...rows],
    merges: [],
  };
  const directory = UnitDirectory.builtin().withUser(opts.user ?? USER_DIR);
  const list = listFromGrid(grid, { asOf: opts.asOf ?? "2024-07-01", directory });
  return { list, ...runChecks(list, directory, { asOf: opts.asOf ?? "2024-07-01", dueSoonDays: 15 }) };
}
const codes = (fs: Finding[]) => fs.map((f) => f.code);
const only = (fs: Finding[], code: FindingCode) => fs.filter((f) => f.code === code);
const withRow = (i: number, patch: Partial<Record<number, CellValue>>) =>
  CLEAN.map((r, k) => (k === i ? r.map((v, c) => (c in patch ? patch[c]! : v)) : r));

describe("a clean list raises no alarm", () => {
  it("has no findings and every task is green", () => {
    const r = check(CLEAN);
    expect(r.findings).toEqual([]);
    expect(r.warnings).toEqual(["green", "green", "green", "green"]);
  });
});

describe("each finding fires where it should", () => {
  it("MISSING_LEAD: empty, or only a catch-all", () => {
    const r = check(withRow(0, { 2: "" }));
    expect(only(r.findings, "MISSING_LEAD")).toHaveLength(1);
    expect(only(r.findings, "MISSING_LEAD")[0]).toMatchObject({
      severity: "error",
      taskId: "1",
      ref: { sheet: "清单", row: 3, col: 3 },
    });
    expect(codes(check(withRow(0, { 2: "各成员单位" })).findings)).toContain("MISSING_LEAD");
  });

  it("MULTIPLE_LEADS", () => {
    expect(
      only(check(withRow(0, { 2: "县住建局、县财政局", 3: "" })).findings, "MULTIPLE_LEADS")[0],
    ).toMatchObject({ severity: "info" });
  });

  it("UNKNOWN_UNIT, once per unit, with a suggestion when one is near", () => {
    const r = check(
      [
        ...CLEAN,
        [5, "任务五", "县水务局", "", "12月底", "正在推进"],
        [6, "任务六", "县水务局", "", "12月底", "正在推进"],
      ],
      {
        user: [...USER_DIR, { name: "县水利局", aliases: [], kind: "department", source: "user" }],
      },
    );
    const f = only(r.findings, "UNKNOWN_UNIT");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: "warning",
      department: "县水务局",
      suggestion: "县水利局",
      taskId: "5",
    });
  });

  it("PROBABLE_TYPO with the right name suggested", () => {
    const f = only(check(withRow(0, { 3: "县财政局、县文化和旅旅局" })).findings, "PROBABLE_TYPO");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ suggestion: "县文化和旅游局", params: { raw: "县文化和旅旅局" } });
  });

  it("ALIAS_MIXED when one unit is written several ways", () => {
    const f = only(
      check(
        withRow(1, { 3: "县自然资源和规划局" }).concat([
          [5, "任务五", "县自然资源局", "", "12月底", "正在推进"],
        ]),
      ).findings,
      "ALIAS_MIXED",
    );
    expect(f[0]).toMatchObject({ department: "县自然资源和规划局", severity: "info" });
  });

  it("VAGUE_RESPONSIBILITY for 等相关部门 / 各有关单位, not for 各镇", () => {
    expect(
      only(check(withRow(0, { 3: "县财政局等相关部门" })).findings, "VAGUE_RESPONSIBILITY"),
    ).toHaveLength(1);
    expect(only(check(withRow(0, { 3: "县财政局，各镇" })).findings, "VAGUE_RESPONSIBILITY")).toHaveLength(0);
  });

  it("LEAD_ALSO_COOPERATING", () => {
    expect(only(check(withRow(0, { 3: "县住建局" })).findings, "LEAD_ALSO_COOPERATING")[0]).toMatchObject({
      department: "县住房和城乡建设局",
    });
  });

  it("UNCOVERED_UNIT for a directory unit with no task", () => {
    const f = only(
      check(CLEAN, {
        user: [...USER_DIR, { name: "县审计局", aliases: [], kind: "department", source: "user" }],
      }).findings,
      "UNCOVERED_UNIT",
    );
    expect(f).toEqual([expect.objectContaining({ department: "县审计局", taskId: null })]);
  });

  it("OVERLOADED_UNIT when one unit leads far more than the others", () => {
    const units = ["县财政局", "县林业局", "县人社局", "县交通局", "县住建局"];
    const rows: CellValue[][] = [];
    units.forEach((u, i) => rows.push([rows.length + 1, `任务${i}`, u, "", "12月底", "正在推进"]));
    for (let i = 0; i < 12; i++)
      rows.push([rows.length + 1, `发改任务${i}`, "县发改局", "", "12月底", "正在推进"]);
    const f = only(check(rows, { user: [] }).findings, "OVERLOADED_UNIT");
    expect(f).toEqual([
      expect.objectContaining({
        department: "县发展和改革局",
        params: expect.objectContaining({ lead: 12 }),
      }),
    ]);
  });

  it("MISSING_DEADLINE, UNPARSED_DEADLINE (text quoted), DEADLINE_OUTSIDE_YEAR", () => {
    expect(only(check(withRow(0, { 4: "" })).findings, "MISSING_DEADLINE")).toHaveLength(1);
    expect(only(check(withRow(0, { 4: "视情况而定" })).findings, "UNPARSED_DEADLINE")[0]).toMatchObject({
      params: { text: "视情况而定" },
    });
    expect(only(check(withRow(0, { 4: "2204年10月底" })).findings, "DEADLINE_OUTSIDE_YEAR")[0]).toMatchObject(
      { params: { due: "2204-10-31" } },
    );
    expect(codes(check(withRow(0, { 4: "长期坚持" })).findings)).not.toContain("MISSING_DEADLINE");
    expect(codes(check(withRow(0, { 4: "每季度" })).findings)).not.toContain("MISSING_DEADLINE");
  });

  it("OVERDUE (red) with days overdue, not for done tasks", () => {
    const r = check(withRow(0, { 4: "6月20日前" }));
    expect(only(r.findings, "OVERDUE")[0]).toMatchObject({
      severity: "error",
      params: { days: 11, due: "2024-06-20" },
      department: "县住房和城乡建设局",
    });
    expect(r.warnings[0]).toBe("red");
    expect(codes(check(withRow(3, { 4: "6月20日前" })).findings)).not.toContain("OVERDUE");
  });

  it("DUE_SOON (blue) within the window", () => {
    const r = check(withRow(0, { 4: "7月10日前" }));
    expect(only(r.findings, "DUE_SOON")[0]).toMatchObject({ params: { days: 9 } });
    expect(r.warnings[0]).toBe("blue");
  });

  it("BEHIND_SCHEDULE (yellow): the status says so, or the percentage trails the time", () => {
    expect(check(withRow(0, { 5: "进度滞后" })).warnings[0]).toBe("yellow");
    expect(codes(check(withRow(0, { 4: "8月底", 5: "完成10%" })).findings)).toContain("BEHIND_SCHEDULE");
    expect(codes(check(withRow(0, { 4: "12月底", 5: "完成45%" })).findings)).not.toContain("BEHIND_SCHEDULE");
  });

  it("NO_PROGRESS past the first reporting point, only where the list has a progress column", () => {
    expect(only(check(withRow(0, { 5: "" })).findings, "NO_PROGRESS")).toHaveLength(1);
    expect(only(check(withRow(0, { 5: "" }), { asOf: "2024-01-15" }).findings, "NO_PROGRESS")).toHaveLength(
      0,
    );
  });

  it("DUPLICATE_TASK when the slip is in a title's first character, among many titles", () => {
    // Forwards, other titles sort between the two; the slip is found by the reversed order.
    const others = ["持续", "指导", "按期", "挖掘", "振兴", "探索", "控制", "排查"].map(
      (verb, i): CellValue[] => [
        10 + i,
        `${verb}乡村产业振兴示范区建设第${"一二三四五六七八"[i]}批`,
        "县住建局",
        "",
        "12月底前",
        "正在推进",
      ],
    );
    const r = check([
      ...CLEAN,
      [5, "推进城乡供水一体化工程建设", "县住建局", "", "12月底前", "正在推进"],
      ...others,
      [6, "拖进城乡供水一体化工程建设", "县住建局", "", "12月底前", "正在推进"],
    ]);
    expect(only(r.findings, "DUPLICATE_TASK").map((f) => [f.taskId, f.params.other])).toEqual([["6", "5"]]);
  });

  it("DUPLICATE_ID in the same section; DUPLICATE_TASK for the same or nearly the same title", () => {
    const r = check([
      ...CLEAN,
      [4, "建成城东污水处理厂。", "县住建局", "", "12月底", "正在推进"],
      [5, "完成人工造林1万亩地", "县林业局", "", "12月底", "正在推进"],
    ]);
    expect(only(r.findings, "DUPLICATE_ID")).toEqual([
      expect.objectContaining({ taskId: "4", severity: "error" }),
    ]);
    expect(
      only(r.findings, "DUPLICATE_TASK")
        .map((f) => [f.taskId, f.params.other])
        .sort(),
    ).toEqual([
      ["4", "1"],
      ["5", "2"],
    ]);
  });

  it("CELL_ERROR for #REF! and #N/A in a mapped column", () => {
    const f = only(check(withRow(0, { 3: { error: "#N/A" } })).findings, "CELL_ERROR");
    expect(f[0]).toMatchObject({ ref: { row: 3, col: 4 }, params: { value: "#N/A" } });
  });
});

describe("warning colours", () => {
  it("milestone sets use the first milestone not yet done when the status says which", () => {
    const rows = withRow(0, { 4: "①5月底前完成设计②8月底前完成主体③11月底前投用", 5: "①已完成" });
    const r = check(rows);
    expect(r.warnings[0]).toBe("green");
    const late = check(withRow(0, { 4: "①5月底前完成设计②6月底前完成主体③11月底前投用", 5: "①已完成" }));
    expect(late.warnings[0]).toBe("red");
    expect(milestonesDone("①②已完成")).toBe(2);
    expect(milestonesDone("正在推进")).toBeNull();
  });

  it("recurring tasks use their next due date", () => {
    const { list } = check(withRow(0, { 4: "每月25日前" }));
    expect(taskWarning(list.tasks[0]!, 2024, { asOf: "2024-07-20", dueSoonDays: 15 })).toBe("blue");
  });

  it("none when there is no due date", () => {
    expect(check(withRow(0, { 4: "" })).warnings[0]).toBe("none");
  });
});

describe("the sample list as of 2024-07-01", () => {
  const directory = UnitDirectory.builtin();
  const list = listFromText(sampleText(), { asOf: "2024-07-01" });
  const { findings } = runChecks(list, directory, { asOf: "2024-07-01", dueSoonDays: 15 });
  const ids = (code: FindingCode) => findings.filter((f) => f.code === code).map((f) => f.taskId);

  it("task 1 and every task whose only responsibility is the leading group's members lack a lead", () => {
    expect(ids("MISSING_LEAD")).toEqual(["1", "19", "20", "21", "22"]);
  });

  it("the misspelled 县文化和旅旅局 is a probable typo of 县文化和旅游局", () => {
    expect(findings.filter((f) => f.code === "PROBABLE_TYPO")).toEqual([
      expect.objectContaining({
        taskId: "16",
        suggestion: "县文化和旅游局",
        params: { raw: "县文化和旅旅局", unit: "县文化和旅游局" },
      }),
    ]);
  });

  it("tasks with 等相关部门 are vague", () => {
    const withDeng = list.tasks.filter((t) => /等相关部门/.test(t.responsibilityText)).map((t) => t.id);
    expect(withDeng.length).toBeGreaterThan(5);
    for (const id of withDeng) expect(ids("VAGUE_RESPONSIBILITY")).toContain(id);
  });

  it("tasks with no deadline words miss a deadline; 19 and 22 recur; task 4 is due at year end", () => {
    const withWords = ["4", "12", "16", "17", "19", "22"];
    expect(ids("MISSING_DEADLINE")).toEqual(
      list.tasks.map((t) => t.id).filter((id) => !withWords.includes(id)),
    );
    expect(list.tasks[18]!.deadline).toMatchObject({ kind: "recurring", cadence: "quarterly" });
    expect(list.tasks[21]!.deadline).toMatchObject({ kind: "recurring", cadence: "quarterly" });
    expect(list.tasks[3]!.deadline.due).toBe("2024-12-31");
  });
});

describe("scale", () => {
  it("checks 10,000 tasks with typos among 500 units without quadratic steps", () => {
    const lines: string[] = ["2024年重点任务清单"];
    const units = Array.from({ length: 500 }, (_, i) => `县第${i}号服务中心`);
    for (let i = 0; i < 10_000; i++) {
      const lead = units[i % 500]!;
      const typo = i === 4321 ? "县第1号服务中兴" : units[(i * 7) % 500]!;
      lines.push(`${i + 1}.任务${i}推进工作第${i}项。（${lead}、${typo}，各镇）`);
    }
    const list = listFromText(lines.join("\n"));
    const { findings } = runChecks(list, UnitDirectory.builtin(), { asOf: "2024-07-01", dueSoonDays: 15 });
    expect(list.tasks).toHaveLength(10_000);
    expect(findings.filter((f) => f.code === "PROBABLE_TYPO")).toEqual([
      expect.objectContaining({ taskId: "4322", suggestion: "县第1号服务中心" }),
    ]);
    // Units that differ only by a number are different units, never typos of each other.
    expect(list.tasks[0]!.lead[0]).toMatchObject({ name: "县第0号服务中心", via: "unknown" });
    expect(list.tasks[0]!.lead[0]!.nearest).toBeUndefined();
  });
});
