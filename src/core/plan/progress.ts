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

export interface ProgressMatch<K = string> {
  /** Progress for each task key given, where found. */
  found: Map<K, string>;
  /** Entries that matched no current task: kept in a labelled block. */
  orphans: ProgressEntry[];
}

export interface TaskKey<K = string> {
  key: K;
  id: string;
  section: string;
  title: string;
}

/**
 * Match old entries to current tasks: same id, section and title first; then the same title (the
 * list was renumbered); then the same id and section (the title was edited). Each pass looks
 * entries up by key, so a unit with thousands of tasks matches in linear time.
 */
export function matchProgress<K>(tasks: TaskKey<K>[], entries: ProgressEntry[]): ProgressMatch<K> {
  const found = new Map<K, string>();
  const used = new Uint8Array(entries.length);
  const passes: ((x: { id: string; section: string; title: string }) => string)[] = [
    (x) => `${x.id}\u0000${x.section}\u0000${x.title}`,
    (x) => x.title,
    (x) => `${x.id}\u0000${x.section}`,
  ];
  for (const keyOf of passes) {
    // Entry positions by key, in order: the first unused one is taken, as a scan would.
    const byKey = new Map<string, number[]>();
    entries.forEach((e, k) => {
      if (used[k]) return;
      const key = keyOf(e);
      const list = byKey.get(key);
      if (list) list.push(k);
      else byKey.set(key, [k]);
    });
    const next = new Map<string, number>();
    for (const t of tasks) {
      if (found.has(t.key)) continue;
      const key = keyOf(t);
      const list = byKey.get(key);
      if (!list) continue;
      let at = next.get(key) ?? 0;
      while (at < list.length && used[list[at]!]) at++;
      if (at < list.length) {
        const k = list[at]!;
        used[k] = 1;
        found.set(t.key, entries[k]!.progress);
        at++;
      }
      next.set(key, at);
    }
  }
  return { found, orphans: entries.filter((_, k) => !used[k]) };
}
