/**
 * Native charts as DrawingML parts (issue 13): pure string builders the package writer calls to
 * add, per sheet, one drawing part and one chart part per chart. The charts refer to the sheet's
 * cells (`'汇总'!$B$5:$B$17`), so they stay live when the figures change; an optional cache of the
 * current values lets a reader that does not recalculate show them too.
 *
 * What the package writer adds for a sheet with charts (names are suggestions; any unused part
 * names work):
 *   xl/charts/chartN.xml                      chartXml(plan)              CHART_CONTENT_TYPE
 *   xl/drawings/drawingM.xml                  drawingXml(anchors)         DRAWING_CONTENT_TYPE
 *   xl/drawings/_rels/drawingM.xml.rels       relationshipsXml(…CHART_REL_TYPE → ../charts/chartN.xml)
 *   xl/worksheets/_rels/sheetK.xml.rels       … DRAWING_REL_TYPE → ../drawings/drawingM.xml
 *   and in the sheet part, after pageSetup / headerFooter: drawingElement(rId)
 */
import type { ChartPlan, MergeOut, PlanCell, RangeOut } from "../../core/plan/model";

export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const DRAWING_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Colours for pie slices, in the order of the plan's categories (status shares). */
export const STATUS_COLORS = ["107C10", "0F6CBD", "C19C00", "C50F1F", "8A8886"];
const SERIES_COLORS = ["0F6CBD", "C50F1F", "107C10", "C19C00", "8A8886"];

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** An absolute reference to a range: 'Sheet ''1'''!$B$5:$B$17 (the sheet name always quoted). */
export function rangeRef(r: RangeOut): string {
  const cell = (row: number, col: number) => `$${columnLetters(col)}$${row}`;
  const sheet = `'${r.sheet.replace(/'/g, "''")}'`;
  const from = cell(r.top, r.left);
  return r.top === r.bottom && r.left === r.right
    ? `${sheet}!${from}`
    : `${sheet}!${from}:${cell(r.bottom, r.right)}`;
}

/** The number of cells a range covers (a category or value list). */
function length(r: RangeOut): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** The values the charts show until the reader recalculates: categories and one list per series. */
export interface ChartCache {
  categories: string[];
  values: (number | null)[][];
}

