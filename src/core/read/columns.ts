/**
 * Column headers and their meaning (domain.md, "Column headers seen"), header-row detection and
 * the column mapping, which the user may override.
 */

export type ColumnField =
  | "id"
  | "section"
  | "title"
  | "detail"
  | "lead"
  | "cooperating"
  | "responsible"
  | "leader"
  | "person"
  | "deadline"
  | "progress"
  | "onSchedule"
  | "note";

/** Every field a column can hold, in the order forms show them. */
export const COLUMN_FIELDS: readonly ColumnField[] = [
  "id",
  "section",
  "title",
  "detail",
  "lead",
  "cooperating",
  "responsible",
  "leader",
  "person",
  "deadline",
  "progress",
  "onSchedule",
  "note",
];

/** Exact header words per field (after removing spaces and bracketed hints). */
export const HEADER_SYNONYMS: Record<ColumnField, readonly string[]> = {
  id: ["序号", "编号", "序", "任务编号", "项目编号"],
  section: ["类别", "分类", "板块", "领域", "类型", "工作类别", "任务类别"],
  title: [
    "重点任务",
    "工作任务",
    "主要任务",
    "目标任务",
    "任务内容",
    "工作事项",
    "项目名称",
    "民生实事",
    "项目内容",
    "任务名称",
    "重点工作",
    "工作要点",
    "任务",
  ],
  detail: [
    "工作内容",
    "具体内容",
    "工作措施",
    "具体措施",
    "建设内容",
    "全年目标任务",
    "进度安排",
    "工作目标",
    "目标要求",
    "主要内容",
    "具体任务",
  ],
  lead: ["牵头单位", "牵头部门", "主责单位", "主责部门", "牵头责任单位"],
  cooperating: ["配合单位", "协办单位", "配合部门", "协同单位", "责任主体与协同单位", "参与单位"],
  responsible: ["责任单位", "责任部门", "责任主体", "承办单位"],
  leader: ["责任领导", "牵头领导", "分管领导", "县级领导", "包抓领导", "牵头县领导"],
  person: ["责任人", "联系人", "具体责任人"],
  deadline: ["完成时限", "时间节点", "完成时间", "截止时间", "时限要求", "时限", "建设时间", "完成期限"],
  progress: ["进展情况", "推进情况", "完成情况", "当前进度", "工作进展", "进度情况", "落实情况"],
  onSchedule: ["是否达序", "是否按序时推进", "是否按时序推进", "是否达到序时进度"],
  note: ["备注", "说明"],
};

/** Headers that contain a word rather than equal it ("1-10月推进情况", "牵头单位（部门）"). */
const CONTAINS: ReadonlyArray<readonly [RegExp, ColumnField]> = [
  [/(推进|进展|完成|落实)情况$/, "progress"],
  [/是否(达序|按序时|按时序)/, "onSchedule"],
  [/牵头(单位|部门)/, "lead"],
  [/(配合|协办|协同)(单位|部门)/, "cooperating"],
  [/(完成|截止)(时限|时间|期限)/, "deadline"],
];

export function headerKey(text: string): string {
  return text
    .replace(/\s+/g, "")
    .replace(/[(（][^)）]*[)）]/g, "")
    .replace(/[:：*＊]/g, "");
}

export function fieldOfHeader(text: string): ColumnField | null {
  const k = headerKey(text);
  if (!k) return null;
  for (const f of Object.keys(HEADER_SYNONYMS) as ColumnField[]) {
    if (HEADER_SYNONYMS[f].includes(k)) return f;
  }
  if (k.length > 16) return null;
  for (const [re, f] of CONTAINS) if (re.test(k)) return f;
  return null;
}

export interface ColumnMapping {
  /** 1-based column numbers; progress may hold several (month columns), left to right. */
  columns: Partial<Record<Exclude<ColumnField, "progress">, number>> & { progress?: number[] };
  /** How 责任单位 was taken: cooperating (a 牵头 column exists) or first-listed-leads. */
  responsibleRule?: "cooperating" | "first-listed-leads";
}

/** Every header word, for "what was looked for" in messages. */
export function allHeaderWords(): string[] {
  return Object.values(HEADER_SYNONYMS).flatMap((ws) => ws.slice(0, 3));
}
