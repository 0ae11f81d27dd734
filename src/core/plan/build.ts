/**
 * Building the generation plan: a sheet per unit (lead and cooperating tasks apart, printable),
 * the leaders' summary, the findings, the directory (once), and — for lists read from text — the
 * task list itself in canonical columns.
 */
import type { CheckResult, Finding } from "../checks/findings";
import { type Warning, effectiveDue } from "../checks/warnings";
import { daysBetween } from "../deadlines/dates";
import { totals } from "../report/figures";
import { byWorkload, tallyUnits, worstFirst } from "../units/tally";
import { type SourceRef, type Task, type TaskList, type UnitKind, formatRef } from "../model";
import type { ReportTranslate } from "../report/render";
import { guessKind } from "../units/directory";
import { isTownGroup } from "../units/responsibility";
import { LIST_COL, LIST_WIDTHS, UNIT_COL, UNIT_WIDTHS } from "./layout";
import {
  type LedgerSettings,
  type PlanCell,
  SETTINGS_VERSION,
  type SheetPlan,
  type SheetRole,
  type StoredMapping,
  type StyleId,
  type WorkbookPlan,
} from "./model";
import { type ProgressEntry, matchProgress } from "./progress";
import { cellLines, heightFor, rowHeight, rowHeights } from "./row-heights";
import { SheetNamer } from "./sheet-names";

/** Keys of the plan's labels; the i18n tables provide them. */
export type PlanKey =
  | "plan.summary"
  | "plan.findings"
  | "plan.list"
  | "plan.directory"
  | "plan.unitTitle"
  | "plan.asOf"
  | "plan.leadTable"
  | "plan.coopTable"
  | "plan.orphanTable"
  | "plan.noTasks"
  | `plan.col.${"id" | "section" | "title" | "detail" | "leadUnits" | "coopUnits" | "deadline" | "warning" | "status" | "progress" | "leader" | "source" | "unit" | "lead" | "coop" | "done" | "overdue" | "dueSoon" | "rate" | "count" | "daysOverdue" | "severity" | "code" | "message" | "suggestion" | "where"}`
  | `plan.warn.${Warning}`
  | "plan.summaryTitle"
  | "plan.totals"
  | `plan.tot.${"tasks" | "done" | "inProgress" | "notStarted" | "overdue" | "dueSoon" | "noReport" | "rate"}`
  | "plan.byUnit"
  | "plan.bySection"
  | "plan.redList"
  | "plan.noRed"
  | "plan.findingsTitle"
  | "plan.noFindings"
  | `plan.dir.${"name" | "aliases" | "kind" | "note" | "unknown"}`
  | `plan.dir.kind.${UnitKind}`
  | "plan.sampleNote"
  | `state.${Task["status"]["state"]}`;

export type PlanTranslate = (key: PlanKey, params?: Record<string, string | number>) => string;

export interface PlanInput {
  list: TaskList;
  checks: CheckResult;
  asOf: string;
  dueSoonDays: number;
  lang: "zh-CN" | "en";
  /** The as-of date as the locale writes it. */
  asOfText: string;
  t: PlanTranslate;
  /** Finding messages (the report's table). */
  tr: ReportTranslate;
  /** Names of sheets the tool must not use or touch (the user's, the list's). */
  userSheets: readonly string[];
  /** Progress read from the previous generation's unit sheets, by canonical unit name. */
  previousProgress?: ReadonlyMap<string, ProgressEntry[]>;
  /** Write the task list as a sheet (lists read from text or .docx). */
  includeListSheet: boolean;
  /** Write a 部门名录 sheet pre-filled with the units found (when the workbook has none). */
  includeDirectory: boolean;
  /** Give towns named only through 各镇 groups a sheet of their own. */
  townSheets?: boolean;
  /** Town names from the user's directory (for townSheets). */
  towns?: readonly string[];
  /** A note in the summary (e.g. that the data is a sample). */
  sampleNote?: boolean;
  mapping?: StoredMapping;
}

