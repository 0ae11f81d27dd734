/**
 * Text in SpreadsheetML cells (ST_Xstring) may hold characters XML cannot carry, written as
 * _xHHHH_ (a UTF-16 code unit in hex); a literal "_xHHHH_" is written with its underscore escaped,
 * _x005F_xHHHH_. Excel shows the decoded text: so must every reader. Pure; browser and Node alike.
 */
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** The text as Excel shows it: each _xHHHH_ read as its character, left to right. */
export function decodeXstring(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
