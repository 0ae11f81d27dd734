/**
 * A typed fake of the Excel JavaScript API subset Task Ledger uses. It enforces Excel's rules
 * rather than trusting the caller:
 * - a host declares the highest ExcelApi version it has; a member from a later requirement set
 *   fails with ApiNotFound, naming the member (office.js and Excel do the same). Each member's set
 *   comes from api-sets.generated.ts, generated from @types/office-js's annotations;
 * - a property is read only after load() and sync() (else PropertyNotLoaded);
 * - queued writes happen at sync(), and the values' shape must equal the range's;
 * - sheet names follow Excel's documented rules (./sheet-names, the fake's own);
 * - one sync's request is weighed as office.js sends it (./request: the JSON body of actions and
 *   object paths), and over 5 MB it fails (RequestPayloadSizeLimitExceeded), nothing applied;
 * - a string starting with "=" written into a cell not formatted as text becomes a formula;
 * - a protected sheet refuses writes to its locked cells (cells are locked unless their format
 *   says `protection.locked = false`) and every change of format, merge, size, hiding or
 *   validation, as Excel does on a sheet protected with the default options;
 * - it counts syncs and request bytes, and remembers the selection.
 */
import { API_SETS, type ApiMember } from "./api-sets.generated";
import { type ObjectPath, RequestBody } from "./request";
import { sameSheetName, sheetNameProblem } from "./sheet-names";

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

export interface FakeCell {
  value: string | number | boolean | { formula: string };
  numberFormat: string;
  format: Record<string, unknown>;
  hyperlink?: { documentReference: string; textToDisplay: string };
}

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  merges: { top: number; left: number; bottom: number; right: number }[];
  frozenRows: number;
  tabColor?: string;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  print: Record<string, unknown>;
  conditionalFormats: { address: string; type: string }[];
  /** Protected (Worksheet.protection.protect): only unlocked cells take values. */
  protected: boolean;
  hiddenColumns: Set<number>;
  validations: { address: string; rule?: unknown; ignoreBlanks?: boolean; prompt?: unknown }[];
  /** Charts added (type, the source range's address, title, the cells it covers). */
  charts: FakeChartRecord[];
}

/** A cell is locked unless its format says otherwise (Excel's default for every cell). */
export const isLocked = (cell: FakeCell | undefined): boolean => cell?.format["protection.locked"] !== false;

/** Excel's refusal of a change to a protected sheet. */
function refuseIfProtected(sheet: FakeSheet, what: string, box?: Box): void {
  if (!sheet.protected) return;
  if (box) {
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++)
        if (isLocked(sheet.cells.get(key(r, c))))
          throw new FakeExcelError(
            "AccessDenied",
            `${sheet.name}!${colLetters(c)}${r} is a locked cell of a protected sheet (${what})`,
          );
    return;
  }
  throw new FakeExcelError("AccessDenied", `${sheet.name} is protected (${what})`);
}

export interface FakeChartRecord {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  from?: string;
  to?: string;
}

/** Excel's limit on one request (and, on the web, on one answer): 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Excel's grid. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** The fake formats cell by cell; a larger area (a whole column's font) is a fake's limit, said. */
const MAX_FORMATTED_CELLS = 1_000_000;

/** What a value costs in an answer: its JSON, in UTF-8 bytes. */
export function jsonBytes(v: unknown): number {
  return new TextEncoder().encode(JSON.stringify(v ?? null)).length;
}

const key = (r: number, c: number) => `${r},${c}`;
const colNum = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const colLetters = (n: number) => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An A1 address: a cell, an area, whole columns ("C:E") or whole rows ("5:7"). */
export function parseAddress(address: string): Box {
  const a = (address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address).trim();
  const area = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a);
  const columns = /^\$?([A-Z]+):\$?([A-Z]+)$/.exec(a);
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(a);
  let box: Box | null = null;
  if (area) {
    const top = Number(area[2]);
    const left = colNum(area[1]!);
    box = { top, left, bottom: area[4] ? Number(area[4]) : top, right: area[3] ? colNum(area[3]) : left };
  } else if (columns) {
    box = { top: 1, left: colNum(columns[1]!), bottom: MAX_ROWS, right: colNum(columns[2]!) };
  } else if (rows) {
    box = { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: MAX_COLUMNS };
  }
  if (
    !box ||
    box.top < 1 ||
    box.left < 1 ||
    box.bottom < box.top ||
    box.right < box.left ||
    box.bottom > MAX_ROWS ||
    box.right > MAX_COLUMNS
  )
    throw new FakeExcelError("InvalidArgument", `bad address "${address}"`);
  return box;
}

const boxAddress = (b: Box) => {
  if (b.top === 1 && b.bottom === MAX_ROWS) return `${colLetters(b.left)}:${colLetters(b.right)}`;
  if (b.left === 1 && b.right === MAX_COLUMNS) return `${b.top}:${b.bottom}`;
  return b.top === b.bottom && b.left === b.right
    ? `${colLetters(b.left)}${b.top}`
    : `${colLetters(b.left)}${b.top}:${colLetters(b.right)}${b.bottom}`;
};

