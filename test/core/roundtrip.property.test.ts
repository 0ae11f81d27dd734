/**
 * Property: any list rendered to text in a supported notation and read back yields the same
 * tasks and units.
 */
import fc from "fast-check";
import { listFromText, names } from "../helpers/build";
import { UnitDirectory } from "../../src/core/units/directory";

const dir = UnitDirectory.builtin();
/** Names as lists write them (full, short, colloquial), with their canonical unit. */
const UNITS = [
  "县发改局",
  "县发展和改革局",
  "县人社局",
  "县住建局",
  "县财政局",
  "县农业农村局",
  "县教体局",
  "县卫健局",
  "县交通运输局",
  "县文化和旅游局",
  "县委组织部",
  "县委宣传部",
  "县市场监管局",
  "县应急管理局",
  "县水利局",
  "县民政局",
  "县妇联",
  "团县委",
];
const GROUPS = ["各镇", "各乡镇", "各街道", "县直各有关单位", "各相关单位"];
const CHARS = [
  ..."推进建设改革发展完善加强落实优化提升创新治理服务保障体系机制工程项目产业城乡环境就业教育医疗",
];

const text = (min: number, max: number) =>
  fc.array(fc.constantFrom(...CHARS), { minLength: min, maxLength: max }).map((a) => a.join(""));
const distinctUnits = (min: number, max: number) =>
  fc.uniqueArray(fc.constantFrom(...UNITS), {
    minLength: min,
    maxLength: max,
    selector: (u) => dir.lookup(u)?.name ?? u,
  });

type Notation = "trailing" | "labelled" | "lines" | "brackets" | "verb";
const task = fc.record({
  title: text(4, 12),
  detail: fc.option(text(6, 30), { nil: undefined }),
  units: distinctUnits(1, 7),
  leads: fc.integer({ min: 1, max: 2 }),
  groups: fc.uniqueArray(fc.constantFrom(...GROUPS), { maxLength: 2 }),
  notation: fc.constantFrom<Notation>("trailing", "labelled", "lines", "brackets", "verb"),
});
const list = fc.array(
  fc.record({ heading: text(4, 10), tasks: fc.array(task, { minLength: 1, maxLength: 5 }) }),
  {
    minLength: 1,
    maxLength: 4,
  },
);

type T = typeof task extends fc.Arbitrary<infer X> ? X : never;

function render(t: T, id: number): { lines: string[]; lead: string[]; coop: string[] } {
  const leadCount = t.notation === "trailing" ? 1 : Math.min(t.leads, t.units.length);
  const lead = t.units.slice(0, leadCount);
  const coop = t.units.slice(leadCount);
  const body = `${id}.${t.title}。${t.detail ? `${t.detail}。` : ""}`;
  const coopText = [coop.join("、"), t.groups.join("，")].filter(Boolean).join("，");
  switch (t.notation) {
    case "trailing":
      return { lines: [`${body}（${[t.units.join("、"), ...t.groups].join("，")}）`], lead, coop };
    case "labelled":
      return {
        lines: [`${body}（牵头单位：${lead.join("、")}${coopText ? `；配合单位：${coopText}` : ""}）`],
        lead,
        coop,
      };
    case "brackets":
      return {
        lines: [`${body}［牵头单位：${lead.join("、")}${coopText ? `；配合单位：${coopText}` : ""}］`],
        lead,
        coop,
      };
    case "lines":
      return {
        lines: [body, `牵头单位：${lead.join("、")}`, ...(coopText ? [`配合单位：${coopText}`] : [])],
        lead,
        coop,
      };
    case "verb":
      return {
        lines: [`${body}（${lead.join("、")}牵头${coopText ? `，${coopText}配合` : ""}）`],
        lead,
        coop,
      };
  }
}

const CN = ["一", "二", "三", "四", "五"];
const canon = (ns: string[]) => ns.map((n) => dir.lookup(n)?.name ?? n);

describe("round trip: render a list in any notation, read it back", () => {
  it("gives the same tasks, sections, lead and cooperating units and groups", () => {
    fc.assert(
      fc.property(list, (sections) => {
        const lines: string[] = ["2024年重点工作任务清单"];
        const expected: {
          id: string;
          section: string;
          title: string;
          lead: string[];
          coop: string[];
          groups: string[];
        }[] = [];
        let id = 0;
        sections.forEach((s, i) => {
          const heading = `${CN[i]}、${s.heading}`;
          lines.push(heading);
          for (const t of s.tasks) {
            id++;
            const r = render(t, id);
            lines.push(...r.lines);
            expected.push({
              id: String(id),
              section: heading,
              title: t.title,
              lead: canon(r.lead),
              coop: canon(r.coop),
              groups: t.groups,
            });
          }
        });
        const got = listFromText(lines.join("\n"));
        expect(
          got.tasks.map((t) => ({
            id: t.id,
            section: t.section,
            title: t.title,
            lead: names(t.lead),
            coop: names(t.cooperating),
            groups: t.groups,
          })),
        ).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

/** A table row as a web page or PDF gives it when copied: one line, cells separated by a separator. */
const tableRow = fc.record({
  title: text(6, 20),
  units: distinctUnits(1, 4),
  groups: fc.uniqueArray(fc.constantFrom(...GROUPS), { maxLength: 1 }),
  month: fc.integer({ min: 1, max: 12 }),
});

describe("round trip: render a table as pasted text, read it back", () => {
  it("gives the same tasks, lead and cooperating units, groups and deadlines", () => {
    fc.assert(
      fc.property(
        // Every row its own task: a list does not repeat a task's wording.
        fc.uniqueArray(tableRow, { minLength: 3, maxLength: 12, selector: (r) => r.title }),
        fc.constantFrom("\t", " "),
        fc.boolean(),
        (rows, sep, withHeader) => {
          const lines = ["2024年重点工作任务清单"];
          if (withHeader) lines.push(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"].join(sep));
          rows.forEach((r, i) => {
            const coop = [r.units.slice(1).join("、"), ...r.groups].filter(Boolean).join("，");
            // Spaces cannot show an empty cell: a row with no cooperating unit writes 无 there.
            const coopCell = coop || (sep === " " ? "无" : "");
            lines.push([String(i + 1), r.title, r.units[0]!, coopCell, `${r.month}月底前`].join(sep));
          });
          const got = listFromText(lines.join("\n"));
          expect(
            got.tasks.map((t) => ({
              title: t.title,
              lead: names(t.lead),
              coop: names(t.cooperating),
              groups: t.groups,
              due: t.deadline.due,
            })),
          ).toEqual(
            rows.map((r) => ({
              title: r.title,
              lead: canon(r.units.slice(0, 1)),
              coop: canon(r.units.slice(1)),
              groups: r.groups,
              due: `2024-${String(r.month).padStart(2, "0")}-${String(new Date(Date.UTC(2024, r.month, 0)).getUTCDate()).padStart(2, "0")}`,
            })),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
