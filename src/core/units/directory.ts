/**
 * The unit directory: canonical unit names, their aliases and kinds. A built-in table seeded from
 * published alias pairs, overlaid by the user's own directory (部门名录), the user's winning.
 */
import type { UnitKind } from "../model";
import { nameKey } from "../text/normalize";
import { SEEDED_ALIASES } from "./seeded-aliases";
import { STANDARD_UNITS } from "./standard-units";

export interface DirectoryEntry {
  name: string;
  aliases: string[];
  kind: UnitKind;
  source: "builtin" | "user";
}

export class UnitDirectory {
  private readonly byKey = new Map<string, DirectoryEntry>();
  private readonly list: DirectoryEntry[] = [];

  constructor(entries: Iterable<DirectoryEntry>) {
    for (const e of entries) this.add(e);
  }

  /** The built-in directory. */
  static builtin(): UnitDirectory {
    const entries: DirectoryEntry[] = [];
    for (const [name, aliases] of [...SEEDED_ALIASES, ...STANDARD_UNITS]) {
      entries.push({ name, aliases: [...aliases], kind: "department", source: "builtin" });
    }
    return new UnitDirectory(mergeSameName(entries));
  }

  /** A directory with the user's entries on top: a user name or alias replaces a built-in one. */
  withUser(userEntries: readonly DirectoryEntry[]): UnitDirectory {
    if (userEntries.length === 0) return this;
    const users = userEntries.map((u) => ({ ...u, aliases: [...u.aliases] }));
    const owner = new Map<string, DirectoryEntry>();
    for (const u of users) for (const n of [u.name, ...u.aliases]) owner.set(nameKey(n), u);
    const kept: DirectoryEntry[] = [];
    for (const e of this.list) {
      const names = [e.name, ...e.aliases];
      // A built-in unit the user also lists (under any of its names): its other names become
      // aliases of the user's entry, so 县住建局 still finds the user's 县住房和城乡建设局.
      const u = names.map((n) => owner.get(nameKey(n))).find((x) => x !== undefined);
      if (u) {
        for (const n of names) {
          const k = nameKey(n);
          if (!owner.has(k)) {
            u.aliases.push(n);
            owner.set(k, u);
          }
        }
      } else kept.push({ ...e, aliases: e.aliases.filter((a) => !owner.has(nameKey(a))) });
    }
    return new UnitDirectory([...kept, ...users]);
  }

  lookup(text: string): DirectoryEntry | undefined {
    return this.byKey.get(nameKey(text));
  }

  entries(): readonly DirectoryEntry[] {
    return this.list;
  }

  /** User entries only (for coverage checks: units the user expects to see tasks for). */
  userEntries(): DirectoryEntry[] {
    return this.list.filter((e) => e.source === "user");
  }

  private add(e: DirectoryEntry): void {
    this.list.push(e);
    for (const n of [e.name, ...e.aliases]) {
      const k = nameKey(n);
      if (k && !this.byKey.has(k)) this.byKey.set(k, e);
      else if (k && e.source === "user") this.byKey.set(k, e);
    }
  }
}

function mergeSameName(entries: DirectoryEntry[]): DirectoryEntry[] {
  const byName = new Map<string, DirectoryEntry>();
  for (const e of entries) {
    const prev = byName.get(e.name);
    if (prev) {
      for (const a of e.aliases) if (!prev.aliases.includes(a)) prev.aliases.push(a);
    } else byName.set(e.name, { ...e, aliases: [...e.aliases] });
  }
  return [...byName.values()];
}

const KIND_WORDS: Record<string, UnitKind> = {
  department: "department",
  县直部门: "department",
  部门: "department",
  单位: "department",
  town: "town",
  乡镇: "town",
  镇: "town",
  乡镇街道: "town",
  "乡镇（街道）": "town",
  街道: "town",
  other: "other",
  其他: "other",
};

/** Read the kind column of a user directory; unknown words fall back to a guess from the name. */
export function parseKind(text: string, name: string): UnitKind {
  const k = KIND_WORDS[text.trim()];
  return k ?? guessKind(name);
}

export function guessKind(name: string): UnitKind {
  if (/(镇|乡|街道|街道办事处|办事处)$/.test(name) && !/^县/.test(name)) return "town";
  if (/(局|委|办|部|室|院|会|中心|联|社|馆|队|所|站|团县委)$/.test(name)) return "department";
  return "other";
}

/** Split an alias cell: 、，,；; / and line breaks. */
export function splitAliases(text: string): string[] {
  return text
    .split(/[、，,；;/／\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
