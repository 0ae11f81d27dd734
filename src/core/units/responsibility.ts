/**
 * Splitting a responsibility text ("县人社局、民政局等相关部门，各镇") into unit names and catch-all
 * groups. Separators are 、 ， , ； ; and line breaks, never 和 (part of many names); 及 and 等
 * before a catch-all split it off.
 */

/** Town and street groups: real responsibility, named as a group. */
const TOWN_GROUP =
  /^(各|全县各|全区各)(镇|乡|乡镇|街道|镇街|镇办|乡镇街道|乡镇\(街道\)|镇\(街道\)|镇\(办\)|镇\(中心\)|乡镇人民政府|镇人民政府|街道办事处|镇村|村|社区)(人民政府)?$/;

const CATCH_ALL_PATTERNS: RegExp[] = [
  /^各/, // 各相关单位, 各成员单位, 各项目主管单位, 各镇
  /^[\u4e00-\u9fa5]{1,4}各(镇|乡|乡镇|街道|镇街|镇办|村|社区|区|县)/, // 沿河各镇, 涉农各乡镇, 相关各街道
  /^(县直|区直|市直)(各)?(有关|相关)?(各)?(单位|部门)/,
  /^(相关|有关|其他|其它|涉及)/, // 相关行业部门, 有关部门
  /成员单位$/, // 领导小组各成员单位
  /(相关|有关|行业|主管|责任|职能|业务)(部门|单位)$/, // 整改涉及行业部门
  /^(县级|各级)/,
];
/** The patterns above as one expression: a name is tested once, not six times. */
const CATCH_ALL = new RegExp(CATCH_ALL_PATTERNS.map((re) => `(?:${re.source})`).join("|"));
/** Spaces or full-width brackets: the only things the comparison form changes. */
const NEEDS_FOLDING = /[\s（）]/;

/** The form groups are compared in: no spaces, ASCII brackets. */
function folded(text: string): string {
  if (!NEEDS_FOLDING.test(text)) return text;
  return text.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")");
}

/** Endings of unit names: a fragment without one is not a unit (整改涉 in 整改涉及行业部门). */
export const UNIT_SUFFIX =
  /(局|委|办|部|室|院|会|中心|联|社|馆|队|所|站|公司|镇|乡|街道|政府|团县委|管委会|指挥部|领导小组|专班|集团|银行|学校|医院|台|处|厅)$/;

/** True for texts that name a group rather than a unit (各镇, 县直各有关单位, 各成员单位…). */
export function isCatchAll(text: string): boolean {
  return CATCH_ALL.test(folded(text));
}

/** True for the town/street groups (各镇, 各乡镇（街道）); false for vague department catch-alls. */
export function isTownGroup(text: string): boolean {
  return TOWN_GROUP.test(folded(text));
}

export interface SplitResponsibility {
  /** Unit names in order, as written (with carried prefixes not yet applied). */
  units: string[];
  /** Catch-all groups in order, as written (等 stripped). */
  groups: string[];
  /** True when the text ends a run of units with 等 and no named group (县财政局等). */
  trailingDeng: boolean;
}

/** Brackets a unit name may hold (县人社局（医保局）); separators between units outside them. */
const OPENERS = new Set(["(", "（", "[", "［", "【"]);
const CLOSERS = new Set([")", "）", "]", "］", "】"]);
const SEPARATORS = new Set(["、", "，", ",", "；", ";", "\n", "\r"]);

/** Split on separators outside brackets. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPENERS.has(ch)) depth++;
    else if (CLOSERS.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && SEPARATORS.has(ch)) {
      const part = text.slice(from, i).trim();
      if (part) parts.push(part);
      from = i + 1;
    }
  }
  const last = text.slice(from).trim();
  if (last) parts.push(last);
  return parts;
}

const FILLER = /^(由|请|和|与|以及|及|等)+|(等|等单位|等部门|牵头|配合|负责|按职责分工负责|参与|协同)+$/g;

/**
 * A splitter for one list: responsibility texts repeat down a table (the same lead unit on many
 * rows), and each is split once. The result is shared by every row with that text: it is frozen,
 * and a caller that needs to add to its arrays makes new ones.
 */
