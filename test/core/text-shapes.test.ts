/** Document-text shapes of issue 14: pasted tables, verb-first, bare parenthesis, date lines, 及/和. */
import { listFromText, names } from "../helpers/build";
import { readText } from "../../src/core/read/text";
import { splitResponsibility } from "../../src/core/units/responsibility";

describe("a table pasted as text", () => {
  it("one line per row, cells separated by spaces", () => {
    const text = [
      "2024年农村基础设施重点任务",
      "序号 重点任务 牵头单位 配合单位 完成时限",
      "1 新建农村公路30公里 县交通局 县财政局 9月底前",
      "2 完善农村供水保障 县水利局 县财政局 10月底前",
      "3 实施农村电网改造升级 县发改局 各镇 12月底前",
    ].join("\n");
    const list = listFromText(text);
    expect(list.tasks.map((t) => t.title)).toEqual([
      "新建农村公路30公里",
      "完善农村供水保障",
      "实施农村电网改造升级",
    ]);
    expect(names(list.tasks[1]!.lead)).toEqual(["县水利局"]);
    expect(names(list.tasks[1]!.cooperating)).toEqual(["县财政局"]);
    expect(list.tasks[2]!.groups).toEqual(["各镇"]);
    expect(list.tasks[1]!.deadline).toMatchObject({ kind: "date", due: "2024-10-31" });
    expect(list.tasks[1]!.ref).toEqual({ kind: "line", line: 4 });
  });

  it("tab-separated rows without a header", () => {
    const text = [
      "1\t推进城区雨污分流改造工程建设\t县住建局\t11月底前",
      "2\t建设县级农产品冷链物流中心\t县商务局\t10月底前",
      "3\t创建省级文明城市示范社区\t县文明办\t12月底前",
    ].join("\n");
    const list = listFromText(text, { year: 2024 });
    expect(list.tasks).toHaveLength(3);
    expect(names(list.tasks[0]!.lead)).toEqual(["县住房和城乡建设局"]);
    expect(list.tasks[2]!.deadline.due).toBe("2024-12-31");
  });

  it("one cell per line under a header written one label per line", () => {
    const text = [
      "序号",
      "重点任务",
      "牵头单位",
      "完成时限",
      "1",
      "新建城区停车泊位2000个",
      "县城管局",
      "10月底前",
      "2",
      "建成全民健身中心",
      "县教体局",
      "12月底前",
    ].join("\n");
    const list = listFromText(text, { year: 2024 });
    expect(list.tasks.map((t) => t.title)).toEqual(["新建城区停车泊位2000个", "建成全民健身中心"]);
    expect(names(list.tasks[1]!.lead)).toEqual(["县教育和体育局"]);
  });
});

describe("responsibility written first, or as a bare parenthesis", () => {
  it("由…负责 at the start: the first listed leads, the clause leaves the title", () => {
    const [t] = listFromText("1.由县财政局、县发改局负责，统筹整合涉农资金5亿元。").tasks;
    expect(names(t!.lead)).toEqual(["县财政局"]);
    expect(names(t!.cooperating)).toEqual(["县发展和改革局"]);
    expect(t!.title).toBe("统筹整合涉农资金5亿元");
  });

  it("由…牵头，…配合 at the start", () => {
    const [t] = listFromText("2.由县人社局牵头，县民政局配合，开展零就业家庭动态清零行动。").tasks;
    expect(names(t!.lead)).toEqual(["县人力资源和社会保障局"]);
    expect(names(t!.cooperating)).toEqual(["县民政局"]);
    expect(t!.title).toBe("开展零就业家庭动态清零行动");
  });

  it("a unit then 负责 at the start, without 由; prose that starts with a verb is left alone", () => {
    const [t] = listFromText("（三）县文旅局负责，打造乡村旅游精品线路3条，年底前完成。", {
      year: 2024,
    }).tasks;
    expect(names(t!.lead)).toEqual(["县文化和旅游局"]);
    expect(t!.title).toBe("打造乡村旅游精品线路3条，年底前完成");
    const [p] = listFromText("1.加强统筹协调负责，确保按期完成。").tasks;
    expect(p!.lead).toEqual([]);
  });

  it("a bare parenthesis naming one unit leads", () => {
    const [t] = listFromText("3.推动园区企业技术改造，形成一批示范项目。（县园区管委会）").tasks;
    expect(names(t!.lead)).toHaveLength(1);
    expect(t!.lead[0]!.raw).toBe("县园区管委会");
    expect(t!.cooperating).toEqual([]);
  });
});

describe("the document's own date and signature", () => {
  it("are not the last task's units; the date gives the year and anchors 明年", () => {
    const text = [
      "关于印发重点工作任务分工的通知",
      "1.推进县城更新改造，明年年底前完成。（县住建局）",
      "2.建设乡镇综合文化站。（县文旅局、各镇）",
      "县人民政府办公室",
      "2022年12月15日",
    ].join("\n");
    const raw = readText(text, { source: "t.txt" });
    expect(raw.documentDate).toBe("2022-12-15");
    const list = listFromText(text);
    expect(list.year).toBe(2022);
    expect(list.tasks[0]!.deadline).toMatchObject({ kind: "date", due: "2023-12-31" });
    expect(list.tasks[1]!.title).toBe("建设乡镇综合文化站");
    expect(names(list.tasks[1]!.lead)).toEqual(["县文化和旅游局"]);
    expect(list.tasks[1]!.responsibilityText).not.toMatch(/人民政府办公室/);
  });

  it("a date written in Chinese numerals is read too, and a unit line without a date line stays", () => {
    const dated = readText("1.任务甲。（县财政局）\n县政府办\n二〇二三年六月三十日", { source: "t" });
    expect(dated.documentDate).toBe("2023-06-30");
    const undated = readText("1.任务甲。\n县财政局", { source: "t" });
    expect(undated.documentDate).toBeUndefined();
  });
});

