/**
 * The ledger's memory of the cycle: the 进展记录 sheet, one row per task × period × reporting
 * unit. Written by every run from the reports on record, and read back first on the next run, so
 * regeneration never loses it. A hidden last column carries what the visible labels translate
 * (task key, source, state), so a ledger switched between languages reads back the same.
 */
import { type Grid, cellText } from "../read/grid";
import { readPercent } from "./form";
import type { ProgressReport, ReportSource, ReportState } from "./reports";

export const HISTORY_COL = {
  period: 1,
  unit: 2,
  taskId: 3,
  title: 4,
  progress: 5,
  percent: 6,
  onSchedule: 7,
  problems: 8,
  nextSteps: 9,
  reporter: 10,
  received: 11,
  file: 12,
  source: 13,
  state: 14,
  reason: 15,
  code: 16,
} as const;
export const HISTORY_WIDTHS = [9, 18, 6, 26, 40, 8, 7, 24, 24, 9, 11, 22, 9, 7, 24, 6];

const SOURCES: readonly ReportSource[] = ["return", "unit-sheet"];
const STATES: readonly ReportState[] = ["taken", "rejected", "conflict"];

/** The hidden code cell: `key|source|state`. */
export function historyCode(r: ProgressReport): string {
  return `${r.key}|${r.source}|${r.state}`;
}

/** The reports recorded on a 进展记录 sheet (rows without a readable code are not ours: skipped). */
export function readHistory(grid: Grid): ProgressReport[] {
  const out: ProgressReport[] = [];
  for (const row of grid.rows) {
    const at = (c: number) => cellText(row?.[c - 1] ?? null).trim();
    const [key, source, state] = at(HISTORY_COL.code).split("|");
    if (!key || !SOURCES.includes(source as ReportSource) || !STATES.includes(state as ReportState)) continue;
    out.push({
      period: at(HISTORY_COL.period),
      unit: at(HISTORY_COL.unit),
      key,
      taskId: at(HISTORY_COL.taskId),
      title: at(HISTORY_COL.title),
      progress: at(HISTORY_COL.progress),
      percent: readPercent(row?.[HISTORY_COL.percent - 1]),
      onSchedule: at(HISTORY_COL.onSchedule),
      problems: at(HISTORY_COL.problems),
      nextSteps: at(HISTORY_COL.nextSteps),
      reporter: at(HISTORY_COL.reporter),
      received: at(HISTORY_COL.received),
      file: at(HISTORY_COL.file),
      source: source as ReportSource,
      state: state as ReportState,
      reason: at(HISTORY_COL.reason),
    });
  }
  return out;
}
