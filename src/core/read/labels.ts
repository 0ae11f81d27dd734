/**
 * Label words, in one place: the words that name a field, whether they head a table column
 * (`牵头单位` over a column) or label a clause in text (`牵头单位：县住建局`). The column synonyms
 * (columns.ts) and the text notations (notations.ts) are both built from these lists.
 */

/** Fields a label in text can name. */
export type LabelField = "lead" | "coop" | "either" | "leader" | "person" | "deadline";

/** Words that label a responsibility or deadline, per field; the first few are shown in messages. */
export const LABEL_WORDS: Readonly<Record<LabelField, readonly string[]>> = {
  lead: ["牵头单位", "牵头部门", "主责单位", "主责部门", "牵头责任单位"],
  coop: ["配合单位", "配合部门", "协办单位", "协同单位", "协作单位", "参与单位", "责任主体与协同单位"],
  either: ["责任单位", "责任部门", "责任主体", "承办单位", "主办单位"],
  leader: ["责任领导", "牵头领导", "分管领导", "县级领导", "包抓领导", "牵头县领导"],
  person: ["责任人", "联系人", "具体责任人"],
  deadline: [
    "完成时限",
    "时间节点",
    "完成时间",
    "截止时间",
    "时限要求",
    "时限",
    "建设时间",
    "完成期限",
    "时间要求",
    "时间安排",
    "截止日期",
    "完成节点",
    "建设期限",
  ],
};

/** Short labels only used before a colon in text (`牵头：县住建局；配合：县财政局`). */
const SHORT_LABELS: Readonly<Partial<Record<LabelField, readonly string[]>>> = {
  lead: ["牵头"],
  coop: ["配合"],
};

/** Every word of a field, long and short. */
function wordsOf(f: LabelField): string[] {
  return [...LABEL_WORDS[f], ...(SHORT_LABELS[f] ?? [])];
}

const FIELDS = Object.keys(LABEL_WORDS) as LabelField[];

/** The field a label word names, or null. */
export function labelField(label: string): LabelField | null {
  for (const f of FIELDS) if (wordsOf(f).includes(label)) return f;
  return null;
}

/** Longest first, so 牵头县领导 is tried before 牵头 would be. */
const ALL_LONG = FIELDS.flatMap((f) => LABEL_WORDS[f]).sort((a, b) => b.length - a.length);

/** A label followed by a colon, anywhere in a text (global: use with matchAll). */
export const LABEL_BEFORE_COLON = new RegExp(`(${ALL_LONG.join("|")})\\s*[:：]`, "g");

/** A unit label (lead or either) opening a clause inside a task's text: "…［责任单位：…". */
export const UNIT_LABEL_INLINE = new RegExp(
  `[［[【(（]?\\s*(${[...LABEL_WORDS.lead, ...LABEL_WORDS.either].join("|")})\\s*[:：]`,
);
