/**
 * npm run bench: the goals of issue 16, each with its figure and met / missed, measured in one run
 * on the same files: the bundled CLI (npm run package) against a bare `node -e ''` and against the
 * I/O floor, its peak memory, the in-process stages (core, files, add-in) and honest anchors
 * (the floor, ExcelJS's own streaming writer writing the same cells). Prints the tables and writes
 * bench/results.json. Run on an idle machine; figures are medians.
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
import { nodeDeflate, nodeDeflateInBackground } from "../src/workbook/files/node-deflate";
import { PackagePort } from "../src/workbook/package/port";
import { FakeExcel, PAYLOAD_LIMIT } from "../test/fake-excel/fake-excel";
import { similarUnitNames, syntheticGrid, unitNames } from "./synthetic";

const ROOT = path.join(__dirname, "..", "..", "..");
/** BENCH_QUICK=1: the two small sizes only, to try the bench itself (figures not for the README). */
const QUICK = process.env.BENCH_QUICK === "1";
/** Sizes; `inProcess: false` measures the command only (the in-process stages would hold gigabytes). */
const SIZES = [
  { tasks: 300, units: 60, runs: 7, commandRuns: 5, inProcess: true },
  { tasks: 3000, units: 300, runs: 5, commandRuns: 3, inProcess: true },
  { tasks: 30000, units: 1000, runs: 5, commandRuns: 5, inProcess: true },
  { tasks: 100000, units: 3000, runs: 1, commandRuns: 1, inProcess: false },
].slice(0, QUICK ? 2 : 4);
/** The bundled CLI, as `npm install -g dist/task-ledger.tgz` installs it. */
const BUNDLE = path.join(ROOT, "dist", "package", "dist", "cli", "task-ledger.js");
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
 * The files path in process: the plan written as the generate command writes it (the package
 * writer, Node's deflate on a worker thread as the parts are written) into a new workbook, against an anchor writing the same cells into a new
 * workbook too: ExcelJS's own streaming writer (its fastest path, shared strings, zlib).
 */
async function files(plan: WorkbookPlan, dir: string): Promise<{ ms: number; excelStreamMs: number }> {
  gc();
  const start = performance.now();
  const port = new PackagePort(undefined, {
    deflate: nodeDeflate,
    deflateInBackground: nodeDeflateInBackground,
  });
  port.applyNow(plan, null);
  writeFileSync(path.join(dir, "files.xlsx"), await port.bytesAsync());
  const ms = performance.now() - start;
  gc();
  const sstart = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path.join(dir, "exceljs-stream.xlsx"),
    useSharedStrings: true,
  });
  for (const s of plan.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.rows) ws.addRow(row.map((c) => c?.v ?? null)).commit();
    ws.commit();
  }
  await wb.commit();
  return { ms, excelStreamMs: performance.now() - sstart };
}

interface Timed {
  ms: number[];
  peakRssMb: (number | null)[];
}

/** Commands timed by bench/spawn-timer.js, a small process of its own (see there why). */
function spawnTimed(
  runs: number,
  commands: { name: string; args: string[]; rss?: boolean }[],
  cwd: string,
): Record<string, Timed> {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, "bench", "spawn-timer.js"), JSON.stringify({ runs, commands, cwd })],
    { encoding: "utf8", maxBuffer: 1 << 24 },
  );
  if (r.status !== 0) throw new Error(`timing failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as Record<string, Timed>;
}

/** The I/O floor of one generate (bench/io-floor.ts), in a process of its own. */
function ioFloor(input: string, output: string): { ms: number; inflateMs: number; deflateMs: number } {
  const r = spawnSync(process.execPath, [path.join(__dirname, "io-floor.js"), input, output, "3"], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`the I/O floor failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as { ms: number; inflateMs: number; deflateMs: number };
}

const generateArgs = (input: string, output: string) => [
  BUNDLE,
  "generate",
  input,
  "-o",
  output,
  "--as-of",
  AS_OF,
  "--allow-large",
];

/**
 * `task-ledger generate` (the bundled CLI) on the list's workbook, alone in a process of its own:
 * wall time and peak resident memory (everything: start, reading, checks, plan, writing), and the
 * I/O floor on the same input and output, each run of the one followed by a run of the other so
 * both meet the same load on a shared machine.
 */
function generateCommand(size: (typeof SIZES)[number], input: string, dir: string) {
  const output = path.join(dir, `out-${size.tasks}.xlsx`);
  const runs: number[] = [];
  const rss: number[] = [];
  const floors: { ms: number; inflateMs: number; deflateMs: number }[] = [];
  for (let i = 0; i < size.commandRuns; i++) {
    const g = spawnTimed(
      1,
      [{ name: "generate", args: generateArgs(input, output), rss: true }],
      dir,
    ).generate!;
    runs.push(g.ms[0]!);
    rss.push(g.peakRssMb[0] ?? 0);
    if (!existsSync(output)) throw new Error(`generate wrote no ${output}`);
    floors.push(ioFloor(input, output));
  }
  const ms = median(runs);
  const floor = [...floors].sort((a, b) => a.ms - b.ms)[Math.floor(floors.length / 2)]!;
  // The ratio run by run (each generate beside its own floor), then the median: the machine's
  // speed drifts between runs on a shared host, and a ratio of two medians would mix two moments.
  const ratio = median(runs.map((g, i) => g / floors[i]!.ms));
  return {
    generateMs: Math.round(ms),
    generateUsPerTask: Math.round((ms / size.tasks) * 1000),
    peakRssMb: Math.round(Math.max(...rss)),
    ioFloorMs: Math.round(floor.ms),
    floorInflateMs: Math.round(floor.inflateMs),
    floorDeflateMs: Math.round(floor.deflateMs),
    floorRatio: round2(ratio),
  };
}

