/**
 * The column mapping a table was read with, for `check` (text and JSON) and the pane: which
 * column holds which field, and which were recognised by their content rather than their header,
 * with the reason, so the user can correct one with --map.
 */
import { columnLetter } from "../model";
import type { Said } from "../read/messages";
import type { TableLayout } from "../read/raw";

export interface MappedColumn {
  field: string;
  /** 1-based column. */
  col: number;
  /** The column's header text as found; null when it has none. */
  header: string | null;
  /** How the field was found: by the header's words (or --map), or by the column's content. */
  by: "header" | "content";
  /** For a column recognised by its content: how it looked. */
  why?: Said;
  /** The same in English. */
  how?: string;
}

/** Every mapped column, in column order (a field over several columns appears once per column). */
export function mappedColumns(layout: TableLayout): MappedColumn[] {
  const headers = new Map(layout.headers);
  const inferred = new Map((layout.inferred ?? []).map((i) => [`${i.field}@${i.col}`, i] as const));
  const out: MappedColumn[] = [];
  for (const [field, c] of Object.entries(layout.columns)) {
    for (const col of Array.isArray(c) ? c : [c]) {
      const found = inferred.get(`${field}@${col}`);
      const header = headers.get(col)?.trim() || null;
      out.push(
        found
          ? { field, col, header, by: "content", why: found.why, how: found.how }
          : { field, col, header, by: "header" },
      );
    }
  }
  return out.sort((a, b) => a.col - b.col);
}

/** The mapping in `check --json`: `null` for a list read from text. */
export interface JsonColumns {
  /** The header row (1-based); null when the table has none. */
  headerRow: number | null;
  fields: {
    field: string;
    /** Column letter, e.g. "B". */
    column: string;
    header: string | null;
    by: "header" | "content";
    /** Why a column recognised by its content was taken (English). */
    reason?: string;
  }[];
}

export function columnsJson(layout: TableLayout | undefined): JsonColumns | null {
  if (!layout) return null;
  return {
    headerRow: layout.headerRow > 0 ? layout.headerRow : null,
    fields: mappedColumns(layout).map((m) => ({
      field: m.field,
      column: columnLetter(m.col),
      header: m.header,
      by: m.by,
      ...(m.how ? { reason: m.how } : {}),
    })),
  };
}
