/**
 * The pane's on-demand converter: a step that met a traditional character before the converter
 * was loaded is run again once it is; other failures are not retried.
 */
import { TraditionalConverterMissing, toSimplified } from "../../src/core/text/normalize";
import { withTraditionalConverter } from "../../src/taskpane/converter";
import type { PaneSession as LedgerPort } from "../../src/workbook/excel-api/ledger";

/** A port whose read fails as the pane's core does until the converter has been handed over. */
function port(readFails: () => Error | null): LedgerPort & { reads: number; generates: number } {
  const p = {
    reads: 0,
    generates: 0,
    features: {} as LedgerPort["features"],
    async read() {
      p.reads++;
      const err = readFails();
      if (err) throw err;
      return { list: toSimplified("縣發改局") } as unknown as Awaited<ReturnType<LedgerPort["read"]>>;
    },
    async generate() {
      p.generates++;
      throw new Error("the workbook is protected");
    },
  };
  return p as unknown as LedgerPort & { reads: number; generates: number };
}

describe("the pane's traditional-character converter", () => {
  it("loads the converter and runs the step again when the core asked for it", async () => {
    let first = true;
    const inner = port(() => (first ? ((first = false), new TraditionalConverterMissing()) : null));
    const ledger = withTraditionalConverter(inner);
    const state = await ledger.read({ asOf: "2024-07-01", dueSoonDays: 15 });
    expect(inner.reads).toBe(2);
    expect((state as unknown as { list: string }).list).toBe("县发改局");
  });

  it("does not retry other failures", async () => {
    const inner = port(() => null);
    const ledger = withTraditionalConverter(inner);
    await expect(
      ledger.generate(
        { asOf: "2024-07-01", dueSoonDays: 15, lang: "zh-CN", asOfText: "", townSheets: false },
        (k) => k,
        (k) => k,
      ),
    ).rejects.toThrow("protected");
    expect(inner.generates).toBe(1);
  });
});
