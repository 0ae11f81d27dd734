/**
 * The bench at a small size, for the test run (test/bench-budget.test.ts runs it in a process of
 * its own, outside the test runner's module sandbox, which slows some code paths unevenly): the
 * CPU time to read and check lists, printed as JSON. CPU time, not wall time: the machine is
 * shared, and wall time says more about the neighbours than about the code.
 */
import { runChecks } from "../src/core/checks/findings";
import { buildTaskList } from "../src/core/task-list";
import { readRows } from "../src/core/read/rows";
import { UnitDirectory } from "../src/core/units/directory";
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

checkCpuMs(300, 60); // the engine warmed up once
const list3000 = checkCpuMs(3000, 300);
const normal = checkCpuMs(3000, 1500);
const similar = checkCpuMs(3000, 1500, similarUnitNames(1500));
process.stdout.write(JSON.stringify({ list3000, normal, similar }) + "\n");
