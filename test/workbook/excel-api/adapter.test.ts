import { writeFileSync } from "fs";
import { runChecks } from "../../../src/core/checks/findings";
import { buildPlan } from "../../../src/core/plan/build";
import type { CellValue } from "../../../src/core/read/grid";
import { UnitDirectory } from "../../../src/core/units/directory";
import { formatDate, translator } from "../../../src/i18n";
import { cellFromApi, detectFeatures, readSheets } from "../../../src/workbook/excel-api/adapter";
import {
  type Command,
  type ValidationRule,
  batches,
  commandBytes,
  planCommands,
} from "../../../src/workbook/excel-api/commands";
import { executeCommands } from "../../../src/workbook/excel-api/adapter";
import { createExcelLedger } from "../../../src/workbook/excel-api/ledger";
import { PackagePort } from "../../../src/workbook/package/port";
import { worksheetToGrid } from "../../helpers/exceljs-grid";
import { loadWorkbook, workbookLinks } from "../../helpers/snapshot";
import { tempDir } from "../../helpers/xlsx";
import * as path from "path";
import { columnLetter } from "../../../src/core/model";
import { listFromText, sampleText } from "../../helpers/build";
import { FakeExcel, PAYLOAD_LIMIT, isLocked } from "../../fake-excel/fake-excel";

const t = translator("zh-CN");

interface ExcelJsValidation {
  type: string;
  formulae: (string | number)[];
}
/** Every cell of an A1 area ("J8:J10" → J8, J9, J10). */
function expand(address: string): string[] {
  const [from, to = from] = address.split(":") as [string, string?];
  const at = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return { col: [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) };
  };
  const a = at(from);
  const b = at(to!);
  const out: string[] = [];
  for (let r = a.row; r <= b.row; r++)
    for (let c = a.col; c <= b.col; c++) out.push(`${columnLetter(c)}${r}`);
  return out;
}
const LIST: (string | number | null)[][] = [
  ["2024年重点任务清单"],
  ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"],
  ["一、经济发展"],
  [1, "建成城东污水处理厂", "县住建局", "县财政局", "6月底前", "正在推进"],
  [2, "=SUM(A1) 是任务名", "县财政局", "县文化和旅旅局", "12月底前", ""],
  [3, "完成造林", "县林业局", "县财政局", "7月10日前", "完成20%"],
];

function workbookWithList(): FakeExcel {
  const excel = new FakeExcel();
  excel.loadSheet("清单", LIST, [{ top: 3, left: 1, bottom: 3, right: 6 }]);
  excel.loadSheet("县财政局", [["我的表"]]);
  return excel;
}

describe("reading through the Excel API", () => {
  it("reads every sheet, values and merged areas, in two syncs", async () => {
    const excel = workbookWithList();
    const { grids } = await readSheets(excel.run, detectFeatures(excel));
    expect(excel.syncs).toBe(2);
    expect(grids.get("清单")!.rows[3]).toEqual([
      1,
      "建成城东污水处理厂",
      "县住建局",
      "县财政局",
      "6月底前",
      "正在推进",
    ]);
    expect(grids.get("清单")!.merges).toEqual([{ top: 3, left: 1, bottom: 3, right: 6 }]);
  });

  it.each(["1.2", "1.17"])(
    "reads a list too large for one answer of Excel on the web in blocks, with the same cells (ExcelApi %s)",
    async (excelApi) => {
      const big: (string | number | null)[][] = [LIST[0]!, LIST[1]!];
      for (let i = 1; i <= 600; i++)
        big.push([
          i,
          `任务${i}：${"推进重点项目建设".repeat(3)}`,
          "县住建局",
          "县财政局",
          "6月底前",
          "正在推进",
        ]);
      const workbook = () => {
        const excel = new FakeExcel({ excelApi });
        excel.loadSheet("清单", big, [{ top: 1, left: 1, bottom: 1, right: 6 }]);
        return excel;
      };
      const desktop = workbook();
      const atOnce = await readSheets(desktop.run, detectFeatures(desktop));
      expect(desktop.syncs).toBe(2);
      const web = workbook();
      // An answer limit a tenth of the list's size, as 5 MB is to a list of tens of thousands of rows.
      web.responseLimit = Math.floor(desktop.maxResponse / 10);
      const inBlocks = await readSheets(web.run, detectFeatures(web));
      expect(inBlocks.grids.get("清单")).toEqual(atOnce.grids.get("清单"));
      expect(web.syncs).toBeGreaterThan(2);
      // Blocks, not rows: 602 rows take a few dozen syncs at most.
      expect(web.syncs).toBeLessThan(40);
      // A limit too small for even one row is an error, not a silent half list.
      const tiny = workbook();
      tiny.responseLimit = 10;
      await expect(readSheets(tiny.run, detectFeatures(tiny))).rejects.toThrow(
        "ResponsePayloadSizeLimitExceeded",
      );
    },
  );

  it("turns error strings into error values and date-formatted numbers into dates", () => {
    expect(cellFromApi("#REF!", "General")).toEqual({ error: "#REF!" });
    expect(cellFromApi(45473, "yyyy/m/d")).toEqual(new Date(Date.UTC(2024, 5, 30)));
    expect(cellFromApi(45473, "General")).toBe(45473);
    expect(cellFromApi("", "General")).toBeNull();
  });
});

