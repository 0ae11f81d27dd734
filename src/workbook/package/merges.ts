/**
 * Merged ranges cut to a sheet's used range in its XML, for readers that would otherwise build a
 * cell for every cell a merge covers (ExcelJS does: a merge over G1:XFD1048576 runs out of memory,
 * one over a whole column takes seconds and gigabytes). The core clamps merges too (grid.ts);
 * this protects the reader before it gets there. Pure text work; browser and Node alike.
 */

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function colLetters(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A merge larger than this many cells is checked against the used range. */
const SMALL = 10_000;

/**
 * The sheet XML with every large <mergeCell> cut to the rows and columns that hold cells (dropped
 * when nothing of it is left but one cell), or null when no merge needed it.
 */
export function clampMergeCells(sheetXml: string): string | null {
  if (!sheetXml.includes("<mergeCell")) return null;
  const merge = /<mergeCell\s+ref="\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})"\s*\/>/g;
  let large = false;
  for (const m of sheetXml.matchAll(merge)) {
    const cells = (Number(m[4]) - Number(m[2]) + 1) * (colNumber(m[3]!) - colNumber(m[1]!) + 1);
    if (cells > SMALL) large = true;
  }
  if (!large) return null;
  // The used range: the last row and column that hold a cell.
  let lastRow = 0;
  let lastCol = 0;
  for (const m of sheetXml.matchAll(/<c\s[^>]*?\br="([A-Z]{1,3})(\d{1,7})"/g)) {
    lastRow = Math.max(lastRow, Number(m[2]));
    lastCol = Math.max(lastCol, colNumber(m[1]!));
  }
  let removed = 0;
  const out = sheetXml.replace(merge, (whole, l: string, t: string, r: string, b: string) => {
    const top = Number(t);
    const left = colNumber(l);
    const bottom = Math.min(Number(b), lastRow);
    const right = Math.min(colNumber(r), lastCol);
    if ((Number(b) - top + 1) * (colNumber(r) - left + 1) <= SMALL) return whole;
    if (bottom < top || right < left || (bottom === top && right === left)) {
      removed++;
      return "";
    }
    return `<mergeCell ref="${l}${top}:${colLetters(right)}${bottom}"/>`;
  });
  if (!removed) return out;
  // Keep the count right, and drop the list when nothing is left in it.
  return out
    .replace(/<mergeCells\b[^>]*>\s*<\/mergeCells>/, "")
    .replace(/<mergeCells\b[^>]*count="(\d+)"/, (tag, n: string) =>
      tag.replace(`count="${n}"`, `count="${(out.match(/<mergeCell\s/g) ?? []).length}"`),
    );
}

/** The merged areas of a sheet's XML (1-based, inclusive). */
export function mergeAreas(sheetXml: string): { top: number; left: number; bottom: number; right: number }[] {
  const out = [];
  for (const m of sheetXml.matchAll(
    /<mergeCell\s+ref="\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})"/g,
  )) {
    out.push({ top: Number(m[2]), left: colNumber(m[1]!), bottom: Number(m[4]), right: colNumber(m[3]!) });
  }
  return out;
}

/** Each worksheet part's sheet name, from the workbook and its relationships. */
export function sheetNamesByPart(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const tag of relsXml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = /\sId="([^"]*)"/.exec(tag)?.[1];
    const target = /\sTarget="([^"]*)"/.exec(tag)?.[1];
    if (id && target)
      targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  }
  const out = new Map<string, string>();
  for (const tag of workbookXml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    const id = /\s(?:\w+:)?id="([^"]*)"/.exec(tag)?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) out.set(part, unescapeAttr(name));
  }
  return out;
}

function unescapeAttr(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}
