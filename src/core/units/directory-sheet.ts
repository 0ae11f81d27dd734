/**
 * The user's own unit directory (部门名录), read from a sheet or a file: canonical name, aliases,
 * kind (county department / town or street / other).
 */
import { type Grid, cellText } from "../read/grid";
import { ReadError } from "../read/raw";
import { normalizeText, tidy } from "../text/normalize";
import { type DirectoryEntry, parseKind, splitAliases } from "./directory";

/** The sheet name the tool looks for (and writes once, pre-filled, when generating). */
export const DIRECTORY_SHEET = "部门名录";

const NAME_HEADERS = /^(单位名称|部门名称|单位|部门|名称|标准名称|规范名称|canonical|name)$/i;
const ALIAS_HEADERS = /^(别名|简称|其他写法|又称|aliases?)$/i;
const KIND_HEADERS = /^(类型|类别|性质|kind|type)$/i;
const NOTE_HEADERS = /^(备注|说明|note)$/i;
/** Rows the tool pre-filled for units it did not know stay out until the user clears the note. */
const UNCONFIRMED = /^待核对/;

export function readDirectoryGrid(grid: Grid): DirectoryEntry[] {
  const rows = grid.rows.map((r) => r.map((v) => tidy(normalizeText(cellText(v)))));
  let headerRow = -1;
  let nameCol = -1;
  let aliasCol = -1;
  let kindCol = -1;
  let noteCol = -1;
  for (let r = 0; r < Math.min(rows.length, 10) && headerRow < 0; r++) {
    const cells = rows[r] ?? [];
    const n = cells.findIndex((c) => NAME_HEADERS.test(c.replace(/\s/g, "")));
    if (n >= 0) {
      headerRow = r;
      nameCol = n;
      aliasCol = cells.findIndex((c) => ALIAS_HEADERS.test(c.replace(/\s/g, "")));
      kindCol = cells.findIndex((c) => KIND_HEADERS.test(c.replace(/\s/g, "")));
      noteCol = cells.findIndex((c) => NOTE_HEADERS.test(c.replace(/\s/g, "")));
    }
  }
  const hasHeader = headerRow >= 0;
  if (!hasHeader) {
    // No header: first column names, second aliases, third kind.
    nameCol = 0;
    aliasCol = 1;
    kindCol = 2;
  }
  const entries: DirectoryEntry[] = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const name = cells[nameCol] ?? "";
    if (!name || (noteCol >= 0 && UNCONFIRMED.test(cells[noteCol] ?? ""))) continue;
    const aliases = aliasCol >= 0 ? splitAliases(cells[aliasCol] ?? "").filter((a) => a !== name) : [];
    entries.push({
      name,
      aliases,
      kind: parseKind(kindCol >= 0 ? (cells[kindCol] ?? "") : "", name),
      source: "user",
    });
  }
  if (entries.length === 0 && !hasHeader) {
    throw new ReadError("read.noUnitsInDirectory", { sheet: grid.sheet }, grid.sheet);
  }
  return entries;
}
