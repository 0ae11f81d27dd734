/**
 * Reading a list from a worksheet table, in four stages: find the header (table/header.ts) → map
 * the columns (table/mapping.ts: header words, the user's choice, then the columns' content) →
 * classify each row (table/classify.ts) → read a task row (table/task-row.ts).
 */
import type { ReadNote } from "../model";
import { formatRef } from "../model";
import { normalizeText, tidy } from "../text/normalize";
import { responsibilitySplitter } from "../units/responsibility";
import { type ColumnMapping, allHeaderWords, fieldOfHeader } from "./columns";
import { type CellValue, type Grid, type MergedArea, cellText, fillMerges, usedMerges } from "./grid";
import { said } from "./messages";
import { ReadError, type RawList, type RawTask, findYear } from "./raw";
import { classifyRow } from "./table/classify";
import {
  HEADER_SEARCH_ROWS,
  type HeaderFound,
  MIN_HEADER_FIELDS,
  findHeaderByWords,
  headerShapeCandidates,
  labelsOf,
  rowTexts,
} from "./table/header";
import {
  type InferredColumn,
  type MappingOverride,
  applyOverride,
  inferColumns,
  mapColumns,
  usedColumns,
} from "./table/mapping";
import { type ColumnProfile, describeLook, profileColumns } from "./table/profile";
import { type TableContext, continueTask, mappedColumnList, readTaskRow, rowColumns } from "./table/task-row";

export { mapColumns } from "./table/mapping";
export type { InferredColumn, MappingOverride } from "./table/mapping";

export interface RowReadOptions {
  /**
   * Columns chosen by the user, replacing what was detected for those fields: a 1-based column
   * number, or the text of the column's header (`title: "实事项目"`).
   */
  mapping?: MappingOverride;
  /** Header row chosen by the user (1-based). */
  headerRow?: number;
}

/** The header row by its words (kept for callers that look for it alone). */
export function findHeader(_grid: Grid, filled: CellValue[][], forcedRow?: number): HeaderFound | null {
  return findHeaderByWords(filled, forcedRow);
}

interface Mapped {
  header: HeaderFound;
  mapping: ColumnMapping;
  inferred: InferredColumn[];
  profiles: ColumnProfile[];
}

const hasTask = (m: ColumnMapping) => m.columns.title !== undefined || m.columns.detail !== undefined;

/**
 * A table known only by its content must look like a list: task text in two rows or more, and
 * beside it a unit, deadline or id column (a note sheet with one sentence is no task list).
 */
function looksLikeList(m: Mapped): boolean {
  if (!hasTask(m.mapping)) return false;
  const c = m.mapping.columns;
  const taskCol = c.title ?? c.detail;
  const taskCells = m.profiles.find((p) => p.col === taskCol)?.filled ?? 0;
  const beside = [c.lead, c.responsible, c.cooperating, c.deadline, c.id].some((x) => x !== undefined);
  return taskCells >= 2 && beside;
}

/** A header found by its words needs a task column; one found otherwise, a list's look (or the user's word). */
function accepted(m: Mapped, opts: RowReadOptions): boolean {
  if (m.header.foundBy === "words" || opts.mapping) return hasTask(m.mapping);
  return looksLikeList(m);
}

/** Stages 1 and 2: the header and the mapping, by header words first, else by the columns' shape. */
function headerAndMapping(grid: Grid, filled: CellValue[][], opts: RowReadOptions): Mapped | null {
  const byWords = findHeaderByWords(filled, opts.headerRow);
  const attempt = (header: HeaderFound): Mapped => {
    // Header words are the first signal even in a row found by its shape (主办 | 协办 | 时间要求).
    const mapping = mapColumns(header.labels);
    applyOverride(mapping, opts.mapping, header.labels, grid.sheet);
    // Only the columns a look can still place are weighed (see inferColumns).
    const used = usedColumns(mapping);
    const profiles = profileColumns(
      filled,
      header.lastRow + 1,
      filled.length,
      (col) => !used.has(col) && !fieldOfHeader(header.labels.get(col) ?? ""),
    );
    const inferred = inferColumns(mapping, profiles, header.labels);
    return { header, mapping, inferred, profiles };
  };
  if (byWords) return attempt(byWords);
  let firstTry: Mapped | null = null;
  for (const r of headerShapeCandidates(filled)) {
    const labels = r === 0 ? new Map<number, string>() : labelsOf(rowTexts(filled, r));
    const m = attempt({ row: r, lastRow: r, labels, foundBy: r === 0 ? "none" : "shape" });
    firstTry ??= m;
    if (accepted(m, opts)) return m;
  }
  return firstTry;
}

