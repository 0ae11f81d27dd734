/**
 * From what a reader found to the task model: units resolved (per run, then across the list),
 * deadlines and status parsed, as of a given date.
 */
import { findDeadlineInText, parseDeadline } from "./deadlines/parse";
import type { Deadline, SourceInfo, Task, TaskList, UnitRef } from "./model";
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
  const ctx = { year, asOf: opts.asOf };
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
function deadlineAndStatus(
  r: RawTask,
  ctx: { year: number; asOf: string },
): Pick<Task, "deadline" | "status"> {
  const deadline = deadlineOf(r, ctx);
  const status = parseStatus(r.progressText, r.onScheduleText);
  const count = deadline.milestones?.length ?? 0;
  const done = milestonesDone(status.text);
  if (count > 1 && done !== null && done < count && status.state === "done") status.state = "in_progress";
  return { deadline, status };
}

function deadlineOf(r: RawTask, ctx: { year: number; asOf: string }): Deadline {
  if (r.deadlineText !== null && r.deadlineText.trim() !== "") return parseDeadline(r.deadlineText, ctx);
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
