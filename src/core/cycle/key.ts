/**
 * A task's key: a short fingerprint of its id and title, written into every return-form row so a
 * returned row finds its task however the unit sorted, deleted or re-saved the rows.
 */

/** FNV-1a over UTF-16 code units, as 8 hex digits: stable across runs and hosts. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

const squash = (s: string) => s.replace(/\s+/g, "");

export function taskKey(task: { id: string; title: string }): string {
  return fingerprint(`${squash(task.id)}\u0000${squash(task.title)}`);
}

/** A ledger's identity, from what names the list (kept in the settings once made). */
export function ledgerIdFor(title: string | null, year: number, firstTitles: readonly string[]): string {
  return `L${fingerprint([title ?? "", String(year), ...firstTitles.slice(0, 5)].join("\u0000"))}`;
}
