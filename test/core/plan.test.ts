import fc from "fast-check";
import { runChecks } from "../../src/core/checks/findings";
import { buildPlan } from "../../src/core/plan/build";
import { matchProgress, readUnitProgress } from "../../src/core/plan/progress";
import { SheetNamer, isValidSheetName, validSheetName } from "../../src/core/plan/sheet-names";
import { UnitDirectory } from "../../src/core/units/directory";
import { translator } from "../../src/i18n";
import { listFromText, sampleText } from "../helpers/build";

describe("sheet names", () => {
  it("are always valid and unique ignoring case, and never a name already taken", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }),
        fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }),
        (texts, taken) => {
          const namer = new SheetNamer(taken);
          const names = texts.map((t) => namer.name(t));
          for (const n of names) expect(isValidSheetName(n)).toBe(true);
          const lower = names.map((n) => n.toLowerCase());
          expect(new Set(lower).size).toBe(lower.length);
          for (const t of taken) expect(lower).not.toContain(t.toLowerCase());
        },
      ),
    );
  });

  it("cleans the forbidden characters, 31 characters at most, and avoids History", () => {
    expect(validSheetName("县发改局: [2024] /统计?*")).toBe("县发改局_ _2024_ _统计__");
    expect(validSheetName("'引号'")).toBe("引号");
    expect(validSheetName("History")).toBe("History_");
    expect([...validSheetName("县".repeat(40))]).toHaveLength(31);
    const namer = new SheetNamer(["汇总"]);
    expect(namer.name("汇总")).toBe("汇总(2)");
    expect(namer.name("HISTORY")).toBe("HISTORY_");
  });
});

describe("progress matching", () => {
  const tasks = [
    { key: "a", id: "1", section: "一", title: "建设污水厂" },
    { key: "b", id: "2", section: "一", title: "新建公厕" },
  ];
  it("matches by id, then by title when the list was renumbered; keeps what matched nothing", () => {
    const r = matchProgress(tasks, [
      { id: "5", section: "一", title: "新建公厕", progress: "已选址" },
      { id: "1", section: "一", title: "建设污水厂", progress: "主体完工" },
      { id: "9", section: "二", title: "已删除的任务", progress: "完成一半" },
    ]);
    expect(r.found).toEqual(
      new Map([
        ["a", "主体完工"],
        ["b", "已选址"],
      ]),
    );
    expect(r.orphans.map((o) => o.title)).toEqual(["已删除的任务"]);
  });

  it("matches as a pass-by-pass scan would, duplicates and renumbering included", () => {
    // The rule written the plain way: each pass, each task in order takes the first unused entry.
    const scan = (
      ts: typeof tasks,
      es: { id: string; section: string; title: string; progress: string }[],
    ) => {
      const found = new Map<string, string>();
      const used = new Set<number>();
      const passes = [
        (t: (typeof ts)[0], e: (typeof es)[0]) =>
          t.id === e.id && t.section === e.section && t.title === e.title,
        (t: (typeof ts)[0], e: (typeof es)[0]) => t.title === e.title,
        (t: (typeof ts)[0], e: (typeof es)[0]) => t.id === e.id && t.section === e.section,
      ];
      for (const pass of passes)
        for (const t of ts) {
          if (found.has(t.key)) continue;
          const i = es.findIndex((e, k) => !used.has(k) && pass(t, e));
          if (i >= 0) {
            used.add(i);
            found.set(t.key, es[i]!.progress);
          }
        }
      return { found, orphans: es.filter((_, k) => !used.has(k)) };
    };
    // Few distinct ids, sections and titles, so that tasks and entries collide often.
    const small = (xs: string[]) => fc.constantFrom(...xs);
    const fields = {
      id: small(["1", "2", "3"]),
      section: small(["一", "二"]),
      title: small(["甲", "乙", "丙"]),
    };
    fc.assert(
      fc.property(
        fc.array(fc.record(fields), { maxLength: 12 }),
        fc.array(fc.record({ ...fields, progress: fc.string({ minLength: 1, maxLength: 4 }) }), {
          maxLength: 12,
        }),
        (ts, es) => {
          const keyed = ts.map((t, i) => ({ ...t, key: `k${i}` }));
          expect(matchProgress(keyed, es)).toEqual(scan(keyed, es));
        },
      ),
    );
  });

  it("reads only filled progress cells from a unit sheet's tables", () => {
    const rows = [
      ["县发改局 重点工作任务（牵头 1 项，配合 1 项）"],
      ["统计截至 2024年7月1日"],
      [],
      ["牵头任务"],
      ["序号", "类别", "重点任务", "工作内容", "配合单位", "完成时限", "预警", "状态", "进展情况"],
      [1, "一", "任务甲", "", "", "", "绿", "推进中", "进展甲"],
      [],
      ["配合任务"],
      ["序号", "类别", "重点任务", "工作内容", "牵头单位", "完成时限", "预警", "状态", "进展情况"],
      [2, "一", "任务乙", "", "", "", "绿", "推进中", ""],
    ];
    expect(readUnitProgress({ sheet: "x", rows, merges: [] })).toEqual([
      { id: "1", section: "一", title: "任务甲", progress: "进展甲" },
    ]);
  });
});

