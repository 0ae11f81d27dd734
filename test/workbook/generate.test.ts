import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as path from "path";
import { SETTINGS_SHEET } from "../../src/core/plan/model";
import { storedSettings } from "../../src/app/read";
import { PackagePort } from "../../src/workbook/package/port";
import { SAMPLE_PATH } from "../helpers/build";
import { defaultOutput } from "../../src/workbook/files/generate";
import { generate } from "../helpers/generate";
import {
  definedNames,
  loadWorkbook,
  snapshotSheet,
  snapshotWorkbook,
  workbookLinks,
} from "../helpers/snapshot";
import { tempDir } from "../helpers/xlsx";

const dir = tempDir();
const SAMPLE_XLSX = path.join(__dirname, "..", "..", "assets", "samples", "longxian-2024-sample.xlsx");

/** A user's workbook: a list with formulas, formats, merges and a defined name, plus their own sheets. */
async function userWorkbook(file: string, extraTask = true): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const list = wb.addWorksheet("清单");
  list.addRow(["2024年重点工作任务清单"]);
  list.mergeCells("A1:F1");
  list.getCell("A1").font = { bold: true, size: 16 };
  list.addRow(["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"]);
  list.getRow(2).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  list.addRow([1, "建成城东污水处理厂", "县住建局", "县财政局、县生态环境局", "10月底前", "正在推进"]);
  list.addRow([2, "=SUM(1,2) 不是公式，是任务名", "县财政局", "", "6月底前", "进度滞后"]);
  list.addRow([3, "完成人工造林1万亩", "县林业局", "县财政局", "12月底前", ""]);
  if (extraTask) list.addRow([4, "新建公厕8座", "县住建局", "县财政局", "9月底前", ""]);
  list.getCell("H1").value = { formula: "COUNTA(B3:B6)", result: 4 };
  wb.definedNames.add("'清单'!$B$3:$B$6", "任务名称");
  const mine = wb.addWorksheet("县财政局"); // a user sheet that happens to have a unit's name
  mine.getCell("A1").value = "我自己的财政局联系表";
  mine.getCell("B2").value = 42;
  const notes = wb.addWorksheet("备忘");
  notes.getCell("A1").value = "领导批示：月底前报送";
  await wb.xlsx.writeFile(file);
  return file;
}

