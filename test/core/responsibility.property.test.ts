/** Properties of splitting responsibility texts: 和/及 between names, never inside one. */
import fc from "fast-check";
import { splitResponsibility } from "../../src/core/units/responsibility";

/** Unit names that hold 和 or 与 inside them, as official names do. */
const NAMES_WITH_HE = [
  "县发展和改革局",
  "县文化和旅游局",
  "县人力资源和社会保障局",
  "县住房和城乡建设局",
  "县工业和信息化局",
  "县自然资源和规划局",
  "县科学技术和工业信息化局",
];
const PLAIN = ["县财政局", "县民政局", "县水利局", "县妇联", "团县委", "县委宣传部", "县城管局"];
const GROUPS = ["各镇", "各乡镇", "各街道", "县直各有关单位", "各相关单位", "市级各有关部门"];
const anyName = fc.constantFrom(...NAMES_WITH_HE, ...PLAIN);

describe("splitting on 和 / 及 / 与", () => {
  it("a name with 和 inside stays whole, alone or in a list", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...NAMES_WITH_HE), { minLength: 1, maxLength: 4 }), (ns) => {
        expect(splitResponsibility(ns.join("、")).units).toEqual(ns);
      }),
    );
  });

  it("two whole names joined by 和, 及 or 与 are two names", () => {
    fc.assert(
      fc.property(anyName, anyName, fc.constantFrom("和", "及", "与", "以及"), (a, b, j) => {
        fc.pre(a !== b);
        expect(splitResponsibility(`${a}${j}${b}`).units).toEqual([a, b]);
      }),
    );
  });

  it("two catch-alls joined by 及 are two groups", () => {
    fc.assert(
      fc.property(fc.constantFrom(...GROUPS), fc.constantFrom(...GROUPS), (a, b) => {
        fc.pre(a !== b);
        expect(splitResponsibility(`${a}及${b}`)).toMatchObject({ units: [], groups: [a, b] });
      }),
    );
  });
});
