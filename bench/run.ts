/**
 * npm run bench: core, files and add-in figures at 300 / 3,000 / 30,000 tasks, against targets.
 * Prints a table and writes bench/results.json. Run on an idle machine; figures are medians.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { planGeneration } from "../src/app/generate";
import type { WorkbookPort } from "../src/app/port";
import { readWorkbook } from "../src/app/read";
import { SETTINGS_SHEET, type WorkbookPlan } from "../src/core/plan/model";
import { FORM_COL } from "../src/core/cycle/form";
import { settingsToRows } from "../src/core/plan/settings";
import type { Grid } from "../src/core/read/grid";
import { formatDate, translator } from "../src/i18n";
import { createExcelLedger } from "../src/workbook/excel-api/ledger";
import { nodeDeflate } from "../src/workbook/files/node-deflate";
import { PackagePort } from "../src/workbook/package/port";
import { FakeExcel, PAYLOAD_LIMIT } from "../test/fake-excel/fake-excel";
import { similarUnitNames, syntheticGrid, unitNames } from "./synthetic";

const ROOT = path.join(__dirname, "..", "..", "..");
/** BENCH_QUICK=1: the two small sizes only, to try the bench itself (figures not for the README). */
const QUICK = process.env.BENCH_QUICK === "1";
const SIZES = [
  { tasks: 300, units: 60, runs: 7 },
  { tasks: 3000, units: 300, runs: 5 },
  { tasks: 30000, units: 1000, runs: 5 },
].slice(0, QUICK ? 2 : 3);
const AS_OF = "2024-07-01";
const t = translator("zh-CN");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gc = () => (global as unknown as { gc?: () => void }).gc?.();

const GEN = { lang: "zh-CN" as const, asOfText: formatDate(AS_OF, "zh-CN"), t, tr: t };

/** The synthetic list as a workbook port holding one sheet (the app reads it as any host's). */
function gridPort(grid: Grid): WorkbookPort {
  return {
    view: () =>
      Promise.resolve({
        sheets: [{ name: grid.sheet, visible: true }],
        grid: (n) => (n === grid.sheet ? grid : undefined),
      }),
    apply: () => Promise.resolve(),
  };
}

/** Read, check and plan through the application layer, as every shell does. */
async function core(
  tasks: number,
  units: number,
  names = unitNames(units),
): Promise<{ plan: WorkbookPlan; ms: number; heapMb: number }> {
  const grid = syntheticGrid(tasks, units, 7, names);
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
  const start = performance.now();
  const read = await readWorkbook(
    gridPort(grid),
    { kind: "workbook" },
    { asOf: AS_OF },
    { today: AS_OF, file: "bench.xlsx" },
  );
  sample();
  const plan = planGeneration(read, GEN);
  sample();
  return { plan, ms: performance.now() - start, heapMb: (peak - before) / 1024 / 1024 };
}

/**
 * Regeneration after every unit has typed progress into every task's row of its sheet: the
 * ledger read back (the forms' rows matched to the tasks, the reports applied) and the plan rebuilt.
 * Timed: the read of the cycle's sheets and the plan (reading the list itself is in core).
 */
async function regeneratePlan(tasks: number, units: number, first: WorkbookPlan): Promise<number> {
  const grid = syntheticGrid(tasks, units);
  const sheets = new Map<string, Grid>([[grid.sheet, grid]]);
  for (const sheet of first.sheets) {
    // The sheet as the unit fills it: a progress note in every task row.
    const rows = sheet.rows.map((row) => {
      const values = row.map((c) => c?.v ?? null);
      if (sheet.role === "unit" && typeof row[FORM_COL.identity - 1]?.v === "string" && row[0]?.v)
        values[FORM_COL.progress - 1] = `第${row[0].v}项已推进`;
      return values;
    });
    sheets.set(sheet.name, { sheet: sheet.name, rows, merges: sheet.merges.map((m) => ({ ...m })) });
  }
  sheets.set(SETTINGS_SHEET, { sheet: SETTINGS_SHEET, rows: settingsToRows(first.settings), merges: [] });
  const port: WorkbookPort = {
    view: () =>
      Promise.resolve({
        sheets: [...sheets.keys()].map((name) => ({ name, visible: name !== SETTINGS_SHEET })),
        grid: (n) => sheets.get(n),
      }),
    apply: () => Promise.resolve(),
  };
  gc();
  const start = performance.now();
  const read = await readWorkbook(
    port,
    { kind: "workbook" },
    { asOf: AS_OF },
    { today: AS_OF, file: "bench.xlsx" },
  );
  planGeneration(read, GEN);
  return performance.now() - start;
}

