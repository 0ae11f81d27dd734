/**
 * The Excel JavaScript API adapter: reads sheets (values only, merged areas included) in two
 * syncs (in blocks of rows when Excel on the web would refuse so large an answer), and applies
 * write commands in batches, one sync per batch, never a sync per item.
 */
import type { CellValue, Grid, MergedArea } from "../../core/read/grid";
import { STYLES, type CellStyle } from "../../core/plan/model";
import type { SheetInfo } from "../../core/plan/workbook-inputs";
import { columnLetter } from "../../core/model";
import { BORDER_EDGES, type Command, type Features, batches, cellAddress, commandBytes } from "./commands";

/** Excel.run, or the test fake's. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** The minimum the core flow needs (read values, add sheets, write values and formats, merge). */
export const MIN_EXCEL_API = "1.2";

export function detectFeatures(req: Requirements): Features {
  return {
    excelApi1_6: req.isSetSupported("ExcelApi", "1.6"),
    excelApi1_7: req.isSetSupported("ExcelApi", "1.7"),
    excelApi1_8: req.isSetSupported("ExcelApi", "1.8"),
    excelApi1_9: req.isSetSupported("ExcelApi", "1.9"),
    excelApi1_13: req.isSetSupported("ExcelApi", "1.13"),
  };
}

const ERROR_VALUE =
  /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/;
const DATE_FORMAT = /(^|[^"\\])(yy|m+\/d|d+\/m|yyyy|年|月|日)/i;

/** Excel's date serial (1900 system) to a UTC date. */
function serialToDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
}

export function cellFromApi(value: unknown, numberFormat: string | undefined): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string") return ERROR_VALUE.test(value) ? { error: value } : value;
  if (typeof value === "number")
    return numberFormat && DATE_FORMAT.test(numberFormat) ? serialToDate(value) : value;
  if (typeof value === "boolean") return value;
  return String(value);
}

function parseAddressArea(a: string): MergedArea | null {
  const m = /(?:^|!)\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a.trim());
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(m[2]);
  const left = col(m[1]!);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? col(m[3]) : left };
}

export interface ReadResult {
  sheets: SheetInfo[];
  grids: Map<string, Grid>;
}

/** Excel on the web answers at most 5 MB per sync; a larger answer fails with this code. */
const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";
/** Cells read per sync when a sheet is read in blocks (about 2 MB of values and formats). */
const BLOCK_CELLS = 50_000;

const errorCode = (err: unknown): unknown => (err as { code?: unknown } | null)?.code;

/** Rows of a range's values, as the core reads them, appended below `rows`. */
function appendRows(
  rows: CellValue[][],
  values: unknown[][],
  formats: unknown[][],
  columnIndex: number,
): void {
  values.forEach((vals, r) => {
    const row: CellValue[] = Array.from({ length: columnIndex }, () => null);
    vals.forEach((v, c) => row.push(cellFromApi(v, formats[r]?.[c] as string | undefined)));
    rows.push(row);
  });
}

function mergesOf(merged: Excel.RangeAreas | null): MergedArea[] {
  const merges: MergedArea[] = [];
  if (merged && !merged.isNullObject) {
    for (const part of merged.address.split(",")) {
      const area = parseAddressArea(part);
      if (area) merges.push(area);
    }
  }
  return merges;
}

/**
 * Read the named sheets (default: all) in two syncs: names first, then every used range at once.
 * Where the answer would be over Excel on the web's 5 MB (a list of tens of thousands of rows),
 * the sheets are read again in blocks of rows, one sync each.
 */
export async function readSheets(
  run: ExcelRun,
  features: Features,
  only?: (s: SheetInfo) => boolean,
): Promise<ReadResult> {
  try {
    return await readAtOnce(run, features, only);
  } catch (err) {
    if (errorCode(err) !== RESPONSE_TOO_LARGE) throw err;
    return readInBlocks(run, features, only);
  }
}

async function sheetList(context: Excel.RequestContext, only?: (s: SheetInfo) => boolean) {
  const wss = context.workbook.worksheets;
  wss.load("items/name,items/visibility");
  await context.sync();
  const sheets: SheetInfo[] = wss.items.map((w) => ({ name: w.name, visible: w.visibility === "Visible" }));
  const wanted = wss.items.filter((w, i) => (only ? only(sheets[i]!) : true));
  return { sheets, wanted };
}

/**
 * Each wanted sheet's used range, and its merged areas (where supported): with its cells, or
 * only its position and size (to read the cells in blocks).
 */
