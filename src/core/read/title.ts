/** A task's title and detail from one text: the title runs to the first full stop. */

/** Split an item body into title (up to the first full stop) and detail. */
export function splitTitle(body: string): { title: string; detail: string } {
  const m = /^(.{1,80}?)[。；;!！?？]\s*(.*)$/s.exec(body);
  if (m?.[1]) return { title: m[1].trim(), detail: (m[2] ?? "").trim() };
  return { title: body.trim(), detail: "" };
}
