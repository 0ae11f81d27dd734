/**
 * The monthly cycle through real files: a ledger generated with --split-dir, returns filled in the
 * way units fill them (with ExcelJS: rows re-sorted, a row deleted, re-saved, renamed, tampered),
 * collected with the command, a third unit typing into the ledger; then `check --json` and 汇总.
 */
import ExcelJS from "exceljs";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, utimesSync } from "fs";
import * as path from "path";
import { runCli } from "../helpers/cli";
import { loadWorkbook } from "../helpers/snapshot";
import { tempDir } from "../helpers/xlsx";

const dir = tempDir();
const AS_OF = "2024-07-20";

async function listWorkbook(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("清单");
  ws.addRow(["2024年重点工作任务清单"]);
  ws.addRow(["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"]);
  ws.addRow([1, "建成城东污水处理厂", "县住建局", "县财政局、县生态环境局", "10月底前", "正在推进"]);
  ws.addRow([2, "整治城区黑臭水体", "县财政局", "", "6月底前", "正在推进"]);
  ws.addRow([3, "完成人工造林1万亩", "县林业局", "县财政局", "12月底前", ""]);
  ws.addRow([4, "新建公厕8座", "县住建局", "县财政局", "9月底前", ""]);
  ws.addRow([5, "改造老旧小区12个", "县生态环境局", "", "12月底前", ""]);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The task rows of a form (row 8 on), as the unit sees them: by the title in column C. */
function taskRow(ws: ExcelJS.Worksheet, title: string): ExcelJS.Row {
  for (let r = 8; r <= ws.rowCount; r++) if (ws.getCell(r, 3).value === title) return ws.getRow(r);
  throw new Error(`no row for ${title}`);
}

function fill(row: ExcelJS.Row, progress: string, percent: number | string | null, onSchedule = "") {
  row.getCell(9).value = progress;
  if (percent !== null) row.getCell(10).value = percent;
  if (onSchedule) row.getCell(11).value = onSchedule;
}

/** Reverse the task rows (a unit sorting its sheet): every cell moves with its row. */
function reverseRows(ws: ExcelJS.Worksheet) {
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 8; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as ExcelJS.CellValue[]).slice(1));
  rows.reverse().forEach((vals, k) => vals.forEach((v, c) => (ws.getCell(8 + k, c + 1).value = v ?? null)));
}

async function edit(src: string, dest: string, change: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  change(wb.worksheets[0]!);
  await wb.xlsx.writeFile(dest);
  return dest;
}

const json = (out: string) => JSON.parse(out) as Record<string, unknown>;

