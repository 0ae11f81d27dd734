/**
 * Control characters and _xHHHH_ escapes: what the writer escapes, the reader shows back as the
 * user typed it, and a list holding them reads as Excel shows it.
 */
import fc from "fast-check";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { decodeOoxmlEscapes as decodeXstring, xmlText } from "../../src/workbook/package/xml";
import { runCli } from "../helpers/cli";
import { readParts, unescapeXml } from "../helpers/ooxml";
import { TASK_ROWS, injectTaskSheet } from "../helpers/package-edit";
import { tempDir } from "../helpers/xlsx";
import { wellFormed } from "../fidelity/package-checks";

const CORPUS = path.join(__dirname, "..", "fixtures", "corpus", "excel-made");

describe("_xHHHH_ escapes", () => {
  it("decode as Excel shows them, an escaped underscore included", () => {
    expect(decodeXstring("_x0007_推进_x000B_农村")).toBe("\u0007推进\u000b农村");
    expect(decodeXstring("_x005F_x0041_")).toBe("_x0041_");
    expect(decodeXstring("_x4E2D_文")).toBe("中文");
    expect(decodeXstring("x_0041_ _xZZZZ_")).toBe("x_0041_ _xZZZZ_");
  });

  it("whatever the writer escapes reads back as the text it was given", () => {
    const chars = fc.oneof(
      fc.constantFrom(
        "_",
        "x",
        "0",
        "7",
        "A",
        "F",
        "_x0041_",
        "_x005F_",
        "\u0007",
        "\r",
        "\n",
        "&",
        "<",
        "县",
      ),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 30 }), (text) => {
        // Lone surrogates cannot be written in any encoding: they come back as U+FFFD.
        const expected = text.replace(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
          "\ufffd",
        );
        expect(decodeXstring(unescapeXml(xmlText(text)))).toBe(expected);
      }),
    );
  });
});

describe("a list with control characters and escapes in its cells", () => {
  const rows = TASK_ROWS.map((r, i) =>
    i === 2
      ? [r[0]!, "_x0007_推进_x000B_农村\u0001污水治理_x005F_x0041_", "县生态\u0007环境局", ...r.slice(3)]
      : r,
  );
  const dir = tempDir();
  const file = path.join(dir, "清单.xlsx");
  writeFileSync(
    file,
    injectTaskSheet(new Uint8Array(readFileSync(path.join(CORPUS, "bootstrap01.xlsx"))), {
      position: "last",
      rows,
    }),
  );

  it("reads as Excel shows it: invisible characters gone, a vertical tab a line break, the unit known", async () => {
    const r = await runCli(["check", file, "--json"]);
    expect(r.code).toBe(0);
    const task = (
      JSON.parse(r.out) as { tasks: { title: string; lead: { name: string; known: boolean }[] }[] }
    ).tasks[0]!;
    expect(task.title).toBe("推进\n农村污水治理_x0041_");
    expect(task.lead).toEqual([expect.objectContaining({ name: "县生态环境局", known: true })]);
  });

  it("generates a workbook whose every part is well-formed XML", async () => {
    const out = path.join(dir, "台账.xlsx");
    const r = await runCli(["generate", file, "-o", out]);
    expect(r.err).toBe("");
    expect(await wellFormed(readParts(readFileSync(out)))).toEqual([]);
  });
});
