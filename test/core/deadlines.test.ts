import fc from "fast-check";
import { findDeadlineInText, nextRecurringDue, parseDeadline } from "../../src/core/deadlines/parse";
import { lastDayOfMonth, parseCnNumber } from "../../src/core/deadlines/dates";
import { parseDateLine } from "../../src/core/read/raw";

const ctx = { year: 2024, asOf: "2024-07-01" };

describe("deadline column idioms", () => {
  it.each([
    ["12月底前", "2024-12-31"],
    ["2024年10月底前", "2024-10-31"],
    ["6月底完成", "2024-06-30"],
    ["9月投入使用", "2024-09-30"],
    ["5月底前动工", "2024-05-31"],
    ["2月上旬", "2024-02-10"],
    ["3月中旬前", "2024-03-20"],
    ["11月下旬", "2024-11-30"],
    ["年内", "2024-12-31"],
    ["年底前", "2024-12-31"],
    ["2024", "2024-12-31"],
    ["2024年", "2024-12-31"],
    ["明年年底", "2025-12-31"],
    ["明年6月底", "2025-06-30"],
    ["2024-09-15", "2024-09-15"],
    ["2024.9.15", "2024-09-15"],
    ["2024年9月15日前", "2024-09-15"],
    ["十二月底", "2024-12-31"],
    ["上半年", "2024-06-30"],
    ["三季度末", "2024-09-30"],
    ["全年", "2024-12-31"],
    ["2月底", "2024-02-29"],
  ])("%s → %s", (text, due) => {
    const d = parseDeadline(text, ctx);
    expect(d.due).toBe(due);
    expect(["date", "milestones"]).toContain(d.kind);
  });

  it("11月前 means before November begins", () => {
    expect(parseDeadline("11月前全面完成", ctx).due).toBe("2024-10-31");
  });

  it("marks a year taken from the list as implied, a written year as assigned", () => {
    expect(parseDeadline("6月底", ctx).yearImplied).toBe(true);
    expect(parseDeadline("2024年6月底", ctx).yearImplied).toBe(false);
  });

  it("keeps each milestone of a set; the due date is the last", () => {
    const d = parseDeadline("①2月上旬前完成方案②3月底前启动③5月底前全面完成", ctx);
    expect(d.kind).toBe("milestones");
    expect(d.milestones?.map((m) => m.due)).toEqual(["2024-02-10", "2024-03-31", "2024-05-31"]);
    expect(d.due).toBe("2024-05-31");
  });

  it.each([
    ["每月", "monthly", "2024-07-31"],
    ["每月25日前", "monthly", "2024-07-25"],
    ["每季度", "quarterly", "2024-09-30"],
    ["每季度末月20日前", "quarterly", "2024-09-20"],
    ["每半年", "half-yearly", "2024-12-31"],
  ])("recurring %s: next due after the as-of date", (text, cadence, due) => {
    expect(parseDeadline(text, ctx)).toMatchObject({ kind: "recurring", cadence, due });
  });

  it.each(["长期坚持", "持续推进", "长期", "常态化"])("ongoing: %s", (text) => {
    expect(parseDeadline(text, ctx)).toMatchObject({ kind: "ongoing", due: null });
  });

  it("empty is none; nonsense is unparsed with the text kept", () => {
    expect(parseDeadline("", ctx).kind).toBe("none");
    expect(parseDeadline("待定", ctx)).toEqual({ text: "待定", kind: "unparsed", due: null });
    expect(parseDeadline("13月底", ctx).kind).toBe("unparsed");
  });
});

