/**
 * Text clean-up shared by every reader: traditional → simplified characters, scraped pinyin
 * annotations, full-width letters and digits, stray spaces.
 */
type ConverterFactory = (options: { from: string; to: string }) => (s: string) => string;
// opencc-js ships ESM-only type declarations; its "require" export is a UMD build that works
// in Node and in webpack alike.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Converter } = require("opencc-js/t2cn") as { Converter: ConverterFactory };

let t2s: ((s: string) => string) | null = null;

/** Convert traditional characters to simplified (mainland forms). Simplified text is unchanged. */
export function toSimplified(text: string): string {
  if (!/[\u3400-\u9fff]/.test(text)) return text;
  const convert = (t2s ??= Converter({ from: "t", to: "cn" }));
  return convert(text);
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

/** Full-width ASCII letters, digits and a few symbols to half width; ideographic space to space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Everything a reader does to a line before parsing it. Keeps line structure. */
export function normalizeText(text: string): string {
  return toSimplified(stripPinyin(toHalfWidth(text.replace(/\r\n?/g, "\n")))).replace(/[\u200b\ufeff]/g, "");
}

/** Collapse runs of white space (not line breaks) and trim. */
export function tidy(text: string): string {
  return text.replace(/[ \t\u00a0]+/g, " ").trim();
}

/** Key used to compare names: simplified, half width, no spaces, ASCII brackets. */
export function nameKey(text: string): string {
  return toSimplified(toHalfWidth(text)).replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")");
}
