import { listFromGrid, names } from "../helpers/build";
import { gridVia } from "../helpers/xlsx";
import { readRows } from "../../src/core/read/rows";
import { ReadError } from "../../src/core/read/raw";

describe("worksheet tables (real .xlsx through the ExcelJS adapter)", () => {
  it("finds the header below title rows and carries section rows", async () => {
    const grid = await gridVia({
      name: "清单",
      rows: [
        ["2024年县政府重点工作任务清单"],
        ["（县政府办 2024年3月印发）"],
        ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "进展情况"],
        ["一、经济发展"],
        [1, "新建标准化厂房10万平方米", "县工信局", "县发改局、县住建局", "10月底前", "已完成主体"],
        [2, "引进亿元项目5个", "县商务局", "各镇", "12月底", ""],
        ["二、民生保障"],
        [3, "新增城镇就业2000人", "县人社局", "", "年底前", "已完成"],
      ],
      merges: ["A1:F1", "A4:F4", "A7:F7"],
    });
    const list = listFromGrid(grid);
    expect(list.title).toBe("2024年县政府重点工作任务清单");
    expect(list.year).toBe(2024);
    expect(list.tasks.map((t) => t.id)).toEqual(["1", "2", "3"]);
    expect(list.tasks.map((t) => t.section)).toEqual(["一、经济发展", "一、经济发展", "二、民生保障"]);
    expect(names(list.tasks[0]!.cooperating)).toEqual(["县发展和改革局", "县住房和城乡建设局"]);
    expect(list.tasks[1]!.groups).toEqual(["各镇"]);
    expect(list.tasks[0]!.deadline).toMatchObject({ kind: "date", due: "2024-10-31" });
    expect(list.tasks[2]!.status.state).toBe("done");
    expect(list.tasks[0]!.ref).toEqual({ kind: "cell", sheet: "清单", row: 5, col: 2 });
    expect(list.tasks[0]!.fieldRefs.lead).toEqual({ kind: "cell", sheet: "清单", row: 5, col: 3 });
  });

  it("fills vertically merged id, lead and leader cells down over their rows", async () => {
    const grid = await gridVia({
      name: "Sheet1",
      rows: [
        ["序号", "工作任务", "责任领导", "牵头单位", "完成时限"],
        [1, "建成污水处理厂", "李某", "县住建局", "6月底"],
        [null, "改造供水管网20公里", null, null, "9月底"],
        [null, "新建公厕8座", null, null, "11月底"],
        [2, "完成造林1万亩", "王某", "县林业局", "4月底"],
      ],
      merges: ["A2:A4", "C2:C4", "D2:D4"],
    });
    const list = listFromGrid(grid);
    expect(list.tasks).toHaveLength(4);
    expect(list.tasks.map((t) => t.id)).toEqual(["1", "1", "1", "2"]);
    expect(list.tasks.map((t) => t.leader)).toEqual(["李某", "李某", "李某", "王某"]);
    expect(list.tasks.slice(0, 3).map((t) => names(t.lead))).toEqual([
      ["县住房和城乡建设局"],
      ["县住房和城乡建设局"],
      ["县住房和城乡建设局"],
    ]);
    expect(list.tasks[0]!.idShared).toBe(true);
    expect(list.tasks[3]!.idShared).toBeUndefined();
  });

  it("reads a two-row header (责任单位 over 牵头单位 | 配合单位)", async () => {
    const grid = await gridVia({
      name: "表",
      rows: [
        ["序号", "重点任务", "责任单位", null, "完成时限"],
        [null, null, "牵头单位", "配合单位", null],
        [1, "建设智慧物流园", "县发改局", "县交通局、县商务局", "2024年12月底"],
      ],
      merges: ["A1:A2", "B1:B2", "C1:D1", "E1:E2"],
    });
    const list = listFromGrid(grid);
    expect(names(list.tasks[0]!.lead)).toEqual(["县发展和改革局"]);
    expect(names(list.tasks[0]!.cooperating)).toEqual(["县交通运输局", "县商务局"]);
    expect(list.tasks[0]!.deadline.due).toBe("2024-12-31");
  });

  it("splits multi-unit cells on 、，,；; and line breaks, never on 和", async () => {
    const grid = await gridVia({
      name: "S",
      rows: [
        ["序号", "重点任务", "牵头单位", "配合单位"],
        [1, "任务甲", "县发展和改革局", "县财政局\n县住房和城乡建设局；县自然资源局,县水利局，各镇"],
      ],
    });
    const t = listFromGrid(grid).tasks[0]!;
    expect(names(t.lead)).toEqual(["县发展和改革局"]);
    expect(names(t.cooperating)).toEqual([
      "县财政局",
      "县住房和城乡建设局",
      "县自然资源和规划局",
      "县水利局",
    ]);
    expect(t.groups).toEqual(["各镇"]);
  });

  it("applies the first-listed-leads rule when 责任单位 is the only unit column", async () => {
    const grid = await gridVia({
      name: "S",
      rows: [
        ["编号", "工作事项", "责任单位", "时间节点"],
        ["1", "开展春季植树", "县林业局、县自然资源局、各镇", "3月底前"],
        ["2", "整治人居环境", "各镇、县农业农村局", "全年"],
      ],
    });
    const list = listFromGrid(grid, { year: 2024 });
    expect(names(list.tasks[0]!.lead)).toEqual(["县林业局"]);
    expect(names(list.tasks[0]!.cooperating)).toEqual(["县自然资源和规划局"]);
    expect(list.tasks[1]!.lead).toEqual([]);
    expect(list.notes.map((n) => n.code)).toContain("FIRST_LISTED_LEADS");
  });

  it("责任单位 beside a 牵头单位 column means the cooperating units", async () => {
    const grid = await gridVia({
      name: "S",
      rows: [
        ["序号", "重点任务", "牵头单位", "责任单位"],
        [1, "建设文化馆", "县文旅局", "县财政局、县住建局"],
      ],
    });
    const t = listFromGrid(grid).tasks[0]!;
    expect(names(t.lead)).toEqual(["县文化和旅游局"]);
    expect(names(t.cooperating)).toEqual(["县财政局", "县住房和城乡建设局"]);
  });

  it("takes the rightmost non-empty month column as the current progress", async () => {
    const grid = await gridVia({
      name: "S",
      rows: [
        ["序号", "重点任务", "牵头单位", "1-9月推进情况", "1-10月推进情况", "1-11月推进情况"],
        [1, "任务甲", "县财政局", "正在推进", "完成80%", ""],
        [2, "任务乙", "县财政局", "未启动", "进度滞后", "已完成"],
      ],
    });
    const list = listFromGrid(grid);
    expect(list.tasks[0]!.status).toEqual({ text: "完成80%", state: "in_progress", percent: 80 });
    expect(list.tasks[0]!.fieldRefs.progress).toMatchObject({ col: 5 });
    expect(list.tasks[1]!.status.state).toBe("done");
  });

  it("reads 是否达序 and Excel error values", async () => {
    const grid = await gridVia({
      name: "S",
      rows: [
        ["序号", "重点任务", "牵头单位", "完成时限", "是否达序"],
        [1, "任务甲", { error: "#REF!" }, "6月底", "否"],
      ],
    });
    const t = listFromGrid(grid).tasks[0]!;
    expect(t.status.state).toBe("behind");
    expect(t.cellErrors).toEqual([
      { field: "lead", value: "#REF!", ref: { kind: "cell", sheet: "S", row: 2, col: 3 } },
    ]);
    expect(t.lead).toEqual([]);
  });

  it("reads date cells and formula results", async () => {
    const grid = await gridVia({
      name: "S",
      rows: [
        ["序号", "重点任务", "牵头单位", "完成时间"],
        [1, "任务甲", { formula: '"县"&"财政局"', result: "县财政局" }, new Date(Date.UTC(2024, 8, 30))],
      ],
    });
    const t = listFromGrid(grid).tasks[0]!;
    expect(names(t.lead)).toEqual(["县财政局"]);
    expect(t.deadline).toMatchObject({ kind: "date", due: "2024-09-30" });
  });

  it("reads traditional characters and pinyin junk in cells", async () => {
    const grid = await gridVia({
      name: "S",
      rows: [
        ["序號", "重點任務", "牽頭單位", "配合單位"],
        [1, "堅(jiān)持就業優先", "縣人社局", "縣財政局、各鎮"],
      ],
    });
    const t = listFromGrid(grid).tasks[0]!;
    expect(t.title).toBe("坚持就业优先");
    expect(names(t.lead)).toEqual(["县人力资源和社会保障局"]);
    expect(t.groups).toEqual(["各镇"]);
  });

  it("lets the user override the column mapping", async () => {
    const grid = await gridVia({
      name: "S",
      rows: [
        ["序号", "重点任务", "主抓单位", "协同"],
        [1, "任务甲", "县财政局", "县审计局"],
      ],
    });
    // "主抓单位" is not a known header: its unit names make it the lead column, and the user may
    // say otherwise.
    expect(names(listFromGrid(grid).tasks[0]!.lead)).toEqual(["县财政局"]);
    const t = listFromGrid(grid, { mapping: { lead: 4, cooperating: 3 } }).tasks[0]!;
    expect(names(t.lead)).toEqual(["县审计局"]);
    expect(names(t.cooperating)).toEqual(["县财政局"]);
  });

  it("takes the responsibility from the task text when the table has no unit column", async () => {
    const grid = await gridVia({
      name: "S",
      rows: [
        ["序号", "工作任务", "完成时限"],
        [1, "推进农村改厕。（县农业农村局、县卫健局，各镇）", "10月底"],
      ],
    });
    const t = listFromGrid(grid).tasks[0]!;
    expect(t.title).toBe("推进农村改厕。");
    expect(names(t.lead)).toEqual(["县农业农村局"]);
  });

  it("a sheet where no column holds task-like text fails, saying what each column looked like", async () => {
    const grid = await gridVia({
      name: "数字",
      rows: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    });
    expect(() => readRows(grid)).toThrow(ReadError);
    expect(() => readRows(grid)).toThrow(/Sheet "数字" \(no header row\): no column holds task-like text/);
    expect(() => readRows(grid)).toThrow(/looked for 序号、编号/);
    expect(() => readRows(grid)).toThrow(
      /Columns seen: A: small numbers \(100% of 2 cells\); B: small numbers/,
    );
  });
});