function usedRanges(wanted: Excel.Worksheet[], features: Features, what: "cells" | "shape") {
  return wanted.map((sheet) => {
    const range = sheet.getUsedRange(true);
    if (what === "cells") range.load("values,numberFormat,rowIndex,columnIndex");
    else range.load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = features.excelApi1_13 ? range.getMergedAreasOrNullObject() : null;
    merged?.load("address");
    return { sheet, range, merged };
  });
}

function readAtOnce(
  run: ExcelRun,
  features: Features,
  only?: (s: SheetInfo) => boolean,
): Promise<ReadResult> {
  return run(async (context) => {
    const { sheets, wanted } = await sheetList(context, only);
    const loaded = usedRanges(wanted, features, "cells");
    await context.sync();
    const grids = new Map<string, Grid>();
    for (const { sheet, range, merged } of loaded) {
      const rows: CellValue[][] = Array.from({ length: range.rowIndex }, () => []);
      appendRows(rows, range.values, range.numberFormat, range.columnIndex);
      grids.set(sheet.name, { sheet: sheet.name, rows, merges: mergesOf(merged) });
    }
    return { sheets, grids };
  });
}

function readInBlocks(
  run: ExcelRun,
  features: Features,
  only?: (s: SheetInfo) => boolean,
): Promise<ReadResult> {
  return run(async (context) => {
    const { sheets, wanted } = await sheetList(context, only);
    const shapes = usedRanges(wanted, features, "shape");
    await context.sync();
    const grids = new Map<string, Grid>();
    for (const { sheet, range, merged } of shapes) {
      const rows: CellValue[][] = Array.from({ length: range.rowIndex }, () => []);
      let block = Math.max(1, Math.floor(BLOCK_CELLS / Math.max(1, range.columnCount)));
      for (let start = 0; start < range.rowCount;) {
        const count = Math.min(block, range.rowCount - start);
        // By address (ExcelApi 1.1), not getRangeByIndexes (1.7): blocks work on every host.
        const top = range.rowIndex + start + 1;
        const part = sheet.getRange(
          `${cellAddress(top, range.columnIndex + 1)}:${cellAddress(top + count - 1, range.columnIndex + range.columnCount)}`,
        );
        part.load("values,numberFormat");
        try {
          // One sync per block is the point here: each answer must stay under the web's 5 MB.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        } catch (err) {
          // Long texts: a block still over the limit is read again in halves.
          if (errorCode(err) !== RESPONSE_TOO_LARGE || count === 1) throw err;
          block = Math.max(1, Math.floor(count / 2));
          continue;
        }
        appendRows(rows, part.values, part.numberFormat, range.columnIndex);
        start += count;
      }
      grids.set(sheet.name, { sheet: sheet.name, rows, merges: mergesOf(merged) });
    }
    return { sheets, grids };
  });
}

function applyStyle(format: Excel.RangeFormat, s: CellStyle): void {
  format.font.name = "等线";
  format.font.size = s.size ?? 10.5;
  format.font.bold = Boolean(s.bold);
  if (s.color) format.font.color = `#${s.color.slice(2)}`;
  if (s.underline) format.font.underline = "Single";
  if (s.fill) format.fill.color = `#${s.fill.slice(2)}`;
  format.wrapText = Boolean(s.wrap);
  format.verticalAlignment = "Top";
  if (s.align)
    format.horizontalAlignment = s.align === "left" ? "Left" : s.align === "center" ? "Center" : "Right";
  // Cells are locked by default: a return form's fill-in cells are the ones left open.
  if (s.unlocked) format.protection.locked = false;
  if (s.border) {
    for (const edge of BORDER_EDGES) {
      const b = format.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#BFBFBF";
    }
  }
}

