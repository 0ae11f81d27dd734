/**
 * Building the generation plan: a sheet per unit (lead and cooperating tasks apart, printable),
 * the leaders' summary, the findings, the directory (once), and — for lists read from text — the
 * task list itself in canonical columns.
 */
import type { CheckResult, Finding } from "../checks/findings";
import { type Warning, effectiveDue } from "../checks/warnings";
import { daysBetween } from "../deadlines/dates";
import { stateBucket, totals } from "../report/figures";
import { type UnitTally, byWorkload, tallyUnits, worstFirst } from "../units/tally";
import { compareNames } from "../text/collate";
import { DEFAULT_BEHIND_POINTS, expectedProgress, listStart } from "../cycle/schedule";
import { type SourceRef, type Task, type TaskList, type UnitKind, formatRef } from "../model";
import type { ReportTranslate } from "../report/render";
import { guessKind } from "../units/directory";
import { isTownGroup } from "../units/responsibility";
import type { ListCycle } from "../cycle/cycle";
import type { PeriodCompletion } from "../cycle/trend";
import { FORM_COL, FORM_HEADER_ROW, FORM_WIDTHS, formIdentity, rowIdentity } from "../cycle/form";
import { HISTORY_COL, HISTORY_WIDTHS, historyCode } from "../cycle/history";
import { taskKey } from "../cycle/key";
import type { ProgressReport } from "../cycle/reports";
import { LIST_COL, LIST_WIDTHS } from "./layout";
import {
  type ChartPlan,
  type LedgerSettings,
  type PlanCell,
  SETTINGS_VERSION,
  type SheetPlan,
  type SheetRole,
  type StoredMapping,
  type StyleId,
  type WorkbookPlan,
} from "./model";
import { MAX_ROW_LINES, cellLines, heightFor, rowHeight, rowHeights } from "./row-heights";
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
  | `plan.tot.${"tasks" | "done" | "inProgress" | "notStarted" | "notReported" | "overdue" | "behind" | "dueSoon" | "noReport" | "rate"}`
  | "plan.scheduleLine"
  | "plan.reportingLine"
  | "plan.coopOnly"
  | "plan.change"
  | `plan.col.${"behind" | "notReported" | "change" | "latest"}`
  | "plan.byUnit"
  | "plan.bySection"
  | "plan.redList"
  | "plan.noRed"
  | "plan.chartData"
  | `plan.chart.${"rate" | "status" | "state" | "tasks" | "onSchedule" | "period" | "trend"}`
  | "plan.findingsTitle"
  | "plan.noFindings"
  | `plan.dir.${"name" | "aliases" | "kind" | "note" | "unknown"}`
  | `plan.dir.kind.${UnitKind}`
  | "plan.sampleNote"
  | "plan.formTitle"
  | "plan.formNote"
  | "plan.formSendTo"
  | "plan.continued"
  | `plan.form.${"unit" | "reporter" | "phone" | "date" | "head"}`
  | `plan.kind.${"lead" | "coop"}`
  | `plan.others.${"lead" | "coop"}`
  | `plan.fcol.${"kind" | "others" | "last" | "progress" | "percent" | "onSchedule" | "problems" | "nextSteps" | "evidence"}`
  | "plan.yes"
  | "plan.no"
  | "plan.history"
  | `plan.hcol.${"period" | "unit" | "received" | "file" | "source" | "state" | "reason" | "reporter"}`
  | `plan.hsource.${"return" | "unit-sheet"}`
  | `plan.hstate.${"taken" | "rejected" | "conflict"}`
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
  /** The cycle: period, settings, each task's reported state (the list's statuses applied). */
  cycle?: ListCycle;
  /** Completion at the end of each period on record (two or more: the summary's line chart). */
  trend?: readonly PeriodCompletion[];
  /** Every progress report on record (the 进展记录 sheet's rows). */
  reports?: readonly ProgressReport[];
  /** This ledger's identity, written into every return form. */
  ledgerId?: string;
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
  history: "FF5B9BD5",
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
  const historyName = namer.name(t("plan.history"));
  const unitSheetNames = new Map(units.map((u) => [u.name, namer.name(u.name)]));
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
  const header = formHeaderRow(t);
  const onRecord = reportsByUnitTask(input);
  for (const u of units) push(unitSheet(input, u, unitSheetNames.get(u.name)!, cells, header, onRecord));
  push(historySheet(input, historyName));

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
      ...(input.cycle ? { cycle: input.cycle.settings } : {}),
      ...(input.ledgerId ? { ledgerId: input.ledgerId } : {}),
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
 * The cells of a task's row every form shares (plan cells are read only): the task's own columns
 * and the lines they need, with the other units for a lead row and for a cooperating row.
 */
