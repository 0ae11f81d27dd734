/**
 * Just enough XML for the package's own parts, read as real files write them: attributes in
 * double or single quotes, entity and character references, any namespace prefix (`<x:sheet>`,
 * as the Open XML SDK writes) and OOXML's `_xHHHH_` character escapes.
 */

/** XML text back to its characters. */
export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (whole, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** OOXML's escapes in cell text: `_x000D_` is a carriage return, `_x005F_` an underscore. */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The attributes of a start tag, by qualified name (`r:id` stays `r:id`). */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=<>/"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  // Skip the element's own name.
  const start = tag.search(/\s/);
  if (start < 0) return out;
  re.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out.set(m[1]!, unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

/** One attribute of a start tag by its qualified name. */
export function attr(tag: string, name: string): string | undefined {
  return attributes(tag).get(name);
}

/** The prefix (with its colon) of the document's root element, "" when it has none. */
export function rootPrefix(xml: string): string {
  const m = /<(?![?!])([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*/.exec(xml);
  return m?.[1] ?? "";
}

/** Prefixes bound to a namespace anywhere in the document (e.g. the relationships one). */
export function prefixesOf(xml: string, namespaces: readonly string[]): string[] {
  const out: string[] = [];
  const re = /\sxmlns:([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) if (namespaces.includes(m[2] ?? m[3] ?? "")) out.push(m[1]!);
  return out;
}

export const REL_NAMESPACES = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];

/** An element found in a document: where it starts and ends, and its start tag. */
export interface Found {
  start: number;
  end: number;
  /** The start tag, `<x:sheet name="…"/>` included. */
  tag: string;
  /** The whole element's text. */
  text: string;
}

/** A regular-expression-safe version of a name. */
function quote(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Every element of this local name (any prefix), in document order, with its extent. Elements of
 * that name are assumed not to nest (true of the parts read here: sheet, definedName, Override…).
 */
export function elements(xml: string, local: string, from = 0, to = xml.length): Found[] {
  const out: Found[] = [];
  const open = new RegExp(`<((?:[\\w.-]+:)?${quote(local)})(?=[\\s/>])[^>]*>`, "g");
  open.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = open.exec(xml)) && m.index < to) {
    const tag = m[0];
    let end = m.index + tag.length;
    if (!tag.endsWith("/>")) {
      const close = xml.indexOf(`</${m[1]!}>`, end);
      if (close < 0) break;
      end = close + m[1]!.length + 3;
    }
    out.push({ start: m.index, end, tag, text: xml.slice(m.index, end) });
    open.lastIndex = end;
  }
  return out;
}

/** The first element of this local name, or undefined. */
export function element(xml: string, local: string, from = 0, to = xml.length): Found | undefined {
  return elements(xml, local, from, to)[0];
}

/** The inner text of an element found (between its start and end tags). */
export function inner(f: Found): string {
  if (f.tag.endsWith("/>")) return "";
  const close = f.text.lastIndexOf("</");
  return f.text.slice(f.tag.length, close);
}

/**
 * Characters XML 1.0 cannot carry (and carriage returns, which an XML reader turns into line
 * feeds), lone surrogates, the markup characters, and text that reads as an OOXML escape.
 */
/* eslint-disable no-control-regex -- control characters are what these expressions are for */
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b-\u001f\ufffe\uffff\ud800-\udfff]|_x[0-9a-fA-F]{4}_/;
const ESCAPE =
  /[&<>"\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|_(?=x[0-9a-fA-F]{4}_)/g;
const NEEDS_ATTR_ESCAPE = /[&<>"\u0000-\u0008\u000b-\u001f\ufffe\uffff\ud800-\udfff]/;
const ATTR_ESCAPE =
  /[&<>"\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

function escapeOne(ch: string): string {
  switch (ch) {
    case "&":
      return "&amp;";
    case "<":
      return "&lt;";
    case ">":
      return "&gt;";
    case '"':
      return "&quot;";
    case "_":
      // Spreadsheets read _xHHHH_ as an escaped character: a literal one is written _x005F_xHHHH_.
      return "_x005F_";
    default: {
      const code = ch.charCodeAt(0);
      // A lone surrogate cannot be written in any encoding; the others as OOXML escapes.
      if (code >= 0xd800 && code <= 0xdfff) return "\ufffd";
      return `_x${code.toString(16).toUpperCase().padStart(4, "0")}_`;
    }
  }
}

function escapeAttrOne(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0xfffe || code === 0xffff) return " ";
  return escapeOne(ch);
}

/** Cell text as element content, exactly as a spreadsheet will show it (OOXML escapes). */
export function xmlText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE, escapeOne) : text;
}

/** Text as an attribute value of a package part (no OOXML escapes: names, targets, formulas). */
export function xmlAttr(text: string): string {
  return NEEDS_ATTR_ESCAPE.test(text) ? text.replace(ATTR_ESCAPE, escapeAttrOne) : text;
}
