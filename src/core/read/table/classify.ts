/**
 * Stage 3 of reading a table: what each row below the header is — a section heading, a note, a
 * task, the continuation of the task above (a second lead or deadline on its own row), or nothing.
 */
import type { ColumnMapping } from "../columns";

export type RowKind =
  | { kind: "blank" }
  | { kind: "note" }
  | { kind: "section"; text: string }
  | { kind: "continuation" }
  | { kind: "task" };

const SECTION_TEXT =
  /^([一二三四五六七八九十百]{1,4}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]+(部分|篇|类))/;
const NOTE_ROW = /^(注|备注|说明|填表人|审核人|制表|联系人|合计|总计|小计)[:：\s]?/;

export interface RowFacts {
  /** Texts of the row with merged cells filled (index 0 = column 1). */
  texts: readonly string[];
  /** The text of a column (1-based) as stored, merged cells not filled; "" when unmapped. */
  rawText: (col: number | undefined) => string;
  /** The row holds a merge across three or more columns (section headings are written so). */
  mergedAcross: boolean;
  /** A task row was read above (a continuation needs one). */
  taskAbove: boolean;
  /** The id of the task above, as read. */
  idAbove: string | null;
}

const at = (texts: readonly string[], c: number | undefined): string =>
  c === undefined ? "" : (texts[c - 1] ?? "");

export function classifyRow(facts: RowFacts, mapping: ColumnMapping): RowKind {
  const { texts } = facts;
  const cols = mapping.columns;
  let first = "";
  let oneText = true;
  for (const t of texts) {
    if (!t) continue;
    if (!first) first = t;
    else if (t !== first) oneText = false;
  }
  if (!first) return { kind: "blank" };
  // One text across the row (often merged), or a 一、 heading with no units.
  if (oneText && (SECTION_TEXT.test(first) || facts.mergedAcross)) return { kind: "section", text: first };
  if (oneText && NOTE_ROW.test(first)) return { kind: "note" };
  const title = at(texts, cols.title);
  const detail = at(texts, cols.detail);
  const id = at(texts, cols.id);
  if (!title && !detail) {
    if (cols.id !== undefined && SECTION_TEXT.test(id) && !at(texts, cols.lead))
      return { kind: "section", text: id };
    return isContinuation(facts, mapping) ? { kind: "continuation" } : { kind: "blank" };
  }
  if (cols.id !== undefined && !title && SECTION_TEXT.test(id) && !at(texts, cols.lead)) {
    return { kind: "section", text: id };
  }
  // The task's text only carried down from a merged cell above, with the same or no id, and
  // units or a deadline of its own: the task above continues.
  const titleCol = cols.title ?? cols.detail;
  const ownTitle = facts.rawText(titleCol);
  if (!ownTitle && isContinuation(facts, mapping)) return { kind: "continuation" };
  return { kind: "task" };
}

function isContinuation(facts: RowFacts, mapping: ColumnMapping): boolean {
  if (!facts.taskAbove) return false;
  const cols = mapping.columns;
  const rawId = facts.rawText(cols.id);
  if (rawId && rawId !== facts.idAbove) return false;
  const own = (c: number | undefined) => Boolean(facts.rawText(c));
  return (
    own(cols.lead) ||
    own(cols.responsible) ||
    own(cols.cooperating) ||
    own(cols.deadline) ||
    (mapping.moreLead ?? []).some(own) ||
    (mapping.moreCooperating ?? []).some(own)
  );
}