/** Base of every proxy object: its object path (instantiated when made), loads and their readiness. */
class ClientObject {
  // Made on first use: a generation makes hundreds of thousands of objects that load nothing.
  private readySet: Set<string> | null = null;
  private pendingSet: Set<string> | null = null;
  protected get ready(): Set<string> {
    return (this.readySet ??= new Set());
  }
  protected get pending(): Set<string> {
    return (this.pendingSet ??= new Set());
  }
  constructor(
    readonly ctx: FakeContext,
    readonly path: ObjectPath,
    /** The Excel class, to find a loaded property's requirement set ("Range" + "values"). */
    private readonly className: string,
  ) {
    // Objects made while an answer is read (a collection's items) are not sent again.
    if (!ctx.answering) ctx.body.instantiate(path);
  }
  load(props: string): this {
    const names = props.split(",").map((x) => x.trim());
    for (const name of names) {
      const [first, second] = name.split("/") as [string, string | undefined];
      const member =
        first === "items" && second ? `${this.itemClass()}.${second}` : `${this.className}.${first}`;
      if (!(first === "items" && !second)) this.ctx.api(knownMember(member));
      this.pending.add(first);
    }
    this.ctx.body.query(this.path, props);
    this.ctx.onLoad(this);
    return this;
  }
  /** A collection's item class ("WorksheetCollection" → "Worksheet"). */
  protected itemClass(): string {
    return this.className.replace(/Collection$/, "");
  }
  /** Called at sync: take a snapshot of the loaded properties. */
  resolve(): void {
    if (!this.pendingSet) return;
    for (const p of this.pendingSet) this.ready.add(p);
    this.pendingSet.clear();
  }
  /** Properties delivered by a parent's load ("items/name"). */
  markReady(...props: string[]): this {
    for (const p of props) this.ready.add(p);
    return this;
  }
  protected need(prop: string): void {
    if (!this.ready.has(prop)) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `"${prop}" was read before load("${prop}") and context.sync()`,
      );
    }
  }
  /** Set a property: checked against the host's sets, sent in the request, applied at sync. */
  protected setProperty(member: ApiMember, value: unknown, apply: () => void): void {
    this.ctx.api(member, "write");
    this.ctx.body.setProperty(this.path, memberName(member), value);
    this.ctx.queue(apply);
  }
  /** Call a method that acts (no object back): checked, sent, applied at sync. */
  protected invoke(member: ApiMember, args: unknown[], apply: () => void): void {
    this.ctx.api(member);
    this.ctx.body.invoke(this.path, memberName(member), args);
    this.ctx.queue(apply);
  }
}

function knownMember(member: string): ApiMember {
  if (!(member in API_SETS))
    throw new Error(`the fake does not implement ${member} (not in api-sets.generated.ts)`);
  return member as ApiMember;
}

const memberName = (member: ApiMember) => member.split(".")[1]!;

type Boxes = () => { sheet: FakeSheet; box: Box }[];

/** A formatting object (font, fill, a border) whose properties apply to its ranges' cells. */
class FakeFormatPart extends ClientObject {
  constructor(
    ctx: FakeContext,
    path: ObjectPath,
    className: "RangeFont" | "RangeFill" | "RangeBorder" | "FormatProtection",
    /** Where the fake keeps the part's properties in a cell's format ("font", "border.EdgeTop"). */
    readonly prefix: string,
    readonly boxes: Boxes,
  ) {
    super(ctx, path, className);
  }
  protected put(member: ApiMember, v: unknown): void {
    this.setProperty(member, v, () =>
      formatCells(this.ctx, this.boxes, `${this.prefix}.${memberName(member)}`, v),
    );
  }
}

class FakeFont extends FakeFormatPart {
  set name(v: string) {
    this.put("RangeFont.name", v);
  }
  set size(v: number) {
    this.put("RangeFont.size", v);
  }
  set bold(v: boolean) {
    this.put("RangeFont.bold", v);
  }
  set color(v: string) {
    this.put("RangeFont.color", v);
  }
  set underline(v: string) {
    this.put("RangeFont.underline", v);
  }
}

class FakeFill extends FakeFormatPart {
  set color(v: string) {
    this.put("RangeFill.color", v);
  }
}

class FakeProtection extends FakeFormatPart {
  set locked(v: boolean) {
    this.put("FormatProtection.locked", v);
  }
}

class FakeBorder extends FakeFormatPart {
  set style(v: string) {
    this.put("RangeBorder.style", v);
  }
  set color(v: string) {
    this.put("RangeBorder.color", v);
  }
}

function formatCells(ctx: FakeContext, boxes: Boxes, prop: string, v: unknown): void {
  for (const { sheet, box } of boxes()) {
    if ((box.bottom - box.top + 1) * (box.right - box.left + 1) > MAX_FORMATTED_CELLS)
      throw new Error(`the fake formats at most ${MAX_FORMATTED_CELLS} cells at once (${boxAddress(box)})`);
    refuseIfProtected(sheet, `format ${prop}`);
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) ctx.excel.cell(sheet, r, c).format[prop] = v;
  }
}