const WARN_STYLE: Record<Warning, StyleId> = {
  red: "red",
  yellow: "yellow",
  blue: "blue",
  green: "green",
  none: "none",
};
const TAB = {
  summary: "FF1F4E79",
  findings: "FFC00000",
  unit: "FF70AD47",
  list: "FF7F7F7F",
  directory: "FFBF9000",
};

/** Whole-number ids are written as numbers (no "number stored as text" marks); others as text. */
const idValue = (id: string): string | number => (/^[1-9]\d{0,8}$/.test(id) ? Number(id) : id);

function c(v: string | number | null, s?: StyleId, link?: PlanCell["link"]): PlanCell {
  // One literal per shape: cells are built by the hundred thousand.
  if (link) return s ? { v, s, link } : { v, link };
  return s ? { v, s } : { v };
}

interface UnitTasks {
  name: string;
  lead: number[];
  coop: number[];
}

export function buildPlan(input: PlanInput): WorkbookPlan {
  const { list, t } = input;
  const namer = new SheetNamer(input.userSheets);
  const units = unitsWithTasks(input);
  const summaryName = namer.name(t("plan.summary"));
  const findingsName = namer.name(t("plan.findings"));
  const listName = input.includeListSheet ? namer.name(t("plan.list")) : null;
  const unitSheetNames = new Map(units.map((u) => [u.name, namer.name(u.name)]));
  // Units that had progress but no task now keep a sheet for that progress.
  for (const [unit, entries] of input.previousProgress ?? []) {
    if (!unitSheetNames.has(unit) && entries.length) {
      units.push({ name: unit, lead: [], coop: [] });
      unitSheetNames.set(unit, namer.name(unit));
    }
  }
  const directoryName = input.includeDirectory ? namer.name(t("plan.directory")) : null;

  /** Where a task's own row is, for links: the list sheet for text lists, else its source cell. */
  const taskRow = (i: number): { sheet: string; row: number; col: number } | null => {
    if (listName) return { sheet: listName, row: i + 2, col: LIST_COL.title };
    const r = list.tasks[i]?.ref;
    return r?.kind === "cell" ? { sheet: r.sheet, row: r.row, col: r.col } : null;
  };
  const refLink = (ref: SourceRef | null, taskIndex: number | null) => {
    // A list written by this plan (from text, .docx or CSV): link to the task's row there.
    if (listName) return taskIndex === null ? null : taskRow(taskIndex);
    if (ref?.kind === "cell") return { sheet: ref.sheet, row: ref.row, col: ref.col };
    return taskIndex === null ? null : taskRow(taskIndex);
  };

  // The list and the directory come first: they stay as the user's sheets, and the generated
  // sheets that follow them are replaced in the same order on every run.
  const sheets: SheetPlan[] = [];
  const push = (s: SheetPlan) => sheets.push(s.rowHeights ? s : { ...s, rowHeights: rowHeights(s) });
  if (listName) push(listSheet(input, listName));
  if (directoryName) push(directorySheet(input, directoryName));
  push(summarySheet(input, summaryName, units, unitSheetNames, taskRow));
  push(findingsSheet(input, findingsName, refLink));
  const cells = taskRows(input);
  const header = headerRows(t);
  for (const u of units) push(unitSheet(input, u, unitSheetNames.get(u.name)!, cells, header));

  const generated: LedgerSettings["generated"] = sheets
    // The list and the directory become the user's sheets: later runs read them and never replace them.
    .filter((s) => s.role !== "list" && s.role !== "directory")
    .map((s) => ({ name: s.name, role: s.role, ...(s.unit ? { unit: s.unit } : {}) }));
  return {
    sheets,
    settings: {
      version: SETTINGS_VERSION,
      asOf: input.asOf,
      dueSoonDays: input.dueSoonDays,
      lang: input.lang,
      listSheet: listName ?? input.list.source.sheet ?? null,
      generated,
      ...(input.mapping ? { mapping: input.mapping } : {}),
    },
  };
}

