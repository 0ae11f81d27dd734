import { listFromText, names, sampleText } from "../helpers/build";
import { tallyUnits } from "../../src/core/units/tally";

describe("the published sample list (陇县 2024)", () => {
  const list = listFromText(sampleText());
  const task = (id: string) => {
    const t = list.tasks.find((x) => x.id === id);
    if (!t) throw new Error(`no task ${id}`);
    return t;
  };

  it("reads as 22 tasks in 5 sections, numbered 1 to 22", () => {
    expect(list.tasks).toHaveLength(22);
    expect(list.tasks.map((t) => t.id)).toEqual(Array.from({ length: 22 }, (_, i) => String(i + 1)));
    const sections = [...new Set(list.tasks.map((t) => t.section))];
    expect(sections).toHaveLength(5);
    expect(sections[0]).toBe("一、深化思想认识,持续提升政治站位,增强责任感使命感");
    expect(task("4").section).toMatch(/^二、巩固脱贫成果/);
  });

  it("takes the year from the first dated line", () => {
    expect(list.year).toBe(2024);
  });

  it("task 4: 县乡村振兴局 leads, 14 units cooperate, and the 各镇 group", () => {
    const t = task("4");
    expect(names(t.lead)).toEqual(["县乡村振兴局"]);
    expect(t.cooperating).toHaveLength(14);
    expect(t.cooperating.map((u) => u.raw)).toEqual([
      "县发改局",
      "县农业农村局",
      "县人社局",
      "县教体局",
      "县卫健局",
      "县医保局",
      "县民政局",
      "县住建局",
      "县水利局",
      "县交通运输局",
      "县公安局",
      "县应急管理局",
      "县委网信办",
      "县残联",
    ]);
    expect(t.groups).toContain("各镇");
    expect(t.title).toBe("持续加强防返贫监测帮扶");
    expect(t.detail).toMatch(/^全面深化“三必访、四必核、五研判”/);
    expect(t.detail).not.toMatch(/县乡村振兴局、县发改局/);
  });

  it("task 1: the leading group's members are a catch-all, not a lead unit", () => {
    const t = task("1");
    expect(t.lead).toEqual([]);
    expect(t.cooperating).toEqual([]);
    expect(t.groups).toEqual(["县委实施乡村振兴战略领导小组各成员单位", "各镇"]);
  });

  it("task 16: the misspelled 县文化和旅旅局 resolves to 县文化和旅游局, not a new unit", () => {
    const u = task("16").cooperating.find((x) => x.raw === "县文化和旅旅局");
    expect(u).toMatchObject({ name: "县文化和旅游局", known: true, via: "typo" });
    expect(tallyUnits(list).map((x) => x.name)).not.toContain("县文化和旅旅局");
  });

  it("task 16: a bare 果业服务中心 joins the 县果业服务中心 written elsewhere", () => {
    const u = task("16").cooperating.find((x) => x.raw === "果业服务中心");
    expect(u?.name).toBe("县果业服务中心");
  });

  it("task 8: 整改涉及行业部门 stays one catch-all (及 inside a phrase is not a separator)", () => {
    expect(task("8").groups).toContain("整改涉及行业部门");
    expect(task("8").cooperating).toEqual([]);
  });

  it("refers each task back to its line", () => {
    expect(task("1").ref).toEqual({ kind: "line", line: 3 });
    expect(task("22").ref).toEqual({ kind: "line", line: 28 });
  });

  it("does not take the attachment line after task 22 into its detail", () => {
    expect(task("22").detail).not.toMatch(/附/);
  });
});
