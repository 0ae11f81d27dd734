/** The settings schema: version 2 written, version 1 read and upgraded, one code for both hosts. */
import fc from "fast-check";
import { type LedgerSettings, SETTINGS_VERSION } from "../../src/core/plan/model";
import { SETTINGS_MARKER, settingsFromGrid, settingsToRows } from "../../src/core/plan/settings";
import { COLUMN_FIELDS } from "../../src/core/read/columns";
import type { Grid } from "../../src/core/read/grid";

const grid = (rows: string[][]): Grid => ({ sheet: "_TaskLedger", rows, merges: [] });

describe("settings", () => {
  it("reads version 1 (one column per field, a list for progress) as version 2", () => {
    const v1 = {
      version: 1,
      asOf: "2024-07-01",
      dueSoonDays: 10,
      lang: "zh-CN",
      listSheet: "清单",
      generated: [{ name: "汇总", role: "summary" }],
      mapping: { lead: 4, progress: [5, 6, 7], bogus: 3, deadline: 0 },
    };
    expect(settingsFromGrid(grid([[SETTINGS_MARKER], [JSON.stringify(v1)]]))).toEqual({
      ...v1,
      version: SETTINGS_VERSION,
      // Unknown fields and impossible columns are dropped; every field keeps a list.
      mapping: { lead: [4], progress: [5, 6, 7] },
    });
  });

  it("is not read from a sheet that is not ours, or from an unknown version", () => {
    expect(settingsFromGrid(grid([["我的表"], ["{}"]]))).toBeNull();
    expect(settingsFromGrid(grid([[SETTINGS_MARKER], ["{not json"]]))).toBeNull();
    expect(
      settingsFromGrid(grid([[SETTINGS_MARKER], [JSON.stringify({ version: 3, generated: [] })]])),
    ).toBeNull();
  });

  it("reads back exactly what was written, however long (property)", () => {
    const mapping = fc.dictionary(
      fc.constantFrom(...COLUMN_FIELDS),
      fc.array(fc.integer({ min: 1, max: 16384 }), { minLength: 1, maxLength: 5 }),
    );
    fc.assert(
      fc.property(
        mapping,
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 2000 }),
        fc.constantFrom("zh-CN" as const, "en" as const),
        (m, names, lang) => {
          const s: LedgerSettings = {
            version: SETTINGS_VERSION,
            asOf: "2024-07-01",
            dueSoonDays: 15,
            lang,
            listSheet: null,
            generated: names.map((name) => ({ name, role: "unit" as const, unit: name })),
            ...(Object.keys(m).length ? { mapping: m } : {}),
            cycle: { period: "2024-06", dueDay: 25 },
            ledgerId: "abc",
          };
          const rows = settingsToRows(s);
          // A cell holds at most 32,767 characters.
          expect(Math.max(...rows.map((r) => r[0]!.length))).toBeLessThanOrEqual(32_767);
          expect(settingsFromGrid(grid(rows))).toEqual(s);
        },
      ),
      { numRuns: 50 },
    );
  });
});
