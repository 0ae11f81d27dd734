/**
 * The I/O floor of `generate` on one input and its output, in a process of its own: inflating
 * every deflated part of the input and deflating every deflated part of the output with Node's
 * zlib (level 6, as the product writes them), nothing else — no XML, no core, no file system in
 * the timed part. Whatever `generate` does beyond this is the product's own cost.
 *
 *   node io-floor.js input.xlsx output.xlsx  →  {"inflateMs":…,"deflateMs":…,"ms":…}
 */
import { readFileSync } from "fs";
import { deflateRawSync, inflateRawSync } from "zlib";
import { readZip } from "../src/workbook/package/zip";

function floor(input: string, output: string) {
  const deflatedIn = readZip(readFileSync(input)).filter((e) => e.method === 8);
  // The output's parts uncompressed, as the writer holds them before deflating (untimed).
  const outParts = readZip(readFileSync(output))
    .filter((e) => e.method === 8)
    .map((e) => inflateRawSync(e.raw));
  const t0 = performance.now();
  for (const e of deflatedIn) inflateRawSync(e.raw);
  const t1 = performance.now();
  for (const data of outParts) deflateRawSync(data, { level: 6 });
  const t2 = performance.now();
  return {
    inflateMs: t1 - t0,
    deflateMs: t2 - t1,
    ms: t2 - t0,
    inMb: deflatedIn.reduce((n, e) => n + e.size, 0) / 2 ** 20,
    outMb: outParts.reduce((n, d) => n + d.length, 0) / 2 ** 20,
  };
}

const [input, output, runsArg] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write("usage: io-floor.js input.xlsx output.xlsx [runs]\n");
  process.exit(2);
}
// The median of a few runs in this one process (the first warms zlib up like any other).
const runs = Array.from({ length: Number(runsArg ?? 3) }, () => floor(input, output)).sort(
  (a, b) => a.ms - b.ms,
);
process.stdout.write(JSON.stringify(runs[Math.floor(runs.length / 2)]) + "\n");
