/** What a file given as a workbook is: every real workbook passes, nothing else does, nothing throws. */
import fc from "fast-check";
import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import { compoundFileNames, sniffWorkbook } from "../../src/workbook/package/sniff";
import { compoundFile } from "../helpers/cfb";

const CORPUS = path.join(__dirname, "..", "fixtures", "corpus", "excel-made");

describe("sniffing a workbook", () => {
  it("takes every workbook saved by Excel as a workbook", () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx"));
    const wrong = files.filter(
      (f) => sniffWorkbook(readFileSync(path.join(CORPUS, f)), f).kind !== "workbook",
    );
    expect(files.length).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
  });

  it("reads a compound file's stream names from its directory", () => {
    const names = compoundFileNames(
      compoundFile({ EncryptionInfo: new Uint8Array(10), EncryptedPackage: new Uint8Array(5000) }),
    );
    expect([...names].sort()).toEqual(["EncryptedPackage", "EncryptionInfo", "Root Entry"]);
  });

  it("never throws, and never takes arbitrary bytes for a workbook", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.uint8Array({ maxLength: 2000 }).map((b) => new Uint8Array([0x50, 0x4b, 3, 4, ...b])),
          fc
            .uint8Array({ maxLength: 3000 })
            .map((b) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...b])),
        ),
        (bytes) => {
          const s = sniffWorkbook(bytes, "x.xlsx");
          expect(s.kind).not.toBe("workbook");
          expect(s.message).toMatch(/^x\.xlsx /);
        },
      ),
    );
  });
});
