/**
 * A typed fake of the Excel JavaScript API subset Task Ledger uses. It enforces Excel's rules
 * rather than trusting the caller:
 * - a property is read only after load() and sync() (else PropertyNotLoaded);
 * - queued writes happen at sync(), and the values' shape must equal the range's;
 * - sheet names follow Excel's rules and are unique ignoring case;
 * - one sync's request over 5 MB fails (RequestPayloadSizeLimitExceeded), nothing applied;
 * - a string starting with "=" written into a cell not formatted as text becomes a formula;
 * - it counts syncs and request bytes, and remembers the selection.
 */
import { isValidSheetName } from "../../src/core/plan/sheet-names";

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
}

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What each action adds to a request besides its values: object path, ids, property name. */
const ACTION = 80;

/** What a value costs in a request: its JSON, in UTF-8 bytes. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v ?? null);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return n;
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

export function parseAddress(address: string): Box {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a.trim());
  if (!m) throw new FakeExcelError("InvalidArgument", `bad address "${address}"`);
  const top = Number(m[2]);
  const left = colNum(m[1]!);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? colNum(m[3]) : left };
}

const boxAddress = (b: Box) =>
  b.top === b.bottom && b.left === b.right
    ? `${colLetters(b.left)}${b.top}`
    : `${colLetters(b.left)}${b.top}:${colLetters(b.right)}${b.bottom}`;

type Op = { bytes: number; apply: () => void };

/** Base of every proxy object: loads and their readiness. */
class ClientObject {
  protected readonly ready = new Set<string>();
  protected readonly pending = new Set<string>();
  constructor(protected readonly ctx: FakeContext) {}
  load(props: string): this {
    for (const p of props.split(",").map((x) => x.trim().split("/")[0]!)) this.pending.add(p);
    this.ctx.onLoad(this);
    this.ctx.queueBytes(props.length + ACTION);
    return this;
  }
  /** Called at sync: take a snapshot of the loaded properties. */
  resolve(): void {
    for (const p of this.pending) this.ready.add(p);
    this.pending.clear();
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
}

class FakeFormat {
  constructor(
    private readonly ctx: FakeContext,
    private readonly boxes: () => { sheet: FakeSheet; box: Box }[],
  ) {}
  private set(prop: string, v: unknown) {
    this.ctx.queue(jsonBytes(v) + prop.length + ACTION, () => {
      for (const { sheet, box } of this.boxes()) {
        for (let r = box.top; r <= box.bottom; r++)
          for (let c = box.left; c <= box.right; c++) {
            const cell = this.ctx.excel.cell(sheet, r, c);
            cell.format[prop] = v;
          }
        if (prop === "columnWidth")
          for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, v as number);
        if (prop === "rowHeight")
          for (let r = box.top; r <= box.bottom; r++) sheet.rowHeights.set(r, v as number);
      }
    });
  }
  readonly font = this.sub("font");
  readonly fill = this.sub("fill");
  readonly borders = {
    getItem: (edge: string) => this.sub(`border.${edge}`),
  };
  set wrapText(v: boolean) {
    this.set("wrapText", v);
  }
  set verticalAlignment(v: string) {
    this.set("verticalAlignment", v);
  }
  set horizontalAlignment(v: string) {
    this.set("horizontalAlignment", v);
  }
  set columnWidth(v: number) {
    this.set("columnWidth", v);
  }
  set rowHeight(v: number) {
    this.set("rowHeight", v);
  }
  private sub(prefix: string): Record<string, unknown> {
    return new Proxy(
      {},
      {
        set: (_t, prop, v) => {
          this.set(`${prefix}.${String(prop)}`, v);
          return true;
        },
      },
    );
  }
}

