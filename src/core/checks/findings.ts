/**
 * Checks over a task list: deadlines and responsibility coverage. Every check is linear or
 * n·log n in the number of tasks; unit comparisons run over distinct names, never task pairs.
 */
import { daysBetween } from "../deadlines/dates";
import { tallyUnits } from "../units/tally";
import type { SourceRef, Task, TaskList } from "../model";
import { nameKey, toHalfWidth, toSimplified } from "../text/normalize";
import type { UnitDirectory } from "../units/directory";
import { isTownGroup } from "../units/responsibility";
import { withinOneEdit } from "../units/distance";
import { type CheckOptions, type Warning, effectiveDue, taskWarning } from "./warnings";

export type Severity = "error" | "warning" | "info";

export const FINDING_CODES = [
  "MISSING_LEAD",
  "MULTIPLE_LEADS",
  "UNKNOWN_UNIT",
  "PROBABLE_TYPO",
  "ALIAS_MIXED",
  "VAGUE_RESPONSIBILITY",
  "LEAD_ALSO_COOPERATING",
  "UNCOVERED_UNIT",
  "OVERLOADED_UNIT",
  "MISSING_DEADLINE",
  "UNPARSED_DEADLINE",
  "DEADLINE_OUTSIDE_YEAR",
  "OVERDUE",
  "DUE_SOON",
  "BEHIND_SCHEDULE",
  "NO_PROGRESS",
  "DUPLICATE_ID",
  "DUPLICATE_TASK",
  "CELL_ERROR",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export const SEVERITY: Record<FindingCode, Severity> = {
  MISSING_LEAD: "error",
  MULTIPLE_LEADS: "info",
  UNKNOWN_UNIT: "warning",
  PROBABLE_TYPO: "warning",
  ALIAS_MIXED: "info",
  VAGUE_RESPONSIBILITY: "warning",
  LEAD_ALSO_COOPERATING: "warning",
  UNCOVERED_UNIT: "warning",
  OVERLOADED_UNIT: "info",
  MISSING_DEADLINE: "warning",
  UNPARSED_DEADLINE: "warning",
  DEADLINE_OUTSIDE_YEAR: "warning",
  OVERDUE: "error",
  DUE_SOON: "warning",
  BEHIND_SCHEDULE: "warning",
  NO_PROGRESS: "info",
  DUPLICATE_ID: "error",
  DUPLICATE_TASK: "warning",
  CELL_ERROR: "error",
};

/** A finding before it is put into words: the message comes from the UI language's table. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Index into list.tasks, or null for list-wide findings. */
  taskIndex: number | null;
  taskId: string | null;
  department: string | null;
  ref: SourceRef | null;
  /** Values for the message template. */
  params: Record<string, string | number>;
  suggestion?: string;
}

/** A unit leading far more tasks than the others: above mean + 2 sd … */
export const OVERLOAD_SD = 2;
/** … and at least this many lead tasks (a small list has no outliers worth a note). */
export const OVERLOAD_MIN_LEADS = 8;
/** Titles at least this long may be near duplicates one character apart. */
export const NEAR_DUPLICATE_MIN_LENGTH = 8;
/** The first progress report is due one month into the list's year. */
export const FIRST_REPORT_DAYS = 31;

export interface CheckResult {
  findings: Finding[];
  /** Warning colour per task, same order as list.tasks. */
  warnings: Warning[];
}

