/**
 * Import: a list read from pasted text or a .docx written into the workbook as a new list sheet
 * (canonical columns), which the settings then name as the list, so the next read takes it.
 * Nothing else of the workbook is touched: the previous run's sheets stay.
 */
import { buildTaskList } from "../core/task-list";
import type { SourceInfo } from "../core/model";
import { type PlanTranslate, listSheetPlan } from "../core/plan/build";
import { type LedgerSettings, SETTINGS_VERSION } from "../core/plan/model";
import { SheetNamer } from "../core/plan/sheet-names";
import { DEFAULT_DUE_SOON_DAYS } from "../core/checks/warnings";
import { UnitDirectory } from "../core/units/directory";
import type { WorkbookPort } from "./port";
import { type ListInput, listFromInput, storedSettings } from "./read";

export interface ImportContext {
  today: string;
  lang: LedgerSettings["lang"];
  t: PlanTranslate;
}

/** Write the list as a new sheet; returns the sheet's name. */
export async function importList(
  port: WorkbookPort,
  input: Exclude<ListInput, { kind: "workbook" | "grid" }>,
  ctx: ImportContext,
): Promise<string> {
  const { raw, source } = listFromInput(input, { mapping: {} });
  const list = buildTaskList(raw, source satisfies SourceInfo, {
    asOf: ctx.today,
    directory: UnitDirectory.builtin(),
  });
  const view = await port.view();
  const stored = storedSettings(view);
  const name = new SheetNamer(view.sheets.map((s) => s.name)).name(ctx.t("plan.list"));
  // A mapping names the columns of the list it was chosen for, not of the new one.
  const { mapping: _listColumns, ...kept } = stored ?? {};
  const settings: LedgerSettings = {
    ...(stored
      ? (kept as Omit<LedgerSettings, "mapping">)
      : {
          version: SETTINGS_VERSION,
          asOf: ctx.today,
          dueSoonDays: DEFAULT_DUE_SOON_DAYS,
          lang: ctx.lang,
          generated: [],
        }),
    listSheet: name,
  };
  // Nothing generated earlier is replaced: the port is told there was nothing to remove.
  await port.apply(
    { sheets: [listSheetPlan(list, ctx.t, name)], settings },
    stored && { ...stored, generated: [] },
  );
  return name;
}
