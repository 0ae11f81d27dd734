/**
 * The return form (推进情况表): the unit sheet a unit fills in and sends back, inside the ledger or
 * as its own workbook. Its layout, the hidden identity each task row carries (ledger, period,
 * unit, task key) and reading a form back, whatever the unit did to the rows' order.
 */
import { type CellValue, type Grid, cellText } from "../read/grid";

/** Form columns: task, read-only context, the unit's fill-in cells, the hidden identity. */
export const FORM_COL = {
  id: 1,
  kind: 2,
  title: 3,
  detail: 4,
  others: 5,
  deadline: 6,
  warning: 7,
  last: 8,
  progress: 9,
  percent: 10,
  onSchedule: 11,
  problems: 12,
  nextSteps: 13,
  evidence: 14,
  identity: 15,
} as const;
export const FORM_WIDTHS = [5, 6, 20, 34, 14, 11, 6, 24, 28, 8, 7, 16, 16, 10, 6];
/** Rows above the table: title, instructions, as-of, two rows of the header block, a gap. */
export const FORM_HEADER_ROW = 7;

const ROW_MARK = "TL1";
const FORM_MARK = "TL1F";
const ROW_PREFIX = `${ROW_MARK}|`;
const FORM_PREFIX = `${FORM_MARK}|`;

export interface FormIdentity {
  ledgerId: string;
  period: string;
  unit: string;
}

/** The identity of a task row: `TL1|ledger|period|unit|key` (with key "", the part before the key). */
export function rowIdentity(id: FormIdentity, key: string): string {
  return `${ROW_MARK}|${id.ledgerId}|${id.period}|${id.unit}|${key}`;
}

/** The identity of the form itself (in its title row): `TL1F|ledger|period|unit`. */
export function formIdentity(id: FormIdentity): string {
  return [FORM_MARK, id.ledgerId, id.period, id.unit].join("|");
}

function parseIdentity(text: string): (FormIdentity & { key: string | null }) | null {
  const parts = text.trim().split("|");
  if (parts[0] === ROW_MARK && parts.length === 5)
    return { ledgerId: parts[1]!, period: parts[2]!, unit: parts[3]!, key: parts[4]! };
  if (parts[0] === FORM_MARK && parts.length === 4)
    return { ledgerId: parts[1]!, period: parts[2]!, unit: parts[3]!, key: null };
  return null;
}

/** One task row of a form as read back. */
export interface FormRow {
  /** The worksheet row (1-based), for messages. */
  row: number;
  identity: FormIdentity;
  key: string;
  taskId: string;
  title: string;
  progress: string;
  /** The % cell as written (number or text), before it is judged. */
  percentText: string;
  percent: number | null;
  onSchedule: string;
  problems: string;
  nextSteps: string;
  evidence: string;
}

export interface FormHeader {
  reporter: string;
  phone: string;
  date: string;
  head: string;
}

export interface ReadForm {
  sheet: string;
  /** The form's own identity, else the first row's. */
  identity: FormIdentity;
  header: FormHeader;
  rows: FormRow[];
}

/** Labels of the header block, in both languages: the value is the next filled cell to the right. */
const HEADER_LABELS: Record<keyof FormHeader, readonly string[]> = {
  reporter: ["填报人", "Reported by"],
  phone: ["联系电话", "Phone"],
  date: ["填报日期", "Date"],
  head: ["单位负责人", "Head of unit"],
};

/** A percentage as a unit writes it: 60, "60", "60%"; null when empty or not a number. */
export function readPercent(v: CellValue | undefined): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[%％]?\s*$/.exec(cellText(v ?? null));
  return m ? Number(m[1]) : null;
}

/**
 * The form on a sheet, or null when the sheet carries no identity (not a return form). The
 * identity column is found by its marks wherever it is, so a form whose columns were moved or
 * whose hidden column was shown still reads; the other columns are read by the header's position
 * relative to it.
 */
export function readForm(grid: Grid): ReadForm | null {
  let formId: FormIdentity | null = null;
  const rows: FormRow[] = [];
  let idCol = FORM_COL.identity;
  // The identity column: where the first mark is found.
  let marked = false;
  outer: for (const row of grid.rows) {
    for (let c = 0; c < (row?.length ?? 0); c++) {
      const v = row![c];
      // Marks are texts: numbers and dates (most of a list's other cells) are not read as text.
      if (typeof v !== "string" || v.length < 4) continue;
      const text = v.charCodeAt(0) <= 0x20 || v.charCodeAt(0) === 0x3000 ? v.trimStart() : v;
      if (text.startsWith(ROW_PREFIX) || text.startsWith(FORM_PREFIX)) {
        idCol = c + 1;
        marked = true;
        break outer;
      }
    }
  }
  // No identity anywhere: not a form (a list of 30,000 tasks was split row by row to learn it).
  if (!marked) return null;
  const shift = idCol - FORM_COL.identity;
  const at = (row: CellValue[] | undefined, col: number) => row?.[col + shift - 1];
  const text = (row: CellValue[] | undefined, col: number) => cellText(at(row, col) ?? null).trim();
  grid.rows.forEach((row, ri) => {
    const id = parseIdentity(cellText(row?.[idCol - 1] ?? null));
    if (!id) return;
    if (id.key === null) {
      formId ??= { ledgerId: id.ledgerId, period: id.period, unit: id.unit };
      return;
    }
    rows.push({
      row: ri + 1,
      identity: { ledgerId: id.ledgerId, period: id.period, unit: id.unit },
      key: id.key,
      taskId: text(row, FORM_COL.id),
      title: text(row, FORM_COL.title),
      progress: text(row, FORM_COL.progress),
      percentText: text(row, FORM_COL.percent),
      percent: readPercent(at(row, FORM_COL.percent)),
      onSchedule: text(row, FORM_COL.onSchedule),
      problems: text(row, FORM_COL.problems),
      nextSteps: text(row, FORM_COL.nextSteps),
      evidence: text(row, FORM_COL.evidence),
    });
  });
  const identity = formId ?? rows[0]?.identity ?? null;
  if (!identity) return null;
  return { sheet: grid.sheet, identity, header: readHeader(grid), rows };
}

const ALL_LABELS = new Set(
  [...Object.values(HEADER_LABELS).flat(), "填报单位", "Unit"].map((l) => l.replace(/\s/g, "")),
);

function readHeader(grid: Grid): FormHeader {
  const out: FormHeader = { reporter: "", phone: "", date: "", head: "" };
  const top = grid.rows.slice(0, FORM_HEADER_ROW);
  for (const row of top) {
    for (let c = 0; c < (row?.length ?? 0); c++) {
      const label = cellText(row![c] ?? null)
        .replace(/[:：\s]/g, "")
        .trim();
      for (const k of Object.keys(HEADER_LABELS) as (keyof FormHeader)[]) {
        if (!HEADER_LABELS[k].some((l) => l.replace(/\s/g, "") === label)) continue;
        for (let d = c + 1; d < row!.length; d++) {
          const v = cellText(row![d] ?? null).trim();
          if (!v) continue;
          // An empty field: the next filled cell is the next label, not this field's value.
          if (!ALL_LABELS.has(v.replace(/[:：\s]/g, ""))) out[k] = v;
          break;
        }
      }
    }
  }
  return out;
}
