/**
 * What "lossless" means for a package that went through `generate`, as checks that return the
 * problems they found (empty = kept). Each check reads the parts as text and compares entries;
 * none parses a part into a model and writes it back.
 */
import { strFromU8 } from "fflate";
import { validateXML } from "xmllint-wasm";
import {
  type Parts,
  attrKey,
  attrs,
  children,
  elements,
  inner,
  relationships,
  relsPartOf,
  startTags,
  text,
} from "../helpers/ooxml";

/** The parts the tool may edit (by adding only); every other part must keep its bytes. */
export const WORKBOOK_LEVEL = new Set([
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  "xl/sharedStrings.xml",
  "docProps/app.xml",
  "docProps/core.xml",
]);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Every part outside the workbook-level set is in the output with the same (decompressed) bytes. */
export function userPartsKept(input: Parts, output: Parts): string[] {
  const problems: string[] = [];
  for (const [name, bytes] of input) {
    if (WORKBOOK_LEVEL.has(name)) continue;
    const out = output.get(name);
    if (!out) problems.push(`${name}: missing from the output`);
    else if (!sameBytes(bytes, out))
      problems.push(`${name}: bytes changed (${bytes.length} → ${out.length})`);
  }
  return problems;
}

/** `before` appears in `after` in the same order (other entries may be between). */
function inOrder(before: string[], after: string[], what: string): string[] {
  let j = 0;
  for (const b of before) {
    while (j < after.length && after[j] !== b) j++;
    if (j === after.length) {
      return [after.includes(b) ? `${what} out of order: ${b}` : `${what} changed or lost: ${b}`];
    }
    j++;
  }
  return [];
}

/** Collections of styles.xml whose entries are referred to by index (or id). */
const STYLE_COLLECTIONS = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "indexedColors",
  "mruColors",
];

const normalise = (xml: string) => xml.replace(/>\s+</g, "><").trim();

/** The workbook-level parts only grew: the user's entries unchanged, in order, at their indices. */
export function workbookLevelGrew(input: Parts, output: Parts): string[] {
  const problems: string[] = [];
  const has = (p: Parts, n: string) => p.has(n);

  if (has(input, "xl/workbook.xml")) {
    const a = text(input, "xl/workbook.xml");
    const b = has(output, "xl/workbook.xml") ? text(output, "xl/workbook.xml") : "";
    problems.push(
      ...inOrder(
        startTags(a, "sheet").map(attrKey),
        startTags(b, "sheet").map(attrKey),
        "workbook.xml <sheet>",
      ),
    );
    const names = (xml: string) =>
      elements(inner(xml, "definedNames") ?? "", "definedName").map(
        (e) => `${attrKey(startTags(e, "definedName")[0]!)} ${inner(e, "definedName") ?? ""}`,
      );
    problems.push(...inOrder(names(a), names(b), "workbook.xml <definedName>"));
  }

  if (has(input, "xl/styles.xml")) {
    const a = text(input, "xl/styles.xml");
    const b = has(output, "xl/styles.xml") ? text(output, "xl/styles.xml") : "";
    for (const c of STYLE_COLLECTIONS) {
      const before = children(inner(a, c) ?? "").map(normalise);
      const after = children(inner(b, c) ?? "").map(normalise);
      before.forEach((entry, i) => {
        if (after[i] !== entry) problems.push(`styles.xml <${c}> entry ${i} changed: ${entry.slice(0, 120)}`);
      });
    }
  }

  if (has(input, "xl/sharedStrings.xml")) {
    const a = elements(text(input, "xl/sharedStrings.xml"), "si");
    const b = has(output, "xl/sharedStrings.xml") ? elements(text(output, "xl/sharedStrings.xml"), "si") : [];
    const i = a.findIndex((si, k) => b[k] !== si);
    if (i >= 0) problems.push(`sharedStrings.xml item ${i} changed: ${a[i]!.slice(0, 120)}`);
  }

  const types = (p: Parts) => {
    const xml = p.has("[Content_Types].xml") ? text(p, "[Content_Types].xml") : "";
    return new Set([
      ...startTags(xml, "Default").map((t) => `Default ${attrKey(t)}`),
      ...startTags(xml, "Override").map((t) => `Override ${attrKey(t)}`),
    ]);
  };
  const typesAfter = types(output);
  for (const t of types(input)) if (!typesAfter.has(t)) problems.push(`[Content_Types].xml lost ${t}`);

  const rels = (p: Parts) =>
    new Set(relationships(p, "xl/workbook.xml").map((r) => `${r.id} ${r.type} ${r.target} ${r.external}`));
  const relsAfter = rels(output);
  for (const r of rels(input)) if (!relsAfter.has(r)) problems.push(`workbook.xml.rels lost ${r}`);
  return problems;
}

