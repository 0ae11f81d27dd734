/**
 * From what a reader found to the task model: units resolved (per run, then across the list),
 * deadlines and status parsed, as of a given date.
 */
import { findDeadlineInText, parseDeadline } from "./deadlines/parse";
import type { Deadline, SourceInfo, Status, Task, TaskList, UnitRef } from "./model";
import type { RawList, RawTask } from "./read/raw";
import { milestonesDone } from "./checks/warnings";
import { parseStatus } from "./status/parse";
import type { UnitDirectory } from "./units/directory";
import { resolveAcrossList, resolveRun } from "./units/resolve";

export interface BuildOptions {
  /** As-of date, YYYY-MM-DD. Always passed in: the core has no clock. */
  asOf: string;
  /** The list's year when the user says so (--year); else the title's, else the as-of year. */
  year?: number;
  directory: UnitDirectory;
}

export function buildTaskList(raw: RawList, source: SourceInfo, opts: BuildOptions): TaskList {
  const year = opts.year ?? raw.yearHint ?? Number(opts.asOf.slice(0, 4));
  const ctx = {
    year,
    asOf: opts.asOf,
    deadlines: new Map<string, Deadline>(),
    statuses: new Map<string, Status>(),
  };
  const allRefs: UnitRef[] = [];
  const tasks: Task[] = raw.tasks.map((r) => {
    const refs = resolveRun([...r.leadNames, ...r.coopNames], opts.directory);
    allRefs.push(...refs);
    const lead = refs.slice(0, r.leadNames.length);
    const cooperating = refs.slice(r.leadNames.length);
    return {
      id: r.id,
      section: r.section,
      title: r.title,
      detail: r.detail,
      lead,
      cooperating,
      groups: [...new Set(r.groups)],
      leader: r.leader,
      person: r.person,
      ...deadlineAndStatus(r, ctx),
      responsibilityText: r.responsibilityText,
      note: r.note,
      ref: r.ref,
      fieldRefs: r.fieldRefs,
      cellErrors: r.cellErrors,
      ...(r.idShared ? { idShared: true } : {}),
    };
  });
  resolveAcrossList(allRefs, opts.directory);
  for (const t of tasks) {
    t.lead = dedupe(t.lead);
    t.cooperating = dedupe(t.cooperating);
  }
  return { source, title: raw.title, year, tasks, notes: raw.notes };
}

/**
 * A milestone set whose status says some milestones are done ("①已完成") is in progress, not
 * done: the words 已完成 speak of the milestone, not the task.
 */
interface Ctx {
  year: number;
  asOf: string;
  /** Deadline and status texts repeat across a list: each is parsed once (results are copied). */
  deadlines: Map<string, Deadline>;
  statuses: Map<string, Status>;
}

function deadlineAndStatus(r: RawTask, ctx: Ctx): Pick<Task, "deadline" | "status"> {
  const deadline = deadlineOf(r, ctx);
  const statusKey = `${r.progressText ?? ""}\u0000${r.onScheduleText ?? ""}`;
  let cached = ctx.statuses.get(statusKey);
  if (!cached) ctx.statuses.set(statusKey, (cached = parseStatus(r.progressText, r.onScheduleText)));
  const status = { ...cached };
  const count = deadline.milestones?.length ?? 0;
  const done = milestonesDone(status.text);
  if (count > 1 && done !== null && done < count && status.state === "done") status.state = "in_progress";
  return { deadline, status };
}

function deadlineOf(r: RawTask, ctx: Ctx): Deadline {
  if (r.deadlineText !== null && r.deadlineText.trim() !== "") {
    let d = ctx.deadlines.get(r.deadlineText);
    if (!d) ctx.deadlines.set(r.deadlineText, (d = parseDeadline(r.deadlineText, ctx)));
    return { ...d, ...(d.milestones ? { milestones: d.milestones.map((m) => ({ ...m })) } : {}) };
  }
  // No deadline column, or an empty cell: look for deadline wording in the task's own text.
  return findDeadlineInText(`${r.title}。${r.detail}`, ctx);
}

function dedupe(refs: UnitRef[]): UnitRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => (seen.has(r.name) ? false : (seen.add(r.name), true)));
}

export interface UnitSummary {
  name: string;
  known: boolean;
  lead: number;
  cooperating: number;
  /** Every way the list writes this unit. */
  writtenAs: string[];
}

/** Units named in the list with their lead and cooperating counts, most leads first. */
export function summarizeUnits(list: TaskList): UnitSummary[] {
  const byName = new Map<string, UnitSummary>();
  const get = (r: UnitRef) => {
    let u = byName.get(r.name);
    if (!u) {
      u = { name: r.name, known: r.known, lead: 0, cooperating: 0, writtenAs: [] };
      byName.set(r.name, u);
    }
    if (!u.writtenAs.includes(r.raw)) u.writtenAs.push(r.raw);
    return u;
  };
  for (const t of list.tasks) {
    for (const r of t.lead) get(r).lead++;
    for (const r of t.cooperating) get(r).cooperating++;
  }
  return [...byName.values()].sort(
    (a, b) => b.lead - a.lead || b.cooperating - a.cooperating || a.name.localeCompare(b.name, "zh-CN"),
  );
}
