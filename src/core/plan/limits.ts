/**
 * Sanity limits before generating: a county's list has 10 to 300 tasks and 20 to 60 units. A list
 * far beyond that is almost always the wrong sheet or the wrong columns (a junk sheet of 100,000
 * rows once gave 20,133 unit sheets), so generation stops and says what it found, unless the user
 * says the list really is that large.
 */
import type { TaskList } from "../model";
import { said } from "../read/messages";
import { ReadError } from "../read/raw";

export const LIMITS = { units: 500, tasks: 20_000 } as const;

export interface ListSize {
  tasks: number;
  /** Distinct units named as lead or cooperating (the sheets generation would write). */
  units: number;
}

export function listSize(list: TaskList): ListSize {
  const units = new Set<string>();
  for (const t of list.tasks) {
    for (const u of t.lead) units.add(u.name);
    for (const u of t.cooperating) units.add(u.name);
  }
  return { tasks: list.tasks.length, units: units.size };
}

const n = (x: number) => x.toLocaleString("en-US");

/** Stop with what was found when the list is beyond the limits, unless `allowLarge`. */
export function checkListSize(list: TaskList, allowLarge: boolean): void {
  if (allowLarge) return;
  const size = listSize(list);
  if (size.units <= LIMITS.units && size.tasks <= LIMITS.tasks) return;
  const { file, sheet } = list.source;
  throw new ReadError("read.listTooLarge", {
    where: sheet ? said("read.listTooLargeSheet", { sheet, file }) : file,
    tasks: n(size.tasks),
    units: n(size.units),
    maxTasks: n(LIMITS.tasks),
    maxUnits: n(LIMITS.units),
  });
}
