import { en } from "../src/i18n/en";
import { zhCN } from "../src/i18n/zh-CN";
import { FINDING_CODES } from "../src/core/checks/findings";
import { formatDate, translator } from "../src/i18n";
import { READ_MESSAGES } from "../src/core/read/messages";
import { readFileSync, readdirSync, statSync } from "fs";
import * as path from "path";

/** Every .ts/.tsx file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

describe("UI string tables", () => {
  it("zh-CN and en have exactly the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it("every finding code has a message in both languages, with the same placeholders", () => {
    for (const code of FINDING_CODES) {
      const key = `finding.${code}` as const;
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(en[key])).toEqual(placeholders(zhCN[key]));
    }
  });

  it("every message key the code names (errors, the reader's messages, sniffing) is in both tables", () => {
    // Keys are written as literals where the error is raised: ReadError("read.…"), said("look.…"),
    // InputError("error.…"), told(kind, "sniff.…").
    const used = new Set<string>();
    const call =
      /\b(?:ReadError|DamagedInputError|InputError|NotAZipError|NotAWorkbookError|said|told\([^,]+,)\s*\(?\s*"([\w.]+)"/g;
    for (const file of sources(path.join(__dirname, "..", "src"))) {
      for (const m of readFileSync(file, "utf8").matchAll(call)) used.add(m[1]!);
    }
    // The reader's failures are found (not a pattern that matches nothing).
    expect([...used].filter((k) => k.startsWith("read.")).length).toBeGreaterThanOrEqual(10);
    expect([...used].filter((k) => k.startsWith("sniff.")).length).toBeGreaterThanOrEqual(10);
    expect([...used].filter((k) => k.startsWith("zip.")).length).toBeGreaterThanOrEqual(8);
    const missing = [...used].filter((k) => !(k in zhCN) || !(k in en));
    expect(missing).toEqual([]);
  });

  it("the reader's messages have the same placeholders in both languages, and English is the core's", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const keys = Object.keys(en).filter((k) => /^(read|look|sniff|zip)\./.test(k)) as (keyof typeof en)[];
    expect(keys.length).toBeGreaterThan(30);
    for (const k of keys) {
      expect([k, placeholders(zhCN[k])]).toEqual([k, placeholders(en[k])]);
      expect([k, zhCN[k]]).not.toEqual([k, en[k]]);
    }
    for (const [k, v] of Object.entries(READ_MESSAGES)) expect(en[k as keyof typeof en]).toBe(v);
  });

  it("no string is empty or left untranslated in the Chinese table", () => {
    for (const [k, v] of Object.entries(zhCN)) {
      expect([k, v.trim().length > 0]).toEqual([k, true]);
    }
    expect(zhCN["severity.error"]).not.toBe(en["severity.error"]);
  });

  it("fills placeholders and formats dates as each locale expects", () => {
    expect(translator("zh-CN")("finding.OVERDUE", { taskId: "3", days: 5, due: "2024-06-30" })).toBe(
      "第 3 项已逾期 5 天（时限 2024-06-30）",
    );
    expect(formatDate("2024-07-01", "zh-CN")).toBe("2024年7月1日");
    expect(formatDate("2024-07-01", "en")).toBe("1 July 2024");
  });

  it("says English counts in the singular for one (and the same placeholders exist in both tables)", () => {
    const say = translator("en");
    expect(say("finding.OVERDUE", { taskId: "5", days: 1, due: "2024-06-30" })).toBe(
      "Task 5 is 1 day overdue (due 2024-06-30)",
    );
    expect(say("finding.OVERDUE", { taskId: "5", days: 2, due: "2024-06-30" })).toBe(
      "Task 5 is 2 days overdue (due 2024-06-30)",
    );
    expect(say("ui.source.counts", { tasks: 1, units: 1 })).toBe("1 task · 1 responsible unit");
    expect(say("ui.source.counts", { tasks: 0, units: 3 })).toBe("0 tasks · 3 responsible units");
    const names = (s: string) =>
      [...new Set([...s.matchAll(/\{(\w+)(?::[^}]*)?\}/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      // English may say a count's word by its number; both tables fill the same parameters.
      expect([key, names(en[key]).filter((n) => names(zhCN[key]).includes(n))]).toEqual([
        key,
        names(en[key]),
      ]);
    }
  });
});
