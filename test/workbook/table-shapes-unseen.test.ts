/**
 * Tables the reader has no header words for, and the other shapes of issue 14, built as an office
 * builds them (title rows, merged cells, wrapped text) and read through the ExcelJS adapter.
 */
import { listFromGrid, names } from "../helpers/build";
import { gridVia } from "../helpers/xlsx";
import { readRows } from "../../src/core/read/rows";
import { ReadError } from "../../src/core/read/raw";
import { runChecks } from "../../src/core/checks/findings";
import { UnitDirectory } from "../../src/core/units/directory";

describe("tables with headers the reader does not know", () => {
  it("infers task, unit and deadline columns from their content and reports how", async () => {
    const grid = await gridVia({
      name: "民生",
      rows: [
        ["某县2025年十件民生实事"],
        ["事项", "要做的事", "谁来办", "一起办", "啥时候"],
        [1, "新建城区公办幼儿园2所，新增学位540个", "县教体局", "县住建局、县财政局", "9月底前"],
        [2, "实施农村饮水安全巩固提升工程，惠及群众1.2万人", "县水利局", "各镇", "10月底前"],
        [3, "改造城镇老旧小区12个，惠及居民1800户", "县住建局", "县财政局\n城关镇", "11月底前"],
      ],
      merges: ["A1:E1"],
    });
    const raw = readRows(grid);
    expect(raw.layout?.columns).toMatchObject({ id: 1, title: 2, lead: 3, cooperating: 4, deadline: 5 });
    expect(raw.layout?.inferred?.map((i) => i.field)).toEqual([
      "id",
      "lead",
      "cooperating",
      "deadline",
      "title",
    ]);
    expect(raw.layout?.inferred?.find((i) => i.field === "title")?.how).toMatch(/long varied text/);
    expect(raw.notes.find((n) => n.code === "COLUMNS_INFERRED")?.message).toMatch(/title=B\(要做的事\)/);
    const list = listFromGrid(grid);
    expect(list.year).toBe(2025);
    expect(list.tasks).toHaveLength(3);
    expect(names(list.tasks[0]!.lead)).toEqual(["县教育和体育局"]);
    expect(names(list.tasks[0]!.cooperating)).toEqual(["县住房和城乡建设局", "县财政局"]);
    expect(list.tasks[1]!.groups).toEqual(["各镇"]);
    expect(list.tasks[2]!.deadline).toMatchObject({ kind: "date", due: "2025-11-30" });
  });

  it("reads a header with a year in front and the synonyms offices use for livelihood lists", async () => {
    const grid = await gridVia({
      name: "S",
      rows: [
        ["序号", "2024年重点工作任务", "责任单位", "完成时限"],
        [1, "完成高标准农田建设2万亩", "县农业农村局、县财政局", "2024.8"],
        [2, "新建村级综合服务站10个", "县民政局", 45565],
      ],
    });
    const list = listFromGrid(grid);
    expect(list.tasks.map((t) => t.title)).toEqual(["完成高标准农田建设2万亩", "新建村级综合服务站10个"]);
    expect(names(list.tasks[0]!.lead)).toEqual(["县农业农村局"]);
    expect(list.tasks[0]!.deadline).toMatchObject({ kind: "date", due: "2024-08-31" });
    expect(list.tasks[1]!.deadline).toMatchObject({ kind: "date", due: "2024-09-30" });
  });

  it("takes a deadline typed as a number (2024.12) and a real date cell", async () => {
    const grid = await gridVia({
      name: "S",
      rows: [
        ["序号", "实事项目", "牵头单位", "完成时限"],
        [1, "建成县城第二污水处理厂", "县住建局", 2024.12],
        [2, "开通城乡公交线路3条", "县交通局", new Date(Date.UTC(2024, 5, 15))],
      ],
    });
    const list = listFromGrid(grid);
    expect(list.tasks.map((t) => t.deadline.due)).toEqual(["2024-12-31", "2024-06-15"]);
    expect(list.tasks.map((t) => t.deadline.kind)).toEqual(["date", "date"]);
  });

  it("--map title=<header text> works as well as a column letter, and a wrong text says what exists", async () => {
    const grid = await gridVia({
      name: "S",
      rows: [
        ["编号", "目标", "说明文字", "牵头单位"],
        [1, "完成", "新建标准化厂房10万平方米，引进企业8家", "县工信局"],
        [2, "推进", "完成县城供热管网改造20公里", "县住建局"],
      ],
    });
    const list = listFromGrid(grid, { mapping: { title: "说明文字" } });
    expect(list.tasks[0]!.title).toBe("新建标准化厂房10万平方米，引进企业8家");
    expect(() => readRows(grid, { mapping: { title: "项目名称" } })).toThrow(
      /--map title=项目名称: no column is headed "项目名称"\. Headers found: 编号、目标、说明文字、牵头单位/,
    );
  });

  it("refuses only when no column holds task-like text, saying what each column looked like", async () => {
    const grid = await gridVia({
      name: "名单",
      rows: [
        ["单位", "联络员", "日期"],
        ["县发改局", "张三", "6月底前"],
        ["县财政局", "李四", "9月底前"],
      ],
    });
    const err = (() => {
      try {
        readRows(grid);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(ReadError);
    expect((err as Error).message).toMatch(/no column holds task-like text/);
    expect((err as Error).message).toMatch(/A\(单位\): unit names \(100% of 2 cells\)/);
    expect((err as Error).message).toMatch(/C\(日期\): deadlines/);
  });
});

describe("what is not a list", () => {
  it("a note sheet with one sentence is refused, not read as a one-task list", async () => {
    const grid = await gridVia({
      name: "说明",
      rows: [["本表为2024年重点任务，请各单位于每月25日前报送进展"]],
    });
    expect(() => readRows(grid)).toThrow(/Sheet "说明" \(no header row\): no column holds task-like text/);
  });
});

describe("unit columns, groups and continuation rows", () => {
  it("reads every unit column under a two-row 责任单位 heading; 主体 and 配合 cooperate", async () => {
    const grid = await gridVia({
      name: "表",
      rows: [
        ["2024年重点项目推进清单"],
        ["序号", "工作任务", "责任单位", null, null, "完成时限"],
        [null, null, "牵头", "主体", "配合", null],
        [1, "建设县域物流配送中心", "县商务局", "城关镇", "县交通局", "10月底前"],
        [2, "实施县城燃气管道更新改造", "县住建局", "各镇", "县应急管理局、县市场监管局", "12月底前"],
      ],
      merges: ["A1:F1", "A2:A3", "B2:B3", "C2:E2", "F2:F3"],
    });
    const list = listFromGrid(grid);
    expect(names(list.tasks[0]!.lead)).toEqual(["县商务局"]);
    expect(names(list.tasks[0]!.cooperating)).toEqual(["城关镇", "县交通运输局"]);
    expect(names(list.tasks[1]!.cooperating)).toEqual(["县应急管理局", "县市场监督管理局"]);
    expect(list.tasks[1]!.groups).toEqual(["各镇"]);
  });

  it("牵头单位 | 责任主体 | 协办单位 under one heading: 责任主体 cooperates too, read left to right", async () => {
    const grid = await gridVia({
      name: "表",
      rows: [
        ["序号", "任务内容", "责任分工", null, null, "时间安排"],
        [null, null, "牵头单位", "责任主体", "协办单位", null],
        [1, "引进总投资5亿元以上项目2个", "县招商局", "县经开区管委会", "县发改局、县自然资源局", "年底前"],
        [2, "举办农产品产销对接会2场", "县商务局", "各镇", "县农业农村局", "10月底前"],
      ],
      merges: ["C1:E1", "A1:A2", "B1:B2", "F1:F2"],
    });
    const list = listFromGrid(grid);
    expect(list.tasks[0]!.lead.map((u) => u.raw)).toEqual(["县招商局"]);
    expect(list.tasks[0]!.cooperating.map((u) => u.raw)).toEqual([
      "县经开区管委会",
      "县发改局",
      "县自然资源局",
    ]);
    expect(names(list.tasks[1]!.lead)).toEqual(["县商务局"]);
    expect(list.tasks[1]!.groups).toEqual(["各镇"]);
  });

  it("a 项目名称 merged over its 工作任务 rows is their section; a second row with its own lead continues the task", async () => {
    const grid = await gridVia({
      name: "项目",
      rows: [
        ["序号", "项目名称", "工作任务", "牵头单位", "完成时限"],
        [1, "县城供水提升工程", "新建水厂一座，日供水2万吨", "县水利局", "9月底前"],
        [2, null, "改造老旧供水管网15公里", "县住建局", "11月底前"],
        [3, "乡村道路畅通工程", "新改建农村公路50公里", "县交通局", "10月底前"],
        [null, null, null, "各镇", "12月底前"],
      ],
      merges: ["B2:B3", "C4:C5", "B4:B5"],
    });
    const list = listFromGrid(grid);
    expect(list.tasks.map((t) => t.title)).toEqual([
      "新建水厂一座，日供水2万吨",
      "改造老旧供水管网15公里",
      "新改建农村公路50公里",
    ]);
    expect(list.tasks.map((t) => t.section)).toEqual([
      "县城供水提升工程",
      "县城供水提升工程",
      "乡村道路畅通工程",
    ]);
    expect(names(list.tasks[2]!.lead)).toEqual(["县交通运输局"]);
    expect(list.tasks[2]!.groups).toEqual(["各镇"]);
    expect(list.tasks[2]!.deadline).toMatchObject({ kind: "milestones", due: "2024-12-31" });
  });

  it("a field read from a merged cell links to the cell that holds the text", async () => {
    const grid = await gridVia({
      name: "S",
      rows: [
        ["序号", "重点任务", "牵头单位", "配合单位"],
        [1, "任务甲：建设产业园标准化厂房", "县工信局", "各相关单位"],
        [2, "任务乙：完善园区道路和管网", null, null],
      ],
      merges: ["C2:C3", "D2:D3"],
    });
    const list = listFromGrid(grid);
    expect(list.tasks[1]!.fieldRefs.lead).toEqual({ kind: "cell", sheet: "S", row: 2, col: 3 });
    expect(list.tasks[1]!.fieldRefs.cooperating).toEqual({ kind: "cell", sheet: "S", row: 2, col: 4 });
    // The catch-all is in the cooperating column: its finding links there, not to the lead's cell.
    const vague = runChecks(list, UnitDirectory.builtin(), {
      asOf: "2024-07-01",
      dueSoonDays: 15,
    }).findings.filter((f) => f.code === "VAGUE_RESPONSIBILITY");
    expect(vague.map((f) => f.ref)).toEqual([
      { kind: "cell", sheet: "S", row: 2, col: 4 },
      { kind: "cell", sheet: "S", row: 2, col: 4 },
    ]);
  });

  it("milestones written in the detail column are the deadline when there is no deadline column", async () => {
    const grid = await gridVia({
      name: "S",
      rows: [
        ["2024年重点工作任务"],
        ["序号", "重点任务", "工作措施", "牵头单位"],
        [
          1,
          "推进农村人居环境整治",
          "1.4月底前完成摸底排查；\n2.8月底前完成整治；\n3.11月底前全面验收。",
          "县农业农村局",
        ],
      ],
    });
    const [t] = listFromGrid(grid).tasks;
    expect(t!.deadline.kind).toBe("milestones");
    expect(t!.deadline.milestones?.map((m) => m.due)).toEqual(["2024-04-30", "2024-08-31", "2024-11-30"]);
  });

  it("status columns headed 工作评价 or 进度 and the words offices write in them", async () => {
    const grid = await gridVia({
      name: "S",
      rows: [
        ["序号", "重点任务", "牵头单位", "工作评价"],
        [1, "建成智慧停车场3处", "县城管局", "顺利推进"],
        [2, "完成县医院住院楼主体工程", "县卫健局", "已竣工"],
        [3, "实施中小学校舍改造", "县教体局", "基本完成"],
      ],
    });
    const list = listFromGrid(grid);
    expect(list.tasks.map((t) => t.status.state)).toEqual(["in_progress", "done", "in_progress"]);
  });
});
