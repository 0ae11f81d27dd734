/**
 * Node's deflate back end gives the raw DEFLATE stream and the CRC-32 zlib computed on the way
 * (read out of a gzip trailer): both must be what a ZIP reader checks, for any bytes.
 */
import fc from "fast-check";
import { inflateRawSync } from "zlib";
import { nodeDeflate, nodeInflate } from "../../../src/workbook/files/node-deflate";
import { NotAZipError, crc32, entryData, readZip, writeZip } from "../../../src/workbook/package/zip";

const deflated = (data: Uint8Array) => {
  const d = nodeDeflate(data);
  if (d instanceof Uint8Array) throw new Error("expected the CRC from zlib");
  return d;
};

describe("Node's deflate back end", () => {
  it("gives the CRC-32 of the data (the standard check value of '123456789')", () => {
    expect(deflated(new TextEncoder().encode("123456789")).crc).toBe(0xcbf43926);
  });

  it("gives a raw DEFLATE stream of the data and its CRC-32, for any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (data) => {
        const d = deflated(data);
        expect(new Uint8Array(inflateRawSync(d.raw))).toEqual(data);
        expect(d.crc).toBe(crc32(data));
      }),
    );
  });

  it("writes packages whose parts read back with the CRC their bytes have", () => {
    const text = (n: number) => new TextEncoder().encode(`<row r="${n}">县发改局、县财政局</row>`.repeat(n));
    const bytes = writeZip(
      [3, 50, 2000].map((n) => ({ name: `xl/worksheets/sheet${n}.xml`, data: text(n) })),
      nodeDeflate,
    );
    for (const e of readZip(bytes)) {
      expect(e.method).toBe(8);
      expect(e.crc).toBe(crc32(entryData(e)));
      expect(entryData(e).length).toBe(e.size);
    }
  });
});

describe("Node's inflate back end", () => {
  it("reads every part of a package as the default back end does", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 5 }), (datas) => {
        const bytes = writeZip(
          datas.map((data, i) => ({ name: `xl/part${i}.bin`, data })),
          nodeDeflate,
        );
        for (const e of readZip(bytes)) expect(entryData(e, nodeInflate)).toEqual(entryData(e));
      }),
    );
  });

  it("says a damaged part is damaged, by name", () => {
    const [e] = readZip(writeZip([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(500).fill(65) }]));
    const cut = { ...e!, raw: e!.raw.subarray(0, 2) };
    expect(() => entryData(cut, nodeInflate)).toThrow(NotAZipError);
    expect(() => entryData(cut, nodeInflate)).toThrow(/sheet1\.xml is damaged/);
    // A part longer than its directory says is damaged too, not read past its size.
    expect(() => entryData({ ...e!, size: 100 }, nodeInflate)).toThrow(/sheet1\.xml is damaged/);
  });
});
