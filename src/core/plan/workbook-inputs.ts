/**
 * What the application layer reads from an open workbook, whichever host holds it: its sheets,
 * and each sheet's values and merges when asked for (`src/app/port.ts` gives it; `src/app/read.ts`
 * reads the list, the directory, the settings and the unit sheets' progress from it).
 */
import type { Grid } from "../read/grid";

export interface SheetInfo {
  readonly name: string;
  readonly visible: boolean;
}

export interface WorkbookView {
  readonly sheets: readonly SheetInfo[];
  /** Values and merges of a sheet; undefined when it does not exist. */
  grid(name: string): Grid | undefined;
}
