/**
 * The CLI's JSON contract (`task-ledger check --json`). Other work builds on it: keep it stable.
 */
import { byWorkload, tallyUnits } from "../units/tally";
import { type Deadline, type Status, type TaskList, type UnitRef, formatRef } from "../model";

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
  status: { text: string; state: Status["state"]; percent: number | null };
  ref: string;
  warning?: string;
}

export interface JsonReport {
  source: { file: string; kind: "sheet" | "text" | "docx"; sheet?: string };
  asOf: string;
  year: number;
  tasks: JsonTask[];
  units: { name: string; lead: number; cooperating: number }[];
  findings: JsonFinding[];
}

const unitJson = (u: UnitRef): JsonUnitRef => ({ name: u.name, raw: u.raw, known: u.known });

export function toJsonReport(
  list: TaskList,
  asOf: string,
  findings: JsonFinding[] = [],
  warnings?: ReadonlyMap<number, string>,
): JsonReport {
  const units = tallyUnits(list).sort(byWorkload);
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
      status: { text: t.status.text, state: t.status.state, percent: t.status.percent },
      ref: formatRef(t.ref),
      ...(warnings?.has(i) ? { warning: warnings.get(i)! } : {}),
    })),
    units: units.map((u) => ({ name: u.name, lead: u.lead, cooperating: u.cooperating })),
    findings,
  };
}
