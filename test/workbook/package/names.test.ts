/**
 * Sheet names and text through the package: any name Excel allows survives the workbook part,
 * its print titles and the links to it; the package code uses no Node-only API (it runs in a
 * browser too).
 */
import fc from "fast-check";
import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import { validSheetName } from "../../../src/core/plan/sheet-names";
import { Package } from "../../../src/workbook/package/package";
import { PackagePort } from "../../../src/workbook/package/port";
import { readWorkbook } from "../../../src/workbook/package/workbook";
import { malformedParts, settings, unitSheet } from "./fixtures";

describe("names through the package", () => {
  it("any valid sheet name is written and read back as it was, with its print titles and links", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom("a", "'", "&", "<", ">", '"', "县", "局", " ", "_", "x", "0", "😀", "("),
          minLength: 1,
        }),
        (text) => {
          const name = validSheetName(text);
          const sheet = unitSheet(name, 1);
          sheet.rows[2]![1] = { v: "链接", link: { sheet: name, row: 1, col: 1 } };
          const port = new PackagePort();
          port.applyNow({ sheets: [sheet], settings: settings([sheet]) }, null);
          const bytes = port.bytes();
          expect(malformedParts(bytes)).toEqual([]);
          const pkg = Package.open(bytes);
          const wb = readWorkbook(pkg);
          expect(wb.sheets.map((s) => s.name)).toEqual([name, "_TaskLedger"]);
          const titles = wb.definedNames.find((d) => d.name === "_xlnm.Print_Titles")!;
          const quoted = `'${name.replace(/'/g, "''")}'`;
          expect(titles.localSheetId).toBe(0);
          expect(pkg.text("xl/workbook.xml")).toContain(
            `localSheetId="0">${quoted.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")}!$2:$2<`,
          );
          expect(new PackagePort(bytes).viewNow().grid(name)!.rows[2]![1]).toBe("链接");
          const esc = (t: string) =>
            t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
          expect(pkg.text("xl/worksheets/sheet1.xml")).toContain(
            `<hyperlink ref="B3" location="${esc(quoted)}!A1"`,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("the package code imports nothing Node-only (no fs, path, zlib, Buffer, process)", () => {
    const dir = path.join(__dirname, "..", "..", "..", "src", "workbook", "package");
    for (const f of readdirSync(dir)) {
      const src = readFileSync(path.join(dir, f), "utf8");
      expect([
        f,
        src.match(/from "(fs|path|zlib|stream|os|child_process|node:[a-z_]+)"|\bBuffer\b|\bprocess\./g),
      ]).toEqual([f, null]);
    }
  });
});
