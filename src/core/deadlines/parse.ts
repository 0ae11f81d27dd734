/**
 * Deadline parsing, in the manner of chrono: a list of small parsers (one idiom each, with its
 * span) and a refiner that drops overlaps and decides the deadline's kind.
 *
 * Two modes:
 * - "column": the whole text of a 完成时限 cell; anything not understood is `unparsed`.
 * - "text": deadline phrases found inside task prose; only explicit deadline wording counts
 *   (`6月底前`, `年内`, `每季度`, `长期坚持`), so `2013-2022年的621个项目` is not a deadline.
 */
import type { Deadline, Milestone } from "../model";
import { formatYmd, lastDayOfMonth, parseCnNumber, parseYmd, safeDate } from "./dates";

export interface DeadlineContext {
  /** The list's year: used when a date has no year written. */
  year: number;
  /** The as-of date `YYYY-MM-DD`, for the next due date of recurring deadlines. */
  asOf: string;
  /** The year the document was dated (its date line): what 明年 counts from; else `year`. */
  documentYear?: number;
}

type Cadence = NonNullable<Deadline["cadence"]>;

interface Hit {
  start: number;
  end: number;
  text: string;
  kind: "date" | "recurring" | "ongoing";
  due?: string;
  yearImplied?: boolean;
  cadence?: Cadence;
  /** Day within the period for recurring ("每月25日前" → 25). */
  day?: number;
  /** Explicit deadline words around it (前, 底, 完成): stronger evidence in prose. */
  strong: boolean;
}

type Parser = (text: string, ctx: DeadlineContext) => Hit[];

const NUM = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
const YEAR = "(?:(\\d{4}|[二〇零一三四五六七八九]{4})年)?";
const AFTER_DATE =
  "(前|以前|之前|底前|完成|全面完成|建成|开工|动工|投用|投入使用|竣工|启动|实现|落实|上报|报送|结束|为止)?";

function regexHits(re: RegExp, text: string, f: (m: RegExpExecArray) => Hit | null): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const h = f(m);
    if (h) out.push(h);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function yearOf(s: string | undefined, ctx: DeadlineContext): { y: number; implied: boolean } {
  if (!s) return { y: ctx.year, implied: true };
  const y = parseCnNumber(s);
  return Number.isFinite(y) ? { y, implied: false } : { y: ctx.year, implied: true };
}

/** 2024-10-31, 2024.10.31, 2024/10/31, 2024年10月31日 */
const numericDate: Parser = (text, ctx) =>
  regexHits(
    new RegExp(
      `(?<!\\d)(\\d{4})[-./](\\d{1,2})[-./](\\d{1,2})(?!\\d)|${YEAR}${NUM}月${NUM}[日号]${AFTER_DATE}`,
      "g",
    ),
    text,
    (m) => {
      const { y, implied } = m[1] ? { y: Number(m[1]), implied: false } : yearOf(m[4], ctx);
      const mo = parseCnNumber(m[2] ?? m[5] ?? "");
      const d = parseCnNumber(m[3] ?? m[6] ?? "");
      const due = safeDate(y, mo, d);
      if (!due) return null;
      return hit(m, "date", { due, yearImplied: implied, strong: true });
    },
  );

/** 12月底前, 2024年10月底, 6月上旬, 9月投入使用, 11月前 */
const monthDate: Parser = (text, ctx) =>
  regexHits(
    new RegExp(
      `${YEAR}${NUM}月(份)?(底|末|上旬|中旬|下旬|初|中旬前|中)?${AFTER_DATE}(?![\\d一二三四五六七八九十]*[日号])`,
      "g",
    ),
    text,
    (m) => {
      const { y, implied } = yearOf(m[1], ctx);
      const mo = parseCnNumber(m[2] ?? "");
      if (!(mo >= 1 && mo <= 12)) return null;
      const part = m[4] ?? "";
      const after = m[5] ?? "";
      let due: string;
      if (!part && /^(前|以前|之前)$/.test(after)) {
        // "11月前": before November begins.
        due = mo === 1 ? formatYmd(y - 1, 12, 31) : formatYmd(y, mo - 1, lastDayOfMonth(y, mo - 1));
      } else if (part.startsWith("上旬") || part === "初") due = formatYmd(y, mo, 10);
      else if (part.startsWith("中")) due = formatYmd(y, mo, 20);
      else due = formatYmd(y, mo, lastDayOfMonth(y, mo));
      const strong = Boolean(part || after);
      return hit(m, "date", { due, yearImplied: implied, strong });
    },
  );

