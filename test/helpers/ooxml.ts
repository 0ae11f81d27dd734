/**
 * Reading an Office Open XML package the way the fidelity tests need it: its parts as bytes, a
 * part's relationships, and the few elements the tests compare, found by plain text scanning
 * (no library that parses and re-serialises: what is compared is what is in the file).
 */
import { strFromU8, unzipSync } from "fflate";
import * as posix from "path/posix";

export type Parts = Map<string, Uint8Array>;

/** Every part of a package, decompressed (directories left out). */
export function readParts(bytes: Uint8Array): Parts {
  const files = unzipSync(bytes);
  const parts: Parts = new Map();
  for (const [name, data] of Object.entries(files)) if (!name.endsWith("/")) parts.set(name, data);
  return parts;
}

export function text(parts: Parts, name: string): string {
  const p = parts.get(name);
  if (!p) throw new Error(`the package has no part ${name}`);
  return strFromU8(p);
}

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (whole, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
  });
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The attributes of a start tag, unescaped, as a sorted "name=value" list (order in a tag carries no meaning). */
export function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/\s([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1]!, unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

export function attrKey(tag: string): string {
  return [...attrs(tag)]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(" ");
}

/** Start tags (or empty-element tags) named `name`, with or without a namespace prefix. */
export function startTags(xml: string, name: string): string[] {
  return xml.match(new RegExp(`<(?:\\w+:)?${name}(?=[\\s/>])[^>]*>`, "g")) ?? [];
}

/** The whole elements named `name` (start tag to matching end tag; not nested in each other). */
export function elements(xml: string, name: string): string[] {
  const re = new RegExp(`<((?:\\w+:)?${name})(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</\\1>)`, "g");
  return xml.match(re) ?? [];
}

/** The content of the first element named `name`, or undefined. */
export function inner(xml: string, name: string): string | undefined {
  const m = new RegExp(`<((?:\\w+:)?${name})(?=[\\s/>])[^>]*?(?:/>|>([\\s\\S]*?)</\\1>)`).exec(xml);
  return m ? (m[2] ?? "") : undefined;
}

/** The child elements of a fragment, each as its full text (depth counted over tags). */
export function children(fragment: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  for (const m of fragment.matchAll(/<(\/?)[^>!?]*?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g)) {
    const tok = m[0];
    if (tok.startsWith("<!--") || tok.startsWith("<?")) continue;
    const closing = m[1] === "/";
    const selfClosing = m[2] === "/";
    if (closing) {
      depth--;
      if (depth === 0) out.push(fragment.slice(start, m.index + tok.length));
    } else if (selfClosing) {
      if (depth === 0) out.push(tok);
    } else {
      if (depth === 0) start = m.index;
      depth++;
    }
  }
  return out;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part the target names, for internal targets. */
  part?: string;
}

/** The relationships part of a part ("" for the package root). */
export function relsPartOf(part: string): string {
  const dir = posix.dirname(part);
  return posix.join(dir === "." ? "" : dir, "_rels", `${posix.basename(part)}.rels`);
}

/** The relationships of `part` (""=root), targets resolved to part names. */
export function relationships(parts: Parts, part: string): Relationship[] {
  const relsName = part === "" ? "_rels/.rels" : relsPartOf(part);
  const xml = parts.get(relsName);
  if (!xml) return [];
  const base = part === "" ? "" : posix.dirname(part);
  return startTags(strFromU8(xml), "Relationship").map((tag) => {
    const a = attrs(tag);
    const target = a.get("Target") ?? "";
    const external = a.get("TargetMode") === "External";
    const rel: Relationship = { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target, external };
    if (!external) {
      const path = decodeURIComponent(target.split("#")[0]!);
      rel.part = path.startsWith("/") ? path.slice(1) : posix.normalize(posix.join(base, path));
    }
    return rel;
  });
}