describe("deadlines inside task text", () => {
  it("finds 年内 and 年底 but not years that are not deadlines", () => {
    expect(findDeadlineInText("年内组织开展2次农户集中排查", ctx)).toMatchObject({
      kind: "date",
      due: "2024-12-31",
      fromText: true,
    });
    expect(findDeadlineInText("对2013-2022年的621个产业项目分类指导", ctx).kind).toBe("none");
    expect(findDeadlineInText("抓好2024年40个重点项目建设", ctx).kind).toBe("none");
    expect(findDeadlineInText("高质量完成全年目标任务", ctx).kind).toBe("none");
  });

  it("a date wins over a cadence; a cadence alone is recurring", () => {
    expect(findDeadlineInText("每月会议研判，年内完成排查", ctx).kind).toBe("date");
    expect(findDeadlineInText("每季度召开一次专班工作推进会议", ctx)).toMatchObject({
      kind: "recurring",
      cadence: "quarterly",
    });
  });

  it("a month in prose counts only with deadline wording", () => {
    expect(findDeadlineInText("3月召开动员会", ctx).kind).toBe("none");
    expect(findDeadlineInText("确保9月底前建成投用", ctx).due).toBe("2024-09-30");
  });
});

describe("properties", () => {
  it("any month-end written as M月底 is the last day of that month", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const d = parseDeadline(`${y}年${m}月底前`, { year: 2024, asOf: "2024-01-01" });
        expect(d.due).toBe(
          `${y}-${String(m).padStart(2, "0")}-${String(lastDayOfMonth(y, m)).padStart(2, "0")}`,
        );
      }),
    );
  });

  it("the next recurring due date is never before the as-of date and within one period", () => {
    const cadences = ["weekly", "monthly", "quarterly", "half-yearly", "yearly"] as const;
    const span = { weekly: 7, monthly: 31, quarterly: 92, "half-yearly": 184, yearly: 366 };
    fc.assert(
      fc.property(
        fc.constantFrom(...cadences),
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2090-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (cadence, date) => {
          const asOf = date.toISOString().slice(0, 10);
          const due = nextRecurringDue(cadence, undefined, asOf);
          expect(due >= asOf).toBe(true);
          const days = (Date.parse(due) - Date.parse(asOf)) / 86_400_000;
          expect(days).toBeLessThan(span[cadence]);
        },
      ),
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const d = parseDeadline(s, ctx);
        expect(["date", "milestones", "recurring", "ongoing", "none", "unparsed"]).toContain(d.kind);
        findDeadlineInText(s, ctx);
      }),
    );
  });
});

describe("deadlines stored as numbers (issue 14)", () => {
  it.each([
    ["2024.8", "2024-08-31"],
    ["2024.12", "2024-12-31"],
    ["2025.2", "2025-02-28"],
    ["45565", "2024-09-30"],
    ["45292", "2024-01-01"],
  ])("%s → %s", (text, due) => {
    expect(parseDeadline(text, ctx)).toMatchObject({ kind: "date", due, yearImplied: false });
  });

  it("other numbers are not dates", () => {
    expect(parseDeadline("2024.13", ctx).kind).toBe("unparsed");
    expect(parseDeadline("12345", ctx).kind).toBe("unparsed");
  });

  it("明年 counts from the document's date, not the list's year", () => {
    expect(parseDeadline("明年年底", { ...ctx, year: 2023, documentYear: 2022 }).due).toBe("2023-12-31");
    expect(parseDeadline("明年年底", { ...ctx, year: 2023 }).due).toBe("2024-12-31");
  });

  it("property: every year.month typed as a number is due at that month's end", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const d = parseDeadline(`${y}.${m}`, ctx);
        expect(d.due).toBe(
          `${y}-${String(m).padStart(2, "0")}-${String(lastDayOfMonth(y, m)).padStart(2, "0")}`,
        );
      }),
    );
  });
});

describe("Chinese numbers in dates", () => {
  it("reads a document's date line written in Chinese numerals, and nothing that is no date", () => {
    expect(parseDateLine("二〇二二年十二月十五日")).toBe("2022-12-15");
    expect(parseDateLine("二〇二三年六月三十日")).toBe("2023-06-30");
    expect(parseDateLine("2023年6月30日")).toBe("2023-06-30");
    expect(parseDateLine("二〇二三年十十月一日")).toBeNull();
  });

  it("counts tens once: 十十 is no number", () => {
    expect(parseCnNumber("十")).toBe(10);
    expect(parseCnNumber("二十五")).toBe(25);
    expect(parseCnNumber("二〇二四")).toBe(2024);
    expect(parseCnNumber("十十")).toBeNaN();
  });
});
