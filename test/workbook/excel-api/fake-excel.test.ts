import { FakeExcel, FakeExcelError, PAYLOAD_LIMIT } from "../../fake-excel/fake-excel";

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
    for (const bad of ["汇总", "HISTORY".toLowerCase(), "a/b", "x".repeat(32)]) {
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

  it("counts syncs", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      await ctx.sync();
      await ctx.sync();
    });
    expect(excel.syncs).toBe(2);
  });
});