export function readRows(sheet: Grid, opts: RowReadOptions = {}): RawList {
  // Merges cut to the used range (a whole-column merge covers the rows that exist), overlaps refused.
  const grid: Grid = { ...sheet, merges: usedMerges(sheet) };
  if (grid.rows.length === 0 || grid.rows.every((r) => r.every((v) => cellText(v).trim() === ""))) {
    throw new ReadError("read.emptySheet", { sheet: grid.sheet }, grid.sheet);
  }
  // Header detection sees merged header cells filled (a parent label spans its columns).
  const filled = fillMerges(grid);
  const found = headerAndMapping(grid, filled, opts);
  if (!found || !accepted(found, opts)) throw refusal(grid, found);
  const { header, mapping, inferred } = found;
  const notes = readNotes(grid, header, mapping, inferred);

  // Data rows: vertically merged cells are filled down over the rows they span.
  const dataStart = header.lastRow + 1;
  const values = fillMerges(grid, (a) => a.bottom >= dataStart && a.top >= dataStart);
  const cols = mapping.columns;
  const sharedId = new Set<number>();
  if (cols.id !== undefined) {
    for (const a of grid.merges) {
      if (a.left <= cols.id && cols.id <= a.right && a.bottom > a.top && a.top >= dataStart) {
        for (let r = a.top; r <= a.bottom; r++) sharedId.add(r);
      }
    }
  }
  const ctx: TableContext = {
    sheet: grid.sheet,
    mapping,
    mappedCols: mappedColumnList(mapping),
    columns: rowColumns(grid.sheet, mapping),
    split: responsibilitySplitter(),
    mergeAt: mergeLookup(grid.merges, dataStart),
  };
  // Rows holding a merge across three or more columns (section headings are written so).
  const mergedAcrossRows = new Set<number>();
  for (const a of grid.merges) if (a.right - a.left >= 2 && a.top === a.bottom) mergedAcrossRows.add(a.top);
  const tasks: RawTask[] = [];
  let section: string | null = null;
  for (let r = dataStart; r <= values.length; r++) {
    const filledRow = values[r - 1] ?? [];
    const texts = filledRow.map((v) => tidy(normalizeText(cellText(v))));
    const rawRow = grid.rows[r - 1] ?? [];
    const previous = tasks.at(-1);
    const kind = classifyRow(
      {
        texts,
        // Only the few cells a continuation test looks at are read as stored.
        rawText: (c) =>
          c === undefined
            ? ""
            : filledRow === rawRow
              ? (texts[c - 1] ?? "")
              : tidy(normalizeText(cellText(rawRow[c - 1]))),
        mergedAcross: mergedAcrossRows.has(r),
        taskAbove: previous !== undefined,
        idAbove: previous?.id ?? null,
      },
      mapping,
    );
    if (kind.kind === "section") section = kind.text;
    else if (kind.kind === "continuation") continueTask(ctx, previous!, texts);
    else if (kind.kind === "task") {
      tasks.push(
        readTaskRow(ctx, {
          row: r,
          texts,
          raw: rawRow,
          filled: filledRow,
          section,
          count: tasks.length,
          idShared: sharedId.has(r),
        }),
      );
    }
  }
  if (tasks.length === 0) {
    throw new ReadError("read.noTaskRows", { sheet: grid.sheet, row: header.row }, grid.sheet);
  }
  const titleText = titleAbove(grid, header.row) ?? grid.caption ?? null;
  const layout = {
    headerRow: header.row,
    headers: [...header.labels.entries()].sort((a, b) => a[0] - b[0]),
    columns: layoutColumns(mapping),
    foundBy: header.foundBy,
    inferred,
  };
  const yearHint = (titleText ? findYear(titleText) : null) ?? null;
  return { title: titleText, yearHint, tasks, notes, layout };
}

