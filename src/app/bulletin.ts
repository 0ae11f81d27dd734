/**
 * The bulletin (通报) from a ledger: what one read of the workbook found — the list with the cycle
 * applied, the checks' warnings, the one per-unit tally, the period, the reports and the previous
 * standing — mapped onto the plain `BulletinInput`. Nothing is counted here that the tally or the
 * checks do not already count, so the bulletin says what `check --json` says.
 *
 * Its issue number (第N期), publication name and office are kept with the workbook
 * (`LedgerSettings.bulletin`); writing a bulletin stores the next number through the port.
 */
import { effectiveDue } from "../core/checks/warnings";
import { daysBetween } from "../core/deadlines/dates";
import { listStart, expectedProgress } from "../core/cycle/schedule";
import type { LedgerSettings } from "../core/plan/model";
import type {
  BulletinDueSoon,
  BulletinInput,
  BulletinState,
  BulletinTask,
  BulletinUnit,
  Lang,
} from "../core/report/bulletin";
import { stateBucket } from "../core/report/figures";
import { worstFirst } from "../core/units/tally";
import type { WorkbookPort } from "./port";
import type { WorkbookRead } from "./read";

export type BulletinSettings = NonNullable<LedgerSettings["bulletin"]>;

export interface BulletinOptions {
  lang: Lang;
  /** The bulletin's date, YYYY-MM-DD (the shell's today). */
  date: string;
  /** Given for this run; else the number stored with the workbook; else 1. */
  issue?: number;
  title?: string;
  /** Given for this run; else stored; else the default. */
  publication?: string;
  office?: string;
  /** The names used when neither is given nor stored (from the language's table). */
  defaults: { publication: string; office: string };
}

/**
 * Each task in exactly one class, the gravest first: done, overdue (red), behind (yellow), then
 * 未报送 (its lead unit did not report this period), on schedule (green or due soon), and the rest
 * (no dated deadline to hold it against).
 */
function taskState(read: WorkbookRead, i: number): BulletinState {
  const task = read.list.tasks[i]!;
  const bucket = stateBucket(task, read.cycle.tasks[i]);
  const warning = read.checks.warnings[i] ?? "none";
  if (bucket === "done") return "done";
  if (warning === "red") return "overdue";
  if (warning === "yellow") return "behind";
  if (bucket === "notReported") return "notReported";
  if (warning === "green" || warning === "blue") return "onTrack";
  return "inProgress";
}

export function bulletinInput(read: WorkbookRead, opts: BulletinOptions): BulletinInput {
  const asOf = read.options.asOf;
  const stored = read.settings?.bulletin;
  const tasks: BulletinTask[] = read.list.tasks.map((task, i) => {
    const state = taskState(read, i);
    const cycle = read.cycle.tasks[i];
    const due = effectiveDue(task);
    const expected = cycle?.expected ?? null;
    const progress = cycle?.latest?.progress ?? task.status.text;
    return {
      id: task.id,
      section: task.section ?? "",
      title: task.title,
      lead: task.lead.map((u) => u.name),
      state,
      due,
      ...(state === "overdue" && due ? { daysOverdue: daysBetween(due, asOf) } : {}),
      ...(state === "behind" && expected !== null
        ? {
            expected,
            pointsBehind:
              task.status.percent !== null ? Math.round((expected - task.status.percent) * 10) / 10 : 0,
          }
        : {}),
      ...(progress.trim() ? { progress } : {}),
    };
  });

  const dueSoon: BulletinDueSoon[] = [];
  read.list.tasks.forEach((task, i) => {
    const due = effectiveDue(task);
    if (read.checks.warnings[i] === "blue" && due)
      dueSoon.push({
        id: task.id,
        title: task.title,
        lead: task.lead.map((u) => u.name),
        due,
        daysLeft: daysBetween(asOf, due),
      });
  });

  // Ranked as the summary sheet ranks (worst first), numbered best first: rank 1 is the best.
  const leading = read.units.filter((u) => u.lead > 0);
  const best = [...leading].sort(worstFirst).reverse();
  const previous = read.cycle.previous;
  const units: BulletinUnit[] = best.map((u, k) => {
    const before = previous?.units.get(u.name);
    return {
      name: u.name,
      lead: u.lead,
      done: u.done,
      behind: u.behind,
      overdue: u.overdue,
      notReported: u.notReported,
      rate: u.rate ?? 0,
      rank: k + 1,
      ...(before && previous
        ? { previous: { rate: before.rate ?? 0, rank: previous.units.size - before.rank + 1 } }
        : {}),
    };
  });

  const year = read.list.year;
  const start = listStart(year, read.cycle.settings.start);
  const end = `${year}-12-31`;
  const percent = expectedProgress(start, end, asOf);

  return {
    lang: opts.lang,
    asOf,
    period: read.cycle.period,
    issue: opts.issue ?? stored?.issue ?? 1,
    publication: opts.publication ?? stored?.publication ?? opts.defaults.publication,
    office: opts.office ?? stored?.office ?? opts.defaults.office,
    date: opts.date,
    ...(opts.title ? { title: opts.title } : {}),
    ...(percent !== null
      ? { schedule: { start, end, percent, behindPoints: read.cycle.settings.behindPoints } }
      : {}),
    tasks,
    units,
    // Units that lead tasks and have no taken report for the period (none before the cycle begins).
    notReporting: leading.filter((u) => u.reported === false).map((u) => u.name),
    dueSoon,
  };
}

/** What the workbook keeps once this bulletin is out: its names, and the next issue's number. */
export function nextBulletinSettings(input: BulletinInput): BulletinSettings {
  return { publication: input.publication, office: input.office, issue: input.issue + 1 };
}

/**
 * Keep the bulletin's settings with the workbook: only the settings change (its names and the next
 * issue number); every sheet, the generated ones included, is left as it is. Only a workbook this
 * tool has generated keeps them; for a bare list it returns null and writes nothing.
 */
export async function storeBulletin(
  port: WorkbookPort,
  read: WorkbookRead,
  input: BulletinInput,
): Promise<LedgerSettings | null> {
  const stored = read.settings;
  if (!stored) return null;
  const settings: LedgerSettings = { ...stored, bulletin: nextBulletinSettings(input) };
  // The port is told there was nothing generated to remove: the plan writes no sheet.
  await port.apply({ sheets: [], settings }, { ...stored, generated: [] });
  return settings;
}
