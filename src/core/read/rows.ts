/**
 * Reading a list from a worksheet table: the header row (even below title rows, two-row headers
 * too), the column mapping, section rows, vertically merged cells filled down, multi-unit cells.
 */
import type { CellError, ReadNote, SourceRef, TaskField } from "../model";
import { formatRef } from "../model";
import { isCatchAll, responsibilitySplitter } from "../units/responsibility";
import { normalizeText, tidy } from "../text/normalize";
import { type ColumnField, type ColumnMapping, allHeaderWords, fieldOfHeader } from "./columns";
import { type CellValue, type Grid, cellText, fillMerges, isErrorValue, usedMerges } from "./grid";
import { parseTrailingClause } from "./notations";
import { ReadError, type RawList, type RawTask, findYear } from "./raw";
import { splitTitle } from "./text";

export interface RowReadOptions {
  /** Columns chosen by the user (1-based), replacing what was detected for those fields. */
  mapping?: Partial<Record<ColumnField, number | number[]>>;
  /** Header row chosen by the user (1-based). */
  headerRow?: number;
}

/** How far down to look for the header row. */
const HEADER_SEARCH_ROWS = 30;
/** A header row must name at least this many fields. */
const MIN_HEADER_FIELDS = 2;

interface HeaderFound {
  row: number;
  /** Last header row (row + 1 for two-row headers). */
  lastRow: number;
  labels: Map<number, string>;
}

function rowTexts(rows: CellValue[][], r: number): string[] {
  return (rows[r - 1] ?? []).map((v) => tidy(normalizeText(cellText(v))));
}

function scoreLabels(labels: Map<number, string>): Set<ColumnField> {
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

function labelsOf(texts: string[]): Map<number, string> {
  const m = new Map<number, string>();
  texts.forEach((t, i) => {
    if (t) m.set(i + 1, t);
  });
  return m;
}

export function findHeader(grid: Grid, filled: CellValue[][], forcedRow?: number): HeaderFound | null {
  const candidates = forcedRow
    ? [forcedRow]
    : Array.from({ length: Math.min(HEADER_SEARCH_ROWS, filled.length) }, (_, i) => i + 1);
  for (const r of candidates) {
    const top = labelsOf(rowTexts(filled, r));
    const topFields = scoreLabels(top);
    const next = labelsOf(rowTexts(filled, r + 1));
    const nextFields = scoreLabels(next);
    // Two-row header: the next row names fields under a parent label (责任单位 → 牵头单位 | 配合单位),
    // and holds nothing that is not a header word.
    const nextAllHeaders =
      next.size > 0 && [...next.entries()].every(([c, t]) => fieldOfHeader(t) !== null || top.get(c) === t);
    if (nextFields.size >= 1 && nextAllHeaders && topFields.size >= 1) {
      const labels = new Map(top);
      for (const [c, t] of next) if (fieldOfHeader(t)) labels.set(c, t);
      if (isHeaderFields(scoreLabels(labels))) return { row: r, lastRow: r + 1, labels };
    }
    if (isHeaderFields(topFields) || (forcedRow && top.size > 0)) return { row: r, lastRow: r, labels: top };
  }
  return null;
}

export function mapColumns(labels: Map<number, string>): ColumnMapping {
  const columns: ColumnMapping["columns"] = {};
  const byField = new Map<ColumnField, number[]>();
  for (const [c, l] of [...labels.entries()].sort((a, b) => a[0] - b[0])) {
    const f = fieldOfHeader(l);
    if (!f) continue;
    byField.set(f, [...(byField.get(f) ?? []), c]);
  }
  for (const [f, cols] of byField) {
    if (f === "progress") columns.progress = cols;
    else columns[f] = cols[0];
  }
  let responsibleRule: ColumnMapping["responsibleRule"];
  if (columns.responsible !== undefined) {
    if (columns.lead !== undefined && columns.cooperating === undefined) {
      columns.cooperating = columns.responsible;
      delete columns.responsible;
      responsibleRule = "cooperating";
    } else if (columns.lead === undefined) responsibleRule = "first-listed-leads";
  }
  return { columns, ...(responsibleRule ? { responsibleRule } : {}) };
}

function applyOverride(mapping: ColumnMapping, override: RowReadOptions["mapping"]): void {
  if (!override) return;
  for (const [f, col] of Object.entries(override) as [ColumnField, number | number[]][]) {
    if (f === "progress") mapping.columns.progress = Array.isArray(col) ? col : [col];
    else mapping.columns[f] = Array.isArray(col) ? col[0] : col;
  }
  if (
    override.lead !== undefined &&
    mapping.columns.responsible !== undefined &&
    override.responsible === undefined
  ) {
    mapping.columns.cooperating ??= mapping.columns.responsible;
    delete mapping.columns.responsible;
  }
}

/** A row's text in a column (1-based), "" when the column is not mapped or empty. */
function textAt(texts: readonly string[], c: number | undefined): string {
  return c === undefined ? "" : (texts[c - 1] ?? "");
}

const ERROR_TEXT = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!)$/;

