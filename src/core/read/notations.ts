/**
 * Responsibility notations in document text, one small parser each (in the manner of chrono):
 * labelled lines, labelled parenthesis or brackets, verb form in a parenthesis or in prose, and the
 * plain trailing parenthesis where the first listed unit leads.
 */
import { findDeadlineInText } from "../deadlines/parse";
import { UNIT_SUFFIX, isCatchAll, splitResponsibility, splitTopLevel } from "../units/responsibility";

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

export type LabelField = "lead" | "coop" | "either" | "leader" | "person" | "deadline";

/** Labels seen before a colon in documents and their meaning. */
export const LABELS: ReadonlyArray<readonly [RegExp, LabelField]> = [
  [/^(牵头单位|牵头部门|主责单位|主责部门|牵头)$/, "lead"],
  [/^(配合单位|配合部门|协办单位|协同单位|协作单位|参与单位|配合)$/, "coop"],
  [/^(责任单位|责任部门|责任主体|承办单位|主办单位)$/, "either"],
  [/^(责任领导|牵头领导|分管领导|县级领导|包抓领导|牵头县领导)$/, "leader"],
  [/^(责任人|联系人)$/, "person"],
  [/^(完成时限|时间节点|完成时间|截止时间|时限要求|时限)$/, "deadline"],
];

const LABEL_RE =
  /(牵头单位|牵头部门|主责单位|主责部门|配合单位|配合部门|协办单位|协同单位|协作单位|参与单位|责任单位|责任部门|责任主体|承办单位|主办单位|责任领导|牵头领导|分管领导|县级领导|包抓领导|牵头县领导|责任人|联系人|完成时限|时间节点|完成时间|截止时间|时限要求|时限)\s*[:：]/g;

export function labelField(label: string): LabelField | null {
  for (const [re, f] of LABELS) if (re.test(label)) return f;
  return null;
}

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
  const matches = [...text.matchAll(LABEL_RE)];
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
    const s = splitResponsibility(content.replace(LABEL_RE, ""));
    const tokens = [...s.units, ...s.groups];
    const allUnits = tokens.length > 0 && tokens.every((t) => isCatchAll(t) || UNIT_SUFFIX.test(t));
    if (!allUnits && !new RegExp(LABEL_RE.source).test(content)) continue;
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
