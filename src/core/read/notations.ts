/**
 * Responsibility notations in document text, one small parser each (in the manner of chrono):
 * labelled lines, labelled parenthesis or brackets, verb form in a parenthesis or in prose, and the
 * plain trailing parenthesis where the first listed unit leads.
 */
import { findDeadlineInText } from "../deadlines/parse";
import { UNIT_SUFFIX, isCatchAll, splitResponsibility, splitTopLevel } from "../units/responsibility";
import { LABEL_BEFORE_COLON, UNIT_LABEL_INLINE, labelField } from "./labels";

export interface Responsibility {
  lead: string[];
  coop: string[];
  groups: string[];
  leader?: string;
  person?: string;
  deadlineText?: string;
  /** The responsibility text as written. */
  text: string;
  /** The text states the first-listed-leads rule ("首位单位为牵头单位，下同"). */
  statesFirstListedRule?: boolean;
}

export type { LabelField } from "./labels";
export { labelField } from "./labels";

const FIRST_LISTED_NOTE =
  /[(（]\s*(首位|排名第一|排第一|第一|排在首位|列第一位|排在第一位)[的]?(单位|部门|位)?[为是]?牵头(单位|部门)?[^)）]*[)）]/;

/** Does this list of tokens look like responsibility (units, groups) rather than prose? */
export function looksLikeUnits(text: string): boolean {
  const s = splitResponsibility(text);
  const tokens = [...s.units, ...s.groups];
  if (tokens.length === 0) return false;
  if (tokens.some((t) => t.length > 30)) return false;
  const unitLike = tokens.filter((t) => isCatchAll(t) || UNIT_SUFFIX.test(t.replace(/\(.*\)$/, "")));
  return unitLike.length * 2 >= tokens.length && unitLike.length > 0;
}

/** A token that is a deadline ("10月底前完成") rather than a unit. */
function isDeadlineToken(token: string): boolean {
  const d = findDeadlineInText(token, { year: 2000, asOf: "2000-01-01" });
  return d.kind !== "none" && d.text.length >= token.replace(/完成|前/g, "").length * 0.5;
}

/** Split a units text, taking deadline tokens out. */
function unitsOf(text: string): { units: string[]; groups: string[]; deadline: string[] } {
  const deadline: string[] = [];
  const kept: string[] = [];
  for (const tok of splitTopLevel(text)) {
    if (isDeadlineToken(tok)) deadline.push(tok);
    else kept.push(tok);
  }
  const s = splitResponsibility(kept.join("、"));
  return { units: s.units, groups: s.groups, deadline };
}

/** Labelled segments: "牵头单位：A、B；配合单位：C，10月底前完成" (also over several lines). */
export function parseLabelled(text: string): Responsibility | null {
  const matches = [...text.matchAll(LABEL_BEFORE_COLON)];
  if (matches.length === 0) return null;
  const r: Responsibility = { lead: [], coop: [], groups: [], text: text.trim() };
  let either: string[] | null = null;
  const deadlines: string[] = [];
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    const field = labelField(m[1] ?? "");
    const start = m.index + m[0].length;
    const end = i + 1 < matches.length ? matches[i + 1]!.index : text.length;
    let value = text
      .slice(start, end)
      .replace(/[；;，,。\s]+$/, "")
      .trim();
    if (FIRST_LISTED_NOTE.test(value)) {
      r.statesFirstListedRule = true;
      value = value.replace(FIRST_LISTED_NOTE, "");
    }
    if (!field || !value) continue;
    if (field === "leader") r.leader = value;
    else if (field === "person") r.person = value;
    else if (field === "deadline") deadlines.push(value);
    else {
      const u = unitsOf(value);
      deadlines.push(...u.deadline);
      r.groups.push(...u.groups);
      if (field === "lead") r.lead.push(...u.units);
      else if (field === "coop") r.coop.push(...u.units);
      else either = [...(either ?? []), ...u.units];
    }
  }
  if (either) {
    // 责任单位 beside a 牵头 label cooperates; alone, its first listed unit leads.
    if (r.lead.length > 0) r.coop.push(...either);
    else {
      r.lead.push(...either.slice(0, 1));
      r.coop.push(...either.slice(1));
    }
  }
  if (deadlines.length) r.deadlineText = deadlines.join("，");
  return r;
}

/** Verb form: "县政府办、县审批局牵头，县直各有关部门按职责分工负责". */
export function parseVerbForm(text: string): Responsibility | null {
  const m = /^(?:由)?(.+?)(?:共同)?牵头(?:负责|抓总)?[，,；;、]?(.*)$/s.exec(text.trim());
  if (!m?.[1]) return null;
  const leadPart = unitsOf(m[1]);
  if (leadPart.units.length + leadPart.groups.length === 0) return null;
  const rest = (m[2] ?? "")
    .replace(
      /(按职责分工负责|按照职责分工负责|分工负责|负责落实|配合|协同配合|协助|参与|协同|负责)([，,；;。]|$)/g,
      "$2",
    )
    .replace(/[。\s]+$/, "");
  const coopPart = unitsOf(rest);
  const deadlines = [...leadPart.deadline, ...coopPart.deadline];
  return {
    lead: leadPart.units,
    coop: coopPart.units,
    groups: [...leadPart.groups, ...coopPart.groups],
    text: text.trim(),
    ...(deadlines.length ? { deadlineText: deadlines.join("，") } : {}),
  };
}

