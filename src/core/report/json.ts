/**
 * The CLI's JSON contract (`task-ledger check --json`). Other work builds on it: keep it stable.
 */
import type { Warning } from "../checks/warnings";
import type { StatusSource, TaskCycle } from "../cycle/reports";
import { type Deadline, type Status, type TaskList, type UnitRef, formatRef } from "../model";
import { byWorkload, tallyUnits } from "../units/tally";

export interface JsonFinding {
  code: string;
  severity: "error" | "warning" | "info";
  taskId: string | null;
  department: string | null;
  ref: string | null;
  message: string;
  suggestion?: string;
}

export interface JsonUnitRef {
  name: string;
  raw: string;
  known: boolean;
}

export interface JsonTask {
  id: string;
  section: string | null;
  title: string;
  detail: string;
  lead: JsonUnitRef[];
  cooperating: JsonUnitRef[];
  groups: string[];
  leader: string | null;
  deadline: { text: string; kind: Deadline["kind"]; due: string | null };
  status: {
    text: string;
    state: Status["state"];
    percent: number | null;
    /** The period of the lead unit's latest report, or null. */
    reported: string | null;
    source: StatusSource;
    /** 序时 %, or null. */
    expected: number | null;
  };
  ref: string;
  warning?: string;
}

export interface JsonReport {
  source: { file: string; kind: "sheet" | "text" | "docx"; sheet?: string };
  asOf: string;
  year: number;
  tasks: JsonTask[];
  units: JsonUnit[];
  findings: JsonFinding[];
}

export interface JsonUnit {
  name: string;
  lead: number;
  cooperating: number;
  /** Lead tasks by state. */
  done: number;
  inProgress: number;
  behind: number;
  overdue: number;
  notReported: number;
  /** True when the unit returned this period (false before the cycle begins). */
  reported: boolean;
}

/** What the monthly cycle adds: each task's cycle state, the units that reported this period. */
export interface JsonCycle {
  tasks: readonly TaskCycle[];
  reporting: ReadonlySet<string>;
}

const unitJson = (u: UnitRef): JsonUnitRef => ({ name: u.name, raw: u.raw, known: u.known });

export function toJsonReport(
  list: TaskList,
  asOf: string,
  findings: JsonFinding[] = [],
  warnings?: ReadonlyMap<number, string>,
  cycle?: JsonCycle,
): JsonReport {
  const colours = list.tasks.map((_, i) => (warnings?.get(i) ?? "none") as Warning);
  const units = tallyUnits(
    list,
    colours,
    cycle ? { tasks: cycle.tasks, reporting: cycle.reporting } : undefined,
  ).sort(byWorkload);
  return {
    source: { ...list.source },
    asOf,
    year: list.year,
    tasks: list.tasks.map((t, i) => ({
      id: t.id,
      section: t.section,
      title: t.title,
      detail: t.detail,
      lead: t.lead.map(unitJson),
      cooperating: t.cooperating.map(unitJson),
      groups: t.groups,
      leader: t.leader,
      deadline: { text: t.deadline.text, kind: t.deadline.kind, due: t.deadline.due },
      status: {
        text: t.status.text,
        state: t.status.state,
        percent: t.status.percent,
        reported: cycle?.tasks[i]?.reported ?? null,
        source: cycle?.tasks[i]?.source ?? "list",
        expected: cycle?.tasks[i]?.expected ?? null,
      },
      ref: formatRef(t.ref),
      ...(warnings?.has(i) ? { warning: warnings.get(i)! } : {}),
    })),
    units: units.map((u) => ({
      name: u.name,
      lead: u.lead,
      cooperating: u.cooperating,
      done: u.done,
      inProgress: u.inProgress,
      behind: u.behind,
      overdue: u.overdue,
      notReported: u.notReported,
      reported: u.reported ?? false,
    })),
    findings,
  };
}
