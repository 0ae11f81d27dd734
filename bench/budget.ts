/**
 * The bench at a small size, for the test run (test/bench-budget.test.ts runs it in a process of
 * its own, outside the test runner's module sandbox, which slows some code paths unevenly): the
 * CPU time to read and check lists and to write a plan as `generate` writes it, printed as JSON. CPU time, not wall time: the machine is
 * shared, and wall time says more about the neighbours than about the code.
 */
import { planGeneration } from "../src/app/generate";
import { readWorkbook } from "../src/app/read";
import { runChecks } from "../src/core/checks/findings";
import { buildTaskList } from "../src/core/task-list";
import { readRows } from "../src/core/read/rows";
import { UnitDirectory } from "../src/core/units/directory";
import { formatDate, translator } from "../src/i18n";
import { nodeDeflate } from "../src/workbook/files/node-deflate";
import { PackagePort } from "../src/workbook/package/port";
import { similarUnitNames, syntheticGrid, unitNames } from "./synthetic";

const AS_OF = "2024-07-01";

/** CPU milliseconds to read and check a synthetic list (median of three). */
function checkCpuMs(tasks: number, units: number, names = unitNames(units)): number {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const grid = syntheticGrid(tasks, units, 7, names);
    const start = process.cpuUsage();
    const directory = UnitDirectory.builtin();
    const list = buildTaskList(
      readRows(grid),
      { file: "bench.xlsx", kind: "sheet", sheet: grid.sheet },
      { asOf: AS_OF, directory },
    );
    runChecks(list, directory, { asOf: AS_OF, dueSoonDays: 15 });
    const used = process.cpuUsage(start);
    runs.push((used.user + used.system) / 1000);
  }
  return Math.round(runs.sort((a, b) => a - b)[1]!);
}

/**
 * CPU milliseconds to write a list's plan into a new workbook as `generate` does (the package
 * writer, Node's zlib), median of three; the plan is made untimed.
 */
async function writeCpuMs(tasks: number, units: number): Promise<number> {
  const grid = syntheticGrid(tasks, units);
  const read = await readWorkbook(
    {
      view: () => Promise.resolve({ sheets: [{ name: grid.sheet, visible: true }], grid: () => grid }),
      apply: () => Promise.resolve(),
    },
    { kind: "workbook" },
    { asOf: AS_OF },
    { today: AS_OF, file: "bench.xlsx" },
  );
  const t = translator("zh-CN");
  const plan = planGeneration(read, { lang: "zh-CN", asOfText: formatDate(AS_OF, "zh-CN"), t, tr: t });
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    const port = new PackagePort(undefined, { deflate: nodeDeflate });
    port.applyNow(plan, null);
    if (port.bytes().length === 0) throw new Error("no workbook written");
    const used = process.cpuUsage(start);
    runs.push((used.user + used.system) / 1000);
  }
  return Math.round(runs.sort((a, b) => a - b)[1]!);
}

async function main() {
  checkCpuMs(300, 60); // the engine warmed up once
  const list3000 = checkCpuMs(3000, 300);
  const normal = checkCpuMs(3000, 1500);
  const similar = checkCpuMs(3000, 1500, similarUnitNames(1500));
  await writeCpuMs(300, 60);
  const write3000 = await writeCpuMs(3000, 300);
  process.stdout.write(JSON.stringify({ list3000, normal, similar, write3000 }) + "\n");
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
