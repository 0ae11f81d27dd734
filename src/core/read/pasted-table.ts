/**
 * A table pasted as text: rows copied from a web page or a PDF arrive one line per row with the
 * cells separated by tabs or spaces (`12 完善农村供水保障 县水利局 县财政局 10月底前`), or one cell
 * per line under a header written one label per line. The repeating pattern gives the columns;
 * the table reader does the rest.
 */
import { tidy } from "../text/normalize";
import { UNIT_SUFFIX, isCatchAll } from "../units/responsibility";
import { fieldOfHeader } from "./columns";
import type { Grid } from "./grid";

export interface PastedTable {
  grid: Grid;
  /** Line number (1-based) of each grid row (index 0 = grid row 1). */
  lineOfRow: number[];
}

/** A row of cells separated by tabs, or by spaces when it starts with a number. */
function cellsOf(line: string): string[] | null {
  const t = line.trim();
  // Tabs keep empty cells (two tabs in a row: an empty cell between).
  if (t.includes("\t")) return t.split("\t").map((c) => c.trim());
  const cells = t.split(/[ \u3000]+/).filter(Boolean);
  return cells.length >= 3 ? cells : null;
}

const ID_CELL = /^\d{1,4}$/;
/** A data row: starts with a small number and has at least three cells. */
const isDataRow = (cells: string[] | null): cells is string[] =>
  cells !== null && cells.length >= 3 && ID_CELL.test(cells[0]!);
const isHeaderRow = (cells: string[] | null): cells is string[] =>
  cells !== null && cells.filter((c) => fieldOfHeader(c)).length >= 2;

const unitToken = (t: string) => t.length <= 24 && (isCatchAll(t) || UNIT_SUFFIX.test(t));

/**
 * A row with more cells than the table has columns wrote several units apart with spaces
 * ("县水利局 县财政局 县农业农村局"): the rightmost adjacent unit cells are one cell (the first
 * unit stays alone: it leads).
 */
function fitWidth(cells: string[], width: number): string[] {
  const out = [...cells];
  while (out.length > width) {
    let k = -1;
    for (let i = out.length - 2; i >= 1; i--) {
      const firstUnit = out.findIndex(unitToken);
      if (i > firstUnit && unitToken(out[i]!) && unitToken(out[i + 1]!.split("、").at(-1)!)) {
        k = i;
        break;
      }
    }
    if (k < 0) break;
    out.splice(k, 2, `${out[k]}、${out[k + 1]}`);
  }
  return out;
}

/** The most common row width. */
function modeWidth(rows: string[][]): number {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/** Rows one line each: at least three data rows, the header (if any) the line above the first. */
function lineRows(lines: readonly string[]): PastedTable | null {
  const rows: string[][] = [];
  const lineOfRow: number[] = [];
  let dataRows = 0;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const cells = cellsOf(line);
    if (isDataRow(cells)) {
      dataRows++;
      rows.push(cells);
    } else if (isHeaderRow(cells) && dataRows === 0) {
      rows.length = 0;
      lineOfRow.length = 0;
      rows.push(cells);
    } else if (dataRows === 0) {
      // Title lines above the table keep their place (the year of the list is in them).
      rows.push([tidy(line)]);
    } else return;
    lineOfRow.push(i + 1);
  });
  if (dataRows < 3) return null;
  const header = rows.find((r) => isHeaderRow(r));
  const data = rows.filter((r) => isDataRow(r));
  const width = header ? header.length : modeWidth(data);
  const fitted = rows.map((r) => (isDataRow(r) ? fitWidth(r, width) : r));
  return { grid: { sheet: "粘贴的表格", rows: fitted, merges: [] }, lineOfRow };
}

/** One cell per line: a header of label lines, then rows that each begin with a number line. */
function cellPerLine(lines: readonly string[]): PastedTable | null {
  const texts = lines.map((l, i) => ({ t: tidy(l), line: i + 1 })).filter((x) => x.t);
  let start = -1;
  let width = 0;
  for (let i = 0; i < texts.length; i++) {
    let k = 0;
    while (i + k < texts.length && fieldOfHeader(texts[i + k]!.t) && texts[i + k]!.t.length <= 12) k++;
    if (k >= 3) {
      start = i;
      width = k;
      break;
    }
  }
  if (start < 0) return null;
  const rows: string[][] = [texts.slice(start, start + width).map((x) => x.t)];
  const lineOfRow = [texts[start]!.line];
  let row: string[] | null = null;
  for (const x of texts.slice(start + width)) {
    if (ID_CELL.test(x.t) && (row === null || row.length >= 2)) {
      row = [x.t];
      rows.push(row);
      lineOfRow.push(x.line);
    } else if (row && row.length < width) row.push(x.t);
    else if (row) row[row.length - 1] += x.t; // a cell wrapped onto a second line
  }
  if (rows.length < 3) return null;
  const title = texts.slice(0, start).map((x) => [x.t]);
  return {
    grid: { sheet: "粘贴的表格", rows: [...title, ...rows], merges: [] },
    lineOfRow: [...texts.slice(0, start).map((x) => x.line), ...lineOfRow],
  };
}

/** The table in pasted text, when its lines repeat a row pattern; null for document text. */
export function findPastedTable(lines: readonly string[]): PastedTable | null {
  return lineRows(lines) ?? cellPerLine(lines);
}
