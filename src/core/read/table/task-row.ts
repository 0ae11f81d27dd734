/**
 * Stage 4 of reading a table: one task row into a raw task — its texts, its units split into
 * lead, cooperating and groups, the trailing clause when the table has no unit column, the
 * current progress column, cell errors, and where each field was read.
 */
import type { CellError, SourceRef, TaskField } from "../../model";
import { type SplitResponsibility, isCatchAll } from "../../units/responsibility";
import type { ColumnField, ColumnMapping } from "../columns";
import { type CellValue, type MergedArea, isErrorValue } from "../grid";
import { parseTrailingClause } from "../notations";
import type { RawTask } from "../raw";
import { splitTitle } from "../title";

const ERROR_TEXT = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!)$/;

/** Rows without cell errors share this (frozen) list. */

/** What every row of one table shares. */
export interface TableContext {
  sheet: string;
  mapping: ColumnMapping;
  /** Field and column of every mapped column, for the error-value scan. */
  mappedCols: [string, number][];
  columns: RowColumns;
  split: (text: string) => SplitResponsibility;
  /** The merged area holding a cell, for links to the cell that holds the text. */
  mergeAt: (row: number, col: number) => MergedArea | undefined;
}

export interface RowInput {
  row: number;
  texts: readonly string[];
  raw: readonly CellValue[];
  filled: readonly CellValue[];
  section: string | null;
  /** Tasks read so far (for the default id). */
  count: number;
  idShared: boolean;
}

/** A cell that says "nothing here": 无, /, —. */
const NOTHING = /^(无|暂无|\/|／|—+|-+)$/;

/** A row's text in a column (1-based), "" when the column is not mapped, empty, 无 or an error text. */
function clean(texts: readonly string[], c: number | undefined): string {
  const t = c === undefined ? "" : (texts[c - 1] ?? "");
  if (t.length <= 2 && t && NOTHING.test(t)) return "";
  return t.startsWith("#") && ERROR_TEXT.test(t) ? "" : t;
}

/** The texts of a field's columns joined (one column nearly always: no array then). */
function joined(
  texts: readonly string[],
  first: number | undefined,
  more: readonly number[] | undefined,
): string {
  const head = clean(texts, first);
  if (!more?.length) return head;
  return [head, ...more.map((c) => clean(texts, c))].filter(Boolean).join("；");
}

/** The units of a row: lead, cooperating and groups, and the text they were read from. */
export function rowUnits(
  ctx: TableContext,
  texts: readonly string[],
): { lead: string[]; coop: string[]; groups: string[]; text: string; groupsCol: number | undefined } {
  const { mapping } = ctx;
  const cols = mapping.columns;
  const leadText = joined(texts, cols.lead, mapping.moreLead);
  const responsibleText = clean(texts, cols.responsible);
  const coopText = joined(texts, cols.cooperating, mapping.moreCooperating);
  let lead: string[] = [];
  let coop: string[] = [];
  const groups: string[] = [];
  let groupsCol: number | undefined;
  if (cols.lead !== undefined) {
    const s = ctx.split(leadText);
    lead = s.units;
    groups.push(...s.groups);
    if (s.groups.length) groupsCol = cols.lead;
  }
  if (cols.responsible !== undefined) {
    const s = ctx.split(responsibleText);
    if (s.groups.length) groupsCol ??= cols.responsible;
    const firstIsGroup = s.units.length === 0 || isCatchAll(responsibleText.split(/[、，,；;\n]/)[0] ?? "");
    lead = firstIsGroup ? [] : s.units.slice(0, 1);
    coop = firstIsGroup ? s.units : s.units.slice(1);
    groups.push(...s.groups);
  }
  if (cols.cooperating !== undefined) {
    const s = ctx.split(coopText);
    // The splitter's arrays are shared (frozen): joined into a new array, never pushed into.
    coop = coop.length ? coop.concat(s.units) : s.units;
    groups.push(...s.groups);
    if (s.groups.length) groupsCol ??= cols.cooperating;
  }
  let text = leadText;
  if (responsibleText) text = text ? `${text}；${responsibleText}` : responsibleText;
  if (coopText) text = text ? `${text}；${coopText}` : coopText;
  return { lead, coop, groups, text, groupsCol };
}

export function hasUnitColumn(mapping: ColumnMapping): boolean {
  const c = mapping.columns;
  return c.lead !== undefined || c.responsible !== undefined || c.cooperating !== undefined;
}

