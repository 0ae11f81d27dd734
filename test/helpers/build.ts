/** Test helpers: read text or grids through the same path the CLI uses. */
import { readFileSync } from "fs";
import { buildTaskList } from "../../src/core/task-list";
import type { TaskList } from "../../src/core/model";
import type { Grid } from "../../src/core/read/grid";
import { type RowReadOptions, readRows } from "../../src/core/read/rows";
import { readText } from "../../src/core/read/text";
import { UnitDirectory } from "../../src/core/units/directory";
import { SAMPLE_TEXT } from "../../src/cli/main";

export const SAMPLE_PATH = SAMPLE_TEXT;
export const sampleText = (): string => readFileSync(SAMPLE_PATH, "utf8");

export function listFromText(
  text: string,
  opts: { asOf?: string; year?: number; directory?: UnitDirectory } = {},
): TaskList {
  return buildTaskList(
    readText(text, { source: "test.txt" }),
    { file: "test.txt", kind: "text" },
    {
      asOf: opts.asOf ?? "2024-07-01",
      directory: opts.directory ?? UnitDirectory.builtin(),
      ...(opts.year ? { year: opts.year } : {}),
    },
  );
}

export function listFromGrid(
  grid: Grid,
  opts: { asOf?: string; year?: number; directory?: UnitDirectory } & RowReadOptions = {},
): TaskList {
  return buildTaskList(
    readRows(grid, opts),
    { file: "test.xlsx", kind: "sheet", sheet: grid.sheet },
    {
      asOf: opts.asOf ?? "2024-07-01",
      directory: opts.directory ?? UnitDirectory.builtin(),
      ...(opts.year ? { year: opts.year } : {}),
    },
  );
}

export const names = (refs: { name: string }[]): string[] => refs.map((r) => r.name);
