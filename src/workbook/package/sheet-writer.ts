/**
 * A planned sheet as a worksheet part (SpreadsheetML), built in chunks so a 30,000-task sheet is
 * never one long string concatenation. Text goes to the shared string table (appended to): always
 * data, never a formula whatever character it starts with. Elements follow the schema's order
 * (CT_Worksheet).
 */
import { columnLetter } from "../../core/model";
import type { MergeOut, PlanCell, PlanValidation, SheetPlan } from "../../core/plan/model";
import type { StyleIndex } from "./styles";
import { xmlAttr, xmlText } from "./xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Rows per chunk. */
const ROWS_PER_CHUNK = 500;

function ref(m: MergeOut): string {
  const a = `${columnLetter(m.left)}${m.top}`;
  const b = `${columnLetter(m.right)}${m.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

/** A text's index in the shared string table. */
export type StringId = (text: string) => number;

function cellXml(r: string, cell: PlanCell, styles: StyleIndex, strings: StringId): string {
  const s = cell.s ? ` s="${styles[cell.s]}"` : "";
  const v = cell.v;
  if (typeof v === "number")
    return Number.isFinite(v) ? `<c r="${r}"${s}><v>${v}</v></c>` : `<c r="${r}"${s}/>`;
  if (v === null || v === "") return `<c r="${r}"${s}/>`;
  return `<c r="${r}"${s} t="s"><v>${strings(v)}</v></c>`;
}

/** `'县发改局'!A1`: a place in this workbook. */
export function internalTarget(link: NonNullable<PlanCell["link"]>): string {
  return `'${link.sheet.replace(/'/g, "''")}'!${columnLetter(link.col)}${link.row}`;
}

/** The range a planned sheet covers, for `<dimension>`. */
export function dimensionRef(plan: Pick<SheetPlan, "rows">): string {
  let width = 1;
  for (const r of plan.rows) if (r.length > width) width = r.length;
  return `A1:${columnLetter(width)}${Math.max(1, plan.rows.length)}`;
}

function* sheetData(plan: SheetPlan, styles: StyleIndex, strings: StringId): Generator<string> {
  const letters: string[] = [];
  const letter = (c: number) => (letters[c] ??= columnLetter(c));
  let chunk = "<sheetData>";
  for (let r = 0; r < plan.rows.length; r++) {
    const row = plan.rows[r]!;
    const height = plan.rowHeights?.[r];
    let cells = "";
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell) cells += cellXml(`${letter(c + 1)}${r + 1}`, cell, styles, strings);
    }
    if (!cells && height === undefined) continue;
    const ht = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
    chunk += cells ? `<row r="${r + 1}"${ht}>${cells}</row>` : `<row r="${r + 1}"${ht}/>`;
    if (r % ROWS_PER_CHUNK === ROWS_PER_CHUNK - 1) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}</sheetData>`;
}

function* hyperlinks(plan: SheetPlan): Generator<string> {
  let chunk = "";
  let any = false;
  for (let r = 0; r < plan.rows.length; r++) {
    const row = plan.rows[r]!;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell?.link || cell.v === null) continue;
      if (!any) chunk = "<hyperlinks>";
      any = true;
      // Links to places in this workbook: a location and no relationship, as Excel (and WPS) write them.
      chunk +=
        `<hyperlink ref="${columnLetter(c + 1)}${r + 1}" location="${xmlAttr(internalTarget(cell.link))}"` +
        ` display="${xmlAttr(String(cell.v))}"/>`;
    }
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = "";
    }
  }
  if (any) yield `${chunk}</hyperlinks>`;
}

function cols(plan: SheetPlan): string {
  const hidden = new Set(plan.hiddenColumns ?? []);
  const last = Math.max(plan.widths.length, ...hidden);
  let out = "";
  for (let c = 1; c <= last; c++) {
    const w = plan.widths[c - 1];
    if (w === undefined && !hidden.has(c)) continue;
    out +=
      `<col min="${c}" max="${c}"${w !== undefined ? ` width="${w}" customWidth="1"` : ""}` +
      `${hidden.has(c) ? ` hidden="1"` : ""}/>`;
  }
  return out ? `<cols>${out}</cols>` : "";
}

function validationXml(v: PlanValidation): string {
  const prompt = v.prompt ? ` showInputMessage="1" prompt="${xmlAttr(v.prompt.slice(0, 255))}"` : "";
  const common = `allowBlank="1" showErrorMessage="1"${prompt} sqref="${ref(v.range)}"`;
  if (v.kind === "list") {
    const list = `"${v.values.map((x) => x.replace(/"/g, '""')).join(",")}"`;
    return `<dataValidation type="list" ${common}><formula1>${xmlAttr(list)}</formula1></dataValidation>`;
  }
  return (
    `<dataValidation type="decimal" operator="between" ${common}>` +
    `<formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`
  );
}

