/** Plans and packages for the package tests: every kind of thing a plan can say. */
import { SaxesParser } from "saxes";
import type { LedgerSettings, PlanCell, SheetPlan, WorkbookPlan } from "../../../src/core/plan/model";
import { Package } from "../../../src/workbook/package/package";

export function unitSheet(name: string, rows = 5, extra: Partial<SheetPlan> = {}): SheetPlan {
  const body: (PlanCell | null)[][] = [
    [{ v: `${name} 重点工作任务`, s: "title" }],
    [
      { v: "序号", s: "header" },
      { v: "任务", s: "header" },
      { v: "完成率", s: "header" },
      { v: "进展情况", s: "header" },
    ],
  ];
  for (let i = 0; i < rows; i++) {
    body.push([
      { v: i + 1, s: "number" },
      {
        v: `任务 ${i + 1}：=SUM(A1) & <b>_x0041_ \u0007`,
        s: "cell",
        link: { sheet: "汇总", row: 1, col: 1 },
      },
      { v: i / rows, s: "percent" },
      { v: "", s: "input" },
    ]);
  }
  return {
    name,
    role: "unit",
    unit: name,
    rows: body,
    merges: [{ top: 1, left: 1, bottom: 1, right: 4 }],
    widths: [6, 40, 10, 30],
    freeze: { rows: 2, cols: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: [2, 2],
      header: `${name} & 台账`,
    },
    dataBars: [{ fromRow: 3, toRow: 2 + rows, col: 3 }],
    tabColor: "FF1F4E79",
    rowHeights: [30],
    protect: true,
    validations: [
      {
        range: { top: 3, left: 4, bottom: 2 + rows, right: 4 },
        kind: "list",
        values: ["已完成", "推进中"],
        prompt: "选择",
      },
      { range: { top: 3, left: 3, bottom: 2 + rows, right: 3 }, kind: "decimal", min: 0, max: 1 },
    ],
    hiddenColumns: [5],
    ...extra,
  };
}

export function settings(generated: SheetPlan[], listSheet: string | null = null): LedgerSettings {
  return {
    version: 2,
    asOf: "2024-07-01",
    dueSoonDays: 15,
    lang: "zh-CN",
    listSheet,
    generated: generated.map((s) => ({ name: s.name, role: s.role, ...(s.unit ? { unit: s.unit } : {}) })),
  };
}

export function plan(names: string[], rows = 5): WorkbookPlan {
  const sheets = [
    { ...unitSheet("汇总", 2), role: "summary" as const },
    ...names.map((n) => unitSheet(n, rows)),
  ];
  return { sheets, settings: settings(sheets) };
}

/** Problems of an XML text as a strict parser sees them (empty when well-formed). */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const p = new SaxesParser({ xmlns: true });
  p.on("error", (e) => problems.push(e.message));
  try {
    p.write(xml).close();
  } catch (e) {
    problems.push(String(e));
  }
  return problems;
}

/** Every XML part of a package that is not well-formed, with the parser's message. */
export function malformedParts(bytes: Uint8Array): string[] {
  const pkg = Package.open(bytes);
  return pkg
    .names()
    .filter((n) => /\.(xml|rels)$/i.test(n))
    .flatMap((n) => xmlProblems(pkg.text(n)!).map((m) => `${n}: ${m}`))
    .slice(0, 5);
}

/** The parts the tool may edit; every other input part must leave with its bytes. */
export const WORKBOOK_LEVEL =
  /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml|docProps\/(app|core)\.xml)$/;
