/**
 * Bad input found by testing real and broken workbooks, at the core: each ends in a clear message
 * naming where, or just works — quickly, whatever the size of the fault.
 */
import fc from "fast-check";
import { MAX_UNIT_NAME } from "../../src/core/task-list";
import { LIMITS, checkListSize, listSize } from "../../src/core/plan/limits";
import { type Grid, fillMerges, usedMerges } from "../../src/core/read/grid";
import { ReadError } from "../../src/core/read/raw";
import {
  MAX_SHEET_NAME,
  SheetNamer,
  isValidSheetName,
  validSheetName,
} from "../../src/core/plan/sheet-names";
import { listFromGrid } from "../helpers/build";

const HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"];
const grid = (rows: (string | null)[][], merges: Grid["merges"] = []): Grid => ({
  sheet: "清单",
  rows,
  merges,
});
const list = (...tasks: (string | null)[][]) => grid([["2024年重点任务"], HEADER, ...tasks]);

/** Characters outside the BMP (two code units each), in the BMP, and the ones sheet names refuse. */
const CHARS = fc.oneof(
  fc.constantFrom("𠀀", "𩸽", "😀", "🏛", "县", "局", "发", "改", "a", "'", ":", "[", "*", " ", "\u0007"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);

describe("sheet names are as long as Excel counts them: UTF-16 code units", () => {
  it("a unit name of 30 characters, some outside the BMP, gets a name of at most 31 code units", () => {
    const name = "县" + "𠀀".repeat(20) + "局"; // 22 characters, 42 code units
    const s = validSheetName(name);
    expect(s.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(s).toBe("县" + "𠀀".repeat(15)); // never half a surrogate pair
    expect(isValidSheetName(name)).toBe(false);
    const namer = new SheetNamer([s]);
    const second = namer.name(name);
    expect(second.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(second.endsWith("(2)")).toBe(true);
  });

  it("any text, emoji and rare characters included, gives a valid name with no broken character", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: CHARS, maxLength: 40 }), { maxLength: 12 }), (texts) => {
        const namer = new SheetNamer([]);
        for (const t of texts) {
          const n = namer.name(t);
          expect(isValidSheetName(n)).toBe(true);
          expect(n.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
          expect(n).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        }
      }),
    );
  });
});

describe("a unit cell too long to hold names", () => {
  it("a 32,767-character 牵头单位 cell stops at once with the cell named", () => {
    const long = "县".repeat(32_766) + "局";
    const started = Date.now();
    let err: unknown;
    try {
      listFromGrid(list(["1", "任务一", long, "县财政局", "6月底前"]));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReadError);
    expect((err as Error).message).toMatch(/^清单!C3: a unit name of 32,767 characters/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it(`names up to ${MAX_UNIT_NAME} characters are read as names`, () => {
    const name = "县" + "农".repeat(MAX_UNIT_NAME - 2) + "局";
    const l = listFromGrid(list(["1", "任务一", name, null, "6月底前"]));
    expect(l.tasks[0]!.lead.map((u) => u.raw)).toEqual([name]);
  });

  it("a long cooperating cell names its own cell", () => {
    expect(() => listFromGrid(list(["1", "任务一", "县财政局", "配".repeat(500), "6月底前"]))).toThrow(
      /^清单!D3:/,
    );
  });
});

describe("merged areas", () => {
  it("a merge over the whole sheet or a whole column covers only the used range", () => {
    const rows = [["2024年重点任务"], HEADER, ["1", "任务一", "县财政局", null, "6月底前"]];
    const whole = grid(rows, [{ top: 4, left: 1, bottom: 1_048_576, right: 16_384 }]);
    expect(usedMerges(whole)).toEqual([]);
    const column = grid(rows, [{ top: 3, left: 7, bottom: 1_048_576, right: 7 }]);
    expect(usedMerges(column)).toEqual([]); // column G holds no cell
    const lead = grid(rows, [{ top: 3, left: 3, bottom: 1_048_576, right: 3 }]);
    expect(usedMerges(lead)).toEqual([{ top: 3, left: 3, bottom: 3, right: 3 }]);
    const started = Date.now();
    expect(fillMerges(lead)).toHaveLength(3);
    const l = listFromGrid(
      grid(rows, [{ top: 1, left: 7, bottom: 1_048_576, right: 16_384 }, ...lead.merges]),
    );
    expect(l.tasks.map((t) => t.lead.map((u) => u.name))).toEqual([["县财政局"]]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a merge down the lead column still fills the rows that exist", () => {
    const l = listFromGrid(
      list(["1", "任务一", "县财政局", null, "6月底前"], ["2", "任务二", null, null, "7月底前"]),
    );
    expect(l.tasks).toHaveLength(2);
    const merged = listFromGrid({
      ...list(["1", "任务一", "县财政局", null, "6月底前"], ["2", "任务二", null, null, "7月底前"]),
      merges: [{ top: 3, left: 3, bottom: 1_048_576, right: 3 }],
    });
    expect(merged.tasks.map((t) => t.lead.map((u) => u.name))).toEqual([["县财政局"], ["县财政局"]]);
  });

  it("overlapping merges stop with the sheet and both ranges named", () => {
    const g = {
      ...list(["1", "任务一", "县财政局", null, "6月底前"]),
      merges: [
        { top: 3, left: 1, bottom: 4, right: 2 },
        { top: 4, left: 2, bottom: 5, right: 3 },
      ],
    };
    expect(() => listFromGrid(g)).toThrow(ReadError);
    expect(() => listFromGrid(g)).toThrow('Sheet "清单": the merged ranges A3:B4 and B4:C5 overlap');
    // Areas side by side or one under the other do not overlap.
    expect(() =>
      usedMerges({
        ...g,
        merges: [
          { top: 3, left: 1, bottom: 4, right: 2 },
          { top: 3, left: 3, bottom: 4, right: 3 },
          { top: 5, left: 1, bottom: 5, right: 3 },
        ],
      }),
    ).not.toThrow();
  });
});

describe("sanity limits before generating", () => {
  const rows = (n: number, unit: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => [String(i + 1), `任务${i + 1}`, unit(i), null, "6月底前"]);

  it(`more than ${LIMITS.units} units stops with what was found and the override`, () => {
    const l = listFromGrid(list(...rows(LIMITS.units + 1, (i) => `县第${i + 1}办`)));
    expect(listSize(l)).toEqual({ tasks: LIMITS.units + 1, units: LIMITS.units + 1 });
    expect(() => checkListSize(l, false)).toThrow(
      'sheet "清单" of test.xlsx gives 501 tasks and 501 units; generation stops above 20,000 tasks or 500 units',
    );
    expect(() => checkListSize(l, false)).toThrow(/--allow-large/);
    expect(() => checkListSize(l, true)).not.toThrow();
  });

  it(`more than ${LIMITS.tasks.toLocaleString("en-US")} tasks stops too; a list at the limits goes on`, () => {
    const big = listFromGrid(list(...rows(LIMITS.tasks + 1, (i) => (i % 2 ? "县财政局" : "县发改局"))));
    expect(() => checkListSize(big, false)).toThrow(/gives 20,001 tasks and 2 units/);
    const atLimit = { ...big, tasks: big.tasks.slice(0, LIMITS.tasks) };
    expect(() => checkListSize(atLimit, false)).not.toThrow();
  });
});
