/**
 * The workbook part as the package states it: its sheets (name, sheetId, relationship, state and
 * part) and defined names, read from xl/workbook.xml whatever prefixes the writer used.
 */
import type { Package, Relationship } from "./package";
import { type Found, REL_NAMESPACES, attr, element, elements, prefixesOf } from "./xml";
import { NotAZipError } from "./zip";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  state: SheetState;
  /** The sheet's part (a worksheet, or a chart sheet / dialog sheet), when it has one. */
  part: string | null;
  /** Relationship type of that part: worksheets are the sheets with cells. */
  relType: string | null;
  /** The `<sheet>` element as written. */
  element: Found;
}

export interface DefinedName {
  name: string;
  /** Index into the sheets (order of `<sheets>`) for a name scoped to one sheet. */
  localSheetId?: number;
  element: Found;
}

export interface WorkbookInfo {
  part: string;
  xml: string;
  /** The workbook's relationships. */
  rels: Relationship[];
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  /** Dates count from 1904 (old Mac workbooks). */
  date1904: boolean;
  /** The prefix of the workbook's elements ("" or e.g. "x:"). */
  prefix: string;
  /** Prefixes bound to the relationships namespace (usually "r"). */
  relPrefixes: string[];
}

/** A workbook that cannot be read as one: the message says what is missing (a key of the tables). */
export class NotAWorkbookError extends NotAZipError {}

export function readWorkbook(pkg: Package): WorkbookInfo {
  const part = pkg.mainPart() ?? pkg.find("xl/workbook.xml");
  if (!part) {
    throw new NotAWorkbookError(
      pkg.has("word/document.xml")
        ? "zip.isDocx"
        : pkg.has("ppt/presentation.xml")
          ? "zip.isPptx"
          : "zip.noWorkbookPart",
    );
  }
  const xml = pkg.text(part) ?? "";
  const rels = pkg.rels(part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const prefix = /<([\w.-]+:)?workbook\b/.exec(xml)?.[1] ?? "";
  const relPrefixes = prefixesOf(xml, REL_NAMESPACES);
  const sheetsEl = element(xml, "sheets");
  const sheets: SheetEntry[] = [];
  for (const f of sheetsEl ? elements(xml, "sheet", sheetsEl.start, sheetsEl.end) : []) {
    const name = attr(f.tag, "name");
    if (name === undefined) continue;
    let rId = "";
    for (const p of relPrefixes) rId ||= attr(f.tag, `${p}:id`) ?? "";
    const rel = byId.get(rId);
    const state = attr(f.tag, "state");
    sheets.push({
      name,
      sheetId: Number(attr(f.tag, "sheetId") ?? 0),
      rId,
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
      part: rel?.part ? (pkg.find(rel.part) ?? null) : null,
      relType: rel?.type ?? null,
      element: f,
    });
  }
  const namesEl = element(xml, "definedNames");
  const definedNames: DefinedName[] = (
    namesEl ? elements(xml, "definedName", namesEl.start, namesEl.end) : []
  ).map((f) => {
    const local = attr(f.tag, "localSheetId");
    return {
      name: attr(f.tag, "name") ?? "",
      ...(local !== undefined && /^\d+$/.test(local) ? { localSheetId: Number(local) } : {}),
      element: f,
    };
  });
  const pr = element(xml, "workbookPr");
  const d1904 = pr ? attr(pr.tag, "date1904") : undefined;
  return {
    part,
    xml,
    rels,
    sheets,
    definedNames,
    date1904: d1904 === "1" || d1904 === "true",
    prefix,
    relPrefixes,
  };
}

/** Sheets holding cells (worksheets), as opposed to chart sheets and dialog sheets. */
export function isWorksheet(s: SheetEntry): boolean {
  return s.relType?.endsWith("/worksheet") ?? false;
}
