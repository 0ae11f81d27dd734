/**
 * Reading a list from document text (pasted from Word or a web page, .txt/.md, or the paragraphs
 * of a .docx): numbered items, section headings, responsibility clauses in every notation.
 */
import type { ReadNote } from "../model";
import { normalizeText, tidy } from "../text/normalize";
import { labelField } from "./labels";
import {
  type Responsibility,
  findClause,
  looksLikeUnits,
  parseHeadingLead,
  parseLabelled,
} from "./notations";
import { type PastedTable, findPastedTable } from "./pasted-table";
import { ReadError, type RawList, type RawTask, findYear, parseDateLine } from "./raw";
import { readRows } from "./rows";
import { splitTitle } from "./title";

/** Kinds of numbering, from outer to inner as lists usually nest them. */
export type Marker = "cn" | "paren-cn" | "arabic" | "dotted" | "paren-arabic" | "circled" | "latin";

const MARKERS: ReadonlyArray<readonly [Marker, RegExp]> = [
  ["cn", /^([一二三四五六七八九十百]{1,4})\s*[、.．]\s*(.*)$/],
  ["paren-cn", /^([（(][一二三四五六七八九十百]{1,4}[)）])\s*[、.．]?\s*(.*)$/],
  ["dotted", /^(\d{1,5}(?:[.．]\d{1,3})+)[.．、\s]\s*(.*)$/],
  ["arabic", /^(\d{1,5})\s*[.．、](?!\d)\s*(.*)$/],
  ["paren-arabic", /^([（(]\d{1,5}[)）])\s*(.*)$/],
  // Sub-items on their own lines: ① …, a. …
  ["circled", /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(.*)$/],
  ["latin", /^([a-h])\s*[.．、)）]\s*(.*)$/],
];

interface Item {
  marker: Marker;
  id: string;
  head: string;
  /** Continuation lines (labelled lines, wrapped text). */
  more: string[];
  line: number;
  resp: Responsibility | null;
  /** Text with the responsibility clause taken out. */
  body: string;
}

