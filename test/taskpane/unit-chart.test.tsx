/**
 * The summary step's chart, rendered to HTML on the server path (with Griffel's styles): every
 * unit named in full with a bar per series and its value written (zero as 0), a legend, Fluent
 * colour tokens rather than fixed colours, text no smaller than 12 px, and a table of the same
 * numbers for screen readers.
 */
import { DOMParser } from "@xmldom/xmldom";
import {
  FluentProvider,
  RendererProvider,
  createDOMRenderer,
  renderToStyleElements,
  webLightTheme,
} from "@fluentui/react-components";
import { renderToStaticMarkup } from "react-dom/server";
import { translator } from "../../src/i18n";
import { type UnitBar, UnitChart } from "../../src/taskpane/steps/UnitChart";

// The case: seven units, four of which have nothing done or nothing overdue.
const UNITS: UnitBar[] = [
  { name: "县乡村振兴局", lead: 7, done: 0, overdue: 3 },
  { name: "县人力资源和社会保障局（县医疗保障局）", lead: 4, done: 1, overdue: 2 },
  { name: "县民政局", lead: 2, done: 0, overdue: 1 },
  { name: "县发改局", lead: 3, done: 1, overdue: 0 },
  { name: "八渡镇", lead: 1, done: 0, overdue: 0 },
  { name: "县财政局", lead: 4, done: 4, overdue: 0 },
  { name: "县委组织部", lead: 4, done: 3, overdue: 0 },
];

type El = Element;
/** Elements by tag, optionally only those carrying an attribute (xmldom has no querySelector). */
function find(root: Document | El, tag: string, attr?: string): El[] {
  const all = Array.from((root as El).getElementsByTagName(tag)) as El[];
  return attr ? all.filter((e) => e.hasAttribute(attr)) : all;
}
const kids = (e: El) => Array.from(e.childNodes).filter((n): n is El => n.nodeType === 1);

function render(units = UNITS, lang: "zh-CN" | "en" = "zh-CN") {
  const renderer = createDOMRenderer();
  const html = renderToStaticMarkup(
    <RendererProvider renderer={renderer}>
      <FluentProvider theme={webLightTheme}>
        <UnitChart units={units} t={translator(lang)} />
      </FluentProvider>
    </RendererProvider>,
  );
  const css = renderToStaticMarkup(<>{renderToStyleElements(renderer)}</>);
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, "text/xml") as unknown as Document;
  return { doc, html, css };
}

describe("the summary chart", () => {
  const { doc, html, css } = render();
  const rows = () => find(doc, "div", "data-unit");

  it("names every unit in full, one row each, in the order given", () => {
    expect(rows().map((r) => r.getAttribute("data-unit"))).toEqual(UNITS.map((u) => u.name));
    expect(rows().map((r) => kids(r)[0]!.textContent)).toEqual(UNITS.map((u) => u.name));
  });

  it("gives every unit a bar per series with its value written, zero as 0", () => {
    for (const [i, u] of UNITS.entries()) {
      const bars = find(rows()[i]!, "span", "data-series");
      expect(bars.map((b) => b.getAttribute("data-series"))).toEqual(["done", "overdue"]);
      const values = bars.map((b) => kids(b.parentNode as El)[1]!.textContent);
      expect(values).toEqual([String(u.done), String(u.overdue)]);
      // Bars scale with the largest lead count; a zero has no width of its own (a hairline stub).
      const widths = bars.map((b) => b.getAttribute("style") ?? "");
      expect(widths).toEqual([u.done, u.overdue].map((v) => (v > 0 ? `width:${(v / 7) * 82}%` : "")));
    }
  });

  it("has a legend and the chart's title", () => {
    expect(find(doc, "figcaption")[0]!.textContent).toBe("各单位牵头任务：逾期与已完成");
    expect(find(doc, "li").map((li) => li.textContent)).toEqual(["已完成", "逾期"]);
  });

  it("is one image to assistive technology, with the numbers in a table", () => {
    const img = find(doc, "div", "role").filter((e) => e.getAttribute("role") === "img");
    expect(img).toHaveLength(1);
    expect(img[0]!.getAttribute("aria-label")).toContain("7个单位");
    const body = find(find(doc, "tbody")[0]!, "tr").map((tr) => kids(tr).map((c) => c.textContent));
    expect(body).toEqual(UNITS.map((u) => [u.name, String(u.lead), String(u.done), String(u.overdue)]));
    expect(find(find(doc, "thead")[0]!, "th").map((th) => th.textContent)).toEqual([
      "单位",
      "牵头任务",
      "已完成",
      "逾期",
    ]);
  });

  it("takes its colours and sizes from Fluent tokens: no fixed colours, no text below 12 px", () => {
    // No hard-coded colour in the chart's markup or its rules (the theme's variables aside).
    const chart = html.slice(html.indexOf("<figure"));
    expect(chart).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
    expect(css).not.toMatch(/(?:color|background-color):\s*(?:#|rgb)/i);
    expect(css).toMatch(/background-color:var\(--colorPaletteGreenBackground3\)/);
    expect(css).toMatch(/background-color:var\(--colorPaletteRedBackground3\)/);
    const sizes = [...css.matchAll(/font-size:var\(--(fontSizeBase\d+)\)/g)].map((m) => m[1]);
    expect(sizes.length).toBeGreaterThan(0);
    // fontSizeBase200 is 12 px, the smallest used; Base100 (10 px) must not appear.
    expect(sizes).not.toContain("fontSizeBase100");
    expect(webLightTheme.fontSizeBase200).toBe("12px");
  });

  it("speaks English in the English pane", () => {
    const en = render(UNITS.slice(0, 2), "en").doc;
    expect(find(en, "li").map((li) => li.textContent)).toEqual(["Done", "Overdue"]);
    expect(find(en, "caption")[0]!.textContent).toBe("Lead tasks per unit: done and overdue");
  });
});