export function responsibilitySplitter(): (text: string) => SplitResponsibility {
  const splits = new Map<string, SplitResponsibility>();
  // Cells combine units freely, but each unit is written the same few ways: parts are memoized too.
  const parts = new Map<string, Part[]>();
  const part = (raw: string) => {
    let p = parts.get(raw);
    if (!p) parts.set(raw, (p = classifyJoined(raw)));
    return p;
  };
  return (text) => {
    let s = splits.get(text);
    if (!s) {
      s = split(text, part);
      Object.freeze(s.units);
      Object.freeze(s.groups);
      splits.set(text, Object.freeze(s));
    }
    return s;
  };
}

export function splitResponsibility(text: string): SplitResponsibility {
  return split(text);
}

/** What one separated part of a responsibility text holds. */
interface Part {
  unit: string | null;
  group: string | null;
  /** The part ended with 等 and named no group. */
  deng: boolean;
}

function classify(rawPart: string): Part {
  let part = /[\s。.]/.test(rawPart) ? rawPart.replace(/\s+/g, "").replace(/[。.]+$/, "") : rawPart;
  if (!part) return { unit: null, group: null, deng: false };
  // "县财政局及各相关单位", "县残联等相关行业部门", "县人社局等": a unit, then a group.
  const m = /[及等和]/.test(part) ? /^(.+?)(及|以及|等|和)(.+)$/.exec(part) : null;
  if (
    m?.[1] &&
    m[3] &&
    isCatchAll(m[3]) &&
    !isCatchAll(m[1]) &&
    UNIT_SUFFIX.test(m[1].replace(/\(.*\)$/, ""))
  ) {
    return { unit: cleanName(m[1]), group: cleanName(m[3]), deng: false };
  }
  let deng = false;
  if (/等$/.test(part) && part.length > 1) {
    part = part.replace(/等+$/, "");
    deng = true;
  }
  const name = cleanName(part);
  if (!name) return { unit: null, group: null, deng };
  return isCatchAll(name) ? { unit: null, group: name, deng } : { unit: name, group: null, deng };
}

function split(text: string, part: (raw: string) => Part[] = classifyJoined): SplitResponsibility {
  const units: string[] = [];
  const groups: string[] = [];
  let trailingDeng = false;
  for (const raw of splitTopLevel(text)) {
    for (const p of part(raw)) {
      if (p.unit) units.push(p.unit);
      if (p.group) groups.push(p.group);
      if (p.deng) trailingDeng = true;
    }
  }
  return { units, groups, trailingDeng };
}

/** Words that join two names in one part: "A及B", "A和B", "A与B", "A以及B". */
const JOINER = /以及|及|和|与/g;

/** A whole name on its own: a catch-all, or a unit name with its prefix or a unit ending. */
function isWholeName(s: string): boolean {
  const t = cleanName(s);
  if (t.length < 2) return false;
  if (isCatchAll(t)) return true;
  return t.length >= 3 && UNIT_SUFFIX.test(t.replace(/\(.*\)$/, ""));
}

/**
 * A part joined by 及/和/与 splits only where both sides are whole names (县财政局和县发改局,
 * 市级各有关部门及各县市区政府), never inside a name (县发展和改革局: 县发展 is no name).
 */
export function splitJoined(part: string): string[] | null {
  if (!/[及和与]/.test(part)) return null;
  JOINER.lastIndex = 0;
  for (let m = JOINER.exec(part); m; m = JOINER.exec(part)) {
    const left = part.slice(0, m.index);
    const right = part.slice(m.index + m[0].length);
    if (!isWholeName(left)) continue;
    if (isWholeName(right)) return [left, right];
    const rest = splitJoined(right);
    if (rest) return [left, ...rest];
  }
  return null;
}

function classifyJoined(raw: string): Part[] {
  const pieces = /[及和与]/.test(raw) && !/等/.test(raw) ? splitJoined(raw.replace(/\s+/g, "")) : null;
  return pieces ? pieces.map(classify) : [classify(raw)];
}

/** Characters a filler word or a leading colon starts or ends with. */
const FILLER_EDGE = /^[由请和与以及等:：]|[等位门头合责工与同]$/;

function cleanName(s: string): string {
  if (!FILLER_EDGE.test(s)) return s.trim();
  return s
    .replace(FILLER, "")
    .replace(/^[:：]/, "")
    .trim();
}