describe("generating through the Excel API", () => {
  it("produces the same cells as the files adapter from the same plan", async () => {
    const list = listFromText(sampleText());
    const directory = UnitDirectory.builtin();
    const checks = runChecks(list, directory, { asOf: "2024-07-01", dueSoonDays: 15 });
    const plan = buildPlan({
      list,
      checks,
      asOf: "2024-07-01",
      dueSoonDays: 15,
      lang: "zh-CN",
      asOfText: formatDate("2024-07-01", "zh-CN"),
      t,
      tr: t,
      userSheets: [],
      includeListSheet: true,
      includeDirectory: true,
    });
    const port = new PackagePort();
    port.applyNow(plan, null);
    const file = path.join(tempDir(), "parity.xlsx");
    writeFileSync(file, port.bytes());
    const wb = await loadWorkbook(file);
    const fileLinks = await workbookLinks(file);
    const excel = new FakeExcel();
    await executeCommands(
      excel.run,
      planCommands(plan, null, [], detectFeatures(excel)),
      detectFeatures(excel),
    );
    expect(excel.sheets.map((s) => s.name)).toEqual(wb.worksheets.map((w) => w.name));
    let forms = 0;
    const norm = (rows: (CellValue | undefined)[][]) =>
      rows.map((r) => {
        const out = r.map((v) => (v === undefined || v === "" ? null : v));
        while (out.length && out.at(-1) === null) out.pop();
        return out;
      });
    for (const ws of wb.worksheets) {
      const fromExcelJs = norm(
        worksheetToGrid(ws).rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v))),
      );
      const fromApi = norm(
        excel.values(ws.name).map((r) => r.map((v) => (v === null ? null : (v as CellValue)))),
      );
      expect([ws.name, fromApi]).toEqual([ws.name, fromExcelJs]);
      // The same links, to the same places.
      const apiLinks = new Map<string, string>();
      excel.sheetOrThrow(ws.name).cells.forEach((cell, rc) => {
        const [r, c] = rc.split(",").map(Number) as [number, number];
        if (cell.hyperlink) apiLinks.set(`${columnLetter(c)}${r}`, cell.hyperlink.documentReference);
      });
      expect([ws.name, apiLinks]).toEqual([ws.name, fileLinks.get(ws.name) ?? new Map()]);
      // The same return form: protection, hidden identity, open fill-in cells, validations.
      const fake = excel.sheetOrThrow(ws.name);
      const fileForm = {
        protected: Boolean(
          (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
        ),
        hidden: (ws.columns ?? []).filter((c) => c.hidden).map((c) => c.number),
        unlocked: new Set<string>(),
        validations: new Map<string, string>(),
      };
      ws.eachRow({ includeEmpty: true }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          if (cell.protection?.locked === false) fileForm.unlocked.add(`${r},${c}`);
        }),
      );
      const dvModel = (ws as unknown as { dataValidations: { model: Record<string, ExcelJsValidation> } })
        .dataValidations.model;
      for (const [address, v] of Object.entries(dvModel))
        for (const a of expand(address)) fileForm.validations.set(a, `${v.type}:${v.formulae.join(";")}`);
      const apiForm = {
        protected: fake.protected,
        hidden: [...fake.hiddenColumns].sort((a, b) => a - b),
        unlocked: new Set([...fake.cells].filter(([, cell]) => !isLocked(cell)).map(([rc]) => rc)),
        validations: new Map<string, string>(),
      };
      for (const v of fake.validations) {
        const rule = v.rule as ValidationRule;
        const text =
          "list" in rule
            ? `list:"${rule.list.source}"`
            : `decimal:${rule.decimal.formula1};${rule.decimal.formula2}`;
        for (const a of expand(v.address)) apiForm.validations.set(a, text);
      }
      expect([ws.name, apiForm]).toEqual([ws.name, fileForm]);
      if (ws.name === "县财政局") forms++;
    }
    expect([...fileLinks.values()].some((links) => links.size > 0)).toBe(true);
    // The comparison saw a return form with everything on it.
    expect(forms).toBe(1);
    const form = excel.sheetOrThrow("县财政局");
    expect([form.protected, form.hiddenColumns.size > 0, form.validations.length]).toEqual([true, true, 2]);
  });

  it("leaves user sheets alone, writes text as text, and keeps progress on regeneration", async () => {
    const excel = workbookWithList();
    const before = JSON.stringify(excel.values("清单")) + JSON.stringify(excel.values("县财政局"));
    const ledger = createExcelLedger(excel.run, excel);
    const opts = {
      asOf: "2024-07-01",
      dueSoonDays: 15,
      lang: "zh-CN" as const,
      asOfText: "2024年7月1日",
      townSheets: false,
    };
    const r = await ledger.generate(opts, t, t);
    expect(r.unitSheets).toContain("县财政局(2)");
    expect(JSON.stringify(excel.values("清单")) + JSON.stringify(excel.values("县财政局"))).toBe(before);
    const unit = excel.values("县财政局(2)");
    expect(unit.flat()).toContain("=SUM(A1) 是任务名");
    expect(excel.sheetOrThrow("_TaskLedger").visibility).toBe("VeryHidden");
    // The unit types progress, then the office regenerates.
    const row = unit.findIndex((x) => x[2] === "=SUM(A1) 是任务名");
    excel.cell(excel.sheetOrThrow("县财政局(2)"), row + 1, 9).value = "已完成初稿";
    await ledger.generate(opts, t, t);
    expect(excel.values("县财政局(2)")[row]![8]).toBe("已完成初稿");
    expect(excel.sheets.filter((s) => s.name.startsWith("县财政局"))).toHaveLength(2);
  });

  // ExcelApi 1.2 formats each range on its own (no getRanges): many more, smaller actions, and a
  // slower fake, so fewer tasks there; enough for several full requests either way.
  it.each([
    ["1.2", 1000],
    ["1.17", 3000],
  ])(
    "stays within the sync budget and 5%% under 5 MB per request (ExcelApi %s, %i tasks)",
    async (excelApi, tasks) => {
      const excel = new FakeExcel({ excelApi: String(excelApi) });
      const unitCount = Number(tasks) / 10;
      const units = Array.from({ length: unitCount }, (_, i) => `县第${i}服务中心`);
      excel.loadSheet("清单", [
        ["序号", "重点任务", "工作内容", "牵头单位", "配合单位", "完成时限", "进展情况"],
        ...Array.from({ length: Number(tasks) }, (_, i) => [
          i + 1,
          `任务${i}：推进重点项目建设`,
          "加快推进项目建设，确保按期完成各项目标任务，".repeat(4),
          units[i % unitCount]!,
          `${units[(i * 7) % unitCount]}、${units[(i * 13) % unitCount]}，各镇`,
          `${(i % 12) + 1}月底前`,
          i % 3 ? "正在推进" : "",
        ]),
      ]);
      excel.resetCounters();
      const ledger = createExcelLedger(excel.run, excel);
      await ledger.read({ asOf: "2024-07-01", dueSoonDays: 15 });
      expect(excel.syncs).toBe(2);
      excel.resetCounters();
      await ledger.generate(
        { asOf: "2024-07-01", dueSoonDays: 15, lang: "zh-CN", asOfText: "x", townSheets: false },
        t,
        t,
      );
      const writeBytes = excel.requests.slice(2).reduce((a, b) => a + b, 0);
      expect(excel.syncs).toBeLessThanOrEqual(2 + Math.ceil(writeBytes / (4 * 1024 * 1024)) + 1);
      // Requests as office.js would send them (the fake's own model): the largest stays 5% under the
      // limit, the room the adapter's batching (4.75 MB) promises.
      expect(excel.maxRequest).toBeLessThanOrEqual(0.95 * PAYLOAD_LIMIT);
      expect(excel.maxRequest).toBeGreaterThan(0.5 * PAYLOAD_LIMIT);
      expect(excel.requests.slice(2).filter((b) => b > 0.5 * PAYLOAD_LIMIT).length).toBeGreaterThan(1);
      expect(excel.sheets.filter((s) => s.name.startsWith("县第"))).toHaveLength(unitCount);
    },
  );

  it("selects a finding's cell and applies a suggestion to that cell only", async () => {
    const excel = workbookWithList();
    const ledger = createExcelLedger(excel.run, excel);
    const state = await ledger.read({ asOf: "2024-07-01", dueSoonDays: 15 });
    const typo = state.checks.findings.find((f) => f.code === "PROBABLE_TYPO")!;
    await ledger.select(typo.ref!);
    expect(excel.selection).toEqual({ sheet: "清单", address: "D5" });
    expect(await ledger.applySuggestion(typo)).toBe(true);
    expect(excel.values("清单")[4]).toEqual([
      2,
      "=SUM(A1) 是任务名",
      "县财政局",
      "县文化和旅游局",
      "12月底前",
    ]);
  });

  it("keeps the chosen as-of date, window and columns with the workbook, beside the generated sheets", async () => {
    const excel = workbookWithList();
    const ledger = createExcelLedger(excel.run, excel);
    await ledger.generate(
      { asOf: "2024-07-01", dueSoonDays: 15, lang: "zh-CN", asOfText: "x", townSheets: false },
      t,
      t,
    );
    await ledger.saveSettings({ asOf: "2024-09-30", dueSoonDays: 10, mapping: { lead: 3 }, lang: "zh-CN" });
    const state = await ledger.read({ asOf: "2000-01-01", dueSoonDays: 1 });
    expect(state.settings).toMatchObject({
      asOf: "2024-09-30",
      dueSoonDays: 10,
      mapping: { lead: [3] }, // settings v2: every field keeps a list of columns
      listSheet: "清单",
    });
    expect(state.settings!.generated.map((g) => g.name)).toContain("汇总");
    // Regenerating still replaces only its own sheets.
    await ledger.generate(
      { asOf: "2024-07-01", dueSoonDays: 15, lang: "zh-CN", asOfText: "x", townSheets: false },
      t,
      t,
    );
    expect(excel.sheets.filter((s) => s.name === "汇总")).toHaveLength(1);
  });

  it.each(["1.2", "1.17"])(
    "counts no command as smaller than office.js would send it (ExcelApi %s)",
    async (excelApi) => {
      const list = listFromText(sampleText());
      const directory = UnitDirectory.builtin();
      const checks = runChecks(list, directory, { asOf: "2024-07-01", dueSoonDays: 15 });
      const plan = buildPlan({
        list,
        checks,
        asOf: "2024-07-01",
        dueSoonDays: 15,
        lang: "zh-CN",
        asOfText: formatDate("2024-07-01", "zh-CN"),
        t,
        tr: t,
        userSheets: [],
        includeListSheet: true,
        includeDirectory: true,
      });
      const excel = new FakeExcel({ excelApi });
      const features = detectFeatures(excel);
      const commands = planCommands(plan, null, [], features);
      // Of each kind, the first and the one the adapter counts largest.
      const picked = new Set<Command>();
      for (const kind of new Set(commands.map((c) => c.kind))) {
        const all = commands.filter((c) => c.kind === kind);
        picked.add(all[0]!);
        picked.add(all.reduce((a, b) => (commandBytes(b) > commandBytes(a) ? b : a)));
      }
      expect(picked.size).toBeGreaterThan(8);
      // The return form's commands are among those weighed (validation only where the host has it).
      const kinds = new Set([...picked].map((c) => c.kind));
      expect(["hideColumn", "validation", "protect"].filter((k) => kinds.has(k as Command["kind"]))).toEqual(
        excelApi === "1.2" ? ["hideColumn", "protect"] : ["hideColumn", "validation", "protect"],
      );
      const added = new Set<string>();
      for (const c of picked) {
        if (c.kind !== "add" && !added.has(c.sheet)) {
          await executeCommands(excel.run, [{ kind: "add", sheet: c.sheet }], features);
          added.add(c.sheet);
        }
        if (c.kind === "add") added.add(c.sheet);
        await executeCommands(excel.run, [c], features);
        // One command in a request of its own: its count, plus the 1 KB the batching keeps for the
        // body's frame and the objects every batch makes, covers what the fake weighs.
        expect([c.kind, excel.requests.at(-1)! <= commandBytes(c) + 1024]).toEqual([c.kind, true]);
        // And not wildly more: a count far above the real size would waste syncs.
        expect([c.kind, excel.requests.at(-1)! > 0.6 * commandBytes(c)]).toEqual([c.kind, true]);
      }
    },
  );

  it("splits commands into batches under the limit", () => {
    const cmds = Array.from({ length: 10 }, (_, i) => ({
      kind: "delete" as const,
      sheet: "x".repeat(100) + i,
    }));
    expect(batches(cmds, 500).every((b) => b.length >= 1)).toBe(true);
    expect(batches(cmds, 500).flat()).toEqual(cmds);
  });
});
