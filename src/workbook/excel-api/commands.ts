/**
 * A generation plan as a list of Excel API write commands, grouped into batches that each stay
 * under Excel on the web's 5 MB request limit. Pure: no Office here; the adapter executes them.
 */
import { columnLetter } from "../../core/model";
import {
  type ChartPlan,
  type LedgerSettings,
  type PlanValidation,
  SETTINGS_SHEET,
  STYLES,
  type SheetPlan,
  type StyleId,
  type WorkbookPlan,
} from "../../core/plan/model";
import { settingsToRows } from "../../core/plan/settings";

/**
 * The requirement sets above ExcelApi 1.2 (the manifest's minimum) the host declares, each named
 * by its set, checked at run time. Without them the adapter uses only ExcelApi 1.2 members.
 */
export interface Features {
  /** ExcelApi 1.6: conditional formats (data bars), suspending calculation. */
  excelApi1_6: boolean;
  /** ExcelApi 1.7: freeze panes, hyperlinks, tab colours. */
  excelApi1_7: boolean;
  /** ExcelApi 1.8: data validation (a return form's 0–100 % and 是/否 list). */
  excelApi1_8: boolean;
  /** ExcelApi 1.9: print layout, formatting many ranges at once (getRanges). */
  excelApi1_9: boolean;
  /** ExcelApi 1.13: reading merged areas. */
  excelApi1_13: boolean;
}

export type Command =
  | { kind: "delete"; sheet: string }
  | { kind: "add"; sheet: string; hidden?: "veryHidden" }
  | {
      kind: "values";
      sheet: string;
      address: string;
      values: (string | number | boolean)[][];
      formats: string[][];
    }
  | { kind: "style"; sheet: string; addresses: string[]; style: StyleId }
  | { kind: "merge"; sheet: string; address: string }
  | { kind: "width"; sheet: string; col: number; points: number }
  | { kind: "height"; sheet: string; row: number; rows: number; points: number }
  | { kind: "freeze"; sheet: string; rows: number }
  | { kind: "link"; sheet: string; address: string; target: string; text: string }
  | { kind: "tab"; sheet: string; color: string }
  | {
      kind: "print";
      sheet: string;
      orientation: "Landscape" | "Portrait";
      titleRows?: string;
      header?: string;
    }
  | { kind: "dataBar"; sheet: string; address: string }
  | { kind: "hideColumn"; sheet: string; col: number }
  | { kind: "validation"; sheet: string; address: string; rule: ValidationRule; prompt?: string }
  /** Last of a sheet's commands: a protected sheet refuses later writes to its locked cells. */
  | { kind: "protect"; sheet: string }

  /** A native chart over the sheet's own cells (`source`: the header row, categories and values). */
  | {
      kind: "chart";
      sheet: string;
      type: ChartType;
      source: string;
      title: string;
      from: string;
      to: string;
    };

/** A data validation rule as office.js takes it (`Excel.DataValidationRule`). */
export type ValidationRule =
  | { list: { inCellDropDown: true; source: string } }
  | { decimal: { formula1: number; formula2: number; operator: "Between" } };

