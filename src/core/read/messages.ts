/**
 * The reader's failures as message keys of the string tables (`src/i18n`) with their English text.
 * The core does not import the tables: it names the key and gives the parameters; `en.ts` takes
 * its texts from here, `zh-CN.ts` says them in Chinese, and the shells show the user's language.
 * `.message` of a `ReadError` is the English text filled with the parameters (logs, tests).
 */
export const READ_MESSAGES = {
  "read.emptySheet":
    'Sheet "{sheet}" is empty: expected a task list with a header row (序号, 重点任务, 牵头单位, …).',
  "read.noTaskRows":
    'Sheet "{sheet}": the header is on row {row} but no task rows follow it (the task column is empty).',
  "read.noHeaderRow":
    'Sheet "{sheet}": no header row found in rows 1–{rows}. Looked for headers such as {words} (at least {min}, one of them a task or unit column). ' +
    "Use --header-row and --map to say which row and columns hold the list.",
  "read.noTaskColumn":
    'Sheet "{sheet}" ({where}): no column holds task-like text (long, varied sentences in two rows or more, beside a unit, deadline or id column, such as ' +
    '"完善农村供水保障体系…"), and no header names one (looked for {words}). ' +
    "Columns seen: {looks}. Use --header-row and --map (title=<column or header text>) to say which row and columns hold the list.",
  "read.mapNoHeader":
    'Sheet "{sheet}": --map {field}={choice}: no column is headed "{choice}". Headers found: {headers}. ' +
    "Give a header's text as written, or a column letter or number ({field}=B, {field}=2).",
  "read.mergesOverlap":
    'Sheet "{sheet}": the merged ranges {first} and {second} overlap; a cell can belong to one merged range only. ' +
    "Unmerge one of them and save the workbook again.",
  "read.noNumberedTasks":
    '{source}: no numbered tasks found. Expected lines such as "1.任务……（牵头单位）", "1、…", "（一）…" or "一、" headings; ' +
    "found {lines} lines of text without numbering.",
  "read.notDocx":
    '{source} is not a readable .docx document ({detail}). Save it from Word or WPS as "Word 文档 (*.docx)" and try again.',
  "read.unitNameTooLong":
    '{where}: a unit name of {length} characters ("{start}…"); a unit name is at most {max} characters. Check that cell: ' +
    "it may hold a task text or pasted content instead of unit names (separate units with 、 or ，).",
  "read.listTooLarge":
    "{where} gives {tasks} tasks and {units} units; generation stops above {maxTasks} tasks or {maxUnits} units (one sheet per unit). " +
    "This is probably not the task list, or the wrong columns were taken: check the sheet (--sheet) and the columns (--map), " +
    "or run check to see what was read. If the list really is this large, run again with --allow-large.",
  "read.listTooLargeSheet": 'sheet "{sheet}" of {file}',
  "read.noUnitsInDirectory":
    'Unit directory "{sheet}": no units found. Expected a column 单位名称 (canonical name), optionally 别名 (aliases, separated by 、) and 类型 (县直部门 / 乡镇街道 / 其他).',
  "read.columnLook": "{col}{label}: {look}",
  "read.headerRowAt": "header row {row}",
  "read.noHeaderRowShort": "no header row",
  "read.none": "none",
  /** Between the messages of a list parameter. */
  "read.listSeparator": "; ",
  "look.empty": "empty",
  "look.id": "small numbers ({pct} of {filled} cells)",
  "look.units": "unit names ({pct} of {filled} cells)",
  "look.deadline": "deadlines ({pct} of {filled} cells)",
  "look.status": "status words or percentages ({pct} of {filled} cells)",
  "look.taskText": "long varied text ({avg} characters on average, {distinct} distinct)",
  "look.shortText": "short text ({avg} characters on average, {distinct} distinct)",
  "look.onlyUnitColumn": "{look}; the only unit column: the first listed unit leads",
  "look.besideCooperating": "{look}, beside the cooperating column",
} as const;

export type ReadMessageKey = keyof typeof READ_MESSAGES;
/** A parameter: a value, or a message of its own (said in the same language), or a list of them. */
export type MessageParam = string | number | Said | readonly Said[];
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** A message as data: its key and parameters. */
export interface Said {
  readonly key: ReadMessageKey;
  readonly params: MessageParams;
}

export const said = (key: ReadMessageKey, params: MessageParams = {}): Said => ({ key, params });

/**
 * The parameters with every nested message said by `say` (a list joined by "; "), ready for a
 * table's translator.
 */
export function flatParams(
  params: MessageParams,
  say: (key: ReadMessageKey, params: Record<string, string | number>) => string,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const one = (s: Said) => say(s.key, flatParams(s.params, say));
  const separator = say("read.listSeparator", {});
  for (const [name, v] of Object.entries(params)) {
    if (typeof v === "string" || typeof v === "number") out[name] = v;
    else if (Array.isArray(v)) out[name] = (v as readonly Said[]).map(one).join(separator);
    else out[name] = one(v as Said);
  }
  return out;
}

/** `{name}` replaced by its parameter (the tables' plural form is not needed here). */
function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] !== undefined ? String(params[name]) : whole,
  );
}

/** The English text of a message (what `.message` carries). */
export function english(key: ReadMessageKey, params: MessageParams = {}): string {
  const say = (k: ReadMessageKey, p: Record<string, string | number>) => fill(READ_MESSAGES[k], p);
  return say(key, flatParams(params, say));
}
