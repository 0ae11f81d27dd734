/**
 * The lint's claims are true: the core and the application layer cannot reach the platform (files,
 * zip, processes, the clock, Office), whatever way the code tries.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..");

/**
 * Lint snippets as if they were files at the given paths, with the project's own config. ESLint
 * loads its config with import(), which jest's sandbox cannot: it runs in a plain Node process.
 */
function lintAll(cases: { file: string; code: string }[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const path = require("path");
    const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const c of cases) {
        const [r] = await eslint.lintText(c.code, { filePath: path.join(process.cwd(), c.file) });
        out.push(r.messages.map((m) => m.ruleId || m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const r = spawnSync(process.execPath, ["-e", script], {
    cwd: ROOT,
    input: JSON.stringify(cases),
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[][];
}

const IMPURE: [string, string][] = [
  ["node:fs", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;'],
  ["fs", 'import { promises } from "fs";\nexport const x = promises;'],
  ["jszip", 'import JSZip from "jszip";\nexport const x = JSZip;'],
  ["fflate", 'import { unzipSync } from "fflate";\nexport const x = unzipSync;'],
  ["exceljs", 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;'],
  ["child_process", 'import { execSync } from "child_process";\nexport const x = execSync;'],
  [
    "an adapter",
    'import { FilesPort } from "../../workbook/exceljs/files-port";\nexport const x = FilesPort;',
  ],
  ["process.env", "export const x = process.env.HOME;"],
  ["performance.now()", "export const x = performance.now();"],
  ["the clock", "export const x = new Date();"],
  ["Date.now()", "export const x = Date.now();"],
  ["Excel types", "export function f(r: Excel.Range): void {\n  void r;\n}"],
  ["Office", "export const x = Office.context;"],
];

describe("the lint keeps the inner layers pure", () => {
  const pure = "export const x = (s: string): string => s.trim();\n";
  const cases = [
    ...IMPURE.map(([what, code]) => ({
      what: `src/core refuses ${what}`,
      file: "src/core/read/example.ts",
      code,
    })),
    ...IMPURE.filter(([what]) => what !== "an adapter").map(([what, code]) => ({
      what: `src/app refuses ${what}`,
      file: "src/app/example.ts",
      code,
    })),
  ];
  const results = lintAll([
    ...cases,
    { file: "src/core/read/example.ts", code: pure },
    { file: "src/workbook/example.ts", code: IMPURE[1]![1] + "\n" },
  ]);

  it.each(cases.map((c, i) => [c.what, i] as const))("%s", (_what, i) => {
    // Refused by the purity rules themselves, not by some other rule.
    expect(results[i]!.filter((rule) => rule.startsWith("no-restricted-"))).not.toEqual([]);
  });

  it("lets pure code through, and the outer layers use the platform", () => {
    expect(results[cases.length]).toEqual([]);
    expect(results[cases.length + 1]).toEqual([]);
  });
});
