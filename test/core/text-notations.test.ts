import { listFromText, names } from "../helpers/build";

/** Invented lists in each notation domain.md describes. */
describe("responsibility notations in document text", () => {
  it("trailing parenthesis: the first listed unit leads", () => {
    const [t] = listFromText("3.推进农村改厕。（县农业农村局、县卫健局、县财政局，各镇）").tasks;
    expect(names(t!.lead)).toEqual(["县农业农村局"]);
    expect(names(t!.cooperating)).toEqual(["县卫生健康局", "县财政局"]);
    expect(t!.groups).toEqual(["各镇"]);
    expect(t!.title).toBe("推进农村改厕");
  });

  it("labelled parenthesis: several leads, catch-all after 及, deadline inside", () => {
    const [t] = listFromText(
      "2024年重点任务\n1、实施城镇老旧小区改造。（牵头单位：县住建局、县自然资源局；配合单位：县财政局及各相关单位，各乡镇，10月底前完成）",
    ).tasks;
    expect(names(t!.lead)).toEqual(["县住房和城乡建设局", "县自然资源和规划局"]);
    expect(names(t!.cooperating)).toEqual(["县财政局"]);
    expect(t!.groups).toEqual(["各相关单位", "各乡镇"]);
    expect(t!.deadline).toMatchObject({ kind: "date", due: "2024-10-31" });
  });

  it("labelled lines under the task", () => {
    const text = [
      "1.促进消费回补。",
      "牵头单位：县商务局",
      "配合单位：县市场监管局，各街道",
      "完成时限：6月底",
    ].join("\n");
    const [t] = listFromText(text).tasks;
    expect(names(t!.lead)).toEqual(["县商务局"]);
    expect(names(t!.cooperating)).toEqual(["县市场监督管理局"]);
    expect(t!.groups).toEqual(["各街道"]);
    expect(t!.deadline.due).toBe("2024-06-30");
  });

  it("square brackets with 责任单位 only: the first listed leads", () => {
    const [t] = listFromText("1.打造全域旅游示范区。［责任单位：县文旅局、县交通局］").tasks;
    expect(names(t!.lead)).toEqual(["县文化和旅游局"]);
    expect(names(t!.cooperating)).toEqual(["县交通运输局"]);
  });

  it("verb form in a parenthesis", () => {
    const [t] = listFromText(
      "5.深化“一网通办”。（县政府办、县审批局牵头，县直各有关部门按职责分工负责）",
    ).tasks;
    expect(names(t!.lead)).toEqual(["县人民政府办公室", "县行政审批服务局"]);
    expect(t!.cooperating).toEqual([]);
    expect(t!.groups).toEqual(["县直各有关部门"]);
  });

  it("verb form in prose", () => {
    const [t] = listFromText("6.开展就业援助月活动。由县人社局牵头，县民政局配合，……确保援助到位。").tasks;
    expect(names(t!.lead)).toEqual(["县人力资源和社会保障局"]);
    expect(names(t!.cooperating)).toEqual(["县民政局"]);
  });

  it("first-listed rule stated once; the note is not a unit", () => {
    const text = [
      "1.推进项目建设。",
      "责任单位：县发改局（首位单位为牵头单位，下同）、县财政局",
      "2.优化营商环境。",
      "责任单位：县审批局、县市场监管局",
    ].join("\n");
    const [a, b] = listFromText(text).tasks;
    expect(names(a!.lead)).toEqual(["县发展和改革局"]);
    expect(names(a!.cooperating)).toEqual(["县财政局"]);
    expect(names(b!.lead)).toEqual(["县行政审批服务局"]);
  });

  it("leads given by a section heading", () => {
    const text = [
      "二、县住建局牵头工作（6项）",
      "1.推进棚户区改造。",
      "2.完善城市路网。",
      "三、县交通局牵头工作（1项）",
      "1.建设农村公路。",
    ].join("\n");
    const tasks = listFromText(text).tasks;
    expect(tasks.map((t) => names(t.lead))).toEqual([
      ["县住房和城乡建设局"],
      ["县住房和城乡建设局"],
      ["县交通运输局"],
    ]);
    expect(tasks[0]!.section).toBe("二、县住建局牵头工作（6项）");
  });

  it("a section heading naming the leading official gives the leader, not a unit", () => {
    const tasks = listFromText("一、张某副县长牵头工作\n1.抓好春耕生产。（县农业农村局）").tasks;
    expect(tasks[0]!.leader).toBe("张某副县长");
    expect(names(tasks[0]!.lead)).toEqual(["县农业农村局"]);
  });

  it("the prefix written once for a run: 县人社局、民政局、编办", () => {
    const [t] = listFromText("1.做好社会保障。（县人社局、民政局、编办）").tasks;
    expect(names(t!.cooperating)).toEqual(["县民政局", "县委机构编制委员会办公室"]);
    expect(t!.cooperating.map((u) => u.raw)).toEqual(["民政局", "编办"]);
  });

  it("merged-bureau notation resolves to the outer unit", () => {
    const [t] = listFromText("1.落实医保政策。（县人社局（医保局）、县财政局）").tasks;
    expect(t!.lead[0]).toMatchObject({
      name: "县人力资源和社会保障局",
      raw: "县人社局（医保局）",
      via: "merged",
    });
  });

  it("和 is never a separator", () => {
    const [t] = listFromText("1.推进改革。（县发展和改革局、县住房和城乡建设局）").tasks;
    expect(names(t!.lead)).toEqual(["县发展和改革局"]);
    expect(names(t!.cooperating)).toEqual(["县住房和城乡建设局"]);
  });

  it("keeps nested numbering: 一、 sections, （一） subsections, 1. tasks", () => {
    const text = [
      "一、经济发展",
      "（一）项目建设",
      "1.抓项目。（县发改局）",
      "（二）招商引资",
      "2.抓招商。（县商务局）",
    ].join("\n");
    const tasks = listFromText(text).tasks;
    expect(tasks.map((t) => t.section)).toEqual([
      "一、经济发展 / （一）项目建设",
      "一、经济发展 / （二）招商引资",
    ]);
  });

  it("（一） items are tasks when they carry the responsibility", () => {
    const tasks = listFromText(
      "一、民生实事\n（一）新建幼儿园3所。（县教体局）\n（二）改造农村公路50公里。（县交通局）",
    ).tasks;
    expect(tasks.map((t) => t.id)).toEqual(["（一）", "（二）"]);
  });

  it("a unit bracket inside the text, with the deadline after it", () => {
    const [t] = listFromText("1.完成道路硬化（县交通局、各镇）10月底前完成。（不含村组道路）").tasks;
    expect(names(t!.lead)).toEqual(["县交通运输局"]);
    expect(t!.groups).toEqual(["各镇"]);
    expect(t!.deadline.due).toBe("2024-10-31");
  });

  it("a prose bracket is not a responsibility clause", () => {
    const [t] = listFromText("1.守牢底线（不发生规模性返贫）。").tasks;
    expect(t!.lead).toEqual([]);
    expect(t!.title).toBe("守牢底线（不发生规模性返贫）");
  });

  it("dotted ids such as 2.3", () => {
    const tasks = listFromText("2.1 推进数字政府建设。（县数据局）\n2.2 深化放管服改革。（县审批局）").tasks;
    expect(tasks.map((t) => t.id)).toEqual(["2.1", "2.2"]);
  });

  it("traditional characters are read as simplified", () => {
    const [t] = listFromText("1.推進農村改廁。（縣農業農村局、縣衛健局，各鎮）").tasks;
    expect(t!.title).toBe("推进农村改厕");
    expect(names(t!.lead)).toEqual(["县农业农村局"]);
    expect(names(t!.cooperating)).toEqual(["县卫生健康局"]);
    expect(t!.groups).toEqual(["各镇"]);
  });

  it("scraped pinyin after characters is removed", () => {
    const [t] = listFromText("1.堅(jiān)持就業優(yōu)先。（縣人社局）").tasks;
    expect(t!.title).toBe("坚持就业优先");
    expect(names(t!.lead)).toEqual(["县人力资源和社会保障局"]);
  });

  it("full-width digits and markdown bullets", () => {
    const tasks = listFromText("## 重点任务\n- **１.** 推进改厕。（县农业农村局）").tasks;
    expect(tasks).toHaveLength(1);
    expect(names(tasks[0]!.lead)).toEqual(["县农业农村局"]);
  });
});

describe("labels inside a bracket followed by a deadline line (issue 14 held-out)", () => {
  it("the bracket ends the units; 时间要求 on the next line is the deadline", () => {
    const [t] = listFromText(
      [
        "2024年县城建设重点任务",
        "1.实施城区绿化提升工程，新增绿地5万平方米。（牵头单位：县林业局，责任单位：县城管局、县住建局）",
        "时间要求：10月底前",
      ].join("\n"),
    ).tasks;
    expect(names(t!.lead)).toEqual(["县林业局"]);
    expect(t!.cooperating.map((u) => u.raw)).toEqual(["县城管局", "县住建局"]);
    expect(t!.deadline).toMatchObject({ kind: "date", due: "2024-10-31" });
  });
});
