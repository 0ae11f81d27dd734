/**
 * The planned charts of a sheet (`SheetPlan.charts`) as new parts of the package: one drawing part
 * per sheet, one chart part per chart, and their relationships — added through the writer's
 * `SheetExtras` hook, so a regenerate removes them with the sheet that reached them. The charts
 * refer to the sheet's own cells and carry their current values as a cache.
 */
import {
  CHART_CONTENT_TYPE,
  CHART_REL_TYPE,
  DRAWING_CONTENT_TYPE,
  DRAWING_REL_TYPE,
  type DrawingAnchor,
  cacheFromRows,
  chartXml,
  drawingElement,
  drawingXml,
  relationshipsXml,
} from "./chart-xml";
import { CONTENT_TYPE, relativeTarget, relsPartOf } from "./package";
import type { ExtraPart, SheetExtras } from "./writer";

export const chartExtras: SheetExtras = (sheet, freeName) => {
  if (!sheet.charts?.length) return null;
  const drawing = freeName("xl/drawings/drawing", ".xml");
  const parts: ExtraPart[] = [];
  const anchors: DrawingAnchor[] = [];
  const rels: { id: string; type: string; target: string }[] = [];
  sheet.charts.forEach((plan, i) => {
    const chart = freeName("xl/charts/chart", ".xml");
    const cache = cacheFromRows(plan, sheet);
    // The bar and the line are rates: in percent, on an axis from 0 to 100%.
    const rates = plan.kind === "pie" ? {} : { numberFormat: "0%", valueMax: 1 };
    parts.push({
      name: chart,
      data: chartXml(plan, { ...rates, ...(cache ? { cache } : {}) }),
      contentType: CHART_CONTENT_TYPE,
    });
    const relId = `rId${i + 1}`;
    rels.push({ id: relId, type: CHART_REL_TYPE, target: relativeTarget(drawing, chart) });
    anchors.push({ anchor: plan.anchor, relId, name: plan.title });
  });
  parts.push({ name: drawing, data: drawingXml(anchors), contentType: DRAWING_CONTENT_TYPE });
  parts.push({
    name: relsPartOf(drawing),
    data: relationshipsXml(rels),
    contentType: CONTENT_TYPE.relationships,
  });
  return {
    parts,
    rels: [{ type: DRAWING_REL_TYPE, part: drawing }],
    element: (ids) => drawingElement(ids[0]!),
  };
};