export function runChecks(list: TaskList, directory: UnitDirectory, opts: CheckOptions): CheckResult {
  const findings: Finding[] = [];
  const warnings = list.tasks.map((t) => taskWarning(t, list.year, opts));
  const add = (code: FindingCode, t: { task: Task; index: number } | null, rest: Partial<Finding> = {}) => {
    // Built field by field (a finding per task is common: no spread per finding).
    const finding: Finding = {
      code,
      severity: SEVERITY[code],
      taskIndex: t ? t.index : null,
      taskId: t ? t.task.id : null,
      department: rest.department !== undefined ? rest.department : null,
      ref: rest.ref !== undefined ? rest.ref : t ? t.task.ref : null,
      params: rest.params ?? {},
    };
    if (rest.suggestion !== undefined) finding.suggestion = rest.suggestion;
    findings.push(finding);
  };

  const hasProgressColumn = list.tasks.some((t) => t.fieldRefs.progress);
  const firstReport = `${list.year}-01-01`;
  const reportsDue = daysBetween(firstReport, opts.asOf) > FIRST_REPORT_DAYS;
  // Deadlines are shared by the tasks that write them alike: each is judged once.
  const outsideYear = new Map<Task["deadline"], string | null>();
  list.tasks.forEach((task, index) => {
    const t = { task, index };
    if (task.lead.length === 0) {
      add("MISSING_LEAD", t, {
        ref: unitRef(task),
        params: { responsibility: task.responsibilityText || "—" },
      });
    } else if (task.lead.length > 1) {
      add("MULTIPLE_LEADS", t, {
        ref: unitRef(task),
        params: { units: task.lead.map((u) => u.name).join("、") },
      });
    }
    if (task.groups.length) {
      const vague = task.groups.filter((g) => !isTownGroup(g));
      if (vague.length)
        add("VAGUE_RESPONSIBILITY", t, {
          ref: task.fieldRefs.groups ?? unitRef(task),
          params: { groups: vague.join("、") },
        });
    }
    for (let k = 0; k < task.cooperating.length; k++) {
      const c = task.cooperating[k]!;
      if (task.lead.some((u) => u.name === c.name)) {
        add("LEAD_ALSO_COOPERATING", t, {
          ref: task.fieldRefs.cooperating ?? unitRef(task),
          department: c.name,
          params: { unit: c.name },
        });
      }
    }
    const d = task.deadline;
    if (d.kind === "none") add("MISSING_DEADLINE", t, { ref: deadlineRef(task) });
    else if (d.kind === "unparsed")
      add("UNPARSED_DEADLINE", t, { ref: deadlineRef(task), params: { text: d.text } });
    let outside = outsideYear.get(d);
    if (outside === undefined) {
      outside = null;
      if (
        (d.kind === "date" || d.kind === "milestones") &&
        d.due &&
        !d.yearImplied &&
        !/明年|次年|下一年/.test(d.text)
      ) {
        const dues = d.milestones?.map((m) => m.due) ?? [d.due];
        outside = dues.find((x) => Number(x.slice(0, 4)) !== list.year) ?? null;
      }
      outsideYear.set(d, outside);
    }
    if (outside)
      add("DEADLINE_OUTSIDE_YEAR", t, {
        ref: deadlineRef(task),
        params: { text: d.text, due: outside, year: list.year },
      });
    const due = effectiveDue(task);
    const lead = task.lead[0]?.name ?? null;
    const w = warnings[index];
    if (w === "red" && due) {
      add("OVERDUE", t, {
        ref: deadlineRef(task),
        department: lead,
        params: { due, days: daysBetween(due, opts.asOf) },
      });
    } else if (w === "yellow") {
      add("BEHIND_SCHEDULE", t, {
        ref: task.fieldRefs.progress ?? task.ref,
        department: lead,
        params: { status: task.status.text || String(task.status.percent ?? "") },
      });
    } else if (w === "blue" && due) {
      add("DUE_SOON", t, {
        ref: deadlineRef(task),
        department: lead,
        params: { due, days: daysBetween(opts.asOf, due) },
      });
    }
    if (hasProgressColumn && !task.status.text && task.status.state !== "done" && reportsDue) {
      add("NO_PROGRESS", t, { ref: task.fieldRefs.progress ?? task.ref, department: lead });
    }
    for (const e of task.cellErrors)
      add("CELL_ERROR", t, { ref: e.ref, params: { value: e.value, field: e.field } });
  });

  unitFindings(list, directory, add);
  duplicateFindings(list, add);
  return { findings, warnings };
}

/** The cell a finding about the task's units or deadline points at (made only for a finding). */
const unitRef = (task: Task) => task.fieldRefs.lead ?? task.ref;
const deadlineRef = (task: Task) => task.fieldRefs.deadline ?? task.ref;

type Add = (code: FindingCode, t: { task: Task; index: number } | null, rest?: Partial<Finding>) => void;

function unitFindings(list: TaskList, directory: UnitDirectory, add: Add): void {
  // One finding per distinct name (the first place it is written), not per occurrence.
  const seenUnknown = new Set<string>();
  const seenTypo = new Set<string>();
  const variants = new Map<string, Set<string>>();
  const firstAt = new Map<string, { task: Task; index: number }>();
  const visit = (task: Task, index: number, u: Task["lead"][number], lead: boolean) => {
    // The unit's own cell, worked out only for a finding.
    const ref = () =>
      (lead ? task.fieldRefs.lead : task.fieldRefs.cooperating) ?? task.fieldRefs.lead ?? task.ref;
    if (!firstAt.has(u.name)) firstAt.set(u.name, { task, index });
    if (u.via === "typo" && !seenTypo.has(u.raw)) {
      seenTypo.add(u.raw);
      add(
        "PROBABLE_TYPO",
        { task, index },
        {
          ref: ref(),
          department: u.name,
          params: { raw: u.raw, unit: u.name },
          suggestion: u.name,
        },
      );
    } else if (!u.known && !seenUnknown.has(u.name)) {
      seenUnknown.add(u.name);
      const suggestion = u.nearest?.[0];
      add(
        "UNKNOWN_UNIT",
        { task, index },
        {
          ref: ref(),
          department: u.name,
          params: { unit: u.name },
          ...(suggestion ? { suggestion } : {}),
        },
      );
    }
    if (u.via !== "typo" && u.via !== "prefix" && u.via !== "list") {
      const set = variants.get(u.name);
      if (set) set.add(nameKey(u.raw));
      else variants.set(u.name, new Set([nameKey(u.raw)]));
    }
  };
  list.tasks.forEach((task, index) => {
    for (let k = 0; k < task.lead.length; k++) visit(task, index, task.lead[k]!, true);
    for (let k = 0; k < task.cooperating.length; k++) visit(task, index, task.cooperating[k]!, false);
  });
  for (const [name, set] of variants) {
    if (set.size > 1) {
      add("ALIAS_MIXED", firstAt.get(name) ?? null, {
        department: name,
        params: { unit: name, forms: [...set].join(" / ") },
      });
    }
  }
  const summary = tallyUnits(list);
  const named = new Set(summary.map((u) => u.name));
  const townGroupUsed = list.tasks.some((t) => t.groups.some(isTownGroup));
  for (const e of directory.userEntries()) {
    if (named.has(e.name)) continue;
    if (e.kind === "town" && townGroupUsed) continue;
    add("UNCOVERED_UNIT", null, { department: e.name, params: { unit: e.name } });
  }
  const leads = summary.filter((u) => u.lead > 0).map((u) => u.lead);
  if (leads.length >= 3) {
    const mean = leads.reduce((a, b) => a + b, 0) / leads.length;
    const sd = Math.sqrt(leads.reduce((a, b) => a + (b - mean) ** 2, 0) / leads.length);
    for (const u of summary) {
      if (u.lead >= OVERLOAD_MIN_LEADS && u.lead > mean + OVERLOAD_SD * sd) {
        add("OVERLOADED_UNIT", null, {
          department: u.name,
          params: { unit: u.name, lead: u.lead, mean: Math.round(mean * 10) / 10 },
        });
      }
    }
  }
}

