/**
 * Column headers and their meaning (domain.md, "Column headers seen"). The unit, leader, person
 * and deadline words come from the label words (labels.ts), shared with the text notations.
 */
import { LABEL_WORDS } from "./labels";

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
    "重点工作任务",
    "工作要点",
    "任务",
    "实事项目",
    "民生实事项目",
    "民生事项名称",
    "民生事项",
    "目标与任务",
    "目标任务与措施",
    "工作任务及目标",
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
  // Bare sub-headers under a 责任单位 parent (two-row headers): 牵头 | 主体 | 配合.
  lead: [...LABEL_WORDS.lead, "牵头"],
  cooperating: [...LABEL_WORDS.coop, "配合", "主体", "参与", "协办", "协同"],
  responsible: LABEL_WORDS.either,
  leader: LABEL_WORDS.leader,
  person: LABEL_WORDS.person,
  deadline: LABEL_WORDS.deadline,
  progress: [
    "进展情况",
    "推进情况",
    "完成情况",
    "当前进度",
    "工作进展",
    "进度情况",
    "落实情况",
    "进度",
    "完成进度",
    "工作评价",
    "推进评价",
  ],
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
  return (
    text
      .replace(/\s+/g, "")
      // A year in front: "2024年重点工作任务" is the 重点工作任务 column.
      .replace(/^20\d{2}年度?/, "")
      .replace(/[(（][^)）]*[)）]/g, "")
      .replace(/[:：*＊]/g, "")
  );
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
  /** Further lead and cooperating columns (责任单位 over 牵头 | 主体 | 配合), left to right. */
  moreLead?: number[];
  moreCooperating?: number[];
  /** A group column (项目名称 merged over several 工作任务 rows): the task's section. */
  group?: number;
}

/** Every header word, for "what was looked for" in messages. */
export function allHeaderWords(): string[] {
  return Object.values(HEADER_SYNONYMS).flatMap((ws) => ws.slice(0, 3));
}