describe("及 and 和 between names", () => {
  it("及 between two catch-alls separates them", () => {
    expect(splitResponsibility("市级各有关部门及各县市区政府").groups).toEqual([
      "市级各有关部门",
      "各县市区政府",
    ]);
  });
  it("a catch-all with a qualifier in front (沿河各镇) is a group, not a unit", () => {
    expect(splitResponsibility("县水利局，沿河各镇")).toMatchObject({
      units: ["县水利局"],
      groups: ["沿河各镇"],
    });
  });
  it("和 between complete unit names separates them, never inside a name", () => {
    expect(splitResponsibility("县财政局和县发改局").units).toEqual(["县财政局", "县发改局"]);
    expect(splitResponsibility("县发展和改革局").units).toEqual(["县发展和改革局"]);
    expect(splitResponsibility("县文化和旅游局、县人力资源和社会保障局").units).toEqual([
      "县文化和旅游局",
      "县人力资源和社会保障局",
    ]);
  });
});

describe("milestones in the detail", () => {
  it("are the task's deadline when there is no deadline column", () => {
    const [t] = listFromText(
      "2024年工作要点\n1.实施人居环境整治。1.4月底前完成摸底排查；2.8月底前完成整治；3.11月底前全面验收。（县农业农村局）",
    ).tasks;
    expect(t!.deadline.kind).toBe("milestones");
    expect(t!.deadline.due).toBe("2024-11-30");
  });
});

describe("deeply nested numbering", () => {
  it("sub-items with their own clauses keep their units; a parent with none heads them", () => {
    const list = listFromText(
      [
        "2024年重点工作任务",
        "一、产业发展",
        "1.发展奶山羊产业，存栏达到10万只。",
        "①新建标准化羊场5个。（县畜牧中心，各镇）",
        "②建设乳品加工厂1个。（县工信局、县发改局）",
        "2.培育经营主体。（县农业农村局）",
        "a.新增市级龙头企业1家；",
        "b.新增省级龙头企业1家。",
        "3.实施人居环境整治。（县住建局）",
      ].join("\n"),
    );
    expect(list.tasks.map((t) => t.id)).toEqual(["1①", "1②", "2", "3"]);
    expect(list.tasks.map((t) => t.lead[0]?.raw)).toEqual([
      "县畜牧中心",
      "县工信局",
      "县农业农村局",
      "县住建局",
    ]);
    expect(list.tasks[0]!.groups).toEqual(["各镇"]);
    expect(list.tasks[1]!.section).toBe("一、产业发展 / 1、发展奶山羊产业，存栏达到10万只。");
    expect(list.tasks[2]!.section).toBe("一、产业发展");
    expect(list.tasks[2]!.detail).toBe("a.新增市级龙头企业1家； b.新增省级龙头企业1家。");
  });

  it("（1） under 1. under 一、: ids carry the parent, and a shallower item with its own clause is a task", () => {
    const list = listFromText(
      [
        "一、产业发展",
        "1.壮大特色产业",
        "（1）发展苹果产业。（县果业中心、县财政局）",
        "（2）发展奶山羊产业。（县畜牧中心，各镇）",
        "2.培育经营主体",
        "（1）培育省级龙头企业2家。（县农业农村局）",
        "（2）发展家庭农场50家。",
        "二、乡村建设",
        "3.实施人居环境整治。（县住建局）",
      ].join("\n"),
      { year: 2024 },
    );
    expect(list.tasks.map((t) => t.id)).toEqual(["1（1）", "1（2）", "2（1）", "2（2）", "3"]);
    expect(list.tasks[3]!.lead).toEqual([]);
    expect(list.tasks[4]!.lead[0]!.raw).toBe("县住建局");
    expect(list.tasks[4]!.section).toBe("二、乡村建设");
  });
});

describe("a pasted row with units written apart by spaces", () => {
  it("keeps the first unit as lead and the rest as cooperating, to the header's width", () => {
    const list = listFromText(
      [
        "序号 重点任务 牵头单位 配合单位 完成时限",
        "1 完善农村供水保障 县水利局 县财政局 县农业农村局 10月底前",
        "2 建设县级应急物资储备库 县应急管理局 县发改局 12月底前",
        "3 推进城区道路改造 县住建局 县交通局 县公安局 县城管局 9月底前",
      ].join("\n"),
      { year: 2024 },
    );
    expect(list.tasks.map((t) => names(t.lead))).toEqual([
      ["县水利局"],
      ["县应急管理局"],
      ["县住房和城乡建设局"],
    ]);
    expect(names(list.tasks[0]!.cooperating)).toEqual(["县财政局", "县农业农村局"]);
    expect(list.tasks[2]!.cooperating.map((u) => u.raw)).toEqual(["县交通局", "县公安局", "县城管局"]);
    expect(list.tasks.map((t) => t.deadline.due)).toEqual(["2024-10-31", "2024-12-31", "2024-09-30"]);
  });
});