describe("generate on a user's workbook", () => {
  let input: string;
  let out: string;
  let before: ExcelJS.Workbook;
  let inputBytes: Buffer;
  beforeAll(async () => {
    input = await userWorkbook(path.join(dir, "user.xlsx"));
    inputBytes = readFileSync(input);
    before = await loadWorkbook(input);
    out = path.join(dir, "user-out.xlsx");
    await generate(input, { output: out });
  });

  it("adds a summary, findings and one sheet per unit, named validly and uniquely", async () => {
    const wb = await loadWorkbook(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 3)).toEqual(["清单", "县财政局", "备忘"]);
    expect(names).toEqual(
      expect.arrayContaining([
        "汇总",
        "检查结果",
        "县住房和城乡建设局",
        "县财政局(2)",
        "县林业局",
        "县生态环境局",
        "部门名录",
        SETTINGS_SHEET,
      ]),
    );
    const lower = names.map((n) => n.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    expect(wb.getWorksheet(SETTINGS_SHEET)!.state).toBe("veryHidden");
    // The unit's full name always stands in the title row, whatever the sheet is called.
    expect(wb.getWorksheet("县财政局(2)")!.getCell("A1").value).toBe(
      "县财政局 重点工作任务推进情况表（2024-07；牵头 1 项，配合 3 项）",
    );
  });

  it("never touches the input file: the same bytes as before generating", () => {
    expect(readFileSync(input).equals(inputBytes)).toBe(true);
    return loadWorkbook(input).then((again) =>
      expect(snapshotWorkbook(again)).toEqual(snapshotWorkbook(before)),
    );
  });

  it("keeps the source list and the user's sheets exactly as they were, cell by cell", async () => {
    const wb = await loadWorkbook(out);
    for (const name of ["清单", "县财政局", "备忘"]) {
      expect(snapshotSheet(wb.getWorksheet(name)!)).toEqual(snapshotSheet(before.getWorksheet(name)!));
    }
    expect(definedNames(wb)).toEqual(definedNames(before));
    expect(wb.getWorksheet("清单")!.getCell("H1").value).toEqual({ formula: "COUNTA(B3:B6)", result: 4 });
  });

  it("lays out a unit sheet as a return form: title, instructions, header block, one table, printable", async () => {
    const wb = await loadWorkbook(out);
    const ws = wb.getWorksheet("县住房和城乡建设局")!;
    expect(ws.getCell("A1").value).toBe(
      "县住房和城乡建设局 重点工作任务推进情况表（2024-07；牵头 2 项，配合 0 项）",
    );
    expect(String(ws.getCell("A2").value)).toMatch(/^填报说明：请于 7 月 25 日前填写本期（2024-07）进展/);
    expect(ws.getCell("A3").value).toBe("统计截至 2024年7月1日");
    expect([ws.getCell("A4").value, ws.getCell("C4").value, ws.getCell("D4").value]).toEqual([
      "填报单位",
      "县住房和城乡建设局",
      "填报人",
    ]);
    expect(Array.from({ length: 14 }, (_, c) => ws.getCell(7, c + 1).value)).toEqual([
      "序号",
      "类型",
      "重点任务",
      "工作内容",
      "相关单位",
      "完成时限",
      "预警",
      "上期进展（已记录）",
      "本期进展",
      "完成进度（%）",
      "是否达序",
      "存在问题",
      "下步打算",
      "佐证材料",
    ]);
    expect(ws.getCell("B8").value).toBe("牵头");
    expect(ws.getCell("C8").value).toBe("建成城东污水处理厂");
    expect(ws.getCell("E8").value).toBe("配合：县财政局、县生态环境局");
    expect(ws.getCell("G8").value).toBe("绿");
    expect(String(ws.getCell("O8").value)).toMatch(
      /^TL1\|L[0-9a-f]{8}\|2024-07\|县住房和城乡建设局\|[0-9a-f]{8}$/,
    );
    expect(ws.getColumn(15).hidden).toBe(true);
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toBe("7:7");
    expect(ws.headerFooter.oddHeader).toBe("&C县住房和城乡建设局");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 7 });
    expect((ws.getCell("C8").style.alignment ?? {}).wrapText).toBe(true);
  });

  it("protects the form but for the fill-in cells, and validates % and 是否达序", async () => {
    const zip = await JSZip.loadAsync(readFileSync(out));
    const wb = await loadWorkbook(out);
    const ws = wb.getWorksheet("县住房和城乡建设局")!;
    expect(ws.getCell("I8").style.protection).toMatchObject({ locked: false });
    expect(ws.getCell("E4").style.protection).toMatchObject({ locked: false });
    expect(ws.getCell("C8").style.protection?.locked).not.toBe(false);
    const xml = await zip.file(`xl/worksheets/sheet${wb.worksheets.indexOf(ws) + 1}.xml`)!.async("string");
    expect(xml).toMatch(/<sheetProtection sheet="1"/);
    expect(xml).not.toMatch(/password/);
    expect(xml).toMatch(
      /<dataValidation type="decimal"[^>]*sqref="J8:J9"[\s\S]*?<formula1>0<\/formula1><formula2>100<\/formula2>/,
    );
    expect(xml).toMatch(
      /<dataValidation type="list"[^>]*sqref="K8:K9"[\s\S]*?<formula1>(&quot;|")是,否(&quot;|")<\/formula1>/,
    );
  });

  it("writes task text that looks like a formula as text", async () => {
    const wb = await loadWorkbook(out);
    const ws = wb.getWorksheet("县财政局(2)")!;
    const cell = ws.getCell("C8");
    expect(cell.value).toBe("=SUM(1,2) 不是公式，是任务名");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheetXml = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    expect(sheetXml.join("").match(/<f>SUM\(1,2\)/)).toBeNull();
  });

  it("the summary links each unit to its sheet and lists the red tasks", async () => {
    const wb = await loadWorkbook(out);
    const ws = wb.getWorksheet("汇总")!;
    const values: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    const links = (await workbookLinks(out)).get("汇总")!;
    const at = (text: string) => {
      let address = "";
      ws.eachRow((row) => row.eachCell((c) => void (c.value === text && !address && (address = c.address))));
      return address;
    };
    expect(links.get(at("县财政局"))).toBe("'县财政局(2)'!A1");
    expect(values).toContain("逾期和滞后任务");
    // The red task's title links to its row in the list.
    expect(links.get(at("=SUM(1,2) 不是公式，是任务名"))).toBe("'清单'!B4");
  });
});