function validationRule(v: PlanValidation): ValidationRule {
  return v.kind === "list"
    ? { list: { inCellDropDown: true, source: v.values.join(",") } }
    : { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
}

/** The Excel API's chart types the plan's kinds become. */
export type ChartType = "BarClustered" | "Pie" | "Line";
const CHART_TYPE: Record<ChartPlan["kind"], ChartType> = { bar: "BarClustered", pie: "Pie", line: "Line" };

/**
 * Requests are filled up to this size: under Excel on the web's 5 MB limit with room for the
 * protocol's own wrapping, and full enough that a write takes no more than one sync per 4 MB.
 */
export const BATCH_BYTES = 4.75 * 1024 * 1024;
/** One values command stays this small, so batches fill evenly. */
const BLOCK_BYTES = 256 * 1024;
/** One character of column width in points (Excel's standard 8.43 characters = 48 points). */
const POINTS_PER_CHAR = 5.7;
/** Address lists for one formatting call stay short enough for Excel to parse. */
const MAX_ADDRESS_LIST = 2000;

export const cellAddress = (row: number, col: number): string => `${columnLetter(col)}${row}`;
const rangeAddress = (top: number, left: number, bottom: number, right: number) =>
  top === bottom && left === right
    ? cellAddress(top, left)
    : `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;

/** Text must stay text: "@" for every string cell, so "=SUM(…)" is never a formula. */
function numberFormatOf(v: string | number | null, style: StyleId | undefined): string {
  if (typeof v === "string") return "@";
  const f = style ? STYLES[style].numFmt : undefined;
  return f ?? "General";
}

export function sheetCommands(plan: SheetPlan, features: Features): Command[] {
  const sheet = plan.name;
  const out: Command[] = [{ kind: "add", sheet }];
  const width = Math.max(plan.widths.length, ...plan.rows.map((r) => r.length), 1);
  let top = 1;
  let values: (string | number)[][] = [];
  let formats: string[][] = [];
  let size = 0;
  const flushValues = () => {
    if (!values.length) return;
    out.push({
      kind: "values",
      sheet,
      address: rangeAddress(top, 1, top + values.length - 1, width),
      values,
      formats,
    });
    top += values.length;
    values = [];
    formats = [];
    size = 0;
  };
  for (let r = 1; r <= plan.rows.length; r++) {
    const row = plan.rows[r - 1] ?? [];
    const v = Array.from({ length: width }, (_, c) => row[c]?.v ?? "");
    const f = Array.from({ length: width }, (_, c) => numberFormatOf(row[c]?.v ?? null, row[c]?.s));
    const bytes = utf8Length(JSON.stringify(v)) + utf8Length(JSON.stringify(f));
    if (values.length && size + bytes > BLOCK_BYTES) flushValues();
    values.push(v);
    formats.push(f);
    size += bytes;
  }
  flushValues();
  // Styles: one command per style, over runs of cells in a row that share it.
  const byStyle = new Map<StyleId, string[]>();
  plan.rows.forEach((row, ri) => {
    let c = 0;
    while (c < row.length) {
      const s = row[c]?.s;
      let end = c;
      while (end + 1 < row.length && row[end + 1]?.s === s) end++;
      if (s) byStyle.set(s, [...(byStyle.get(s) ?? []), rangeAddress(ri + 1, c + 1, ri + 1, end + 1)]);
      c = end + 1;
    }
  });
  for (const [style, addresses] of byStyle) {
    // Without ExcelApi 1.9 each range is formatted on its own; with it, many at once.
    const chunk: string[] = [];
    let length = 0;
    const flush = () => {
      if (chunk.length) out.push({ kind: "style", sheet, addresses: [...chunk], style });
      chunk.length = 0;
      length = 0;
    };
    for (const a of addresses) {
      if (!features.excelApi1_9 || length + a.length + 1 > MAX_ADDRESS_LIST) flush();
      chunk.push(a);
      length += a.length + 1;
    }
    flush();
  }
  for (const m of plan.merges)
    out.push({ kind: "merge", sheet, address: rangeAddress(m.top, m.left, m.bottom, m.right) });
  plan.widths.forEach((w, i) =>
    out.push({ kind: "width", sheet, col: i + 1, points: Math.round(w * POINTS_PER_CHAR * 10) / 10 }),
  );
  // Consecutive rows of one height are set together.
  const heights = plan.rowHeights ?? [];
  for (let i = 0; i < heights.length;) {
    const h = heights[i];
    let j = i + 1;
    while (j < heights.length && heights[j] === h) j++;
    if (h !== undefined) out.push({ kind: "height", sheet, row: i + 1, rows: j - i, points: h });
    i = j;
  }
  if (features.excelApi1_7) {
    if (plan.freeze?.rows) out.push({ kind: "freeze", sheet, rows: plan.freeze.rows });
    plan.rows.forEach((row, ri) =>
      row.forEach((cell, ci) => {
        if (cell?.link && cell.v !== null) {
          out.push({
            kind: "link",
            sheet,
            address: cellAddress(ri + 1, ci + 1),
            target: `'${cell.link.sheet.replace(/'/g, "''")}'!${cellAddress(cell.link.row, cell.link.col)}`,
            text: String(cell.v),
          });
        }
      }),
    );
    if (plan.tabColor) out.push({ kind: "tab", sheet, color: `#${plan.tabColor.slice(2)}` });
  }
  if (features.excelApi1_9) {
    out.push({
      kind: "print",
      sheet,
      orientation: plan.print.orientation === "landscape" ? "Landscape" : "Portrait",
      ...(plan.print.titleRows
        ? { titleRows: `$${plan.print.titleRows[0]}:$${plan.print.titleRows[1]}` }
        : {}),
      ...(plan.print.header ? { header: plan.print.header } : {}),
    });
  }
  if (features.excelApi1_6) {
    for (const b of plan.dataBars ?? []) {
      out.push({ kind: "dataBar", sheet, address: rangeAddress(b.fromRow, b.col, b.toRow, b.col) });
    }
  }
  // Charts are ExcelApi 1.1: every host has them. The source takes the header row above the
  // categories (the series' name), then the categories' and the values' columns.
  for (const ch of plan.charts ?? []) {
    const { categories, series, anchor } = ch;
    const right = Math.max(...series.map((x) => x.values.right));
    out.push({
      kind: "chart",
      sheet,
      type: CHART_TYPE[ch.kind],
      source: rangeAddress(Math.max(1, categories.top - 1), categories.left, categories.bottom, right),
      title: ch.title,
      from: cellAddress(anchor.top, anchor.left),
      to: cellAddress(anchor.bottom, anchor.right),
    });
  }
  // Column hiding and protection are ExcelApi 1.2 (every host); validation needs 1.8.
  for (const col of plan.hiddenColumns ?? []) out.push({ kind: "hideColumn", sheet, col });
  if (features.excelApi1_8) {
    for (const v of plan.validations ?? []) {
      out.push({
        kind: "validation",
        sheet,
        address: rangeAddress(v.range.top, v.range.left, v.range.bottom, v.range.right),
        rule: validationRule(v),
        ...(v.prompt ? { prompt: v.prompt.slice(0, 255) } : {}),
      });
    }
  }
  if (plan.protect) out.push({ kind: "protect", sheet });
  return out;
}

