/**
 * Findings and the check report in words. The language table is passed in (a Translate function),
 * so the core stays free of UI concerns.
 */
import type { CheckResult, Finding } from "../checks/findings";
import type { Warning } from "../checks/warnings";
import { byWorkload, tallyUnits } from "../units/tally";
import { type TaskList, columnLetter, formatRef } from "../model";
import { type ReadMessageKey, flatParams } from "../read/messages";
import type { TableLayout } from "../read/raw";
import { mappedColumns } from "./columns";
import type { JsonFinding } from "./json";

/** Message keys this module asks for; the i18n tables provide them. */
export type ReportKey =
  | `finding.${Finding["code"]}`
  | `severity.${Finding["severity"]}`
  | `warning.${Warning}`
  | "report.title"
  | "report.source"
  | "report.asOf"
  | "report.counts"
  | "report.warnings"
  | "report.findings"
  | "report.noFindings"
  | "report.units"
  | "report.unitHeader"
  | "report.more"
  | "report.suggestion"
  | "report.line"
  | "report.finding"
  | "report.codeName"
  | "report.columns"
  | "report.columnsHeaderRow"
  | "report.columnsNoHeader"
  | "report.column"
  | "report.columnInferred"
  | "report.columnsHint"
  | `ui.field.${NamedField}`
  | ReadMessageKey
  | `code.${Finding["code"]}`;

export type ReportTranslate = (key: ReportKey, params?: Record<string, string | number>) => string;

export function renderFinding(f: Finding, t: ReportTranslate): JsonFinding {
  return {
    code: f.code,
    severity: f.severity,
    taskId: f.taskId,
    department: f.department,
    ref: f.ref ? formatRef(f.ref) : null,
    message: t(`finding.${f.code}`, { taskId: f.taskId ?? "", ...f.params }),
    ...(f.suggestion ? { suggestion: f.suggestion } : {}),
  };
}

const SEVERITY_ORDER = ["error", "warning", "info"] as const;
const WARNING_ORDER: Warning[] = ["red", "yellow", "blue", "green", "none"];
/** Findings shown per severity in the text report before "… N more". */
export const REPORT_FINDINGS_PER_SEVERITY = 40;

/** The fields the tables name (the pane's mapping dropdowns say them too). */
const NAMED_FIELDS = [
  "id",
  "section",
  "title",
  "detail",
  "lead",
  "cooperating",
  "responsible",
  "leader",
  "deadline",
  "progress",
  "onSchedule",
  "note",
] as const;
type NamedField = (typeof NAMED_FIELDS)[number];

/** The column mapping in words: each field's column and header, and why an inferred one was taken. */
function renderColumns(layout: TableLayout, t: ReportTranslate): string[] {
  const out = ["", `== ${t("report.columns")} ==`];
  out.push(
    layout.headerRow > 0
      ? t("report.columnsHeaderRow", { row: layout.headerRow })
      : t("report.columnsNoHeader"),
  );
  const fields = new Set<string>(NAMED_FIELDS);
  const say = (k: ReadMessageKey, p: Record<string, string | number>) => t(k, p);
  const mapped = mappedColumns(layout);
  for (const m of mapped) {
    const name = fields.has(m.field) ? t(`ui.field.${m.field as NamedField}`) : m.field;
    const line = t("report.column", {
      name,
      field: m.field,
      col: columnLetter(m.col),
      header: m.header ?? "—",
    });
    const why = m.why
      ? ` ${t("report.columnInferred", { reason: t(m.why.key, flatParams(m.why.params, say)) })}`
      : "";
    out.push(`  ${line}${why}`);
  }
  if (mapped.some((m) => m.by === "content")) out.push(t("report.columnsHint"));
  return out;
}

export function renderTextReport(
  list: TaskList,
  result: CheckResult,
  opts: { asOfText: string; t: ReportTranslate; layout?: TableLayout },
): string {
  const { t } = opts;
  const out: string[] = [];
  const units = tallyUnits(list, result.warnings).sort(byWorkload);
  const sections = new Set(list.tasks.map((x) => x.section).filter(Boolean)).size;
  out.push(t("report.title", { title: list.title ?? list.source.file }));
  out.push(
    t("report.source", {
      source: list.source.sheet ? `${list.source.file} / ${list.source.sheet}` : list.source.file,
    }),
  );
  out.push(t("report.asOf", { date: opts.asOfText }));
  out.push(t("report.counts", { tasks: list.tasks.length, units: units.length, sections }));
  if (opts.layout) out.push(...renderColumns(opts.layout, t));
  out.push("", `== ${t("report.warnings")} ==`);
  const counts = new Map<Warning, number>();
  for (const w of result.warnings) counts.set(w, (counts.get(w) ?? 0) + 1);
  out.push(WARNING_ORDER.map((w) => `${t(`warning.${w}`)}: ${counts.get(w) ?? 0}`).join("   "));
  out.push("", `== ${t("report.findings")} ==`);
  if (result.findings.length === 0) out.push(t("report.noFindings"));
  for (const sev of SEVERITY_ORDER) {
    const fs = result.findings.filter((f) => f.severity === sev);
    if (fs.length === 0) continue;
    out.push("", `-- ${t(`severity.${sev}`)} (${fs.length}) --`);
    for (const f of fs.slice(0, REPORT_FINDINGS_PER_SEVERITY)) {
      const r = renderFinding(f, t);
      const sug = r.suggestion ? `  ${t("report.suggestion", { suggestion: r.suggestion })}` : "";
      // The code stays (people search for it) with its name beside; a line is said in words.
      const code = t("report.finding", { code: f.code, name: t(`code.${f.code}`) });
      const ref = f.ref?.kind === "line" ? t("report.line", { line: f.ref.line }) : (r.ref ?? "");
      out.push(`  ${code} ${ref}  ${r.message}${sug}`);
    }
    if (fs.length > REPORT_FINDINGS_PER_SEVERITY)
      out.push(`  ${t("report.more", { n: fs.length - REPORT_FINDINGS_PER_SEVERITY })}`);
  }
  out.push("", `== ${t("report.units")} ==`, t("report.unitHeader"));
  for (const u of units)
    out.push(`${u.name}${u.known ? "" : " (?)"} | ${u.lead} | ${u.cooperating} | ${u.overdue}`);
  return out.join("\n") + "\n";
}
