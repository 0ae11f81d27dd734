/**
 * The settings sheet's contents: a marker line, then the settings as JSON split over cells of
 * column A (a cell holds at most 32,767 characters). Both adapters read and write it this way.
 */
import { type Grid, cellText } from "../read/grid";
import type { LedgerSettings } from "./model";

export const SETTINGS_MARKER =
  "Task Ledger settings — generated, do not edit (重点任务台账助手设置，请勿修改)";
const CHUNK = 30_000;

export function settingsToRows(settings: LedgerSettings): string[][] {
  const json = JSON.stringify(settings);
  const rows: string[][] = [[SETTINGS_MARKER]];
  for (let i = 0; i < json.length; i += CHUNK) rows.push([json.slice(i, i + CHUNK)]);
  return rows;
}

/** The settings, or null when the sheet is not ours or cannot be read (treated as no history). */
export function settingsFromGrid(grid: Grid): LedgerSettings | null {
  if (cellText(grid.rows[0]?.[0] ?? null) !== SETTINGS_MARKER) return null;
  const json = grid.rows
    .slice(1)
    .map((r) => cellText(r[0] ?? null))
    .join("");
  try {
    const s = JSON.parse(json) as LedgerSettings;
    if (s.version !== 1 || !Array.isArray(s.generated)) return null;
    return s;
  } catch {
    return null;
  }
}