/** 年内, 年底前, 2024年底, 年末, 全年, 上半年, 三季度末 */
const yearPart: Parser = (text, ctx) =>
  regexHits(
    /(?:(\d{4})年)?(年内|年底前|年底|年末|年终前|(?<=\d{4}年)内|上半年|下半年|([一二三四1-4])季度(末|底)?)/g,
    text,
    (m) => {
      const { y, implied } = m[1] ? { y: Number(m[1]), implied: false } : { y: ctx.year, implied: true };
      const w = m[2] ?? "";
      let due = formatYmd(y, 12, 31);
      if (w === "上半年") due = formatYmd(y, 6, 30);
      else if (m[3]) {
        const q = parseCnNumber(m[3]);
        if (!(q >= 1 && q <= 4)) return null;
        // A bare 一季度 in prose is rarely a deadline; 一季度末 is.
        if (!m[4] && !m[1])
          return hit(m, "date", { due: quarterEnd(y, q), yearImplied: implied, strong: false });
        due = quarterEnd(y, q);
      }
      return hit(m, "date", { due, yearImplied: implied, strong: true });
    },
  );

/** 明年, 明年6月底, 明年年底 (relative to the list's year) */
const nextYear: Parser = (text, ctx) =>
  regexHits(
    new RegExp(`(明年|次年|下一年)(年底|年内|年末|上半年|${NUM}月(底|末)?)?${AFTER_DATE}`, "g"),
    text,
    (m) => {
      const y = (ctx.documentYear ?? ctx.year) + 1;
      let due = formatYmd(y, 12, 31);
      if (m[2] === "上半年") due = formatYmd(y, 6, 30);
      else if (m[3]) {
        const mo = parseCnNumber(m[3]);
        if (!(mo >= 1 && mo <= 12)) return null;
        due = formatYmd(y, mo, lastDayOfMonth(y, mo));
      }
      return hit(m, "date", { due, yearImplied: false, strong: true });
    },
  );

/** 每月, 每月25日前, 每季度, 每季度末月20日前, 每半年, 每年, 每周 */
const recurring: Parser = (text) =>
  regexHits(
    new RegExp(
      `(每周|每月|每个月|按月|每季度?|每个季度|按季度?|每半年|每年)(末月)?(?:${NUM}[日号])?(前)?`,
      "g",
    ),
    text,
    (m) => {
      const w = m[1] ?? "";
      const cadence: Cadence = w.includes("周")
        ? "weekly"
        : w.includes("半年")
          ? "half-yearly"
          : w.includes("季")
            ? "quarterly"
            : w.includes("年")
              ? "yearly"
              : "monthly";
      const day = m[3] ? parseCnNumber(m[3]) : undefined;
      return hit(m, "recurring", { cadence, day, strong: true });
    },
  );

/** 长期坚持, 持续推进, 常态化 (column mode accepts looser wording) */
const ongoingStrict: Parser = (text) =>
  regexHits(/长期坚持|长期推进|持续推进|长期开展|常态化推进|长期有效|长期执行/g, text, (m) =>
    hit(m, "ongoing", { strong: true }),
  );
const ongoingLoose: Parser = (text) =>
  regexHits(/长期|持续|常态化|常年|经常性|随时|动态/g, text, (m) => hit(m, "ongoing", { strong: true }));

/** 全年 in a deadline column: by the end of the year */
const wholeYear: Parser = (text, ctx) =>
  regexHits(/全年/g, text, (m) =>
    hit(m, "date", { due: formatYmd(ctx.year, 12, 31), yearImplied: true, strong: true }),
  );

/** A bare year in a deadline column: "2024", "2024年" */
const bareYear: Parser = (text) =>
  regexHits(/^\s*(\d{4})\s*年?\s*(底|末|内|完成)?\s*$/g, text, (m) =>
    hit(m, "date", { due: formatYmd(Number(m[1]), 12, 31), yearImplied: false, strong: true }),
  );

/** A year and month typed as a number in a deadline column: "2024.8", "2024.12" → that month's end. */
const yearDotMonth: Parser = (text) =>
  regexHits(/^\s*(20\d{2})[.．](\d{1,2})\s*$/g, text, (m) => {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (!(mo >= 1 && mo <= 12)) return null;
    return hit(m, "date", { due: formatYmd(y, mo, lastDayOfMonth(y, mo)), yearImplied: false, strong: true });
  });

/** An Excel date serial left as a number in a deadline column (45565 → 2024-09-30). */
const excelSerial: Parser = (text) =>
  regexHits(/^\s*(\d{5})(?:\.\d+)?\s*$/g, text, (m) => {
    const serial = Number(m[1]);
    // 2000-01-01 … 2099-12-31 only: other five-digit numbers are not dates.
    if (serial < 36526 || serial > 73050) return null;
    const d = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
    const due = formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    return hit(m, "date", { due, yearImplied: false, strong: true });
  });

