/**
 * What a reader produces before units, deadlines and status are resolved: the task's texts as
 * found, with the responsibility already split into names and groups.
 */
import { parseCnNumber } from "../deadlines/dates";
import type { CellError, ReadNote, SourceRef, TaskField } from "../model";
import { type MessageParams, type ReadMessageKey, type Said, english } from "./messages";

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
  inferred?: { field: string; col: number; how: string; why: Said }[];
}

export interface RawList {
  title: string | null;
  /** For lists read from a table. */
  layout?: TableLayout;
  /** A year found in the title or the first dated line. */
  yearHint: number | null;
  /** The document's own date (its date line, YYYY-MM-DD): what 明年 counts from. */
  documentDate?: string;
  tasks: RawTask[];
  notes: ReadNote[];
}

/**
 * A reader's failure: what was expected and where. Never a stack trace for the user. Said as a
 * message key of the string tables and its parameters, so each shell says it in the user's
 * language; `.message` is the English text.
 */
export class ReadError extends Error {
  /** A key of the string tables (`src/i18n`). */
  readonly key: string;
  readonly params: MessageParams;
  readonly where: string | undefined;
  constructor(key: ReadMessageKey, params?: MessageParams, where?: string);
  /** For the app layer's errors, whose keys and English text come from the tables. */
  constructor(key: string, params: MessageParams, where: string | undefined, message: string);
  constructor(key: string, params: MessageParams = {}, where?: string, message?: string) {
    super(message ?? english(key as ReadMessageKey, params));
    this.name = "ReadError";
    this.key = key;
    this.params = params;
    this.where = where;
  }
}

/**
 * The input is damaged in a way no other reading gets round (overlapping merged ranges): said at
 * once, not collected among the reasons a sheet was not a list.
 */
export class DamagedInputError extends ReadError {}

/** The first plausible year (2000–2099) in a text: "2024年是…" → 2024. */
export function findYear(text: string): number | null {
  const m = /(20\d{2})\s*年/.exec(text);
  return m ? Number(m[1]) : null;
}

/** A line that is only a date, as documents are dated: "2023年6月30日", "二〇二二年十二月十五日". */
export function parseDateLine(line: string): string | null {
  const m =
    /^\s*(20\d{2}|[二〇零][〇零一二三四五六七八九]{3})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$/.exec(
      line,
    );
  if (!m) return null;
  const y = parseCnNumber(m[1]!);
  const mo = parseCnNumber(m[2]!);
  const d = parseCnNumber(m[3]!);
  if (!(y >= 2000 && y <= 2099 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
