import fc from "fast-check";
import {
  type BulletinBlock,
  type BulletinDoc,
  type BulletinInput,
  buildBulletin,
  sharesToOneDecimal,
} from "../../src/core/report/bulletin";
import { type Lang, formatDate, translator } from "../../src/i18n";
import { BULLETIN_INPUT } from "../fixtures/bulletin-input";

const words = (lang: Lang) => ({ t: translator(lang), date: (d: string) => formatDate(d, lang) });
const build = (input: BulletinInput = BULLETIN_INPUT) => buildBulletin(input, words(input.lang));

function block<K extends BulletinBlock["kind"]>(doc: BulletinDoc, kind: K, name?: string) {
  const found = doc.blocks.filter(
    (b): b is Extract<BulletinBlock, { kind: K }> =>
      b.kind === kind && (!name || ("name" in b && b.name === name)),
  );
  expect(found.length).toBeGreaterThan(0);
  return found;
}
const list = (doc: BulletinDoc, name: string) => block(doc, "list", name)[0]!;
const table = (doc: BulletinDoc, name: string) => block(doc, "table", name)[0]!;

describe("shares to one decimal", () => {
  it("add up to exactly 100.0 and each is within a tenth of the exact share", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 500 }), { minLength: 1, maxLength: 7 }), (counts) => {
        const total = counts.reduce((a, b) => a + b, 0);
        const shares = sharesToOneDecimal(counts);
        if (total === 0) return shares.every((s) => s === 0);
        const tenths = shares.map((s) => Math.round(s * 10));
        expect(tenths.reduce((a, b) => a + b, 0)).toBe(1000);
        counts.forEach((c, i) => expect(Math.abs(shares[i]! - (c * 100) / total)).toBeLessThan(0.1 + 1e-9));
        return true;
      }),
    );
  });

  it("round thirds so that they still add up (33.4 + 33.3 + 33.3)", () => {
    expect(sharesToOneDecimal([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
  });
});

describe("the bulletin in Chinese", () => {
  const doc = build();
  const tasks = BULLETIN_INPUT.tasks;
  const count = (state: string) => tasks.filter((t) => t.state === state).length;

  it("has the masthead and a title from the period", () => {
    expect(doc.masthead).toEqual({
      publication: "重点工作督查通报",
      issue: "第11期",
      office: "县委督查室",
      date: "2024年12月3日",
    });
    expect(doc.title).toBe("关于2024年11月重点工作任务推进情况的通报");
    expect(build({ ...BULLETIN_INPUT, title: "关于全县重点工作的通报" }).title).toBe(
      "关于全县重点工作的通报",
    );
  });

  it("says in 总体情况 every class with its count and share, adding up to the total", () => {
    const overall = block(doc, "paragraph")[0]!.text;
    expect(overall).toContain(`截至2024年11月30日，纳入督查的重点工作任务共${tasks.length}项`);
    const expected: [string, number][] = [
      ["已完成", count("done")],
      ["按序时推进", count("onTrack")],
      ["滞后序时进度", count("behind")],
      ["逾期未完成", count("overdue")],
      ["未报送进展", count("notReported")],
      ["其他在推进", count("inProgress")],
    ];
    let sum = 0;
    let shareSum = 0;
    for (const [label, n] of expected) {
      const m = new RegExp(`${label}(\\d+)项，占(\\d+\\.\\d)%`).exec(overall);
      expect([label, m && Number(m[1])]).toEqual([label, n]);
      sum += n;
      shareSum += Number(m![2]) * 10;
    }
    expect(sum).toBe(tasks.length);
    expect(shareSum).toBe(1000);
  });

  it("says how 序时 was computed", () => {
    const text = block(doc, "paragraph")[1]!.text;
    expect(text).toContain("序时进度为91.7%");
    expect(text).toContain("2024年1月1日至2024年12月31日");
    expect(text).toContain("10个百分点");
  });

  it("names every overdue task: unit + 第N项 + title + days, worst first", () => {
    const l = list(doc, "overdue");
    expect(l.tone).toBe("red");
    expect(l.heading).toBe(`（一）逾期未完成任务（${count("overdue")}项）`);
    expect(l.items).toEqual([
      "县乡村振兴局负责的第8项“全面完成问题整改”，逾期61天。",
      "县教体局、县卫健局负责的第5项“提升‘三保障’和饮水安全水平”，逾期30天。",
      "县民政局负责的第9项“防范化解风险隐患”，逾期12天。",
    ]);
  });

  it("names every task behind 序时 with the points behind", () => {
    const l = list(doc, "behind");
    expect(l.tone).toBe("yellow");
    expect(l.items).toHaveLength(count("behind"));
    expect(l.items[0]).toBe(
      "县发改局负责的第15项“抓县域经济促乡村振兴”，低于序时进度24.0个百分点（序时进度91.7%）。",
    );
  });

  it("names the tasks due soon and the units that did not report", () => {
    expect(list(doc, "dueSoon").items).toEqual([
      "县委督查室负责的第22项“严格开展考核督导”，距完成时限（2024年12月10日）还有10天。",
    ]);
    const nr = list(doc, "notReporting");
    expect(nr.heading).toBe("（四）未按时报送进展的单位（2个）");
    expect(nr.items).toEqual(["八渡镇、县工商联。"]);
  });

  it("says 无 under a list that is empty", () => {
    const quiet = build({ ...BULLETIN_INPUT, notReporting: [], dueSoon: [] });
    expect(list(quiet, "notReporting").items).toEqual([]);
    expect(list(quiet, "notReporting").empty).toBe("无。");
    expect(list(quiet, "dueSoon").heading).toBe("（三）即将到期任务（0项）");
  });

  it("ranks every unit in the table with its counts, rate and change since the last issue", () => {
    const tb = table(doc, "units");
    expect(tb.header).toEqual(["排名", "单位", "牵头任务", "已完成", "滞后", "逾期", "完成率", "较上期"]);
    expect(tb.rows.map((r) => r[1]).sort()).toEqual(BULLETIN_INPUT.units.map((u) => u.name).sort());
    expect(tb.rows.map((r) => Number(r[0]))).toEqual(tb.rows.map((_, i) => i + 1));
    const row = (name: string) => tb.rows.find((r) => r[1] === name);
    // 县委组织部: 4 lead, 2 done; last issue 25% at rank 3, now rank 3.
    expect(row("县委组织部")).toEqual(["3", "县委组织部", "4", "2", "0", "0", "50.0%", "+25.0（持平）"]);
    expect(row("县发改局")).toEqual(["5", "县发改局", "3", "1", "1", "0", "33.3%", "+33.3（升1位）"]);
    expect(row("县乡村振兴局")).toEqual([
      "13",
      "县乡村振兴局",
      "4",
      "0",
      "1",
      "1",
      "0.0%",
      "−25.0（降11位）",
    ]);
    expect(row("县财政局")![7]).toBe("—");
  });

  it("leaves 存在问题 and 下步要求 as headed placeholders with three numbered points", () => {
    const ph = block(doc, "placeholder");
    expect(ph.map((p) => p.heading)).toEqual(["四、存在问题", "五、下步要求"]);
    for (const p of ph) expect(p.points).toEqual(["1.（待填写）", "2.（待填写）", "3.（待填写）"]);
  });

  it("lists the overdue and behind tasks in 附件1 with their latest progress", () => {
    expect(block(doc, "annex")[0]).toEqual({
      kind: "annex",
      label: "附件1",
      title: "滞后及逾期重点任务清单",
    });
    const tb = table(doc, "annex");
    const late = tasks.filter((t) => t.state === "overdue" || t.state === "behind");
    expect(tb.rows.map((r) => r[0]).sort()).toEqual(late.map((t) => t.id).sort());
    expect(tb.rows[0]).toEqual([
      "8",
      "全面完成问题整改",
      "县乡村振兴局",
      "2024年9月30日",
      "逾期61天",
      "尚有 3 个问题未销号",
    ]);
    const noReport = build({
      ...BULLETIN_INPUT,
      tasks: [{ id: "1", section: "", title: "任务", lead: ["县财政局"], state: "overdue", daysOverdue: 3 }],
    });
    expect(table(noReport, "annex").rows[0]).toEqual(["1", "任务", "县财政局", "—", "逾期3天", "未报送"]);
    const noLead = build({
      ...BULLETIN_INPUT,
      tasks: [{ id: "2", section: "", title: "任务", lead: [], state: "overdue", daysOverdue: 3 }],
    });
    expect(list(noLead, "overdue").items).toEqual(["未明确牵头单位负责的第2项“任务”，逾期3天。"]);
  });

  it("says so in 附件1 when nothing is late", () => {
    const calm = build({ ...BULLETIN_INPUT, tasks: BULLETIN_INPUT.tasks.filter((t) => t.state === "done") });
    expect(calm.blocks.some((b) => b.kind === "table" && b.name === "annex")).toBe(false);
    expect(calm.blocks).toContainEqual({ kind: "paragraph", text: "本期无滞后或逾期任务。" });
  });
});

describe("the bulletin in English", () => {
  const doc = build({ ...BULLETIN_INPUT, lang: "en" });

  it("uses the English table throughout: no Chinese besides the list's own names and titles", () => {
    const own = new Set([
      ...BULLETIN_INPUT.tasks.flatMap((t) => [t.title, t.progress ?? "", ...t.lead]),
      ...BULLETIN_INPUT.units.map((u) => u.name),
      BULLETIN_INPUT.publication,
      BULLETIN_INPUT.office,
      "序时",
    ]);
    const unquote = (s: string) => s.replace(/[‘’“”—−]/g, "");
    let rest = unquote(JSON.stringify(doc));
    for (const s of [...own].filter(Boolean).sort((a, b) => b.length - a.length))
      rest = rest.split(unquote(s)).join("");
    expect(rest).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
    expect(doc.masthead.issue).toBe("Issue 11");
    expect(doc.masthead.date).toBe("3 December 2024");
    expect(list(doc, "overdue").items[2]).toBe("县民政局, task 9 “防范化解风险隐患”: 12 days overdue.");
    expect(table(doc, "units").rows.find((r) => r[1] === "县发改局")![7]).toBe("+33.3 (up 1)");
  });
});