/** Units with a sheet: every unit leading or cooperating on a task, in order of first mention. */
function unitsWithTasks(input: PlanInput): UnitTasks[] {
  const byName = new Map<string, UnitTasks>(
    tallyUnits(input.list).map((u) => [
      u.name,
      { name: u.name, lead: [...u.leadTasks], coop: [...u.coopTasks] },
    ]),
  );
  const get = (name: string) => {
    let u = byName.get(name);
    if (!u) byName.set(name, (u = { name, lead: [], coop: [] }));
    return u;
  };
  // Tasks are visited in order, so a task already listed for a unit is the last one listed.
  const has = (xs: number[], i: number) => xs.length > 0 && xs[xs.length - 1] === i;
  if (input.townSheets && input.towns?.length) {
    input.list.tasks.forEach((task, i) => {
      if (!task.groups.some(isTownGroup)) return;
      for (const town of input.towns!) {
        const u = get(town);
        if (!has(u.lead, i) && !has(u.coop, i)) u.coop.push(i);
      }
    });
  }
  return [...byName.values()];
}

/**
 * A task's row as every unit sheet shows it — with the cooperating units (in a lead table) or
 * with the lead units (in a cooperating table) — and the lines it needs. Built once per task and
 * shared by the sheets (plan rows are read only); a row with reported progress gets its own copy.
 */
interface TaskRows {
  withCoop: PlanCell[];
  withLead: PlanCell[];
  linesWithCoop: number;
  linesWithLead: number;
}

function taskRows(input: PlanInput): (i: number) => TaskRows {
  const memo: (TaskRows | null)[] = new Array<TaskRows | null>(input.list.tasks.length).fill(null);
  const width = (col: number) => UNIT_WIDTHS[col - 1]!;
  // Labels by warning and by state, looked up without building a key per task.
  const warnLabels = new Map<Warning, string>();
  const stateLabels = new Map<Task["status"]["state"], string>();
  const warnLabel = (w: Warning) => {
    let text = warnLabels.get(w);
    if (text === undefined) warnLabels.set(w, (text = input.t(`plan.warn.${w}`)));
    return text;
  };
  const stateLabel = (task: Task) => {
    if (!task.status.text) return input.t("state.unknown");
    let text = stateLabels.get(task.status.state);
    if (text === undefined)
      stateLabels.set(task.status.state, (text = input.t(`state.${task.status.state}`)));
    return text;
  };
  return (i) => {
    let m = memo[i];
    if (m) return m;
    const task = input.list.tasks[i]!;
    const w = input.checks.warnings[i] ?? "none";
    const id = c(idValue(task.id), "cellCenter");
    const section = c(task.section ?? "", "cell");
    const title = c(task.title, "cell");
    const detail = c(task.detail, "cell");
    const coopUnits = c(unitNames(task.cooperating, task.groups), "cell");
    const leadUnits = c(unitNames(task.lead, task.lead.length ? [] : task.groups), "cell");
    const deadline = c(deadlineText(task), "cell");
    const warning = c(warnLabel(w), WARN_STYLE[w]);
    const status = c(stateLabel(task), "cellCenter");
    const common = Math.max(
      cellLines(id, width(UNIT_COL.id)),
      cellLines(status, width(UNIT_COL.status)),
      cellLines(section, width(UNIT_COL.section)),
      cellLines(title, width(UNIT_COL.title)),
      cellLines(detail, width(UNIT_COL.detail)),
      cellLines(deadline, width(UNIT_COL.deadline)),
    );
    m = {
      withCoop: [id, section, title, detail, coopUnits, deadline, warning, status, EMPTY_PROGRESS],
      withLead: [id, section, title, detail, leadUnits, deadline, warning, status, EMPTY_PROGRESS],
      linesWithCoop: Math.max(common, cellLines(coopUnits, width(UNIT_COL.others))),
      linesWithLead: Math.max(common, cellLines(leadUnits, width(UNIT_COL.others))),
    };
    memo[i] = m;
    return m;
  };
}

function deadlineText(task: Task): string {
  const d = task.deadline;
  if (d.kind === "none") return "";
  if (d.kind === "recurring" || d.kind === "ongoing" || d.kind === "unparsed") return d.text;
  return d.due && d.text !== d.due ? `${d.text}（${d.due}）` : (d.due ?? d.text);
}