class FakeFormat extends ClientObject {
  constructor(
    ctx: FakeContext,
    path: ObjectPath,
    className: "RangeFormat",
    private readonly boxes: Boxes,
    private readonly owner: "Range" | "RangeAreas",
  ) {
    super(ctx, path, className);
  }
  // office.js makes a navigation property's object once per parent object.
  private fontObject: FakeFont | null = null;
  private fillObject: FakeFill | null = null;
  get font(): FakeFont {
    this.ctx.api("RangeFormat.font");
    this.fontObject ??= new FakeFont(
      this.ctx,
      this.ctx.body.property(this.path, "font"),
      "RangeFont",
      "font",
      this.boxes,
    );
    return this.fontObject;
  }
  get fill(): FakeFill {
    this.ctx.api("RangeFormat.fill");
    this.fillObject ??= new FakeFill(
      this.ctx,
      this.ctx.body.property(this.path, "fill"),
      "RangeFill",
      "fill",
      this.boxes,
    );
    return this.fillObject;
  }
  private protectionObject: FakeProtection | null = null;
  get protection(): FakeProtection {
    this.ctx.api("RangeFormat.protection");
    this.protectionObject ??= new FakeProtection(
      this.ctx,
      this.ctx.body.property(this.path, "protection"),
      "FormatProtection",
      "protection",
      this.boxes,
    );
    return this.protectionObject;
  }
  private bordersObject: ClientObject | null = null;
  get borders() {
    if (!this.bordersObject) {
      this.ctx.api("RangeFormat.borders");
      this.bordersObject = new ClientObject(
        this.ctx,
        this.ctx.body.property(this.path, "borders"),
        "RangeBorderCollection",
      );
    }
    const collection = this.bordersObject;
    return {
      getItem: (edge: string) => {
        this.ctx.api("RangeBorderCollection.getItem");
        return new FakeBorder(
          this.ctx,
          this.ctx.body.indexer(collection.path, [edge]),
          "RangeBorder",
          `border.${edge}`,
          this.boxes,
        );
      },
    };
  }
  private setCells(member: ApiMember, v: unknown) {
    this.setProperty(member, v, () => formatCells(this.ctx, this.boxes, memberName(member), v));
  }
  set wrapText(v: boolean) {
    this.setCells("RangeFormat.wrapText", v);
  }
  set verticalAlignment(v: string) {
    this.setCells("RangeFormat.verticalAlignment", v);
  }
  set horizontalAlignment(v: string) {
    this.setCells("RangeFormat.horizontalAlignment", v);
  }
  /** Excel sets the width of every column the range spans (a cell's range sets its column's). */
  set columnWidth(v: number) {
    if (this.owner !== "Range") throw new Error("the fake sets column widths on a Range only");
    this.setProperty("RangeFormat.columnWidth", v, () => {
      for (const { sheet, box } of this.boxes()) {
        refuseIfProtected(sheet, "column width");
        for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, v);
      }
    });
  }
  /** Excel sets the height of every row the range spans. */
  set rowHeight(v: number) {
    if (this.owner !== "Range") throw new Error("the fake sets row heights on a Range only");
    this.setProperty("RangeFormat.rowHeight", v, () => {
      for (const { sheet, box } of this.boxes()) {
        refuseIfProtected(sheet, "row height");
        for (let r = box.top; r <= box.bottom; r++) sheet.rowHeights.set(r, v);
      }
    });
  }
}

