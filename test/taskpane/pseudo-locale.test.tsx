/**
 * Every string the pane shows comes from the string tables: the pane is rendered with a pseudo
 * locale (each message becomes ⟦its key⟧), and whatever visible text is left once the pseudo
 * messages and the workbook's own data are taken out is a string that escaped the tables.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { MessageKey } from "../../src/i18n";
import { PANE_PARTS, Pane, type PaneContext } from "../../src/taskpane/context";
import { CheckStep } from "../../src/taskpane/steps/CheckStep";
import { CollectReportView, CollectStep } from "../../src/taskpane/steps/CollectStep";
import type { CollectOutcome } from "../../src/app/session";
import { GenerateStep } from "../../src/taskpane/steps/GenerateStep";
import { SourceStep } from "../../src/taskpane/steps/SourceStep";
import { SummaryStep } from "../../src/taskpane/steps/SummaryStep";
import { readWorkbook } from "../../src/app/read";
import { totals } from "../../src/core/report/figures";
import { ExcelWorkbook } from "../../src/workbook/excel-api/ledger";
import type { SessionState } from "../../src/app/session";
import { FakeExcel } from "../fake-excel/fake-excel";

const pseudo = (key: MessageKey, params?: Record<string, string | number>) =>
  `⟦${key}${params ? ` ${Object.values(params).join(" ")}` : ""}⟧`;

/** Language names are shown in their own language, in every locale (the language picker). */
const ENDONYMS = ["中文", "English"];

const LIST: (string | number | null)[][] = [
  ["2024年重点任务清单"],
  ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"],
  [1, "建成城东污水处理厂", "县住建局", "县财政局", "6月底前", "正在推进"],
  [2, "改造老旧小区", "县住建局", "县文化和旅旅局", "2024年6月25日前", ""],
  [3, "完成造林", "县林业局", "", "", "已完成"],
];

async function state(): Promise<SessionState> {
  const excel = new FakeExcel();
  excel.loadSheet("清单", LIST);
  const r = await readWorkbook(
    new ExcelWorkbook(excel.run, excel),
    { kind: "workbook" },
    { asOf: "2024-07-01" },
    {
      today: "2024-07-01",
      file: "workbook",
    },
  );
  return {
    sheets: ["清单"],
    list: r.list,
    layout: r.raw.layout ?? null,
    units: r.units,
    totals: totals(r.list, r.checks.warnings, r.cycle.tasks),
    period: r.cycle.period,
    checks: r.checks,
    settings: r.settings,
    options: r.options,
  };
}

/** Visible text: text between tags, and the attributes people read (labels, placeholders, titles). */
function visibleTexts(html: string): string[] {
  const attrs = [...html.matchAll(/\s(?:aria-label|placeholder|title|alt)="([^"]*)"/g)].map((m) => m[1]!);
  const text = html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .split(/<[^>]*>/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [...attrs, ...text].map((s) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">"),
  );
}

describe("the pane in a pseudo locale", () => {
  it("shows no text that is not from the string tables or the workbook", async () => {
    const s = await state();
    expect(s.checks.findings.length).toBeGreaterThan(0);
    // A collect report with every kind of line.
    const outcome: CollectOutcome = {
      written: true,
      report: {
        period: "2024-06",
        received: [{ unit: "县住建局", file: "县住建局.xlsx", rows: 2 }],
        missing: ["县林业局"],
        unchanged: [{ unit: "县住建局", taskId: "1" }],
        conflicts: [{ file: "县住建局.xlsx", unit: "县住建局", taskId: "9", reason: "台账中没有这一任务" }],
        rejected: [{ file: "别的.xlsx", reason: "不是推进情况表（没有找到本工具生成的行标识）" }],
      },
    };
    const ctx: PaneContext = {
      session: {
        features: { freezeAndLinks: false, printLayout: false, conditionalFormats: false, readMerges: false },
      } as unknown as PaneContext["session"],
      shell: PANE_PARTS,
      reload: async () => undefined,
      lang: "en",
      t: pseudo,
      state: s,
      refresh: async () => undefined,
      asOf: "2024-07-01",
      setAsOf: () => undefined,
      dueSoonDays: 15,
      setDueSoonDays: () => undefined,
      mapping: {},
      setMapping: () => undefined,
      today: "2026-12-01",
      sheet: undefined,
      setSheet: () => undefined,
      busy: false,
      act: async () => undefined,
      collect: async () => outcome,
    };
    const html = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <Pane.Provider value={ctx}>
          <SourceStep />
          <CheckStep />
          <GenerateStep />
          <CollectStep />
          <CollectReportView outcome={outcome} t={pseudo} />
          <SummaryStep />
        </Pane.Provider>
      </FluentProvider>,
    );
    // The workbook's own words: sheet, unit and task names, columns' headers, dates, numbers.
    const data = [
      ...s.sheets,
      ...s.units.map((u) => u.name),
      ...s.list.tasks.flatMap((x) => [x.title, x.id, x.deadline.text ?? "", x.status.text ?? ""]),
      ...(s.layout?.headers ?? []).map(([, header]) => header),
      ...s.checks.findings.flatMap((f) => [f.suggestion ?? "", f.department ?? ""]),
      ...ENDONYMS,
      // The collect report's files and reasons: the reasons are recorded in 进展记录 as data.
      ...outcome.report.received.map((x) => x.file),
      ...[...outcome.report.conflicts, ...outcome.report.rejected].flatMap((x) => [x.file, x.reason]),
      outcome.report.period,
    ]
      .filter(Boolean)
      .sort((a, b) => b.length - a.length);
    const leaks = visibleTexts(html)
      .map((text) => {
        // Messages may hold messages (a list of features): take the innermost out first.
        let rest = text;
        while (/⟦[^⟦⟧]*⟧/.test(rest)) rest = rest.replace(/⟦[^⟦⟧]*⟧/g, "");
        // Cell references (清单!E3) first: a task id inside one is not data on its own.
        rest = rest.replace(/[^\s!]+![A-Z]{1,3}\d+/g, "");
        for (const d of data) rest = rest.split(d).join("");
        // Numbers, dates, cell references, column letters and punctuation are not words.
        return rest.replace(/^[A-Z]{1,3}$|[\d\s.,:;·%—–\-!/()（）[\]"'“”]/g, "");
      })
      .filter(Boolean);
    expect(leaks).toEqual([]);
    // And the pseudo messages are there: the test is not passing on an empty page.
    expect(html).toMatch(/⟦ui\.check\.run⟧/);
    expect(html).toMatch(/⟦ui\.source\.counts/);
    // The as-of date is not today's: today is offered beside it.
    expect(html).toMatch(/⟦ui\.check\.today /);
    expect(html).toMatch(/⟦ui\.collect\.pick⟧/);
    expect(html).toMatch(/⟦cli\.collect\.missing 县林业局⟧/);
  });
});