function unitNames(refs: { name: string }[], groups: string[] = []): string {
  if (refs.length + groups.length === 1) return refs[0]?.name ?? groups[0]!;
  const names: string[] = [];
  for (const r of refs) names.push(r.name);
  for (const g of groups) names.push(g);
  return names.join("、");
}

/** The progress cell of a task nobody has reported on yet: one shared cell (cells are read only). */
const EMPTY_PROGRESS: PlanCell = { v: "", s: "input" };

/** Rows every unit sheet shares (read only): each table's header row, by the units column's label. */
type HeaderRows = (otherLabel: string) => PlanCell[];

function headerRows(t: PlanTranslate): HeaderRows {
  const made = new Map<string, PlanCell[]>();
  return (otherLabel) => {
    let row = made.get(otherLabel);
    if (!row) {
      row = [
        t("plan.col.id"),
        t("plan.col.section"),
        t("plan.col.title"),
        t("plan.col.detail"),
        otherLabel,
        t("plan.col.deadline"),
        t("plan.col.warning"),
        t("plan.col.status"),
        t("plan.col.progress"),
      ].map((h) => c(h, "header"));
      made.set(otherLabel, row);
    }
    return row;
  };
}

function unitSheet(
  input: PlanInput,
  u: UnitTasks,
  name: string,
  cells: (i: number) => TaskRows,
  header: HeaderRows,
): SheetPlan {
  const { list, t } = input;
  const rows: (PlanCell | null)[][] = [];
  const merges: SheetPlan["merges"] = [];
  // Heights as rows are added: task rows from lines measured once per task, the rest measured here.
  const heights: (number | undefined)[] = [];
  const lastCol = UNIT_COL.progress;
  const push = (row: (PlanCell | null)[], mergedAcross = false) => {
    rows.push(row);
    const merge = mergedAcross ? { top: rows.length, left: 1, bottom: rows.length, right: lastCol } : null;
    if (merge) merges.push(merge);
    heights.push(rowHeight(row, merge ? [merge] : undefined, UNIT_WIDTHS));
  };
  push([c(t("plan.unitTitle", { unit: u.name, lead: u.lead.length, coop: u.coop.length }), "title")], true);
  push([c(t("plan.asOf", { date: input.asOfText }), "subtitle")], true);

  const entries = input.previousProgress?.get(u.name) ?? [];
  const progress = entries.length
    ? matchProgress(
        [...u.lead, ...u.coop].map((i) => {
          const task = list.tasks[i]!;
          return { key: i, id: task.id, section: task.section ?? "", title: task.title };
        }),
        entries,
      )
    : { found: new Map<number, string>(), orphans: [] };

  let firstHeaderRow = 0;
  const table = (label: string, indices: number[], lead: boolean) => {
    push([]);
    push([c(label, "tableLabel")], true);
    push(header(lead ? t("plan.col.coopUnits") : t("plan.col.leadUnits")));
    if (!firstHeaderRow) firstHeaderRow = rows.length;
    if (indices.length === 0) {
      push([c(t("plan.noTasks"), "note")]);
      return;
    }
    const progressWidth = UNIT_WIDTHS[UNIT_COL.progress - 1]!;
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!;
      const shared = cells(i);
      const row = lead ? shared.withCoop : shared.withLead;
      const lines = lead ? shared.linesWithCoop : shared.linesWithLead;
      const text = progress.found.get(i);
      if (text) {
        const progressCell = c(text, "input");
        rows.push([...row.slice(0, UNIT_COL.progress - 1), progressCell]);
        heights.push(heightFor(Math.max(lines, cellLines(progressCell, progressWidth))));
      } else {
        rows.push(row);
        heights.push(heightFor(lines));
      }
    }
  };
  table(t("plan.leadTable"), u.lead, true);
  table(t("plan.coopTable"), u.coop, false);
  if (progress.orphans.length) {
    push([]);
    push([c(t("plan.orphanTable"), "tableLabel")], true);
    push(header(""));
    for (const e of progress.orphans) {
      push([
        c(idValue(e.id), "cellCenter"),
        c(e.section, "cell"),
        c(e.title, "cell"),
        c("", "cell"),
        c("", "cell"),
        c("", "cell"),
        c("", "none"),
        c("", "cellCenter"),
        c(e.progress, "input"),
      ]);
    }
  }
  return {
    name,
    role: "unit",
    unit: u.name,
    rows,
    merges,
    widths: UNIT_WIDTHS,
    rowHeights: heights,
    freeze: { rows: firstHeaderRow, cols: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: [firstHeaderRow, firstHeaderRow],
      header: u.name,
    },
    tabColor: TAB.unit,
  };
}

