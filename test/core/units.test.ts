import fc from "fast-check";
import { readFileSync } from "fs";
import * as path from "path";
import { UnitDirectory } from "../../src/core/units/directory";
import { DeletionIndex, resolveAcrossList, resolveName, resolveRun } from "../../src/core/units/resolve";
import { isCatchAll, isTownGroup, splitResponsibility } from "../../src/core/units/responsibility";
import { nameKey, stripPinyin, toHalfWidth, toSimplified } from "../../src/core/text/normalize";
import { editDistance } from "../../src/core/units/distance";
import type { UnitRef } from "../../src/core/model";

const dir = UnitDirectory.builtin();

describe("built-in directory", () => {
  const tsv = readFileSync(path.join(__dirname, "..", "fixtures", "county-department-aliases.tsv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split("\t") as [string, string, string]);
  /** Pairs left out on purpose (see seeded-aliases.ts). */
  const excluded = new Set(["县农业农村局(加挂县乡村振兴局牌子)", "街道办事处", "镇人民政府"]);

  it("knows every alias pair of the published table under its full name", () => {
    for (const [full, abbrev] of tsv) {
      if (excluded.has(full)) continue;
      for (const a of abbrev.split("/")) expect([a, dir.lookup(a)?.name]).toEqual([a, full]);
      expect(dir.lookup(full)?.name).toBe(full);
    }
  });

  it("keeps 县乡村振兴局 a unit of its own (加挂牌子 holds only in some counties)", () => {
    expect(dir.lookup("县乡村振兴局")?.name).toBe("县乡村振兴局");
  });

  it("the user's directory wins over the built-in one", () => {
    const user = dir.withUser([
      { name: "县人社局", aliases: ["县人力资源和社会保障局", "人社局"], kind: "department", source: "user" },
    ]);
    expect(user.lookup("县人力资源和社会保障局")?.name).toBe("县人社局");
    expect(user.lookup("县人社局")?.source).toBe("user");
    expect(user.userEntries().map((e) => e.name)).toEqual(["县人社局"]);
  });

  it("does not make 水利局/水务局 or 教育局/教体局 one unit", () => {
    expect(resolveName("县水务局", dir)).toMatchObject({ known: false, name: "县水务局" });
    expect(resolveName("县教育局", dir).name).toBe("县教育局");
    expect(resolveName("县教体局", dir).name).toBe("县教育和体育局");
  });
});

describe("resolution of one name", () => {
  it.each([
    ["县人社局", "县人力资源和社会保障局", "alias"],
    ["人社局", "县人力资源和社会保障局", "prefix"],
    ["住建局", "县住房和城乡建设局", "prefix"],
    ["县 人社局", "县人力资源和社会保障局", "alias"],
    ["縣人社局", "县人力资源和社会保障局", "alias"],
    ["县人社局（医保局）", "县人力资源和社会保障局", "merged"],
    ["区发改局", "区发展和改革局", "alias"],
  ])("%s → %s (%s)", (raw, name, via) => {
    expect(resolveName(raw, dir)).toMatchObject({ name, raw, known: true, via });
  });

  it("keeps an unknown unit as written, marked unknown", () => {
    expect(resolveName("县畜产局", dir)).toEqual({
      name: "县畜产局",
      raw: "县畜产局",
      known: false,
      via: "unknown",
    });
  });

  it("carries the prefix written once for a run", () => {
    const refs = resolveRun(["县委组织部", "宣传部", "县人社局", "民政局"], dir);
    expect(refs.map((r) => r.name)).toEqual([
      "县委组织部",
      "县委宣传部",
      "县人力资源和社会保障局",
      "县民政局",
    ]);
  });
});

describe("resolution across the list", () => {
  const refsOf = (names: string[]): UnitRef[] => names.map((n) => resolveName(n, dir));

  it("folds a long name one character off a known unit, and says so", () => {
    const refs = refsOf(["县文化和旅旅局", "县文化和旅游局"]);
    resolveAcrossList(refs, dir);
    expect(refs[0]).toMatchObject({
      name: "县文化和旅游局",
      raw: "县文化和旅旅局",
      via: "typo",
      known: true,
    });
  });

  it("folds into a more frequent unknown name of the same list", () => {
    const refs = refsOf(["县果业发展服务中心", "县果业发展服务中心", "县果业发展服务中兴"]);
    resolveAcrossList(refs, dir);
    expect(refs[2]).toMatchObject({ name: "县果业发展服务中心", via: "typo" });
  });

  it("does not fold short names (县水务局 may be a real unit), but records the nearest", () => {
    const refs = refsOf(["县水务局"]);
    resolveAcrossList(refs, dir);
    expect(refs[0]).toMatchObject({ name: "县水务局", known: false });
    expect(refs[0]!.nearest).toContain("县水利局");
  });

  it("suggests nothing for names unlike any known unit", () => {
    const refs = refsOf(["县畜产局"]);
    resolveAcrossList(refs, dir);
    expect(refs[0]!.nearest ?? []).toEqual([]);
  });
});

describe("splitting responsibility text", () => {
  it("keeps catch-alls apart and splits 等/及 before them", () => {
    expect(splitResponsibility("县残联等相关行业部门，各镇")).toEqual({
      units: ["县残联"],
      groups: ["相关行业部门", "各镇"],
      trailingDeng: false,
    });
    expect(splitResponsibility("县财政局及各相关单位")).toEqual({
      units: ["县财政局"],
      groups: ["各相关单位"],
      trailingDeng: false,
    });
  });

  it.each([
    "各镇",
    "各乡镇",
    "各街道",
    "各乡镇（街道）",
    "县直各有关单位",
    "各相关单位",
    "各成员单位",
    "领导小组各成员单位",
    "相关行业部门",
  ])("%s is a catch-all", (g) => expect(isCatchAll(g)).toBe(true));

  it.each(["县发改局", "县委组织部", "团县委", "国网陇县供电公司", "县发展和改革局"])(
    "%s is not a catch-all",
    (u) => expect(isCatchAll(u)).toBe(false),
  );

  it("tells town groups from vague department groups", () => {
    expect(isTownGroup("各乡镇（街道）")).toBe(true);
    expect(isTownGroup("各相关部门")).toBe(false);
  });
});

/** Unit names built from real parts, so properties run over plausible names. */
const unitName = fc
  .tuple(
    fc.constantFrom("县", "县委"),
    fc.constantFrom(
      "发展和改革",
      "住房和城乡建设",
      "农业农村",
      "文化和旅游",
      "自然资源",
      "卫生健康",
      "市场监督管理",
      "应急管理",
    ),
    fc.constantFrom("局", "委员会", "中心"),
  )
  .map(([p, core, s]) => p + core + s);

describe("name handling properties", () => {
  it("nameKey is idempotent and blind to width, spaces and script", () => {
    fc.assert(
      fc.property(unitName, fc.nat(5), (name, pos) => {
        const spaced = name.slice(0, pos) + "　" + name.slice(pos);
        expect(nameKey(nameKey(name))).toBe(nameKey(name));
        expect(nameKey(spaced)).toBe(nameKey(name));
      }),
    );
  });

  it("the typo index finds every name within one or two edits (no pair is compared directly)", () => {
    // A small alphabet (with a character outside the BMP) so that near names are common.
    const name = fc
      .array(fc.constantFrom("县", "水", "利", "局", "务", "中", "心", "𠀋", "1"), {
        minLength: 1,
        maxLength: 10,
      })
      .map((cs) => cs.join(""));
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 30 }),
        name,
        fc.constantFrom(1, 2),
        (names, query, max) => {
          const index = new DeletionIndex(names, 2);
          const found = new Set(index.buckets(query, max).flatMap((b) => b.map((i) => names[i])));
          for (const n of names)
            if (editDistance(query, n) <= max) expect([query, n, found.has(n)]).toEqual([query, n, true]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the list-wide typo pass decides as comparing every pair would (names near one another)", () => {
    // Names that are all within a few edits of each other and of a real unit, at the same few
    // places, many written more often than others: the shape where the index's buckets are largest.
    const edit = fc.tuple(fc.nat(1), fc.constantFrom("旅", "游", "农", "业", "心", "2"));
    const list = fc
      .tuple(
        fc.constantFrom("县文化和旅游局", "县农业产业服务中心", "县市场监督管理局", "县第1服务中心"),
        fc.array(fc.array(edit, { maxLength: 2 }), { minLength: 1, maxLength: 40 }),
      )
      .map(([base, names]) =>
        names.map((edits) => {
          const cs = [...base];
          for (const [at, c] of edits) cs[at + 2] = c;
          return cs.join("");
        }),
      );
    fc.assert(
      fc.property(list, (names) => {
        const refs = names.map((n) => resolveName(n, dir));
        const expected = bruteForce(refs);
        resolveAcrossList(refs, dir);
        refs.forEach((r, i) => {
          const e = expected.get(names[i]!);
          if (e === undefined) return; // known as written
          expect([names[i], r.name, r.via, r.nearest ?? null]).toEqual([names[i], e.name, e.via, e.nearest]);
        });
      }),
      { numRuns: 60 },
    );
  });

  it("simplified text is unchanged by the traditional-to-simplified step", () => {
    fc.assert(fc.property(unitName, (name) => expect(toSimplified(name)).toBe(name)));
  });

  it("splitting a list of names joined by any separator gives the names back, 和 kept", () => {
    fc.assert(
      fc.property(
        fc.array(unitName, { minLength: 1, maxLength: 8 }),
        fc.constantFrom("、", "，", ",", "；", ";", "\n"),
        (ns, sep) => {
          expect(splitResponsibility(ns.join(sep)).units).toEqual(ns);
        },
      ),
    );
  });

  it("full-width digits and letters become half width; everything else is kept", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(toHalfWidth(s).length).toBe(s.length);
      }),
    );
    expect(toHalfWidth("２０２４年ＡＢ")).toBe("2024年AB");
  });

  it("pinyin removal keeps the characters and drops only syllables", () => {
    expect(stripPinyin("堅(jiān)持(chí)")).toBe("堅持");
    expect(stripPinyin("（县发改局）")).toBe("（县发改局）");
    expect(stripPinyin("园区(GDP)")).toBe("园区(GDP)");
  });

  it("edit distance is a metric on names", () => {
    fc.assert(
      fc.property(unitName, unitName, (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, a)).toBe(0);
      }),
    );
  });
});