/** Plain list, first listed leads: "县农业农村局、县卫健局、县财政局，各镇". */
export function parsePlainList(text: string): Responsibility | null {
  let t = text;
  let statesFirstListedRule = false;
  if (FIRST_LISTED_NOTE.test(t)) {
    statesFirstListedRule = true;
    t = t.replace(FIRST_LISTED_NOTE, "");
  }
  if (!looksLikeUnits(t)) return null;
  const u = unitsOf(t);
  // The first listed leads; a catch-all listed first leaves the task with no lead unit.
  const first = splitTopLevel(t)[0] ?? "";
  const firstIsGroup =
    isCatchAll(first.replace(/^.*?(及|等)/, "")) && !u.units.some((x) => first.startsWith(x));
  const lead = firstIsGroup ? [] : u.units.slice(0, 1);
  const coop = firstIsGroup ? u.units : u.units.slice(1);
  return {
    lead,
    coop,
    groups: u.groups,
    text: text.trim(),
    ...(u.deadline.length ? { deadlineText: u.deadline.join("，") } : {}),
    ...(statesFirstListedRule ? { statesFirstListedRule } : {}),
  };
}

/** Content of a bracket: labelled, verb form, or a plain list, in that order. */
export function parseBracketContent(content: string): Responsibility | null {
  return (
    parseLabelled(content) ??
    (/牵头/.test(content) ? parseVerbForm(content) : null) ??
    parsePlainList(content)
  );
}

const TRAILING_BRACKET =
  /[(（［[【]([^()（）［\]【】]*(?:[(（][^()（）]*[)）][^()（）［\]【】]*)*)[)）］\]】]\s*[。.;；]?\s*$/;

/** A responsibility clause at the end of a task's text: (…), （…）, ［…］, 【…】. */
export function parseTrailingClause(text: string): { resp: Responsibility; start: number } | null {
  const m = TRAILING_BRACKET.exec(text);
  if (!m?.[1]) return null;
  const resp = parseBracketContent(m[1]);
  return resp ? { resp, start: m.index } : null;
}

/**
 * A responsibility bracket inside the text rather than at its end ("任务甲（县财政局）10月底前完成"):
 * the last bracket whose every token is a unit or a catch-all. Stricter than a trailing clause,
 * since prose brackets are common ("（不发生规模性返贫）").
 */
export function parseInnerClause(text: string): { resp: Responsibility; start: number; end: number } | null {
  const re = /[(（［[【]([^()（）［\]【】]{2,200})[)）］\]】]/g;
  let found: { resp: Responsibility; start: number; end: number } | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const content = m[1]!;
    const s = splitResponsibility(content.replace(LABEL_BEFORE_COLON, ""));
    const tokens = [...s.units, ...s.groups];
    const allUnits = tokens.length > 0 && tokens.every((t) => isCatchAll(t) || UNIT_SUFFIX.test(t));
    if (!allUnits && !new RegExp(LABEL_BEFORE_COLON.source).test(content)) continue;
    const resp = parseBracketContent(content);
    if (resp && resp.lead.length + resp.coop.length + resp.groups.length > 0) {
      found = { resp, start: m.index, end: m.index + m[0].length };
    }
  }
  return found;
}

