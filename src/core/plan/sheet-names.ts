/**
 * Excel sheet names: at most 31 UTF-16 code units (Excel counts a character outside the BMP, such
 * as 𠀀 or an emoji, as two), none of : \ / ? * [ ], not blank, no ' at either end,
 * unique ignoring case, and not "History".
 */

export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;

/** The longest start of `text` that fits in `max` UTF-16 code units, never splitting a character. */
export function fitCodeUnits(text: string, max: number): string {
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** A valid sheet name for a text (not yet unique). */
export function validSheetName(text: string): string {
  let s = [...text.replace(FORBIDDEN, "_")]
    .filter((ch) => ch.charCodeAt(0) >= 0x20)
    .join("")
    .trim();
  s = s.replace(/^'+|'+$/g, "");
  // Apostrophes and spaces together: trimming one may leave the other at an end ("县' '").
  s = fitCodeUnits(s, MAX_SHEET_NAME).replace(/^[\s']+|[\s']+$/g, "");
  if (!s) s = "Sheet";
  if (s.toLowerCase() === "history") s = `${s}_`;
  return s;
}

export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

/** Hands out names unique ignoring case, never one in `taken`. */
export class SheetNamer {
  private readonly used = new Set<string>();

  constructor(taken: Iterable<string>) {
    for (const t of taken) this.used.add(t.toLowerCase());
  }

  name(text: string): string {
    const base = validSheetName(text);
    let candidate = base;
    for (let i = 2; this.used.has(candidate.toLowerCase()); i++) {
      const suffix = `(${i})`;
      candidate = fitCodeUnits(base, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}
