/**
 * The bulletin (通报, issue 13) as plain data: what it says, in which order, in which language.
 * A renderer (the Word adapter) decides only how it looks.
 *
 * The input is deliberately plain — counts, states and gaps already decided — so that the
 * monthly-cycle model (periods, 序时, 未报送) can be mapped onto it without this module knowing
 * how they were computed.
 */
export type Lang = "zh-CN" | "en";

/** Message keys this module asks for; the i18n tables provide them. */
export type BulletinKey =
  | "bulletin.title"
  | "bulletin.titleYear"
  | "bulletin.issue"
  | "bulletin.h.overall"
  | "bulletin.h.lists"
  | "bulletin.h.units"
  | "bulletin.h.problems"
  | "bulletin.h.requirements"
  | "bulletin.overall"
  | "bulletin.overallRest"
  | "bulletin.schedule"
  | "bulletin.scheduleNoPoints"
  | "bulletin.list.overdue"
  | "bulletin.list.behind"
  | "bulletin.list.dueSoon"
  | "bulletin.list.notReporting"
  | "bulletin.list.none"
  | "bulletin.entry.overdue"
  | "bulletin.entry.behind"
  | "bulletin.entry.dueSoon"
  | "bulletin.entry.notReporting"
  | "bulletin.unitsIntro"
  | "bulletin.col.rank"
  | "bulletin.col.unit"
  | "bulletin.col.lead"
  | "bulletin.col.done"
  | "bulletin.col.behind"
  | "bulletin.col.overdue"
  | "bulletin.col.rate"
  | "bulletin.col.change"
  | "bulletin.change.new"
  | "bulletin.change.up"
  | "bulletin.change.down"
  | "bulletin.change.same"
  | "bulletin.point"
  | "bulletin.annex"
  | "bulletin.annexTitle"
  | "bulletin.annexNone"
  | "bulletin.col.id"
  | "bulletin.col.title"
  | "bulletin.col.leadUnits"
  | "bulletin.col.due"
  | "bulletin.col.gap"
  | "bulletin.col.progress"
  | "bulletin.gap.overdue"
  | "bulletin.gap.behind"
  | "bulletin.noProgress"
  | "bulletin.noLead"
  | "bulletin.page";

/** The words of one language: the i18n table's translate function and its date format. */
export interface BulletinWords {
  t: (key: BulletinKey, params?: Record<string, string | number>) => string;
  /** YYYY-MM-DD as the language writes it (2024年7月1日 / 1 July 2024). */
  date: (ymd: string) => string;
}

export type BulletinState = "done" | "onTrack" | "behind" | "overdue" | "notReported" | "inProgress";

export interface BulletinTask {
  id: string;
  section: string;
  title: string;
  /** Lead units, canonical names; the first is named first. */
  lead: string[];
  state: BulletinState;
  /** YYYY-MM-DD, when the task has one. */
  due?: string | null;
  /** For overdue tasks: days past the deadline. */
  daysOverdue?: number;
  /** For behind tasks: percentage points below the expected progress. */
  pointsBehind?: number;
  /** Expected progress (序时) for this task, 0–100. */
  expected?: number;
  /** The latest progress text a unit reported. */
  progress?: string;
}

export interface BulletinUnit {
  name: string;
  lead: number;
  done: number;
  behind: number;
  overdue: number;
  notReported: number;
  /** Share of lead tasks done, 0..1. */
  rate: number;
  /** 1 = best. */
  rank: number;
  /** The previous issue's figures, when known. */
  previous?: { rate: number; rank: number };
}

export interface BulletinDueSoon {
  id: string;
  title: string;
  lead: string[];
  due: string;
  daysLeft: number;
}

export interface BulletinInput {
  lang: Lang;
  /** YYYY-MM-DD: the date the figures are counted to. */
  asOf: string;
  /** YYYY-MM: the reporting period. */
  period: string;
  issue: number;
  /** e.g. 重点工作督查通报 */
  publication: string;
  /** The issuing office, e.g. 县委督查室. */
  office: string;
  /** YYYY-MM-DD: the bulletin's date. */
  date: string;
  /** Overrides the default title. */
  title?: string;
  /** How 序时 was computed: the span and the share elapsed at as-of (0–100). */
  schedule?: { start: string; end: string; percent: number; behindPoints?: number };
  tasks: BulletinTask[];
  units: BulletinUnit[];
  /** Units that did not report this period. */
  notReporting: string[];
  dueSoon: BulletinDueSoon[];
}

export type ListName = "overdue" | "behind" | "dueSoon" | "notReporting";
export type Tone = "red" | "yellow" | "blue" | "none";