/** The text, but "" for an error value written as text (#REF!, #N/A…). */
function cleanAt(texts: readonly string[], c: number | undefined): string {
  const t = textAt(texts, c);
  return t.charCodeAt(0) === 35 && ERROR_TEXT.test(t) ? "" : t;
}

/** Rows without cell errors share this (frozen) list. */
const NO_ERRORS = Object.freeze([]) as unknown as CellError[];

const SECTION_TEXT =
  /^([一二三四五六七八九十百]{1,4}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]+(部分|篇|类))/;
const NOTE_ROW = /^(注|备注|说明|填表人|审核人|制表|联系人|合计|总计|小计)[:：\s]?/;

export function readRows(sheet: Grid, opts: RowReadOptions = {}): RawList {
  // Merges cut to the used range (a whole-column merge covers the rows that exist), overlaps refused.
  const grid: Grid = { ...sheet, merges: usedMerges(sheet) };
  if (grid.rows.length === 0 || grid.rows.every((r) => r.every((v) => cellText(v).trim() === ""))) {
    throw new ReadError(
      `Sheet "${grid.sheet}" is empty: expected a task list with a header row (序号, 重点任务, 牵头单位, …).`,
    );
  }
  // Header detection sees merged header cells filled (a parent label spans its columns).
  const filled = fillMerges(grid);
  const header = findHeader(grid, filled, opts.headerRow);
  if (!header) {
    const seen = firstTexts(grid);
    throw new ReadError(
      `Sheet "${grid.sheet}": no header row found in rows 1–${HEADER_SEARCH_ROWS}. ` +
        `Looked for headers such as ${allHeaderWords().slice(0, 12).join("、")} (at least ${MIN_HEADER_FIELDS}, one of them a task or unit column). ` +
        `Found: ${seen || "no text"}. Use --header-row and --map to say which row and columns hold the list.`,
      grid.sheet,
    );
  }
  const mapping = mapColumns(header.labels);
  applyOverride(mapping, opts.mapping);
  const cols = mapping.columns;
  if (cols.title === undefined && cols.detail === undefined) {
    throw new ReadError(
      `Sheet "${grid.sheet}", header row ${header.row}: no task column (重点任务, 工作任务, 任务内容, 工作内容, …). ` +
        `Found headers: ${[...header.labels.values()].join("、")}. Use --map title=<column> to choose it.`,
      grid.sheet,
    );
  }
  const notes: ReadNote[] = [
    {
      code: "HEADER",
      message: `header row ${header.row}${header.lastRow > header.row ? `–${header.lastRow}` : ""}; columns: ${describeMapping(mapping, header.labels)}`,
      ref: { kind: "cell", sheet: grid.sheet, row: header.row, col: 1 },
    },
  ];
  if (mapping.responsibleRule === "first-listed-leads") {
    notes.push({
      code: "FIRST_LISTED_LEADS",
      message: "责任单位 is the only unit column: the first listed unit leads",
    });
  }

  // Data rows: vertically merged cells are filled down over the rows they span.
  const dataStart = header.lastRow + 1;
  const values = fillMerges(grid, (a) => a.bottom >= dataStart && a.top >= dataStart);
  const sharedId = new Set<number>();
  if (cols.id !== undefined) {
    for (const a of grid.merges) {
      if (a.left <= cols.id && cols.id <= a.right && a.bottom > a.top && a.top >= dataStart) {
        for (let r = a.top; r <= a.bottom; r++) sharedId.add(r);
      }
    }
  }
  const titleText = titleAbove(grid, header.row);
  const tasks: RawTask[] = [];
  let section: string | null = null;
  const mappedCols = mappedColumnList(mapping);
  const splitResponsibility = responsibilitySplitter();
  const rowColumns: RowColumns = {
    sheet: grid.sheet,
    id: cols.id,
    title: cols.title ?? cols.detail,
    detail: cols.detail,
    lead: cols.lead ?? cols.responsible,
    cooperating: cols.cooperating,
    leader: cols.leader,
    deadline: cols.deadline,
    note: cols.note,
    onSchedule: cols.onSchedule,
  };
  // Rows holding a merge across three or more columns (section headings are written so).
  const mergedAcrossRows = new Set<number>();
  for (const a of grid.merges) if (a.right - a.left >= 2 && a.top === a.bottom) mergedAcrossRows.add(a.top);
  for (let r = dataStart; r <= values.length; r++) {
    const raw = grid.rows[r - 1] ?? [];
    const cells = values[r - 1] ?? [];
    const texts: string[] = new Array<string>(cells.length);
    // The row's first text, and whether every text in it is that one (a heading across the row).
    let first = "";
    let oneText = true;
    for (let i = 0; i < cells.length; i++) {
      const text = tidy(normalizeText(cellText(cells[i])));
      texts[i] = text;
      if (!text) continue;
      if (!first) first = text;
      else if (text !== first) oneText = false;
    }
    if (!first) continue;
    // Section row: one text across the row (often merged), or a 一、 heading with no units.
    if (oneText && (SECTION_TEXT.test(first) || mergedAcrossRows.has(r))) {
      section = first;
      continue;
    }
    if (oneText && NOTE_ROW.test(first)) continue;
    const title = textAt(texts, cols.title);
    const detail = textAt(texts, cols.detail);
    if (!title && !detail) continue;
    if (
      cols.id !== undefined &&
      !title &&
      SECTION_TEXT.test(textAt(texts, cols.id)) &&
      !textAt(texts, cols.lead)
    ) {
      section = textAt(texts, cols.id);
      continue;
    }
    const ref = (c: number): SourceRef => ({ kind: "cell", sheet: grid.sheet, row: r, col: c });
    let cellErrors = NO_ERRORS;
    for (let k = 0; k < mappedCols.length; k++) {
      const [field, c] = mappedCols[k]!;
      const v = raw[c - 1] ?? values[r - 1]?.[c - 1];
      // Only objects can be error values: texts and numbers (nearly every cell) skip the test.
      if (typeof v === "object" && v !== null && isErrorValue(v)) {
        if (cellErrors === NO_ERRORS) cellErrors = [];
        cellErrors.push({ field, value: v.error, ref: ref(c) });
      }
    }
    const clean = (c: number | undefined) => cleanAt(texts, c);

    let leadNames: string[] = [];
    let coopNames: string[] = [];
    let groups: string[] = [];
    const leadText = clean(cols.lead);
    const responsibleText = clean(cols.responsible);
    const coopText = clean(cols.cooperating);
    let responsibilityText = leadText;
    if (responsibleText)
      responsibilityText = responsibilityText ? `${responsibilityText}；${responsibleText}` : responsibleText;
    if (coopText) responsibilityText = responsibilityText ? `${responsibilityText}；${coopText}` : coopText;
    let deadlineFromClause: string | null = null;
    let taskTitle = title || splitTitle(detail).title;
    let taskDetail = title ? detail : splitTitle(detail).detail;
    if (cols.lead !== undefined) {
      const s = splitResponsibility(leadText);
      leadNames = s.units;
      groups.push(...s.groups);
    }
    if (cols.responsible !== undefined) {
      const s = splitResponsibility(responsibleText);
      const firstIsGroup =
        s.units.length === 0 || isCatchAll(clean(cols.responsible).split(/[、，,；;\n]/)[0] ?? "");
      leadNames = firstIsGroup ? [] : s.units.slice(0, 1);
      coopNames = firstIsGroup ? s.units : s.units.slice(1);
      groups.push(...s.groups);
    }
    if (cols.cooperating !== undefined) {
      const s = splitResponsibility(coopText);
      // The splitter's arrays are shared (frozen): joined into a new array, never pushed into.
      coopNames = coopNames.length ? coopNames.concat(s.units) : s.units;
      groups.push(...s.groups);
    }
    if (cols.lead === undefined && cols.responsible === undefined && cols.cooperating === undefined) {
      // No unit column: the responsibility may be written in the task text itself.
      const target = taskDetail ? "detail" : "title";
      const t = target === "detail" ? taskDetail : taskTitle;
      const clause = parseTrailingClause(t);
      if (clause) {
        leadNames = clause.resp.lead;
        coopNames = clause.resp.coop;
        groups = clause.resp.groups;
        responsibilityText = clause.resp.text;
        deadlineFromClause = clause.resp.deadlineText ?? null;
        if (target === "detail") taskDetail = t.slice(0, clause.start).trim();
        else taskTitle = t.slice(0, clause.start).trim();
      }
    }
    const progressCols = cols.progress ?? [];
    let progressText: string | null = null;
    let progressCol = progressCols.at(-1);
    for (let i = progressCols.length - 1; i >= 0; i--) {
      const t = clean(progressCols[i]);
      if (t) {
        progressText = t;
        progressCol = progressCols[i]!;
        break;
      }
    }
    const fieldRefs = new RowRefs(rowColumns, r, progressCol);
    tasks.push({
      id: clean(cols.id) || String(tasks.length + 1),
      section: clean(cols.section) || section,
      title: taskTitle,
      detail: taskDetail,
      leadNames,
      coopNames,
      groups,
      responsibilityText,
      leader: clean(cols.leader) || null,
      person: clean(cols.person) || null,
      deadlineText: cols.deadline !== undefined ? clean(cols.deadline) : deadlineFromClause,
      progressText,
      onScheduleText: clean(cols.onSchedule) || null,
      note: clean(cols.note) || null,
      ref: ref(cols.title ?? cols.detail ?? 1),
      fieldRefs,
      cellErrors,
      ...(sharedId.has(r) ? { idShared: true } : {}),
    });
  }
  if (tasks.length === 0) {
    throw new ReadError(
      `Sheet "${grid.sheet}": the header is on row ${header.row} but no task rows follow it (the task column is empty).`,
      grid.sheet,
    );
  }
  const yearHint = (titleText ? findYear(titleText) : null) ?? null;
  const layout = {
    headerRow: header.row,
    headers: [...header.labels.entries()].sort((a, b) => a[0] - b[0]),
    columns: Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined)) as Record<
      string,
      number | number[]
    >,
  };
  return { title: titleText, yearHint, tasks, notes, layout };
}