function layoutColumns(mapping: ColumnMapping): Record<string, number | number[]> {
  const out: Record<string, number | number[]> = {};
  for (const [f, c] of Object.entries(mapping.columns)) if (c !== undefined) out[f] = c;
  if (mapping.moreLead?.length && typeof out.lead === "number") out.lead = [out.lead, ...mapping.moreLead];
  if (mapping.moreCooperating?.length && typeof out.cooperating === "number")
    out.cooperating = [out.cooperating, ...mapping.moreCooperating];
  if (mapping.group !== undefined) out.group = mapping.group;
  return out;
}

function readNotes(
  grid: Grid,
  header: HeaderFound,
  mapping: ColumnMapping,
  inferred: InferredColumn[],
): ReadNote[] {
  const rows =
    header.row === 0
      ? "no header row"
      : `header row ${header.row}${header.lastRow > header.row ? `–${header.lastRow}` : ""}`;
  const notes: ReadNote[] = [
    {
      code: "HEADER",
      message: `${rows}; columns: ${describeMapping(mapping, header.labels)}`,
      ref: { kind: "cell", sheet: grid.sheet, row: Math.max(1, header.row), col: 1 },
    },
  ];
  if (inferred.length) {
    notes.push({
      code: "COLUMNS_INFERRED",
      message:
        `columns recognised by their content (check them; --map FIELD=COLUMN corrects one): ` +
        inferred
          .map((i) => `${i.field}=${letter(i.col)}${labelOf(header.labels, i.col)}: ${i.how}`)
          .join("; "),
      ref: { kind: "cell", sheet: grid.sheet, row: Math.max(1, header.row), col: inferred[0]!.col },
    });
  }
  if (mapping.responsibleRule === "first-listed-leads") {
    notes.push({
      code: "FIRST_LISTED_LEADS",
      message: "责任单位 is the only unit column: the first listed unit leads",
    });
  }
  return notes;
}

const letter = (c: number) => formatRef({ kind: "cell", sheet: "x", row: 1, col: c }).replace(/^x!|1$/g, "");
const labelOf = (labels: Map<number, string>, c: number) => (labels.get(c) ? `(${labels.get(c)})` : "");

function describeMapping(mapping: ColumnMapping, labels: Map<number, string>): string {
  return mappedColumnList(mapping)
    .map(([f, c]) => `${f}=${letter(c)}(${labels.get(c) ?? "?"})`)
    .join(", ");
}

/** Refuse a sheet where no column holds task-like text, saying what each column looked like. */
function refusal(grid: Grid, found: Mapped | null): ReadError {
  if (!found) {
    return new ReadError(
      "read.noHeaderRow",
      {
        sheet: grid.sheet,
        rows: HEADER_SEARCH_ROWS,
        words: allHeaderWords().slice(0, 12).join("、"),
        min: MIN_HEADER_FIELDS,
      },
      grid.sheet,
    );
  }
  const { header } = found;
  // Every column weighed, for the message: what each one looks like.
  const profiles = profileColumns(fillMerges(grid), header.lastRow + 1, grid.rows.length);
  const looks = profiles
    .filter((p) => p.filled > 0 || header.labels.has(p.col))
    .map((p) =>
      said("read.columnLook", {
        col: letter(p.col),
        label: labelOf(header.labels, p.col),
        look: describeLook(p),
      }),
    );
  return new ReadError(
    "read.noTaskColumn",
    {
      sheet: grid.sheet,
      where: header.row > 0 ? said("read.headerRowAt", { row: header.row }) : said("read.noHeaderRowShort"),
      words: allHeaderWords().slice(0, 12).join("、"),
      looks: looks.length ? looks : said("read.none"),
    },
    grid.sheet,
  );
}

/** The merged area holding a cell of a data row (several rows tall or several columns wide). */
function mergeLookup(merges: readonly MergedArea[], dataStart: number): TableContext["mergeAt"] {
  const data = merges.filter((a) => a.top >= dataStart && (a.bottom > a.top || a.right > a.left));
  if (data.length === 0) return () => undefined;
  const byRow = new Map<number, MergedArea[]>();
  for (const a of data) for (let r = a.top; r <= a.bottom; r++) byRow.set(r, [...(byRow.get(r) ?? []), a]);
  return (row, col) => byRow.get(row)?.find((a) => a.left <= col && col <= a.right);
}

function titleAbove(grid: Grid, headerRow: number): string | null {
  for (let r = 1; r < headerRow; r++) {
    const t = (grid.rows[r - 1] ?? []).map((v) => tidy(normalizeText(cellText(v)))).find(Boolean);
    if (t) return t;
  }
  return null;
}
