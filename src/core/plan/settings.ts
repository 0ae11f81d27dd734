/**
 * The settings sheet's contents: a marker line, then the settings as JSON split over cells of
 * column A (a cell holds at most 32,767 characters). Every host reads and writes it through this
 * module, so a mapping saved by the command line reads the same in the pane.
 *
 * Versions: 1 stored a mapping as field → column number (progress: a list); 2 stores every field
 * as a list of columns. Version 1 is read and upgraded; version 2 is written.
 */
import { COLUMN_FIELDS, type ColumnField } from "../read/columns";
import { type Grid, cellText } from "../read/grid";
import { type LedgerSettings, SETTINGS_VERSION, type StoredMapping } from "./model";

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
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  return upgradeSettings(parsed);
}

/** Settings of any known version as the current schema; null when they are not settings. */
export function upgradeSettings(value: unknown): LedgerSettings | null {
  if (!value || typeof value !== "object") return null;
  const s = value as Record<string, unknown>;
  if ((s.version !== 1 && s.version !== SETTINGS_VERSION) || !Array.isArray(s.generated)) return null;
  const { mapping, ...rest } = s as unknown as LedgerSettings;
  const columns = normaliseMapping(mapping as unknown);
  return {
    ...rest,
    version: SETTINGS_VERSION,
    ...(Object.keys(columns).length ? { mapping: columns } : {}),
  };
}

/**
 * A mapping as stored: every known field with its columns (positive whole numbers). Version 1's
 * single numbers become one-column lists; unknown fields and bad columns are dropped.
 */
export function normaliseMapping(value: unknown): StoredMapping {
  if (!value || typeof value !== "object") return {};
  const out: Partial<Record<ColumnField, number[]>> = {};
  for (const [field, cols] of Object.entries(value as Record<string, unknown>)) {
    if (!(COLUMN_FIELDS as readonly string[]).includes(field)) continue;
    const list = (Array.isArray(cols) ? cols : [cols]).filter(
      (c): c is number => typeof c === "number" && Number.isInteger(c) && c >= 1,
    );
    if (list.length) out[field as ColumnField] = list;
  }
  return out;
}
