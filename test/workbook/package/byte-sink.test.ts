/** The byte sink writes what TextEncoder and String() would, however the writes are mixed and the buffer grows. */
import fc from "fast-check";
import { ByteSink, asciiBytes } from "../../../src/workbook/package/byte-sink";

const enc = new TextEncoder();

type Write =
  | { kind: "text"; s: string }
  | { kind: "uint"; n: number }
  | { kind: "ascii"; s: string }
  | { kind: "bytes"; s: string };

const write = fc.oneof(
  fc.record({ kind: fc.constant("text" as const), s: fc.string({ unit: "binary", maxLength: 200 }) }),
  fc.record({ kind: fc.constant("uint" as const), n: fc.oneof(fc.nat(), fc.maxSafeNat()) }),
  fc.record({ kind: fc.constant("ascii" as const), s: fc.string({ unit: "binary-ascii", maxLength: 60 }) }),
  fc.record({ kind: fc.constant("bytes" as const), s: fc.string({ unit: "binary-ascii", maxLength: 80 }) }),
);

const expected = (w: Write) => (w.kind === "uint" ? String(w.n) : w.s);

describe("ByteSink", () => {
  it("holds the UTF-8 of everything written, in order, from any starting size", () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 40 }), fc.integer({ min: 1, max: 64 }), (writes, capacity) => {
        const sink = new ByteSink(capacity);
        for (const w of writes) {
          if (w.kind === "text") sink.text(w.s);
          else if (w.kind === "uint") sink.uint(w.n);
          else if (w.kind === "ascii") sink.ascii(w.s);
          else sink.bytes(asciiBytes(w.s));
        }
        const all = enc.encode(writes.map(expected).join(""));
        expect(sink.length).toBe(all.length);
        expect(sink.take()).toEqual(all);
        // Taken, the sink is empty and writes anew into the buffer it kept.
        expect(sink.length).toBe(0);
        sink.ascii("<x/>");
        expect(sink.take()).toEqual(enc.encode("<x/>"));
      }),
    );
  });

  it("writes any UTF-16 text as TextEncoder does, lone surrogates too, short texts and long", () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const pairs = fc.constantFrom("😀", "𠀀", "\ud83d", "\ude00", "é", "县", "a");
    fc.assert(
      fc.property(fc.array(fc.oneof(unit, pairs), { maxLength: 400 }), (parts) => {
        const text = parts.join("");
        const sink = new ByteSink(4);
        sink.text(text);
        expect(sink.take()).toEqual(enc.encode(text));
      }),
      { numRuns: 500 },
    );
  });

  it("writes the digits of powers of ten and their neighbours exactly", () => {
    const sink = new ByteSink(1);
    const ns: number[] = [];
    for (let p = 1; p <= 1e15; p *= 10) ns.push(p - 1, p, p + 1);
    ns.push(Number.MAX_SAFE_INTEGER);
    for (const n of ns) {
      sink.uint(n);
      expect(new TextDecoder().decode(sink.take())).toBe(String(n));
    }
  });
});
