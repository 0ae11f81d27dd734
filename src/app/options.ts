/**
 * The options of a run, resolved once: what the user said (a CLI flag, a field in the pane) wins
 * over what the workbook's settings remember, which wins over the defaults.
 */
import { DEFAULT_DUE_SOON_DAYS } from "../core/checks/warnings";
import type { CycleSettings, LedgerSettings, StoredMapping } from "../core/plan/model";
import type { ColumnField } from "../core/read/columns";
import { type Grid, cellText } from "../core/read/grid";
import { InputError } from "./errors";

/** A column as the user names it: its number (1 = A) or the text of its header. */
export type ColumnChoice = number | string;

/** Field → the column or columns the user chose (several for e.g. progress). */
export type MappingRequest = Readonly<Partial<Record<ColumnField, ColumnChoice | readonly ColumnChoice[]>>>;

/** What a shell was told; anything left out comes from the settings, then the defaults. */
export interface RunFlags {
  asOf?: string;
  year?: number;
  dueSoonDays?: number;
  /** The sheet holding the list; default: the one the settings name, else the first with a table. */
  sheet?: string;
  headerRow?: number;
  mapping?: MappingRequest;
  /** The monthly cycle's settings given for this run (period, due day, thresholds …). */
  cycle?: CycleSettings;
}

export interface RunOptions {
  asOf: string;
  /** Where the as-of date came from (the pane offers today when it is not today's). */
  asOfFrom: "flag" | "settings" | "today";
  year?: number;
  dueSoonDays: number;
  sheet?: string;
  headerRow?: number;
  mapping: MappingRequest;
}

export function resolveOptions(flags: RunFlags, stored: LedgerSettings | null, today: string): RunOptions {
  const asOfFrom = flags.asOf ? "flag" : stored?.asOf ? "settings" : "today";
  return {
    asOf: flags.asOf ?? stored?.asOf ?? today,
    asOfFrom,
    dueSoonDays: flags.dueSoonDays ?? stored?.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    // The stored columns are those of the stored list sheet: another sheet starts afresh.
    mapping: {
      ...(flags.sheet === undefined || flags.sheet === stored?.listSheet ? stored?.mapping : {}),
      ...flags.mapping,
    },
    ...(flags.year !== undefined ? { year: flags.year } : {}),
    ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
    ...(flags.headerRow !== undefined ? { headerRow: flags.headerRow } : {}),
  };
}

/** Header rows are looked for this far down (title rows come first). */
const HEADER_SCAN_ROWS = 30;

const squeeze = (s: string) => s.replace(/\s+/g, "");

/**
 * The mapping with header texts replaced by their column numbers in this sheet (the first row,
 * from the top, where a cell reads so; spaces and line breaks ignored).
 */
export function columnsOf(mapping: MappingRequest, grid: Grid | null): StoredMapping {
  const out: Partial<Record<ColumnField, number[]>> = {};
  for (const [field, chosen] of Object.entries(mapping) as [ColumnField, MappingRequest[ColumnField]][]) {
    if (chosen === undefined) continue;
    const choices: readonly ColumnChoice[] = typeof chosen === "object" ? chosen : [chosen];
    out[field] = choices.map((choice) => {
      if (typeof choice === "number") return choice;
      const col = grid ? findHeader(grid, choice) : null;
      if (col === null) {
        throw new InputError("error.noHeader", {
          field,
          header: choice,
          sheet: grid?.sheet ?? "",
          rows: HEADER_SCAN_ROWS,
        });
      }
      return col;
    });
  }
  return out;
}

function findHeader(grid: Grid, text: string): number | null {
  const wanted = squeeze(text);
  for (const row of grid.rows.slice(0, HEADER_SCAN_ROWS)) {
    const i = row.findIndex((v) => squeeze(cellText(v)) === wanted);
    if (i >= 0) return i + 1;
  }
  return null;
}
