/**
 * Excel sheet names: at most 31 characters, none of : \ / ? * [ ], not blank, no ' at either end,
 * unique ignoring case, and not "History".
 */

export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;

/** A valid sheet name for a text (not yet unique). */
export function validSheetName(text: string): string {
  let s = [...text.replace(FORBIDDEN, "_")]
    .filter((ch) => ch.charCodeAt(0) >= 0x20)
    .join("")
    .trim();
  s = s.replace(/^'+|'+$/g, "");
  s = [...s].slice(0, MAX_SHEET_NAME).join("").replace(/'+$/, "").trim();
  if (!s) s = "Sheet";
  if (s.toLowerCase() === "history") s = `${s}_`;
  return s;
}

export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    [...name].length <= MAX_SHEET_NAME &&
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
      candidate = [...base].slice(0, MAX_SHEET_NAME - suffix.length).join("") + suffix;
    }
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}