/** The header text as a header/footer code: `&` doubled, the text centred. */
function headerCode(text: string): string {
  return `&C${text.replace(/&/g, "&&")}`;
}

/**
 * The worksheet part of a planned sheet, in chunks. `extra` is written where a sheet's drawing
 * goes (after the header and footer): the `<drawing r:id="…"/>` of charts added with it.
 */
export function* worksheetXml(
  plan: SheetPlan,
  styles: StyleIndex,
  strings: StringId,
  extra = "",
): Generator<string> {
  const sheetPr =
    `<sheetPr>${plan.tabColor ? `<tabColor rgb="${plan.tabColor}"/>` : ""}` +
    `${plan.print.fitToWidth ? `<pageSetUpPr fitToPage="1"/>` : ""}</sheetPr>`;
  let pane = "";
  const fr = plan.freeze;
  if (fr && fr.rows + fr.cols > 0) {
    const active = fr.rows && fr.cols ? "bottomRight" : fr.rows ? "bottomLeft" : "topRight";
    pane =
      `<pane${fr.cols ? ` xSplit="${fr.cols}"` : ""}${fr.rows ? ` ySplit="${fr.rows}"` : ""}` +
      ` topLeftCell="${columnLetter(fr.cols + 1)}${fr.rows + 1}" activePane="${active}" state="frozen"/>` +
      `<selection pane="${active}"/>`;
  }
  yield (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${sheetPr}<dimension ref="${dimensionRef(plan)}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols(plan)}`
  );
  yield* sheetData(plan, styles, strings);
  if (plan.protect) yield `<sheetProtection sheet="1" objects="1" scenarios="1"/>`;
  if (plan.merges.length) {
    let chunk = `<mergeCells count="${plan.merges.length}">`;
    for (const m of plan.merges) {
      chunk += `<mergeCell ref="${ref(m)}"/>`;
      if (chunk.length > 64 * 1024) {
        yield chunk;
        chunk = "";
      }
    }
    yield `${chunk}</mergeCells>`;
  }
  let priority = 1;
  for (const bar of plan.dataBars ?? []) {
    const col = columnLetter(bar.col);
    yield (
      `<conditionalFormatting sqref="${col}${bar.fromRow}:${col}${bar.toRow}">` +
      `<cfRule type="dataBar" priority="${priority++}"><dataBar>` +
      `<cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="FF63BE7B"/>` +
      `</dataBar></cfRule></conditionalFormatting>`
    );
  }
  if (plan.validations?.length) {
    yield `<dataValidations count="${plan.validations.length}">${plan.validations.map(validationXml).join("")}</dataValidations>`;
  }
  yield* hyperlinks(plan);
  const p = plan.print;
  yield (
    `<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="${p.orientation}"${p.fitToWidth ? ` fitToWidth="1" fitToHeight="0"` : ""}/>` +
    `<headerFooter>${p.header ? `<oddHeader>${xmlText(headerCode(p.header))}</oddHeader>` : ""}` +
    `<oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>${extra}</worksheet>`
  );
}