export function settingsCommands(settings: LedgerSettings): Command[] {
  const rows = settingsToRows(settings);
  return [
    { kind: "add", sheet: SETTINGS_SHEET, hidden: "veryHidden" },
    {
      kind: "values",
      sheet: SETTINGS_SHEET,
      address: rangeAddress(1, 1, rows.length, 1),
      values: rows.map((r) => [r[0] ?? ""]),
      formats: rows.map(() => ["@"]),
    },
  ];
}

/** Every command of a plan: previous generated sheets out, planned sheets in, settings last. */
export function planCommands(
  plan: WorkbookPlan,
  previous: LedgerSettings | null,
  existing: readonly string[],
  features: Features,
): Command[] {
  const have = new Set(existing);
  const out: Command[] = [];
  for (const g of previous?.generated ?? [])
    if (have.has(g.name)) out.push({ kind: "delete", sheet: g.name });
  if (have.has(SETTINGS_SHEET)) out.push({ kind: "delete", sheet: SETTINGS_SHEET });
  for (const s of plan.sheets) out.push(...sheetCommands(s, features));
  out.push(...settingsCommands(plan.settings));
  return out;
}

/** Bytes of a string in UTF-8 (what goes over the wire), without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return n;
}

/** The borders a bordered style sets (outer edges and the lines between cells). */
export const BORDER_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
] as const;

