/** UI strings: one typed table per language; zh-CN is the default. */
import { en } from "./en";
import { type MessageKey, zhCN } from "./zh-CN";

export type Lang = "zh-CN" | "en";
export type { MessageKey };

export const LANGS: readonly Lang[] = ["zh-CN", "en"];

const TABLES: Record<Lang, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

export function parseLang(text: string | undefined): Lang {
  if (!text) return "zh-CN";
  return /^en/i.test(text) ? "en" : "zh-CN";
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const table = TABLES[lang];
  // Each message split once into its text and {placeholders}: a findings sheet fills thousands.
  const templates = new Map<MessageKey, string[]>();
  return (key, params) => {
    const text = table[key];
    if (!params || !text.includes("{")) return text;
    let parts = templates.get(key);
    if (!parts) templates.set(key, (parts = text.split(/\{(\w+)\}/)));
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i]!;
      out += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1]!;
    }
    return out;
  };
}

export function messagesOf(lang: Lang): Readonly<Record<MessageKey, string>> {
  return TABLES[lang];
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
