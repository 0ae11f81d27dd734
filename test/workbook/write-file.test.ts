/**
 * Writing files: atomic, no temporary file left after a kill (signals) or from an earlier hard kill,
 * and a file that looks open in a spreadsheet program refused unless forced.
 */
import { type ChildProcess, spawn, spawnSync } from "child_process";
import { buildSync } from "esbuild";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "fs";
import * as path from "path";
import { removeStaleTemps, writeFileAtomic } from "../../src/workbook/write-file";
import { runCli } from "../helpers/cli";
import { injectTaskSheet } from "../helpers/package-edit";
import { tempDir } from "../helpers/xlsx";

const CORPUS = path.join(__dirname, "..", "fixtures", "corpus", "excel-made");
const workbook = () =>
  injectTaskSheet(new Uint8Array(readFileSync(path.join(CORPUS, "bootstrap01.xlsx"))), { position: "last" });

/** A pid no process has now: a child's, after it ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(r.stdout);
}

describe("a file that looks open in a spreadsheet program", () => {
  for (const lock of [".~lock.台账.xlsx#", "~$台账.xlsx"]) {
    it(`is not written while ${lock} is beside it; --force writes it`, async () => {
      const dir = tempDir();
      const input = path.join(dir, "清单.xlsx");
      writeFileSync(input, workbook());
      const out = path.join(dir, "台账.xlsx");
      writeFileSync(out, "the copy open in Excel");
      writeFileSync(path.join(dir, lock), "");
      const r = await runCli(["generate", input, "-o", out, "--lang", "en"]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`台账.xlsx looks open in Excel, WPS or LibreOffice (${lock} is beside it)`);
      expect(r.err).toContain("--force");
      expect(readFileSync(out, "utf8")).toBe("the copy open in Excel");
      const forced = await runCli(["generate", input, "-o", out, "--force"]);
      expect(forced.code).toBe(0);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    });
  }

  it("--in-place refuses before any work, and leaves the workbook as it was", async () => {
    const dir = tempDir();
    const input = path.join(dir, "台账.xlsx");
    const bytes = workbook();
    writeFileSync(input, bytes);
    writeFileSync(path.join(dir, "~$台账.xlsx"), "");
    const r = await runCli(["generate", input, "--in-place"]);
    expect(r.code).toBe(2);
    // Said in Chinese by default, without the "could not read" frame (it is about writing).
    expect(r.err).toMatch(/^task-ledger: \S*台账\.xlsx 似乎正在 Excel、WPS 或 LibreOffice 中打开/);
    expect(Buffer.compare(readFileSync(input), bytes)).toBe(0);
  });
});

describe("temporary files", () => {
  it("one left by an earlier killed run is removed by the next; one of a running process is kept", async () => {
    const dir = tempDir();
    const file = path.join(dir, "台账.xlsx");
    const stale = `台账.xlsx.${deadPid()}.tmp`;
    const running = `台账.xlsx.${process.ppid}.tmp`;
    const other = `别的.xlsx.${deadPid()}.tmp`;
    for (const f of [stale, running, other]) writeFileSync(path.join(dir, f), "half a file");
    await writeFileAtomic(file, new Uint8Array([1, 2, 3]));
    expect(readdirSync(dir).sort()).toEqual([running, other, "台账.xlsx"].sort());
    expect(await removeStaleTemps(file)).toEqual([]);
  });

  it("a failed write leaves the old file and no temporary file", async () => {
    const dir = tempDir();
    const file = path.join(dir, "a.xlsx");
    writeFileSync(file, "old");
    await expect(
      writeFileAtomic(file, async (tmp) => {
        writeFileSync(tmp, "half");
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    expect(readdirSync(dir)).toEqual(["a.xlsx"]);
    expect(readFileSync(file, "utf8")).toBe("old");
  });

  describe("a run stopped by a signal while writing removes its temporary file", () => {
    const dir = tempDir();
    const script = path.join(dir, "writer.js");
    beforeAll(() => {
      const entry = path.join(dir, "writer.ts");
      writeFileSync(
        entry,
        `import { writeFileSync } from "fs";
import { writeFileAtomic } from ${JSON.stringify(path.join(__dirname, "../../src/workbook/write-file"))};
void writeFileAtomic(process.argv[2]!, async (tmp) => {
  writeFileSync(tmp, "half a workbook");
  process.stdout.write("writing\\n");
  await new Promise(() => setInterval(() => undefined, 1000));
});
`,
      );
      buildSync({ entryPoints: [entry], bundle: true, platform: "node", outfile: script, logLevel: "error" });
    });

    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      it(signal, async () => {
        const target = path.join(dir, `${signal}.xlsx`);
        const child: ChildProcess = spawn(process.execPath, [script, target], {
          stdio: ["ignore", "pipe", "inherit"],
        });
        await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
        expect(readdirSync(dir).some((f) => f.startsWith(`${signal}.xlsx.`) && f.endsWith(".tmp"))).toBe(
          true,
        );
        const ended = new Promise<NodeJS.Signals | null>((resolve) =>
          child.once("exit", (_, sig) => resolve(sig)),
        );
        child.kill(signal);
        expect(await ended).toBe(signal);
        expect(readdirSync(dir).filter((f) => f.startsWith(`${signal}.xlsx`))).toEqual([]);
        expect(existsSync(target)).toBe(false);
      });
    }
  });
});
