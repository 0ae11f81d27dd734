/**
 * Excel's rules for a worksheet's name, written here from Excel's documentation ("Rename a
 * worksheet": a name cannot be blank, cannot be longer than 31 characters, cannot contain
 * / \ ? * : [ ], cannot begin or end with an apostrophe, cannot be "History"; names are unique
 * ignoring case). The fake keeps its own copy so that it can catch a bug in the product's rule
 * (src/core/plan/sheet-names.ts), which it must never import.
 */

/** Excel counts a name's length in UTF-16 code units (a character outside the BMP counts 2). */
export const MAX_SHEET_NAME = 31;
const FORBIDDEN = [":", "\\", "/", "?", "*", "[", "]"];

/** Why Excel refuses the name, or null when it takes it (uniqueness aside). */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "a sheet name cannot be blank";
  if (name.length > MAX_SHEET_NAME) return `a sheet name has at most ${MAX_SHEET_NAME} characters`;
  const bad = FORBIDDEN.find((ch) => name.includes(ch));
  if (bad) return `a sheet name cannot contain "${bad}"`;
  if (name.startsWith("'") || name.endsWith("'")) return "a sheet name cannot begin or end with '";
  if (sameSheetName(name, "History")) return '"History" is reserved by Excel';
  return null;
}

/**
 * Excel compares sheet names ignoring case ("Sheet1" and "SHEET1" are one name), character by
 * character (a character whose upper case is longer, as ß → SS, is compared as it is).
 */
export function sameSheetName(a: string, b: string): boolean {
  const fold = (s: string) =>
    [...s].map((ch) => (ch.toUpperCase().length === ch.length ? ch.toUpperCase() : ch)).join("");
  return fold(a) === fold(b);
}
