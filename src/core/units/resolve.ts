/**
 * Unit name resolution: from the text as written to a canonical unit.
 *
 * Per name: simplified characters, full/half width and spaces (via nameKey), merged-bureau
 * notation (县人社局（医保局）), aliases, the prefix written once for a run (县人社局、民政局 →
 * 县民政局), bare names without 县/区. Then, over the whole list: bare names that the list spells
 * in full elsewhere, and probable misspellings of a known or more frequent unit.
 */
import type { UnitRef } from "../model";
import { nameKey } from "../text/normalize";
import { editDistance } from "./distance";
import type { UnitDirectory } from "./directory";

const PREFIX = /^(县委|县政府|县人民政府|县|区委|区政府|区人民政府|区|市委|市|州|旗)/;
/** Names that carry their own owner and take no carried prefix (国网陇县供电公司, 团县委). */
const SELF_PREFIXED = /^(国网|国家|中国|中共|团|省|市|中|共青团|县|区|州|旗)/;

/** A name as resolved with a carried prefix, and the prefix it carries on to the next name. */
interface Resolved {
  ref: UnitRef;
  carries: string | null;
}

/**
 * Resolution for one list: names repeat thousands of times, and each (carried prefix, name) is
 * resolved once. Mentions of the same name share one ref: the list-wide pass (resolveAcrossList)
 * decides per name, so changing a shared ref changes every mention alike, as it should.
 */
export function runResolver(directory: UnitDirectory): (names: readonly string[]) => UnitRef[] {
  const byPrefix = new Map<string | null, Map<string, Resolved>>();
  return (names) => {
    let carried: string | null = null;
    const out: UnitRef[] = [];
    for (const raw of names) {
      let memo = byPrefix.get(carried);
      if (!memo) byPrefix.set(carried, (memo = new Map()));
      let r = memo.get(raw);
      if (!r) {
        const ref = resolveName(raw, directory, carried);
        const p = PREFIX.exec(nameKey(ref.known ? ref.name : raw));
        memo.set(raw, (r = { ref, carries: p?.[1] ?? null }));
      }
      if (r.carries) carried = r.carries;
      out.push(r.ref);
    }
    return out;
  };
}

export function resolveRun(names: readonly string[], directory: UnitDirectory): UnitRef[] {
  return runResolver(directory)(names);
}

export function resolveName(
  raw: string,
  directory: UnitDirectory,
  carriedPrefix: string | null = null,
): UnitRef {
  const key = nameKey(raw);
  const direct = directory.lookup(key);
  if (direct) return { name: direct.name, raw, known: true, via: direct.name === key ? "exact" : "alias" };

  // Merged bureaus: 县人社局（医保局） → the outer unit (else the inner one).
  const merged = /^(.+?)\((.+?)\)$/.exec(key);
  if (merged?.[1] && merged[2]) {
    const outer = resolveName(merged[1], directory, carriedPrefix);
    if (outer.known) return { ...outer, raw, via: "merged" };
    const inner = resolveName(merged[2], directory, PREFIX.exec(merged[1])?.[1] ?? carriedPrefix);
    if (inner.known) return { ...inner, raw, via: "merged" };
    return { name: merged[1], raw, known: false, via: "unknown" };
  }

  if (!SELF_PREFIXED.test(key)) {
    const prefixes = [carriedPrefix, "县", "县委", "区", "县政府"].filter(
      (p): p is string => typeof p === "string",
    );
    for (const p of prefixes) {
      const e = directory.lookup(p + key);
      if (e) return { name: e.name, raw, known: true, via: "prefix" };
    }
  }

  // 区/市 lists against a 县 directory: 区发改局 → 区发展和改革局.
  const other = /^(区|市|旗)(.+)$/.exec(key);
  if (other?.[1] && other[2] && !/^(委|政府)/.test(other[2])) {
    const e = directory.lookup("县" + other[2]);
    if (e?.name.startsWith("县")) {
      return { name: other[1] + e.name.slice(1), raw, known: true, via: "alias" };
    }
  }
  return { name: key, raw, known: false, via: "unknown" };
}

