import fc from "fast-check";
import { runChecks } from "../../../src/core/checks/findings";
import { listCycle } from "../../../src/core/cycle/cycle";
import { FORM_COL, readForm } from "../../../src/core/cycle/form";
import { readHistory } from "../../../src/core/cycle/history";
import { taskKey } from "../../../src/core/cycle/key";
import { type ProgressReport, applyReports, mergeReports } from "../../../src/core/cycle/reports";
import { buildPlan } from "../../../src/core/plan/build";
import type { SheetPlan } from "../../../src/core/plan/model";
import type { CellValue, Grid } from "../../../src/core/read/grid";
import { UnitDirectory } from "../../../src/core/units/directory";
import { translator } from "../../../src/i18n";
import { listFromGrid, listFromText, sampleText } from "../../helpers/build";

const t = translator("zh-CN");
const list = listFromText(sampleText());
const checks = runChecks(list, UnitDirectory.builtin(), { asOf: "2024-07-01", dueSoonDays: 15 });
const plan = buildPlan({
  list,
  checks,
  asOf: "2024-07-01",
  dueSoonDays: 15,
  lang: "zh-CN",
  asOfText: "2024年7月1日",
  t,
  tr: t,
  userSheets: [],
  includeListSheet: false,
  includeDirectory: false,
  ledgerId: "L12345678",
  cycle: listCycle(list, [], { asOf: "2024-07-01" }),
});
const gridOf = (s: SheetPlan): Grid => ({
  sheet: s.name,
  rows: s.rows.map((r) => r.map((c) => (c ? (c.v as CellValue) : null))),
  merges: s.merges,
});
const unit = plan.sheets.find((s) => s.unit === "县乡村振兴局")!;

