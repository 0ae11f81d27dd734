/**
 * THE FILES PORT THE LEAD SWAPS AT MERGE: the workbook port (`src/app/port.ts`) over a workbook
 * file, on today's ExcelJS code. The lossless package reader/writer (`src/workbook/package/`)
 * replaces this file; nothing else in the files path knows ExcelJS is inside.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { ApplyProgress, WorkbookPort } from "../../app/port";
import type { LedgerSettings, SheetPlan, WorkbookPlan } from "../../core/plan/model";
import type { WorkbookView } from "../../core/plan/workbook-inputs";
import type { Grid } from "../../core/read/grid";
import { applyPlan, writeSheetFrame } from "./apply";
import { worksheetToGrid } from "./read";
import { writeWorkbook } from "./write-workbook";

/** Parts of a workbook that ExcelJS cannot carry over: writing a copy would lose them. */
const UNSUPPORTED_PARTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^xl\/charts\//, "charts"],
  [/^xl\/pivotTables\//, "pivot tables"],
  [/^xl\/vbaProject\.bin$/, "macros"],
  [/^xl\/slicers\//, "slicers"],
  [/^xl\/timelines\//, "timelines"],
  [/^xl\/ctrlProps\//, "form controls"],
];

export class FilesPort implements WorkbookPort {
  /** The sheets the last plan wrote: their cells are written with the file. */
  private planned: readonly SheetPlan[] = [];

  private constructor(private readonly wb: ExcelJS.Workbook) {
    wb.creator = "Task Ledger";
  }

  /** A workbook's bytes; throws when they are not a workbook (the caller says so to the user). */
  static async open(bytes: Uint8Array): Promise<FilesPort> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return new FilesPort(wb);
  }

  /** A new, empty workbook (lists read from text, .docx or CSV). */
  static empty(): FilesPort {
    return new FilesPort(new ExcelJS.Workbook());
  }

  /** What this writer would lose from these bytes (charts, macros …); empty when nothing. */
  static async wouldLose(bytes: Uint8Array): Promise<string[]> {
    try {
      const zip = await JSZip.loadAsync(bytes);
      const found = new Set<string>();
      for (const name of Object.keys(zip.files))
        for (const [re, what] of UNSUPPORTED_PARTS) if (re.test(name)) found.add(what);
      return [...found];
    } catch {
      return [];
    }
  }

  view(): Promise<WorkbookView> {
    const wb = this.wb;
    return Promise.resolve({
      sheets: wb.worksheets.map((ws) => ({
        name: ws.name,
        visible: ws.state === "visible" || ws.state === undefined,
      })),
      grid: (name: string) => {
        // A sheet written by a plan holds only its frame until the file is written: its cells
        // are the plan's.
        const planned = this.planned.find((s) => s.name === name);
        if (planned) return plannedGrid(planned);
        const ws = wb.getWorksheet(name);
        return ws ? worksheetToGrid(ws) : undefined;
      },
    });
  }

  apply(plan: WorkbookPlan, previous: LedgerSettings | null, onProgress?: ApplyProgress): Promise<void> {
    applyPlan(this.wb, plan, onProgress, previous);
    this.planned = [
      ...this.planned.filter((s) => !plan.sheets.some((p) => p.name === s.name)),
      ...plan.sheets,
    ];
    return Promise.resolve();
  }

  /** Write the workbook to `file` (through a temporary file: never half a file). */
  writeTo(file: string): Promise<void> {
    return writeWorkbook(this.wb, this.planned, file);
  }
}

/** A planned sheet's values and merges, as a reader sees them once written. */
function plannedGrid(sheet: SheetPlan): Grid {
  return {
    sheet: sheet.name,
    rows: sheet.rows.map((row) => row.map((cell) => (cell && cell.v !== "" ? cell.v : null))),
    merges: sheet.merges.map((m) => ({ ...m })),
  };
}

/** A workbook holding one planned sheet alone (`--split-dir`), written to `file`. */
export async function writeSheetWorkbook(sheet: SheetPlan, file: string): Promise<void> {
  const one = new ExcelJS.Workbook();
  one.creator = "Task Ledger";
  writeSheetFrame(one, sheet);
  await writeWorkbook(one, [sheet], file);
}
