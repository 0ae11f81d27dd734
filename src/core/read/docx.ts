/**
 * .docx attachments: mammoth turns the document into simple HTML; its tables become grids (with
 * merged cells from rowspan/colspan) and its paragraphs become text lines (Word's automatic
 * numbering written out), then the table and text readers do the rest.
 */
import type { Grid, MergedArea } from "./grid";
import { ReadError } from "./raw";

export interface DocxContent {
  tables: Grid[];
  /** Paragraph text, one line each, with list numbering written out. */
  text: string;
}

export async function extractDocx(bytes: Uint8Array, source: string): Promise<DocxContent> {
  let html: string;
  // mammoth and its zip and XML libraries are loaded only when a .docx is read (a third of the
  // task pane's code; a separate chunk there).
  const { default: mammoth } = await import(/* webpackChunkName: "docx" */ "mammoth");
  try {
    // Node's mammoth reads `buffer`, the browser's `arrayBuffer`; both take the bytes as they are.
    // Images are dropped: a task list needs none, and decoding them needs Node's Buffer.
    const input = { buffer: bytes, arrayBuffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
    const result = await mammoth.convertToHtml(input, {
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
    });
    html = result.value;
  } catch (err) {
    throw new ReadError("read.notDocx", {
      source,
      detail: err instanceof Error ? (err.message.split("\n")[0] ?? "") : String(err),
    });
  }
  return htmlToContent(html);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(s: string): string {
  return s.replace(/&(#x?[0-9a-fA-F]+|\w+);/g, (whole, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? whole;
  });
}

/** Mammoth's HTML (p, h1-h6, ol/ul/li, table/tr/td/th, br, strong, em, a) to tables and text. */
export function htmlToContent(html: string): DocxContent {
  const tables: Grid[] = [];
  const lines: string[] = [];
  const tagRe = /<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g;
  const listStack: { ordered: boolean; n: number }[] = [];
  let tableDepth = 0;
  let table: { rows: string[][]; merges: MergedArea[]; occupied: Set<string> } | null = null;
  let rowIdx = 0;
  let colIdx = 0;
  let cell: string | null = null;
  let cellSpan = { rows: 1, cols: 1 };
  let para = "";
  const flushPara = () => {
    const t = para.replace(/\s+/g, " ").trim();
    if (t) lines.push(t);
    para = "";
  };
  for (let m = tagRe.exec(html); m; m = tagRe.exec(html)) {
    if (m[4] !== undefined) {
      const text = decodeEntities(m[4]);
      if (cell !== null) cell += text;
      else para += text;
      continue;
    }
    const closing = m[1] === "/";
    const tag = (m[2] ?? "").toLowerCase();
    const attrs = m[3] ?? "";
    if (tag === "table") {
      if (!closing) {
        tableDepth++;
        if (tableDepth === 1) {
          flushPara();
          table = { rows: [], merges: [], occupied: new Set() };
          rowIdx = 0;
        }
      } else {
        tableDepth--;
        if (tableDepth === 0 && table) {
          // The paragraphs before a table title it ("2025年民生实事项目清单"): its year is the list's.
          const caption = [...lines].reverse().find((l) => l.length <= 80 && /(20\d{2})\s*年/.test(l));
          tables.push({
            sheet: `表${tables.length + 1}`,
            rows: table.rows,
            merges: table.merges,
            ...(caption ? { caption } : {}),
          });
          table = null;
        }
      }
    } else if (table && tableDepth === 1 && tag === "tr") {
      if (!closing) {
        rowIdx++;
        colIdx = 0;
        table.rows[rowIdx - 1] ??= [];
      }
    } else if (table && tableDepth === 1 && (tag === "td" || tag === "th")) {
      if (!closing) {
        colIdx++;
        while (table.occupied.has(`${rowIdx},${colIdx}`)) colIdx++;
        cell = "";
        cellSpan = {
          rows: Number(/rowspan="?(\d+)/.exec(attrs)?.[1] ?? 1),
          cols: Number(/colspan="?(\d+)/.exec(attrs)?.[1] ?? 1),
        };
      } else if (cell !== null) {
        const row = (table.rows[rowIdx - 1] ??= []);
        row[colIdx - 1] = cell
          .replace(/[ \t]+/g, " ")
          .replace(/\n+/g, "\n")
          .trim();
        if (cellSpan.rows > 1 || cellSpan.cols > 1) {
          table.merges.push({
            top: rowIdx,
            left: colIdx,
            bottom: rowIdx + cellSpan.rows - 1,
            right: colIdx + cellSpan.cols - 1,
          });
          for (let r = rowIdx; r < rowIdx + cellSpan.rows; r++) {
            for (let c = colIdx; c < colIdx + cellSpan.cols; c++)
              if (r !== rowIdx || c !== colIdx) table.occupied.add(`${r},${c}`);
          }
        }
        colIdx += cellSpan.cols - 1;
        cell = null;
      }
    } else if (cell !== null) {
      // Paragraphs and breaks inside a cell become line breaks (several units in one cell).
      if ((tag === "p" && closing) || tag === "br") cell += "\n";
    } else if (tag === "ol" || tag === "ul") {
      if (!closing) {
        flushPara();
        listStack.push({ ordered: tag === "ol", n: 0 });
      } else listStack.pop();
    } else if (tag === "li" && !closing) {
      flushPara();
      const top = listStack.at(-1);
      if (top?.ordered) {
        top.n++;
        para = listStack.length === 1 ? `${top.n}.` : `（${top.n}）`;
      }
    } else if (/^(p|h[1-6]|li|br)$/.test(tag) && (closing || tag === "br")) {
      flushPara();
    }
  }
  flushPara();
  return { tables, text: lines.join("\n") };
}