/** When two names may be folded into one without a person's word. */
export const TYPO_FOLD = {
  /** One character off is a typo only in names this long (县水务局 ≠ 县水利局). */
  minLengthForOne: 6,
  /** Two characters off only in names this long. */
  minLengthForTwo: 10,
  /** How far to look for suggestions: two characters only in names of this length or more. */
  suggestDistance: 2,
  minLengthForSuggestTwo: 8,
};

/**
 * List-wide resolution over every unit reference of a list, in place:
 * - a bare unknown name that the list also writes with a prefix (果业服务中心 / 县果业服务中心)
 *   becomes that name;
 * - an unknown name one or two characters away from a known unit, or from a unit the list
 *   writes more often, is folded into it when safe (县文化和旅旅局 → 县文化和旅游局) and marked
 *   via "typo"; otherwise the nearest names are recorded for the checks to suggest.
 */
export function resolveAcrossList(refs: UnitRef[], directory: UnitDirectory): void {
  const freq = new Map<string, number>();
  const knownInList = new Map<string, boolean>();
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]!;
    const f = freq.get(r.name);
    freq.set(r.name, (f ?? 0) + 1);
    if (f === undefined || (r.known && !knownInList.get(r.name))) knownInList.set(r.name, r.known);
  }

  // Candidate targets: directory names and aliases (→ canonical), and names in this list.
  const byKey = new Map<string, Target>();
  for (const e of directory.entries()) {
    const rank = e.source === "user" ? 3 : 2;
    for (const n of [e.name, ...e.aliases]) byKey.set(nameKey(n), { name: e.name, known: true, rank });
  }
  for (const [n, known] of knownInList) {
    if (!byKey.has(n)) byKey.set(n, { name: n, known, rank: 1 });
  }
  const targets = new Targets(byKey, freq);
  const index = new DeletionIndex(targets.keys, TYPO_FOLD.suggestDistance);

  const memo: DistanceMemo = {
    stamp: 0,
    at: new Uint32Array(targets.keys.length),
    d: new Uint8Array(targets.keys.length),
  };
  const decided = new Map<string, Partial<UnitRef> | null>();
  for (const name of freq.keys()) {
    if (knownInList.get(name)) continue;
    decided.set(name, decideUnknown(name, freq.get(name) ?? 0, byKey, targets, index, memo));
  }
  // Mentions may share a ref: decide from the name each held before any was changed.
  const changes: [UnitRef, Partial<UnitRef>][] = [];
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]!;
    if (r.known) continue;
    const d = decided.get(r.name);
    if (d) changes.push([r, d]);
  }
  for (let i = 0; i < changes.length; i++) Object.assign(changes[i]![0], changes[i]![1]);
}

/** A name an unknown one may be folded into; rank: user directory 3, built-in 2, list only 1. */
interface Target {
  name: string;
  known: boolean;
  rank: number;
}

/**
 * The targets in the order a suggestion prefers them: user directory, built-in directory, then
 * names of the list (those the list resolved first, then by how often the list writes them), ties
 * by name. A list-only name is a target for an unknown name only when written more often, so the
 * targets open to a name are always a leading part of this order, and the index built over it
 * keeps each bucket in it: a look-up can stop at the end of that part and once it has enough.
 */
class Targets {
  readonly keys: readonly string[];
  readonly list: readonly Target[];
  readonly freq: readonly number[];
  /** Where the list's unknown names start (they run to the end, most often written first). */
  private readonly firstUnknown: number;