class FakeRange extends ClientObject {
  private valuesSnapshot: unknown[][] = [];
  private formatSnapshot: string[][] = [];
  private box: Box = { top: 1, left: 1, bottom: 1, right: 1 };
  constructor(
    ctx: FakeContext,
    path: ObjectPath,
    readonly sheetName: string,
    private readonly boxFn: () => Box,
  ) {
    super(ctx, path, "Range");
  }
  /** The range's address as the fake resolves it (for a chart's source data). */
  addressNow(): string {
    return boxAddress(this.boxFn());
  }
  private sheet(): FakeSheet {
    return this.ctx.excel.sheetOrThrow(this.sheetName);
  }
  override resolve(): void {
    if (this.pending.size) {
      const b = this.boxFn();
      this.box = b;
      if (this.pending.has("values") || this.pending.has("numberFormat")) {
        if ((b.bottom - b.top + 1) * (b.right - b.left + 1) > MAX_FORMATTED_CELLS)
          throw new Error(`the fake reads at most ${MAX_FORMATTED_CELLS} cells at once (${boxAddress(b)})`);
        const sheet = this.sheet();
        this.valuesSnapshot = [];
        this.formatSnapshot = [];
        for (let r = b.top; r <= b.bottom; r++) {
          const vr: unknown[] = [];
          const fr: string[] = [];
          for (let c = b.left; c <= b.right; c++) {
            const cell = sheet.cells.get(key(r, c));
            const v = cell?.value;
            vr.push(v === undefined ? "" : typeof v === "object" ? "" : v);
            fr.push(cell?.numberFormat ?? "General");
          }
          this.valuesSnapshot.push(vr);
          this.formatSnapshot.push(fr);
        }
        // What Excel sends back for the loaded properties (Excel on the web limits it to 5 MB too).
        if (this.pending.has("values")) this.ctx.responseBytes(jsonBytes(this.valuesSnapshot));
        if (this.pending.has("numberFormat")) this.ctx.responseBytes(jsonBytes(this.formatSnapshot));
      }
    }
    super.resolve();
  }
  get values(): unknown[][] {
    this.ctx.api("Range.values");
    this.need("values");
    return this.valuesSnapshot;
  }
  set values(v: unknown[][]) {
    this.setProperty("Range.values", v, () => {
      const b = this.boxFn();
      const rows = b.bottom - b.top + 1;
      const cols = b.right - b.left + 1;
      if (v.length !== rows || v.some((r) => r.length !== cols)) {
        throw new FakeExcelError(
          "InvalidArgument",
          `values of ${v.length}×${v[0]?.length ?? 0} do not fit the range ${boxAddress(b)} (${rows}×${cols})`,
        );
      }
      const sheet = this.sheet();
      refuseIfProtected(sheet, "values", b);
      v.forEach((row, i) =>
        row.forEach((val, j) => {
          const cell = this.ctx.excel.cell(sheet, b.top + i, b.left + j);
          const asFormula = typeof val === "string" && val.startsWith("=") && cell.numberFormat !== "@";
          cell.value = asFormula ? { formula: val as string } : (val as FakeCell["value"]);
        }),
      );
    });
  }
  get numberFormat(): string[][] {
    this.ctx.api("Range.numberFormat");
    this.need("numberFormat");
    return this.formatSnapshot;
  }
  set numberFormat(v: string[][]) {
    this.setProperty("Range.numberFormat", v, () => {
      const b = this.boxFn();
      if (v.length !== b.bottom - b.top + 1 || v.some((r) => r.length !== b.right - b.left + 1)) {
        throw new FakeExcelError("InvalidArgument", `numberFormat does not fit the range ${boxAddress(b)}`);
      }
      const sheet = this.sheet();
      refuseIfProtected(sheet, "number format");
      v.forEach((row, i) =>
        row.forEach((f, j) => (this.ctx.excel.cell(sheet, b.top + i, b.left + j).numberFormat = f)),
      );
    });
  }
  get rowCount(): number {
    this.ctx.api("Range.rowCount");
    this.need("rowCount");
    return this.box.bottom - this.box.top + 1;
  }
  get columnCount(): number {
    this.ctx.api("Range.columnCount");
    this.need("columnCount");
    return this.box.right - this.box.left + 1;
  }
  get rowIndex(): number {
    this.ctx.api("Range.rowIndex");
    this.need("rowIndex");
    return this.box.top - 1;
  }
  get columnIndex(): number {
    this.ctx.api("Range.columnIndex");
    this.need("columnIndex");
    return this.box.left - 1;
  }
  get address(): string {
    this.ctx.api("Range.address");
    this.need("address");
    return `${this.sheetName}!${boxAddress(this.box)}`;
  }
  private formatObject: FakeFormat | null = null;
  get format(): FakeFormat {
    this.ctx.api("Range.format");
    this.formatObject ??= new FakeFormat(
      this.ctx,
      this.ctx.body.property(this.path, "format"),
      "RangeFormat",
      () => [{ sheet: this.sheet(), box: this.boxFn() }],
      "Range",
    );
    return this.formatObject;
  }
  set hyperlink(h: { documentReference: string; textToDisplay: string }) {
    this.setProperty("Range.hyperlink", h, () => {
      const b = this.boxFn();
      refuseIfProtected(this.sheet(), "hyperlink");
      const cell = this.ctx.excel.cell(this.sheet(), b.top, b.left);
      cell.hyperlink = h;
      cell.value = h.textToDisplay;
    });
  }
  merge(across = false): void {
    this.invoke("Range.merge", [across], () => {
      const b = this.boxFn();
      const sheet = this.sheet();
      refuseIfProtected(sheet, "merge");
      if (
        sheet.merges.some(
          (m) => m.top <= b.bottom && b.top <= m.bottom && m.left <= b.right && b.left <= m.right,
        )
      ) {
        throw new FakeExcelError("InvalidOperation", `${boxAddress(b)} overlaps a merged area`);
      }
      sheet.merges.push({ ...b });
    });
  }
  /** Hides every column the range spans. */
  set columnHidden(v: boolean) {
    this.setProperty("Range.columnHidden", v, () => {
      const b = this.boxFn();
      const sheet = this.sheet();
      refuseIfProtected(sheet, "hiding columns");
      for (let c = b.left; c <= b.right; c++) {
        if (v) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }
  private dataValidationObject: ClientObject | null = null;
  /** A validation's settings, kept per range address in the sheet's `validations`. */
  get dataValidation(): Record<string, unknown> {
    this.ctx.api("Range.dataValidation");
    const ctx = this.ctx;
    this.dataValidationObject ??= new ClientObject(
      ctx,
      ctx.body.property(this.path, "dataValidation"),
      "DataValidation",
    );
    const dv = this.dataValidationObject;
    const entry = () => {
      const sheet = this.sheet();
      const address = boxAddress(this.boxFn());
      refuseIfProtected(sheet, "data validation");
      let e = sheet.validations.find((x) => x.address === address);
      if (!e) sheet.validations.push((e = { address }));
      return e;
    };
    const members: Record<string, ApiMember> = {
      rule: "DataValidation.rule",
      ignoreBlanks: "DataValidation.ignoreBlanks",
      prompt: "DataValidation.prompt",
    };
    const out: Record<string, unknown> = {};
    for (const [prop, member] of Object.entries(members)) {
      Object.defineProperty(out, prop, {
        set: (v: unknown) => {
          ctx.api(member, "write");
          ctx.body.setProperty(dv.path, prop, v);
          ctx.queue(() => {
            (entry() as Record<string, unknown>)[prop] = v;
          });
        },
      });
    }
    return out;
  }
  select(): void {
    this.invoke("Range.select", [], () => {
      this.ctx.excel.selection = { sheet: this.sheetName, address: boxAddress(this.boxFn()) };
    });
  }
  getMergedAreasOrNullObject(): FakeMergedAreas {
    this.ctx.api("Range.getMergedAreasOrNullObject");
    const path = this.ctx.body.method(this.path, "getMergedAreasOrNullObject", []);
    return new FakeMergedAreas(this.ctx, path, this.sheetName, this.boxFn);
  }
  private conditionalFormatsObject: ClientObject | null = null;
  get conditionalFormats() {
    this.ctx.api("Range.conditionalFormats");
    this.conditionalFormatsObject ??= new ClientObject(
      this.ctx,
      this.ctx.body.property(this.path, "conditionalFormats"),
      "ConditionalFormatCollection",
    );
    const collection = this.conditionalFormatsObject;
    return {
      add: (type: string) => {
        this.ctx.api("ConditionalFormatCollection.add");
        const added = new ClientObject(
          this.ctx,
          this.ctx.body.method(collection.path, "add", [type]),
          "ConditionalFormat",
        );
        this.ctx.queue(() => {
          refuseIfProtected(this.sheet(), "conditional format");
          this.sheet().conditionalFormats.push({ address: boxAddress(this.boxFn()), type });
        });
        return {
          get dataBar() {
            return dataBarOf(added);
          },
        };
      },
    };
  }
}

/** A data bar's settings: each checked and sent (the fake keeps none of them). */
function dataBarOf(format: ClientObject): Record<string, unknown> {
  const ctx = format.ctx;
  ctx.api("ConditionalFormat.dataBar");
  const bar = new ClientObject(ctx, ctx.body.property(format.path, "dataBar"), "DataBarConditionalFormat");
  const members: Record<string, ApiMember> = {
    barDirection: "DataBarConditionalFormat.barDirection",
    lowerBoundRule: "DataBarConditionalFormat.lowerBoundRule",
    upperBoundRule: "DataBarConditionalFormat.upperBoundRule",
  };
  const out: Record<string, unknown> = {};
  for (const [prop, member] of Object.entries(members)) {
    Object.defineProperty(out, prop, {
      set: (v: unknown) => {
        ctx.api(member, "write");
        ctx.body.setProperty(bar.path, prop, v);
      },
    });
  }
  return out;
}

class FakeMergedAreas extends ClientObject {
  private found: Box[] = [];
  constructor(
    ctx: FakeContext,
    path: ObjectPath,
    private readonly sheetName: string,
    private readonly boxFn: () => Box,
  ) {
    super(ctx, path, "RangeAreas");
  }
  override resolve(): void {
    const b = this.boxFn();
    this.found = this.ctx.excel
      .sheetOrThrow(this.sheetName)
      .merges.filter((m) => m.top >= b.top && m.bottom <= b.bottom && m.left >= b.left && m.right <= b.right);
    super.resolve();
  }
  get isNullObject(): boolean {
    this.need("address");
    return this.found.length === 0;
  }
  get address(): string {
    this.ctx.api("RangeAreas.address");
    this.need("address");
    if (!this.found.length)
      throw new FakeExcelError("InvalidObjectPath", "the merged areas are a null object");
    return this.found.map((m) => `${this.sheetName}!${boxAddress(m)}`).join(",");
  }
}

class FakeWorksheet extends ClientObject {
  constructor(
    ctx: FakeContext,
    path: ObjectPath,
    private readonly nameAtCreation: string,
  ) {
    super(ctx, path, "Worksheet");
  }
  private sheet(): FakeSheet {
    return this.ctx.excel.sheetOrThrow(this.nameAtCreation);
  }
  override resolve(): void {
    this.sheet(); // ItemNotFound for a sheet that is not there
    super.resolve();
  }
  get name(): string {
    this.ctx.api("Worksheet.name");
    this.need("name");
    return this.nameAtCreation;
  }
  get visibility(): string {
    this.ctx.api("Worksheet.visibility");
    this.need("visibility");
    return this.sheet().visibility;
  }
  set visibility(v: FakeSheet["visibility"]) {
    this.setProperty("Worksheet.visibility", v, () => (this.sheet().visibility = v));
  }
  set tabColor(v: string) {
    this.setProperty("Worksheet.tabColor", v, () => (this.sheet().tabColor = v));
  }
  private protectionObject: ClientObject | null = null;
  get protection(): { protect(options?: unknown, password?: string): void } {
    this.ctx.api("Worksheet.protection");
    const ctx = this.ctx;
    this.protectionObject ??= new ClientObject(
      ctx,
      ctx.body.property(this.path, "protection"),
      "WorksheetProtection",
    );
    const protection = this.protectionObject;
    const sheet = () => this.sheet();
    return {
      protect(options?: unknown, password?: string) {
        ctx.api("WorksheetProtection.protect");
        // "[Api set: ExcelApi 1.2 for options; 1.7 for password]": the generator keeps one
        // version per member, so the password's is checked here.
        if (password !== undefined && !ctx.excel.isSetSupported("ExcelApi", "1.7"))
          throw new FakeExcelError("ApiNotFound", "a protection password needs ExcelApi 1.7");
        const args = password !== undefined ? [options, password] : options !== undefined ? [options] : [];
        ctx.body.invoke(protection.path, "protect", args);
        ctx.queue(() => {
          if (sheet().protected)
            throw new FakeExcelError("InvalidOperation", `${sheet().name} is protected already`);
          sheet().protected = true;
        });
      },
    };
  }
  private range(path: ObjectPath, box: () => Box): FakeRange {
    return new FakeRange(this.ctx, path, this.nameAtCreation, box);
  }
  getRange(address?: string): FakeRange {
    this.ctx.api("Worksheet.getRange");
    const box = parseAddress(address ?? "A1");
    return this.range(this.ctx.body.method(this.path, "getRange", [address]), () => box);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.ctx.api("Worksheet.getRangeByIndexes");
    const box = { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols };
    return this.range(
      this.ctx.body.method(this.path, "getRangeByIndexes", [row, col, rows, cols]),
      () => box,
    );
  }
  getRanges(addresses: string): { format: FakeFormat } {
    this.ctx.api("Worksheet.getRanges");
    const boxes = addresses.split(",").map(parseAddress);
    const areas = new ClientObject(
      this.ctx,
      this.ctx.body.method(this.path, "getRanges", [addresses]),
      "RangeAreas",
    );
    let format: FakeFormat | null = null;
    const ctx = this.ctx;
    const sheet = () => this.sheet();
    return {
      get format() {
        ctx.api("RangeAreas.format");
        format ??= new FakeFormat(
          ctx,
          ctx.body.property(areas.path, "format"),
          "RangeFormat",
          () => boxes.map((box) => ({ sheet: sheet(), box })),
          "RangeAreas",
        );
        return format;
      },
    };
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    this.ctx.api("Worksheet.getUsedRange");
    if (valuesOnly !== undefined) this.ctx.api("Worksheet.getUsedRange.valuesOnly");
    return this.range(this.ctx.body.method(this.path, "getUsedRange", [valuesOnly]), () => {
      const sheet = this.sheet();
      let bottom = 1;
      let right = 1;
      let top = Infinity;
      let left = Infinity;
      for (const [k, cell] of sheet.cells) {
        if (cell.value === "" || cell.value === undefined) continue;
        const [r, c] = k.split(",").map(Number) as [number, number];
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
      return Number.isFinite(top) ? { top, left, bottom, right } : { top: 1, left: 1, bottom: 1, right: 1 };
    });
  }
  delete(): void {
    this.invoke("Worksheet.delete", [], () => this.ctx.excel.removeSheet(this.nameAtCreation));
  }
  activate(): void {
    this.invoke("Worksheet.activate", [], () => (this.ctx.excel.activeSheet = this.nameAtCreation));
  }
  private freezePanesObject: FakeFreezePanes | null = null;
  get freezePanes(): FakeFreezePanes {
    this.ctx.api("Worksheet.freezePanes");
    this.freezePanesObject ??= new FakeFreezePanes(
      this.ctx,
      this.ctx.body.property(this.path, "freezePanes"),
      () => this.sheet(),
    );
    return this.freezePanesObject;
  }
  private chartsObject: ClientObject | null = null;
  get charts() {
    this.ctx.api("Worksheet.charts");
    this.chartsObject ??= new ClientObject(
      this.ctx,
      this.ctx.body.property(this.path, "charts"),
      "ChartCollection",
    );
    const collection = this.chartsObject;
    const ctx = this.ctx;
    const sheet = () => this.sheet();
    return {
      add: (type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChart => {
        ctx.api("ChartCollection.add");
        if (!(sourceData instanceof FakeRange))
          throw new FakeExcelError("InvalidArgument", "sourceData is a Range");
        if (sourceData.sheetName !== this.nameAtCreation)
          throw new FakeExcelError("InvalidArgument", "the source data is on another sheet");
        const record: FakeChartRecord = { type, source: "", seriesBy };
        const path = ctx.body.method(collection.path, "add", [
          type,
          { ObjectPathId: sourceData.path.info.Id },
          seriesBy,
        ]);
        ctx.queue(() => {
          record.source = sourceData.addressNow();
          sheet().charts.push(record);
        });
        return new FakeChart(ctx, path, record);
      },
    };
  }
  private pageLayoutObject: FakePageLayout | null = null;
  get pageLayout(): FakePageLayout {
    this.ctx.api("Worksheet.pageLayout");
    this.pageLayoutObject ??= new FakePageLayout(
      this.ctx,
      this.ctx.body.property(this.path, "pageLayout"),
      () => this.sheet(),
    );
    return this.pageLayoutObject;
  }
}

class FakeChart extends ClientObject {
  constructor(
    ctx: FakeContext,
    path: ObjectPath,
    private readonly record: FakeChartRecord,
  ) {
    super(ctx, path, "Chart");
  }
  get title(): { text: string } {
    this.ctx.api("Chart.title");
    const title = new ClientObject(this.ctx, this.ctx.body.property(this.path, "title"), "ChartTitle");
    const ctx = this.ctx;
    const record = this.record;
    return {
      set text(v: string) {
        ctx.api("ChartTitle.text", "write");
        ctx.body.setProperty(title.path, "text", v);
        ctx.queue(() => (record.title = v));
      },
      get text(): string {
        throw new FakeExcelError("PropertyNotLoaded", "the fake does not read a chart's title back");
      },
    };
  }
  setPosition(startCell: string, endCell?: string): void {
    parseAddress(startCell);
    if (endCell !== undefined) parseAddress(endCell);
    this.invoke("Chart.setPosition", endCell === undefined ? [startCell] : [startCell, endCell], () => {
      this.record.from = startCell;
      if (endCell !== undefined) this.record.to = endCell;
    });
  }
}

class FakeFreezePanes extends ClientObject {
  constructor(
    ctx: FakeContext,
    path: ObjectPath,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx, path, "WorksheetFreezePanes");
  }
  freezeRows(n: number): void {
    this.invoke("WorksheetFreezePanes.freezeRows", [n], () => (this.sheet().frozenRows = n));
  }
}

class FakePageLayout extends ClientObject {
  constructor(
    ctx: FakeContext,
    path: ObjectPath,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx, path, "PageLayout");
  }
  private put(member: ApiMember, v: unknown) {
    this.setProperty(member, v, () => (this.sheet().print[memberName(member)] = v));
  }
  set orientation(v: string) {
    this.put("PageLayout.orientation", v);
  }
  set paperSize(v: string) {
    this.put("PageLayout.paperSize", v);
  }
  set zoom(v: unknown) {
    this.put("PageLayout.zoom", v);
  }
  setPrintTitleRows(rows: string): void {
    this.invoke("PageLayout.setPrintTitleRows", [rows], () => (this.sheet().print.titleRows = rows));
  }
  private headersFootersObject: { defaultForAllPages: { centerHeader: string } } | null = null;
  get headersFooters() {
    this.ctx.api("PageLayout.headersFooters");
    if (!this.headersFootersObject) {
      const ctx = this.ctx;
      const sheet = this.sheet;
      const group = new ClientObject(
        ctx,
        ctx.body.property(this.path, "headersFooters"),
        "HeaderFooterGroup",
      );
      let all: ClientObject | null = null;
      this.headersFootersObject = {
        get defaultForAllPages() {
          ctx.api("HeaderFooterGroup.defaultForAllPages");
          all ??= new ClientObject(ctx, ctx.body.property(group.path, "defaultForAllPages"), "HeaderFooter");
          const footer = all;
          return {
            set centerHeader(v: string) {
              ctx.api("HeaderFooter.centerHeader", "write");
              ctx.body.setProperty(footer.path, "centerHeader", v);
              ctx.queue(() => (sheet().print.centerHeader = v));
            },
          } as { centerHeader: string };
        },
      };
    }
    return this.headersFootersObject;
  }
}

class FakeWorksheets extends ClientObject {
  private snapshot: FakeWorksheet[] = [];
  override resolve(): void {
    this.snapshot = this.ctx.excel.sheets.map((s) =>
      new FakeWorksheet(this.ctx, this.ctx.body.indexer(this.path, [s.name]), s.name).markReady(
        "name",
        "visibility",
      ),
    );
    super.resolve();
  }
  get items(): FakeWorksheet[] {
    this.need("items");
    return this.snapshot;
  }
  getItem(name: string): FakeWorksheet {
    this.ctx.api("WorksheetCollection.getItem");
    return new FakeWorksheet(this.ctx, this.ctx.body.indexer(this.path, [name]), name);
  }
  add(name: string): FakeWorksheet {
    this.ctx.api("WorksheetCollection.add");
    // Made (and so instantiated, which adds the sheet) in this request, as office.js does.
    this.ctx.queue(() => this.ctx.excel.addSheet(name));
    return new FakeWorksheet(this.ctx, this.ctx.body.method(this.path, "add", [name]), name);
  }
}

class FakeApplication extends ClientObject {
  suspendApiCalculationUntilNextSync(): void {
    this.invoke("Application.suspendApiCalculationUntilNextSync", [], () => undefined);
  }
}

class FakeWorkbook extends ClientObject {
  private worksheetsObject: FakeWorksheets | null = null;
  private applicationObject: FakeApplication | null = null;
  get worksheets(): FakeWorksheets {
    this.ctx.api("Workbook.worksheets");
    this.worksheetsObject ??= new FakeWorksheets(
      this.ctx,
      this.ctx.body.property(this.path, "worksheets"),
      "WorksheetCollection",
    );
    return this.worksheetsObject;
  }
  get application(): FakeApplication {
    this.ctx.api("Workbook.application");
    this.applicationObject ??= new FakeApplication(
      this.ctx,
      this.ctx.body.property(this.path, "application"),
      "Application",
    );
    return this.applicationObject;
  }
}

export class FakeContext {
  /** The request being built, as office.js would send it at the next sync. */
  readonly body = new RequestBody();
  private ops: (() => void)[] = [];
  private loads: ClientObject[] = [];
  readonly workbook: FakeWorkbook;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this, this.body.global(), "Workbook");
  }
  get application(): FakeApplication {
    return this.workbook.application;
  }
  /**
   * Fail as Excel does when the member's requirement set is above what the host declares
   * (office.js checks on the call, Excel on the request: either way the batch ends here).
   */
  api(member: ApiMember, use: "read" | "write" = "read"): void {
    const entry = API_SETS[member];
    const need = use === "write" ? entry.write : entry.read;
    if (!this.excel.isSetSupported(entry.set, need)) {
      throw new FakeExcelError(
        "ApiNotFound",
        `${member} is part of the ${entry.set} ${need} requirement set, which this Excel ` +
          `(${this.excel.declared}) does not have`,
      );
    }
  }
  queue(apply: () => void): void {
    this.ops.push(apply);
  }
  onLoad(o: ClientObject): void {
    this.loads.push(o);
  }
  private response = 0;
  /** True while loaded objects take in the answer. */
  answering = false;
  responseBytes(bytes: number): void {
    this.response += bytes;
  }
  async sync(): Promise<void> {
    const ops = this.ops;
    const loads = this.loads;
    const bytes = this.body.isEmpty ? 0 : this.body.bytes();
    this.ops = [];
    this.loads = [];
    this.body.clear();
    this.excel.syncs++;
    this.excel.requests.push(bytes);
    if (bytes > PAYLOAD_LIMIT) {
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `a request of ${bytes} bytes is over the 5 MB limit`,
      );
    }
    for (const op of ops) op();
    // Loaded objects see the state after the queued writes, as in Excel.
    this.response = 0;
    this.answering = true;
    try {
      for (const o of loads) o.resolve();
    } finally {
      this.answering = false;
    }
    if (this.excel.responseLimit === null || this.response <= this.excel.responseLimit) {
      this.excel.responses.push(this.response);
    } else {
      // Refused: nothing is answered (the sync still counts).
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `an answer of ${this.response} bytes is over the ${this.excel.responseLimit}-byte limit`,
      );
    }
    await Promise.resolve();
  }
}