class FakeRange extends ClientObject {
  private valuesSnapshot: unknown[][] = [];
  private formatSnapshot: string[][] = [];
  constructor(
    ctx: FakeContext,
    readonly sheetName: string,
    private readonly boxFn: () => Box,
  ) {
    super(ctx);
  }
  private sheet(): FakeSheet {
    return this.ctx.excel.sheetOrThrow(this.sheetName);
  }
  override resolve(): void {
    if (this.pending.size) {
      const b = this.boxFn();
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
      this.box = b;
      // What Excel sends back for the loaded properties (Excel on the web limits it to 5 MB too).
      if (this.pending.has("values")) this.ctx.responseBytes(jsonBytes(this.valuesSnapshot));
      if (this.pending.has("numberFormat")) this.ctx.responseBytes(jsonBytes(this.formatSnapshot));
    }
    super.resolve();
  }
  private box: Box = { top: 1, left: 1, bottom: 1, right: 1 };
  get values(): unknown[][] {
    this.need("values");
    return this.valuesSnapshot;
  }
  set values(v: unknown[][]) {
    this.ctx.queue(jsonBytes(v) + ACTION, () => {
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
    this.need("numberFormat");
    return this.formatSnapshot;
  }
  set numberFormat(v: string[][]) {
    this.ctx.queue(jsonBytes(v) + ACTION, () => {
      const b = this.boxFn();
      if (v.length !== b.bottom - b.top + 1 || v.some((r) => r.length !== b.right - b.left + 1)) {
        throw new FakeExcelError("InvalidArgument", `numberFormat does not fit the range ${boxAddress(b)}`);
      }
      const sheet = this.sheet();
      v.forEach((row, i) =>
        row.forEach((f, j) => (this.ctx.excel.cell(sheet, b.top + i, b.left + j).numberFormat = f)),
      );
    });
  }
  get rowCount(): number {
    this.need("rowCount");
    return this.box.bottom - this.box.top + 1;
  }
  get columnCount(): number {
    this.need("columnCount");
    return this.box.right - this.box.left + 1;
  }
  get rowIndex(): number {
    this.need("rowIndex");
    return this.box.top - 1;
  }
  get columnIndex(): number {
    this.need("columnIndex");
    return this.box.left - 1;
  }
  get address(): string {
    this.need("address");
    return `${this.sheetName}!${boxAddress(this.box)}`;
  }
  get format(): FakeFormat {
    return new FakeFormat(this.ctx, () => [{ sheet: this.sheet(), box: this.boxFn() }]);
  }
  set hyperlink(h: { documentReference: string; textToDisplay: string }) {
    this.ctx.queue(jsonBytes(h) + ACTION, () => {
      const b = this.boxFn();
      const cell = this.ctx.excel.cell(this.sheet(), b.top, b.left);
      cell.hyperlink = h;
      cell.value = h.textToDisplay;
    });
  }
  merge(_across = false): void {
    this.ctx.queue(ACTION, () => {
      const b = this.boxFn();
      const sheet = this.sheet();
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
  select(): void {
    this.ctx.queue(ACTION, () => {
      this.ctx.excel.selection = { sheet: this.sheetName, address: boxAddress(this.boxFn()) };
    });
  }
  getMergedAreasOrNullObject(): FakeMergedAreas {
    return new FakeMergedAreas(this.ctx, this.sheetName, this.boxFn);
  }
  get conditionalFormats() {
    return {
      add: (type: string) => {
        this.ctx.queue(ACTION, () =>
          this.sheet().conditionalFormats.push({ address: boxAddress(this.boxFn()), type }),
        );
        return { dataBar: {} as Record<string, unknown> };
      },
    };
  }
}

class FakeMergedAreas extends ClientObject {
  private found: Box[] = [];
  constructor(
    ctx: FakeContext,
    private readonly sheetName: string,
    private readonly boxFn: () => Box,
  ) {
    super(ctx);
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
    this.need("address");
    if (!this.found.length)
      throw new FakeExcelError("InvalidObjectPath", "the merged areas are a null object");
    return this.found.map((m) => `${this.sheetName}!${boxAddress(m)}`).join(",");
  }
}

class FakeWorksheet extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly nameAtCreation: string,
  ) {
    super(ctx);
  }
  private sheet(): FakeSheet {
    return this.ctx.excel.sheetOrThrow(this.nameAtCreation);
  }
  override resolve(): void {
    this.sheet(); // ItemNotFound for a sheet that is not there
    super.resolve();
  }
  get name(): string {
    this.need("name");
    return this.nameAtCreation;
  }
  get visibility(): string {
    this.need("visibility");
    return this.sheet().visibility;
  }
  set visibility(v: FakeSheet["visibility"]) {
    this.ctx.queue(ACTION, () => (this.sheet().visibility = v));
  }
  set tabColor(v: string) {
    this.ctx.queue(ACTION, () => (this.sheet().tabColor = v));
  }
  getRange(address?: string): FakeRange {
    this.ctx.queueBytes((address ?? "").length + ACTION);
    const box = parseAddress(address ?? "A1");
    return new FakeRange(this.ctx, this.nameAtCreation, () => box);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    const box = { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols };
    return new FakeRange(this.ctx, this.nameAtCreation, () => box);
  }
  getRanges(addresses: string): { format: FakeFormat } {
    this.ctx.queueBytes(addresses.length + ACTION);
    const boxes = addresses.split(",").map(parseAddress);
    return { format: new FakeFormat(this.ctx, () => boxes.map((box) => ({ sheet: this.sheet(), box }))) };
  }
  getUsedRange(_valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this.nameAtCreation, () => {
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
    this.ctx.queue(ACTION, () => this.ctx.excel.removeSheet(this.nameAtCreation));
  }
  activate(): void {
    this.ctx.queue(ACTION, () => (this.ctx.excel.activeSheet = this.nameAtCreation));
  }
  readonly freezePanes = {
    freezeRows: (n: number) => this.ctx.queue(ACTION, () => (this.sheet().frozenRows = n)),
  };
  get pageLayout() {
    const set = (k: string, v: unknown) =>
      this.ctx.queue(jsonBytes(v) + ACTION, () => (this.sheet().print[k] = v));
    return {
      set orientation(v: string) {
        set("orientation", v);
      },
      set paperSize(v: string) {
        set("paperSize", v);
      },
      set zoom(v: unknown) {
        set("zoom", v);
      },
      setPrintTitleRows: (rows: string) => set("titleRows", rows),
      headersFooters: {
        defaultForAllPages: {
          set centerHeader(v: string) {
            set("centerHeader", v);
          },
        },
      },
    };
  }
}

class FakeWorksheets extends ClientObject {
  private snapshot: FakeWorksheet[] = [];
  override resolve(): void {
    this.snapshot = this.ctx.excel.sheets.map((s) =>
      new FakeWorksheet(this.ctx, s.name).markReady("name", "visibility"),
    );
    super.resolve();
  }
  get items(): FakeWorksheet[] {
    this.need("items");
    return this.snapshot;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name);
  }
  add(name: string): FakeWorksheet {
    this.ctx.queue(name.length + ACTION, () => this.ctx.excel.addSheet(name));
    return new FakeWorksheet(this.ctx, name);
  }
}

export class FakeContext {
  private ops: Op[] = [];
  private loads: ClientObject[] = [];
  private bytes = 0;
  readonly workbook: { worksheets: FakeWorksheets };
  readonly application = { suspendApiCalculationUntilNextSync: () => this.queueBytes(40) };
  constructor(readonly excel: FakeExcel) {
    this.workbook = { worksheets: new FakeWorksheets(this) };
  }
  queue(bytes: number, apply: () => void): void {
    this.ops.push({ bytes, apply });
    this.bytes += bytes;
  }
  queueBytes(bytes: number): void {
    this.bytes += bytes;
  }
  onLoad(o: ClientObject): void {
    this.loads.push(o);
  }
  private response = 0;
  responseBytes(bytes: number): void {
    this.response += bytes;
  }
  async sync(): Promise<void> {
    const ops = this.ops;
    const loads = this.loads;
    const bytes = this.bytes;
    this.ops = [];
    this.loads = [];
    this.bytes = 0;
    this.excel.syncs++;
    this.excel.requests.push(bytes);
    if (bytes > PAYLOAD_LIMIT) {
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `a request of ${bytes} bytes is over the 5 MB limit`,
      );
    }
    for (const op of ops) op.apply();
    // Loaded objects see the state after the queued writes, as in Excel.
    this.response = 0;
    for (const o of loads) o.resolve();
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

export class FakeExcel {
  sheets: FakeSheet[] = [];
  syncs = 0;
  requests: number[] = [];
  /** Bytes of loaded values per sync (Excel on the web refuses more than 5 MB; desktop has no limit). */
  responses: number[] = [];
  /** Set to PAYLOAD_LIMIT to answer as Excel on the web does; null answers as desktop Excel. */
  responseLimit: number | null = null;
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  /** API sets reported as supported (name → highest version). */
  supported: Record<string, string> = { ExcelApi: "1.17" };

  /** Excel.run: a fresh context per batch. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    return batch(ctx as unknown as Excel.RequestContext);
  };

  isSetSupported = (name: string, version = "1.1"): boolean => {
    const have = this.supported[name];
    if (!have) return false;
    const [a, b] = have.split(".").map(Number) as [number, number];
    const [c, d] = version.split(".").map(Number) as [number, number];
    return a > c || (a === c && b >= d);
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
    if (!isValidSheetName(name))
      throw new FakeExcelError("InvalidArgument", `"${name}" is not a valid sheet name`);
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
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
