/**
 * `npm run package`: an npm package whose CLI is one bundled file, installed the way a clerk's PC
 * installs it (offline, globally, into its own prefix) and run from an unrelated folder.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const TGZ = path.join(ROOT, "dist", "task-ledger.tgz");
const SAMPLE = path.join(ROOT, "assets", "samples", "longxian-2024-key-tasks.txt");

describe("npm run package → npm install -g --offline dist/task-ledger.tgz", () => {
  const prefix = mkdtempSync(path.join(os.tmpdir(), "task-ledger-prefix-"));
  const elsewhere = mkdtempSync(path.join(os.tmpdir(), "task-ledger-elsewhere-"));
  const bin = path.join(prefix, "bin", "task-ledger");
  const installed = path.join(prefix, "lib", "node_modules", "task-ledger");

  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, "scripts", "package-cli.js")], {
      cwd: ROOT,
      stdio: "pipe",
    });
    execFileSync("npm", ["install", "-g", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", TGZ], {
      cwd: elsewhere,
      stdio: "pipe",
    });
  }, 180_000);

  it("installs one bundled file (with its launcher and code cache), the samples and no dependencies", () => {
    const pkg = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8"));
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.bin).toEqual({ "task-ledger": "dist/cli/task-ledger.js" });
    // The launcher, the bundle and V8's code cache for it (scripts/cli-launcher.js).
    expect(readdirSync(path.join(installed, "dist", "cli")).sort()).toEqual([
      "task-ledger-main.cache",
      "task-ledger-main.js",
      "task-ledger.js",
    ]);
    expect(existsSync(path.join(installed, "node_modules"))).toBe(false);
    expect(readdirSync(path.join(installed, "assets", "samples")).sort()).toEqual([
      "longxian-2024-key-tasks.txt",
      "longxian-2024-sample.xlsx",
    ]);
  });

  it("`task-ledger check` runs from another folder and reports on the list", () => {
    const r = spawnSync(bin, ["check", SAMPLE, "--as-of", "2024-07-01", "--json"], {
      cwd: elsewhere,
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.tasks).toHaveLength(22);
    expect(json.tasks[3].lead).toEqual([{ name: "县乡村振兴局", raw: "县乡村振兴局", known: true }]);
  });

  it("reads traditional characters (the converter, loaded on demand, is inside the bundle)", () => {
    const file = path.join(elsewhere, "trad.txt");
    writeFileSync(file, "2024年重點工作任務\n一、產業發展\n1.推進重點項目建設（縣發改局牽頭）12月底前\n");
    const t = spawnSync(bin, ["check", file, "--as-of", "2024-07-01", "--json"], {
      cwd: elsewhere,
      encoding: "utf8",
    });
    expect(t.status).toBe(0);
    expect(JSON.parse(t.stdout).tasks[0].lead).toEqual([
      { name: "县发展和改革局", raw: "县发改局", known: true },
    ]);
  });

  it("`task-ledger demo` finds the embedded sample and writes into the current folder", () => {
    const r = spawnSync(bin, ["demo"], { cwd: elsewhere, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(existsSync(path.join(elsewhere, "out", "longxian-2024-sample（台账）.xlsx"))).toBe(true);
  });
});