function mappedColumnList(mapping: ColumnMapping): [string, number][] {
  const out: [string, number][] = [];
  for (const [f, c] of Object.entries(mapping.columns)) {
    if (Array.isArray(c)) for (const x of c) out.push([f, x]);
    else if (typeof c === "number") out.push([f, c]);
  }
  return out;
}

function describeMapping(mapping: ColumnMapping, labels: Map<number, string>): string {
  return mappedColumnList(mapping)
    .map(
      ([f, c]) =>
        `${f}=${formatRef({ kind: "cell", sheet: "x", row: 1, col: c }).replace(/^x!|1$/g, "")}(${labels.get(c) ?? "?"})`,
    )
    .join(", ");
}

function titleAbove(grid: Grid, headerRow: number): string | null {
  for (let r = 1; r < headerRow; r++) {
    const t = (grid.rows[r - 1] ?? []).map((v) => tidy(normalizeText(cellText(v)))).find(Boolean);
    if (t) return t;
  }
  return null;
}

function firstTexts(grid: Grid): string {
  const out: string[] = [];
  for (let r = 1; r <= Math.min(grid.rows.length, 5); r++) {
    const t = (grid.rows[r - 1] ?? []).map((v) => cellText(v).trim()).filter(Boolean);
    if (t.length) out.push(`row ${r}: ${t.slice(0, 6).join(" | ").slice(0, 120)}`);
  }
  return out.join("; ");
}