  constructor(byKey: Map<string, Target>, freq: Map<string, number>) {
    const all = [...byKey].map(([key, t]) => ({ key, t, f: freq.get(t.name) ?? 0 }));
    const tier = (t: Target) => (t.rank > 1 ? t.rank + 1 : t.known ? 1 : 0);
    all.sort((a, b) => tier(b.t) - tier(a.t) || b.f - a.f || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.keys = all.map((x) => x.key);
    this.list = all.map((x) => x.t);
    this.freq = all.map((x) => x.f);
    let u = all.length;
    while (u > 0 && tier(all[u - 1]!.t) === 0) u--;
    this.firstUnknown = u;
  }

  /** How many leading targets a name written `times` times may be folded into. */
  openTo(times: number): number {
    let lo = this.firstUnknown;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.freq[mid]! > times) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Names that differ only in numbers are different units (第一中学 / 第二中学, 1号 / 7号). */
const NUMERALS = /[0-9一二三四五六七八九十百〇零]+/g;

/**
 * Candidates within a few edits, found without comparing every pair: two names within d edits
 * share a string made by deleting at most d characters from each (symmetric deletion). Building
 * is linear in the names; a look-up touches only the query's own deletions. The deletions are
 * never built as strings: each is a hash worked out from prefix hashes, so a name of n characters
 * costs n² multiplications rather than n² new strings. A hash shared by chance only adds a
 * candidate, which the caller's edit distance then turns away. Each bucket keeps the names in the
 * order they were given, so a caller that gives them best first can stop a bucket early: names
 * that are all near one another (thousands of village committees) then cost no more than others.
 */
export class DeletionIndex {
  readonly names: readonly string[];
  /** Each name with its numbers replaced by one mark: 第1号 and 第7号 look alike. */
  readonly numberless: readonly string[];
  private readonly byVariant = new Map<number, number[]>();
  /** Each indexed name's deletion hashes, reused when that name is looked up in turn. */
  private readonly variants = new Map<string, number[]>();

  constructor(
    names: readonly string[],
    private readonly depth: number,
  ) {
    this.names = names;
    this.numberless = names.map((n) => n.replace(NUMERALS, "#"));
    names.forEach((n, i) => {
      const own = deletionHashes(n, depth);
      this.variants.set(n, own);
      for (let k = 0; k < own.length; k++) {
        const list = this.byVariant.get(own[k]!);
        if (!list) this.byVariant.set(own[k]!, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
  }

  /**
   * The lists of names sharing one of the deletion variants of `name` made with up to `depth`
   * deletions, one list per variant, each in ascending name number. Together they hold every
   * name within `depth` edits (a name may be in several lists).
   */
  buckets(name: string, depth: number): (readonly number[])[] {
    const d = Math.min(depth, this.depth);
    let own = this.variants.get(name) ?? deletionHashes(name, this.depth);
    // Variants come whole name first, then one deletion per character, then the second deletions.
    if (d < this.depth) own = own.slice(0, d === 0 ? 1 : 1 + [...name].length);
    const out: (readonly number[])[] = [];
    for (let k = 0; k < own.length; k++) {
      const list = this.byVariant.get(own[k]!);
      if (list) out.push(list);
    }
    return out;
  }
}

/** Hash base (odd, so multiplication modulo 2³² loses nothing). */
const BASE = 0x01000193;
const SURROGATE = /[\ud800-\udfff]/;

/**
 * Hashes of the name and of every string made by deleting up to `depth` (1 or 2) of its
 * characters (code points), in the order the deletions are made: the whole name, each single
 * deletion from the left, then each second deletion after each first.
 */
function deletionHashes(name: string, depth: number): number[] {
  const cs = SURROGATE.test(name) ? Array.from(name, (c) => c.codePointAt(0)!) : null;
  const n = cs ? cs.length : name.length;
  const code = (i: number) => (cs ? cs[i]! : name.charCodeAt(i));
  // pre[k]: hash of the first k characters; pow[k]: BASE^k (all modulo 2³²).
  const pre = new Uint32Array(n + 1);
  const pow = new Uint32Array(n + 1);
  pow[0] = 1;
  for (let i = 0; i < n; i++) {
    pre[i + 1] = (Math.imul(pre[i]!, BASE) + code(i)) >>> 0;
    pow[i + 1] = Math.imul(pow[i]!, BASE) >>> 0;
  }
  /** Hash of characters [a, b). */
  const sub = (a: number, b: number) => (pre[b]! - Math.imul(pre[a]!, pow[b - a]!)) >>> 0;
  /** Hash of x followed by y, y being `len` characters long. */
  const join = (x: number, y: number, len: number) => (Math.imul(x, pow[len]!) + y) >>> 0;
  const out = [pre[n]!];
  if (depth >= 1) for (let i = 0; i < n; i++) out.push(join(sub(0, i), sub(i + 1, n), n - i - 1));
  if (depth >= 2) {
    for (let i = 0; i < n; i++) {
      // The second deletion at j of the name without i: j < i, or j ≥ i (then j + 1 in the name).
      for (let j = 0; j < n - 1; j++) {
        const a = j < i ? j : i;
        const b = j < i ? i : j + 1;
        out.push(join(join(sub(0, a), sub(a + 1, b), b - a - 1), sub(b + 1, n), n - b - 1));
      }
    }
  }
  return out;
}

/** How many suggestions an unknown name keeps. */
const NEAREST = 3;

/** Distances to targets already met in one look-up (a target sits in several buckets). */
interface DistanceMemo {
  /** The look-up's number; `at[i]` is the look-up that measured target i. */
  stamp: number;
  at: Uint32Array;
  /** Target i's distance, FAR when it is not one to suggest. */
  d: Uint8Array;
}
const FAR = 255;

function decideUnknown(
  name: string,
  ownFreq: number,
  byKey: Map<string, Target>,
  targets: Targets,
  index: DeletionIndex,
  memo: DistanceMemo,
): Partial<UnitRef> | null {
  // Bare name written in full elsewhere in the list.
  if (!SELF_PREFIXED.test(name)) {
    for (const p of ["县", "县委", "区"]) {
      const t = byKey.get(p + name);
      if (t) return { name: t.name, known: t.known, via: "list" };
    }
  }
  const len = [...name].length;
  const max = len >= TYPO_FOLD.minLengthForSuggestTwo ? TYPO_FOLD.suggestDistance : 1;
  const open = targets.openTo(ownFreq);
  const ownNumberless = name.replace(NUMERALS, "#");
  const stamp = ++memo.stamp;
  const distance = (i: number): number => {
    if (memo.at[i] === stamp) return memo.d[i]!;
    memo.at[i] = stamp;
    // Names that differ only in numbers are different units.
    const far = targets.list[i]!.name === name || index.numberless[i] === ownNumberless;
    return (memo.d[i] = far ? FAR : editDistance(name, index.names[i]!, max));
  };
  // The nearest names, best first, are the first few (in target order) at the smallest distance,
  // then the next distance. Each bucket is in target order: from each, only its first NEAREST
  // names at the distance sought can be among them, so a bucket is left once it has given those.
  const best = new Map<string, { d: number; i: number }>();
  for (let want = 1; want <= max && best.size < NEAREST; want++) {
    for (const list of index.buckets(name, want)) {
      const names: string[] = [];
      for (let j = 0; j < list.length && names.length < NEAREST; j++) {
        const i = list[j]!;
        if (i >= open) break;
        if (distance(i) !== want) continue;
        const n = targets.list[i]!.name;
        if (names.includes(n)) continue;
        names.push(n);
        const b = best.get(n);
        if (!b || want < b.d || (want === b.d && i < b.i)) best.set(n, { d: want, i });
      }
    }
  }
  if (best.size === 0) return null;
  const found = [...best.values()].sort((a, b) => a.d - b.d || a.i - b.i);
  const nearest = found.slice(0, NEAREST).map((f) => targets.list[f.i]!.name);
  const first = found[0]!;
  const top = targets.list[first.i]!;
  const second = found[1];
  const tied = second !== undefined && second.d === first.d && targets.list[second.i]!.rank === top.rank;
  const safe =
    !tied &&
    ((first.d === 1 && len >= TYPO_FOLD.minLengthForOne) ||
      (first.d === 2 && len >= TYPO_FOLD.minLengthForTwo));
  if (safe) return { name: top.name, known: top.known, via: "typo", nearest };
  return { nearest };
}
