/**
 * Writing a workbook whose planned sheets were added as frames (apply.ts): ExcelJS writes the
 * workbook — the user's sheets as they were, the frames, styles, defined names — and each frame's
 * cells are then streamed into its part as XML, a block of rows at a time, while the package is
 * deflated to disk by Node's zlib. Memory stays near the size of the user's own sheets, whatever the plan's size.
 */
import ExcelJS from "exceljs";
import { createWriteStream } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { columnLetter } from "../../core/model";
import type { SheetPlan, StyleId } from "../../core/plan/model";
import { PALETTE, paletteRow } from "./apply";
import { SharedStrings, type StyleIndex, dimensionRef, hyperlinksXml, sheetDataXml } from "./sheet-xml";
import { type WriteOptions, writeFileAtomic } from "../write-file";
import { ZipWriter } from "./zip-writer";

/** XML attribute text back to its characters (for sheet names in workbook.xml). */
function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (whole, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(":", "\\:")}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]!) : undefined;
}

interface Package {
  /** Sheet name → its part (xl/worksheets/sheetN.xml). */
  sheets: Map<string, string>;
  /** The shared string table's part. */
  sharedStrings: string | null;
}

const SHARED_STRINGS_TYPE = /\/sharedStrings$/;

async function packageParts(zip: JSZip): Promise<Package> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map<string, string>();
  let sharedStrings: string | null = null;
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, "Id");
    const target = attr(tag, "Target");
    if (!id || !target) continue;
    const part = target.startsWith("/") ? target.slice(1) : path.posix.join("xl", target);
    targets.set(id, part);
    if (SHARED_STRINGS_TYPE.test(attr(tag, "Type") ?? "")) sharedStrings = part;
  }
  const sheets = new Map<string, string>();
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attr(tag, "name");
    const target = targets.get(attr(tag, "r:id") ?? "");
    if (name !== undefined && target) sheets.set(name, target);
  }
  return { sheets, sharedStrings };
}

/** The shared string table with the planned sheets' strings added at its end. */
function* sharedStringsXml(existingXml: string, strings: SharedStrings): Generator<string> {
  const open = /<sst\b[^>]*>/.exec(existingXml);
  const close = existingXml.lastIndexOf("</sst>");
  if (!open || close < 0) throw new Error("internal: the shared string table is not readable");
  const count = Number(attr(open[0], "count") ?? 0) + strings.references;
  const unique = countItems(existingXml) + strings.added.length;
  const tag = open[0]
    .replace(/\s(count|uniqueCount)="[^"]*"/g, "")
    .replace(/>$/, ` count="${count}" uniqueCount="${unique}">`);
  yield existingXml.slice(0, open.index) + tag + existingXml.slice(open.index + open[0].length, close);
  yield* strings.items();
  yield existingXml.slice(close);
}

/** Number of strings in a shared string table. */
function countItems(xml: string): number {
  return xml.match(/<si[\s>/]/g)?.length ?? 0;
}

/** Each plan style's index, read from the frame's palette row. */
function styleIndex(frameXml: string, plan: SheetPlan): StyleIndex {
  const row = paletteRow(plan);
  const index = {} as Record<StyleId, number>;
  PALETTE.forEach((id, i) => {
    const ref = `${columnLetter(i + 1)}${row}`;
    const tag = new RegExp(`<c r="${ref}"[^>]*>`).exec(frameXml)?.[0];
    if (!tag) throw new Error(`internal: the frame of "${plan.name}" has no palette cell ${ref}`);
    index[id] = Number(attr(tag, "s") ?? 0);
  });
  return index;
}

/** Elements that come after <hyperlinks> in a worksheet, in schema order. */
const AFTER_HYPERLINKS =
  /<(printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

/** The frame's XML with its palette replaced by the plan's cells, its links and its range. */
async function* sheetXml(frameXml: string, plan: SheetPlan, strings: SharedStrings): AsyncGenerator<string> {
  const styles = styleIndex(frameXml, plan);
  const dataStart = frameXml.search(/<sheetData\b/);
  const selfClosed = /^<sheetData\s*\/>/.exec(frameXml.slice(dataStart));
  const dataEnd = selfClosed
    ? dataStart + selfClosed[0].length
    : frameXml.indexOf("</sheetData>", dataStart) + "</sheetData>".length;
  if (dataStart < 0 || dataEnd < dataStart)
    throw new Error(`internal: the frame of "${plan.name}" has no sheetData`);
  const head = frameXml
    .slice(0, dataStart)
    .replace(/<dimension ref="[^"]*"\s*\/>/, `<dimension ref="${dimensionRef(plan)}"/>`);
  const tail = frameXml.slice(dataEnd);
  const linksAt = tail.search(AFTER_HYPERLINKS);
  yield head;
  yield* sheetDataXml(plan, styles, strings);
  yield tail.slice(0, linksAt);
  yield* hyperlinksXml(plan);
  yield tail.slice(linksAt);
}

/**
 * Write `wb` to `file` with the cells of `sheets` (whose frames it holds), through write-file.ts:
 * a failure or a kill never leaves half a file, and never touches an existing one.
 */
export async function writeWorkbook(
  wb: ExcelJS.Workbook,
  sheets: readonly SheetPlan[],
  file: string,
  opts: WriteOptions = {},
): Promise<void> {
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const parts = await packageParts(zip);
  const planned = new Map<string, SheetPlan>();
  for (const plan of sheets) {
    const part = parts.sheets.get(plan.name);
    if (!part || !zip.file(part)) throw new Error(`internal: no frame for the planned sheet "${plan.name}"`);
    planned.set(part, plan);
  }
  // Every frame's palette holds a text, so ExcelJS always writes a shared string table.
  const sstPart = parts.sharedStrings;
  const sstFile = sstPart ? zip.file(sstPart) : null;
  if (!sstPart || !sstFile) throw new Error("internal: the workbook has no shared string table");
  const sstXml = await sstFile.async("string");
  const strings = new SharedStrings(countItems(sstXml));
  await writeFileAtomic(
    file,
    async (tmp) => {
      const out = createWriteStream(tmp);
      try {
        const writer = new ZipWriter(out);
        for (const entry of Object.values(zip.files)) {
          if (entry.dir || entry.name === sstPart) continue;
          const plan = planned.get(entry.name);
          await writer.add(
            entry.name,
            plan ? sheetXml(await entry.async("string"), plan, strings) : await entry.async("nodebuffer"),
          );
        }
        // The string table last: the sheets above numbered their texts into it.
        await writer.add(sstPart, sharedStringsXml(sstXml, strings));
        await writer.finish();
      } catch (err) {
        out.destroy();
        throw err;
      }
    },
    opts,
  );
}
