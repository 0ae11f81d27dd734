/**
 * An Office package (OPC) as a set of parts: each part of the input is kept as its raw zip entry
 * and written out with the same bytes unless the tool puts a new version of it; parts the tool
 * adds are new entries. Relationships and content types are read as the package states them.
 */
import { attr, elements, xmlAttr } from "./xml";
import {
  type BackgroundDeflater,
  type Deflated,
  type Deflater,
  type Inflater,
  type NewEntry,
  type ZipEntry,
  compressed,
  entryData,
  fflateInflate,
  readZip,
  writeZip,
} from "./zip";

export const REL_TYPE = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  theme: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme",
  coreProperties: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProperties:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
  xml: "application/xml",
} as const;

/** A relationship of a part, with its target resolved to a part name (none when external). */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The target part's name (no leading slash), for internal relationships. */
  part: string | null;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** Text of an XML part (UTF-8, or UTF-16 with a byte order mark), without a byte order mark. */
export function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const text = decoder.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The folder of a part ("xl/worksheets/" for "xl/worksheets/sheet1.xml"). */
function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** A relationship target resolved against the folder of its source part. */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    /* a literal % in a name: kept as written */
  }
  const joined = t.startsWith("/") ? t.slice(1) : folderOf(source) + t;
  const out: string[] = [];
  for (const seg of joined.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** The relationships part of a part: xl/_rels/workbook.xml.rels for xl/workbook.xml, _rels/.rels for the package. */
export function relsPartOf(part: string): string {
  const folder = folderOf(part);
  return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

/** A target written relative to its source's folder (as Excel writes them). */
export function relativeTarget(source: string, part: string): string {
  const from = folderOf(source).split("/").filter(Boolean);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** Whether a relationship is of this kind, in transitional or strict OOXML ("styles", "worksheet"…). */
export function isRel(r: Relationship, kind: string): boolean {
  return r.type.endsWith(`/${kind}`);
}

export class Package {
  /** Part name → the entry as read, or new bytes. Insertion order is the output's order. */
  private readonly parts = new Map<string, ZipEntry | NewEntry>();
  /** Part names in the case the package wrote them, by lower case (part names ignore case). */
  private readonly byLower = new Map<string, string>();

  /** Parts being deflated in the background since they were put (see `deflateInBackground`). */
  private readonly early = new Map<string, Promise<void>>();
  /** Parts put here and already deflated (raw entries, but not the input's). */
  private readonly deflatedHere = new Set<string>();
  private background: {
    deflater: BackgroundDeflater;
    minBytes: number;
    startAt: number;
    /** Bytes put so far. */
    put: number;
  } | null = null;

  /** `inflate`: the back end that inflates the input's parts when they are read. */
  private constructor(private readonly inflate: Inflater = fflateInflate) {}

  /**
   * Parts put with at least `minBytes` of data are deflated beside the caller from the moment the
   * parts put (this run's) add up to `startAt` bytes — those put before then go out at that moment
   * — and their uncompressed bytes are let go as soon as each is done (read again, it is inflated);
   * `toBytesAsync` waits for what is left. Measured with `generate`: a 30,000-task list (77 MB of
   * new parts, two cores) writes its zip 0.8 s → 0.2 s after the last sheet and holds 90 MB less;
   * a 300-task one (under 8 MB) would pay 90 ms to start the worker for nothing, so it never does.
   */
  deflateInBackground(deflater: BackgroundDeflater, minBytes = 4 * 1024, startAt = 8 * 1024 * 1024): void {
    this.background = { deflater, minBytes, startAt, put: 0 };
  }

  private sendOut(name: string, bytes: Uint8Array): void {
    const bg = this.background!;
    bg.deflater.collect();
    const size = bytes.length;
    const done = bg.deflater
      .deflate(bytes, (r) => this.deflated(name, bytes, size, r))
      .catch((err: unknown) => {
        // Failed out there: the part is deflated here after all, with its bytes as they came back
        // (a deflater that never took them leaves them where they were). Bytes a dead worker kept
        // are lost: writing the package then fails, naming the part, rather than write it empty.
        const entry = this.parts.get(name);
        if (!entry || !("data" in entry) || entry.data !== bytes) return;
        this.early.delete(name);
        const back = (err as { data?: unknown }).data;
        if (back instanceof Uint8Array && back.length === size) this.parts.set(name, { name, data: back });
        else if (bytes.length !== size) this.lost.add(name);
      });
    this.early.set(name, done);
  }

  /** Parts whose bytes went to a worker that never gave them back. */
  private readonly lost = new Set<string>();

  private checkNoneLost(): void {
    for (const name of this.lost)
      if (this.parts.has(name)) throw new Error(`the part ${name} was lost while being compressed`);
  }

  /** The part's entry became its deflated bytes, if it is still the data that was sent. */
  private deflated(name: string, data: Uint8Array, size: number, { raw, crc }: Deflated): void {
    const entry = this.parts.get(name);
    if (!entry || !("data" in entry) || entry.data !== data) return;
    this.early.delete(name);
    this.parts.set(name, { name, method: 8, crc, size, raw, flags: 0x0800 });
    this.deflatedHere.add(name);
  }

  static open(bytes: Uint8Array, inflate?: Inflater): Package {
    const pkg = new Package(inflate);
    for (const e of readZip(bytes)) {
      if (e.name.endsWith("/")) continue; // folder entries are not parts
      pkg.parts.set(e.name, e);
      pkg.byLower.set(e.name.toLowerCase(), e.name);
    }
    return pkg;
  }

  /** A package holding only these parts (new workbooks). */
  static fromParts(parts: Record<string, string | Uint8Array>): Package {
    const pkg = new Package();
    for (const [name, data] of Object.entries(parts)) pkg.put(name, data);
    return pkg;
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  /** The part's name as the package spells it, when it exists (names compare without case). */
  find(name: string): string | undefined {
    return this.byLower.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** True when the part is still the input's entry, untouched. */
  isOriginal(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** The input's entry of a part (raw bytes), when it is unchanged. */
  entry(name: string): ZipEntry | undefined {
    const part = this.find(name) ?? "";
    const p = this.parts.get(part);
    return p && "raw" in p && !this.deflatedHere.has(part) ? p : undefined;
  }

  bytes(name: string): Uint8Array | undefined {
    const part = this.find(name) ?? "";
    // A part read back while its bytes are out being deflated: they are back once it is done.
    if (this.early.has(part)) this.background?.deflater.finish();
    const p = this.parts.get(part);
    if (!p) return undefined;
    return "raw" in p ? entryData(p, this.inflate) : p.data;
  }

  text(name: string): string | undefined {
    const b = this.bytes(name);
    return b === undefined ? undefined : decodePart(b);
  }

  /**
   * Add a part, or replace one (it keeps its place in the package). With `deflateInBackground`,
   * bytes put may move to the worker (the array given then reads as empty): give a part bytes
   * that nothing else holds.
   */
  put(name: string, data: string | Uint8Array): void {
    const existing = this.find(name) ?? name;
    const bytes = typeof data === "string" ? encoder.encode(data) : data;
    this.parts.set(existing, { name: existing, data: bytes });
    this.byLower.set(existing.toLowerCase(), existing);
    this.deflatedHere.delete(existing);
    this.early.delete(existing);
    this.lost.delete(existing);
    const bg = this.background;
    if (!bg) return;
    const before = bg.put;
    bg.put += bytes.length;
    if (bg.put < bg.startAt) return;
    if (before < bg.startAt) {
      // The threshold is crossed: the parts put until now go out too.
      for (const [name, p] of this.parts)
        if ("data" in p && p.data.length >= bg.minBytes && !this.early.has(name)) this.sendOut(name, p.data);
    } else if (bytes.length >= bg.minBytes) this.sendOut(existing, bytes);
  }

  remove(name: string): void {
    const existing = this.find(name);
    if (existing === undefined) return;
    this.parts.delete(existing);
    this.byLower.delete(existing.toLowerCase());
    this.early.delete(existing);
    this.deflatedHere.delete(existing);
    this.lost.delete(existing);
  }

  /** The relationships of a part ("" for the package's own). */
  rels(source: string): Relationship[] {
    const xml = this.text(source === "" ? "_rels/.rels" : relsPartOf(source));
    if (!xml) return [];
    return elements(xml, "Relationship").flatMap(({ tag }) => {
      const id = attr(tag, "Id");
      const type = attr(tag, "Type");
      const target = attr(tag, "Target");
      if (id === undefined || type === undefined || target === undefined) return [];
      const external = attr(tag, "TargetMode") === "External";
      return [{ id, type, target, external, part: external ? null : resolveTarget(source, target) }];
    });
  }

  /** The main part (xl/workbook.xml in files Excel writes). */
  mainPart(): string | undefined {
    const rel = this.rels("").find(
      (r) => r.type === REL_TYPE.officeDocument || r.type.endsWith("/officeDocument"),
    );
    return rel?.part ? this.find(rel.part) : undefined;
  }

  /** The content type of a part, as [Content_Types].xml says. */
  contentType(part: string): string | undefined {
    const xml = this.text("[Content_Types].xml") ?? "";
    const lower = `/${part}`.toLowerCase();
    for (const { tag } of elements(xml, "Override"))
      if ((attr(tag, "PartName") ?? "").toLowerCase() === lower) return attr(tag, "ContentType");
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    for (const { tag } of elements(xml, "Default"))
      if ((attr(tag, "Extension") ?? "").toLowerCase() === ext) return attr(tag, "ContentType");
    return undefined;
  }

  /**
   * Edit [Content_Types].xml: the overrides of `removed` parts go, overrides for `added` parts
   * are appended, and a Default for an extension the new parts need is added. Every other entry
   * stays as it was written.
   */
  editContentTypes(
    removed: Iterable<string>,
    added: ReadonlyMap<string, string>,
    defaults: ReadonlyMap<string, string> = new Map(),
  ): void {
    let xml = this.text("[Content_Types].xml");
    if (xml === undefined) throw new Error("the package has no [Content_Types].xml");
    const gone = new Set([...removed].map((p) => `/${p}`.toLowerCase()));
    const cut = elements(xml, "Override").filter(({ tag }) =>
      gone.has((attr(tag, "PartName") ?? "").toLowerCase()),
    );
    for (const f of cut.reverse()) xml = xml.slice(0, f.start) + xml.slice(f.end);
    const known = new Set(
      elements(xml, "Default").map(({ tag }) => (attr(tag, "Extension") ?? "").toLowerCase()),
    );
    const prefix = /<([\w.-]+:)?Types\b/.exec(xml)?.[1] ?? "";
    let add = "";
    for (const [ext, type] of defaults)
      if (!known.has(ext.toLowerCase()))
        add += `<${prefix}Default Extension="${xmlAttr(ext)}" ContentType="${xmlAttr(type)}"/>`;
    for (const [part, type] of added)
      add += `<${prefix}Override PartName="/${xmlAttr(part)}" ContentType="${xmlAttr(type)}"/>`;
    const close = xml.lastIndexOf(`</${prefix}Types>`);
    if (close < 0) throw new Error("[Content_Types].xml is not readable");
    this.put("[Content_Types].xml", xml.slice(0, close) + add + xml.slice(close));
  }

  /** The package as bytes: unchanged parts copied raw, the rest deflated. */
  toBytes(deflate?: Deflater): Uint8Array {
    if (this.early.size) this.background?.deflater.finish();
    this.checkNoneLost();
    return writeZip([...this.parts.values()], deflate);
  }

  /**
   * As `toBytes`, the parts deflated in the background taken as they finished (the same bytes
   * `deflate` would give); the rest deflated here.
   */
  async toBytesAsync(deflate?: Deflater): Promise<Uint8Array> {
    // The parts not sent out are deflated here while the worker finishes what it has.
    const here = new Map<string, ZipEntry>();
    for (const [name, p] of this.parts)
      if ("data" in p && !this.early.has(name)) here.set(name, compressed(p, deflate));
    await Promise.all(this.early.values());
    this.early.clear();
    this.checkNoneLost();
    return writeZip(
      [...this.parts.values()].map((p) => here.get(p.name) ?? p),
      deflate,
    );
  }
}
