/**
 * Applying a plan to a package. What an earlier run generated (recorded in the settings sheet)
 * is removed — its sheet parts, their relationships and the parts only they reached (drawings,
 * charts), their content types, their sheet-scoped defined names — and the planned sheets are
 * added as new parts. Only the workbook-level parts are edited, and only at the entries the tool
 * owns: `[Content_Types].xml`, the workbook part (`<sheets>`, `<definedNames>`), its
 * relationships and the styles part (appended). Every other part keeps its bytes.
 */
import {
  type LedgerSettings,
  SETTINGS_SHEET,
  type SheetPlan,
  type WorkbookPlan,
} from "../../core/plan/model";
import { settingsToRows } from "../../core/plan/settings";
import type { ApplyProgress } from "../../app/port";
import { CONTENT_TYPE, REL_TYPE, type Package, isRel, relativeTarget, relsPartOf } from "./package";
import { ByteSink } from "./byte-sink";
import { SharedStrings } from "./shared-strings";
import { worksheetXml } from "./sheet-writer";
import { addPlanStyles, minimalStylesXml } from "./styles";
import { type DefinedName, type SheetEntry, readWorkbook } from "./workbook";
import { element, elements, xmlAttr } from "./xml";

/** A part added with a sheet (a drawing, a chart). */
export interface ExtraPart {
  name: string;
  data: string | Uint8Array;
  /** A part's own relationships part (a drawing's, to its charts) is an extra part too, of the relationships type. */
  contentType: string;
}

/**
 * What a sheet brings beyond its cells (issue 13, charts): parts, the sheet's relationships to
 * some of them, and the element that points at them (`<drawing r:id="…"/>`) given those
 * relationships' ids. Parts reached only from a generated sheet are removed with it next run.
 */
export interface SheetExtra {
  parts: ExtraPart[];
  /** Relationships from the sheet part, by type and target part name. */
  rels: { type: string; part: string }[];
  element: (ids: string[]) => string;
}

/** Adds a sheet's extra parts; `freeName` gives an unused part name ("xl/drawings/drawing", ".xml"). */
export type SheetExtras = (
  sheet: SheetPlan,
  freeName: (stem: string, ext: string) => string,
) => SheetExtra | null;

export interface WriteOptions {
  onProgress?: ApplyProgress;
  extras?: SheetExtras;
}

/** The settings sheet: very hidden, the settings in column A. */
function settingsSheet(settings: LedgerSettings): SheetPlan {
  return {
    name: SETTINGS_SHEET,
    role: "history",
    rows: settingsToRows(settings).map((r) => [{ v: r[0] ?? "" }]),
    merges: [],
    widths: [],
    print: { orientation: "portrait", paper: "A4", fitToWidth: false },
  };
}

/** Parts reachable from the package root through internal relationships, skipping `cut` edges. */
function reachable(pkg: Package, cut: (source: string, relId: string) => boolean): Set<string> {
  const seen = new Set<string>();
  const todo = [""];
  while (todo.length) {
    const source = todo.pop()!;
    for (const r of pkg.rels(source)) {
      if (!r.part || cut(source, r.id)) continue;
      const part = pkg.find(r.part);
      if (!part || seen.has(part)) continue;
      seen.add(part);
      todo.push(part);
    }
  }
  return seen;
}

/** Every part reached from these parts (themselves included). */
function reachedFrom(pkg: Package, roots: readonly string[]): Set<string> {
  const seen = new Set<string>(roots);
  const todo = [...roots];
  while (todo.length) {
    for (const r of pkg.rels(todo.pop()!)) {
      const part = r.part ? pkg.find(r.part) : undefined;
      if (part && !seen.has(part)) {
        seen.add(part);
        todo.push(part);
      }
    }
  }
  return seen;
}

/**
 * Unused part names, numbered from 1 per stem. Each stem's search resumes where it last stopped:
 * names are only added while a plan is written, so a number once found taken stays taken (starting
 * from 1 each time made 1,000 sheets cost half a million look-ups).
 */
function freeNamer(pkg: Package, taken: Set<string>): (stem: string, ext: string) => string {
  const next = new Map<string, number>();
  return (stem, ext) => {
    const key = `${stem}\0${ext}`;
    for (let n = next.get(key) ?? 1; ; n++) {
      const name = `${stem}${n}${ext}`;
      if (!pkg.has(name) && !taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        next.set(key, n + 1);
        return name;
      }
    }
  };
}