/** A synthetic list as the .xlsx a user would hand to `task-ledger generate`. */
async function listWorkbook(tasks: number, units: number, file: string): Promise<void> {
  const grid = syntheticGrid(tasks, units);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.sheet);
  for (const row of grid.rows) ws.addRow(row);
  await wb.xlsx.writeFile(file);
}

/**
 * The files path: the plan written as the generate command writes it (the package writer, Node's
 * deflate), against the floor — a bare ExcelJS script writing the same cells, nothing else.
 */
async function files(plan: WorkbookPlan, dir: string): Promise<{ ms: number; floorMs: number }> {
  gc();
  const start = performance.now();
  const port = new PackagePort(undefined, { deflate: nodeDeflate });
  port.applyNow(plan, null);
  writeFileSync(path.join(dir, "files.xlsx"), port.bytes());
  const ms = performance.now() - start;
  gc();
  const fstart = performance.now();
  const bare = new ExcelJS.Workbook();
  for (const s of plan.sheets) {
    const ws = bare.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((cell, c) => cell && cell.v !== null && (ws.getCell(r + 1, c + 1).value = cell.v)),
    );
  }
  await bare.xlsx.writeFile(path.join(dir, "floor.xlsx"));
  const floorMs = performance.now() - fstart;
  return { ms, floorMs };
}

/**
 * `task-ledger generate` on the list's workbook, in a process of its own: wall time and the
 * process's peak resident memory (everything: reading, checks, plan, writing).
 */
function generateCommand(input: string, output: string): { ms: number; peakRssMb: number } {
  const hook = path.join(ROOT, "bench", "max-rss.js");
  const bin = path.join(ROOT, "src", "cli", "bin.js");
  const start = performance.now();
  const r = spawnSync(
    process.execPath,
    ["-r", hook, bin, "generate", input, "-o", output, "--as-of", AS_OF],
    { encoding: "utf8" },
  );
  const ms = performance.now() - start;
  const m = /max-rss-kb=(\d+)/.exec(r.stderr);
  if (!m || !existsSync(output))
    throw new Error(`generate failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  return { ms, peakRssMb: Number(m[1]) / 1024 };
}

async function addin(tasks: number, units: number) {
  const excel = new FakeExcel();
  const grid = syntheticGrid(tasks, units);
  excel.loadSheet(grid.sheet, grid.rows as (string | number | null)[][]);
  const ledger = createExcelLedger(excel.run, excel);
  excel.resetCounters();
  await ledger.read({ asOf: AS_OF, dueSoonDays: 15 });
  const check = {
    syncs: excel.syncs,
    maxRequest: excel.maxRequest,
    bytes: excel.totalBytes,
    maxResponse: excel.maxResponse,
  };
  // The same read as Excel on the web answers it: at most 5 MB per sync.
  const web = new FakeExcel();
  web.loadSheet(grid.sheet, grid.rows as (string | number | null)[][]);
  web.responseLimit = PAYLOAD_LIMIT;
  await createExcelLedger(web.run, web).read({ asOf: AS_OF, dueSoonDays: 15 });
  const webRead = { syncs: web.syncs, maxResponse: web.maxResponse };
  excel.resetCounters();
  await ledger.generate(
    { asOf: AS_OF, dueSoonDays: 15, lang: "zh-CN", asOfText: "x", townSheets: false },
    t,
    t,
  );
  const writeBytes = excel.requests.slice(2).reduce((a, b) => a + b, 0);
  const generate = {
    syncs: excel.syncs,
    maxRequest: excel.maxRequest,
    bytes: excel.totalBytes,
    budget: 2 + Math.ceil(writeBytes / (4 * 1024 * 1024)),
  };
  return { check, webRead, generate };
}

function pane() {
  const dir = path.join(ROOT, "dist", "web");
  const js = ["taskpane.js", "commands.js"].filter((f) => existsSync(path.join(dir, f)));
  const gz = js.length
    ? js.reduce((n, f) => n + gzipSync(readFileSync(path.join(dir, f))).length, 0) / 1024
    : null;
  const renderFile = path.join(ROOT, "artifacts", "pane-first-render.json");
  const firstRenderMs = existsSync(renderFile)
    ? (JSON.parse(readFileSync(renderFile, "utf8")) as { firstRenderMs: number }).firstRenderMs
    : null;
  return { bundleKbGzip: gz === null ? null : Math.round(gz), firstRenderMs };
}

/**
 * The shape that made the typo index quadratic: thousands of unknown unit names, every two
 * within two edits, against a normal list of the same size (core only, medians).
 */
async function similarNames(units: number): Promise<{ normalMs: number; similarMs: number; ratio: number }> {
  const tasks = units * 2;
  const normal: number[] = [];
  const similar: number[] = [];
  for (let i = 0; i < 3; i++) {
    normal.push((await core(tasks, units)).ms);
    similar.push((await core(tasks, units, similarUnitNames(units))).ms);
  }
  const normalMs = median(normal);
  const similarMs = median(similar);
  return {
    normalMs: Math.round(normalMs),
    similarMs: Math.round(similarMs),
    ratio: round2(similarMs / normalMs),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Wall time of one process run to its end. */
function timed(args: string[], cwd: string): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
  const ms = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} failed: ${r.stderr.slice(-1000)}`);
  return ms;
}

