/**
 * The pane's 数据源 step shows the column mapping the reader used and marks the columns it
 * recognised by their content, with the reason, in the user's language (issue 14).
 */
import { totals } from "../../src/core/report/figures";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { type Lang, translator } from "../../src/i18n";
import { PANE_PARTS, Pane, type PaneContext } from "../../src/taskpane/context";
import { SourceStep } from "../../src/taskpane/steps/SourceStep";
import { readWorkbook } from "../../src/app/read";
import { ExcelWorkbook } from "../../src/workbook/excel-api/ledger";
import type { SessionState } from "../../src/app/session";
import { FakeExcel } from "../fake-excel/fake-excel";

/** 栏目二 is no header the reader knows: the task column is recognised by its content. */
const LIST: (string | number | null)[][] = [
  ["2024年重点任务清单"],
  ["序号", "栏目二", "牵头单位", "完成时限"],
  [1, "建成城东污水处理厂并投入运行", "县住建局", "6月底前"],
  [2, "改造老旧小区二十个并完成验收", "县住建局", "9月底前"],
  [3, "完成造林一万亩并通过省级验收", "县林业局", "12月底前"],
];

async function state(rows: (string | number | null)[][]): Promise<SessionState> {
  const excel = new FakeExcel();
  excel.loadSheet("清单", rows);
  const r = await readWorkbook(
    new ExcelWorkbook(excel.run, excel),
    { kind: "workbook" },
    { asOf: "2024-07-01" },
    { today: "2024-07-01", file: "workbook" },
  );
  return {
    sheets: ["清单"],
    list: r.list,
    layout: r.raw.layout ?? null,
    units: r.units,
    checks: r.checks,
    settings: r.settings,
    options: r.options,
    totals: totals(r.list, r.checks.warnings, r.cycle.tasks),
    period: r.cycle.period,
  };
}

function render(s: SessionState, lang: Lang, mapping: PaneContext["mapping"] = {}): string {
  const ctx = {
    session: {},
    shell: PANE_PARTS,
    reload: async () => undefined,
    lang,
    t: translator(lang),
    state: s,
    refresh: async () => undefined,
    asOf: "2024-07-01",
    setAsOf: () => undefined,
    dueSoonDays: 15,
    setDueSoonDays: () => undefined,
    mapping,
    setMapping: () => undefined,
    today: "2024-07-01",
    sheet: undefined,
    setSheet: () => undefined,
    busy: false,
    act: async () => undefined,
  } as unknown as PaneContext;
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <Pane.Provider value={ctx}>
        <SourceStep />
      </Pane.Provider>
    </FluentProvider>,
  );
}

describe("the 数据源 step's column mapping", () => {
  it("marks the column recognised by its content with the reason, and opens the mapping", async () => {
    const s = await state(LIST);
    expect(s.layout?.inferred?.map((i) => i.field)).toEqual(["title"]);
    const zh = render(s, "zh-CN");
    expect(zh).toMatch(/<details open=""[^>]*data-testid="source-mapping"/);
    expect(zh).toContain("部分列按内容识别，请核对");
    expect(zh).toMatch(/按内容识别：较长且各不相同的文字（平均 \d+ 个字，100% 不重复）。请核对，或另选列。/);
    // Only the inferred field is marked.
    expect(zh.match(/data-inferred="true"/g)).toHaveLength(1);
    const en = render(s, "en");
    expect(en).toMatch(
      /Recognised by its content: long varied text \(\d+ characters on average, 100% distinct\)/,
    );
  });

  it("marks nothing when the headers named every column, or when the user chose the column", async () => {
    const known = LIST.map((r, i) => (i === 1 ? ["序号", "重点任务", "牵头单位", "完成时限"] : r));
    const plain = render(await state(known), "zh-CN");
    expect(plain).not.toContain("按内容识别");
    expect(plain).not.toMatch(/<details open/);
    const chosen = render(await state(LIST), "zh-CN", { title: [2] });
    expect(chosen).not.toContain("按内容识别");
  });
});
