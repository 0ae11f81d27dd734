/**
 * What a column's cells look like, for reading tables whose headers say nothing known: a clerk
 * recognises the task column by its long, varied sentences, the unit columns by their unit names,
 * deadlines by their dates, status by its words, the id by its small increasing numbers.
 */
import { parseDeadline } from "../../deadlines/parse";
import { statedState } from "../../status/parse";
import { normalizeText, tidy } from "../../text/normalize";
import { UNIT_SUFFIX, isCatchAll, splitResponsibility } from "../../units/responsibility";
import { type CellValue, cellText } from "../grid";
import { type Said, said } from "../messages";

export type ColumnLook = "empty" | "id" | "units" | "deadline" | "status" | "task-text" | "short-text";

export interface ColumnProfile {
  /** 1-based column. */
  col: number;
  /** Cells with text. */
  filled: number;
  /** Mean length of the texts. */
  avgLength: number;
  /** Share of distinct texts among the filled cells. */
  distinct: number;
  /** Shares of filled cells that look like unit names, deadlines, status, ids. */
  units: number;
  deadlines: number;
  status: number;
  ids: number;
  look: ColumnLook;
}

/** Rows looked at: enough to judge, few enough for a 30,000-row list. */
const SAMPLE_ROWS = 200;
/** A reference year for telling a deadline from other text (the year itself does not matter). */
const PROBE = { year: 2000, asOf: "2000-01-01" };

function unitLike(text: string): boolean {
  if (text.length > 80) return false;
  const s = splitResponsibility(text);
  const tokens = [...s.units, ...s.groups];
  return (
    tokens.length > 0 &&
    tokens.every((t) => t.length <= 24 && (isCatchAll(t) || UNIT_SUFFIX.test(t.replace(/\(.*\)$/, ""))))
  );
}

function deadlineLike(v: CellValue, text: string): boolean {
  if (v instanceof Date) return true;
  if (text.length > 24) return false;
  const d = parseDeadline(text, PROBE);
  return d.kind !== "unparsed" && d.kind !== "none";
}

function statusLike(text: string): boolean {
  return statedState(text) !== "unknown";
}

const ID = /^(\d{1,4}(\.\d{1,3})*|[（(]?[一二三四五六七八九十]{1,3}[)）]?)[.．、]?$/;

/**
 * Profile columns 1..width over rows from..to (1-based, inclusive). `judge`: the columns whose
 * cells are weighed as ids, units, deadlines and status (by default all); the others are
 * measured only (filled, length, distinct) — their header already said what they hold, and
 * weighing every sampled cell of them was a sixth of a 300-task `check`.
 */
export function profileColumns(
  rows: readonly CellValue[][],
  from: number,
  to: number,
  judge: (col: number) => boolean = () => true,
): ColumnProfile[] {
  const width = Math.max(0, ...rows.slice(from - 1, to).map((r) => r.length));
  const last = Math.min(to, from + SAMPLE_ROWS - 1, rows.length);
  const out: ColumnProfile[] = [];
  for (let c = 1; c <= width; c++) {
    const weigh = judge(c);
    const texts: string[] = [];
    let units = 0;
    let deadlines = 0;
    let status = 0;
    let ids = 0;
    for (let r = from; r <= last; r++) {
      const v = rows[r - 1]?.[c - 1] ?? null;
      const text = tidy(normalizeText(cellText(v)));
      if (!text || /^(无|暂无|\/|／|—+|-+)$/.test(text)) continue;
      texts.push(text);
      if (!weigh) continue;
      // Deadlines first: "2025.6" is a year and a month, not item 2025.6.
      if (deadlineLike(v, text)) deadlines++;
      else if (ID.test(text)) ids++;
      else if (unitLike(text)) units++;
      else if (statusLike(text)) status++;
    }
    const n = texts.length;
    const p: ColumnProfile = {
      col: c,
      filled: n,
      avgLength: n ? texts.reduce((s, t) => s + t.length, 0) / n : 0,
      distinct: n ? new Set(texts).size / n : 0,
      units: n ? units / n : 0,
      deadlines: n ? deadlines / n : 0,
      status: n ? status / n : 0,
      ids: n ? ids / n : 0,
      look: "empty",
    };
    p.look = lookOf(p);
    out.push(p);
  }
  return out;
}

function lookOf(p: ColumnProfile): ColumnLook {
  if (p.filled === 0) return "empty";
  if (p.ids >= 0.8) return "id";
  if (p.units >= 0.6) return "units";
  if (p.deadlines >= 0.6) return "deadline";
  if (p.status >= 0.5) return "status";
  if (p.avgLength >= 6 && p.distinct >= 0.6) return "task-text";
  return "short-text";
}

/** How a column looked, as a message (for refusals and the mapping report). */
export function describeLook(p: ColumnProfile): Said {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const share = (x: number) => ({ pct: pct(x), filled: p.filled });
  const text = { avg: Math.round(p.avgLength), distinct: pct(p.distinct) };
  switch (p.look) {
    case "empty":
      return said("look.empty");
    case "id":
      return said("look.id", share(p.ids));
    case "units":
      return said("look.units", share(p.units));
    case "deadline":
      return said("look.deadline", share(p.deadlines));
    case "status":
      return said("look.status", share(p.status));
    case "task-text":
      return said("look.taskText", text);
    case "short-text":
      return said("look.shortText", text);
  }
}
