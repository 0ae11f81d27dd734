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
import { type CheckResult, runChecks } from "../src/core/checks/findings";
import { buildTaskList } from "../src/core/ledger";
import type { TaskList } from "../src/core/model";
import { type PlanInput, buildPlan } from "../src/core/plan/build";
import type { WorkbookPlan } from "../src/core/plan/model";
import { FORM_COL, type ReadForm, readForm } from "../src/core/cycle/form";
import { ledgerReports } from "../src/core/cycle/ledger-reports";
import { readRows } from "../src/core/read/rows";
import { UnitDirectory } from "../src/core/units/directory";
import { formatDate, translator } from "../src/i18n";
import { createExcelLedger } from "../src/workbook/excel-api/ledger";
import { applyPlan } from "../src/workbook/exceljs/apply";
import { writeWorkbook } from "../src/workbook/exceljs/write-workbook";
import { FakeExcel, PAYLOAD_LIMIT } from "../test/fake-excel/fake-excel";
import { syntheticGrid } from "./synthetic";

const ROOT = path.join(__dirname, "..", "..", "..");
const SIZES = [
  { tasks: 300, units: 60, runs: 7 },
  { tasks: 3000, units: 300, runs: 5 },
  { tasks: 30000, units: 1000, runs: 5 },
];
const AS_OF = "2024-07-01";
const t = translator("zh-CN");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gc = () => (global as unknown as { gc?: () => void }).gc?.();

/** The plan's input as the CLI gives it, for a list read from the sheet `sheet`. */
function planInput(
  list: TaskList,
  checks: CheckResult,
  sheet: string,
  extra: Pick<PlanInput, "includeDirectory" | "reports">,
): PlanInput {
  return {
    list,
    checks,
    asOf: AS_OF,
    dueSoonDays: 15,
    lang: "zh-CN",
    asOfText: formatDate(AS_OF, "zh-CN"),
    t,
    tr: t,
    userSheets: [sheet],
    includeListSheet: false,
    ...extra,
  };
}

function core(tasks: number, units: number): { plan: WorkbookPlan; ms: number; heapMb: number } {
  const grid = syntheticGrid(tasks, units);
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
  const start = performance.now();
  const directory = UnitDirectory.builtin();
  const raw = readRows(grid);
  sample();
  const list = buildTaskList(
    raw,
    { file: "bench.xlsx", kind: "sheet", sheet: grid.sheet },
    { asOf: AS_OF, directory },
  );
  sample();
  const checks = runChecks(list, directory, { asOf: AS_OF, dueSoonDays: 15 });
  sample();
  const plan = buildPlan(planInput(list, checks, grid.sheet, { includeDirectory: true }));
  sample();
  return { plan, ms: performance.now() - start, heapMb: (peak - before) / 1024 / 1024 };
}

/**
 * Regeneration after every unit has typed progress into every task's row: the plan rebuilt with
 * that progress read back from the unit sheets and matched to the tasks (untimed: reading and
 * checking the list, which core measures).
 */
function regeneratePlan(tasks: number, units: number, first: WorkbookPlan): number {
  const grid = syntheticGrid(tasks, units);
  const directory = UnitDirectory.builtin();
  const list = buildTaskList(
    readRows(grid),
    { file: "bench.xlsx", kind: "sheet", sheet: grid.sheet },
    { asOf: AS_OF, directory },
  );
  const checks = runChecks(list, directory, { asOf: AS_OF, dueSoonDays: 15 });
  const forms: ReadForm[] = [];
  for (const sheet of first.sheets) {
    if (sheet.role !== "unit" || !sheet.unit) continue;
    // The sheet as the unit returns it: a progress note in every task row.
    const rows = sheet.rows.map((row) =>
      typeof row[0]?.v === "number"
        ? row.map((c, k) => (k === FORM_COL.progress - 1 ? `第${String(row[0]!.v)}项已推进` : (c?.v ?? null)))
        : row.map((c) => c?.v ?? null),
    );
    const form = readForm({ sheet: sheet.name, rows, merges: [] });
    if (form) forms.push(form);
  }
  gc();
  const start = performance.now();
  const reports = ledgerReports({ history: [], forms, legacy: new Map() }, list, {
    asOf: AS_OF,
    period: AS_OF.slice(0, 7),
  });
  buildPlan(planInput(list, checks, grid.sheet, { includeDirectory: false, reports }));
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
 * The files path: the plan written as the generate command writes it (frames, then the cells
 * streamed as XML), against the floor — a bare ExcelJS script writing the same cells, nothing else.
 */
async function files(plan: WorkbookPlan, dir: string): Promise<{ ms: number; floorMs: number }> {
  gc();
  const start = performance.now();
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, plan);
  await writeWorkbook(wb, plan.sheets, path.join(dir, "files.xlsx"));
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

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "task-ledger-bench-"));
  const rows: Record<string, unknown>[] = [];
  for (const size of SIZES) {
    const coreRuns: number[] = [];
    let heap = 0;
    let plan: WorkbookPlan | null = null;
    for (let i = 0; i < size.runs; i++) {
      // Each run starts from the state a user's run starts from: no earlier plan kept alive.
      const r = core(size.tasks, size.units);
      coreRuns.push(r.ms);
      heap = Math.max(heap, r.heapMb);
      if (i === size.runs - 1) plan = r.plan;
    }
    const regenMs = median([0, 1, 2].map(() => regeneratePlan(size.tasks, size.units, plan!)));
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
  const targets = {
    "core 30k×1000 under 1 s": (big.coreMs as number) < 1000,
    "core linear 3k→30k (per task ≤ 1.5×)": (big.usPerTask as number) <= 1.5 * (mid.usPerTask as number),
    "files within 1.5× the bare ExcelJS floor at 30k": (big.filesRatio as number) <= 1.5,
    "generate's peak memory under 1 GB at 30k": (big.peakRssMb as number) < 1024,
    "reading takes at most 2 syncs": rows.every((r) => (r.readSyncs as number) <= 2),
    "generating within 2 + one sync per 4 MB": rows.every(
      (r) => (r.generateSyncs as number) <= (r.syncBudget as number),
    ),
    "no request over 5 MB": rows.every(
      (r) => (r.readMaxRequestB as number) < 5 * 1024 * 1024 && (r.generateMaxRequestKb as number) < 5 * 1024,
    ),
    "pane JavaScript under 400 KB gzipped":
      p.bundleKbGzip === null ? "not built (npm run build)" : p.bundleKbGzip < 400,
    "pane first render under 1 s":
      p.firstRenderMs === null ? "not measured (run the browser test)" : p.firstRenderMs < 1000,
  };
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "?",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
  console.table(rows);
  console.log("pane:", p);
  console.table(Object.entries(targets).map(([target, met]) => ({ target, met })));
  console.log("machine:", machine);
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(
    path.join(ROOT, "bench", "results.json"),
    JSON.stringify({ machine, sizes: rows, pane: p, targets }, null, 2) + "\n",
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
