/** UI strings: one typed table per language; zh-CN is the default. */
import type { ReadMessageKey } from "../core/read/messages";
import { en } from "./en";
import { type MessageKey, zhCN } from "./zh-CN";

export type Lang = "zh-CN" | "en";
export type { MessageKey };

/** Whether a key (from a layer that cannot name the type) is one of the tables'. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

/** Every key the reader (src/core) uses is in the tables: a compile error otherwise. */
type MissingReadKeys = Exclude<ReadMessageKey, MessageKey>;
export const READ_KEYS_IN_TABLES: [MissingReadKeys] extends [never] ? true : MissingReadKeys = true;

const TABLES: Record<Lang, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

export function parseLang(text: string | undefined): Lang {
  if (!text) return "zh-CN";
  return /^en/i.test(text) ? "en" : "zh-CN";
}

/**
 * The language a command line speaks: `--lang` when given, else English when the locale
 * (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them) is English, else Chinese.
 */
export function langOfEnvironment(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Lang {
  if (flag) return parseLang(flag);
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^en([_.@-]|$)/i.test(locale) ? "en" : "zh-CN";
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * `{name}` is replaced by the parameter; `{name:one|other}` by the word for its number (English
 * plurals: "1 day", "2 days"). Each message is split once: a findings sheet fills thousands.
 */
const PLACEHOLDER = /\{(\w+)(?::([^{}|]*)\|([^{}]*))?\}/g;

export function translator(lang: Lang): Translate {
  const table = TABLES[lang];
  const templates = new Map<MessageKey, string[]>();
  return (key, params) => {
    const text = table[key];
    if (!params || !text.includes("{")) return text;
    let parts = templates.get(key);
    // split() with 3 groups: text, name, one, other, text, …
    if (!parts) templates.set(key, (parts = text.split(PLACEHOLDER)));
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 4) {
      const name = parts[i]!;
      const one = parts[i + 1];
      const other = parts[i + 2];
      const value = params[name];
      if (one !== undefined && other !== undefined) out += Number(value) === 1 ? one : other;
      else out += value !== undefined ? String(value) : `{${name}}`;
      out += parts[i + 3]!;
    }
    return out;
  };
}

/** A date as the locale writes it: 2024年7月1日 / 1 July 2024. */
export function formatDate(ymd: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (lang === "zh-CN") return `${y}年${mo}月${d}日`;
  const months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  return `${d} ${months[mo - 1]} ${y}`;
}
