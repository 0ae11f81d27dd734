/** Column positions of generated sheets, shared by the plan and by reading a sheet back. */

/** Unit sheet: 序号, 类别, 重点任务, 工作内容, other units, 完成时限, 预警, 状态, 进展情况. */
export const UNIT_COL = {
  id: 1,
  section: 2,
  title: 3,
  detail: 4,
  others: 5,
  deadline: 6,
  warning: 7,
  status: 8,
  progress: 9,
} as const;
export const UNIT_WIDTHS = [7, 16, 30, 48, 26, 16, 8, 10, 40];

/** Task list sheet made from text or .docx: canonical columns the table reader maps back. */
export const LIST_COL = {
  id: 1,
  section: 2,
  title: 3,
  detail: 4,
  lead: 5,
  cooperating: 6,
  leader: 7,
  deadline: 8,
  progress: 9,
  source: 10,
} as const;
export const LIST_WIDTHS = [7, 18, 30, 50, 22, 36, 12, 16, 30, 10];
