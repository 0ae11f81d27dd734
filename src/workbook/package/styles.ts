/**
 * The plan's cell styles added to a workbook's styles part by appending: every existing font,
 * fill, border, number format and cell format keeps its index (the workbook's default font
 * included). An entry identical to one already there (an earlier run's) is used again, so
 * regenerating does not grow the part.
 */
import { type CellStyle, STYLES, type StyleId } from "../../core/plan/model";
import { type Found, attr, element, elements, rootPrefix, xmlAttr } from "./xml";

/** Style index (into the workbook's cellXfs) of each plan style. */
export type StyleIndex = Readonly<Record<StyleId, number>>;

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A styles part for a package that has none: one default font, the two fills Excel requires. */
export function minimalStylesXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<styleSheet xmlns="${MAIN_NS}">` +
    `<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`
  );
}

const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "0%": 9, "0.00%": 10 };

/** styleSheet's children in schema order: where a missing collection goes. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"];

class StylesEditor {
  readonly p: string;

  constructor(public xml: string) {
    this.p = rootPrefix(xml);
  }

  /** The collection element, created (empty) at its place in the schema when missing. */
  private collection(name: string): Found {
    const found = element(this.xml, name);
    if (found && !found.tag.endsWith("/>")) return found;
    const p = this.p;
    let at: number;
    if (found) {
      at = found.start;
      this.xml = this.xml.slice(0, found.start) + this.xml.slice(found.end);
    } else {
      at = -1;
      for (const before of ORDER.slice(0, ORDER.indexOf(name)).reverse()) {
        const f = element(this.xml, before);
        if (f) {
          at = f.end;
          break;
        }
      }
      if (at < 0) at = this.xml.indexOf(">", this.xml.search(new RegExp(`<${p}styleSheet\\b`))) + 1;
    }
    this.xml = `${this.xml.slice(0, at)}<${p}${name} count="0"></${p}${name}>${this.xml.slice(at)}`;
    return element(this.xml, name)!;
  }

  /** Index of an entry equal to `entry`, appending it when there is none. */
  index(collection: string, item: string, entry: string): number {
    const c = this.collection(collection);
    const items = elements(this.xml, item, c.start, c.end);
    const same = items.findIndex((f) => f.text === entry);
    if (same >= 0) return same;
    const close = c.end - `</${this.p}${collection}>`.length;
    const count = items.length + 1;
    const tag = /\scount\s*=/.test(c.tag)
      ? c.tag.replace(/(\scount\s*=\s*)(["'])[^"']*\2/, `$1"${count}"`)
      : c.tag.replace(/>$/, ` count="${count}">`);
    this.xml =
      this.xml.slice(0, c.start) +
      tag +
      this.xml.slice(c.start + c.tag.length, close) +
      entry +
      this.xml.slice(close);
    return items.length;
  }

  /** The id of a number format code: built-in, already defined, or a new custom one. */
  numFmt(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const c = element(this.xml, "numFmts");
    const existing = c ? elements(this.xml, "numFmt", c.start, c.end) : [];
    for (const f of existing) if (attr(f.tag, "formatCode") === code) return Number(attr(f.tag, "numFmtId"));
    const used = existing.map((f) => Number(attr(f.tag, "numFmtId") ?? 0));
    const id = Math.max(163, ...used) + 1;
    this.index("numFmts", "numFmt", `<${this.p}numFmt numFmtId="${id}" formatCode="${xmlAttr(code)}"/>`);
    return id;
  }
}

const BORDER_COLOR = "FFBFBFBF";

function fontXml(p: string, s: CellStyle): string {
  return (
    `<${p}font>${s.bold ? `<${p}b/>` : ""}${s.underline ? `<${p}u/>` : ""}<${p}sz val="${s.size ?? 10.5}"/>` +
    `${s.color ? `<${p}color rgb="${s.color}"/>` : ""}<${p}name val="等线"/><${p}family val="2"/><${p}charset val="134"/></${p}font>`
  );
}

function fillXml(p: string, argb: string): string {
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
}

function borderXml(p: string): string {
  const side = (n: string) => `<${p}${n} style="thin"><${p}color rgb="${BORDER_COLOR}"/></${p}${n}>`;
  return `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`;
}

/**
 * The styles part with the plan's styles added, and each style's cell format index. `xml` is the
 * workbook's styles part (or minimalStylesXml() when it has none).
 */
export function addPlanStyles(xml: string): { xml: string; index: StyleIndex } {
  const ed = new StylesEditor(xml);
  const p = ed.p;
  // Index 0 of fonts, borders and cell formats is what unstyled cells use: a part without them
  // gets plain ones first, so no cell of the user's takes one of the plan's styles.
  const count = (c: string, i: string) => {
    const f = element(ed.xml, c);
    return f ? elements(ed.xml, i, f.start, f.end).length : 0;
  };
  if (count("fonts", "font") === 0)
    ed.index("fonts", "font", `<${p}font><${p}sz val="11"/><${p}name val="等线"/></${p}font>`);
  if (count("borders", "border") === 0)
    ed.index(
      "borders",
      "border",
      `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`,
    );
  if (count("cellStyleXfs", "xf") === 0)
    ed.index("cellStyleXfs", "xf", `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
  if (count("cellXfs", "xf") === 0)
    ed.index("cellXfs", "xf", `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  // Fills 0 and 1 are reserved (none, gray125): a part with fewer gets them first.
  const fillCount = count("fills", "fill");
  if (fillCount === 0)
    ed.index("fills", "fill", `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`);
  if (fillCount <= 1)
    ed.index("fills", "fill", `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`);
  const index = {} as Record<StyleId, number>;
  for (const [id, s] of Object.entries(STYLES) as [StyleId, CellStyle][]) {
    const fontId = ed.index("fonts", "font", fontXml(p, s));
    const fillId = s.fill ? ed.index("fills", "fill", fillXml(p, s.fill)) : 0;
    // Border 0 is the workbook's "no border" in files Excel writes; a new one is added when needed.
    const borderId = s.border ? ed.index("borders", "border", borderXml(p)) : 0;
    const numFmtId = s.numFmt ? ed.numFmt(s.numFmt) : 0;
    const align =
      `<${p}alignment vertical="top"${s.align ? ` horizontal="${s.align}"` : ""}${s.wrap ? ` wrapText="1"` : ""}/>` +
      (s.unlocked ? `<${p}protection locked="0"/>` : "");
    const xf =
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      `${numFmtId ? ` applyNumberFormat="1"` : ""} applyFont="1"${fillId ? ` applyFill="1"` : ""}` +
      `${borderId ? ` applyBorder="1"` : ""} applyAlignment="1"${s.unlocked ? ` applyProtection="1"` : ""}>${align}</${p}xf>`;
    index[id] = ed.index("cellXfs", "xf", xf);
  }
  return { xml: ed.xml, index };
}