/** Parts reached from the package root through relationships (the .rels parts included). */
function reachable(parts: Parts): { reached: Set<string>; dangling: string[] } {
  const reached = new Set<string>();
  const dangling: string[] = [];
  const queue = [""];
  const visit = (part: string) => {
    const rels = part === "" ? "_rels/.rels" : relsPartOf(part);
    if (parts.has(rels)) reached.add(rels);
    for (const r of relationships(parts, part)) {
      if (r.external || !r.part) continue;
      if (!parts.has(r.part)) {
        dangling.push(`${part || "(root)"} ${r.id} → ${r.target}`);
        continue;
      }
      if (!reached.has(r.part)) {
        reached.add(r.part);
        queue.push(r.part);
      }
    }
  };
  while (queue.length) visit(queue.shift()!);
  return { reached, dangling };
}

/**
 * No orphaned part and no dangling relationship in `output`, and every part has a content type —
 * except where the input already had the same fault (a user's own oddity is carried over as it is).
 */
export function packageConsistent(input: Parts, output: Parts): string[] {
  const problems: string[] = [];
  const before = reachable(input);
  const after = reachable(output);
  const orphanedBefore = new Set([...input.keys()].filter((p) => !before.reached.has(p)));
  for (const p of output.keys()) {
    if (p === "[Content_Types].xml" || after.reached.has(p) || orphanedBefore.has(p)) continue;
    problems.push(`orphaned part ${p}`);
  }
  const danglingBefore = new Set(before.dangling);
  for (const d of after.dangling) if (!danglingBefore.has(d)) problems.push(`dangling relationship ${d}`);

  const ct = output.has("[Content_Types].xml") ? text(output, "[Content_Types].xml") : "";
  const defaults = new Set(startTags(ct, "Default").map((t) => attrs(t).get("Extension")?.toLowerCase()));
  const overrides = new Set(startTags(ct, "Override").map((t) => attrs(t).get("PartName")?.slice(1)));
  for (const p of output.keys()) {
    if (p === "[Content_Types].xml") continue;
    const ext = p.slice(p.lastIndexOf(".") + 1).toLowerCase();
    if (!overrides.has(p) && !defaults.has(ext)) problems.push(`no content type for ${p}`);
  }
  const overridesBefore = new Set(
    startTags(input.has("[Content_Types].xml") ? text(input, "[Content_Types].xml") : "", "Override").map(
      (t) => attrs(t).get("PartName")?.slice(1),
    ),
  );
  for (const o of overrides) {
    if (o && !output.has(o) && !(overridesBefore.has(o) && !input.has(o)))
      problems.push(`content type override for a missing part /${o}`);
  }
  return problems;
}

const isXmlPart = (name: string) => /\.(xml|rels|vml)$/i.test(name);

/** Every XML part of the package is well-formed (libxml2, through xmllint-wasm; one call for the package). */
export async function wellFormed(parts: Parts, only?: (name: string) => boolean): Promise<string[]> {
  const xml = [...parts]
    .filter(([name]) => isXmlPart(name) && !/\.vml$/i.test(name) && (only?.(name) ?? true))
    .map(([name, bytes]) => ({ fileName: name.replace(/[[\]]/g, "_"), contents: strFromU8(bytes) }));
  if (!xml.length) return [];
  // Without a schema xmllint checks well-formedness only; the typings ask for a schema or a
  // normalisation, which this check does not need (package-checks.test.ts shows it still fails on bad XML).
  const options = { xml, initialMemoryPages: 256, maxMemoryPages: 4096 };
  const r = await validateXML(options as unknown as Parameters<typeof validateXML>[0]);
  return r.valid ? [] : r.errors.map((e) => e.rawMessage);
}
