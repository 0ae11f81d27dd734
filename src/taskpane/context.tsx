/** What every step needs: the workbook session, the language, and today's date (the pane owns the clock). */
import { createContext, useContext } from "react";
import type { MappingRequest } from "../app/options";
import type { CollectOutcome, SessionState } from "../app/session";
import type { PickedFile } from "../workbook/package/returns";
import type { PaneSession } from "../workbook/excel-api/ledger";
import type { Lang, Translate } from "../i18n";

export interface PaneContext {
  session: PaneSession;
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