const NOT_CONTINUATION = /^(附件?|注|备注|说明|抄送|印发|来源)\s*[:：]/;
/** A labelled line: "牵头单位：…", "完成时限：…". */
const LABEL_LINE = /^\s*[［[【]?([\u4e00-\u9fa5]{2,6})\s*[:：]/;

export function matchMarker(line: string): { marker: Marker; id: string; rest: string } | null {
  for (const [marker, re] of MARKERS) {
    const m = re.exec(line);
    if (m?.[1] !== undefined)
      return {
        marker,
        id: m[1].replace(/[.．]/g, ".").replace(/\(/g, "（").replace(/\)/g, "）"),
        rest: m[2] ?? "",
      };
  }
  return null;
}

function findResponsibility(item: Item): void {
  const labelled = item.more.filter((l) => isLabelLine(l));
  const wrapped = item.more.filter((l) => !isLabelLine(l));
  let text = tidy([item.head, ...wrapped].join(""));
  // Labelled lines under the task come first; a clause in the task's own text adds to them.
  let resp: Responsibility | null = labelled.length ? parseLabelled(labelled.join("；")) : null;
  const clause = findClause(text);
  if (clause && (!resp || clause.notation === "trailing-bracket")) {
    if (clause.end > clause.start) text = tidy(text.slice(0, clause.start) + text.slice(clause.end));
    resp = resp ? mergeResp(resp, clause.resp) : clause.resp;
  }
  item.resp = resp;
  item.body = text;
}

function isLabelLine(l: string): boolean {
  const m = LABEL_LINE.exec(l);
  return Boolean(m?.[1] && labelField(m[1]));
}

function mergeResp(a: Responsibility, b: Responsibility): Responsibility {
  return {
    lead: [...a.lead, ...b.lead],
    coop: [...a.coop, ...b.coop],
    groups: [...a.groups, ...b.groups],
    leader: a.leader ?? b.leader,
    person: a.person ?? b.person,
    deadlineText: [a.deadlineText, b.deadlineText].filter(Boolean).join("，") || undefined,
    text: `${a.text}；${b.text}`,
    statesFirstListedRule: a.statesFirstListedRule || b.statesFirstListedRule,
  } as Responsibility;
}

export { splitTitle } from "./title";

export interface TextReadOptions {
  /** File name or label, for messages. */
  source: string;
}

export function readText(input: string, opts: TextReadOptions): RawList {
  const text = normalizeText(input);
  const lines = text.split("\n");
  const items: Item[] = [];
  const preamble: string[] = [];
  let current: Item | null = null;
  const { from: trailerFrom, date: trailerDate } = documentTrailer(lines);
  lines.forEach((rawLine, idx) => {
    if (idx >= trailerFrom) return; // the issuing office and the date: not part of the last task
    // Markdown decoration: headings, quotes, bullets, emphasis.
    const line = tidy(rawLine)
      .replace(/^(#{1,6}\s+|>\s*|[*-]\s+)/, "")
      .replace(/\*\*/g, "");
    if (!line) return;
    const mk = matchMarker(line);
    if (mk) {
      current = {
        marker: mk.marker,
        id: mk.id,
        head: mk.rest,
        more: [],
        line: idx + 1,
        resp: null,
        body: "",
      };
      items.push(current);
    } else if (current && !NOT_CONTINUATION.test(line)) {
      (current as Item).more.push(line);
    } else if (!current) {
      preamble.push(line);
    } else {
      current = null; // 附件：… ends the list
    }
  });
  // A table pasted as text: more rows in its pattern than numbered items.
  const pasted = findPastedTable(lines.slice(0, trailerFrom));
  const pastedRows = pasted ? pasted.lineOfRow.length : 0;
  if (pasted && pastedRows > items.filter((it) => it.marker !== "cn").length) {
    const list = readPastedTable(pasted, opts.source);
    if (list) return { ...list, ...(trailerDate ? { documentDate: trailerDate } : {}) };
  }
  if (items.length === 0) {
    throw new ReadError("read.noNumberedTasks", {
      source: opts.source,
      lines: lines.filter((l) => l.trim()).length,
    });
  }
  for (const it of items) findResponsibility(it);

  const taskMarker = chooseTaskMarker(items);
  const notes: ReadNote[] = [
    { code: "TEXT_NUMBERING", message: `tasks are the items numbered ${describeMarker(taskMarker)}` },
  ];
  const tasks: RawTask[] = [];
  const headings: Heading[] = [];
  const order = MARKERS.map(([m]) => m);
  const depth = (it: Item) => order.indexOf(it.marker);
  const taskDepth = order.indexOf(taskMarker);
  /** Items under item i (deeper numbering, up to the next item as shallow as it). */
  const children = (i: number): Item[] => {
    const out: Item[] = [];
    for (let k = i + 1; k < items.length && depth(items[k]!) > depth(items[i]!); k++) out.push(items[k]!);
    return out;
  };
  items.forEach((it, i) => {
    const under = children(i);
    // A task-level item with no clause whose sub-items carry their own: a heading over them (each
    // sub-item keeps its units). A shallower item with its own clause and nothing under it: a task.
    const clauseBelow = under.some((c) => c.resp);
    const heading =
      (depth(it) < taskDepth && !(it.resp && !clauseBelow && it.marker !== "cn")) ||
      (it.marker === taskMarker && !it.resp && clauseBelow);
    if (heading) {
      while (headings.length && order.indexOf(headings.at(-1)!.marker) >= depth(it)) headings.pop();
      const headingText = tidy([it.head, ...it.more].join(""));
      const hl = parseHeadingLead(it.head);
      headings.push({
        marker: it.marker,
        id: it.id,
        text: `${it.id}${/^[（(①-⑳]/.test(it.id) ? "" : "、"}${headingText}`,
        ...hl,
      });
      return;
    }
    if (it.marker !== taskMarker && !it.resp && depth(it) > taskDepth) {
      // A deeper item under a task (sub-point): fold into the previous task's detail.
      const prev = tasks.at(-1);
      if (prev) {
        const shownId = it.marker === "latin" ? `${it.id}.` : it.id;
        prev.detail = tidy(`${prev.detail} ${shownId}${it.head} ${it.more.join("")}`);
        return;
      }
    }
    // A task ends every heading at its own depth or deeper (1. after a 1. that headed ①②).
    while (headings.length && order.indexOf(headings.at(-1)!.marker) >= depth(it)) headings.pop();
    tasks.push(toRawTask(it, headings));
  });
  const title =
    preamble.find((l) => l.length <= 60 && /(清单|任务|要点|台账|安排|分工|方案)/.test(l)) ?? null;
  const documentDate = trailerDate ?? preamble.map(parseDateLine).find(Boolean) ?? undefined;
  const yearHint =
    (title ? findYear(title) : null) ??
    (documentDate ? Number(documentDate.slice(0, 4)) : null) ??
    findYear(preamble.join("\n")) ??
    findYear(lines.slice(0, 50).join("\n"));
  return { title, yearHint, tasks, notes, ...(documentDate ? { documentDate } : {}) };
}

/** A pasted table read by the table reader, its refs made line refs again. */
function readPastedTable(pasted: PastedTable, source: string): RawList | null {
  let list: RawList;
  try {
    list = readRows(pasted.grid);
  } catch (err) {
    if (err instanceof ReadError) return null;
    throw err;
  }
  const line = (row: number) => pasted.lineOfRow[row - 1] ?? row;
  const tasks = list.tasks.map((t) => ({
    ...t,
    ref: { kind: "line" as const, line: t.ref.kind === "cell" ? line(t.ref.row) : 0 },
    fieldRefs: {},
  }));
  const notes = [
    { code: "PASTED_TABLE", message: `${source}: read as a table pasted as text (one row per line)` },
    ...list.notes.map((n) => {
      const { ref, ...rest } = n;
      return ref?.kind === "cell" ? { ...rest, ref: { kind: "line" as const, line: line(ref.row) } } : n;
    }),
  ];
  const { layout, ...rest } = list;
  void layout;
  return { ...rest, tasks, notes };
}

/** Longest line taken as the issuing office's signature. */
const MAX_SIGNATURE = 24;

/**
 * The lines a document ends with: the issuing office and the date on their own lines
 * ("县人民政府办公室" / "2023年6月30日"), perhaps a 印发 line. Only when a date line is among them:
 * a unit name alone on a line may otherwise be a task's responsibility.
 */
function documentTrailer(lines: readonly string[]): { from: number; date: string | null } {
  let i = lines.length - 1;
  while (i >= 0 && !lines[i]!.trim()) i--;
  let from = lines.length;
  let date: string | null = null;
  for (let seen = 0; i >= 0 && seen < 4; i--) {
    const l = tidy(lines[i]!);
    if (!l) continue;
    seen++;
    const d = parseDateLine(l);
    if (d && !date) {
      date = d;
      from = i;
    } else if (date && l.length <= MAX_SIGNATURE && !matchMarker(l) && looksLikeUnits(l)) from = i;
    else break;
  }
  return date ? { from, date } : { from: lines.length, date: null };
}

interface Heading {
  marker: Marker;
  id: string;
  text: string;
  lead?: string;
  leader?: string;
}

/** Numbering that restarts under each parent item: a sub-item's id is written with its parent's. */
const NESTED_UNDER: ReadonlySet<Marker> = new Set(["arabic", "dotted", "paren-arabic", "circled"]);

function toRawTask(it: Item, headings: Heading[]): RawTask {
  const parent = headings.at(-1);
  const id = parent && NESTED_UNDER.has(parent.marker) ? `${parent.id}${it.id}` : it.id;
  const section = headings.length ? headings.map((h) => h.text).join(" / ") : null;
  const headingLead = [...headings].reverse().find((h) => h.lead)?.lead;
  const headingLeader = [...headings].reverse().find((h) => h.leader)?.leader;
  const { title, detail } = splitTitle(it.body);
  const r = it.resp;
  const leadNames = r?.lead.length ? r.lead : headingLead ? [headingLead] : [];
  return {
    id,
    section,
    title,
    detail,
    leadNames,
    coopNames: r?.coop ?? [],
    groups: r?.groups ?? [],
    responsibilityText: r?.text ?? (headingLead ? `${headingLead}牵头` : ""),
    leader: r?.leader ?? headingLeader ?? null,
    person: r?.person ?? null,
    deadlineText: r?.deadlineText ?? null,
    progressText: null,
    onScheduleText: null,
    note: null,
    ref: { kind: "line", line: it.line },
    fieldRefs: {},
    cellErrors: [],
  };
}

/** The numbering that marks tasks: the kind most often followed by a responsibility. */
function chooseTaskMarker(items: Item[]): Marker {
  const withResp = new Map<Marker, number>();
  const all = new Map<Marker, number>();
  for (const it of items) {
    all.set(it.marker, (all.get(it.marker) ?? 0) + 1);
    if (it.resp) withResp.set(it.marker, (withResp.get(it.marker) ?? 0) + 1);
  }
  // Ties go to the outer numbering: sub-items (①, a.) carry clauses only now and then.
  const depthOf = (m: Marker) => MARKERS.findIndex(([k]) => k === m);
  const best = [...withResp.entries()].sort((a, b) => b[1] - a[1] || depthOf(a[0]) - depthOf(b[0]))[0];
  if (best) return best[0];
  // No clause anywhere (leads from headings, or none): the innermost numbering.
  const order = MARKERS.map(([m]) => m);
  return [...all.keys()].sort((a, b) => order.indexOf(b) - order.indexOf(a))[0]!;
}

function describeMarker(m: Marker): string {
  const shown: Record<Marker, string> = {
    cn: "一、",
    "paren-cn": "（一）",
    arabic: "1.",
    dotted: "1.1",
    "paren-arabic": "(1)",
    circled: "①",
    latin: "a.",
  };
  return shown[m];
}