export interface FakeHost {
  /** The highest ExcelApi version the host declares (Excel 2016 without updates: "1.2"). */
  excelApi?: string;
}

const versionAtLeast = (have: string, need: string) => {
  const [a, b] = have.split(".").map(Number) as [number, number];
  const [c, d] = need.split(".").map(Number) as [number, number];
  return a > c || (a === c && b >= d);
};

export class FakeExcel {
  sheets: FakeSheet[] = [];
  syncs = 0;
  /** Bytes of each sync's request body. */
  requests: number[] = [];
  /** Bytes of loaded values per sync (Excel on the web refuses more than 5 MB; desktop has no limit). */
  responses: number[] = [];
  /** Set to PAYLOAD_LIMIT to answer as Excel on the web does; null answers as desktop Excel. */
  responseLimit: number | null = null;
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  /** The highest ExcelApi version this host declares; every lower one is supported too. */
  readonly excelApi: string;

  constructor(host: FakeHost = {}) {
    this.excelApi = host.excelApi ?? "1.17";
  }

  get declared(): string {
    return `ExcelApi ${this.excelApi}`;
  }

  /** Excel.run: a fresh context per batch. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    return batch(ctx as unknown as Excel.RequestContext);
  };

  private readonly answers = new Map<string, boolean>();
  /** Office.context.requirements.isSetSupported, answered from the declared version. */
  isSetSupported = (name: string, version = "1.1"): boolean => {
    if (name !== "ExcelApi") return false;
    let yes = this.answers.get(version);
    if (yes === undefined) this.answers.set(version, (yes = versionAtLeast(this.excelApi, version)));
    return yes;
  };

