/** CSV (RFC 4180: quotes, doubled quotes, line breaks inside quotes) to a grid of strings. */
import type { Grid } from "./grid";

export function parseCsv(text: string, sheet: string): Grid {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const delimiter = detectDelimiter(text);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { sheet, rows, merges: [] };
}

/** Comma, unless the first line has more tabs or semicolons (exports from some tools). */
function detectDelimiter(text: string): string {
  const first = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"));
  const count = (c: string) => first.split(c).length - 1;
  const candidates: [string, number][] = [
    [",", count(",")],
    ["\t", count("\t")],
    [";", count(";")],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ",";
}
