import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { SheetNamer } from "../../../src/core/plan/sheet-names";
import { FakeExcel, FakeExcelError, PAYLOAD_LIMIT } from "../../fake-excel/fake-excel";
import { sameSheetName, sheetNameProblem } from "../../fake-excel/sheet-names";

const FAKE_DIR = path.join(__dirname, "../../fake-excel");

/** Run a batch and report the error code it ends with (null: it went through). */
async function failure(excel: FakeExcel, batch: (ctx: Excel.RequestContext) => void): Promise<string | null> {
  try {
    await excel.run(async (ctx) => {
      batch(ctx);
      await ctx.sync();
    });
    return null;
  } catch (err) {
    return err instanceof FakeExcelError ? err.code : String(err);
  }
}

/** The fake must hold callers to Excel's rules, or it tests nothing. */
describe("the Excel API fake enforces Excel's rules", () => {
  it("a property read before load and sync fails", async () => {
    const excel = new FakeExcel();
    excel.loadSheet("S", [["a"]]);
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      r.load("values");
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(r.values).toEqual([["a"]]);
    });
  });

  it("values must have the range's shape", async () => {
    const excel = new FakeExcel();
    excel.loadSheet("S", []);
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:B2").values = [["x"]];
        await ctx.sync();
      }),
    ).rejects.toThrow(/do not fit the range A1:B2/);
  });

  it("sheet names follow Excel's rules and are unique ignoring case", async () => {
    const excel = new FakeExcel();
    excel.loadSheet("汇总", []);
    for (const bad of ["汇总", "HISTORY".toLowerCase(), "a/b", "x".repeat(32), "𠀀".repeat(16)]) {
      await expect(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.add(bad);
          await ctx.sync();
        }),
      ).rejects.toBeInstanceOf(FakeExcelError);
    }
  });

  it("a request over 5 MB fails and changes nothing", async () => {
    const excel = new FakeExcel();
    excel.loadSheet("S", []);
    const big = [["x".repeat(PAYLOAD_LIMIT / 2 + 10)], ["y".repeat(PAYLOAD_LIMIT / 2 + 10)]];
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A2").values = big;
        await ctx.sync();
      }),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(excel.values("S")).toEqual([]);
  });

  it("text starting with = becomes a formula unless the cell is formatted as text", async () => {
    const excel = new FakeExcel();
    excel.loadSheet("S", []);
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1").values = [["=1+1"]];
      const b = ws.getRange("A2");
      b.numberFormat = [["@"]];
      b.values = [["=1+1"]];
      await ctx.sync();
    });
    expect(excel.values("S")).toEqual([[{ formula: "=1+1" }], ["=1+1"]]);
  });

  it("a protected sheet takes values in its unlocked cells only, and no other change", async () => {
    const excel = new FakeExcel({ excelApi: "1.8" });
    excel.loadSheet("S", [["任务", ""]]);
    const sheet = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("S");
    // Cells are locked by default; B1 is opened, then the sheet protected (no password).
    expect(
      await failure(excel, (ctx) => {
        sheet(ctx).getRange("B1").format.protection.locked = false;
        sheet(ctx).protection.protect();
      }),
    ).toBeNull();
    expect(excel.sheetOrThrow("S").protected).toBe(true);
    expect(await failure(excel, (ctx) => (sheet(ctx).getRange("B1").values = [["已完成"]]))).toBeNull();
    expect(await failure(excel, (ctx) => (sheet(ctx).getRange("A1").values = [["改掉"]]))).toBe(
      "AccessDenied",
    );
    // A range that spans a locked cell is refused whole, and nothing of it is written.
    expect(await failure(excel, (ctx) => (sheet(ctx).getRange("A1:B1").values = [["x", "y"]]))).toBe(
      "AccessDenied",
    );
    expect(excel.values("S")).toEqual([["任务", "已完成"]]);
    for (const change of [
      (ctx: Excel.RequestContext) => (sheet(ctx).getRange("B1").format.font.bold = true),
      (ctx: Excel.RequestContext) => sheet(ctx).getRange("A1:B1").merge(false),
      (ctx: Excel.RequestContext) => (sheet(ctx).getRange("C:C").columnHidden = true),
      (ctx: Excel.RequestContext) => (sheet(ctx).getRange("B:B").format.columnWidth = 80),
      (ctx: Excel.RequestContext) =>
        (sheet(ctx).getRange("B1").dataValidation.rule = {
          decimal: { formula1: 0, formula2: 100, operator: "Between" },
        }),
      (ctx: Excel.RequestContext) => sheet(ctx).protection.protect(),
    ])
      expect(await failure(excel, change)).toMatch(/AccessDenied|InvalidOperation/);
    expect(excel.sheetOrThrow("S").hiddenColumns.size).toBe(0);
  });

  it("a protection password needs ExcelApi 1.7; protection itself is 1.2", async () => {
    const excel = new FakeExcel({ excelApi: "1.2" });
    excel.loadSheet("S", [["a"]]);
    expect(
      await failure(excel, (ctx) => ctx.workbook.worksheets.getItem("S").protection.protect({}, "pw")),
    ).toBe("ApiNotFound");
    expect(
      await failure(excel, (ctx) => ctx.workbook.worksheets.getItem("S").protection.protect()),
    ).toBeNull();
  });

  it("counts syncs", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      await ctx.sync();
      await ctx.sync();
    });
    expect(excel.syncs).toBe(2);
  });

  it("fails a member above the host's declared ExcelApi version, naming it, as Excel does", async () => {
    const old = new FakeExcel({ excelApi: "1.2" });
    old.loadSheet("S", [["a"]]);
    expect(old.isSetSupported("ExcelApi", "1.2")).toBe(true);
    expect(old.isSetSupported("ExcelApi", "1.3")).toBe(false);
    expect(old.isSetSupported("ExcelApi", "1.10")).toBe(false);
    await expect(
      old.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 1, 1).format.columnWidth = 30;
        await ctx.sync();
      }),
    ).rejects.toThrow(/ApiNotFound: Worksheet.getRangeByIndexes .*ExcelApi 1.7/);
    const sheet = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("S");
    expect(await failure(old, (ctx) => sheet(ctx).freezePanes.freezeRows(1))).toBe("ApiNotFound");
    expect(await failure(old, (ctx) => (sheet(ctx).tabColor = "#FF0000"))).toBe("ApiNotFound");
    expect(await failure(old, (ctx) => sheet(ctx).getRanges("A1,B2"))).toBe("ApiNotFound");
    expect(await failure(old, (ctx) => ctx.application.suspendApiCalculationUntilNextSync())).toBe(
      "ApiNotFound",
    );
    // ExcelApi 1.2 members go through: whole columns and rows by address, merging, used range.
    expect(await failure(old, (ctx) => (sheet(ctx).getRange("B:C").format.columnWidth = 30))).toBeNull();
    expect(await failure(old, (ctx) => (sheet(ctx).getRange("2:4").format.rowHeight = 20))).toBeNull();
    expect(await failure(old, (ctx) => sheet(ctx).getRange("A5:B5").merge(false))).toBeNull();
    expect(await failure(old, (ctx) => sheet(ctx).getUsedRange(true).load("values"))).toBeNull();
    expect([...old.sheetOrThrow("S").columnWidths]).toEqual([
      [2, 30],
      [3, 30],
    ]);
    expect([...old.sheetOrThrow("S").rowHeights.keys()]).toEqual([2, 3, 4]);
    // A member whose setting came later than its reading: visibility is read in 1.1, set in 1.2.
    const first = new FakeExcel({ excelApi: "1.1" });
    first.loadSheet("S", []);
    expect(
      await failure(first, (ctx) => ctx.workbook.worksheets.load("items/name,items/visibility")),
    ).toBeNull();
    expect(await failure(first, (ctx) => (sheet(ctx).visibility = "VeryHidden"))).toBe("ApiNotFound");
    expect(await failure(first, (ctx) => sheet(ctx).getUsedRange(true))).toBe("ApiNotFound");
  });

  it("the API-set table is what the generator makes from @types/office-js", () => {
    const generated = execFileSync("node", [path.join(FAKE_DIR, "gen-api-sets.js"), "--print"], {
      encoding: "utf8",
    });
    expect(generated).toBe(fs.readFileSync(path.join(FAKE_DIR, "api-sets.generated.ts"), "utf8"));
    expect(generated).toContain(
      '"Worksheet.getRangeByIndexes": { set: "ExcelApi", read: "1.7", write: "1.7" }',
    );
    expect(generated).toContain('"Worksheet.visibility": { set: "ExcelApi", read: "1.1", write: "1.2" }');
  });

  it("weighs a request as office.js sends it: actions and object paths, as JSON", async () => {
    const excel = new FakeExcel();
    excel.loadSheet("S", []);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:B1").values = [["县财政局", 1]];
      await ctx.sync();
    });
    // The body office.js builds for that line (ClientRequest.buildRequestMessageBodyAndRequestFlags):
    // the workbook (1), its worksheets (2), the item "S" (3) and its range (4) are each instantiated,
    // then the set of Values on the range.
    const body = {
      AutoKeepReference: false,
      Actions: [
        { Id: 5, ActionType: 1, Name: "", ObjectPathId: 1 },
        { Id: 6, ActionType: 1, Name: "", ObjectPathId: 2 },
        { Id: 7, ActionType: 1, Name: "", ObjectPathId: 3 },
        { Id: 8, ActionType: 1, Name: "", ObjectPathId: 4 },
        {
          Id: 9,
          ActionType: 4,
          Name: "Values",
          ObjectPathId: 4,
          ArgumentInfo: { Arguments: [[["县财政局", 1]]] },
        },
      ],
      ObjectPaths: {
        1: { Id: 1, ObjectPathType: 1, Name: "" },
        2: { Id: 2, ObjectPathType: 4, Name: "Worksheets", ParentObjectPathId: 1 },
        3: { Id: 3, ObjectPathType: 5, Name: "", ParentObjectPathId: 2, ArgumentInfo: { Arguments: ["S"] } },
        4: {
          Id: 4,
          ObjectPathType: 3,
          Name: "GetRange",
          ParentObjectPathId: 3,
          ArgumentInfo: { Arguments: ["A1:B1"] },
        },
      },
    };
    // Ids differ from office.js's (it numbers differently); their digits are all the size sees.
    const size = Buffer.byteLength(JSON.stringify(body), "utf8");
    expect(Math.abs(excel.requests[0]! - size)).toBeLessThanOrEqual(10);
    expect(excel.requests[0]).toBeGreaterThan(
      Buffer.byteLength(JSON.stringify([["县财政局", 1]]), "utf8") + 400,
    );
  });

  it("each formatting property is an action of its own, on objects made once per parent", async () => {
    const excel = new FakeExcel();
    excel.loadSheet("S", []);
    const weigh = async (props: number) => {
      excel.resetCounters();
      await excel.run(async (ctx) => {
        const format = ctx.workbook.worksheets.getItem("S").getRange("A1").format;
        const all: (() => void)[] = [
          () => (format.font.name = "等线"),
          () => (format.font.bold = true),
          () => (format.font.size = 10),
          () => (format.wrapText = true),
        ];
        all.slice(0, props).forEach((f) => f());
        await ctx.sync();
      });
      return excel.requests[0]!;
    };
    const one = await weigh(1);
    const two = await weigh(2);
    const three = await weigh(3);
    // A second property of the same font adds one action, not another font object.
    // (An object path and its instantiation would add about 150 bytes more.)
    for (const added of [two - one, three - two]) {
      expect(added).toBeGreaterThan(60);
      expect(added).toBeLessThan(120);
    }
  });
});

