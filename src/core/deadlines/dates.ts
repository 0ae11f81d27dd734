/** Calendar helpers on plain `YYYY-MM-DD` strings. No clock: dates are always passed in. */

export interface Ymd {
  y: number;
  m: number; // 1-12
  d: number;
}

export function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function formatYmd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A moment's calendar date where the user is (local time), YYYY-MM-DD. The caller owns the clock. */
export function localDate(d: Date): string {
  return formatYmd(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

export function parseYmd(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > lastDayOfMonth(y, mo)) return null;
  return { y, m: mo, d };
}

/** Whole days from a to b (b - a), both `YYYY-MM-DD`. */
const dayNumbers = new Map<string, number>();

/** Days since 1970-01-01 (NaN for a malformed date); remembered, as lists reuse a few dates. */
function dayNumber(s: string): number {
  let n = dayNumbers.get(s);
  if (n === undefined) {
    const p = parseYmd(s);
    n = p ? Math.round(Date.UTC(p.y, p.m - 1, p.d) / 86_400_000) : NaN;
    if (dayNumbers.size > 50_000) dayNumbers.clear();
    dayNumbers.set(s, n);
  }
  return n;
}

export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** Clamp a day to the month (2月30日 → 2月28/29日); null when the month is impossible. */
export function safeDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1) return null;
  const last = lastDayOfMonth(y, m);
  if (d > last) return null;
  return formatYmd(y, m, d);
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "12", "十二", "二十五", "三十一" → number; NaN when not a number. */
export function parseCnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[〇零一二两三四五六七八九十]+$/.test(s)) return NaN;
  if (s.includes("十")) {
    const parts = s.split("十");
    if (parts.length > 2) return NaN; // 十十 is no number
    const [tens, ones] = parts;
    const t = tens ? (CN_DIGITS[tens] ?? NaN) : 1;
    const o = ones ? (CN_DIGITS[ones] ?? NaN) : 0;
    return t * 10 + o;
  }
  // "二〇二四" style years
  let v = 0;
  for (const ch of s) v = v * 10 + (CN_DIGITS[ch] ?? NaN);
  return v;
}