function summarySheet(
  input: PlanInput,
  name: string,
  units: UnitTasks[],
  sheetNames: Map<string, string>,
  taskRow: (i: number) => { sheet: string; row: number; col: number } | null,
): SheetPlan {
  const { list, t, checks } = input;
  const rows: (PlanCell | null)[][] = [];
  const merges: SheetPlan["merges"] = [];
  const width = 8;
  const mergeRow = (r: number) => merges.push({ top: r, left: 1, bottom: r, right: width });
  rows.push([c(list.title ? `${list.title}\n${t("plan.summaryTitle")}` : t("plan.summaryTitle"), "title")]);
  mergeRow(1);
  rows.push([c(t("plan.asOf", { date: input.asOfText }), "subtitle")]);
  mergeRow(2);
  if (input.sampleNote) {
    rows.push([c(t("plan.sampleNote"), "note")]);
    mergeRow(rows.length);
  }

  const w = checks.warnings;
  const tasks = list.tasks;
  const tot = totals(list, w);
  rows.push([]);
  rows.push([c(t("plan.totals"), "tableLabel")]);
  mergeRow(rows.length);
  rows.push(
    (["tasks", "done", "inProgress", "notStarted", "overdue", "dueSoon", "noReport", "rate"] as const).map(
      (k) => c(t(`plan.tot.${k}`), "header"),
    ),
  );
  rows.push([
    ...(["tasks", "done", "inProgress", "notStarted", "overdue", "dueSoon", "noReport"] as const).map((k) =>
      c(tot[k], "number"),
    ),
    c(tot.rate, "percent"),
  ]);

  // Per unit, worst first; units given a sheet only for earlier progress have no figures.
  const stats = tallyUnits(list, w).sort(worstFirst);
  rows.push([]);
  rows.push([c(t("plan.byUnit"), "tableLabel")]);
  mergeRow(rows.length);
  rows.push(
    (["unit", "lead", "coop", "done", "overdue", "dueSoon", "rate", "warning"] as const).map((k) =>
      c(t(`plan.col.${k}`), "header"),
    ),
  );
  const unitFrom = rows.length + 1;
  for (const s of stats) {
    const sheet = sheetNames.get(s.name);
    rows.push([
      c(s.name, "link", sheet ? { sheet, row: 1, col: 1 } : undefined),
      c(s.lead, "number"),
      c(s.cooperating, "number"),
      c(s.done, "number"),
      c(s.overdue, s.overdue ? "red" : "number"),
      c(s.dueSoon, s.dueSoon ? "blue" : "number"),
      c(s.rate, "percent"),
      c(t(`plan.warn.${s.worst}`), WARN_STYLE[s.worst]),
    ]);
  }
  const unitTo = rows.length;

  rows.push([]);
  rows.push([c(t("plan.bySection"), "tableLabel")]);
  mergeRow(rows.length);
  rows.push(
    (["section", "count", "done", "overdue", "rate"] as const).map((k) => c(t(`plan.col.${k}`), "header")),
  );
  const sections = new Map<string, number[]>();
  tasks.forEach((x, i) => {
    const key = x.section ?? "—";
    const idx = sections.get(key);
    if (idx) idx.push(i);
    else sections.set(key, [i]);
  });
  for (const [section, idx] of sections) {
    const d = idx.filter((i) => tasks[i]!.status.state === "done").length;
    rows.push([
      c(section, "cell"),
      c(idx.length, "number"),
      c(d, "number"),
      c(idx.filter((i) => w[i] === "red").length, "number"),
      c(idx.length ? d / idx.length : 0, "percent"),
    ]);
  }

  rows.push([]);
  rows.push([c(t("plan.redList"), "tableLabel")]);
  mergeRow(rows.length);
  // 重点任务 | 序号 | 牵头单位 (3 columns) | 完成时限 (2) | 逾期天数
  const redRow = (r: number) => {
    merges.push({ top: r, left: 3, bottom: r, right: 5 }, { top: r, left: 6, bottom: r, right: 7 });
  };
  rows.push([
    c(t("plan.col.title"), "header"),
    c(t("plan.col.id"), "header"),
    c(t("plan.col.leadUnits"), "header"),
    c(null, "header"),
    c(null, "header"),
    c(t("plan.col.deadline"), "header"),
    c(null, "header"),
    c(t("plan.col.daysOverdue"), "header"),
  ]);
  redRow(rows.length);
  const red = tasks.map((x, i) => i).filter((i) => w[i] === "red");
  if (red.length === 0) rows.push([c(t("plan.noRed"), "note")]);
  for (const i of red) {
    const task = tasks[i]!;
    const due = effectiveDue(task);
    const leadName = task.lead[0]?.name;
    const sheet = leadName ? sheetNames.get(leadName) : undefined;
    rows.push([
      c(task.title, "cell", taskRow(i) ?? undefined),
      c(idValue(task.id), "cellCenter"),
      c(
        unitNames(task.lead, task.lead.length ? [] : task.groups),
        sheet ? "link" : "cell",
        sheet ? { sheet, row: 1, col: 1 } : undefined,
      ),
      c(null, "cell"),
      c(null, "cell"),
      c(due ?? "", "cellCenter"),
      c(null, "cell"),
      c(due ? daysBetween(due, input.asOf) : null, "red"),
    ]);
    redRow(rows.length);
  }
  return {
    name,
    role: "summary",
    rows,
    merges,
    widths: [30, 9, 9, 9, 9, 9, 11, 9],
    print: { orientation: "portrait", paper: "A4", fitToWidth: true, header: t("plan.summaryTitle") },
    dataBars: unitTo >= unitFrom ? [{ fromRow: unitFrom, toRow: unitTo, col: 7 }] : [],
    tabColor: TAB.summary,
  };
}

