/**
 * A planned sheet as a worksheet part (SpreadsheetML), written as bytes into one buffer so a
 * 30,000-task sheet is never one long string concatenation. Text goes to the shared string table (appended to): always
 * data, never a formula whatever character it starts with. Elements follow the schema's order
 * (CT_Worksheet).
 */
import { columnLetter } from "../../core/model";
import {
  type MergeOut,
  type PlanCell,
  type PlanValidation,
  STYLES,
  type SheetPlan,
} from "../../core/plan/model";
import type { StyleIndex } from "./styles";
import { ByteSink, asciiBytes, digitsInto } from "./byte-sink";
import { xmlAttr, xmlText } from "./xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function ref(m: MergeOut): string {
  const a = `${columnLetter(m.left)}${m.top}`;
  const b = `${columnLetter(m.right)}${m.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

/** The shared string table as the sheets use it: a text's index, looked up or (`add`) just appended. */
export interface StringTable {
  id(text: string): number;
  /** The index of a text that the cells numbered `same` (PlanCell.same) all hold. */
  idOfSame(same: number, text: string): number;
  add(text: string): number;
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

const VALUE_CLOSE = asciiBytes("</v></c>");

/** How a cell ends after its reference: its style, then its value's opening (or nothing). */
interface CellTails {
  number: Uint8Array;
  shared: Uint8Array;
  empty: Uint8Array;
  /** The style's texts are one to a cell: stored without a look-up. */
  distinct: boolean;
}

/**
 * The cells, written as bytes: every cell's markup is ASCII (text goes to the shared strings), so
 * nothing here makes a string per cell, and each cell is a handful of copies of bytes made once:
 * `<c r="B` by column, the row's number, `" s="3" t="s"><v>` by style and kind, the value.
 * Measured on a 30,000-task generate (1.6 million cells): building the sheets' parts took 0.8 s
 * of string building and 0.3 s of UTF-8 encoding before; see bench/results.json for now.
 */
/** Returns whether a cell links somewhere (the hyperlinks need a pass of their own then). */
function writeSheetData(sink: ByteSink, plan: SheetPlan, styles: StyleIndex, strings: StringTable): boolean {
  let linked = false;
  const cellOpen: Uint8Array[] = [];
  const tails = new Map<string, CellTails>();
  const tailsOf = (id: PlanCell["s"]): CellTails => {
    const key = id ?? "";
    let t = tails.get(key);
    if (!t) {
      const s = id ? `" s="${styles[id]}` : "";
      t = {
        number: asciiBytes(`${s}"><v>`),
        shared: asciiBytes(`${s}" t="s"><v>`),
        empty: asciiBytes(`${s}"/>`),
        distinct: Boolean(id && STYLES[id].distinct),
      };
      tails.set(key, t);
    }
    return t;
  };
  // The row's number, written into one small array for every row (an array per row was 37 MB).
  const rowNumber = new Uint8Array(16);
  sink.ascii("<sheetData>");
  for (let r = 0; r < plan.rows.length; r++) {
    const row = plan.rows[r]!;
    const height = plan.rowHeights?.[r];
    let any = false;
    for (let c = 0; c < row.length && !any; c++) any = Boolean(row[c]);
    if (!any && height === undefined) continue;
    const rowLength = digitsInto(rowNumber, r + 1);
    sink.ascii('<row r="');
    sink.bytes(rowNumber, rowLength);
    sink.ascii(height === undefined ? '"' : `" ht="${height}" customHeight="1"`);
    if (!any) {
      sink.ascii("/>");
      continue;
    }
    sink.ascii(">");
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      if (cell.link) linked = true;
      sink.bytes((cellOpen[c] ??= asciiBytes(`<c r="${columnLetter(c + 1)}`)));
      sink.bytes(rowNumber, rowLength);
      const tail = tailsOf(cell.s);
      const v = cell.v;
      if (typeof v === "number" && Number.isFinite(v)) {
        sink.bytes(tail.number);
        if (Number.isSafeInteger(v) && v >= 0) sink.uint(v);
        else sink.ascii(String(v));
        sink.bytes(VALUE_CLOSE);
      } else if (typeof v === "string" && v !== "") {
        sink.bytes(tail.shared);
        const same = cell.same;
        sink.uint(
          tail.distinct ? strings.add(v) : same === undefined ? strings.id(v) : strings.idOfSame(same, v),
        );
        sink.bytes(VALUE_CLOSE);
      } else sink.bytes(tail.empty);
    }
    sink.ascii("</row>");
  }
  sink.ascii("</sheetData>");
  return linked;
}

function writeHyperlinks(sink: ByteSink, plan: SheetPlan): void {
  let any = false;
  for (let r = 0; r < plan.rows.length; r++) {
    const row = plan.rows[r]!;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell?.link || cell.v === null) continue;
      if (!any) sink.ascii("<hyperlinks>");
      any = true;
      // Links to places in this workbook: a location and no relationship, as Excel (and WPS) write them.
      sink.text(
        `<hyperlink ref="${columnLetter(c + 1)}${r + 1}" location="${xmlAttr(internalTarget(cell.link))}"` +
          ` display="${xmlAttr(String(cell.v))}"/>`,
      );
    }
  }
  if (any) sink.ascii("</hyperlinks>");
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
 * The worksheet part of a planned sheet, as UTF-8 bytes. `extra` is written where a sheet's
 * drawing goes (after the header and footer): the `<drawing r:id="…"/>` of charts added with it.
 * `sink`: a buffer to build in, kept from sheet to sheet (a new buffer for each of a thousand
 * sheets, grown by doubling, was a quarter of a 30,000-task write in garbage collection).
 */
export function worksheetXml(
  plan: SheetPlan,
  styles: StyleIndex,
  strings: StringTable,
  extra = "",
  sink = new ByteSink(),
): Uint8Array {
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
  sink.text(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${sheetPr}<dimension ref="${dimensionRef(plan)}"/>` +
      `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/>${cols(plan)}`,
  );
  const linked = writeSheetData(sink, plan, styles, strings);
  if (plan.protect) sink.ascii(`<sheetProtection sheet="1" objects="1" scenarios="1"/>`);
  if (plan.merges.length) {
    sink.ascii(`<mergeCells count="${plan.merges.length}">`);
    for (const m of plan.merges) sink.ascii(`<mergeCell ref="${ref(m)}"/>`);
    sink.ascii("</mergeCells>");
  }
  let priority = 1;
  for (const bar of plan.dataBars ?? []) {
    const col = columnLetter(bar.col);
    sink.ascii(
      `<conditionalFormatting sqref="${col}${bar.fromRow}:${col}${bar.toRow}">` +
        `<cfRule type="dataBar" priority="${priority++}"><dataBar>` +
        `<cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="FF63BE7B"/>` +
        `</dataBar></cfRule></conditionalFormatting>`,
    );
  }
  if (plan.validations?.length) {
    sink.text(
      `<dataValidations count="${plan.validations.length}">${plan.validations.map(validationXml).join("")}</dataValidations>`,
    );
  }
  if (linked) writeHyperlinks(sink, plan);
  const p = plan.print;
  sink.text(
    `<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
      `<pageSetup paperSize="9" orientation="${p.orientation}"${p.fitToWidth ? ` fitToWidth="1" fitToHeight="0"` : ""}/>` +
      `<headerFooter>${p.header ? `<oddHeader>${xmlText(headerCode(p.header))}</oddHeader>` : ""}` +
      `<oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>${extra}</worksheet>`,
  );
  return sink.take();
}
