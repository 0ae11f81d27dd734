/**
 * Progress a unit typed into its sheet's 进展情况 column: read back from a generated unit sheet
 * before it is replaced, and matched to tasks by id (and title), never by row position.
 */
import { type Grid, cellText } from "../read/grid";
import { UNIT_COL } from "./layout";

export interface ProgressEntry {
  id: string;
  section: string;
  title: string;
  progress: string;
}

const HEADER_IDS = new Set(["序号", "No."]);

/** Entries with progress filled in, from every table of a generated unit sheet. */
export function readUnitProgress(grid: Grid): ProgressEntry[] {
  const out: ProgressEntry[] = [];
  let inTable = false;
  for (const row of grid.rows) {
    const at = (c: number) => cellText(row?.[c - 1] ?? null).trim();
    const first = at(UNIT_COL.id);
    if (HEADER_IDS.has(first)) {
      inTable = true;
      continue;
    }
    if (!first && !at(UNIT_COL.title)) {
      inTable = false;
      continue;
    }
    if (!inTable || !at(UNIT_COL.title)) continue;
    const progress = at(UNIT_COL.progress);
    if (progress) out.push({ id: first, section: at(UNIT_COL.section), title: at(UNIT_COL.title), progress });
  }
  return out;
}

export interface ProgressMatch {
  /** Progress for each task key given, where found. */
  found: Map<string, string>;
  /** Entries that matched no current task: kept in a labelled block. */
  orphans: ProgressEntry[];
}

export interface TaskKey {
  key: string;
  id: string;
  section: string;
  title: string;
}

/**
 * Match old entries to current tasks: same id, section and title first; then the same title (the
 * list was renumbered); then the same id and section (the title was edited).
 */
export function matchProgress(tasks: TaskKey[], entries: ProgressEntry[]): ProgressMatch {
  const found = new Map<string, string>();
  const used = new Set<number>();
  const passes: ((t: TaskKey, e: ProgressEntry) => boolean)[] = [
    (t, e) => t.id === e.id && t.section === e.section && t.title === e.title,
    (t, e) => t.title === e.title,
    (t, e) => t.id === e.id && t.section === e.section,
  ];
  for (const pass of passes) {
    for (const t of tasks) {
      if (found.has(t.key)) continue;
      const i = entries.findIndex((e, k) => !used.has(k) && pass(t, e));
      if (i >= 0) {
        used.add(i);
        found.set(t.key, entries[i]!.progress);
      }
    }
  }
  return { found, orphans: entries.filter((_, k) => !used.has(k)) };
}
