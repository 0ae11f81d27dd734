/**
 * The fidelity suite's own tools, checked on a real workbook: the package edit adds a list the
 * reader finds and changes nothing else, and each check does catch the damage it is there for.
 */
import { strFromU8, strToU8 } from "fflate";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { runCli } from "../helpers/cli";
import { type Parts, readParts, startTags, text } from "../helpers/ooxml";
import { TASK_SHEET, injectTaskSheet } from "../helpers/package-edit";
import { tempDir } from "../helpers/xlsx";
import { CORPUS } from "./corpus-suite";
import { packageConsistent, userPartsKept, wellFormed, workbookLevelGrew } from "./package-checks";

const original = new Uint8Array(readFileSync(path.join(CORPUS, "autofilter02.xlsx")));

function edit(parts: Parts, name: string, f: (xml: string) => string): Parts {
  const out = new Map(parts);
  out.set(name, strToU8(f(text(parts, name))));
  return out;
}

describe("adding a task list by editing the package", () => {
  for (const position of ["first", "last"] as const) {
    it(`puts the sheet ${position}, and every other part keeps its bytes (sharedStrings and styles too)`, () => {
      const before = readParts(original);
      const after = readParts(injectTaskSheet(original, { position }));
      const changed = [...before.keys()].filter((k) => Buffer.compare(before.get(k)!, after.get(k)!) !== 0);
      expect(changed.sort()).toEqual([
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
        "xl/workbook.xml",
      ]);
      const sheets = startTags(text(after, "xl/workbook.xml"), "sheet");
      expect(sheets.at(position === "first" ? 0 : -1)).toContain(`name="${TASK_SHEET}"`);
      expect(workbookLevelGrew(before, after).filter((p) => !p.includes("definedName"))).toEqual([]);
      expect(packageConsistent(before, after)).toEqual([]);
    });
  }

  it("moves sheet-scoped names along when the list goes first (they count sheets by position)", () => {
    const wb = (b: Uint8Array) => strFromU8(readParts(b).get("xl/workbook.xml")!);
    const ids = (xml: string) => [...xml.matchAll(/localSheetId="(\d+)"/g)].map((m) => Number(m[1]));
    const before = ids(wb(original));
    expect(before.length).toBeGreaterThan(0);
    expect(ids(wb(injectTaskSheet(original, { position: "first" })))).toEqual(before.map((i) => i + 1));
    expect(ids(wb(injectTaskSheet(original, { position: "last" })))).toEqual(before);
  });

  it("is read by the tool as a list of 8 tasks", async () => {
    const file = path.join(tempDir(), "injected.xlsx");
    writeFileSync(file, injectTaskSheet(original, { position: "first" }));
    const r = await runCli(["check", file, "--json", "--as-of", "2024-07-01"]);
    expect(r.err).toBe("");
    const report = JSON.parse(r.out) as { tasks: unknown[]; source: { sheet: string } };
    expect(report.source.sheet).toBe(TASK_SHEET);
    expect(report.tasks).toHaveLength(8);
  });
});

describe("each check catches what it is for", () => {
  const parts = readParts(injectTaskSheet(original, { position: "last" }));

  it("a user part with one byte changed, or missing", () => {
    const sheet = "xl/worksheets/sheet1.xml";
    expect(
      userPartsKept(
        parts,
        edit(parts, sheet, (x) => x.replace("<sheetData>", "<sheetData >")),
      ),
    ).toEqual([expect.stringContaining(sheet)]);
    const without = new Map(parts);
    without.delete("xl/theme/theme1.xml");
    expect(userPartsKept(parts, without)).toEqual(["xl/theme/theme1.xml: missing from the output"]);
  });

  it("a workbook entry changed, reordered or lost; a style moved; a shared string changed", () => {
    const renamed = edit(parts, "xl/workbook.xml", (x) => x.replace('name="Sheet1"', 'name="Sheet1x"'));
    expect(workbookLevelGrew(parts, renamed)).toEqual([expect.stringContaining("<sheet> changed or lost")]);
    const name = edit(parts, "xl/workbook.xml", (x) =>
      x.replace(/(<definedName\b[^>]*>)[^<]*/, "$1Sheet1!$A$1"),
    );
    expect(workbookLevelGrew(parts, name)).toEqual([expect.stringContaining("<definedName>")]);
    const styles = edit(parts, "xl/styles.xml", (x) =>
      x.replace(
        /<cellXfs count="(\d+)">/,
        '<cellXfs count="$1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>',
      ),
    );
    expect(workbookLevelGrew(parts, styles).some((p) => p.includes("<cellXfs> entry 0"))).toBe(true);
    const strings = edit(parts, "xl/sharedStrings.xml", (x) => x.replace(/<si>/, "<si><t>new</t></si><si>"));
    expect(workbookLevelGrew(parts, strings)).toEqual([expect.stringContaining("sharedStrings.xml item 0")]);
    const rels = edit(parts, "xl/_rels/workbook.xml.rels", (x) =>
      x.replace(/<Relationship [^>]*theme[^>]*\/>/, ""),
    );
    expect(workbookLevelGrew(parts, rels)).toEqual([expect.stringContaining("workbook.xml.rels lost")]);
  });

  it("an orphaned part, a dangling relationship, a part without a content type", () => {
    const orphan = new Map(parts).set("xl/media/image9.png", new Uint8Array([1]));
    expect(packageConsistent(parts, orphan)).toEqual([
      "orphaned part xl/media/image9.png",
      "no content type for xl/media/image9.png",
    ]);
    const dangling = new Map(parts);
    dangling.delete("xl/theme/theme1.xml");
    expect(packageConsistent(parts, dangling)).toEqual([
      expect.stringContaining("dangling relationship xl/workbook.xml"),
      "content type override for a missing part /xl/theme/theme1.xml",
    ]);
  });

  it("XML that is not well-formed", async () => {
    expect(await wellFormed(parts)).toEqual([]);
    const broken = edit(parts, "xl/workbook.xml", (x) => x.replace("</sheets>", "</sheet>"));
    expect((await wellFormed(broken)).join("\n")).toMatch(/xl\/workbook\.xml.*mismatch/);
  });
});