  resetCounters(): void {
    this.syncs = 0;
    this.requests = [];
    this.responses = [];
  }

  get maxResponse(): number {
    return Math.max(0, ...this.responses);
  }

  get maxRequest(): number {
    return Math.max(0, ...this.requests);
  }

  get totalBytes(): number {
    return this.requests.reduce((a, b) => a + b, 0);
  }

  sheetOrThrow(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new FakeExcelError("ItemNotFound", `no sheet named "${name}"`);
    return s;
  }

  addSheet(name: string): FakeSheet {
    const problem = sheetNameProblem(name);
    if (problem) throw new FakeExcelError("InvalidArgument", `"${name}": ${problem}`);
    if (this.sheets.some((s) => sameSheetName(s.name, name))) {
      throw new FakeExcelError("ItemAlreadyExists", `a sheet named "${name}" exists`);
    }
    const s: FakeSheet = {
      name,
      visibility: "Visible",
      cells: new Map(),
      merges: [],
      frozenRows: 0,
      columnWidths: new Map(),
      rowHeights: new Map(),
      print: {},
      conditionalFormats: [],
      protected: false,
      hiddenColumns: new Set(),
      validations: [],
      charts: [],
    };
    this.sheets.push(s);
    return s;
  }

  removeSheet(name: string): void {
    this.sheetOrThrow(name);
    this.sheets = this.sheets.filter((s) => s.name !== name);
  }