/**
 * The list-wide typo rule written the slow way, for the property above: every unknown name of the
 * list against every directory name, alias and list name (names here all start with 县, so the
 * bare-name rule never applies). Best first: fewer edits, user directory, built-in directory, known
 * list names, names written more often, then by name.
 */
function bruteForce(refs: UnitRef[]) {
  const freq = new Map<string, number>();
  const known = new Map<string, boolean>();
  for (const r of refs) {
    freq.set(r.name, (freq.get(r.name) ?? 0) + 1);
    known.set(r.name, (known.get(r.name) ?? false) || r.known);
  }
  const targets: { key: string; name: string; known: boolean; tier: number }[] = [];
  const keys = new Set<string>();
  for (const e of dir.entries())
    for (const n of [e.name, ...e.aliases]) {
      const key = nameKey(n);
      if (keys.has(key))
        targets.splice(
          targets.findIndex((t) => t.key === key),
          1,
        );
      keys.add(key);
      targets.push({ key, name: e.name, known: true, tier: e.source === "user" ? 4 : 3 });
    }
  for (const [n, k] of known) if (!keys.has(n)) targets.push({ key: n, name: n, known: k, tier: k ? 1 : 0 });
  const numberless = (s: string) => s.replace(/[0-9一二三四五六七八九十百〇零]+/g, "#");
  const out = new Map<string, { name: string; via: string | undefined; nearest: string[] | null }>();
  for (const [name, isKnown] of known) {
    if (isKnown) continue;
    const len = [...name].length;
    const max = len >= 8 ? 2 : 1;
    const own = freq.get(name)!;
    const found = targets
      .filter((t) => t.name !== name && numberless(t.key) !== numberless(name))
      .filter((t) => t.known || (freq.get(t.name) ?? 0) > own)
      .map((t) => ({ ...t, d: editDistance(name, t.key), f: freq.get(t.name) ?? 0 }))
      .filter((t) => t.d <= max)
      .sort((a, b) => a.d - b.d || b.tier - a.tier || b.f - a.f || (a.key < b.key ? -1 : 1));
    if (found.length === 0) {
      out.set(name, { name, via: "unknown", nearest: null });
      continue;
    }
    const nearest = [...new Set(found.map((f) => f.name))].slice(0, 3);
    const best = found[0]!;
    const rank = (t: { tier: number }) => Math.max(1, t.tier - 1);
    const tied = found.some((f) => f.d === best.d && rank(f) === rank(best) && f.name !== best.name);
    const safe = !tied && ((best.d === 1 && len >= 6) || (best.d === 2 && len >= 10));
    out.set(name, safe ? { name: best.name, via: "typo", nearest } : { name, via: "unknown", nearest });
  }
  return out;
}
