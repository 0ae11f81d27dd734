/** What every step needs: the workbook session, the language, and today's date (the pane owns the clock). */
import { type ReactNode, createContext, useContext } from "react";
import type { MappingRequest } from "../app/options";
import type { CollectOutcome, GenerateOutcome, Session, SessionState } from "../app/session";
import type { PickedFile } from "../workbook/package/returns";
import type { Features } from "../workbook/excel-api/commands";
import type { Lang, Translate } from "../i18n";

/** A session as a shell holds it: the Excel features only where Excel is the host. */
export type ShellSession = Session & { features?: Features };

/**
 * What differs between the shells sharing the steps: the pane goes to cells and edits them in the
 * open workbook; the browser page works on files, so it adds a file picker and downloads instead.
 */
export interface ShellParts {
  /** Clicking a finding selects its cell (the pane); otherwise the cell is only named. */
  canSelect: boolean;
  /** Suggested unit names can be written into the list's cells (the pane). */
  canEdit: boolean;
  /** Above the source step's controls: where the list comes from (the page's file picker). */
  source?: ReactNode;
  /** Below a finished generation: what to do with it (the page's downloads). */
  generated?: (r: GenerateOutcome) => ReactNode;
}

export const PANE_PARTS: ShellParts = { canSelect: true, canEdit: true };

export interface PaneContext {
  session: ShellSession;
  shell: ShellParts;
  /** Read afresh as at the start: the workbook's stored settings over the defaults (a new file picked). */
  reload: () => Promise<void>;
  lang: Lang;
  t: Translate;
  state: SessionState | null;
  /** Read (or re-read) the workbook with the current options. */
  refresh: () => Promise<void>;
  asOf: string;
  setAsOf: (d: string) => void;
  dueSoonDays: number;
  setDueSoonDays: (n: number) => void;
  mapping: MappingRequest;
  setMapping: (m: MappingRequest) => void;
  /** Today, YYYY-MM-DD (offered when the as-of date is another). */
  today: string;
  sheet: string | undefined;
  setSheet: (s: string | undefined) => void;
  busy: boolean;
  /** Run an action, showing errors in the pane in plain words. */
  act: (f: () => Promise<void>) => Promise<void>;
  /**
   * Take the picked returned files into the ledger, then read it again (the 收集 step): the pane
   * into the open workbook, the page into its ledger file. Both use `collectPicked`.
   */
  collect: (files: readonly PickedFile[]) => Promise<CollectOutcome>;
}

export const Pane = createContext<PaneContext | null>(null);

export function usePane(): PaneContext {
  const c = useContext(Pane);
  if (!c) throw new Error("usePane outside the pane");
  return c;
}
