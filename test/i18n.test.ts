import { en } from "../src/i18n/en";
import { zhCN } from "../src/i18n/zh-CN";
import { FINDING_CODES } from "../src/core/checks/findings";
import { formatDate, translator } from "../src/i18n";

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
});
