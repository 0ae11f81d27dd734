/**
 * The bench at a small size, with budgets, in every test run: a change that makes reading and
 * checking a list or writing its workbook much slower, or brings back a quadratic case, fails here rather than waiting for
 * someone to run `npm run bench`. Budgets leave room for a slow, shared machine: they catch a
 * change of kind, not a few percent.
 */
import { spawnSync } from "child_process";
import { buildSync } from "esbuild";
import { mkdtempSync } from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..");

describe("bench budgets (small sizes, CPU time)", () => {
  let figures: { list3000: number; normal: number; similar: number; write3000: number };
  beforeAll(() => {
    const script = path.join(mkdtempSync(path.join(os.tmpdir(), "task-ledger-budget-")), "budget.js");
    buildSync({
      entryPoints: [path.join(ROOT, "bench", "budget.ts")],
      bundle: true,
      platform: "node",
      outfile: script,
      logLevel: "warning",
    });
    const r = spawnSync(process.execPath, [script], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
    figures = JSON.parse(r.stdout) as typeof figures;
  }, 120_000);

  it("reads and checks 3,000 tasks × 300 units within 1.5 s (about 0.15 s on an idle machine)", () => {
    expect(figures.list3000).toBeLessThan(1500);
  });

  it("1,500 unknown unit names all within two edits of each other cost at most 1.5× a normal list", () => {
    expect(figures.similar / figures.normal).toBeLessThanOrEqual(1.5);
  });

  it("writes the workbook of 3,000 tasks × 300 units within 1.5 s (about 0.2 s on a loaded machine)", () => {
    expect(figures.write3000).toBeLessThan(1500);
  });
});