function findingsSheet(
  input: PlanInput,
  name: string,
  refLink: (ref: SourceRef | null, i: number | null) => { sheet: string; row: number; col: number } | null,
): SheetPlan {
  const { t, tr } = input;
  const rows: (PlanCell | null)[][] = [];
  rows.push([c(t("plan.findingsTitle"), "title")]);
  rows.push([c(t("plan.asOf", { date: input.asOfText }), "subtitle")]);
  rows.push([]);
  rows.push(
    (["severity", "code", "id", "message", "suggestion", "where"] as const).map((k) =>
      c(t(`plan.col.${k}`), "header"),
    ),
  );
  const order = { error: 0, warning: 1, info: 2 };
  const findings = [...input.checks.findings].sort(
    (a, b) => order[a.severity] - order[b.severity] || (a.taskIndex ?? -1) - (b.taskIndex ?? -1),
  );
  if (findings.length === 0) rows.push([c(t("plan.noFindings"), "note")]);
  for (const f of findings) {
    const link = refLink(f.ref, f.taskIndex);
    rows.push([
      c(
        tr(`severity.${f.severity}`),
        f.severity === "error" ? "red" : f.severity === "warning" ? "yellow" : "none",
      ),
      c(tr("report.codeName", { code: f.code, name: tr(`code.${f.code}`) }), "cell"),
      c(f.taskId ?? "", "cellCenter"),
      c(tr(`finding.${f.code}`, { taskId: f.taskId ?? "", ...f.params }), "cell"),
      c(f.suggestion ?? "", "cell"),
      c(whereText(f, link, tr), link ? "link" : "cell", link ?? undefined),
    ]);
  }
  return {
    name,
    role: "findings",
    rows,
    merges: [
      { top: 1, left: 1, bottom: 1, right: 6 },
      { top: 2, left: 1, bottom: 2, right: 6 },
    ],
    widths: [9, 24, 7, 60, 22, 22],
    freeze: { rows: 4, cols: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: [4, 4],
      header: t("plan.findingsTitle"),
    },
    tabColor: TAB.findings,
  };
}