const NUMBERS = /[0-9一二三四五六七八九十百千〇零]+/g;

/** Titles compared as names are (not cached: titles are unique, unlike unit names). */
function titleKey(title: string): string {
  return toSimplified(toHalfWidth(title)).replace(/[\p{P}\p{S}\s]/gu, "");
}

/** A key's code units in reverse order: a sort key only (so a split surrogate pair does no harm). */
function reversed(key: string): string {
  // Code units into one array, one string made from it (appending a character at a time made a
  // string per character: 20 MB for a 30,000-task list).
  if (key.length > 4096) return key.split("").reverse().join(""); // beyond what one call may take
  const units = new Array<number>(key.length);
  for (let i = 0; i < key.length; i++) units[key.length - 1 - i] = key.charCodeAt(i);
  return String.fromCharCode(...units);
}

/**
 * Positions of `keys` in the order of their keys, ties by position. Sorted as strings by the
 * engine's own comparison (each key tagged with its position) rather than through a compare
 * function called from script: 60,000 keys of a 30,000-task list, 0.15 s → see bench.
 */
function sortedPositions(keys: readonly string[]): number[] {
  const width = keys.length.toString(36).length;
  const tagged = keys.map((k, i) => `${k}\u0000${i.toString(36).padStart(width, "0")}`);
  tagged.sort();
  return tagged.map((t) => parseInt(t.slice(t.lastIndexOf("\u0000") + 1), 36));
}

function duplicateFindings(list: TaskList, add: Add): void {
  // The first task holding each id within its section.
  const ids = new Map<string, number>();
  list.tasks.forEach((task, index) => {
    if (task.idShared) return;
    const key = `${task.section ?? ""}\u0000${task.id}`;
    const first = ids.get(key);
    if (first === undefined) ids.set(key, index);
    else
      add(
        "DUPLICATE_ID",
        { task, index },
        { ref: task.fieldRefs.id ?? task.ref, params: { id: task.id, first: list.tasks[first]!.id } },
      );
  });
  // Same or nearly the same title: exact keys by hashing; near ones between neighbours when the
  // keys are sorted forwards and backwards (a typo leaves a shared prefix or suffix): n·log n.
  const keyed = list.tasks
    .map((t, index) => ({ index, key: titleKey(t.title) }))
    .filter((k) => k.key.length > 0);
  const reported = new Set<number>();
  const report = (a: { index: number }, b: { index: number }) => {
    const [first, dup] = a.index < b.index ? [a, b] : [b, a];
    if (reported.has(dup.index)) return;
    reported.add(dup.index);
    const task = list.tasks[dup.index]!;
    add(
      "DUPLICATE_TASK",
      { task, index: dup.index },
      { params: { title: task.title, other: list.tasks[first.index]!.id } },
    );
  };
  // Positions sorted by key (ties by position), forwards and then by the reversed key.
  const masked = (i: number) => keyed[i]!.key.replace(NUMBERS, "#");
  const forwards = keyed.map((k) => k.key);
  const backwards = forwards.map(reversed);
  for (const sorted of [sortedPositions(forwards), sortedPositions(backwards)]) {
    for (let i = 1; i < sorted.length; i++) {
      const a = keyed[sorted[i - 1]!]!;
      const b = keyed[sorted[i]!]!;
      if (a.key === b.key) report(a, b);
      else if (
        Math.min(a.key.length, b.key.length) >= NEAR_DUPLICATE_MIN_LENGTH &&
        withinOneEdit(a.key, b.key) &&
        // 新建第一小学 / 新建第二小学 are two tasks, not one written twice.
        masked(sorted[i - 1]!) !== masked(sorted[i]!)
      )
        report(a, b);
    }
  }
}
