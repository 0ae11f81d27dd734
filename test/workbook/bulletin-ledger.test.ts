/**
 * The bulletin from a real ledger: a list generated into a ledger with return forms, two units'
 * returns filled as units fill them and collected, then `bulletin` and `check --json` on the same
 * ledger and date. The .docx read back holds every count and every named unit the JSON gives; the
 * issue number is kept with the ledger and goes up by one each time.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdirSync, readFileSync } from "fs";
import mammoth from "mammoth";
import * as path from "path";
import { runCli } from "../helpers/cli";
import { loadWorkbook } from "../helpers/snapshot";
import { tempDir } from "../helpers/xlsx";

const dir = tempDir();
const AS_OF = "2024-07-20";

interface JsonOut {
  tasks: {
    id: string;
    title: string;
    lead: { name: string }[];
    status: { state: string };
    warning?: string;
  }[];
  units: {
    name: string;
    lead: number;
    done: number;
    behind: number;
    overdue: number;
    notReported: number;
    reported: boolean;
  }[];
}

async function listWorkbook(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("清单");
  ws.addRow(["2024年重点工作任务清单"]);
  ws.addRow(["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"]);
  ws.addRow([1, "建成城东污水处理厂", "县住建局", "县财政局、县生态环境局", "10月底前", "正在推进"]);
  ws.addRow([2, "整治城区黑臭水体", "县财政局", "", "6月底前", "正在推进"]);
  ws.addRow([3, "完成人工造林1万亩", "县林业局", "县财政局", "12月底前", ""]);
  ws.addRow([4, "新建公厕8座", "县住建局", "县财政局", "7月底前", ""]);
  ws.addRow([5, "改造老旧小区12个", "县生态环境局", "", "12月底前", ""]);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A unit fills its form: the rows found by title in column C, progress in I, % in J, 是否达序 in K. */
async function fillForm(
  src: string,
  dest: string,
  rows: [title: string, progress: string, pct: number, ok: string][],
) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const ws = wb.worksheets[0]!;
  for (const [title, progress, pct, ok] of rows) {
    let found = false;
    for (let r = 8; r <= ws.rowCount; r++)
      if (ws.getCell(r, 3).value === title) {
        ws.getCell(r, 9).value = progress;
        ws.getCell(r, 10).value = pct;
        ws.getCell(r, 11).value = ok;
        found = true;
      }
    if (!found) throw new Error(`no row for ${title}`);
  }
  await wb.xlsx.writeFile(dest);
}

async function docxText(file: string): Promise<string> {
  return (await mammoth.extractRawText({ buffer: readFileSync(file) })).value;
}