function whereText(
  f: Finding,
  link: { sheet: string; row: number; col: number } | null,
  tr: ReportTranslate,
): string {
  if (link) return formatRef({ kind: "cell", ...link });
  if (f.ref?.kind === "line") return tr("report.line", { line: f.ref.line });
  return f.ref ? formatRef(f.ref) : (f.department ?? "");
}

/** The task list as a sheet in canonical columns (for lists imported from text or .docx). */
export function listSheetPlan(list: TaskList, t: PlanTranslate, name: string): SheetPlan {
  const s = listSheet({ list, t }, name);
  return { ...s, rowHeights: rowHeights(s) };
}

function listSheet(input: Pick<PlanInput, "list" | "t">, name: string): SheetPlan {
  const { list, t } = input;
  const rows: (PlanCell | null)[][] = [
    (
      [
        "id",
        "section",
        "title",
        "detail",
        "leadUnits",
        "coopUnits",
        "leader",
        "deadline",
        "progress",
        "source",
      ] as const
    ).map((k) => c(t(`plan.col.${k}`), "header")),
  ];
  for (const task of list.tasks) {
    // Units as written, so reading this sheet back resolves (and checks) them the same way.
    const lead = task.lead.map((u) => u.raw);
    const coop = [...task.cooperating.map((u) => u.raw), ...task.groups];
    rows.push([
      c(idValue(task.id), "cellCenter"),
      c(task.section ?? "", "cell"),
      c(task.title, "cell"),
      c(task.detail, "cell"),
      c(lead.join("、"), "cell"),
      c(coop.join("、"), "cell"),
      c(task.leader ?? "", "cell"),
      c(task.deadline.text, "cell"),
      c(task.status.text, "cell"),
      c(formatRef(task.ref), "cellCenter"),
    ]);
  }
  return {
    name,
    role: "list",
    rows,
    merges: [],
    widths: LIST_WIDTHS,
    freeze: { rows: 1, cols: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: [1, 1],
      header: list.title ?? name,
    },
    tabColor: TAB.list,
  };
}

function directorySheet(input: PlanInput, name: string): SheetPlan {
  const { t, list } = input;
  const rows: (PlanCell | null)[][] = [
    (["name", "aliases", "kind", "note"] as const).map((k) => c(t(`plan.dir.${k}`), "header")),
  ];
  // Misspellings are not aliases: collect them once (not per unit, which would be quadratic).
  const typoRaws = new Set<string>();
  list.tasks.forEach((x) => {
    x.lead.forEach((r) => r.via === "typo" && typoRaws.add(r.raw));
    x.cooperating.forEach((r) => r.via === "typo" && typoRaws.add(r.raw));
  });
  for (const u of tallyUnits(list).sort(byWorkload)) {
    const aliases = u.writtenAs.filter((a) => a !== u.name && !typoRaws.has(a));
    rows.push([
      c(u.name, "cell"),
      c(aliases.join("、"), "cell"),
      c(t(`plan.dir.kind.${guessKind(u.name)}`), "cell"),
      c(u.known ? "" : t("plan.dir.unknown"), u.known ? "cell" : "yellow"),
    ]);
  }
  return {
    name,
    role: "directory",
    rows,
    merges: [],
    widths: [30, 40, 12, 40],
    freeze: { rows: 1, cols: 0 },
    print: { orientation: "portrait", paper: "A4", fitToWidth: true, titleRows: [1, 1] },
    tabColor: TAB.directory,
  };
}

export type { SheetRole };