/** The cells of a range, row by row (a category or value list). */
function cellsOf(r: RangeOut, rows: readonly (readonly (PlanCell | null)[])[]): (PlanCell | null)[] {
  const out: (PlanCell | null)[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(rows[row - 1]?.[col - 1] ?? null);
  return out;
}

/**
 * The cache of a chart whose ranges lie on a planned sheet: read from the plan's own rows, so the
 * chart part shows the same figures the cells hold. Ranges on other sheets are left uncached.
 */
export function cacheFromRows(
  plan: ChartPlan,
  sheet: { name: string; rows: readonly (readonly (PlanCell | null)[])[] },
): ChartCache | undefined {
  const on = (r: RangeOut) => r.sheet === sheet.name;
  if (!on(plan.categories) || !plan.series.every((s) => on(s.values))) return undefined;
  return {
    categories: cellsOf(plan.categories, sheet.rows).map((c) =>
      c?.v === null || c?.v === undefined ? "" : String(c.v),
    ),
    values: plan.series.map((s) =>
      cellsOf(s.values, sheet.rows).map((c) =>
        typeof c?.v === "number" && Number.isFinite(c.v) ? c.v : null,
      ),
    ),
  };
}

export interface ChartOptions {
  cache?: ChartCache;
  /** Number format of values and data labels, e.g. "0%" for rates (default: the cells' own). */
  numberFormat?: string;
  /** The value axis's upper end (1 for rates); default: chosen by the reader. */
  valueMax?: number;
  /** Pie slice colours (RGB hex), in category order; default STATUS_COLORS. */
  pointColors?: string[];
}

const solid = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

function rich(text: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size * 100}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function textProps(size: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
}

function strRef(r: RangeOut, cache?: string[]): string {
  const pts = cache
    ? `<c:strCache><c:ptCount val="${cache.length}"/>${cache.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join("")}</c:strCache>`
    : "";
  return `<c:strRef><c:f>${escapeXml(rangeRef(r))}</c:f>${pts}</c:strRef>`;
}

function numRef(r: RangeOut, format: string | undefined, cache?: (number | null)[]): string {
  const pts = cache
    ? `<c:numCache><c:formatCode>${escapeXml(format ?? "General")}</c:formatCode><c:ptCount val="${cache.length}"/>` +
      cache.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("") +
      `</c:numCache>`
    : "";
  return `<c:numRef><c:f>${escapeXml(rangeRef(r))}</c:f>${pts}</c:numRef>`;
}

function labels(kind: ChartPlan["kind"], format: string | undefined): string {
  const fmt = format ? `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>` : "";
  const show = (val: boolean, cat: boolean, pct: boolean) =>
    `<c:showLegendKey val="0"/><c:showVal val="${val ? 1 : 0}"/><c:showCatName val="${cat ? 1 : 0}"/>` +
    `<c:showSerName val="0"/><c:showPercent val="${pct ? 1 : 0}"/><c:showBubbleSize val="0"/>`;
  if (kind === "pie")
    return `<c:dLbls><c:numFmt formatCode="0.0%" sourceLinked="0"/>${textProps(10)}<c:dLblPos val="bestFit"/>${show(false, true, true)}<c:showLeaderLines val="1"/></c:dLbls>`;
  const pos = kind === "bar" ? "outEnd" : "t";
  return `<c:dLbls>${fmt}${textProps(10)}<c:dLblPos val="${pos}"/>${show(true, false, false)}</c:dLbls>`;
}

function series(plan: ChartPlan, options: ChartOptions): string {
  const cache = options.cache;
  return plan.series
    .map((s, i) => {
      const color = s.color?.replace(/^FF(?=[0-9A-F]{6}$)/i, "") ?? SERIES_COLORS[i % SERIES_COLORS.length]!;
      const fill =
        plan.kind === "line"
          ? `<c:spPr><a:ln w="28575">${solid(color)}</a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>`
          : plan.kind === "bar"
            ? `<c:spPr>${solid(color)}</c:spPr><c:invertIfNegative val="0"/>`
            : "";
      const points =
        plan.kind === "pie"
          ? (options.pointColors ?? STATUS_COLORS)
              .slice(0, length(plan.categories))
              .map(
                (rgb, k) =>
                  `<c:dPt><c:idx val="${k}"/><c:bubble3D val="0"/><c:spPr>${solid(rgb)}<a:ln>${solid("FFFFFF")}</a:ln></c:spPr></c:dPt>`,
              )
              .join("")
          : "";
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>${fill}${points}` +
        labels(plan.kind, options.numberFormat) +
        `<c:cat>${strRef(plan.categories, cache?.categories)}</c:cat>` +
        `<c:val>${numRef(s.values, options.numberFormat, cache?.values[i])}</c:val>` +
        (plan.kind === "line" ? `<c:smooth val="0"/>` : "") +
        `</c:ser>`
      );
    })
    .join("");
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

function axes(plan: ChartPlan, options: ChartOptions): string {
  const format = options.numberFormat;
  const max = options.valueMax === undefined ? "" : `<c:max val="${options.valueMax}"/>`;
  // A horizontal bar chart draws its first category at the bottom; maxMin puts the sheet's first
  // row (the sorted order) on top, where a reader starts.
  const catOrientation = plan.kind === "bar" ? "maxMin" : "minMax";
  const catPos = plan.kind === "bar" ? "l" : "b";
  const valPos = plan.kind === "bar" ? "t" : "l";
  const fmt = `<c:numFmt formatCode="${escapeXml(format ?? "General")}" sourceLinked="${format ? 0 : 1}"/>`;
  return (
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${catOrientation}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${catPos}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${textProps(10)}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/>${max}<c:min val="0"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${valPos}"/><c:majorGridlines><c:spPr><a:ln w="6350">${solid("E0E0E0")}</a:ln></c:spPr></c:majorGridlines>` +
    `${fmt}<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(9)}` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="${plan.kind === "bar" ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function plotArea(plan: ChartPlan, options: ChartOptions): string {
  const ser = series(plan, options);
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  switch (plan.kind) {
    case "bar":
      return (
        `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${ser}` +
        `<c:gapWidth val="60"/>${axIds}</c:barChart>${axes(plan, options)}`
      );
    case "line":
      return (
        `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}<c:marker val="1"/>${axIds}</c:lineChart>` +
        axes(plan, options)
      );
    case "pie":
      return `<c:pieChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/></c:pieChart>`;
  }
}

/** A chart part (xl/charts/chartN.xml) for one planned chart. */
export function chartXml(plan: ChartPlan, options: ChartOptions = {}): string {
  const legendPos = plan.kind === "pie" ? "r" : "b";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${rich(plan.title, 12, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plotArea(plan, options)}</c:plotArea>` +
    `<c:legend><c:legendPos val="${legendPos}"/><c:overlay val="0"/>${textProps(10)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solid("FFFFFF")}<a:ln>${solid("D1D1D1")}</a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/** One chart placed on a sheet: the cells it covers and the drawing's relationship to its part. */
export interface DrawingAnchor {
  /** The cells it covers, 1-based and inclusive (ChartPlan.anchor). */
  anchor: MergeOut;
  /** The relationship id, in the drawing's .rels, of the chart part. */
  relId: string;
  /** The shape's name, shown in Excel's selection pane. */
  name: string;
}

/** A sheet's drawing part (xl/drawings/drawingM.xml) holding its charts. */
export function drawingXml(anchors: readonly DrawingAnchor[]): string {
  const frames = anchors.map((a, i) => {
    const { top, left, bottom, right } = a.anchor;
    const marker = (tag: string, col: number, row: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker("from", left - 1, top - 1)}${marker("to", right, bottom)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(a.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${escapeXml(a.relId)}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${frames.join("")}</xdr:wsDr>`
  );
}

/** A relationships part (e.g. the drawing's .rels pointing at its charts). */
export function relationshipsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS_PKG_RELS}">` +
    rels
      .map(
        (r) =>
          `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`,
      )
      .join("") +
    `</Relationships>`
  );
}

/** The element a worksheet part carries to show its drawing (after pageSetup / headerFooter). */
export function drawingElement(relId: string): string {
  return `<drawing r:id="${escapeXml(relId)}"/>`;
}
