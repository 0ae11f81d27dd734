/**
 * One fidelity case: a workbook with a task list added by package editing, generated, then
 * regenerated from the output; every check of package-checks.ts on both outputs. The CLI's
 * `generate` runs in this process (runCli), whatever writer is inside it.
 */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { runCli } from "../helpers/cli";
import { type Parts, readParts } from "../helpers/ooxml";
import { type InjectOptions, injectTaskSheet } from "../helpers/package-edit";
import { packageConsistent, userPartsKept, wellFormed, workbookLevelGrew } from "./package-checks";

export interface CaseResult {
  /** Problems found, each prefixed with the step ("generate:", "regenerate:"). Empty = lossless. */
  problems: string[];
  /** The regenerated output, for a sample to open in LibreOffice. */
  output?: string;
}

/** Check one generated package against the package it came from. */
async function checkOutput(
  step: string,
  input: Parts,
  output: Parts,
  consistent: boolean,
): Promise<string[]> {
  // Parts with the input's bytes are as well-formed as the program that saved the input made them.
  const changed = (name: string) => {
    const a = input.get(name);
    const b = output.get(name)!;
    return !a || a.length !== b.length || a.some((x, i) => x !== b[i]);
  };
  const found = [
    ...userPartsKept(input, output),
    ...workbookLevelGrew(input, output),
    ...(consistent ? packageConsistent(input, output) : []),
    ...(await wellFormed(output, changed)),
  ];
  return found.map((p) => `${step}: ${p}`);
}

export async function runCase(
  source: Uint8Array,
  name: string,
  dir: string,
  inject: InjectOptions | null,
): Promise<CaseResult> {
  const ext = path.extname(name) || ".xlsx";
  const base = path.basename(name, path.extname(name));
  const input = path.join(dir, `${base}${ext}`);
  const first = path.join(dir, `${base}-1${ext}`);
  const second = path.join(dir, `${base}-2${ext}`);
  const injected = inject ? injectTaskSheet(source, inject) : source;
  writeFileSync(input, injected);
  const inParts = readParts(injected);

  const run1 = await runCli(["generate", input, "-o", first, "--as-of", "2024-07-01"]);
  if (run1.code !== 0)
    return { problems: [`generate: exit ${run1.code}: ${run1.err.trim().split("\n")[0]}`] };
  const problems = await checkOutput("generate", inParts, readParts(readFileSync(first)), false);

  const run2 = await runCli(["generate", first, "-o", second, "--as-of", "2024-07-02"]);
  if (run2.code !== 0)
    return { problems: [...problems, `regenerate: exit ${run2.code}: ${run2.err.trim().split("\n")[0]}`] };
  problems.push(...(await checkOutput("regenerate", inParts, readParts(readFileSync(second)), true)));
  return { problems, output: second };
}
