/**
 * ZIP, as an Office package uses it: the central directory is read, each entry keeps its raw
 * (compressed) bytes, and a written package copies an unchanged entry's bytes as they came —
 * never inflated, never deflated again. Runs in Node and in a browser alike (fflate inflates).
 */
import { deflateSync, inflateSync } from "fflate";
import { type MessageKey, translator } from "../../i18n";

/**
 * The file is not a package this reader can open; the message says what it is instead (a key of
 * the string tables, so the shells say it in the user's language; `.message` is English).
 */
export class NotAZipError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(english(key, params));
    this.name = "NotAZipError";
  }
}

const english = translator("en");

/** An entry as it is in the input: name, method and the compressed bytes, untouched. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  size: number;
  /** The entry's data as stored in the file (compressed when method is 8). */
  raw: Uint8Array;
  /** General purpose flags of the central directory (bit 11: UTF-8 name). */
  flags: number;
}

/** A new entry: its uncompressed bytes. */
export interface NewEntry {
  name: string;
  data: Uint8Array;
}

/**
 * Deflate back end: raw DEFLATE (no zlib header). fflate by default; Node's zlib may be injected.
 * A back end that computes the data's CRC-32 in the same pass gives it too (else it is computed here).
 */
export type Deflater = (data: Uint8Array) => Uint8Array | { raw: Uint8Array; crc: number };

export const fflateDeflate: Deflater = (data) => deflateSync(data, { level: 6 });

/** A part deflated: the raw DEFLATE data and the CRC-32 of what went in. */
export interface Deflated {
  raw: Uint8Array;
  crc: number;
}

/**
 * A deflate that runs beside the caller (a worker thread in Node), giving the same bytes as the
 * `Deflater` it stands for: started when a part is put, so the parts written first are
 * compressed while the later ones are still being built.
 */
export interface BackgroundDeflater {
  /**
   * Starts deflating `data`, which the deflater may take (its buffer then reads as empty here).
   * `done` is called once with the result: from `collect()` or `finish()`, or when the event loop
   * delivers it; the promise settles after that, or rejects on a failure — with the bytes given
   * back as the error's `data` when the deflater had taken them and still can.
   */
  deflate(data: Uint8Array, done: (result: Deflated) => void): Promise<void>;
  /** Calls `done` for every part finished so far, without waiting. */
  collect(): void;
  /** Waits until every part started is done and calls their `done`. */
  finish(): void;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;

const utf8 = new TextDecoder("utf-8");
const encoder = new TextEncoder();

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** What a file that is not a ZIP most likely is, for the message. */
function notZipMessage(bytes: Uint8Array): MessageKey {
  if (bytes.length >= 4 && u32(bytes, 0) === 0xe011cfd0) return "zip.compoundFile";
  if (bytes.length === 0) return "zip.empty";
  return "zip.notZip";
}

/** Read a package's entries, in the order of its central directory. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  // The end of central directory record: within the last 22 + 65,535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === SIG_END && i + 22 + u16(bytes, i + 20) <= bytes.length) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new NotAZipError(notZipMessage(bytes));
  if (end >= 20 && u32(bytes, end - 20) === 0x07064b50) {
    throw new NotAZipError("zip.zip64Large");
  }
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (at === 0xffffffff || u32(bytes, at) === SIG_END64) throw new NotAZipError("zip.zip64");
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== SIG_CENTRAL)
      throw new NotAZipError("zip.directoryDamaged");
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const crc = u32(bytes, at + 16);
    const compressed = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLen = u16(bytes, at + 28);
    const extraLen = u16(bytes, at + 30);
    const commentLen = u16(bytes, at + 32);
    const local = u32(bytes, at + 42);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLen);
    // Names are UTF-8 when bit 11 says so; packages written without it use ASCII part names.
    const name = utf8.decode(nameBytes);
    if (flags & 1) throw new NotAZipError("zip.partEncrypted", { name });
    if (method !== 0 && method !== 8) throw new NotAZipError("zip.partMethod", { name, method });
    if (local + 30 > bytes.length || u32(bytes, local) !== SIG_LOCAL)
      throw new NotAZipError("zip.partNoHeader", { name });
    // Sizes come from the central directory: a local header written with a data descriptor has none.
    const dataAt = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (dataAt + compressed > bytes.length) throw new NotAZipError("zip.partCutShort", { name });
    entries.push({ name, method, crc, size, raw: bytes.subarray(dataAt, dataAt + compressed), flags });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Inflate back end: raw DEFLATE into `size` bytes. fflate by default; Node's zlib may be injected. */
export type Inflater = (raw: Uint8Array, size: number) => Uint8Array;

export const fflateInflate: Inflater = (raw, size) => inflateSync(raw, { out: new Uint8Array(size) });

/** An entry's uncompressed bytes. */
export function entryData(e: ZipEntry, inflate: Inflater = fflateInflate): Uint8Array {
  if (e.method === 0) return e.raw;
  let out: Uint8Array;
  try {
    out = inflate(e.raw, e.size);
  } catch (err) {
    throw new NotAZipError("zip.partDamaged", {
      name: e.name,
      why: err instanceof Error ? err.message : String(err),
    });
  }
  if (out.length !== e.size) throw new NotAZipError("zip.partWrongSize", { name: e.name });
  return out;
}

let CRC_TABLE: Uint32Array | null = null;

export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[i] = c >>> 0;
    }
  }
  const t = CRC_TABLE;
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A new entry as it is written: deflated, or stored when it is under 64 bytes. */
export function compressed(e: NewEntry, deflate: Deflater = fflateDeflate): ZipEntry {
  const size = e.data.length;
  if (size < 64) return { name: e.name, method: 0, crc: crc32(e.data), size, raw: e.data, flags: 0x0800 };
  const deflated = deflate(e.data);
  const { raw, crc } = deflated instanceof Uint8Array ? { raw: deflated, crc: crc32(e.data) } : deflated;
  return { name: e.name, method: 8, crc, size, raw, flags: 0x0800 };
}

