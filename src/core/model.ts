/**
 * The task model: one clean shape for a key-task list, whatever it arrived as.
 * Pure data; no Office, no ExcelJS, no DOM, no clock.
 */

/** Where a task (or a value in it) came from, for jumping back to it. */
export type SourceRef =
  { kind: "cell"; sheet: string; row: number; col: number } | { kind: "line"; line: number };

/** What kind of responsible party a directory entry is. */
export type UnitKind = "department" | "town" | "other";

/** A unit as written in the list, and the canonical unit it resolves to. */
export interface UnitRef {
  /** Canonical name (the directory's, or the text as written when unknown). */
  name: string;
  /** Text exactly as written in the list. */
  raw: string;
  /** True when the built-in or user directory knows the unit. */
  known: boolean;
  /** How the name was resolved: exact, alias, prefix carried, typo fold, … */
  via: ResolutionVia;
  /** For unknown units: nearest known names, best first (for checks to suggest). */
  nearest?: string[];
}

export type ResolutionVia = "exact" | "alias" | "prefix" | "merged" | "typo" | "list" | "unknown";

export type DeadlineKind = "date" | "milestones" | "recurring" | "ongoing" | "none" | "unparsed";

export interface Milestone {
  readonly text: string;
  readonly due: string; // YYYY-MM-DD
}

/** A parsed deadline. Tasks that write the same text share one (frozen): never changed in place. */
export interface Deadline {
  readonly text: string;
  readonly kind: DeadlineKind;
  /** Due date (the last milestone; for recurring, the next due after the as-of date). */
  readonly due: string | null;
  /** Whether the year was written in the text ("assigned") or taken from context ("implied"). */
  readonly yearImplied?: boolean;
  readonly milestones?: readonly Milestone[];
  /** For recurring deadlines: the cadence. */
  readonly cadence?: "weekly" | "monthly" | "quarterly" | "half-yearly" | "yearly";
  /** True when the deadline was found inside the task text rather than a deadline column. */
  readonly fromText?: boolean;
}

export type StatusState = "done" | "in_progress" | "not_started" | "behind" | "unknown";

/** A parsed status. Tasks that report the same text share one (frozen): never changed in place. */
export interface Status {
  readonly text: string;
  readonly state: StatusState;
  readonly percent: number | null;
}

/** A cell holding an Excel error value in a mapped column (#REF!, #N/A, …). */
export interface CellError {
  field: string;
  value: string;
  ref: SourceRef;
}

export interface Task {
  /** Id as written: "4", "（二）", "2.3". */
  id: string;
  /** The heading the task sits under, if any. */
  section: string | null;
  title: string;
  detail: string;
  lead: UnitRef[];
  cooperating: UnitRef[];
  /** Catch-all groups (各镇, 县直各有关单位, …), kept apart from units. */
  groups: string[];
  leader: string | null;
  person: string | null;
  deadline: Deadline;
  status: Status;
  /** Responsibility text as written (for checks and display). */
  responsibilityText: string;
  note: string | null;
  ref: SourceRef;
  /** Refs of individual fields, where the source has them (cells). */
  fieldRefs: Readonly<Partial<Record<TaskField, SourceRef>>>;
  /** Shared between tasks where none (one frozen empty list): never changed in place. */
  cellErrors: readonly CellError[];
  /** The id was filled down from a merged cell over several rows (one id, several lines). */
  idShared?: boolean;
}

export type TaskField =
  | "id"
  | "section"
  | "title"
  | "detail"
  | "lead"
  | "cooperating"
  /** The cell holding the catch-alls (各镇, 各相关单位): the lead or the cooperating column. */
  | "groups"
  | "leader"
  | "person"
  | "deadline"
  | "progress"
  | "onSchedule"
  | "note";

export interface SourceInfo {
  file: string;
  kind: "sheet" | "text" | "docx";
  sheet?: string;
}

export interface TaskList {
  source: SourceInfo;
  /** The list's title, when one was found (title row or first line). */
  title: string | null;
  year: number;
  tasks: Task[];
  /** Notes on how the list was read (mapping used, header row, rules applied). */
  notes: ReadNote[];
}

export interface ReadNote {
  code: string;
  message: string;
  ref?: SourceRef;
}

/** Format a ref as the user sees it: `Sheet!B5` or `line 12`. */
export function formatRef(ref: SourceRef): string {
  if (ref.kind === "line") return `line ${ref.line}`;
  return `${quoteSheet(ref.sheet)}!${columnLetter(ref.col)}${ref.row}`;
}

function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** 1-based column number to letters (1 → A, 27 → AA). */
export function columnLetter(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