describe("regenerating", () => {
  it("keeps progress typed into a unit sheet: recorded in 进展记录, shown again, kept when its task leaves the list", async () => {
    const input = await userWorkbook(path.join(dir, "regen.xlsx"));
    const out = path.join(dir, "regen-out.xlsx");
    await generate(input, { output: out });
    // The unit fills in its progress.
    const wb = await loadWorkbook(out);
    const ws = wb.getWorksheet("县住房和城乡建设局")!;
    expect(ws.getCell("A8").value).toBe(1);
    expect(ws.getCell("A9").value).toBe(4);
    ws.getCell("I8").value = "主体完工，设备调试中";
    ws.getCell("I9").value = "已选址5处";
    ws.getCell("J9").value = 40;
    // And the office edits the list: task 4 removed.
    const list = wb.getWorksheet("清单")!;
    list.spliceRows(6, 1);
    await wb.xlsx.writeFile(out);
    const r = await generate(out, { inPlace: true });
    expect(r.cycle.tasks[0]).toMatchObject({ reported: "2024-07", source: "unit-sheet" });
    expect(r.list.tasks[0]!.status).toMatchObject({ text: "主体完工，设备调试中", state: "in_progress" });

    const after = await loadWorkbook(out);
    const unit = after.getWorksheet("县住房和城乡建设局")!;
    expect(unit.getCell("C8").value).toBe("建成城东污水处理厂");
    expect(unit.getCell("I8").value).toBe("主体完工，设备调试中");
    const history = (await loadWorkbook(out)).getWorksheet("进展记录")!;
    const rows: unknown[][] = [];
    history.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 15)));
    expect(rows.slice(1).map((x) => [x[0], x[1], x[3], x[4], x[5], x[13]])).toEqual([
      ["2024-07", "县住房和城乡建设局", "建成城东污水处理厂", "主体完工，设备调试中", undefined, "采用"],
      ["2024-07", "县住房和城乡建设局", "新建公厕8座", "已选址5处", 40, "采用"],
    ]);
    // The user's own 县财政局 sheet is still theirs.
    expect(after.getWorksheet("县财政局")!.getCell("A1").value).toBe("我自己的财政局联系表");
    // Regenerating again keeps the record, and adds nothing.
    await generate(out, { inPlace: true });
    const third = (await loadWorkbook(out)).getWorksheet("进展记录")!;
    expect(third.rowCount).toBe(3);
    const again: unknown[] = [];
    third.eachRow((row) => row.eachCell((c) => again.push(c.value)));
    expect(again).toContain("已选址5处");
  });

  it("twice with no change in the list gives an identical workbook", async () => {
    const input = await userWorkbook(path.join(dir, "idem.xlsx"));
    const a = path.join(dir, "idem-a.xlsx");
    await generate(input, { output: a });
    const b = path.join(dir, "idem-b.xlsx");
    await generate(a, { output: b });
    const c = path.join(dir, "idem-c.xlsx");
    await generate(b, { output: c });
    const sb = snapshotWorkbook(await loadWorkbook(b));
    const sc = snapshotWorkbook(await loadWorkbook(c));
    expect(sc).toEqual(sb);
    expect(snapshotWorkbook(await loadWorkbook(a))).toEqual(sb);
    // Nor does the file grow: every text of a run is already in the shared strings after the first
    // (the forms' row identities included), and the package comes out byte for byte the same.
    const sst = (f: string) =>
      new PackagePort(new Uint8Array(readFileSync(f))).package.text("xl/sharedStrings.xml");
    expect(sst(c)).toBe(sst(b));
    expect(readFileSync(c).equals(readFileSync(b))).toBe(true);
  });

  it("a workbook generated from text regenerates from its own task-list sheet, identically", async () => {
    const a = path.join(dir, "text-a.xlsx");
    const r = await generate(SAMPLE_PATH, { output: a });
    expect(r.plan.sheets[0]!.name).toBe("任务清单");
    const b = path.join(dir, "text-b.xlsx");
    await generate(a, { output: b });
    const c = path.join(dir, "text-c.xlsx");
    await generate(b, { output: c });
    expect(snapshotWorkbook(await loadWorkbook(c))).toEqual(snapshotWorkbook(await loadWorkbook(b)));
    const settings = storedSettings(new PackagePort(readFileSync(b)).viewNow());
    expect(settings?.listSheet).toBe("任务清单");
  });
});

