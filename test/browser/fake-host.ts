/**
 * The browser test's host: a fake Office and Excel, loaded before the pane's unchanged bundle in
 * place of office.js. The workbook starts with the sheets in fixture.json (the sample list).
 */
import { FakeExcel } from "../fake-excel/fake-excel";

interface Fixture {
  sheets: {
    name: string;
    rows: (string | number | boolean | null)[][];
    merges: { top: number; left: number; bottom: number; right: number }[];
  }[];
}

const params = new URLSearchParams(location.search);
// ?excelApi=1.2: a host declaring that ExcelApi version (default: a current Excel).
const excel = new FakeExcel({ excelApi: params.get("excelApi") ?? undefined });
const ready = fetch("fixture.json")
  .then((r) => r.json() as Promise<Fixture>)
  .then((fx) => {
    for (const s of fx.sheets) excel.loadSheet(s.name, s.rows, s.merges);
  });

const w = window as unknown as Record<string, unknown>;
w.__fakeExcel = excel;
w.Office = {
  onReady: (cb?: (info: { host: string; platform: string }) => void) =>
    ready.then(() => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return info;
    }),
  context: {
    displayLanguage: params.get("lang") ?? "zh-CN",
    requirements: { isSetSupported: excel.isSetSupported },
  },
  HostType: { Excel: "Excel" },
};
w.Excel = { run: excel.run };
