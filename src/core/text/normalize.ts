/**
 * Text clean-up shared by every reader: traditional → simplified characters, scraped pinyin
 * annotations, full-width letters and digits, stray spaces.
 */
import { TRADITIONAL_CHARS } from "./traditional-chars";

type Convert = (s: string) => string;
type ConverterFactory = (options: { from: string; to: string }) => Convert;

/**
 * The traditional → simplified converter (opencc-js, a fifth of a megabyte with its tables) is
 * loaded only when a text holds a traditional character; most lists hold none. In Node it is
 * required here the first time. The task pane's build leaves it out of this module (webpack.config.js)
 * so that the pane's first load does not carry it: there a step that meets a traditional character
 * throws TraditionalConverterMissing, and the pane loads the converter, hands it over with
 * provideTraditionalConverter and runs the step again.
 */
let t2s: Convert | null = null;

export class TraditionalConverterMissing extends Error {
  constructor() {
    super("The traditional-to-simplified converter is not loaded yet.");
    this.name = "TraditionalConverterMissing";
  }
}

export function provideTraditionalConverter(convert: Convert): void {
  t2s = convert;
}

function loadConverter(): Convert {
  let factory: ConverterFactory;
  try {
    // opencc-js ships ESM-only type declarations; its "require" export is a UMD build.
    // eslint-disable-next-line @typescript-eslint/no-require-imports, no-restricted-globals -- a library, not the platform
    factory = (require("opencc-js/t2cn") as { Converter: ConverterFactory }).Converter;
  } catch (err) {
    if ((err as { code?: string } | null)?.code === "MODULE_NOT_FOUND")
      throw new TraditionalConverterMissing();
    throw err;
  }
  return factory({ from: "t", to: "cn" });
}

/** 1 for each character opencc converts on its own, over U+3400–U+FAFF. */
const TRAD_BASE = 0x3400;
const TRAD_TABLE = (() => {
  const table = new Uint8Array(0xfaff - TRAD_BASE + 1);
  for (let i = 0; i < TRADITIONAL_CHARS.length; i++) table[TRADITIONAL_CHARS.charCodeAt(i) - TRAD_BASE] = 1;
  return table;
})();

/** Whether the text holds a character the converter would change. */
export function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= TRAD_BASE && c <= 0xfaff && TRAD_TABLE[c - TRAD_BASE] === 1) return true;
  }
  return false;
}

/** Convert traditional characters to simplified (mainland forms). Simplified text is unchanged. */
export function toSimplified(text: string): string {
  // Most lists are simplified already: skip the converter unless a traditional character is there.
  if (!hasTraditional(text)) return text;
  return (t2s ??= loadConverter())(text);
}

/**
 * Remove pinyin annotations scraped after characters: `堅(jiān)持` → `堅持`.
 * Only a parenthesis holding one pinyin syllable (latin letters, tone marks) right after a Han
 * character is removed, so `(县发改局)` or `(1)` stay.
 */
const PINYIN_SYLLABLE =
  /([\u3400-\u9fff])[(（]\s*([a-zA-ZüÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]{1,6}[1-5]?)\s*[)）]/gu;
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿü]/u;

export function stripPinyin(text: string): string {
  return text.replace(PINYIN_SYLLABLE, (whole, han: string, syl: string) => {
    // A plain-ascii word in brackets after a character could be an abbreviation ("园区(GDP)").
    // Pinyin is lower case; accept it when it has a tone mark or is a plausible syllable.
    if (TONE_MARK.test(syl) || /^[a-z]{1,6}[1-5]?$/.test(syl)) return han;
    return whole;
  });
}

const FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/;

/** Full-width ASCII letters, digits and a few symbols to half width; ideographic space to space. */
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Characters any normalization step acts on; a text with none of them is returned as it is. */
function needsNormalizing(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c < 0x20 && c !== 0x0a && c !== 0x09) || // \r and the control characters
      c === 0x7f ||
      c === 0x28 || // ( of a pinyin annotation
      c === 0xff08 || // （
      c === 0x3000 ||
      (c >= 0xff10 && c <= 0xff5a) ||
      c === 0x200b ||
      c === 0xfeff ||
      (c >= TRAD_BASE && c <= 0xfaff && TRAD_TABLE[c - TRAD_BASE] === 1)
    ) {
      return true;
    }
  }
  return false;
}

/* eslint-disable no-control-regex -- control characters are what these expressions are for */
/** Word's manual line break and the form feed: line breaks as the user sees them. */
const LINE_BREAKS = /\r\n?|[\u000b\u000c]/g;
/** Control characters a spreadsheet shows as nothing. */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\u200b\ufeff]/g;
/* eslint-enable no-control-regex */

/** Everything a reader does to a line before parsing it. Keeps line structure. */
export function normalizeText(text: string): string {
  if (!needsNormalizing(text)) return text;
  return toSimplified(stripPinyin(toHalfWidth(text.replace(LINE_BREAKS, "\n")))).replace(INVISIBLE, "");
}

/** Collapse runs of white space (not line breaks) and trim. */
export function tidy(text: string): string {
  if (!/[\t\u00a0]| {2}|^\s|\s$/.test(text)) return text;
  return text.replace(/[ \t\u00a0]+/g, " ").trim();
}

const keys = new Map<string, string>();
/** Names repeat thousands of times in a list: their keys are remembered (bounded). */
const MAX_KEYS = 100_000;

/** Key used to compare names: simplified, half width, no spaces, ASCII brackets. */
export function nameKey(text: string): string {
  let k = keys.get(text);
  if (k === undefined) {
    k = toSimplified(toHalfWidth(text)).replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")");
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(text, k);
  }
  return k;
}