/**
 * Time per task at 30,000 and at 100,000 tasks, the two commands in turn three times (a round
 * each): a per-task ratio from one round compares two runs under the same load, where sizes
 * measured minutes apart compare the machine's two moments as much as the code.
 */
function linearity(input30k: string, input100k: string, dir: string) {
  const runs = spawnTimed(
    3,
    [
      { name: "k30", args: generateArgs(input30k, path.join(dir, "linear-30k.xlsx")) },
      { name: "k100", args: generateArgs(input100k, path.join(dir, "linear-100k.xlsx")) },
    ],
    dir,
  );
  const per30 = runs.k30!.ms.map((x) => (x / 30000) * 1000);
  const per100 = runs.k100!.ms.map((x) => (x / 100000) * 1000);
  return {
    us30k: Math.round(median(per30)),
    us100k: Math.round(median(per100)),
    ratio: round2(median(per100.map((x, i) => x / per30[i]!))),
  };
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

/**
 * Start-up as a user feels it, on a 300 × 60 list: a bare `node -e ''` against the bundled CLI's
 * `check` and `generate`, interleaved in the same run (medians of 9).
 */
function commandLine(input: string, dir: string) {
  const runs = spawnTimed(
    9,
    [
      { name: "bare", args: ["-e", ""] },
      { name: "check", args: [BUNDLE, "check", input, "--as-of", AS_OF] },
      { name: "generate", args: generateArgs(input, path.join(dir, "startup-out.xlsx")) },
    ],
    dir,
  );
  const bare = median(runs.bare!.ms);
  const check = median(runs.check!.ms);
  const generate = median(runs.generate!.ms);
  // Each round's ratio to the bare node of the same round, then the median (see generateCommand).
  const ratio = (xs: number[]) => round2(median(xs.map((x, i) => x / runs.bare!.ms[i]!)));
  return {
    bareNodeMs: Math.round(bare),
    checkMs: Math.round(check),
    checkRatio: ratio(runs.check!.ms),
    generateMs: Math.round(generate),
    generateRatio: ratio(runs.generate!.ms),
  };
}

async function main() {
  if (!existsSync(BUNDLE)) throw new Error(`no bundled CLI at ${BUNDLE}: run npm run package first`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "task-ledger-bench-"));
  const inputOf = (tasks: number) => path.join(dir, `list-${tasks}.xlsx`);
  // The lists as the .xlsx files a user hands to the command (untimed).
  for (const size of SIZES) await listWorkbook(size.tasks, size.units, inputOf(size.tasks));
  gc();
  const cli = commandLine(inputOf(300), dir);
  console.error("measured the command line's start");

  const rows: Record<string, unknown>[] = [];
  for (const size of SIZES) {
    const row: Record<string, unknown> = {
      tasks: size.tasks,
      units: size.units,
      ...generateCommand(size, inputOf(size.tasks), dir),
    };
    if (size.inProcess) Object.assign(row, await inProcess(size, dir));
    rows.push(row);
    console.error(`measured ${size.tasks} tasks`);
  }
  const linear = QUICK ? null : linearity(inputOf(30000), inputOf(100000), dir);
  if (linear) console.error("measured linearity");
  const p = pane();
  const similar = [];
  for (const units of QUICK ? [1000] : [4000, 8000]) similar.push({ units, ...(await similarNames(units)) });
  console.error("measured similar unit names");

  const at = (tasks: number) => rows.find((r) => r.tasks === tasks) as Record<string, number> | undefined;
  const mid = at(3000)!;
  const big = at(30000);
  const huge = at(100000);
  const quick = "not measured (BENCH_QUICK)";
  /** Each goal with the figure it is judged on, and met / missed (or why it was not measured). */
  const goal = (name: string, figure: string | null, met: boolean | null, why = quick) => ({
    goal: name,
    figure: figure ?? why,
    met: met === null ? "not measured" : met ? "met" : "missed",
  });
  const ms = (x: number) => `${x.toLocaleString("en")} ms`;
  const targets = [
    goal(
      "`generate` 300×60 ≤ 4× bare node",
      `${ms(cli.generateMs)} vs ${ms(cli.bareNodeMs)}: ${cli.generateRatio}× (median of rounds)`,
      cli.generateRatio <= 4,
    ),
    goal(
      "`check` 300×60 ≤ 3× bare node",
      `${ms(cli.checkMs)} vs ${ms(cli.bareNodeMs)}: ${cli.checkRatio}× (median of rounds)`,
      cli.checkRatio <= 3,
    ),
    goal(
      "`generate` 30k×1000 ≤ 5× the I/O floor",
      big ? `${ms(big.generateMs!)} vs ${ms(big.ioFloorMs!)}: ${big.floorRatio}× (median of pairs)` : null,
      big ? big.floorRatio! <= 5 : null,
    ),
    goal(
      "`generate` 30k×1000 peak RSS ≤ 400 MB",
      big ? `${big.peakRssMb} MB` : null,
      big ? big.peakRssMb! <= 400 : null,
    ),
    goal(
      "`generate` 100k×3000 peak RSS under 1 GB",
      huge ? `${huge.peakRssMb} MB` : null,
      huge ? huge.peakRssMb! < 1024 : null,
    ),
    goal(
      "`generate` time linear 30k→100k (per task ≤ 1.5×)",
      linear ? `${linear.us30k} → ${linear.us100k} µs/task: ${linear.ratio}× (median of rounds)` : null,
      linear ? linear.ratio <= 1.5 : null,
    ),
    goal(
      "core linear 3k→30k (per task ≤ 1.5×)",
      big ? `${mid.usPerTask} → ${big.usPerTask} µs/task` : null,
      big ? big.usPerTask! <= 1.5 * mid.usPerTask! : null,
    ),
    ...similar.map((x) =>
      goal(
        `similar unknown names within 1.5× a normal list (${x.units} units)`,
        `${x.similarMs} vs ${x.normalMs} ms = ${x.ratio}×`,
        x.ratio <= 1.5,
      ),
    ),
    goal(
      "reading takes at most 2 syncs",
      inRows(rows)
        .map((r) => r.readSyncs)
        .join(" / "),
      inRows(rows).every((r) => r.readSyncs! <= 2),
    ),
    goal(
      "generating within 2 + one sync per 4 MB",
      inRows(rows)
        .map((r) => `${r.generateSyncs} (${r.syncBudget})`)
        .join(" / "),
      inRows(rows).every((r) => r.generateSyncs! <= r.syncBudget!),
    ),
    goal(
      "no request over 5 MB",
      `${Math.max(...inRows(rows).map((r) => r.generateMaxRequestKb!))} KB`,
      inRows(rows).every((r) => r.readMaxRequestB! < 5 * 1024 * 1024 && r.generateMaxRequestKb! < 5 * 1024),
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
    loadAverage: os.loadavg().map((x) => round2(x)),
  };
  console.table(rows);
  console.log("pane:", p);
  console.log("command line (300 × 60, bundled CLI):", cli);
  console.table(similar);
  console.table(targets);
  console.log("machine:", machine);
  rmSync(dir, { recursive: true, force: true });
  if (QUICK) return; // quick figures are not the README's
  writeFileSync(
    path.join(ROOT, "bench", "results.json"),
    JSON.stringify(
      { machine, sizes: rows, pane: p, commandLine: cli, linearity: linear, similarNames: similar, targets },
      null,
      2,
    ) + "\n",
  );
}

/** The sizes measured in process too (the add-in figures among them). */
const inRows = (rows: Record<string, unknown>[]) =>
  rows.filter((r) => r.coreMs !== undefined) as Record<string, number>[];

/** Core, regenerate, files and add-in for one size, in this process. */
async function inProcess(size: (typeof SIZES)[number], dir: string): Promise<Record<string, number>> {
  const coreRuns: number[] = [];
  let heap = 0;
  let plan: WorkbookPlan | null = null;
  for (let i = 0; i < size.runs; i++) {
    // Each run starts from the state a user's run starts from: no earlier plan kept alive.
    plan = null;
    const r = await core(size.tasks, size.units);
    coreRuns.push(r.ms);
    heap = Math.max(heap, r.heapMb);
    plan = r.plan;
  }
  const regenMs = median([
    await regeneratePlan(size.tasks, size.units, plan!),
    await regeneratePlan(size.tasks, size.units, plan!),
    await regeneratePlan(size.tasks, size.units, plan!),
  ]);
  const fileRuns: { ms: number; excelStreamMs: number }[] = [];
  for (let i = 0; i < Math.min(size.runs, 3); i++) fileRuns.push(await files(plan!, dir));
  plan = null;
  const a = await addin(size.tasks, size.units);
  const coreMs = median(coreRuns);
  const filesMs = median(fileRuns.map((f) => f.ms));
  const excelStreamMs = median(fileRuns.map((f) => f.excelStreamMs));
  return {
    coreMs: Math.round(coreMs),
    coreHeapMb: Math.round(heap),
    usPerTask: Math.round((coreMs / size.tasks) * 1000),
    regenPlanMs: Math.round(regenMs),
    filesMs: Math.round(filesMs),
    excelStreamMs: Math.round(excelStreamMs),
    filesVsExcelStream: round2(filesMs / excelStreamMs),
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
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
