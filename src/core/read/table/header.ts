/**
 * Stage 1 of reading a table: the header row, below title rows, one or two rows deep. Found by
 * its words (the synonym table), or else by its shape: a row of short labels over rows whose
 * columns look like a task list.
 */
import { normalizeText, tidy } from "../../text/normalize";
import { type ColumnField, fieldOfHeader } from "../columns";
import { type CellValue, cellText } from "../grid";

/** How far down to look for the header row. */
export const HEADER_SEARCH_ROWS = 30;
/** A header row must name at least this many fields. */
export const MIN_HEADER_FIELDS = 2;

export interface HeaderFound {
  row: number;
  /** Last header row (row + 1 for two-row headers). */
  lastRow: number;
  labels: Map<number, string>;
  /** "words": found by header words; "shape": short labels over list-like rows; "none": no header row. */
  foundBy: "words" | "shape" | "none";
}

export function rowTexts(rows: readonly CellValue[][], r: number): string[] {
  return (rows[r - 1] ?? []).map((v) => tidy(normalizeText(cellText(v))));
}

function fieldsOf(labels: Map<number, string>): Set<ColumnField> {
  const fields = new Set<ColumnField>();
  for (const l of labels.values()) {
    const f = fieldOfHeader(l);
    if (f) fields.add(f);
  }
  return fields;
}

function isHeaderFields(fields: Set<ColumnField>): boolean {
  const hasCore =
    fields.has("title") || fields.has("lead") || fields.has("responsible") || fields.has("detail");
  return fields.size >= MIN_HEADER_FIELDS && hasCore;
}

export function labelsOf(texts: string[]): Map<number, string> {
  const m = new Map<number, string>();
  texts.forEach((t, i) => {
    if (t) m.set(i + 1, t);
  });
  return m;
}

/** The header row by its words; `filled` has merged header cells filled (a parent spans its columns). */
export function findHeaderByWords(filled: readonly CellValue[][], forcedRow?: number): HeaderFound | null {
  const candidates = forcedRow
    ? [forcedRow]
    : Array.from({ length: Math.min(HEADER_SEARCH_ROWS, filled.length) }, (_, i) => i + 1);
  for (const r of candidates) {
    const top = labelsOf(rowTexts(filled, r));
    const topFields = fieldsOf(top);
    const next = labelsOf(rowTexts(filled, r + 1));
    const nextFields = fieldsOf(next);
    // Two-row header: the next row names fields under a parent label (责任单位 → 牵头 | 主体 | 配合),
    // and holds nothing that is not a header word.
    const nextAllHeaders =
      next.size > 0 && [...next.entries()].every(([c, t]) => fieldOfHeader(t) !== null || top.get(c) === t);
    if (nextFields.size >= 1 && nextAllHeaders && topFields.size >= 1) {
      const labels = new Map(top);
      for (const [c, t] of next) if (fieldOfHeader(t)) labels.set(c, t);
      if (isHeaderFields(fieldsOf(labels))) return { row: r, lastRow: r + 1, labels, foundBy: "words" };
    }
    if (isHeaderFields(topFields) || (forcedRow && top.size > 0))
      return { row: r, lastRow: r, labels: top, foundBy: "words" };
  }
  return null;
}

/** Longest text a header label has. */
const MAX_LABEL = 20;

/**
 * Rows that could be a header by their shape: two or more different short labels, no number
 * alone. The caller decides by what the columns below hold. Row 0 (no header at all) comes last.
 */
export function headerShapeCandidates(filled: readonly CellValue[][]): number[] {
  const out: number[] = [];
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, filled.length); r++) {
    const texts = rowTexts(filled, r).filter(Boolean);
    if (new Set(texts).size < 2) continue;
    if (texts.every((t) => t.length <= MAX_LABEL && !/^\d+(\.\d+)?$/.test(t))) out.push(r);
  }
  out.push(0);
  return out;
}