export type BulletinBlock =
  | { kind: "heading"; level: 1 | 2; text: string; tone?: Tone }
  | { kind: "paragraph"; text: string }
  /** A named list; `empty` is said when it has no items. */
  | { kind: "list"; name: ListName; tone: Tone; heading: string; items: string[]; empty: string }
  | {
      kind: "table";
      name: "units" | "annex";
      header: string[];
      rows: string[][];
      /** Relative column widths. */
      widths: number[];
      /** Columns holding numbers (right/centre aligned by the renderer). */
      numeric: number[];
    }
  | { kind: "placeholder"; heading: string; points: string[] }
  /** An annex starts: its label (附件1) and its title. */
  | { kind: "annex"; label: string; title: string }
  | { kind: "pageBreak" };

export interface BulletinDoc {
  lang: Lang;
  masthead: { publication: string; issue: string; office: string; date: string };
  title: string;
  blocks: BulletinBlock[];
  /** Footer page-number pattern; {page} is the page number. */
  pageNumber: string;
}

/** Order of the five classes (and the sixth, in progress without a 序时 verdict) in 总体情况. */
const CLASSES = ["done", "onTrack", "behind", "overdue", "notReported", "inProgress"] as const;

/**
 * Shares in percent to one decimal that add up to exactly 100.0 (largest remainder), so a reader
 * who adds the shares of 总体情况 finds 100. All zero for an empty list.
 */
export function sharesToOneDecimal(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 1000) / total);
  const tenths = exact.map(Math.floor);
  let left = 1000 - tenths.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, rem: e - Math.floor(e) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    tenths[i]!++;
    left--;
  }
  return tenths.map((t) => t / 10);
}

const oneDecimal = (n: number) => n.toFixed(1);

/** A title quoted inside “…”: its own double quotes become single ones (“提升‘三保障’…”). */
const inner = (title: string) => title.replace(/“/g, "‘").replace(/”/g, "’");

