/**
 * The workbook port over a file, through ExcelJS (until the lossless package writer replaces it):
 * `view` reads the opened workbook, `apply` writes the plan into it and the result to `output`
 * (through a temporary file: a failure never leaves half a file).
 */
import { promises as fs } from "fs";
import type { WorkbookPort, WorkbookView } from "../../app/port";
import type { LedgerSettings, WorkbookPlan } from "../../core/plan/model";
import { ReadError } from "../../core/read/raw";
import { applyPlan } from "./apply";
import { excelJsView } from "./open-file";
import { ExcelJsReader } from "./read";
import { writeWorkbook } from "./write-workbook";

export class ExcelJsFilePort implements WorkbookPort {
  private constructor(
    private readonly reader: ExcelJsReader,
    private readonly output: string,
  ) {}

  /** Open a workbook file (read only) whose result will be written to `output`. */
  static async open(file: string, output: string): Promise<ExcelJsFilePort> {
    return new ExcelJsFilePort(await readWorkbookFile(file), output);
  }

  view(): Promise<WorkbookView> {
    return Promise.resolve(excelJsView(this.reader));
  }

  async apply(plan: WorkbookPlan, _previous: LedgerSettings | null): Promise<void> {
    const wb = this.reader.workbook;
    wb.creator = "Task Ledger";
    applyPlan(wb, plan);
    try {
      await writeWorkbook(wb, plan.sheets, this.output);
    } catch (err) {
      throw new ReadError(
        `Could not write ${this.output}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}

/** A workbook file read into ExcelJS, with a message saying what was expected when it cannot be. */
export async function readWorkbookFile(file: string): Promise<ExcelJsReader> {
  const bytes = await fs.readFile(file).catch(() => {
    throw new ReadError(`${file}: no such file.`);
  });
  return ExcelJsReader.fromBytes(new Uint8Array(bytes)).catch((err: unknown) => {
    throw new ReadError(
      `${file} is not a readable .xlsx workbook (${err instanceof Error ? err.message.split("\n")[0] : String(err)}).`,
    );
  });
}