interface TaskRows {
  id: PlanCell;
  title: PlanCell;
  detail: PlanCell;
  deadline: PlanCell;
  warning: PlanCell;
  /** For a lead row: the cooperating units; for a cooperating row: the lead units. */
  othersLead: PlanCell;
  othersCoop: PlanCell;
  lines: number;
  linesLead: number;
  linesCoop: number;
  /** Lines of the detail in its column (a row taller than a row can be continues below). */
  detailLines: number;
  key: string;
}

const formWidth = (col: number) => FORM_WIDTHS[col - 1]!;

function taskRows(input: PlanInput): (i: number) => TaskRows {
  const memo: (TaskRows | null)[] = new Array<TaskRows | null>(input.list.tasks.length).fill(null);
  // Labels by warning, looked up without building a key per task.
  const warnLabels = new Map<Warning, string>();
  const warnLabel = (w: Warning) => {
    let text = warnLabels.get(w);
    if (text === undefined) warnLabels.set(w, (text = input.t(`plan.warn.${w}`)));
    return text;
  };
  return (i) => {
    let m = memo[i];
    if (m) return m;
    const task = input.list.tasks[i]!;
    const w = input.checks.warnings[i] ?? "none";
    const id = c(idValue(task.id), "cellCenter");
    // Each text below is written on every form the task is on: numbered for the writer's look-up.
    const same = (v: string, k: number): PlanCell => ({ v, s: "cell", same: i * 5 + k });
    const title = same(task.title, 0);
    const detail = same(task.detail, 1);
    const coop = unitNames(task.cooperating, task.groups);
    const lead = unitNames(task.lead, task.lead.length ? [] : task.groups);
    const othersLead = same(coop ? input.t("plan.others.coop", { units: coop }) : "", 2);
    const othersCoop = same(lead ? input.t("plan.others.lead", { units: lead }) : "", 3);
    const deadline = same(deadlineText(task), 4);
    const warning = c(warnLabel(w), WARN_STYLE[w]);
    const lines = Math.max(
      cellLines(id, formWidth(FORM_COL.id)),
      cellLines(title, formWidth(FORM_COL.title)),
      cellLines(deadline, formWidth(FORM_COL.deadline)),
    );
    m = {
      id,
      title,
      detail,
      deadline,
      warning,
      othersLead,
      othersCoop,
      lines,
      linesLead: cellLines(othersLead, formWidth(FORM_COL.others)),
      linesCoop: cellLines(othersCoop, formWidth(FORM_COL.others)),
      detailLines: cellLines(detail, formWidth(FORM_COL.detail)),
      key: taskKey(task),
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
  if (refs.length + groups.length === 0) return "";
  if (refs.length + groups.length === 1) return refs[0]?.name ?? groups[0]!;
  const names: string[] = [];
  for (const r of refs) names.push(r.name);
  for (const g of groups) names.push(g);
  return names.join("、");
}

/** A form's table header (shared by every form: plan rows are read only). */
function formHeaderRow(t: PlanTranslate): PlanCell[] {
  return [
    t("plan.col.id"),
    t("plan.fcol.kind"),
    t("plan.col.title"),
    t("plan.col.detail"),
    t("plan.fcol.others"),
    t("plan.col.deadline"),
    t("plan.col.warning"),
    t("plan.fcol.last"),
    t("plan.fcol.progress"),
    t("plan.fcol.percent"),
    t("plan.fcol.onSchedule"),
    t("plan.fcol.problems"),
    t("plan.fcol.nextSteps"),
    t("plan.fcol.evidence"),
    "",
  ].map((h) => c(h, "header"));
}

/** What is on record for a unit and a task: its report this period, and its latest before. */
interface OnRecord {
  current: ProgressReport | null;
  last: ProgressReport | null;
}

function reportsByUnitTask(input: PlanInput): (unit: string, key: string) => OnRecord {
  const period = input.cycle?.period ?? "";
  const map = new Map<string, OnRecord>();
  for (const r of input.reports ?? []) {
    if (r.state !== "taken") continue;
    const k = `${r.unit}\u0000${r.key}`;
    let e = map.get(k);
    if (!e) map.set(k, (e = { current: null, last: null }));
    // Reports are in the order recorded: a later one of the same period replaces an earlier one.
    if (r.period === period) e.current = r;
    else if (r.period < period && (!e.last || r.period >= e.last.period)) e.last = r;
  }
  const none: OnRecord = { current: null, last: null };
  if (map.size === 0) return () => none;
  return (unit, key) => map.get(`${unit}\u0000${key}`) ?? none;
}

/** The text shown as last on record: the report's progress with its period, else the list's. */
function lastText(r: ProgressReport | null, fallback: string): string {
  if (!r) return fallback;
  const pct = r.percent !== null ? `（${r.percent}%）` : "";
  return `${r.period}：${r.progress}${pct}`;
}

const EMPTY_INPUT: PlanCell = { v: "", s: "input" };
const input = (v: string | number | null | undefined): PlanCell =>
  v === null || v === undefined || v === "" ? EMPTY_INPUT : c(v, "input");

/**
 * A unit's sheet as its return form: title, instructions, the header block, then one table of its
 * tasks, lead first (one header, repeated on every printed page, so a continuation page is never
 * under the wrong heading; the 类型 column says lead or cooperating). The fill-in cells are the
 * only unlocked ones; a hidden column carries each row's identity.
 */
function unitSheet(
  input_: PlanInput,
  u: UnitTasks,
  name: string,
  cells: (i: number) => TaskRows,
  header: PlanCell[],
  onRecord: (unit: string, key: string) => OnRecord,
): SheetPlan {
  const { t } = input_;
  const cycle = input_.cycle;
  const period = cycle?.period ?? input_.asOf.slice(0, 7);
  const identity = { ledgerId: input_.ledgerId ?? "", period, unit: u.name };
  const rows: (PlanCell | null)[][] = [];
  const merges: SheetPlan["merges"] = [];
  const heights: (number | undefined)[] = [];
  const lastCol = FORM_COL.evidence;
  const push = (row: (PlanCell | null)[], mergedAcross = false) => {
    rows.push(row);
    const merge = mergedAcross ? { top: rows.length, left: 1, bottom: rows.length, right: lastCol } : null;
    if (merge) merges.push(merge);
    heights.push(rowHeight(row, merge ? [merge] : undefined, FORM_WIDTHS));
  };
  const titleRow: (PlanCell | null)[] = [
    c(t("plan.formTitle", { unit: u.name, period, lead: u.lead.length, coop: u.coop.length }), "title"),
  ];
  titleRow[FORM_COL.identity - 1] = c(formIdentity(identity), "code");
  push(titleRow, true);
  const month = Number(period.slice(5, 7)) || 1;
  const dueDay = cycle?.settings.dueDay ?? 25;
  const sendTo = cycle?.settings.sendTo;
  push(
    [
      c(
        t("plan.formNote", { period, month, dueDay }) + (sendTo ? t("plan.formSendTo", { sendTo }) : ""),
        "note",
      ),
    ],
    true,
  );
  push([c(t("plan.asOf", { date: input_.asOfText }), "subtitle")], true);
  // The header block: 填报单位 (given), 填报人, 联系电话 / 填报日期, 单位负责人 (filled in).
  const label = (k: "unit" | "reporter" | "phone" | "date" | "head") => c(t(`plan.form.${k}`), "header");
  const block = (cellsOfRow: (PlanCell | null)[]) => {
    rows.push(cellsOfRow);
    merges.push({ top: rows.length, left: 1, bottom: rows.length, right: 2 });
    heights.push(undefined);
  };
  block([
    label("unit"),
    null,
    c(u.name, "cell"),
    label("reporter"),
    EMPTY_INPUT,
    label("phone"),
    null,
    EMPTY_INPUT,
  ]);
  merges.push({ top: rows.length, left: 6, bottom: rows.length, right: 7 });
  block([label("date"), null, EMPTY_INPUT, label("head"), EMPTY_INPUT]);
  push([]);
  push(header);
  const firstTaskRow = rows.length + 1;

  const detailWidth = formWidth(FORM_COL.detail);
  const lastWidth = formWidth(FORM_COL.last);
  // Cells the same in every row of the form (plan cells are read only).
  const kindLead = c(t("plan.kind.lead"), "cellCenter");
  const kindCoop = c(t("plan.kind.coop"), "cellCenter");
  const noLast = c("", "cell");
  const rowMark = rowIdentity(identity, "");
  const addTask = (i: number, lead: boolean) => {
    const shared = cells(i);
    const task = input_.list.tasks[i]!;
    const rec = onRecord(u.name, shared.key);
    const cur = rec.current;
    const lastShown = lastText(rec.last, lead ? (cycle?.tasks[i]?.listText ?? task.status.text) : "");
    const last = lastShown === "" ? noLast : c(lastShown, "cell");
    const progress = input(cur?.progress);
    const row: PlanCell[] = [
      shared.id,
      lead ? kindLead : kindCoop,
      shared.title,
      shared.detail,
      lead ? shared.othersLead : shared.othersCoop,
      shared.deadline,
      shared.warning,
      last,
      progress,
      input(cur?.percent),
      input(cur?.onSchedule),
      input(cur?.problems),
      input(cur?.nextSteps),
      EMPTY_INPUT,
      c(rowMark + shared.key, "code"),
    ];
    const lines = Math.max(
      shared.lines,
      lead ? shared.linesLead : shared.linesCoop,
      cellLines(last, lastWidth),
      cellLines(progress, formWidth(FORM_COL.progress)),
      cellLines(row[FORM_COL.problems - 1], formWidth(FORM_COL.problems)),
      cellLines(row[FORM_COL.nextSteps - 1], formWidth(FORM_COL.nextSteps)),
    );
    const detailLines = shared.detailLines;
    if (Math.max(lines, detailLines) <= MAX_ROW_LINES) {
      rows.push(row);
      heights.push(heightFor(Math.max(lines, detailLines)));
      return;
    }
    // Taller than a row can be: the detail runs on in continuation rows, so nothing is cut.
    const chunks = splitForLines(task.detail, detailWidth, MAX_ROW_LINES);
    rows.push([...row.slice(0, FORM_COL.detail - 1), c(chunks[0]!, "cell"), ...row.slice(FORM_COL.detail)]);
    heights.push(heightFor(Math.max(lines, cellLines(c(chunks[0]!, "cell"), detailWidth))));
    for (const chunk of chunks.slice(1)) {
      const cont = c(chunk, "cell");
      rows.push([c(t("plan.continued"), "cellCenter"), null, null, cont]);
      heights.push(heightFor(cellLines(cont, detailWidth)));
    }
  };
  for (const i of u.lead) addTask(i, true);
  for (const i of u.coop) addTask(i, false);
  if (u.lead.length + u.coop.length === 0) push([c(t("plan.noTasks"), "note")]);
  const lastTaskRow = rows.length;
  const taskRange = (col: number) => ({ top: firstTaskRow, left: col, bottom: lastTaskRow, right: col });
  return {
    name,
    role: "unit",
    unit: u.name,
    rows,
    merges,
    widths: FORM_WIDTHS,
    rowHeights: heights,
    freeze: { rows: FORM_HEADER_ROW, cols: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: [FORM_HEADER_ROW, FORM_HEADER_ROW],
      header: u.name,
    },
    tabColor: TAB.unit,
    protect: true,
    hiddenColumns: [FORM_COL.identity],
    validations:
      lastTaskRow >= firstTaskRow
        ? [
            { range: taskRange(FORM_COL.percent), kind: "decimal", min: 0, max: 100 },
            { range: taskRange(FORM_COL.onSchedule), kind: "list", values: [t("plan.yes"), t("plan.no")] },
          ]
        : [],
  };
}

/** Text cut into pieces that each fit `maxLines` lines of a column (cut at line ends, else anywhere). */
function splitForLines(text: string, width: number, maxLines: number): string[] {
  const perLine = Math.max(1, Math.floor((width - 1) / 2));
  const budget = perLine * maxLines;
  const out: string[] = [];
  let rest = text;
  while (cellLines({ v: rest, s: "cell" }, width) > maxLines) {
    // Cut before the budget runs out, at a sentence end when one is near.
    let cut = Math.max(1, budget - perLine * (rest.slice(0, budget).split("\n").length - 1));
    const stop = Math.max(
      rest.lastIndexOf("。", cut),
      rest.lastIndexOf("；", cut),
      rest.lastIndexOf("\n", cut),
    );
    if (stop > cut / 2) cut = stop + 1;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

/** The 进展记录 sheet: every report on record, oldest first. */
function historySheet(input: PlanInput, name: string): SheetPlan {
  const { t } = input;
  const rows: (PlanCell | null)[][] = [];
  const head: string[] = [];
  head[HISTORY_COL.period - 1] = t("plan.hcol.period");
  head[HISTORY_COL.unit - 1] = t("plan.hcol.unit");
  head[HISTORY_COL.taskId - 1] = t("plan.col.id");
  head[HISTORY_COL.title - 1] = t("plan.col.title");
  head[HISTORY_COL.progress - 1] = t("plan.fcol.progress");
  head[HISTORY_COL.percent - 1] = t("plan.fcol.percent");
  head[HISTORY_COL.onSchedule - 1] = t("plan.fcol.onSchedule");
  head[HISTORY_COL.problems - 1] = t("plan.fcol.problems");
  head[HISTORY_COL.nextSteps - 1] = t("plan.fcol.nextSteps");
  head[HISTORY_COL.reporter - 1] = t("plan.hcol.reporter");
  head[HISTORY_COL.received - 1] = t("plan.hcol.received");
  head[HISTORY_COL.file - 1] = t("plan.hcol.file");
  head[HISTORY_COL.source - 1] = t("plan.hcol.source");
  head[HISTORY_COL.state - 1] = t("plan.hcol.state");
  head[HISTORY_COL.reason - 1] = t("plan.hcol.reason");
  head[HISTORY_COL.code - 1] = "";
  rows.push(head.map((h) => c(h, "header")));
  for (const r of input.reports ?? []) {
    const row: PlanCell[] = [];
    row[HISTORY_COL.period - 1] = c(r.period, "cellCenter");
    row[HISTORY_COL.unit - 1] = c(r.unit, "cell");
    row[HISTORY_COL.taskId - 1] = c(idValue(r.taskId), "cellCenter");
    row[HISTORY_COL.title - 1] = c(r.title, "cell");
    row[HISTORY_COL.progress - 1] = c(r.progress, "cell");
    row[HISTORY_COL.percent - 1] = c(r.percent, "number");
    row[HISTORY_COL.onSchedule - 1] = c(r.onSchedule, "cellCenter");
    row[HISTORY_COL.problems - 1] = c(r.problems, "cell");
    row[HISTORY_COL.nextSteps - 1] = c(r.nextSteps, "cell");
    row[HISTORY_COL.reporter - 1] = c(r.reporter, "cell");
    row[HISTORY_COL.received - 1] = c(r.received, "cellCenter");
    row[HISTORY_COL.file - 1] = c(r.file, "cell");
    row[HISTORY_COL.source - 1] = c(t(`plan.hsource.${r.source}`), "cellCenter");
    row[HISTORY_COL.state - 1] = c(
      t(`plan.hstate.${r.state}`),
      r.state === "taken" ? "green" : r.state === "conflict" ? "yellow" : "red",
    );
    row[HISTORY_COL.reason - 1] = c(r.reason, "cell");
    row[HISTORY_COL.code - 1] = c(historyCode(r), "code");
    rows.push(row);
  }
  return {
    name,
    role: "history",
    rows,
    merges: [],
    widths: HISTORY_WIDTHS,
    freeze: { rows: 1, cols: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: [1, 1],
      header: t("plan.history"),
    },
    hiddenColumns: [HISTORY_COL.code],
    tabColor: TAB.history,
  };
}

function summarySheet(
  input: PlanInput,
  name: string,
  _units: UnitTasks[],
  sheetNames: Map<string, string>,
  taskRow: (i: number) => { sheet: string; row: number; col: number } | null,
): SheetPlan {
  const { list, t, checks } = input;
  const cycle = input.cycle;
  const rows: (PlanCell | null)[][] = [];
  const merges: SheetPlan["merges"] = [];
  const width = 8;
  const mergeRow = (r: number, left = 1) => merges.push({ top: r, left, bottom: r, right: width });
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
  const tot = totals(list, w, cycle?.tasks);
  rows.push([]);
  rows.push([c(t("plan.totals"), "tableLabel")]);
  mergeRow(rows.length);
  // The states add up to the total; then the warnings and the completion rate (lead tasks).
  const stateKeys = ["tasks", "done", "inProgress", "notStarted", "notReported", "noReport"] as const;
  rows.push(stateKeys.map((k) => c(t(`plan.tot.${k}`), "header")));
  rows.push(stateKeys.map((k) => c(tot[k], "number")));
  const warnKeys = ["overdue", "behind", "dueSoon"] as const;
  rows.push([...warnKeys.map((k) => c(t(`plan.tot.${k}`), "header")), c(t("plan.tot.rate"), "header")]);
  rows.push([...warnKeys.map((k) => c(tot[k], "number")), c(tot.rate, "percent")]);
  const yearExpected = expectedProgress(
    listStart(list.year, cycle?.settings.start),
    `${list.year}-12-31`,
    input.asOf,
  );
  rows.push([
    c(
      t("plan.scheduleLine", {
        expected: yearExpected ?? "—",
        behind: tot.behind,
        points: cycle?.settings.behindPoints ?? DEFAULT_BEHIND_POINTS,
      }),
      "note",
    ),
  ]);
  mergeRow(rows.length);

  // Per unit that leads tasks, worst first: red, yellow, 未报送, then completion.
  const stats = tallyUnits(
    list,
    w,
    cycle ? { tasks: cycle.tasks, reporting: cycle.reporting } : undefined,
  ).sort(worstFirst);
  const leading = stats.filter((s) => s.lead > 0);
  rows.push([]);
  rows.push([c(t("plan.byUnit"), "tableLabel")]);
  mergeRow(rows.length);
  rows.push(
    (["unit", "lead", "done", "overdue", "behind", "notReported", "rate", "change"] as const).map((k) =>
      c(t(`plan.col.${k}`), "header"),
    ),
  );
  const unitFrom = rows.length + 1;
  leading.forEach((s, k) => {
    const sheet = sheetNames.get(s.name);
    const before = cycle?.previous?.units.get(s.name);
    const change = before
      ? t("plan.change", {
          rate: signed(Math.round(((s.rate ?? 0) - (before.rate ?? 0)) * 100)),
          rank: signed(before.rank - (k + 1)),
        })
      : "—";
    rows.push([
      c(s.name, "link", sheet ? { sheet, row: 1, col: 1 } : undefined),
      c(s.lead, "number"),
      c(s.done, "number"),
      c(s.overdue, s.overdue ? "red" : "number"),
      c(s.behind, s.behind ? "yellow" : "number"),
      c(s.notReported, s.notReported ? "yellow" : "number"),
      c(s.rate, "percent"),
      c(change, "cellCenter"),
    ]);
  });
  const unitTo = rows.length;
  const coopOnly = stats.filter((s) => s.lead === 0).map((s) => s.name);
  if (coopOnly.length) {
    rows.push([c(t("plan.coopOnly", { n: coopOnly.length, units: coopOnly.join("、") }), "note")]);
    mergeRow(rows.length);
  }
  if (cycle && cycle.reporting.size + stats.filter((s) => s.notReported).length > 0) {
    const owing = leading.filter((s) => !cycle.reporting.has(s.name)).map((s) => s.name);
    const rate = leading.length ? (leading.length - owing.length) / leading.length : 0;
    rows.push([
      c(
        t("plan.reportingLine", {
          period: cycle.period,
          rate: Math.round(rate * 1000) / 10,
          n: owing.length,
          units: owing.join("、") || "—",
        }),
        "note",
      ),
    ]);
    mergeRow(rows.length);
  }

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
  // 重点任务 | 序号 | 牵头单位 | 完成时限 | 预警 | 逾期天数 | 最新进展 (2)
  const redRow = (r: number) => merges.push({ top: r, left: 7, bottom: r, right: 8 });
  rows.push([
    c(t("plan.col.title"), "header"),
    c(t("plan.col.id"), "header"),
    c(t("plan.col.leadUnits"), "header"),
    c(t("plan.col.deadline"), "header"),
    c(t("plan.col.warning"), "header"),
    c(t("plan.col.daysOverdue"), "header"),
    c(t("plan.col.latest"), "header"),
    c(null, "header"),
  ]);
  redRow(rows.length);
  const late = [
    ...tasks.map((_, i) => i).filter((i) => w[i] === "red"),
    ...tasks.map((_, i) => i).filter((i) => w[i] === "yellow"),
  ];
  if (late.length === 0) rows.push([c(t("plan.noRed"), "note")]);
  for (const i of late) {
    const task = tasks[i]!;
    const due = effectiveDue(task);
    const leadName = task.lead[0]?.name;
    const sheet = leadName ? sheetNames.get(leadName) : undefined;
    const red = w[i] === "red";
    const latest = cycle?.tasks[i]?.latest;
    rows.push([
      c(task.title, "cell", taskRow(i) ?? undefined),
      c(idValue(task.id), "cellCenter"),
      c(
        unitNames(task.lead, task.lead.length ? [] : task.groups),
        sheet ? "link" : "cell",
        sheet ? { sheet, row: 1, col: 1 } : undefined,
      ),
      c(due ?? "", "cellCenter"),
      c(t(`plan.warn.${w[i]!}`), WARN_STYLE[w[i]!]),
      c(red && due ? daysBetween(due, input.asOf) : null, red ? "red" : "number"),
      c(latest ? `${latest.period}：${task.status.text}` : task.status.text, "cell"),
      c(null, "cell"),
    ]);
    redRow(rows.length);
  }
  const charts = summaryCharts(input, name, rows, leading, mergeRow);
  return {
    name,
    role: "summary",
    rows,
    merges,
    ...(charts.length ? { charts } : {}),
    widths: [30, 9, 14, 11, 9, 9, 14, 22],
    print: { orientation: "portrait", paper: "A4", fitToWidth: true, header: t("plan.summaryTitle") },
    dataBars: unitTo >= unitFrom ? [{ fromRow: unitFrom, toRow: unitTo, col: 7 }] : [],
    tabColor: TAB.summary,
  };
}

/** Rows a chart covers below the chart data (about 7.5 cm at the default row height). */
const CHART_ROWS = 16;

/**
 * The summary's native charts, over a small table of chart data the sheet writes at its end: each
 * leading unit's completion rate (lead tasks), best first, as a bar chart; the tasks in each state
 * (done, on schedule, behind, overdue, not reported — every task in exactly one) as a pie. The
 * charts sit below the table, side by side, so they cover no cell that holds data.
 */
function summaryCharts(
  input: PlanInput,
  sheet: string,
  rows: (PlanCell | null)[][],
  leading: readonly UnitTally[],
  mergeRow: (r: number) => void,
): ChartPlan[] {
  const { t, list, checks, cycle } = input;
  if (list.tasks.length === 0) return [];
  rows.push([]);
  rows.push([c(t("plan.chartData"), "tableLabel")]);
  mergeRow(rows.length);
  const charts: ChartPlan[] = [];

  // Completion by unit, best first (ties by name).
  const byRate = [...leading].sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || compareNames(a.name, b.name));
  rows.push([c(t("plan.col.unit"), "header"), c(t("plan.col.rate"), "header")]);
  const rateFrom = rows.length + 1;
  for (const u of byRate) rows.push([c(u.name, "cell"), c(u.rate ?? 0, "percent")]);
  const rateTo = rows.length;

  // Every task in one state: done, then the warnings, then 未报送, the rest on schedule.
  const counts = { done: 0, onSchedule: 0, behind: 0, overdue: 0, notReported: 0 };
  list.tasks.forEach((task, i) => {
    const bucket = stateBucket(task, cycle?.tasks[i]);
    const w = checks.warnings[i];
    if (bucket === "done") counts.done++;
    else if (w === "red") counts.overdue++;
    else if (w === "yellow") counts.behind++;
    else if (bucket === "notReported") counts.notReported++;
    else counts.onSchedule++;
  });
  rows.push([]);
  rows.push([c(t("plan.chart.state"), "header"), c(t("plan.chart.tasks"), "header")]);
  const stateFrom = rows.length + 1;
  rows.push([c(t("plan.tot.done"), "cell"), c(counts.done, "number")]);
  rows.push([c(t("plan.chart.onSchedule"), "cell"), c(counts.onSchedule, "number")]);
  rows.push([c(t("plan.tot.behind"), "cell"), c(counts.behind, "number")]);
  rows.push([c(t("plan.tot.overdue"), "cell"), c(counts.overdue, "number")]);
  rows.push([c(t("plan.tot.notReported"), "cell"), c(counts.notReported, "number")]);
  const stateTo = rows.length;

  // Completion over periods, once two or more are on record.
  const trend = input.trend ?? [];
  let trendFrom = 0;
  if (trend.length >= 2) {
    rows.push([]);
    rows.push([c(t("plan.chart.period"), "header"), c(t("plan.tot.rate"), "header")]);
    trendFrom = rows.length + 1;
    for (const p of trend) rows.push([c(p.period, "cell"), c(p.rate, "percent")]);
  }
  const trendTo = rows.length;

  rows.push([]);
  const top = rows.length + 1;
  for (let k = 0; k < CHART_ROWS; k++) rows.push([]);
  const range = (from: number, to: number, col: number) => ({
    sheet,
    top: from,
    bottom: to,
    left: col,
    right: col,
  });
  if (rateTo >= rateFrom)
    charts.push({
      kind: "bar",
      title: t("plan.chart.rate"),
      anchor: { top, left: 1, bottom: top + CHART_ROWS - 1, right: 2 },
      categories: range(rateFrom, rateTo, 1),
      series: [{ name: t("plan.col.rate"), values: range(rateFrom, rateTo, 2) }],
    });
  charts.push({
    kind: "pie",
    title: t("plan.chart.status"),
    anchor: { top, left: 3, bottom: top + CHART_ROWS - 1, right: 8 },
    categories: range(stateFrom, stateTo, 1),
    series: [{ name: t("plan.chart.tasks"), values: range(stateFrom, stateTo, 2) }],
  });
  if (trendFrom) {
    const below = top + CHART_ROWS + 1;
    for (let k = 0; k <= CHART_ROWS; k++) rows.push([]);
    charts.push({
      kind: "line",
      title: t("plan.chart.trend"),
      anchor: { top: below, left: 1, bottom: below + CHART_ROWS - 1, right: 8 },
      categories: range(trendFrom, trendTo, 1),
      series: [{ name: t("plan.tot.rate"), values: range(trendFrom, trendTo, 2) }],
    });
  }
  return charts;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

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
