/**
 * Add a task-list sheet to an existing .xlsx by editing its package XML only, as a careful user
 * (or another program) would: a new worksheet part with inline strings, its relationship, its
 * content-type override and its <sheet> entry. Every other part keeps its bytes; sharedStrings.xml
 * and styles.xml are not touched. fflate only unzips and zips: no part is parsed and re-serialised.
 */
import { strFromU8, strToU8, zipSync } from "fflate";
import { type Parts, attrs, escapeXml, readParts, relationships, startTags } from "./ooxml";

export const TASK_SHEET = "重点任务";

/** A small realistic list: a title row, the header, eight tasks (one with two leads, one with a catch-all). */
export const TASK_ROWS: readonly (readonly string[])[] = [
  ["2024年县政府重点工作任务清单"],
  ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"],
  [
    "1",
    "推进农村生活污水治理，完成12个行政村治理任务",
    "县生态环境局",
    "县住建局、县财政局",
    "10月底前",
    "已完成8个村",
  ],
  ["2", "新建改建农村公路50公里", "县交通运输局", "县财政局，各镇", "11月底前", "进度滞后"],
  ["3", "实施高标准农田建设2万亩", "县农业农村局", "县自然资源局、县水利局", "12月底前", ""],
  ["4", "新增城镇就业2000人", "县人社局", "县发改局、县商务局", "年内", "已完成1200人"],
  ["5", "完成老旧小区改造8个", "县住建局、县发改局", "县财政局", "9月底前", "正在施工"],
  ["6", "建成县级养老服务中心", "县民政局", "县卫健局", "2024年6月底前", "已完成"],
  ["7", "推进义务教育学校标准化建设", "县教育局", "县财政局、县自然资源局", "12月底前", ""],
  ["8", "开展安全生产专项整治", "县应急管理局", "县直各有关单位", "长期坚持", "持续推进"],
];

function column(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A cell's text as Excel stores it: control characters (which XML 1.0 cannot carry) as _xHHHH_.
 * Text already holding _xHHHH_ is taken as stored (tests write escapes on purpose).
 */
function cellText(v: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this replaces
  return escapeXml(v).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => {
    return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
  });
}

export function taskSheetXml(
  rows: readonly (readonly string[])[] = TASK_ROWS,
  merges: readonly string[] = [],
): string {
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((v, c) =>
          v === ""
            ? ""
            : `<c r="${column(c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${cellText(v)}</t></is></c>`,
        )
        .join("");
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
  const width = Math.max(...rows.map((r) => r.length));
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<dimension ref="A1:${column(width - 1)}${rows.length}"/>` +
    `<sheetData>${body}</sheetData>` +
    `<mergeCells count="${merges.length + 1}"><mergeCell ref="A1:${column(width - 1)}1"/>` +
    merges.map((m) => `<mergeCell ref="${m}"/>`).join("") +
    `</mergeCells>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</worksheet>`
  );
}

export interface InjectOptions {
  /** Where the new sheet goes in the tab order. */
  position: "first" | "last";
  rows?: readonly (readonly string[])[];
  /** Merged ranges besides the title's, e.g. "G1:G1048576". */
  merges?: readonly string[];
  name?: string;
}

const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** The workbook part, from the package's root relationships. */
export function workbookPart(parts: Parts): string {
  const rel = relationships(parts, "").find((r) => r.type.endsWith("/officeDocument"));
  if (!rel?.part) throw new Error("the package has no officeDocument relationship");
  return rel.part;
}

/** The package with a task-list sheet added; returns the new bytes. */
export function injectTaskSheet(bytes: Uint8Array, opts: InjectOptions): Uint8Array {
  const parts = readParts(bytes);
  const wbPart = workbookPart(parts);
  const dir = wbPart.slice(0, wbPart.lastIndexOf("/") + 1);
  const relsPart = `${dir}_rels/${wbPart.slice(dir.length)}.rels`;
  let workbook = strFromU8(parts.get(wbPart)!);
  let rels = strFromU8(parts.get(relsPart)!);
  let types = strFromU8(parts.get("[Content_Types].xml")!);

  // A part name, a relationship id, a sheet id and a sheet name nobody uses yet.
  let n = 1;
  while (parts.has(`${dir}worksheets/sheet${n}.xml`)) n++;
  const part = `${dir}worksheets/sheet${n}.xml`;
  const ids = new Set(startTags(rels, "Relationship").map((t) => attrs(t).get("Id")));
  let r = 1;
  while (ids.has(`rId${r}`)) r++;
  const rId = `rId${r}`;
  const sheetTags = startTags(workbook, "sheet");
  const sheetId = Math.max(0, ...sheetTags.map((t) => Number(attrs(t).get("sheetId") ?? 0))) + 1;
  const taken = new Set(sheetTags.map((t) => attrs(t).get("name")?.toLowerCase()));
  let name = opts.name ?? TASK_SHEET;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${opts.name ?? TASK_SHEET}${i}`;

  // The workbook's prefix for the relationships namespace (r: in files from Excel).
  const prefix =
    /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      workbook,
    )?.[1] ?? "r";
  const ns =
    prefix === "r" && !/xmlns:r=/.test(workbook)
      ? ` xmlns:r="${WORKSHEET_TYPE.replace(/\/worksheet$/, "")}"`
      : "";
  const entry = `<sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${prefix}:id="${rId}"${ns}/>`;
  if (opts.position === "first") {
    workbook = workbook.replace(/<(\w+:)?sheets>/, (open) => open + entry);
    // Sheet-scoped names and the active tab count sheets by position: everything moves up one.
    workbook = workbook.replace(
      /(<(?:\w+:)?definedName\b[^>]*\slocalSheetId=")(\d+)"/g,
      (_, head: string, i: string) => `${head}${Number(i) + 1}"`,
    );
    workbook = workbook.replace(
      /(<(?:\w+:)?workbookView\b[^>]*\s(?:activeTab|firstSheet)=")(\d+)"/g,
      (_, head: string, i: string) => `${head}${Number(i) + 1}"`,
    );
  } else {
    workbook = workbook.replace(/<\/(\w+:)?sheets>/, (close) => entry + close);
  }
  const target = part.slice(dir.length);
  rels = rels.replace(
    /<\/Relationships>\s*$/,
    `<Relationship Id="${rId}" Type="${WORKSHEET_TYPE}" Target="${target}"/></Relationships>`,
  );
  types = types.replace(
    /<\/Types>\s*$/,
    `<Override PartName="/${part}" ContentType="${WORKSHEET_CT}"/></Types>`,
  );

  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of parts) out[k] = v;
  out[wbPart] = strToU8(workbook);
  out[relsPart] = strToU8(rels);
  out["[Content_Types].xml"] = strToU8(types);
  out[part] = strToU8(taskSheetXml(opts.rows, opts.merges));
  return zipSync(out, { level: 1 });
}
