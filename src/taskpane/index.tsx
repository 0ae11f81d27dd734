/** Entry of the task pane: mount React once Office is ready, with the session over the workbook open in Excel. */
import { createRoot } from "react-dom/client";
import { localDate } from "../core/deadlines/dates";
import { parseLang, translator } from "../i18n";
import { MIN_EXCEL_API } from "../workbook/excel-api/adapter";
import { openExcelSession } from "../workbook/excel-api/ledger";
import { App } from "./App";
import { withTraditionalConverter } from "./converter";

const today = () => localDate(new Date());

void Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) return;
  const requirements = Office.context.requirements;
  if (!requirements.isSetSupported("ExcelApi", MIN_EXCEL_API)) {
    // Said in both languages: the pane that would follow the user's language cannot start.
    container.textContent = (["zh-CN", "en"] as const)
      .map((lang) => translator(lang)("ui.tooOld", { version: MIN_EXCEL_API }))
      .join(" ");
    return;
  }
  const run = <T,>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch);
  createRoot(container).render(
    <App
      session={withTraditionalConverter(openExcelSession(run, requirements, today))}
      initialLang={parseLang(Office.context.displayLanguage)}
      today={today()}
    />,
  );
  performance.mark("task-ledger-mounted");
});