/** Unused relationship ids (rId1, rId2, …), the search resuming where it last stopped, as above. */
function relIds(used: Set<string>): () => string {
  let n = 1;
  return () => {
    for (; ; n++) {
      const id = `rId${n}`;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

/** A sheet name quoted for a reference: `'县发改局'`. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Write `sheets` into the package after removing the sheets named in `remove`. */
export function writeSheets(
  pkg: Package,
  remove: ReadonlySet<string>,
  sheets: readonly (SheetPlan & { state?: "veryHidden" })[],
  opts: WriteOptions = {},
): void {
  const wb = readWorkbook(pkg);
  const p = wb.prefix;
  const relPrefix = wb.relPrefixes[0] ?? "r";
  const removed = wb.sheets.filter((s) => remove.has(s.name));
  const kept = wb.sheets.filter((s) => !remove.has(s.name));
  const removedRelIds = new Set(removed.map((s) => s.rId));

  // Parts that go: those reached from a removed sheet that nothing else reaches any more.
  const fromRemoved = reachedFrom(
    pkg,
    removed.flatMap((s) => (s.part ? [s.part] : [])),
  );
  const stillReached = reachable(pkg, (source, id) => source === wb.part && removedRelIds.has(id));
  const goneParts = [...fromRemoved].filter((part) => !stillReached.has(part));
  for (const part of [...goneParts]) {
    const rels = relsPartOf(part);
    if (pkg.has(rels)) goneParts.push(pkg.find(rels)!);
  }

  // A calculation chain naming a removed sheet is dropped: Excel rebuilds it.
  const removedIds = new Set(removed.map((s) => String(s.sheetId)));
  const calc = wb.rels.find((r) => isRel(r, "calcChain"));
  let dropCalc = false;
  if (calc?.part && removedIds.size) {
    const xml = pkg.text(calc.part) ?? "";
    dropCalc = elements(xml, "c").some(({ tag }) => removedIds.has(/\si="(\d+)"/.exec(tag)?.[1] ?? ""));
    if (dropCalc) goneParts.push(pkg.find(calc.part) ?? calc.part);
  }
  for (const part of goneParts) pkg.remove(part);

  // Styles: the workbook's part, or a new one.
  const addedTypes = new Map<string, string>();
  const newRels: string[] = [];
  const freeRelId = relIds(new Set(wb.rels.filter((r) => !removedRelIds.has(r.id)).map((r) => r.id)));
  const stylesRel = wb.rels.find((r) => isRel(r, "styles"));
  let stylesPart = stylesRel?.part ? pkg.find(stylesRel.part) : undefined;
  const { xml: stylesXml, index } = addPlanStyles((stylesPart && pkg.text(stylesPart)) || minimalStylesXml());
  if (!stylesPart) {
    stylesPart = "xl/styles.xml";
    if (pkg.has(stylesPart)) stylesPart = freeNamer(pkg, new Set())("xl/styles", ".xml");
    addedTypes.set(stylesPart, CONTENT_TYPE.styles);
    newRels.push(
      `<Relationship Id="${freeRelId()}" Type="${REL_TYPE.styles}" Target="${xmlAttr(relativeTarget(wb.part, stylesPart))}"/>`,
    );
  }
  pkg.put(stylesPart, stylesXml);

  // Shared strings: the workbook's table, or a new one.
  const sstRel = wb.rels.find((r) => isRel(r, "sharedStrings"));
  let sstPart = sstRel?.part ? pkg.find(sstRel.part) : undefined;
  const strings = new SharedStrings(sstPart ? pkg.text(sstPart) : undefined);

  // The new sheets' parts.
  const taken = new Set<string>();
  const freeName = freeNamer(pkg, taken);
  let nextSheetId = Math.max(0, ...kept.map((s) => s.sheetId)) + 1;
  const sheetEls: string[] = [];
  const nameEls: string[] = [];
  const total = sheets.length;
  const sink = new ByteSink();
  sheets.forEach((plan, i) => {
    const part = freeName("xl/worksheets/sheet", ".xml");
    const extra = opts.extras?.(plan, freeName) ?? null;
    let extraXml = "";
    if (extra) {
      const ids: string[] = [];
      const rels = extra.rels.map((r, k) => {
        const id = `rId${k + 1}`;
        ids.push(id);
        return `<Relationship Id="${id}" Type="${xmlAttr(r.type)}" Target="${xmlAttr(relativeTarget(part, r.part))}"/>`;
      });
      pkg.put(
        relsPartOf(part),
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
      );
      for (const x of extra.parts) {
        pkg.put(x.name, x.data);
        if (x.contentType !== CONTENT_TYPE.relationships) addedTypes.set(x.name, x.contentType);
      }
      extraXml = extra.element(ids);
    }
    pkg.put(part, worksheetXml(plan, index, strings, extraXml, sink));
    addedTypes.set(part, CONTENT_TYPE.worksheet);
    const rId = freeRelId();
    newRels.push(
      `<Relationship Id="${rId}" Type="${REL_TYPE.worksheet}" Target="${xmlAttr(relativeTarget(wb.part, part))}"/>`,
    );
    const state = plan.state ? ` state="${plan.state}"` : "";
    sheetEls.push(
      `<${p}sheet name="${xmlAttr(plan.name)}" sheetId="${nextSheetId++}"${state} ${relPrefix}:id="${rId}"/>`,
    );
    const titles = plan.print.titleRows;
    if (titles) {
      nameEls.push(
        `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${kept.length + i}">` +
          `${xmlAttr(quotedSheet(plan.name))}!$${titles[0]}:$${titles[1]}</${p}definedName>`,
      );
    }
    if (plan.state !== "veryHidden")
      opts.onProgress?.(i + 1, total - sheets.filter((s) => s.state === "veryHidden").length);
  });

  if (!strings.unchanged()) {
    if (!sstPart) {
      sstPart = pkg.has("xl/sharedStrings.xml")
        ? freeName("xl/sharedStrings", ".xml")
        : "xl/sharedStrings.xml";
      addedTypes.set(sstPart, CONTENT_TYPE.sharedStrings);
      newRels.push(
        `<Relationship Id="${freeRelId()}" Type="${REL_TYPE.sharedStrings}" Target="${xmlAttr(relativeTarget(wb.part, sstPart))}"/>`,
      );
    }
    pkg.put(sstPart, strings.bytes(sink));
  }

  pkg.put(wb.part, editWorkbookXml(wb.xml, p, wb.sheets, removed, sheetEls, nameEls, wb.definedNames));
  editWorkbookRels(pkg, wb.part, removedRelIds, dropCalc && calc ? calc.id : null, newRels);
  pkg.editContentTypes(
    goneParts,
    addedTypes,
    new Map([
      ["rels", CONTENT_TYPE.relationships],
      ["xml", CONTENT_TYPE.xml],
    ]),
  );
}

/** Replace the elements at these extents (sorted by start) by the texts given. */
function splice(xml: string, edits: { start: number; end: number; text: string }[]): string {
  let out = "";
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}

function editWorkbookXml(
  xml: string,
  p: string,
  sheets: readonly SheetEntry[],
  removed: readonly SheetEntry[],
  sheetEls: string[],
  nameEls: string[],
  names: readonly DefinedName[],
): string {
  const gone = new Set(removed.map((s) => sheets.indexOf(s)));
  // Old sheet index → new index, for names scoped to a sheet and the book view.
  const newIndex: (number | undefined)[] = [];
  let n = 0;
  sheets.forEach((_, i) => (newIndex[i] = gone.has(i) ? undefined : n++));
  const edits: { start: number; end: number; text: string }[] = [];
  for (const s of removed) edits.push({ ...s.element, text: "" });
  const sheetsEl = element(xml, "sheets");
  if (!sheetsEl) throw new Error("the workbook part has no <sheets>");
  const sheetsClose = `</${p}sheets>`;
  if (sheetsEl.tag.endsWith("/>")) {
    edits.push({ ...sheetsEl, text: `<${p}sheets>${sheetEls.join("")}${sheetsClose}` });
  } else {
    const at = sheetsEl.end - sheetsClose.length;
    edits.push({ start: at, end: at, text: sheetEls.join("") });
  }
  for (const d of names) {
    if (d.localSheetId === undefined) continue;
    const to = newIndex[d.localSheetId];
    if (to === undefined && d.localSheetId < sheets.length) edits.push({ ...d.element, text: "" });
    else if (to !== undefined && to !== d.localSheetId) {
      const tag = d.element.tag.replace(/(\slocalSheetId\s*=\s*)(["'])\d+\2/, `$1"${to}"`);
      edits.push({ start: d.element.start, end: d.element.start + d.element.tag.length, text: tag });
    }
  }
  const namesEl = element(xml, "definedNames");
  if (nameEls.length) {
    if (namesEl && !namesEl.tag.endsWith("/>")) {
      const at = namesEl.end - `</${p}definedNames>`.length;
      edits.push({ start: at, end: at, text: nameEls.join("") });
    } else if (namesEl) {
      edits.push({ ...namesEl, text: `<${p}definedNames>${nameEls.join("")}</${p}definedNames>` });
    } else {
      // After <sheets>, <functionGroups> and <externalReferences>: the schema's order.
      const after = element(xml, "externalReferences") ?? element(xml, "functionGroups") ?? sheetsEl;
      edits.push({
        start: after.end,
        end: after.end,
        text: `<${p}definedNames>${nameEls.join("")}</${p}definedNames>`,
      });
    }
  }
  // The book view's active and first tab follow their sheets (the first kept one if theirs went).
  const view = element(xml, "workbookView");
  if (view && gone.size) {
    const tag = view.tag.replace(
      /(\s(?:activeTab|firstSheet)\s*=\s*)(["'])(\d+)\2/g,
      (_, a: string, _q, v: string) => {
        return `${a}"${newIndex[Number(v)] ?? 0}"`;
      },
    );
    if (tag !== view.tag) edits.push({ start: view.start, end: view.start + view.tag.length, text: tag });
  }
  let out = splice(xml, edits);
  // A <definedNames> left empty is not valid: it goes.
  const emptied = element(out, "definedNames");
  if (emptied && !emptied.tag.endsWith("/>") && !element(out, "definedName", emptied.start, emptied.end)) {
    out = out.slice(0, emptied.start) + out.slice(emptied.end);
  }
  return out;
}

function editWorkbookRels(
  pkg: Package,
  workbookPart: string,
  removedIds: ReadonlySet<string>,
  calcId: string | null,
  added: string[],
): void {
  const part = relsPartOf(workbookPart);
  let xml = pkg.text(part);
  if (xml === undefined) throw new Error(`the package has no ${part}`);
  const cut = elements(xml, "Relationship").filter(({ tag }) => {
    const id = /\sId\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? "";
    return removedIds.has(id) || id === calcId;
  });
  xml = splice(
    xml,
    cut.map((f) => ({ ...f, text: "" })),
  );
  const prefix = /<([\w.-]+:)?Relationships\b/.exec(xml)?.[1] ?? "";
  const close = xml.lastIndexOf(`</${prefix}Relationships>`);
  const withPrefix = prefix ? added.map((r) => r.replace(/^<Relationship/, `<${prefix}Relationship`)) : added;
  if (close < 0) {
    xml = xml.replace(
      /<([\w.-]+:)?Relationships\b([^>]*)\/>/,
      `<$1Relationships$2>${withPrefix.join("")}</$1Relationships>`,
    );
  } else xml = xml.slice(0, close) + withPrefix.join("") + xml.slice(close);
  pkg.put(part, xml);
}

/**
 * Apply a plan: the previous generation's sheets (and the settings sheet) are replaced by the
 * planned ones and a new settings sheet. Sheets the previous settings do not name are never
 * touched, whatever their names.
 */
export function applyPlanToPackage(
  pkg: Package,
  plan: WorkbookPlan,
  previous: LedgerSettings | null,
  opts: WriteOptions = {},
): void {
  const remove = new Set([...(previous?.generated.map((g) => g.name) ?? []), SETTINGS_SHEET]);
  const wb = readWorkbook(pkg);
  for (const s of plan.sheets) {
    if (wb.sheets.some((x) => x.name === s.name && !remove.has(x.name)))
      throw new Error(`internal: the plan names an existing sheet "${s.name}"`);
  }
  writeSheets(
    pkg,
    remove,
    [...plan.sheets, { ...settingsSheet(plan.settings), state: "veryHidden" as const }],
    opts,
  );
}