/** DOS date of 1980-01-01, 00:00: a fixed stamp keeps identical outputs byte-identical. */
const DOS_DATE = (1 << 5) | 1;

/**
 * A package of copied entries (their raw bytes as they came) and new ones (deflated here), in
 * the order given. Small new entries (under 64 bytes) are stored.
 */
export function writeZip(
  entries: readonly (ZipEntry | NewEntry)[],
  deflate: Deflater = fflateDeflate,
): Uint8Array {
  interface Out {
    name: Uint8Array;
    method: number;
    crc: number;
    size: number;
    raw: Uint8Array;
    offset: number;
  }
  const outs: Out[] = [];
  let offset = 0;
  for (const e of entries) {
    const { method, crc, size, raw } = "raw" in e ? e : compressed(e, deflate);
    const name = encoder.encode(e.name);
    outs.push({ name, method, crc, size, raw, offset });
    offset += 30 + name.length + raw.length;
    if (offset > 0xfffffff0) throw new Error("the workbook is too large for a ZIP package (4 GB)");
  }
  if (outs.length > 0xffff) throw new Error("too many parts for a ZIP package");
  const centralSize = outs.reduce((n, o) => n + 46 + o.name.length, 0);
  const out = new Uint8Array(offset + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const header = (o: Out, central: boolean) => {
    view.setUint32(at, central ? SIG_CENTRAL : SIG_LOCAL, true);
    const b = central ? at + 2 : at;
    if (central) view.setUint16(at + 4, 20, true);
    view.setUint16(b + 4, 20, true); // version needed
    view.setUint16(b + 6, 0x0800, true); // UTF-8 names
    view.setUint16(b + 8, o.method, true);
    view.setUint16(b + 10, 0, true);
    view.setUint16(b + 12, DOS_DATE, true);
    view.setUint32(b + 14, o.crc, true);
    view.setUint32(b + 18, o.raw.length, true);
    view.setUint32(b + 22, o.size, true);
    view.setUint16(b + 26, o.name.length, true);
    if (central) {
      view.setUint32(at + 42, o.offset, true);
      out.set(o.name, at + 46);
      at += 46 + o.name.length;
    } else {
      out.set(o.name, at + 30);
      at += 30 + o.name.length;
    }
  };
  for (const o of outs) {
    header(o, false);
    out.set(o.raw, at);
    at += o.raw.length;
  }
  const start = at;
  for (const o of outs) header(o, true);
  view.setUint32(at, SIG_END, true);
  view.setUint16(at + 8, outs.length, true);
  view.setUint16(at + 10, outs.length, true);
  view.setUint32(at + 12, at - start, true);
  view.setUint32(at + 16, start, true);
  return out;
}