/*
 * What a command adds to a request, counted as office.js writes the request's JSON body (its
 * `ClientRequest`: `{ AutoKeepReference, Actions, ObjectPaths }`). Every proxy object the adapter
 * makes is an object path, listed under ObjectPaths and instantiated by an action of its own;
 * every property set or method call is one more action carrying its arguments. Ids are counted at
 * seven digits (a batch makes far fewer objects), so the count is an upper bound.
 */
const json = (v: unknown) => utf8Length(JSON.stringify(v));
const ID = 9_999_999;
/** An object path entry (`"id":{…}`) and its instantiate action, without its name and arguments. */
const PATH_BYTES =
  json(String(ID)) +
  1 +
  json({ Id: ID, ObjectPathType: 3, Name: "", ParentObjectPathId: ID, ArgumentInfo: { Arguments: [] } }) +
  1 +
  json({ Id: ID, ActionType: 1, Name: "", ObjectPathId: ID }) +
  1;
/** A set or call action, without its name and arguments. */
const ACTION_BYTES =
  json({ Id: ID, ActionType: 4, Name: "", ObjectPathId: ID, ArgumentInfo: { Arguments: [] } }) + 1;
/** The body's own frame and what every batch makes once: workbook, worksheets, application, suspend. */
const BATCH_BYTES_FIXED = 1024;

/** JSON of an argument list's items (commas between them). */
const argsBytes = (args: unknown[]) => (args.length ? json(args) - 2 : 0);
const path = (name: string, args: unknown[] = []) => PATH_BYTES + name.length + argsBytes(args);
const action = (name: string, args: unknown[] = []) => ACTION_BYTES + name.length + argsBytes(args);
/** `worksheets.getItem(sheet)`: made anew by every command. */
const sheetPath = (sheet: string) => path("", [sheet]);
/** `getItem(sheet).getRange(address)`. */
const rangePath = (sheet: string, address: string) => sheetPath(sheet) + path("GetRange", [address]);

/** Properties a style sets, as [object, property, value] (mirrors the adapter's applyStyle). */
function styleProperties(style: StyleId): [string, string, unknown][] {
  const s = STYLES[style];
  const props: [string, string, unknown][] = [
    ["Font", "Name", "等线"],
    ["Font", "Size", s.size ?? 10.5],
    ["Font", "Bold", Boolean(s.bold)],
    ["Format", "WrapText", Boolean(s.wrap)],
    ["Format", "VerticalAlignment", "Top"],
  ];
  if (s.color) props.push(["Font", "Color", "#000000"]);
  if (s.underline) props.push(["Font", "Underline", "Single"]);
  if (s.fill) props.push(["Fill", "Color", "#000000"]);
  if (s.align) props.push(["Format", "HorizontalAlignment", "Center"]);
  if (s.unlocked) props.push(["Protection", "Locked", false]);
  if (s.border) {
    for (const edge of BORDER_EDGES) {
      props.push([edge, "Style", "Continuous"], [edge, "Color", "#BFBFBF"]);
    }
  }
  return props;
}

/**
 * What a style's objects and property sets add, whatever the range: computed once per style (a
 * generation on ExcelApi 1.2 formats each of tens of thousands of ranges on its own, and this
 * took seconds of JSON; measured in the 3,000-task test).
 */
const styleObjectBytes = new Map<StyleId, number>();
function styleOwnBytes(style: StyleId): number {
  let n = styleObjectBytes.get(style);
  if (n === undefined) {
    const props = styleProperties(style);
    const edges: readonly string[] = BORDER_EDGES;
    // The objects the properties live on: format, font, fill, the border collection and each edge.
    const objects = new Set(props.map(([o]) => o));
    n = path("Format");
    for (const o of objects) if (o !== "Format") n += path(o, edges.includes(o) ? [o] : []);
    if (props.some(([o]) => edges.includes(o))) n += path("Borders");
    n += props.reduce((sum, [, name, v]) => sum + action(name, [v]), 0);
    styleObjectBytes.set(style, n);
  }
  return n;
}