export function readTaskRow(ctx: TableContext, input: RowInput): RawTask {
  const { texts, row: r } = input;
  const cols = ctx.mapping.columns;
  const ref = (c: number): SourceRef => ({ kind: "cell", sheet: ctx.sheet, row: r, col: c });
  const cellErrors: CellError[] = [];
  for (let k = 0; k < ctx.mappedCols.length; k++) {
    const [field, c] = ctx.mappedCols[k]!;
    const v = input.raw[c - 1] ?? input.filled[c - 1];
    // Only objects can be error values: texts and numbers (nearly every cell) skip the test.
    if (typeof v === "object" && v !== null && isErrorValue(v)) {
      cellErrors.push({ field, value: v.error, ref: ref(c) });
    }
  }
  const title = clean(texts, cols.title);
  const detail = clean(texts, cols.detail);
  const units = rowUnits(ctx, texts);
  let { lead: leadNames, coop: coopNames, groups } = units;
  let responsibilityText = units.text;
  let deadlineFromClause: string | null = null;
  let taskTitle = title || splitTitle(detail).title;
  let taskDetail = title ? detail : splitTitle(detail).detail;
  if (!hasUnitColumn(ctx.mapping)) {
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
    const t = clean(texts, progressCols[i]);
    if (t) {
      progressText = t;
      progressCol = progressCols[i]!;
      break;
    }
  }
  const group = clean(texts, ctx.mapping.group);
  const section = clean(texts, cols.section) || input.section;
  return {
    id: clean(texts, cols.id) || String(input.count + 1),
    section: group ? (section ? `${section} / ${group}` : group) : section,
    title: taskTitle,
    detail: taskDetail,
    leadNames,
    coopNames,
    groups,
    responsibilityText,
    leader: clean(texts, cols.leader) || null,
    person: clean(texts, cols.person) || null,
    deadlineText: cols.deadline !== undefined ? clean(texts, cols.deadline) : deadlineFromClause,
    progressText,
    onScheduleText: clean(texts, cols.onSchedule) || null,
    note: clean(texts, cols.note) || null,
    ref: ref(cols.title ?? cols.detail ?? 1),
    fieldRefs: rowRefs(ctx, r, progressCol, units.groupsCol),
    cellErrors,
    ...(input.idShared ? { idShared: true } : {}),
  };
}

/** A continuation row (a second lead or deadline under the task above) added to that task. */
export function continueTask(ctx: TableContext, task: RawTask, texts: readonly string[]): void {
  const u = rowUnits(ctx, texts);
  task.leadNames = task.leadNames.concat(u.lead.filter((n) => !task.leadNames.includes(n)));
  task.coopNames = task.coopNames.concat(u.coop.filter((n) => !task.coopNames.includes(n)));
  task.groups = task.groups.concat(u.groups.filter((n) => !task.groups.includes(n)));
  if (u.text) task.responsibilityText = [task.responsibilityText, u.text].filter(Boolean).join("；");
  const d = clean(texts, ctx.mapping.columns.deadline);
  if (d && d !== task.deadlineText) task.deadlineText = [task.deadlineText, d].filter(Boolean).join("；");
}

/** The columns each field of a table's rows was read from. */
export interface RowColumns extends Partial<Record<Exclude<TaskField, "progress">, number>> {
  sheet: string;
}

export function rowColumns(sheet: string, mapping: ColumnMapping): RowColumns {
  const cols = mapping.columns;
  return {
    sheet,
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
}

export function mappedColumnList(mapping: ColumnMapping): [ColumnField | string, number][] {
  const out: [string, number][] = [];
  for (const [f, c] of Object.entries(mapping.columns)) {
    if (Array.isArray(c)) for (const x of c) out.push([f, x]);
    else if (typeof c === "number") out.push([f, c]);
  }
  for (const c of mapping.moreLead ?? []) out.push(["lead", c]);
  for (const c of mapping.moreCooperating ?? []) out.push(["cooperating", c]);
  if (mapping.group !== undefined) out.push(["group", mapping.group]);
  return out;
}

/**
 * Where each mapped field of a row was read. A cell inside a merged area links to the area's
 * first cell, the one that holds the text.
 */
function rowRefs(
  ctx: TableContext,
  row: number,
  progressCol: number | undefined,
  groupsCol: number | undefined,
): Partial<Record<TaskField, SourceRef>> {
  const at = (col: number): SourceRef => {
    const m = ctx.mergeAt(row, col);
    return m
      ? { kind: "cell", sheet: ctx.sheet, row: m.top, col: m.left }
      : { kind: "cell", sheet: ctx.sheet, row, col };
  };
  const refs: Partial<Record<TaskField, SourceRef>> = {};
  const fixed = fixedColumns(ctx.columns);
  for (let i = 0; i < fixed.length; i++) refs[fixed[i]![0]] = at(fixed[i]![1]);
  if (progressCol !== undefined) refs.progress = at(progressCol);
  if (groupsCol !== undefined) refs.groups = at(groupsCol);
  return refs;
}

/** The fields a table's every row reads from the same column, in order, made once per table. */
const FIXED = new WeakMap<RowColumns, readonly [TaskField, number][]>();
function fixedColumns(c: RowColumns): readonly [TaskField, number][] {
  let out = FIXED.get(c);
  if (!out) {
    const all: [TaskField, number | undefined][] = [
      ["id", c.id],
      ["title", c.title],
      ["detail", c.detail],
      ["lead", c.lead],
      ["cooperating", c.cooperating],
      ["leader", c.leader],
      ["deadline", c.deadline],
      ["note", c.note],
      ["onSchedule", c.onSchedule],
    ];
    out = all.filter((x): x is [TaskField, number] => x[1] !== undefined);
    FIXED.set(c, out);
  }
  return out;
}