describe("the return form read back", () => {
  it("carries the ledger, period, unit and each task's key; reads every task row", () => {
    const form = readForm(gridOf(unit))!;
    expect(form.identity).toEqual({ ledgerId: "L12345678", period: "2024-07", unit: "县乡村振兴局" });
    const mine = list.tasks.filter((x) =>
      [...x.lead, ...x.cooperating].some((u) => u.name === "县乡村振兴局"),
    );
    expect(form.rows.map((r) => r.key).sort()).toEqual(mine.map(taskKey).sort());
    expect(unit.protect).toBe(true);
    expect(unit.hiddenColumns).toEqual([FORM_COL.identity]);
  });

  it("finds the same rows, with what the unit wrote, whatever their order, deletions or blank rows", () => {
    const grid = gridOf(unit);
    const head = grid.rows.slice(0, 7);
    const body = grid.rows.slice(7).map((r, k) => {
      const row = [...r];
      row[FORM_COL.progress - 1] = `进展${k}`;
      row[FORM_COL.percent - 1] = k * 5;
      return row;
    });
    const expected = new Map(body.map((r) => [String(r[FORM_COL.identity - 1]), r[FORM_COL.progress - 1]]));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(body, { minLength: 1 }),
        fc.integer({ min: 0, max: 3 }),
        (rows, blanks) => {
          const g: Grid = {
            sheet: "改过名的表",
            rows: [...head, ...rows, ...Array(blanks).fill([])],
            merges: [],
          };
          const form = readForm(g)!;
          expect(form.rows).toHaveLength(rows.length);
          for (const r of form.rows) {
            const id = `TL1|L12345678|2024-07|县乡村振兴局|${r.key}`;
            expect(r.progress).toBe(expected.get(id));
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it("still reads when the hidden column was moved or shown, and reads the header block by its labels", () => {
    const grid = gridOf(unit);
    const rows = grid.rows.map((r) => [null, ...r]); // a column inserted on the left
    rows[3]![4] = "填报人";
    rows[3]![5] = "王五";
    const form = readForm({ ...grid, rows })!;
    expect(form.rows.length).toBeGreaterThan(0);
    expect(form.header.reporter).toBe("王五");
    expect(form.header.phone).toBe("");
  });

  it("is not a form without the identity (a list, a sheet of something else)", () => {
    expect(
      readForm({
        sheet: "x",
        rows: [
          ["序号", "重点任务"],
          [1, "任务"],
        ],
        merges: [],
      }),
    ).toBeNull();
  });
});

describe("进展记录", () => {
  const text = fc.string({ maxLength: 12 }).map((s) => s.replace(/\|/g, "").trim());
  const report = fc.record<ProgressReport>({
    period: fc.constantFrom("2024-06", "2024-07"),
    unit: fc.constantFrom("县财政局", "县林业局"),
    key: fc.constantFrom("0000abcd", "ffff0001"),
    taskId: fc.constantFrom("1", "2", "（三）"),
    title: text,
    progress: text,
    percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    onSchedule: fc.constantFrom("", "是", "否"),
    problems: text,
    nextSteps: text,
    reporter: text,
    received: fc.constantFrom("2024-07-20", "2024-06-25"),
    file: text,
    source: fc.constantFrom("return" as const, "unit-sheet" as const),
    state: fc.constantFrom("taken" as const, "rejected" as const, "conflict" as const),
    reason: text,
  });

  it("reads back exactly what was written, in order", () => {
    fc.assert(
      fc.property(fc.array(report, { maxLength: 8 }), (reports) => {
        const p = buildPlan({
          list,
          checks,
          asOf: "2024-07-01",
          dueSoonDays: 15,
          lang: "zh-CN",
          asOfText: "",
          t,
          tr: t,
          userSheets: [],
          includeListSheet: false,
          includeDirectory: false,
          reports,
        });
        const history = p.sheets.find((s) => s.role === "history")!;
        const back = readHistory(gridOf(history));
        expect(back).toEqual(reports.map((r) => ({ ...r, taskId: r.taskId })));
      }),
      { numRuns: 30 },
    );
  });

  it("adds nothing for a report already on record", () => {
    fc.assert(
      fc.property(fc.array(report, { maxLength: 8 }), (reports) => {
        const once = mergeReports([], reports);
        expect(mergeReports(once, reports)).toEqual(once);
        expect(mergeReports(once, once)).toEqual(once);
      }),
    );
  });
});

describe("status from reports", () => {
  const l = listFromGrid({
    sheet: "S",
    rows: [
      ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"],
      [1, "任务一", "县财政局", "县审计局", "12月底前", "正在推进"],
      [2, "任务二", "县林业局", "", "12月底前", "已完成"],
      [3, "任务三", "县林业局", "", "12月底前", ""],
    ],
    merges: [],
  });
  const base: Omit<ProgressReport, "unit" | "key" | "progress" | "period"> = {
    taskId: "1",
    title: "任务一",
    percent: null,
    onSchedule: "",
    problems: "",
    nextSteps: "",
    reporter: "",
    received: "2024-07-20",
    file: "f.xlsx",
    source: "return",
    state: "taken",
    reason: "",
  };
  const k1 = taskKey(l.tasks[0]!);

  it("is the lead unit's latest report; a cooperating unit's is shown, not counted; else the list's", () => {
    const reports: ProgressReport[] = [
      { ...base, period: "2024-06", unit: "县财政局", key: k1, progress: "完成30%" },
      { ...base, period: "2024-07", unit: "县审计局", key: k1, progress: "已完成" },
      { ...base, period: "2024-07", unit: "县财政局", key: k1, progress: "完成60%" },
      { ...base, period: "2024-07", unit: "县财政局", key: k1, progress: "有冲突", state: "conflict" },
    ];
    const r = applyReports(l, reports, { period: "2024-07", expected: [50, 50, 50] });
    expect(r.list.tasks[0]!.status).toMatchObject({ text: "完成60%", state: "in_progress", percent: 60 });
    expect(r.cycle[0]).toMatchObject({ reported: "2024-07", source: "return", notReported: false });
    expect(r.cycle[0]!.cooperating.map((x) => x.unit)).toEqual(["县审计局"]);
    // The list's progress stands where no report exists; a done task is never 未报送.
    expect(r.list.tasks[1]!.status.state).toBe("done");
    expect(r.cycle[1]).toMatchObject({ reported: null, source: "list", notReported: false });
    expect(r.cycle[2]).toMatchObject({ reported: null, notReported: true });
    // Before any report is on record, nothing is 未报送.
    expect(applyReports(l, [], { period: "2024-07", expected: [] }).cycle.some((x) => x.notReported)).toBe(
      false,
    );
  });
});