describe("the fake's sheet-name rules, from Excel's documentation", () => {
  it("counts length as Excel does, in UTF-16 code units", () => {
    expect(sheetNameProblem("x".repeat(31))).toBeNull();
    expect(sheetNameProblem("x".repeat(32))).toMatch(/31/);
    expect(sheetNameProblem("𠀀".repeat(15) + "x")).toBeNull();
    expect(sheetNameProblem("𠀀".repeat(16))).toMatch(/31/);
  });

  it("refuses blank names, the forbidden characters, apostrophes at either end and History", () => {
    for (const bad of [
      "",
      "   ",
      "a:b",
      "a\\b",
      "a/b",
      "a?b",
      "a*b",
      "a[b",
      "a]b",
      "'a",
      "a'",
      "History",
      "HISTORY",
    ])
      expect([bad, sheetNameProblem(bad)]).not.toEqual([bad, null]);
    for (const good of ["县财政局(2)", "a'b", "汇总", "Histories", "任务清单 2024"])
      expect([good, sheetNameProblem(good)]).toEqual([good, null]);
    expect(sameSheetName("Sheet1", "SHEET1")).toBe(true);
    expect(sameSheetName("Ａ局", "ａ局")).toBe(true);
    expect(sameSheetName("县财政局", "县财政局(2)")).toBe(false);
  });

  it("accepts every name the product's namer hands out, each new ignoring case", () => {
    const piece = fc.constantFrom(
      "县",
      "财政局",
      "住建局",
      "a",
      "A",
      "'",
      ":",
      "/",
      "\\",
      "?",
      "*",
      "[",
      "]",
      " ",
      "𠀀",
      "𬌗",
      "(2)",
      "History",
      "ß",
      "\t",
    );
    const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(""));
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 5 }),
        fc.array(text, { minLength: 1, maxLength: 12 }),
        (taken, texts) => {
          const existing = taken.filter((t) => sheetNameProblem(t) === null);
          const namer = new SheetNamer(existing);
          const given: string[] = [];
          for (const t of texts) {
            const name = namer.name(t);
            expect([name, sheetNameProblem(name)]).toEqual([name, null]);
            expect([...existing, ...given].filter((n) => sameSheetName(n, name))).toEqual([]);
            given.push(name);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
