import { execFileSync, spawnSync } from "child_process";
import { writeFileSync } from "fs";
import * as path from "path";
import { SAMPLE_PATH } from "../helpers/build";
import { runCli } from "../helpers/cli";
import { tempDir, writeXlsx } from "../helpers/xlsx";

const ROOT = path.join(__dirname, "..", "..");
const dir = tempDir();
const BIN = path.join(ROOT, "src", "cli", "bin.js");

describe("task-ledger check --json (the contract)", () => {
  it("prints one JSON object with source, asOf, year, tasks, units, findings", async () => {
    const { code, out, err } = await runCli(["check", SAMPLE_PATH, "--as-of", "2024-07-01", "--json"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(["source", "asOf", "year", "tasks", "units", "findings"]);
    expect(json.source).toEqual({ file: "longxian-2024-key-tasks.txt", kind: "text" });
    expect(json.asOf).toBe("2024-07-01");
    expect(json.year).toBe(2024);
    expect(json.tasks).toHaveLength(22);
    const t4 = json.tasks[3];
    expect(Object.keys(t4)).toEqual([
      "id",
      "section",
      "title",
      "detail",
      "lead",
      "cooperating",
      "groups",
      "leader",
      "deadline",
      "status",
      "ref",
      "warning",
    ]);
    expect(t4.lead).toEqual([{ name: "县乡村振兴局", raw: "县乡村振兴局", known: true }]);
    expect(t4.deadline).toEqual({ text: "年内", kind: "date", due: "2024-12-31" });
    // 序时 as of 1 July of a task due at year end: 183 of 366 days.
    expect(t4.status).toEqual({
      text: "",
      state: "unknown",
      percent: null,
      reported: null,
      source: "list",
      expected: 50,
    });
    expect(t4.ref).toBe("line 7");
    const unit = json.units.find((u: { name: string }) => u.name === "县乡村振兴局");
    expect(unit).toMatchObject({ name: "县乡村振兴局", lead: 7, cooperating: 8, reported: false });
    expect(unit.done + unit.inProgress + unit.notReported).toBeLessThanOrEqual(7);
    expect(json.findings.length).toBeGreaterThan(0);
  });

  it("defaults the as-of date to today", async () => {
    const { out } = await runCli(["check", SAMPLE_PATH, "--json"], "2024-11-02");
    expect(JSON.parse(out).asOf).toBe("2024-11-02");
  });

  it("reads a workbook sheet and refers to cells", async () => {
    const file = await writeXlsx(dir, "list.xlsx", [
      { name: "说明", rows: [["本表为2024年重点任务"]] },
      {
        name: "任务清单",
        rows: [
          ["2024年重点任务清单"],
          ["序号", "重点任务", "牵头单位", "完成时限"],
          [1, "任务甲", "县财政局", "6月底前"],
        ],
      },
    ]);
    const json = JSON.parse((await runCli(["check", file, "--json"])).out);
    expect(json.source).toEqual({ file: "list.xlsx", kind: "sheet", sheet: "任务清单" });
    expect(json.tasks[0].ref).toBe("任务清单!B3");
  });

  it("--map and --header-row override detection", async () => {
    const file = await writeXlsx(dir, "odd.xlsx", [
      {
        name: "S",
        rows: [
          ["编", "事", "谁"],
          [1, "任务甲", "县财政局"],
        ],
      },
    ]);
    const bad = await runCli(["check", file, "--json"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Use --header-row and --map/);
    const good = await runCli([
      "check",
      file,
      "--json",
      "--header-row",
      "1",
      "--map",
      "id=A",
      "title=B",
      "lead=C",
    ]);
    expect(good.err).toBe("");
    expect(JSON.parse(good.out).tasks[0].lead[0].name).toBe("县财政局");
  });
});

describe("task-ledger check (report)", () => {
  it("prints a readable Chinese report by default", async () => {
    const { code, out } = await runCli(["check", SAMPLE_PATH, "--as-of", "2024-07-01"]);
    expect(code).toBe(0);
    expect(out).toMatch(/统计截至 2024年7月1日/);
    expect(out).toMatch(/共 22 项任务/);
    // The code stays, with its Chinese name beside it; the place is said in Chinese.
    expect(out).toMatch(/\[MISSING_LEAD 缺少牵头单位\] 第 3 行 {2}第 1 项没有牵头单位/);
    expect(out).not.toMatch(/line \d/);
  });

  it("prints English with --lang en", async () => {
    const { out } = await runCli(["check", SAMPLE_PATH, "--as-of", "2024-07-01", "--lang", "en"]);
    expect(out).toMatch(/As of 1 July 2024/);
    expect(out).toMatch(/Task 1 has no lead unit/);
  });
});

describe("exit codes and errors", () => {
  it("2 with a message naming the file when it cannot be read", async () => {
    const file = path.join(dir, "nothing.txt");
    writeFileSync(file, "   \n");
    const r = await runCli(["check", file, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^task-ledger: .*nothing\.txt is empty/);
    expect(r.out).toBe("");
    // A Chinese user (the default) is told in Chinese.
    const zh = await runCli(["check", file]);
    expect(zh.code).toBe(2);
    expect(zh.err).toMatch(/^task-ledger: .*nothing\.txt 是空文件/);
  });

  it("2 for a wrong date or unknown option, with what was expected", async () => {
    const r = await runCli(["check", SAMPLE_PATH, "--as-of", "7/1/2024", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--as-of "7\/1\/2024": expected a date as YYYY-MM-DD/);
    const zh = await runCli(["check", SAMPLE_PATH, "--as-of", "7/1/2024"]);
    expect(zh.err).toMatch(/--as-of "7\/1\/2024"：日期应写作 YYYY-MM-DD/);
    expect((await runCli(["check", SAMPLE_PATH, "--bogus"])).code).toBe(2);
  });

  it("--fail-on error exits 1 when errors were found, 0 when not", async () => {
    expect((await runCli(["check", SAMPLE_PATH, "--fail-on", "error"])).code).toBe(1);
    const clean = path.join(dir, "clean.txt");
    writeFileSync(clean, "2024年重点任务\n1.任务甲。（县财政局）10月底前完成。\n");
    expect((await runCli(["check", clean, "--fail-on", "error"])).code).toBe(0);
  });
});

describe("the installed command (bin/task-ledger.js)", () => {
  beforeAll(() => {
    execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "ignore" });
  });

  it("runs check --json on the sample", () => {
    const r = spawnSync(process.execPath, [BIN, "check", SAMPLE_PATH, "--json", "--as-of", "2024-07-01"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).tasks).toHaveLength(22);
  });

  it("prints no stack trace for a corrupt workbook", () => {
    const file = path.join(dir, "bad.xlsx");
    writeFileSync(file, "not a zip");
    // An English locale gives English messages.
    const r = spawnSync(process.execPath, [BIN, "check", file], {
      encoding: "utf8",
      env: { ...process.env, LC_ALL: "", LC_MESSAGES: "", LANG: "en_US.UTF-8" },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.xlsx is not a readable \.xlsx workbook/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("demo reads the embedded sample", () => {
    const r = spawnSync(process.execPath, [BIN, "demo"], {
      encoding: "utf8",
      env: { ...process.env, LC_ALL: "", LC_MESSAGES: "", LANG: "zh_CN.UTF-8" },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/22 项任务/);
  });
});