/** Verb form in prose: "由县人社局牵头，县民政局配合，……". */
export function parseProseVerb(text: string): Responsibility | null {
  const m =
    /由([^，,。；;（(]{2,60}?)牵头(?:[，,、]([^。；;]{2,120}?)(?:配合|参与|协同|协助|按职责分工负责|负责))?/.exec(
      text,
    );
  if (!m) return null;
  return parseVerbForm(`${m[1]}牵头，${m[2] ?? ""}`);
}

/** A section heading that names the lead: "二、县住建局牵头工作（6项）", "一、张某副县长牵头工作". */
export function parseHeadingLead(heading: string): { lead?: string; leader?: string } | null {
  const m =
    /^(.+?)(?:共同)?牵头(?:的|负责的)?(?:重点)?(?:工作|任务|事项)?\s*(?:[(（]\s*\d+\s*项\s*[)）])?\s*[:：]?$/.exec(
      heading.trim(),
    );
  if (!m?.[1]) return null;
  const who = m[1].trim();
  if (/(县长|书记|主任|部长|区长|常委|主席|领导|同志)$/.test(who)) return { leader: who };
  return looksLikeUnits(who) ? { lead: who } : null;
}

/**
 * Verb first, at the start of the task: "由县财政局、县发改局负责，…" (first listed leads),
 * "由县人社局牵头，县民政局配合，…". The clause is taken out of the task's text.
 */
export function parseVerbFirst(text: string): { resp: Responsibility; end: number } | null {
  const m =
    /^(?:由)?([^，,。；;：:（(]{2,80}?)(?:共同)?(牵头|负责|承办|主办|组织实施|具体负责)(?:[，,、]([^，,。；;：:]{2,120}?)(?:配合|参与|协同配合|协助|协同|按职责分工负责))?[，,：:。；;]/.exec(
      text.trim(),
    );
  if (!m?.[1]) return null;
  // Without 由 the subject must be nothing but units ("县文旅局负责，…"), never prose.
  if (!text.trimStart().startsWith("由")) {
    const s = splitResponsibility(m[1]);
    const tokens = [...s.units, ...s.groups];
    if (!tokens.length || !tokens.every((t) => isCatchAll(t) || UNIT_SUFFIX.test(t))) return null;
  }
  const offset = text.length - text.trimStart().length;
  const end = offset + m[0].length;
  if (m[2] === "牵头") {
    const resp = parseVerbForm(`${m[1]}牵头，${m[3] ?? ""}`);
    return resp && resp.lead.length + resp.groups.length > 0 ? { resp, end } : null;
  }
  const lead = parsePlainList(m[1]);
  if (!lead) return null;
  if (m[3]) {
    const coop = unitsOf(m[3]);
    lead.coop.push(...coop.units);
    lead.groups.push(...coop.groups);
  }
  return { resp: { ...lead, text: m[0].replace(/[，,：:。；;]$/, "") }, end };
}

/** A responsibility clause found in a task's text, and the span of text it takes out. */
export interface ClauseMatch {
  notation: string;
  resp: Responsibility;
  /** The span to take out of the task's text; empty (start === end) when the clause stays prose. */
  start: number;
  end: number;
}

/** One way of writing responsibility in a task's text: one small parser. */
export interface TextNotation {
  name: string;
  find(text: string): ClauseMatch | null;
}

/**
 * The notations of a task's own text, in order of precedence (labelled lines under a task are
 * read apart, before these). Adding a notation means adding an entry here with its own tests.
 */
export const TEXT_NOTATIONS: readonly TextNotation[] = [
  {
    // "…。（县农业农村局、县卫健局，各镇）", "…［责任单位：县文旅局］", "…。（县园区管委会）"
    name: "trailing-bracket",
    find(text) {
      const m = parseTrailingClause(text);
      return m && { notation: this.name, resp: m.resp, start: m.start, end: text.length };
    },
  },
  {
    // "由县财政局、县发改局负责，…" at the start.
    name: "verb-first",
    find(text) {
      const m = parseVerbFirst(text);
      return m && { notation: this.name, resp: m.resp, start: 0, end: m.end };
    },
  },
  {
    // "…牵头单位：县住建局；配合单位：县财政局" after the task's words, or in a bracket that
    // closes before the text ends ("…（牵头单位：县林业局，责任单位：县城管局）时间要求：…").
    name: "inline-label",
    find(text) {
      const inline = UNIT_LABEL_INLINE.exec(text);
      if (!inline || inline.index === 0) return null;
      const opened = /^[［[【(（]/.test(inline[0]);
      const close = opened ? text.slice(inline.index).search(/[］\]】)）]/) : -1;
      const end = close > 0 ? inline.index + close + 1 : text.length;
      const resp = parseLabelled(
        text.slice(inline.index, end).replace(/^[［[【(（]|[］\]】)）]\s*[。]?$/g, ""),
      );
      return resp && { notation: this.name, resp, start: inline.index, end };
    },
  },
  {
    // "任务甲（县财政局）10月底前完成": a bracket of units inside the text.
    name: "inner-bracket",
    find(text) {
      const m = parseInnerClause(text);
      return m && { notation: this.name, resp: m.resp, start: m.start, end: m.end };
    },
  },
  {
    // "…，由县人社局牵头，县民政局配合，…" in prose: read, and the prose left as written.
    name: "prose-verb",
    find(text) {
      const resp = parseProseVerb(text);
      return resp && { notation: this.name, resp, start: 0, end: 0 };
    },
  },
];

function namesSomeone(r: Responsibility): boolean {
  return r.lead.length + r.coop.length + r.groups.length > 0 || Boolean(r.deadlineText || r.leader);
}

/**
 * The refiner: among the clauses the notations found, keep one. A clause that names no unit, no
 * group and no deadline is no clause; of the rest, the notation listed first wins (a trailing
 * bracket is how lists most often write it; prose is the weakest evidence).
 */
export function refineClauses(matches: readonly ClauseMatch[]): ClauseMatch | null {
  const order = (m: ClauseMatch) => TEXT_NOTATIONS.findIndex((n) => n.name === m.notation);
  return [...matches].filter((m) => namesSomeone(m.resp)).sort((a, b) => order(a) - order(b))[0] ?? null;
}

/** The responsibility clause of a task's text, read by every notation and refined to one. */
export function findClause(text: string): ClauseMatch | null {
  const found: ClauseMatch[] = [];
  for (const n of TEXT_NOTATIONS) {
    const m = n.find(text);
    if (m) found.push(m);
  }
  return refineClauses(found);
}