function queue(context: Excel.RequestContext, c: Command, features: Features): void {
  const sheets = context.workbook.worksheets;
  switch (c.kind) {
    case "delete":
      sheets.getItem(c.sheet).delete();
      return;
    case "add": {
      const ws = sheets.add(c.sheet);
      if (c.hidden) ws.visibility = "VeryHidden";
      return;
    }
    case "values": {
      const range = sheets.getItem(c.sheet).getRange(c.address);
      range.numberFormat = c.formats;
      range.values = c.values;
      return;
    }
    case "style": {
      const ws = sheets.getItem(c.sheet);
      // Many ranges at once with getRanges (ExcelApi 1.9); one by one otherwise.
      const targets: (Excel.Range | Excel.RangeAreas)[] =
        c.addresses.length > 1 && features.excelApi1_9
          ? [ws.getRanges(c.addresses.join(","))]
          : c.addresses.map((a) => ws.getRange(a));
      for (const target of targets) applyStyle(target.format as Excel.RangeFormat, STYLES[c.style]);
      return;
    }
    case "merge":
      sheets.getItem(c.sheet).getRange(c.address).merge(false);
      return;
    // Whole columns and rows by address: ExcelApi 1.2 (getRangeByIndexes would need 1.7).
    case "width":
      sheets.getItem(c.sheet).getRange(`${columnLetter(c.col)}:${columnLetter(c.col)}`).format.columnWidth =
        c.points;
      return;
    case "height":
      sheets.getItem(c.sheet).getRange(`${c.row}:${c.row + c.rows - 1}`).format.rowHeight = c.points;
      return;
    case "freeze":
      sheets.getItem(c.sheet).freezePanes.freezeRows(c.rows);
      return;
    case "link":
      sheets.getItem(c.sheet).getRange(c.address).hyperlink = {
        documentReference: c.target,
        textToDisplay: c.text,
      };
      return;
    case "tab":
      sheets.getItem(c.sheet).tabColor = c.color;
      return;
    case "print": {
      const layout = sheets.getItem(c.sheet).pageLayout;
      layout.orientation = c.orientation;
      layout.paperSize = "A4";
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (c.titleRows) layout.setPrintTitleRows(c.titleRows);
      if (c.header) layout.headersFooters.defaultForAllPages.centerHeader = c.header.replace(/&/g, "&&");
      return;
    }
    case "chart": {
      const ws = sheets.getItem(c.sheet);
      const chart = ws.charts.add(c.type, ws.getRange(c.source), "Columns");
      chart.title.text = c.title;
      chart.setPosition(c.from, c.to);
      return;
    }
    case "dataBar": {
      const cf = sheets.getItem(c.sheet).getRange(c.address).conditionalFormats.add("DataBar");
      cf.dataBar.barDirection = "LeftToRight";
      cf.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
      cf.dataBar.upperBoundRule = { type: "Number", formula: "1" };
      return;
    }
    case "hideColumn":
      sheets.getItem(c.sheet).getRange(`${columnLetter(c.col)}:${columnLetter(c.col)}`).columnHidden = true;
      return;
    case "validation": {
      const dv = sheets.getItem(c.sheet).getRange(c.address).dataValidation;
      dv.ignoreBlanks = true;
      dv.rule = c.rule;
      // The error alert is left as Excel makes it: shown, and refusing (as the files' showErrorMessage).
      if (c.prompt) dv.prompt = { showPrompt: true, message: c.prompt, title: "" };
      return;
    }
    case "protect":
      // No password (ExcelApi 1.7 for one): the point is to stop accidental edits.
      sheets.getItem(c.sheet).protection.protect();
      return;
  }
}

export interface WriteReport {
  batches: number;
  bytes: number;
}

/**
 * Execute commands, one sync per batch under the request limit. Calculation is suspended while
 * writing where the host supports it.
 */
export async function executeCommands(
  run: ExcelRun,
  commands: Command[],
  features: Features,
  onProgress?: (done: number, total: number) => void,
): Promise<WriteReport> {
  const groups = batches(commands);
  let done = 0;
  // One Excel.run (one sync) per batch, chained: no sync inside a loop.
  await groups.reduce<Promise<void>>(
    (previous, group) =>
      previous.then(() =>
        run(async (context) => {
          if (features.excelApi1_6) context.application.suspendApiCalculationUntilNextSync();
          group.forEach((c) => queue(context, c, features));
          await context.sync();
          done++;
          onProgress?.(done, groups.length);
        }),
      ),
    Promise.resolve(),
  );
  return { batches: groups.length, bytes: commands.reduce((n, c) => n + commandBytes(c), 0) };
}

/** Select a cell (a finding's place) and show its sheet. */
export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/** Replace text in one cell, only if it still holds what the user saw. Returns false if it changed. */
export async function replaceInCell(
  run: ExcelRun,
  sheet: string,
  address: string,
  from: string,
  to: string,
): Promise<boolean> {
  return run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address);
    range.load("values");
    await context.sync();
    const current = range.values[0]?.[0];
    if (typeof current !== "string" || !current.includes(from)) return false;
    range.values = [[current.split(from).join(to)]];
    await context.sync();
    return true;
  });
}
