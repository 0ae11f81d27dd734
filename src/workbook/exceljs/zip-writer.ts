/**
 * A small streaming ZIP writer on Node's own zlib: entries are deflated as their data arrives
 * (sizes and checksums follow each entry in a data descriptor), so a package of any size is
 * written with little memory, and several times faster than a JavaScript deflate.
 */
import { once } from "events";
import type { Writable } from "stream";
import { finished } from "stream/promises";
import * as zlib from "zlib";

/** DOS date of 1980-01-01, time 00:00: a fixed stamp keeps identical workbooks byte-identical. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Bit 3: sizes in a data descriptor; bit 11: names are UTF-8. */
const FLAGS = 0x0808;
const DEFLATE = 8;

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

export type EntryData = Buffer | string | Iterable<string | Buffer> | AsyncIterable<string | Buffer>;

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;
  /** The output's first error (a full disk): every later write fails with it. */
  private failure: Error | null = null;

  constructor(
    private readonly out: Writable,
    private readonly level = 6,
  ) {
    out.on("error", (err) => (this.failure ??= err));
  }

  private async write(buf: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.offset += buf.length;
    if (!this.out.write(buf)) await once(this.out, "drain");
  }

  /** Add one entry; entries are written one after another (await each). */
  async add(name: string, data: EntryData): Promise<void> {
    const entry: Entry = {
      name: Buffer.from(name, "utf8"),
      offset: this.offset,
      crc: 0,
      compressed: 0,
      size: 0,
    };
    if (this.offset > 0xfffffff0) throw new Error("the workbook is too large for a ZIP package (4 GB)");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt16LE(entry.name.length, 26);
    await this.write(Buffer.concat([header, entry.name]));

    const deflate = zlib.createDeflateRaw({ level: this.level });
    // Errors reach the loop below; a write still pending when the entry fails must not be thrown
    // again, unheard, after the caller has given up on the entry.
    deflate.on("error", () => undefined);
    const source: Iterable<string | Buffer> | AsyncIterable<string | Buffer> =
      typeof data === "string" || Buffer.isBuffer(data) ? [data] : data;
    const feed = (async () => {
      try {
        for await (const chunk of source) {
          const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
          if (buf.length === 0) continue;
          entry.crc = zlib.crc32(buf, entry.crc);
          entry.size += buf.length;
          if (!deflate.write(buf)) await once(deflate, "drain");
        }
        deflate.end();
      } catch (err) {
        deflate.destroy(err instanceof Error ? err : new Error(String(err)));
      }
    })();
    for await (const out of deflate as AsyncIterable<Buffer>) {
      entry.compressed += out.length;
      await this.write(out);
    }
    await feed;
    if (entry.size > 0xffffffff || entry.compressed > 0xffffffff)
      throw new Error(`the part ${name} is too large for a ZIP package (4 GB)`);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    await this.write(descriptor);
    this.entries.push(entry);
  }

  /** Write the central directory and end the output stream. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt16LE(DOS_TIME, 12);
      h.writeUInt16LE(DOS_DATE, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      await this.write(Buffer.concat([h, e.name]));
    }
    if (this.entries.length > 0xffff) throw new Error("too many parts for a ZIP package");
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    this.out.end();
    await finished(this.out);
  }
}