describe("the sample", () => {
  it("gives one sheet per unit named in the list, the misspelling folded, counts adding up", async () => {
    const out = path.join(dir, "sample-out.xlsx");
    const r = await generate(SAMPLE_XLSX, { output: out });
    const unitSheets = r.plan.sheets.filter((s) => s.role === "unit");
    const unitNames = unitSheets.map((s) => s.unit);
    expect(unitNames).toContain("县文化和旅游局");
    expect(unitNames).not.toContain("县文化和旅旅局");
    const namedInList = new Set(
      r.list.tasks.flatMap((t) => [...t.lead, ...t.cooperating].map((u) => u.name)),
    );
    expect(new Set(unitNames)).toEqual(namedInList);
    const wb = await loadWorkbook(out);
    let lead = 0;
    let coop = 0;
    for (const s of unitSheets) {
      const title = String(wb.getWorksheet(s.name)!.getCell("A1").value);
      const m = /牵头 (\d+) 项，配合 (\d+) 项/.exec(title)!;
      lead += Number(m[1]);
      coop += Number(m[2]);
    }
    expect(lead).toBe(r.list.tasks.reduce((n, t) => n + t.lead.length, 0));
    expect(coop).toBe(r.list.tasks.reduce((n, t) => n + t.cooperating.length, 0));
  });

  it("--split-dir writes one workbook per unit with its sheet only", async () => {
    const split = path.join(dir, "split");
    const r = await generate(SAMPLE_XLSX, { output: path.join(dir, "split-out.xlsx"), splitDir: split });
    expect(r.splitFiles).toHaveLength(r.plan.sheets.filter((s) => s.role === "unit").length);
    const one = await loadWorkbook(path.join(split, "县乡村振兴局.xlsx"));
    expect(one.worksheets.map((w) => w.name)).toEqual(["县乡村振兴局"]);
  });

  it("writes English labels with lang en", async () => {
    const r = await generate(SAMPLE_XLSX, { output: path.join(dir, "en.xlsx"), lang: "en" });
    expect(r.plan.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Summary", "Findings"]));
    const wb = await loadWorkbook(path.join(dir, "en.xlsx"));
    expect(wb.getWorksheet("县乡村振兴局")!.getCell("I7").value).toBe("Progress this period");
  });
});

describe("refusals", () => {
  it("names the output beside the input; an .xlsm stays an .xlsm (Excel refuses macros in an .xlsx)", () => {
    expect(defaultOutput(path.join("a", "清单.xlsx"))).toBe(path.join("a", "清单（台账）.xlsx"));
    expect(defaultOutput(path.join("a", "清单.XLSM"))).toBe(path.join("a", "清单（台账）.xlsm"));
    expect(defaultOutput(path.join("a", "清单.docx"))).toBe(path.join("a", "清单（台账）.xlsx"));
  });

  it("never overwrites the input unless asked", async () => {
    const input = await userWorkbook(path.join(dir, "same.xlsx"));
    await expect(generate(input, { output: input })).rejects.toThrow(/would overwrite the input/);
  });

  it("refuses to write a workbook that looks open in Excel, WPS or LibreOffice, unless forced", async () => {
    for (const lock of [".~lock.open-in.xlsx#", "~$open-in.xlsx", "~$en-in.xlsx"]) {
      const input = await userWorkbook(path.join(dir, "open-in.xlsx"));
      writeFileSync(path.join(dir, lock), "");
      const before = readFileSync(input);
      await expect(generate(input, { inPlace: true })).rejects.toThrow(
        `looks open in Excel, WPS or LibreOffice (${lock} is beside it)`,
      );
      expect(readFileSync(input).equals(before)).toBe(true);
      await generate(input, { inPlace: true, force: true });
      expect(readFileSync(input).equals(before)).toBe(false);
      rmSync(path.join(dir, lock));
    }
  });

  it("removes the temporary file a killed run left, never a running process's", async () => {
    const input = await userWorkbook(path.join(dir, "tmp-in.xlsx"));
    const out = path.join(dir, "tmp-out.xlsx");
    // A pid no process has (above the kernel's maximum), and this very test runner's parent.
    const stale = `${out}.4194305.tmp`;
    const running = `${out}.${process.ppid}.tmp`;
    writeFileSync(stale, "half a workbook");
    writeFileSync(running, "another run, still writing");
    await generate(input, { output: out });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(`${out}.${process.pid}.tmp`)).toBe(false);
  });

  it("carries a workbook with charts and macros over: those parts leave with their bytes", async () => {
    const input = await userWorkbook(path.join(dir, "chart.xlsx"));
    const zip = await JSZip.loadAsync(readFileSync(input));
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    zip.file("xl/vbaProject.bin", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    const out = path.join(dir, "chart-out.xlsx");
    await generate(input, { output: out });
    const after = await JSZip.loadAsync(readFileSync(out));
    expect(await after.file("xl/charts/chart1.xml")!.async("string")).toBe("<c:chartSpace/>");
    expect([...(await after.file("xl/vbaProject.bin")!.async("uint8array"))]).toEqual([
      0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3,
    ]);
  });
});