  cell(sheet: FakeSheet, r: number, c: number): FakeCell {
    let cell = sheet.cells.get(key(r, c));
    if (!cell) sheet.cells.set(key(r, c), (cell = { value: "", numberFormat: "General", format: {} }));
    return cell;
  }

  /** Test set-up: a sheet holding these values (row 1 first), with merged areas. */
  loadSheet(name: string, rows: (string | number | boolean | null)[][], merges: Box[] = []): FakeSheet {
    const s = this.addSheet(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== "") this.cell(s, r + 1, c + 1).value = v;
      }),
    );
    s.merges.push(...merges);
    return s;
  }

  /** Values of a sheet as a grid (formulas shown as {formula}). */
  values(name: string): (FakeCell["value"] | null)[][] {
    const s = this.sheetOrThrow(name);
    const out: (FakeCell["value"] | null)[][] = [];
    for (const [k, cell] of s.cells) {
      if (cell.value === "") continue;
      const [r, c] = k.split(",").map(Number) as [number, number];
      const row = (out[r - 1] ??= []);
      row[c - 1] = cell.value;
    }
    for (let i = 0; i < out.length; i++) {
      out[i] ??= [];
      for (let j = 0; j < out[i]!.length; j++) out[i]![j] ??= null;
    }
    return out;
  }
}