/** The columns each field of a table's rows was read from. */
interface RowColumns extends Partial<Record<Exclude<TaskField, "progress">, number>> {
  sheet: string;
}

/**
 * Where each field of a row was read, made into cell refs only when asked for: one small object
 * per row instead of one per field (a 30,000-row list would otherwise hold 270,000 refs).
 */
class RowRefs implements Partial<Record<TaskField, SourceRef>> {
  constructor(
    private readonly columns: RowColumns,
    private readonly row: number,
    private readonly progressCol: number | undefined,
  ) {}

  private at(col: number | undefined): SourceRef | undefined {
    return col === undefined ? undefined : { kind: "cell", sheet: this.columns.sheet, row: this.row, col };
  }

  get id() {
    return this.at(this.columns.id);
  }
  get title() {
    return this.at(this.columns.title);
  }
  get detail() {
    return this.at(this.columns.detail);
  }
  get lead() {
    return this.at(this.columns.lead);
  }
  get cooperating() {
    return this.at(this.columns.cooperating);
  }
  get leader() {
    return this.at(this.columns.leader);
  }
  get deadline() {
    return this.at(this.columns.deadline);
  }
  get note() {
    return this.at(this.columns.note);
  }
  get onSchedule() {
    return this.at(this.columns.onSchedule);
  }
  get progress() {
    return this.at(this.progressCol);
  }
}