function hit(m: RegExpExecArray, kind: Hit["kind"], rest: Omit<Hit, "start" | "end" | "text" | "kind">): Hit {
  return { start: m.index, end: m.index + m[0].length, text: m[0], kind, ...rest };
}

function quarterEnd(y: number, q: number): string {
  const mo = q * 3;
  return formatYmd(y, mo, lastDayOfMonth(y, mo));
}

const COLUMN_PARSERS: Parser[] = [
  numericDate,
  nextYear,
  monthDate,
  yearPart,
  wholeYear,
  bareYear,
  yearDotMonth,
  excelSerial,
  recurring,
  ongoingLoose,
];
const TEXT_PARSERS: Parser[] = [numericDate, nextYear, monthDate, yearPart, recurring, ongoingStrict];

/** Refiner: keep the longest of overlapping hits, in text order. */
function dropOverlaps(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of sorted) {
    if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Next due date of a recurring deadline on or after the as-of date. */
export function nextRecurringDue(cadence: Cadence, day: number | undefined, asOf: string): string {
  const a = parseYmd(asOf);
  if (!a) return asOf;
  const periodMonths = { weekly: 0, monthly: 1, quarterly: 3, "half-yearly": 6, yearly: 12 }[cadence];
  if (periodMonths === 0) {
    const dow = new Date(Date.UTC(a.y, a.m - 1, a.d)).getUTCDay(); // 0 = Sunday
    const t = new Date(Date.UTC(a.y, a.m - 1, a.d + ((7 - dow) % 7)));
    return formatYmd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  // Period-end months: monthly → every month; quarterly → 3,6,9,12; half-yearly → 6,12; yearly → 12.
  for (let i = 0; i < 24; i++) {
    const mIndex = a.m - 1 + i;
    const y = a.y + Math.floor(mIndex / 12);
    const m = (mIndex % 12) + 1;
    if (m % periodMonths !== 0) continue;
    const d = Math.min(day ?? lastDayOfMonth(y, m), lastDayOfMonth(y, m));
    const due = formatYmd(y, m, d);
    if (due >= asOf) return due;
  }
  return asOf;
}

function recurringDeadline(h: Hit, ctx: DeadlineContext, fromText: boolean): Deadline {
  const cadence = h.cadence ?? "monthly";
  return {
    text: h.text,
    kind: "recurring",
    due: nextRecurringDue(cadence, h.day, ctx.asOf),
    cadence,
    ...(fromText ? { fromText } : {}),
  };
}

function fromHits(hits: Hit[], text: string, ctx: DeadlineContext, fromText: boolean): Deadline | null {
  const dates = hits.filter((h) => h.kind === "date" && (h.strong || !fromText));
  const extra = fromText ? { fromText } : {};
  if (dates.length > 0) {
    const dues = [...new Set(dates.map((h) => h.due!))];
    const yearImplied = dates.every((h) => h.yearImplied);
    if (dues.length === 1) {
      return {
        text: dates.map((h) => h.text).join("；"),
        kind: "date",
        due: dues[0]!,
        yearImplied,
        ...extra,
      };
    }
    const milestones: Milestone[] = dates.map((h) => ({ text: h.text, due: h.due! }));
    const due = [...dues].sort().at(-1)!;
    return {
      text: fromText ? dates.map((h) => h.text).join("；") : text,
      kind: "milestones",
      due,
      yearImplied,
      milestones,
      ...extra,
    };
  }
  const rec = hits.find((h) => h.kind === "recurring");
  if (rec) return recurringDeadline(rec, ctx, fromText);
  const ong = hits.find((h) => h.kind === "ongoing");
  if (ong) return { text: fromText ? ong.text : text, kind: "ongoing", due: null, ...extra };
  return null;
}

/** Parse the text of a deadline column (完成时限). */
export function parseDeadline(text: string | null | undefined, ctx: DeadlineContext): Deadline {
  const t = (text ?? "").trim();
  if (!t || /^(无|—+|-+|\/|／)$/.test(t)) return { text: t, kind: "none", due: null };
  const hits = dropOverlaps(COLUMN_PARSERS.flatMap((p) => p(t, ctx)));
  const d = fromHits(hits, t, ctx, false);
  if (d) return { ...d, text: t };
  return { text: t, kind: "unparsed", due: null };
}

/** Find a deadline inside task prose; `none` when there is no deadline wording. */
export function findDeadlineInText(text: string, ctx: DeadlineContext): Deadline {
  const hits = dropOverlaps(TEXT_PARSERS.flatMap((p) => p(text, ctx)));
  return fromHits(hits, text, ctx, true) ?? { text: "", kind: "none", due: null };
}
