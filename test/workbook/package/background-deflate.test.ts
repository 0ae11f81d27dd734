/**
 * Parts deflated on a worker thread while the writer goes on: the package written is the same,
 * byte for byte, as one deflated at the end, whatever happens to a part while it is out (put
 * again, read back, removed); and a worker that fails makes the write fail, never a short file.
 */
import fc from "fast-check";
import { nodeDeflate, nodeDeflateInBackground } from "../../../src/workbook/files/node-deflate";
import { Package } from "../../../src/workbook/package/package";
import type { BackgroundDeflater } from "../../../src/workbook/package/zip";
import { readZip } from "../../../src/workbook/package/zip";

const enc = new TextEncoder();
const sheet = (n: number, text = "县发改局、县财政局") =>
  enc.encode(`<row r="${n}"><c>${text}</c></row>`.repeat(n));

function both(build: (pkg: Package) => void): { early: Package; late: Package } {
  const early = Package.fromParts({ "[Content_Types].xml": "<Types/>" });
  early.deflateInBackground(nodeDeflateInBackground, 1024, 0);
  const late = Package.fromParts({ "[Content_Types].xml": "<Types/>" });
  build(early);
  build(late);
  return { early, late };
}

describe("deflating parts in the background", () => {
  it("writes the same bytes as deflating every part at the end, for any parts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.string({ maxLength: 12 })), { maxLength: 8 }),
        async (parts) => {
          const { early, late } = both((pkg) =>
            parts.forEach(([n, text], i) => pkg.put(`xl/worksheets/sheet${i + 1}.xml`, sheet(n, text))),
          );
          expect(await early.toBytesAsync(nodeDeflate)).toEqual(late.toBytes(nodeDeflate));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("writes a part put again while it was out as it is now", async () => {
    const { early, late } = both((pkg) => {
      pkg.put("xl/worksheets/sheet1.xml", sheet(300, "第一版"));
      pkg.put("xl/worksheets/sheet2.xml", sheet(300));
      pkg.put("xl/worksheets/sheet1.xml", sheet(200, "第二版"));
    });
    const bytes = await early.toBytesAsync(nodeDeflate);
    expect(bytes).toEqual(late.toBytes(nodeDeflate));
    const reread = Package.open(bytes);
    expect(reread.text("xl/worksheets/sheet1.xml")).toContain("第二版");
    expect(reread.text("xl/worksheets/sheet1.xml")).not.toContain("第一版");
  });

  it("keeps the newer version when the older one comes back last", async () => {
    // A deflater that answers the jobs in reverse order, when the writer collects.
    const held: (() => void)[] = [];
    const reversed: BackgroundDeflater = {
      deflate: (data, done) =>
        new Promise((resolve) => {
          const r = nodeDeflate(data);
          held.push(() => {
            done(r instanceof Uint8Array ? { raw: r, crc: 0 } : r);
            resolve();
          });
        }),
      collect: () => undefined,
      finish: () =>
        held
          .splice(0)
          .reverse()
          .forEach((f) => f()),
    };
    const pkg = Package.fromParts({ "[Content_Types].xml": "<Types/>" });
    pkg.deflateInBackground(reversed, 1024, 0);
    pkg.put("xl/worksheets/sheet1.xml", sheet(300, "第一版"));
    pkg.put("xl/worksheets/sheet2.xml", sheet(300));
    const second = sheet(200, "第二版");
    pkg.put("xl/worksheets/sheet1.xml", second);
    reversed.finish();
    const bytes = await pkg.toBytesAsync(nodeDeflate);
    expect(Package.open(bytes).bytes("xl/worksheets/sheet1.xml")).toEqual(second);
  });

  it("reads back a part that is out being deflated, and leaves out one removed meanwhile", async () => {
    const pkg = Package.fromParts({ "[Content_Types].xml": "<Types/>" });
    pkg.deflateInBackground(nodeDeflateInBackground, 1024, 0);
    const data = sheet(500, "读回");
    const copy = data.slice();
    pkg.put("xl/worksheets/sheet1.xml", data);
    pkg.put("xl/worksheets/sheet2.xml", sheet(400));
    // Read back at once, and again after it is done (then it is inflated from what was deflated).
    expect(pkg.bytes("xl/worksheets/sheet1.xml")).toEqual(copy);
    expect(pkg.isOriginal("xl/worksheets/sheet1.xml")).toBe(false);
    pkg.remove("xl/worksheets/sheet2.xml");
    const names = readZip(await pkg.toBytesAsync(nodeDeflate)).map((e) => e.name);
    expect(names).toEqual(["[Content_Types].xml", "xl/worksheets/sheet1.xml"]);
    // The synchronous writer, after parts went out, gives the same package too.
    pkg.put("xl/worksheets/sheet3.xml", sheet(300));
    expect(Package.open(pkg.toBytes(nodeDeflate)).text("xl/worksheets/sheet3.xml")).toContain(
      '<row r="300">',
    );
  });

  it("sends nothing out for a small workbook, and everything put so far once the parts add up", async () => {
    const sent: number[] = [];
    const counting: BackgroundDeflater = {
      deflate: (data, done) => {
        sent.push(data.length);
        const r = nodeDeflate(data);
        done(r instanceof Uint8Array ? { raw: r, crc: 0 } : r);
        return Promise.resolve();
      },
      collect: () => undefined,
      finish: () => undefined,
    };
    const pkg = Package.fromParts({ "[Content_Types].xml": "<Types/>" });
    pkg.deflateInBackground(counting, 1024, 100_000);
    const a = sheet(400); // about 17 KB each
    pkg.put("xl/worksheets/sheet1.xml", a);
    pkg.put("xl/worksheets/sheet2.xml", sheet(10)); // under the part size: never sent
    pkg.put("xl/worksheets/sheet3.xml", sheet(400));
    expect(sent).toEqual([]);
    for (let i = 4; i <= 8; i++) pkg.put(`xl/worksheets/sheet${i}.xml`, sheet(400));
    // Over 100,000 bytes at the sixth part: the five big ones so far go out, then each new one.
    expect(sent).toEqual([a.length, a.length, a.length, a.length, a.length, a.length, a.length]);
    const bytes = await pkg.toBytesAsync(nodeDeflate);
    expect(Package.open(bytes).bytes("xl/worksheets/sheet8.xml")).toEqual(sheet(400));
  });

  it("deflates here a part the worker failed on, and never writes a part the worker kept", async () => {
    const expected = (pkg: Package) =>
      Package.open(pkg.toBytes(nodeDeflate)).bytes("xl/worksheets/sheet1.xml");
    const fails = (how: "untouched" | "given back" | "kept"): BackgroundDeflater => ({
      deflate: (data) => {
        if (how === "untouched") return Promise.reject(new Error("worker gone"));
        // The bytes move out, as to a real worker (the array given reads as empty after).
        const moved = structuredClone(data, { transfer: [data.buffer as ArrayBuffer] });
        return Promise.reject(
          Object.assign(new Error("worker gone"), how === "given back" ? { data: moved } : {}),
        );
      },
      collect: () => undefined,
      finish: () => undefined,
    });
    for (const how of ["untouched", "given back"] as const) {
      const pkg = Package.fromParts({ "[Content_Types].xml": "<Types/>" });
      pkg.deflateInBackground(fails(how), 1024, 0);
      const data = sheet(300);
      const copy = data.slice();
      pkg.put("xl/worksheets/sheet1.xml", data);
      const bytes = await pkg.toBytesAsync(nodeDeflate);
      expect(Package.open(bytes).bytes("xl/worksheets/sheet1.xml")).toEqual(copy);
      expect(expected(pkg)).toEqual(copy);
    }
    const pkg = Package.fromParts({ "[Content_Types].xml": "<Types/>" });
    pkg.deflateInBackground(fails("kept"), 1024, 0);
    pkg.put("xl/worksheets/sheet1.xml", sheet(300));
    await expect(pkg.toBytesAsync(nodeDeflate)).rejects.toThrow(/sheet1\.xml was lost/);
    expect(() => pkg.toBytes(nodeDeflate)).toThrow(/sheet1\.xml was lost/);
  });
});