describe("the bulletin from a ledger with returns", () => {
  const ledger = path.join(dir, "台账.xlsx");
  const out = path.join(dir, "通报.docx");
  let json: JsonOut;
  let text: string;
  let first: { code: number; out: string; err: string };

  beforeAll(async () => {
    const list = await listWorkbook(path.join(dir, "清单.xlsx"));
    const split = path.join(dir, "分发");
    const inbox = path.join(dir, "收到");
    const g = await runCli(["generate", list, "-o", ledger, "--split-dir", split, "--as-of", AS_OF]);
    expect(g.code).toBe(0);
    mkdirSync(inbox);
    await fillForm(path.join(split, "县住房和城乡建设局.xlsx"), path.join(inbox, "住建局.xlsx"), [
      ["建成城东污水处理厂", "主体完工，设备安装中", 80, "是"],
      ["新建公厕8座", "已完成", 100, "是"],
    ]);
    await fillForm(path.join(split, "县林业局.xlsx"), path.join(inbox, "林业局.xlsx"), [
      ["完成人工造林1万亩", "完成20%，苗木调运滞后", 20, "否"],
    ]);
    const c = await runCli(["collect", ledger, inbox, "--in-place", "--as-of", AS_OF]);
    expect(c.code).toBe(0);
    first = await runCli(["bulletin", ledger, "-o", out, "--as-of", AS_OF, "--office", "县委督查室"], AS_OF);
    const check = await runCli(["check", ledger, "--json", "--as-of", AS_OF], AS_OF);
    json = JSON.parse(check.out) as JsonOut;
    text = await docxText(out);
  }, 120_000);

  it("writes the .docx and says the issue and the period", () => {
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    expect(first.out).toContain(`已写入通报：${out}（第1期，2024-07）`);
    expect(first.out).toContain("第2期");
    for (const s of [
      "重点工作督查通报",
      "第1期",
      "县委督查室",
      "2024年7月20日",
      "关于2024年7月重点工作任务推进情况的通报",
    ])
      expect(text).toContain(s);
  });

  it("holds every count check --json gives", () => {
    const n = (p: (t: JsonOut["tasks"][number]) => boolean) => json.tasks.filter(p).length;
    const done = n((t) => t.status.state === "done");
    const overdue = n((t) => t.warning === "red");
    const behind = n((t) => t.warning === "yellow");
    // The ledger is shaped to have a task in each: a bulletin of zeros would prove nothing.
    expect([done > 0, overdue > 0, behind > 0]).toEqual([true, true, true]);
    expect(text).toContain(`重点工作任务共${json.tasks.length}项`);
    expect(text).toContain(`已完成${done}项`);
    expect(text).toContain(`逾期未完成${overdue}项`);
    expect(text).toContain(`滞后序时进度${behind}项`);
    expect(text).toContain(`（一）逾期未完成任务（${overdue}项）`);
    expect(text).toContain(`（二）滞后序时进度任务（${behind}项）`);
  });

  it("names every overdue and behind task with its lead unit, and every unit that did not report", () => {
    for (const t of json.tasks.filter((t) => t.warning === "red" || t.warning === "yellow"))
      expect(text).toContain(`${t.lead.map((u) => u.name).join("、")}负责的第${t.id}项“${t.title}”`);
    const silent = json.units.filter((u) => u.lead > 0 && !u.reported).map((u) => u.name);
    expect(silent.length).toBeGreaterThan(0);
    expect(text).toContain(`（四）未按时报送进展的单位（${silent.length}个）`);
    expect(text).toContain(`${silent.join("、")}。`);
  });

  it("has a unit table row with each leading unit's figures as check --json counts them", () => {
    const leading = json.units.filter((u) => u.lead > 0);
    for (const u of leading) {
      const rate = `${((u.done / u.lead) * 100).toFixed(1)}%`;
      // mammoth's raw text puts each table cell on its own paragraph.
      const row = [u.name, u.lead, u.done, u.behind, u.overdue, rate].join("\n\n");
      expect([u.name, text.includes(row)]).toEqual([u.name, true]);
    }
  });

  it("keeps the issue number, publication and office with the ledger: the next bulletin is 第2期", async () => {
    const sheetsBefore = (await loadWorkbook(ledger)).worksheets.map((w) => w.name);
    const out2 = path.join(dir, "通报2.docx");
    const r = await runCli(["bulletin", ledger, "-o", out2, "--as-of", AS_OF], AS_OF);
    expect(r.code).toBe(0);
    const t2 = await docxText(out2);
    expect(t2).toContain("第2期");
    expect(t2).toContain("县委督查室");
    // The ledger read the same after it kept the number.
    const again = JSON.parse(
      (await runCli(["check", ledger, "--json", "--as-of", AS_OF], AS_OF)).out,
    ) as JsonOut;
    expect(again.units).toEqual(json.units);
    expect((await loadWorkbook(ledger)).worksheets.map((w) => w.name)).toEqual(sheetsBefore);
  });

  it("on a bare list writes the bulletin, says the number was not kept, and leaves the list's bytes alone", async () => {
    const list = path.join(dir, "清单.xlsx");
    const before = readFileSync(list);
    const out3 = path.join(dir, "通报-清单.docx");
    const r = await runCli(["bulletin", list, "-o", out3, "--as-of", AS_OF, "--lang", "en"], AS_OF);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/not a ledger this tool generated; the issue number was not kept/);
    expect(readFileSync(list).equals(before)).toBe(true);
    const t3 = await docxText(out3);
    expect(t3).toContain("Key Tasks Supervision Bulletin");
    expect(t3).toContain("the list holds 5 key tasks");
  });

  it("says a bad --issue and writes nothing", async () => {
    const r = await runCli(["bulletin", ledger, "-o", path.join(dir, "x.docx"), "--issue", "0"], AS_OF);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--issue 应为正整数");
    expect(existsSync(path.join(dir, "x.docx"))).toBe(false);
  });
});
