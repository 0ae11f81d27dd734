/**
 * The open workbook in Excel as a workbook port: reading (two syncs, or blocks of rows where Excel
 * on the web limits an answer) and writing a plan as commands. It decides nothing; what to read
 * and what to write is the application layer's (`src/app/`).
 */
import type { ApplyProgress } from "../../app/port";
import { localDate } from "../../core/deadlines/dates";
import { extractDocx } from "../../core/read/docx";
import { type OpenWorkbook, type Session, openSession } from "../../app/session";
import type { LedgerSettings, WorkbookPlan } from "../../core/plan/model";
import type { WorkbookView } from "../../core/plan/workbook-inputs";
import {
  type ExcelRun,
  type Requirements,
  detectFeatures,
  executeCommands,
  readSheets,
  replaceInCell,
  selectCell,
} from "./adapter";
import { type Features, planCommands } from "./commands";

export class ExcelWorkbook implements OpenWorkbook {
  readonly features: Features;
  /** The sheet names the last read saw: a plan's commands are computed against them. */
  private names: readonly string[] | null = null;

  constructor(
    private readonly run: ExcelRun,
    requirements: Requirements,
  ) {
    this.features = detectFeatures(requirements);
  }

  async view(): Promise<WorkbookView> {
    const { sheets, grids } = await readSheets(this.run, this.features);
    this.names = sheets.map((s) => s.name);
    return { sheets, grid: (name) => grids.get(name) };
  }

  async apply(
    plan: WorkbookPlan,
    previous: LedgerSettings | null,
    onProgress?: ApplyProgress,
  ): Promise<void> {
    const names = this.names ?? (await this.view()).sheets.map((s) => s.name);
    this.names = null;
    await executeCommands(
      this.run,
      planCommands(plan, previous, names, this.features),
      this.features,
      onProgress,
    );
  }

  select(sheet: string, address: string): Promise<void> {
    return selectCell(this.run, sheet, address);
  }

  replaceInCell(sheet: string, address: string, from: string, to: string): Promise<boolean> {
    return replaceInCell(this.run, sheet, address, from, to);
  }
}

/** The pane's session over the workbook open in Excel (with the host's feature flags). */
export type PaneSession = Session & { features: Features };

export function openExcelSession(
  run: ExcelRun,
  requirements: Requirements,
  today: () => string,
): PaneSession {
  const book = new ExcelWorkbook(run, requirements);
  const session = openSession(book, today, extractDocx);
  return { ...session, features: book.features };
}

/** The name the fake's tests and the bench knew this session by. */
export const createExcelLedger = (run: ExcelRun, requirements: Requirements): PaneSession =>
  openExcelSession(run, requirements, () => localDate(new Date()));
