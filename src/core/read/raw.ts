/**
 * What a reader produces before units, deadlines and status are resolved: the task's texts as
 * found, with the responsibility already split into names and groups.
 */
import type { CellError, ReadNote, SourceRef, TaskField } from "../model";

export interface RawTask {
  id: string;
  section: string | null;
  title: string;
  detail: string;
  leadNames: string[];
  coopNames: string[];
  groups: string[];
  responsibilityText: string;
  leader: string | null;
  person: string | null;
  /** Text of a deadline column or a labelled deadline; null when the source has none. */
  deadlineText: string | null;
  progressText: string | null;
  onScheduleText: string | null;
  note: string | null;
  ref: SourceRef;
  fieldRefs: Partial<Record<TaskField, SourceRef>>;
  cellErrors: CellError[];
  /** The id was filled down from a merged cell shared with other rows. */
  idShared?: boolean;
}

/** How a table was read: the header row and which column holds which field. */
export interface TableLayout {
  headerRow: number;
  /** 1-based column → header text as found. */
  headers: [number, string][];
  /** field → 1-based column (progress, and several unit columns under one heading: several). */
  columns: Record<string, number | number[]>;
  /** How the header row was found: by its words, by its shape, or there was none. */
  foundBy?: "words" | "shape" | "none";
  /** Columns mapped from their content, and how: for `check` and the pane to show. */
  inferred?: { field: string; col: number; how: string }[];
}

export interface RawList {
  title: string | null;
  /** For lists read from a table. */
  layout?: TableLayout;
  /** A year found in the title or the first dated line. */
  yearHint: number | null;
  tasks: RawTask[];
  notes: ReadNote[];
}

/** A reader's failure: what was expected and where. Never a stack trace for the user. */
export class ReadError extends Error {
  constructor(
    message: string,
    readonly where?: string,
  ) {
    super(message);
    this.name = "ReadError";
  }
}

/** The first plausible year (2000–2099) in a text: "2024年是…" → 2024. */
export function findYear(text: string): number | null {
  const m = /(20\d{2})\s*年/.exec(text);
  return m ? Number(m[1]) : null;
}
