/** What every step needs: the workbook port, the language, and today's date (the pane owns the clock). */
import { createContext, useContext } from "react";
import type { LedgerPort, LedgerState } from "../workbook/excel-api/ledger";
import type { Lang, Translate } from "../i18n";

export interface PaneContext {
  ledger: LedgerPort;
  lang: Lang;
  t: Translate;
  state: LedgerState | null;
  /** Read (or re-read) the workbook with the current options. */
  refresh: () => Promise<void>;
  asOf: string;
  setAsOf: (d: string) => void;
  dueSoonDays: number;
  setDueSoonDays: (n: number) => void;
  mapping: Record<string, number>;
  setMapping: (m: Record<string, number>) => void;
  sheet: string | undefined;
  setSheet: (s: string | undefined) => void;
  busy: boolean;
  /** Run an action, showing errors in the pane in plain words. */
  act: (f: () => Promise<void>) => Promise<void>;
}

export const Pane = createContext<PaneContext | null>(null);

export function usePane(): PaneContext {
  const c = useContext(Pane);
  if (!c) throw new Error("usePane outside the pane");
  return c;
}
