/** Entry of the task pane: mount React once Office is ready, with the Excel API ledger port. */
import { createRoot } from "react-dom/client";
import { localDate } from "../core/deadlines/dates";
import { parseLang } from "../i18n";
import { MIN_EXCEL_API } from "../workbook/excel-api/adapter";
import { createExcelLedger } from "../workbook/excel-api/ledger";
import { App } from "./App";
import { withTraditionalConverter } from "./converter";

const today = () => localDate(new Date());

void Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) return;
  const requirements = Office.context.requirements;
  if (!requirements.isSetSupported("ExcelApi", MIN_EXCEL_API)) {
    container.textContent =
      "此 Excel 版本过旧，无法运行重点任务台账助手（需要 ExcelApi 1.2 以上）。This Excel is too old for Task Ledger (ExcelApi 1.2 or later is needed).";
    return;
  }
  const run = <T,>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch);
  createRoot(container).render(
    <App
      ledger={withTraditionalConverter(createExcelLedger(run, requirements))}
      initialLang={parseLang(Office.context.displayLanguage)}
      today={today()}
    />,
  );
  performance.mark("task-ledger-mounted");
});
