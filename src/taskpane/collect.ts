/**
 * The 收集 step's work, the same in every shell: the picked files read as returned workbooks (in
 * the browser, with the package reader), collected through the session (the app layer's
 * `collect`) in the language the ledger was generated in; files that are not workbooks join the
 * report's rejected list with their reason. Loaded with the clerk's first collect (App.tsx): the
 * package reader and its zip library stay out of the pane's first load.
 */
import type { RunFlags } from "../app/options";
import type { CollectOutcome, Session } from "../app/session";
import { type Lang, formatDate, translator } from "../i18n";
import { type PickedFile, readReturns } from "../workbook/package/returns";

export type { PickedFile };

export async function collectPicked(
  session: Pick<Session, "collect">,
  files: readonly PickedFile[],
  flags: RunFlags,
  /** The ledger's sheets' language (its stored settings), else the shell's. */
  lang: Lang,
): Promise<CollectOutcome> {
  const { returns, rejected } = readReturns(files);
  const t = translator(lang);
  const r = await session.collect(returns, flags, {
    lang,
    dateText: (d) => formatDate(d, lang),
    t,
    tr: t,
  });
  r.report.rejected.unshift(...rejected);
  return r;
}
