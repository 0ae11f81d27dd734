/**
 * A part built as UTF-8 bytes, appended to one growing buffer. The writer's largest parts are
 * mostly markup and numbers (a worksheet's cells refer to the shared strings by index): writing
 * them as bytes skips a string per cell, the joining of those strings and their encoding.
 * Measured on a 30,000-task generate (1.6 million cells): see sheet-writer.ts.
 */
const encoder = new TextEncoder();

export class ByteSink {
  private buf: Uint8Array;
  private at = 0;

  constructor(capacity = 64 * 1024) {
    this.buf = new Uint8Array(capacity);
  }

  get length(): number {
    return this.at;
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
  }

  /** Text that is ASCII only (markup, references, numbers): one byte a character. */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let at = this.at;
    for (let i = 0; i < n; i++) b[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** Any text, as UTF-8 (a lone surrogate as U+FFFD, as TextEncoder writes it). */
  text(s: string): void {
    const n = s.length;
    // UTF-8 takes at most three bytes for each UTF-16 unit.
    this.room(n * 3);
    // A long text through the engine's encoder; a short one (most: a cell's text) by hand, which
    // spares the view encodeInto needs (215,000 of them for a 30,000-task list's shared strings).
    if (n > 256) {
      this.at += encoder.encodeInto(s, this.buf.subarray(this.at)).written;
      return;
    }
    const b = this.buf;
    let at = this.at;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) b[at++] = c;
      else if (c < 0x800) {
        b[at++] = 0xc0 | (c >> 6);
        b[at++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
            i++;
            b[at++] = 0xf0 | (c >> 18);
            b[at++] = 0x80 | ((c >> 12) & 0x3f);
            b[at++] = 0x80 | ((c >> 6) & 0x3f);
            b[at++] = 0x80 | (c & 0x3f);
            continue;
          }
          c = 0xfffd;
        }
        b[at++] = 0xe0 | (c >> 12);
        b[at++] = 0x80 | ((c >> 6) & 0x3f);
        b[at++] = 0x80 | (c & 0x3f);
      }
    }
    this.at = at;
  }

  /** The first `n` bytes of `b` (all of them by default). */
  bytes(b: Uint8Array, n = b.length): void {
    this.room(n);
    // A few bytes (a tag, a column's letters) copy faster by hand than through set().
    if (n > 32) this.buf.set(b, this.at);
    else for (let i = 0, buf = this.buf, at = this.at; i < n; i++) buf[at + i] = b[i]!;
    this.at += n;
  }

  /** A non-negative whole number in decimal. */
  uint(n: number): void {
    if (n < 10) {
      this.room(1);
      this.buf[this.at++] = 48 + n;
      return;
    }
    if (n >= 1e15) return this.ascii(String(n));
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    this.room(digits);
    let at = this.at + digits;
    this.at = at;
    for (let x = n; x > 0; x = Math.floor(x / 10)) this.buf[--at] = 48 + (x % 10);
  }

  /** The bytes written, in a buffer of their own; the sink is empty again (its buffer kept for the next part). */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.at);
    this.at = 0;
    return out;
  }
}

/** A non-negative whole number's decimal digits written into `into` (from 0); their count. */
export function digitsInto(into: Uint8Array, n: number): number {
  let digits = 1;
  for (let p = 10; p <= n; p *= 10) digits++;
  for (let i = digits - 1, x = n; i >= 0; i--, x = Math.floor(x / 10)) into[i] = 48 + (x % 10);
  return digits;
}

/** ASCII text as bytes, made once and written many times. */
export function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