const styleBytes = (c: Extract<Command, { kind: "style" }>) =>
  rangePath(c.sheet, c.addresses.join(",")) + styleOwnBytes(c.style);

/**
 * A command's share of a request (an upper bound): the objects it makes and the actions it
 * queues, each with its arguments, as `queue` in the adapter makes them.
 */
export function commandBytes(c: Command): number {
  switch (c.kind) {
    case "delete":
      return sheetPath(c.sheet) + action("Delete");
    case "add":
      return path("Add", [c.sheet]) + (c.hidden ? action("Visibility", ["VeryHidden"]) : 0);
    case "values":
      return (
        rangePath(c.sheet, c.address) +
        ACTION_BYTES +
        "NumberFormat".length +
        json(c.formats) +
        ACTION_BYTES +
        "Values".length +
        json(c.values)
      );
    case "style":
      return styleBytes(c);
    case "merge":
      return rangePath(c.sheet, c.address) + action("Merge", [false]);
    case "width":
      return rangePath(c.sheet, "XFD:XFD") + path("Format") + action("ColumnWidth", [c.points]);
    case "height":
      return (
        rangePath(c.sheet, `${c.row}:${c.row + c.rows - 1}`) +
        path("Format") +
        action("RowHeight", [c.points])
      );
    case "freeze":
      return sheetPath(c.sheet) + path("FreezePanes") + action("FreezeRows", [c.rows]);
    case "tab":
      return sheetPath(c.sheet) + action("TabColor", [c.color]);
    case "link":
      return (
        rangePath(c.sheet, c.address) +
        action("Hyperlink", [{ documentReference: c.target, textToDisplay: c.text }])
      );
    case "print":
      return (
        sheetPath(c.sheet) +
        path("PageLayout") +
        action("Orientation", [c.orientation]) +
        action("PaperSize", ["A4"]) +
        action("Zoom", [{ horizontalFitToPages: 1, verticalFitToPages: 0 }]) +
        (c.titleRows ? action("SetPrintTitleRows", [c.titleRows]) : 0) +
        (c.header
          ? path("HeadersFooters") +
            path("DefaultForAllPages") +
            action("CenterHeader", [c.header.replace(/&/g, "&&")])
          : 0)
      );
    case "chart":
      return (
        sheetPath(c.sheet) +
        path("Charts") +
        rangePath(c.sheet, c.source) +
        path("Add", [c.type, { ObjectPathId: 100000 }, "Columns"]) +
        path("Title") +
        action("Text", [c.title]) +
        action("SetPosition", [c.from, c.to])
      );
    case "dataBar":
      return (
        rangePath(c.sheet, c.address) +
        path("ConditionalFormats") +
        path("Add", ["DataBar"]) +
        path("DataBar") +
        action("BarDirection", ["LeftToRight"]) +
        2 * action("LowerBoundRule", [{ type: "Number", formula: "0" }])
      );
    case "hideColumn":
      return rangePath(c.sheet, "XFD:XFD") + action("ColumnHidden", [true]);
    case "validation":
      return (
        rangePath(c.sheet, c.address) +
        path("DataValidation") +
        action("IgnoreBlanks", [true]) +
        action("Rule", [c.rule]) +
        (c.prompt ? action("Prompt", [{ showPrompt: true, message: c.prompt, title: "" }]) : 0)
      );
    case "protect":
      return sheetPath(c.sheet) + path("Protection") + action("Protect", []);
  }
}

/** Group commands into batches under the request limit, in order. */
export function batches(commands: Command[], limit = BATCH_BYTES): Command[][] {
  const out: Command[][] = [];
  let cur: Command[] = [];
  let size = BATCH_BYTES_FIXED;
  for (const c of commands) {
    const b = commandBytes(c);
    if (cur.length && size + b > limit) {
      out.push(cur);
      cur = [];
      size = BATCH_BYTES_FIXED;
    }
    cur.push(c);
    size += b;
  }
  if (cur.length) out.push(cur);
  return out;
}
