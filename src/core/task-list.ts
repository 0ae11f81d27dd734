/**
 * From what a reader found to the task model: units resolved (per run, then across the list),
 * deadlines and status parsed, as of a given date.
 */
import { findDeadlineInText, parseDeadline } from "./deadlines/parse";
import {
  type Deadline,
  type SourceInfo,
  type Status,
  type Task,
  type TaskList,
  type UnitRef,
  formatRef,
} from "./model";
import { type RawList, type RawTask, ReadError } from "./read/raw";
import { milestonesDone } from "./checks/warnings";
import { parseStatus } from "./status/parse";
import type { UnitDirectory } from "./units/directory";
import { resolveAcrossList, runResolver } from "./units/resolve";

export interface BuildOptions {
  /** As-of date, YYYY-MM-DD. Always passed in: the core has no clock. */
  asOf: string;
  /** The list's year when the user says so (--year); else the title's, else the as-of year. */
  year?: number;
  directory: UnitDirectory;
}

/**
 * The longest text taken as one unit name (UTF-16 code units). The longest real names run to about
 * 25 (中共××县委全面深化改革委员会办公室); a longer "name" is a pasted paragraph or a broken cell, and
 * would cost the typo index the square of its length.
 */
export const MAX_UNIT_NAME = 60;

/** Stop, naming the cell, at a unit name too long to be one. */
function checkNameLengths(r: RawTask): void {
  const check = (names: readonly string[], field: "lead" | "cooperating") => {
    for (let i = 0; i < names.length; i++) {
      const n = names[i]!;
      if (n.length <= MAX_UNIT_NAME) continue;
      const where = r.fieldRefs[field] ?? r.fieldRefs.lead ?? r.ref;
      throw new ReadError(
        "read.unitNameTooLong",
        {
          where: formatRef(where),
          length: n.length.toLocaleString("en-US"),
          start: n.slice(0, 20),
          max: MAX_UNIT_NAME,
        },
        where.kind === "cell" ? where.sheet : undefined,
      );
    }
  };
  check(r.leadNames, "lead");
  check(r.coopNames, "cooperating");
}

export function buildTaskList(raw: RawList, source: SourceInfo, opts: BuildOptions): TaskList {
  for (let i = 0; i < raw.tasks.length; i++) checkNameLengths(raw.tasks[i]!);
  const year = opts.year ?? raw.yearHint ?? Number(opts.asOf.slice(0, 4));
  const ctx = {
    year,
    asOf: opts.asOf,
    ...(raw.documentDate ? { documentYear: Number(raw.documentDate.slice(0, 4)) } : {}),
    deadlines: new Map<string, Deadline>(),
    statuses: new Map<string, Status>(),
  };
  const allRefs: UnitRef[] = [];
  const resolveRun = runResolver(opts.directory);
  const tasks: Task[] = raw.tasks.map((r) => {
    const refs = resolveRun([...r.leadNames, ...r.coopNames]);
    allRefs.push(...refs);
    const lead = refs.slice(0, r.leadNames.length);
    const cooperating = refs.slice(r.leadNames.length);
    const deadline = deadlineOf(r, ctx);
    const task: Task = {
      id: r.id,
      section: r.section,
      title: r.title,
      detail: r.detail,
      lead,
      cooperating,
      groups: r.groups.length > 1 ? [...new Set(r.groups)] : r.groups,
      leader: r.leader,
      person: r.person,
      deadline,
      status: statusOf(r, deadline, ctx),
      responsibilityText: r.responsibilityText,
      note: r.note,
      ref: r.ref,
      fieldRefs: r.fieldRefs,
      cellErrors: r.cellErrors,
    };
    if (r.idShared) task.idShared = true;
    return task;
  });
  resolveAcrossList(allRefs, opts.directory);
  for (const t of tasks) {
    t.lead = dedupe(t.lead);
    t.cooperating = dedupe(t.cooperating);
  }
  return { source, title: raw.title, year, tasks, notes: raw.notes };
}

interface Ctx {
  year: number;
  asOf: string;
  documentYear?: number;
  /** Deadline and status texts repeat across a list: each is parsed once (results are shared, frozen). */
  deadlines: Map<string, Deadline>;
  statuses: Map<string, Status>;
}

/**
 * A milestone set whose status says some milestones are done ("①已完成") is in progress, not
 * done: the words 已完成 speak of the milestone, not the task.
 */
function statusOf(r: RawTask, deadline: Deadline, ctx: Ctx): Status {
  // Most lists have no on-schedule column: the progress text alone is the key then.
  const statusKey =
    r.onScheduleText === null
      ? (r.progressText ?? "")
      : `${r.progressText ?? ""}\u0000${r.onScheduleText}\u0000`;
  let status = ctx.statuses.get(statusKey);
  if (!status)
    ctx.statuses.set(statusKey, (status = Object.freeze(parseStatus(r.progressText, r.onScheduleText))));
  const count = deadline.milestones?.length ?? 0;
  if (count > 1 && status.state === "done") {
    const done = milestonesDone(status.text);
    if (done !== null && done < count) return { ...status, state: "in_progress" };
  }
  return status;
}

/** A parsed deadline, shared by every task that writes it so (its type is readonly; frozen too). */
function frozen(d: Deadline): Deadline {
  d.milestones?.forEach((m) => Object.freeze(m));
  if (d.milestones) Object.freeze(d.milestones);
  return Object.freeze(d);
}

function deadlineOf(r: RawTask, ctx: Ctx): Deadline {
  if (r.deadlineText !== null && r.deadlineText.trim() !== "") {
    let d = ctx.deadlines.get(r.deadlineText);
    if (!d) ctx.deadlines.set(r.deadlineText, (d = frozen(parseDeadline(r.deadlineText, ctx))));
    return d;
  }
  // No deadline column, or an empty cell: look for deadline wording in the task's own text.
  return findDeadlineInText(`${r.title}。${r.detail}`, ctx);
}

/** The refs without later repeats of a name. */
function dedupe(refs: UnitRef[]): UnitRef[] {
  return refs.filter((r, k) => refs.findIndex((x) => x.name === r.name) === k);
}
