/** The package's zip layer: entries read from real writers' files, copied raw, written and read back. */
import fc from "fast-check";
import JSZip from "jszip";
import { NotAZipError, entryData, readZip, writeZip } from "../../../src/workbook/package/zip";
import { xlsxBytes } from "../../helpers/xlsx";

const enc = new TextEncoder();

describe("zip", () => {
  it("what it writes, JSZip reads, and it reads back: names, stored and deflated data", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          fc.record({
            name: fc.stringMatching(
              /^[a-z0-9_\u4e00-\u4e20]{1,10}(\/[a-z0-9_\u4e00-\u4e20]{1,10}){0,2}\.(xml|bin|rels)$/,
            ),
            data: fc.oneof(
              fc.uint8Array({ maxLength: 2000 }),
              fc.string().map((s) => enc.encode(s.repeat(20))),
            ),
          }),
          { selector: (e) => e.name, maxLength: 8 },
        ),
        async (entries) => {
          const bytes = writeZip(entries);
          const back = readZip(bytes);
          expect(back.map((e) => [e.name, [...entryData(e)]])).toEqual(
            entries.map((e) => [e.name, [...e.data]]),
          );
          const zip = await JSZip.loadAsync(bytes);
          for (const e of entries)
            expect([...(await zip.file(e.name)!.async("uint8array"))]).toEqual([...e.data]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("copies an entry's compressed bytes as they came: the output holds them unchanged", async () => {
    const input = await xlsxBytes([{ name: "表", rows: [["任务", 1]] }]);
    const entries = readZip(input);
    const out = readZip(writeZip(entries));
    expect(out.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    out.forEach((e, i) => {
      expect(e.method).toBe(entries[i]!.method);
      expect(Buffer.compare(Buffer.from(e.raw), Buffer.from(entries[i]!.raw))).toBe(0);
    });
  });

  it("reads packages written with data descriptors and with stored entries", async () => {
    const zip = new JSZip();
    zip.file("a.xml", "<a>" + "x".repeat(5000) + "</a>");
    zip.file("b.bin", new Uint8Array([1, 2, 3]));
    for (const [streamFiles, compression] of [
      [true, "DEFLATE"],
      [false, "STORE"],
    ] as const) {
      const bytes = await zip.generateAsync({ type: "uint8array", streamFiles, compression });
      const entries = readZip(bytes);
      if (streamFiles) expect(new DataView(bytes.buffer, bytes.byteOffset).getUint16(6, true) & 8).toBe(8);
      expect(entries.map((e) => e.method)).toEqual(compression === "STORE" ? [0, 0] : [8, 8]);
      expect(new TextDecoder().decode(entryData(entries[0]!))).toBe("<a>" + "x".repeat(5000) + "</a>");
      expect([...entryData(entries[1]!)]).toEqual([1, 2, 3]);
    }
  });

  it("says what a file is when it is not a zip: text, an old .xls or an encrypted workbook, a cut-short file", async () => {
    expect(() => readZip(enc.encode("序号,任务\n1,修路"))).toThrow(new NotAZipError("zip.notZip"));
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(() => readZip(ole)).toThrow(/old \.xls.*password/);
    const whole = await xlsxBytes([{ name: "表", rows: [["任务"]] }]);
    expect(() => readZip(whole.subarray(0, whole.length - 30))).toThrow(NotAZipError);
    expect(() => readZip(new Uint8Array())).toThrow(/empty/);
  });
});