describe("a month of the cycle, through files", () => {
  const ledger = path.join(dir, "台账.xlsx");
  const split = path.join(dir, "分发");
  const inbox = path.join(dir, "收到");
  let first: { code: number; out: string; err: string };
  const returned = new Map<string, Buffer>();
  let report: {
    period: string;
    received: { unit: string; file: string; rows: number }[];
    missing: string[];
    unchanged: unknown[];
    conflicts: { file: string; unit: string; taskId: string; reason: string }[];
    rejected: { file: string; reason: string }[];
  };

  beforeAll(async () => {
    const list = await listWorkbook(path.join(dir, "清单.xlsx"));
    const g = await runCli([
      "generate",
      list,
      "-o",
      ledger,
      "--split-dir",
      split,
      "--as-of",
      AS_OF,
      "--due-day",
      "28",
      "--send-to",
      "县委督查室（邮箱 dcs@example.gov.cn）",
    ]);
    expect(g.code).toBe(0);
    mkdirSync(inbox);
    // 住建局: fills both lead tasks, sorts the rows, signs, renames the file.
    const zj = await edit(
      path.join(split, "县住房和城乡建设局.xlsx"),
      path.join(inbox, "住建局7月报表(1).xlsx"),
      (ws) => {
        reverseRows(ws);
        fill(taskRow(ws, "建成城东污水处理厂"), "主体完工，设备安装中", 80, "是");
        fill(taskRow(ws, "新建公厕8座"), "已完成", 100, "是");
        ws.getCell("E4").value = "张三";
      },
    );
    // An earlier draft from 住建局, older on disk: the newer file wins, this one is named.
    const draft = await edit(
      path.join(split, "县住房和城乡建设局.xlsx"),
      path.join(inbox, "住建局草稿.xlsx"),
      (ws) => {
        fill(taskRow(ws, "建成城东污水处理厂"), "草稿", 10);
      },
    );
    utimesSync(draft, new Date("2024-07-10"), new Date("2024-07-10"));
    utimesSync(zj, new Date("2024-07-18"), new Date("2024-07-18"));
    // 林业局: behind, says 否.
    await edit(path.join(split, "县林业局.xlsx"), path.join(inbox, "林业局.xlsx"), (ws) => {
      fill(taskRow(ws, "完成人工造林1万亩"), "完成40%，苗木调运滞后", 40, "否");
    });
    // 财政局: done; deletes a cooperating row; tampers another (a % over 100, a row of no task).
    await edit(path.join(split, "县财政局.xlsx"), path.join(inbox, "财政局.xlsx"), (ws) => {
      fill(taskRow(ws, "整治城区黑臭水体"), "已完成", 100);
      ws.spliceRows(taskRow(ws, "新建公厕8座").number, 1);
      fill(taskRow(ws, "完成人工造林1万亩"), "资金已拨付", 120);
      const bogus = taskRow(ws, "建成城东污水处理厂");
      fill(bogus, "配合做好资金保障", null);
      bogus.getCell(1).value = 99;
      bogus.getCell(15).value = String(bogus.getCell(15).value).replace(/\|[0-9a-f]{8}$/, "|deadbeef");
    });
    // A form of another ledger, and a file that is no form at all.
    await edit(path.join(split, "县林业局.xlsx"), path.join(inbox, "别的台账.xlsx"), (ws) => {
      ws.eachRow((row) => {
        const v = row.getCell(15).value;
        if (typeof v === "string") row.getCell(15).value = v.replace(/\|L[0-9a-f]{8}\|/, "|L00000000|");
      });
      fill(taskRow(ws, "完成人工造林1万亩"), "别处的进展", 50);
    });
    copyFileSync(list, path.join(inbox, "清单副本.xlsx"));

    for (const f of readdirSync(inbox)) returned.set(f, readFileSync(path.join(inbox, f)));
    first = await runCli(["collect", ledger, inbox, "--in-place", "--json", "--as-of", AS_OF]);
    report = JSON.parse(first.out);
  }, 120_000);

  it("hands out forms saying the period, due day and whom to send to; check on a form says what it is", async () => {
    const ws = (await loadWorkbook(path.join(split, "县林业局.xlsx"))).worksheets[0]!;
    expect(String(ws.getCell("A2").value)).toMatch(/请于 7 月 28 日前填写本期（2024-07）进展/);
    expect(String(ws.getCell("A2").value)).toMatch(/报送至：县委督查室（邮箱 dcs@example.gov.cn）。/);
    const r = await runCli(["check", path.join(split, "县林业局.xlsx"), "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/县林业局's return form for 2024-07.*task-ledger collect/);
    const zh = await runCli(["check", path.join(split, "县林业局.xlsx")]);
    expect(zh.err).toMatch(/是县林业局2024-07 的填报表.*task-ledger collect/);
    expect(r.out).toBe("");
  });

  it("takes the returns: matched by the hidden key whatever the order, file name or deleted rows", () => {
    expect(first.code).toBe(0);
    expect(report.period).toBe("2024-07");
    expect(report.received).toEqual(
      expect.arrayContaining([
        { unit: "县住房和城乡建设局", file: "住建局7月报表(1).xlsx", rows: 2 },
        { unit: "县林业局", file: "林业局.xlsx", rows: 1 },
        { unit: "县财政局", file: "财政局.xlsx", rows: 1 },
      ]),
    );
    expect(report.received).toHaveLength(3);
    expect(report.missing).toEqual(["县生态环境局"]);
  });

  it("names conflicts and rejected files with the reason", () => {
    expect(report.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "住建局草稿.xlsx", unit: "县住房和城乡建设局" }),
        expect.objectContaining({ file: "财政局.xlsx", taskId: "3", reason: expect.stringMatching(/0–100/) }),
        expect.objectContaining({ file: "财政局.xlsx", taskId: "99", reason: "台账中没有这一任务" }),
      ]),
    );
    expect(report.conflicts[0]!.reason).toMatch(/住建局7月报表\(1\)\.xlsx/);
    expect(report.rejected).toEqual(
      expect.arrayContaining([
        { file: "别的台账.xlsx", reason: expect.stringMatching(/另一份台账/) },
        { file: "清单副本.xlsx", reason: expect.stringMatching(/不是推进情况表/) },
      ]),
    );
  });

  it("records every row in 进展记录, conflicts and rejections marked, and never modifies the returns", async () => {
    const ws = (await loadWorkbook(ledger)).getWorksheet("进展记录")!;
    const rows: string[] = [];
    ws.eachRow(
      (row, r) =>
        r > 1 &&
        rows.push(
          `${String(row.getCell(2).value)}|${String(row.getCell(5).value)}|${String(row.getCell(14).value)}`,
        ),
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        "县住房和城乡建设局|主体完工，设备安装中|采用",
        "县住房和城乡建设局|已完成|采用",
        "县住房和城乡建设局|草稿|冲突",
        "县财政局|资金已拨付|冲突",
        "县财政局|配合做好资金保障|冲突",
        "县林业局|别处的进展|退回",
      ]),
    );
    expect(rows).toHaveLength(8);
    expect(returned.size).toBe(6);
    for (const [f, bytes] of returned) expect(readFileSync(path.join(inbox, f)).equals(bytes)).toBe(true);
  });

  it("汇总 says who is behind: states add up, units worst first with 滞后 and 未报送, who did not report", async () => {
    const ws = (await loadWorkbook(ledger)).getWorksheet("汇总")!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const at = (label: string) => rows.findIndex((r) => r[0] === label);
    const states = rows[at("任务总数") + 1]!;
    expect(states).toEqual([5, 2, 2, 0, 1, 0]); // total, done, in progress, not started, 未报送, no report
    const head = at("单位");
    expect(rows[head]).toEqual(["单位", "牵头", "已完成", "逾期", "滞后", "未报送", "完成率", "较上期"]);
    expect(
      rows.slice(head + 1, head + 5).map((r) => [(r[0] as { text?: string }).text ?? r[0], r[4], r[5]]),
    ).toEqual([
      ["县林业局", 1, 0],
      ["县生态环境局", 0, 1],
      ["县住房和城乡建设局", 0, 0],
      ["县财政局", 0, 0],
    ]);
    const text = rows
      .flat()
      .filter((v) => typeof v === "string")
      .join("\n");
    expect(text).toMatch(/2024-07 报送率 75%；未报送单位（1 个）：县生态环境局/);
    expect(text).toMatch(/2024-07：完成40%，苗木调运滞后/);
  });

  it("collecting the same files twice changes nothing", async () => {
    const before = readFileSync(ledger);
    const again = await runCli([
      "collect",
      ledger,
      inbox,
      "-o",
      path.join(dir, "again.xlsx"),
      "--as-of",
      AS_OF,
    ]);
    expect(again.code).toBe(0);
    const a = (await loadWorkbook(ledger)).getWorksheet("进展记录")!;
    const b = (await loadWorkbook(path.join(dir, "again.xlsx"))).getWorksheet("进展记录")!;
    const cells = (ws: ExcelJS.Worksheet) => {
      const out: unknown[] = [];
      ws.eachRow((row) => out.push(row.values));
      return out;
    };
    expect(cells(b)).toEqual(cells(a));
    expect(readFileSync(ledger).equals(before)).toBe(true);
  });

  it("exits 2 when no file could be taken, leaving the ledger as it was", async () => {
    const before = readFileSync(ledger);
    const r = await runCli([
      "collect",
      ledger,
      path.join(inbox, "清单副本.xlsx"),
      "--in-place",
      "--as-of",
      AS_OF,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/没有可采用的报表/);
    expect(readFileSync(ledger).equals(before)).toBe(true);
  });

  it("check --json shows the reported states, a third unit typing into the ledger, the missing unit; 汇总 agrees", async () => {
    // 生态环境局 types straight into its sheet of the ledger (a shared workbook).
    const wb = await loadWorkbook(ledger);
    fill(taskRow(wb.getWorksheet("县生态环境局")!, "改造老旧小区12个"), "已完成设计招标", 30);
    await wb.xlsx.writeFile(ledger);
    const g = await runCli(["generate", ledger, "--in-place", "--as-of", AS_OF]);
    expect(g.code).toBe(0);

    const r = await runCli(["check", ledger, "--json", "--as-of", AS_OF]);
    expect(r.code).toBe(0);
    const out = json(r.out) as {
      tasks: { id: string; status: Record<string, unknown>; warning: string }[];
      units: Record<string, unknown>[];
    };
    const task = (id: string) => out.tasks.find((t) => t.id === id)!;
    expect(task("1").status).toMatchObject({
      text: "主体完工，设备安装中",
      state: "in_progress",
      percent: 80,
      reported: "2024-07",
      source: "return",
    });
    expect(task("2").status).toMatchObject({ state: "done", source: "return" });
    expect(task("3").status).toMatchObject({ state: "behind", percent: 40, source: "return" });
    expect(task("3").warning).toBe("yellow");
    expect(task("4").status).toMatchObject({ state: "done" });
    expect(task("5").status).toMatchObject({
      text: "已完成设计招标",
      source: "unit-sheet",
      reported: "2024-07",
    });
    const unit = (name: string) => out.units.find((u) => u.name === name)!;
    expect(unit("县住房和城乡建设局")).toMatchObject({ lead: 2, done: 1, inProgress: 1, reported: true });
    expect(unit("县林业局")).toMatchObject({ behind: 1, reported: true, notReported: 0 });
    expect(unit("县生态环境局")).toMatchObject({ reported: true, notReported: 0 });

    // The unit's sheet now shows its report in 本期进展 beside its task.
    const after = await loadWorkbook(ledger);
    const zj = after.getWorksheet("县住房和城乡建设局")!;
    expect(taskRow(zj, "建成城东污水处理厂").getCell(9).value).toBe("主体完工，设备安装中");
    expect(taskRow(zj, "建成城东污水处理厂").getCell(10).value).toBe(80);
  });

  it("next month: new forms show last month's report read-only; units that have not yet reported are 未报送", async () => {
    const g = await runCli([
      "generate",
      ledger,
      "--in-place",
      "--as-of",
      "2024-08-05",
      "--split-dir",
      path.join(dir, "8月"),
    ]);
    expect(g.code).toBe(0);
    const form = (await loadWorkbook(path.join(dir, "8月", "县住房和城乡建设局.xlsx"))).worksheets[0]!;
    const row = taskRow(form, "建成城东污水处理厂");
    expect(row.getCell(8).value).toBe("2024-07：主体完工，设备安装中（80%）");
    expect(row.getCell(9).value ?? "").toBe("");
    expect(String(row.getCell(15).value)).toMatch(/\|2024-08\|/);
    const r = await runCli(["check", ledger, "--json"]);
    const out = json(r.out) as {
      asOf: string;
      tasks: { id: string; status: Record<string, unknown> }[];
      units: Record<string, unknown>[];
    };
    expect(out.asOf).toBe("2024-08-05");
    expect(out.tasks.find((x) => x.id === "1")!.status).toMatchObject({
      reported: "2024-07",
      source: "return",
    });
    expect(out.units.find((u) => u.name === "县住房和城乡建设局")).toMatchObject({
      notReported: 1,
      reported: false,
    });
    // 汇总 shows each unit's change since July.
    const sum = (await loadWorkbook(ledger)).getWorksheet("汇总")!;
    const texts: string[] = [];
    sum.eachRow((rw) => rw.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value))));
    expect(texts.some((x) => /^完成率 [+-]?\d+ 个百分点，名次 [+-]?\d+$/.test(x))).toBe(true);
  });
});