export function buildBulletin(input: BulletinInput, words: BulletinWords): BulletinDoc {
  const { t, date } = words;
  const zh = input.lang === "zh-CN";
  const units = (names: readonly string[]) =>
    names.length ? names.join(zh ? "、" : ", ") : t("bulletin.noLead");
  const [year, month] = input.period.split("-").map(Number);
  const title =
    input.title ??
    (month ? t("bulletin.title", { year: year!, month: month }) : t("bulletin.titleYear", { year: year! }));

  const blocks: BulletinBlock[] = [];

  // 一、总体情况: every class with its count and share; the shares add up to 100.0.
  const counts = CLASSES.map((c) => input.tasks.filter((task) => task.state === c).length);
  const shares = sharesToOneDecimal(counts).map(oneDecimal);
  const param = (i: number) => ({ n: counts[i]!, pct: shares[i]! });
  const [done, onTrack, behind, overdue, notReported, inProgress] = CLASSES.map((_, i) => param(i));
  blocks.push({ kind: "heading", level: 1, text: t("bulletin.h.overall") });
  blocks.push({
    kind: "paragraph",
    text: t("bulletin.overall", {
      asOf: date(input.asOf),
      total: input.tasks.length,
      done: done!.n,
      donePct: done!.pct,
      onTrack: onTrack!.n,
      onTrackPct: onTrack!.pct,
      behind: behind!.n,
      behindPct: behind!.pct,
      overdue: overdue!.n,
      overduePct: overdue!.pct,
      notReported: notReported!.n,
      notReportedPct: notReported!.pct,
      rest: inProgress!.n
        ? t("bulletin.overallRest", { inProgress: inProgress!.n, inProgressPct: inProgress!.pct })
        : "",
    }),
  });
  if (input.schedule) {
    const s = input.schedule;
    const params = {
      start: date(s.start),
      end: date(s.end),
      asOf: date(input.asOf),
      percent: oneDecimal(s.percent),
    };
    blocks.push({
      kind: "paragraph",
      text:
        s.behindPoints !== undefined
          ? t("bulletin.schedule", { ...params, points: s.behindPoints })
          : t("bulletin.scheduleNoPoints", params),
    });
  }

  // 二、named lists: unit + 第N项 + task + the gap.
  blocks.push({ kind: "heading", level: 1, text: t("bulletin.h.lists") });
  const overdueTasks = input.tasks
    .filter((task) => task.state === "overdue")
    .sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0));
  const behindTasks = input.tasks
    .filter((task) => task.state === "behind")
    .sort((a, b) => (b.pointsBehind ?? 0) - (a.pointsBehind ?? 0));
  blocks.push({
    kind: "list",
    name: "overdue",
    tone: "red",
    heading: t("bulletin.list.overdue", { n: overdueTasks.length }),
    empty: t("bulletin.list.none"),
    items: overdueTasks.map((task) =>
      t("bulletin.entry.overdue", {
        units: units(task.lead),
        id: task.id,
        title: inner(task.title),
        days: task.daysOverdue ?? 0,
      }),
    ),
  });
  blocks.push({
    kind: "list",
    name: "behind",
    tone: "yellow",
    heading: t("bulletin.list.behind", { n: behindTasks.length }),
    empty: t("bulletin.list.none"),
    items: behindTasks.map((task) =>
      t("bulletin.entry.behind", {
        units: units(task.lead),
        id: task.id,
        title: inner(task.title),
        points: oneDecimal(task.pointsBehind ?? 0),
        expected: oneDecimal(task.expected ?? 0),
      }),
    ),
  });
  const dueSoon = [...input.dueSoon].sort((a, b) => a.daysLeft - b.daysLeft);
  blocks.push({
    kind: "list",
    name: "dueSoon",
    tone: "blue",
    heading: t("bulletin.list.dueSoon", { n: dueSoon.length }),
    empty: t("bulletin.list.none"),
    items: dueSoon.map((task) =>
      t("bulletin.entry.dueSoon", {
        units: units(task.lead),
        id: task.id,
        title: inner(task.title),
        due: date(task.due),
        days: task.daysLeft,
      }),
    ),
  });
  blocks.push({
    kind: "list",
    name: "notReporting",
    tone: "none",
    heading: t("bulletin.list.notReporting", { n: input.notReporting.length }),
    empty: t("bulletin.list.none"),
    items: input.notReporting.length
      ? [t("bulletin.entry.notReporting", { units: units(input.notReporting) })]
      : [],
  });

  // 三、the unit table, best first.
  blocks.push({ kind: "heading", level: 1, text: t("bulletin.h.units") });
  blocks.push({ kind: "paragraph", text: t("bulletin.unitsIntro") });
  const ranked = [...input.units].sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, "zh-CN"));
  blocks.push({
    kind: "table",
    name: "units",
    header: [
      t("bulletin.col.rank"),
      t("bulletin.col.unit"),
      t("bulletin.col.lead"),
      t("bulletin.col.done"),
      t("bulletin.col.behind"),
      t("bulletin.col.overdue"),
      t("bulletin.col.rate"),
      t("bulletin.col.change"),
    ],
    rows: ranked.map((u) => [
      String(u.rank),
      u.name,
      String(u.lead),
      String(u.done),
      String(u.behind),
      String(u.overdue),
      `${oneDecimal(u.rate * 100)}%`,
      change(u, t, zh),
    ]),
    widths: [7, 24, 10, 9, 8, 8, 12, 22],
    numeric: [0, 2, 3, 4, 5, 6, 7],
  });

  // 四、五、headed placeholders for the clerk.
  const points = [1, 2, 3].map((n) => t("bulletin.point", { n }));
  blocks.push({ kind: "placeholder", heading: t("bulletin.h.problems"), points });
  blocks.push({ kind: "placeholder", heading: t("bulletin.h.requirements"), points });

  // 附件1: behind and overdue tasks with their latest progress.
  blocks.push({ kind: "pageBreak" });
  blocks.push({ kind: "annex", label: t("bulletin.annex"), title: t("bulletin.annexTitle") });
  const late = [...overdueTasks, ...behindTasks];
  if (late.length === 0) blocks.push({ kind: "paragraph", text: t("bulletin.annexNone") });
  else
    blocks.push({
      kind: "table",
      name: "annex",
      header: [
        t("bulletin.col.id"),
        t("bulletin.col.title"),
        t("bulletin.col.leadUnits"),
        t("bulletin.col.due"),
        t("bulletin.col.gap"),
        t("bulletin.col.progress"),
      ],
      rows: late.map((task) => [
        task.id,
        task.title,
        units(task.lead),
        task.due ? date(task.due) : "—",
        task.state === "overdue"
          ? t("bulletin.gap.overdue", { days: task.daysOverdue ?? 0 })
          : t("bulletin.gap.behind", { points: oneDecimal(task.pointsBehind ?? 0) }),
        task.progress?.trim() || t("bulletin.noProgress"),
      ]),
      widths: [6, 24, 15, 15, 14, 32],
      numeric: [0],
    });

  return {
    lang: input.lang,
    masthead: {
      publication: input.publication,
      issue: t("bulletin.issue", { issue: input.issue }),
      office: input.office,
      date: date(input.date),
    },
    title,
    blocks,
    pageNumber: t("bulletin.page", { page: "{page}" }),
  };
}

/** "+5.0（升2位）": the completion rate's change in points and the rank's move. */
function change(u: BulletinUnit, t: BulletinWords["t"], zh: boolean): string {
  if (!u.previous) return t("bulletin.change.new");
  const delta = (u.rate - u.previous.rate) * 100;
  const points = `${delta >= 0 ? "+" : "−"}${oneDecimal(Math.abs(delta))}`;
  const move = u.previous.rank - u.rank;
  const rank =
    move > 0
      ? t("bulletin.change.up", { n: move })
      : move < 0
        ? t("bulletin.change.down", { n: -move })
        : t("bulletin.change.same");
  return zh ? `${points}（${rank}）` : `${points} (${rank})`;
}