describe("the plan for the sample", () => {
  const list = listFromText(sampleText());
  const directory = UnitDirectory.builtin();
  const checks = runChecks(list, directory, { asOf: "2024-07-01", dueSoonDays: 15 });
  const t = translator("zh-CN");
  const base = {
    list,
    checks,
    asOf: "2024-07-01",
    dueSoonDays: 15,
    lang: "zh-CN" as const,
    asOfText: "2024年7月1日",
    t,
    tr: t,
    userSheets: [],
    includeListSheet: true,
    includeDirectory: true,
  };

  it("gives catch-alls no sheet, and towns named only through 各镇 a sheet only when asked", () => {
    const plan = buildPlan(base);
    const units = plan.sheets.filter((s) => s.role === "unit").map((s) => s.name);
    expect(units).not.toContain("各镇");
    expect(units).not.toContain("县委实施乡村振兴战略领导小组各成员单位");
    const withTowns = buildPlan({ ...base, townSheets: true, towns: ["城关镇", "八渡镇"] });
    const town = withTowns.sheets.find((s) => s.unit === "城关镇");
    expect(town?.rows[0]![0]!.v).toBe("城关镇 重点工作任务推进情况表（2024-07；牵头 0 项，配合 22 项）");
  });

  it("records the generated sheets (not the list or the directory) in the settings", () => {
    const plan = buildPlan(base);
    expect(plan.settings.listSheet).toBe("任务清单");
    expect(plan.settings.generated.map((g) => g.role)).not.toContain("list");
    expect(plan.settings.generated.map((g) => g.role)).not.toContain("directory");
    expect(plan.settings.generated.filter((g) => g.role === "unit")).toHaveLength(39);
  });

  it("numbers cells alike only when they hold the same text (a writer looks the text up once)", () => {
    const plan = buildPlan(base);
    const textOf = new Map<number, unknown>();
    let shared = 0;
    for (const sheet of plan.sheets)
      for (const row of sheet.rows)
        for (const cell of row) {
          if (cell?.same === undefined) continue;
          if (textOf.has(cell.same)) {
            shared++;
            expect([cell.same, cell.v]).toEqual([cell.same, textOf.get(cell.same)]);
          } else textOf.set(cell.same, cell.v);
        }
    // A task on several units' forms: its texts are numbered, and written more than once.
    expect(shared).toBeGreaterThan(50);
  });

  it("never plans overlapping merged areas (the ExcelJS adapter relies on it)", () => {
    const plan = buildPlan(base);
    for (const sheet of plan.sheets) {
      const seen = new Set<string>();
      for (const m of sheet.merges) {
        for (let r = m.top; r <= m.bottom; r++) {
          for (let c = m.left; c <= m.right; c++) {
            expect([sheet.name, `${r},${c}`, seen.has(`${r},${c}`)]).toEqual([
              sheet.name,
              `${r},${c}`,
              false,
            ]);
            seen.add(`${r},${c}`);
          }
        }
      }
    }
  });

  it("sets taller rows where text wraps", () => {
    const plan = buildPlan(base);
    const unit = plan.sheets.find((s) => s.unit === "县乡村振兴局")!;
    const firstTask = unit.rows.findIndex((r) => r[2]?.v === "持续加强防返贫监测帮扶");
    expect(unit.rowHeights![firstTask]).toBeGreaterThan(60);
    expect(unit.rowHeights![4]).toBeUndefined();
  });
});