/**
 * Start-up as a user feels it: a bare `node -e ''` against `task-ledger check` on a 300 × 60 list, the
 * compiled CLI and the bundled one (npm run package), interleaved in the same run (medians of 7).
 */
function commandLine(input: string, dir: string) {
  const bundle = path.join(ROOT, "dist", "package", "dist", "cli", "task-ledger.js");
  const compiled = path.join(ROOT, "src", "cli", "bin.js");
  const check = (bin: string) => [bin, "check", input, "--as-of", AS_OF];
  const bare: number[] = [];
  const tsc: number[] = [];
  const bundled: number[] = [];
  for (let i = 0; i < 7; i++) {
    bare.push(timed(["-e", ""], dir));
    tsc.push(timed(check(compiled), dir));
    if (existsSync(bundle)) bundled.push(timed(check(bundle), dir));
  }
  const bareMs = median(bare);
  return {
    bareNodeMs: Math.round(bareMs),
    checkMs: Math.round(median(tsc)),
    checkRatio: round2(median(tsc) / bareMs),
    bundledCheckMs: bundled.length ? Math.round(median(bundled)) : null,
    bundledCheckRatio: bundled.length ? round2(median(bundled) / bareMs) : null,
  };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "task-ledger-bench-"));
  const rows: Record<string, unknown>[] = [];
  for (const size of SIZES) {
    const coreRuns: number[] = [];
    let heap = 0;
    let plan: WorkbookPlan | null = null;
    for (let i = 0; i < size.runs; i++) {
      // Each run starts from the state a user's run starts from: no earlier plan kept alive.
      const r = await core(size.tasks, size.units);
      coreRuns.push(r.ms);
      heap = Math.max(heap, r.heapMb);
      if (i === size.runs - 1) plan = r.plan;
    }
    const regenMs = median([
      await regeneratePlan(size.tasks, size.units, plan!),
      await regeneratePlan(size.tasks, size.units, plan!),
      await regeneratePlan(size.tasks, size.units, plan!),
    ]);
    const fileRuns: { ms: number; floorMs: number }[] = [];
    for (let i = 0; i < Math.min(size.runs, 3); i++) fileRuns.push(await files(plan!, dir));
    plan = null;
    const input = path.join(dir, `list-${size.tasks}.xlsx`);
    await listWorkbook(size.tasks, size.units, input);
    const commandRuns: { ms: number; peakRssMb: number }[] = [];
    for (let i = 0; i < Math.min(size.runs, 3); i++)
      commandRuns.push(generateCommand(input, path.join(dir, `out-${size.tasks}.xlsx`)));
    const a = await addin(size.tasks, size.units);
    const coreMs = median(coreRuns);
    const filesMs = median(fileRuns.map((f) => f.ms));
    const floorMs = median(fileRuns.map((f) => f.floorMs));
    rows.push({
      tasks: size.tasks,
      units: size.units,
      coreMs: Math.round(coreMs),
      coreHeapMb: Math.round(heap),
      usPerTask: Math.round((coreMs / size.tasks) * 1000),
      regenPlanMs: Math.round(regenMs),
      filesMs: Math.round(filesMs),
      floorMs: Math.round(floorMs),
      filesRatio: Math.round((filesMs / floorMs) * 100) / 100,
      generateMs: Math.round(median(commandRuns.map((c) => c.ms))),
      peakRssMb: Math.round(Math.max(...commandRuns.map((c) => c.peakRssMb))),
      readSyncs: a.check.syncs,
      readMaxRequestB: a.check.maxRequest,
      readSentB: a.check.bytes,
      readMaxResponseKb: Math.round(a.check.maxResponse / 1024),
      webReadSyncs: a.webRead.syncs,
      webReadMaxResponseKb: Math.round(a.webRead.maxResponse / 1024),
      generateSyncs: a.generate.syncs,
      syncBudget: a.generate.budget,
      generateMaxRequestKb: Math.round(a.generate.maxRequest / 1024),
      generateMb: Math.round((a.generate.bytes / 1024 / 1024) * 10) / 10,
    });
    console.error(`measured ${size.tasks} tasks`);
  }
  const p = pane();
  const big = rows.at(-1)!;
  const mid = rows[1]!;
  const cli = commandLine(path.join(dir, "list-300.xlsx"), dir);
  console.error("measured the command line's start");
  const similar = [];
  for (const units of QUICK ? [1000] : [4000, 8000]) similar.push({ units, ...(await similarNames(units)) });
  console.error("measured similar unit names");
  /** Each goal with the figure it is judged on, and met / missed (or why it was not measured). */
  const goal = (name: string, figure: string | null, met: boolean | null, why = "not measured") => ({
    goal: name,
    figure: figure ?? why,
    met: met === null ? "not measured" : met ? "met" : "missed",
  });
  const targets = [
    goal("core 30k×1000 under 1 s", `${big.coreMs as number} ms`, (big.coreMs as number) < 1000),
    goal(
      "core linear 3k→30k (per task ≤ 1.5×)",
      `${mid.usPerTask as number} → ${big.usPerTask as number} µs/task`,
      (big.usPerTask as number) <= 1.5 * (mid.usPerTask as number),
    ),
    ...similar.map((x) =>
      goal(
        `similar unknown names within 1.5× a normal list (${x.units} units)`,
        `${x.similarMs} vs ${x.normalMs} ms = ${x.ratio}×`,
        x.ratio <= 1.5,
      ),
    ),
    goal(
      "`check` 300×60 ≤ 3× bare node (bundled CLI)",
      cli.bundledCheckMs === null
        ? null
        : `${cli.bundledCheckMs} vs ${cli.bareNodeMs} ms = ${cli.bundledCheckRatio}× (compiled CLI ${cli.checkRatio}×)`,
      cli.bundledCheckRatio === null ? null : cli.bundledCheckRatio <= 3,
      "no bundle (npm run package)",
    ),
    goal(
      "files within 1.5× the bare ExcelJS floor at 30k",
      `${big.filesRatio as number}×`,
      (big.filesRatio as number) <= 1.5,
    ),
    goal(
      "generate's peak memory under 1 GB at 30k",
      `${big.peakRssMb as number} MB`,
      (big.peakRssMb as number) < 1024,
    ),
    goal(
      "reading takes at most 2 syncs",
      rows.map((r) => r.readSyncs).join(" / "),
      rows.every((r) => (r.readSyncs as number) <= 2),
    ),
    goal(
      "generating within 2 + one sync per 4 MB",
      rows.map((r) => `${r.generateSyncs as number} (${r.syncBudget as number})`).join(" / "),
      rows.every((r) => (r.generateSyncs as number) <= (r.syncBudget as number)),
    ),
    goal(
      "no request over 5 MB",
      `${Math.max(...rows.map((r) => r.generateMaxRequestKb as number))} KB`,
      rows.every(
        (r) =>
          (r.readMaxRequestB as number) < 5 * 1024 * 1024 && (r.generateMaxRequestKb as number) < 5 * 1024,
      ),
    ),
    goal(
      "pane's first load ≤ 200 KB gzipped",
      p.bundleKbGzip === null ? null : `${p.bundleKbGzip} KB`,
      p.bundleKbGzip === null ? null : p.bundleKbGzip <= 200,
      "not built (npm run build)",
    ),
    goal(
      "pane first render under 1 s",
      p.firstRenderMs === null ? null : `${p.firstRenderMs} ms`,
      p.firstRenderMs === null ? null : p.firstRenderMs < 1000,
      "not measured (run the browser test)",
    ),
  ];
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "?",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
  console.table(rows);
  console.log("pane:", p);
  console.log("command line:", cli);
  console.table(similar);
  console.table(targets);
  console.log("machine:", machine);
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(
    path.join(ROOT, "bench", "results.json"),
    JSON.stringify(
      { machine, sizes: rows, pane: p, commandLine: cli, similarNames: similar, targets },
      null,
      2,
    ) + "\n",
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
