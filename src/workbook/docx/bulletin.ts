/**
 * The bulletin as a Word document, after the look of Chinese official documents (GB/T 9704) as
 * far as a draft goes: A4 with the standard margins, a red masthead, the title in 小标宋, body in
 * 仿宋 三号 (16 pt) on a 28.95 pt grid, level-1 headings in 黑体, level-2 in 楷体, page numbers
 * "— 1 —" in the footer, and real Word tables. Works in the browser and in Node: returns bytes.
 *
 * Fonts: each font is named as offices have it (仿宋_GB2312 …). The font table lists, for Word,
 * the alternatives to try where it is missing (w:altName, comma-separated: 仿宋, FangSong, Noto
 * Serif CJK SC), with the GB2312 character set and the PANOSE class for Word's own substitution.
 * LibreOffice ignores altName and substitutes through fontconfig (on a Linux machine with only the
 * Noto CJK fonts, Noto Sans CJK): a different face, but every glyph drawn — the print test checks.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { BulletinBlock, BulletinDoc, Tone } from "../../core/report/bulletin";

/** The fonts of a Chinese official document, each with the fallbacks the font table names. */
export const FONTS = {
  body: {
    name: "仿宋_GB2312",
    alt: ["仿宋", "FangSong", "Noto Serif CJK SC"],
    family: "roman",
    panose: "02010609030101010101",
  },
  heading1: {
    name: "黑体",
    alt: ["SimHei", "Noto Sans CJK SC"],
    family: "swiss",
    panose: "02010609060101010101",
  },
  heading2: {
    name: "楷体_GB2312",
    alt: ["楷体", "KaiTi", "Noto Serif CJK SC"],
    family: "roman",
    panose: "02010609030101010101",
  },
  title: {
    name: "方正小标宋简体",
    alt: ["华文中宋", "宋体", "SimSun", "Noto Serif CJK SC"],
    family: "roman",
    panose: "02010600030101010101",
  },
  latin: { name: "Times New Roman", alt: [], family: "roman", panose: "02020603050405020304" },
} as const;

type FontRole = keyof typeof FONTS;

const PT = 2; // docx sizes are in half-points
const TWIP = 20; // twentieths of a point
const MM = 56.7; // twips per millimetre

/** GB/T 9704: 三号 body, 二号 title, 22 lines of 28.95 pt on a page. */
const BODY_PT = 16;
const TITLE_PT = 22;
const LINE_TWIPS = Math.round(28.95 * TWIP);
/** Two characters' first-line indent. */
const INDENT = 2 * BODY_PT * TWIP;
/** 四号 in the unit table, 五号 in the annex's wider one. */
const TABLE_PT = { units: 12, annex: 10.5 } as const;

const PAGE = { width: 11906, height: 16838 };
const MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const RED = "C00000";
const TONE_COLOR: Record<Tone, string | undefined> = {
  red: RED,
  yellow: "BF8F00",
  blue: "0070C0",
  none: undefined,
};

function run(
  text: string,
  role: FontRole,
  size: number,
  extra: Partial<ConstructorParameters<typeof TextRun>[0] & object> = {},
) {
  const f = FONTS[role];
  return new TextRun({
    text,
    size: size * PT,
    font: { eastAsia: f.name, ascii: FONTS.latin.name, hAnsi: FONTS.latin.name, cs: f.name },
    language: { eastAsia: "zh-CN" },
    ...extra,
  });
}

const exactLine = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function bodyParagraph(text: string, extra: { highlight?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: exactLine,
    indent: { firstLine: INDENT },
    alignment: AlignmentType.JUSTIFIED,
    children: [run(text, "body", BODY_PT, extra.highlight ? { highlight: "yellow" } : {})],
  });
}

function heading(text: string, level: 1 | 2, tone?: Tone): Paragraph {
  const color = tone ? TONE_COLOR[tone] : undefined;
  return new Paragraph({
    spacing: exactLine,
    indent: { firstLine: INDENT },
    keepNext: true,
    children: [
      ...(color ? [run("■ ", "heading1", BODY_PT, { color })] : []),
      run(text, level === 1 ? "heading1" : "heading2", BODY_PT),
    ],
  });
}

function centred(text: string, role: FontRole, size: number, extra: Record<string, unknown> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: Math.round(size * 1.4 * TWIP), lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
    children: [run(text, role, size, extra)],
  });
}

function masthead(doc: BulletinDoc): Paragraph[] {
  const m = doc.masthead;
  return [
    centred(m.publication, "title", 36, { color: RED }),
    new Paragraph({ spacing: exactLine, children: [] }),
    centred(m.issue, "body", BODY_PT),
    // Office on the left, date on the right, the red rule beneath (版头中的分隔线).
    new Paragraph({
      spacing: { ...exactLine, after: Math.round(LINE_TWIPS / 2) },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 4 } },
      children: [run(m.office, "body", BODY_PT), run(`\t${m.date}`, "body", BODY_PT)],
    }),
    new Paragraph({ spacing: exactLine, children: [] }),
  ];
}

function table(block: Extract<BulletinBlock, { kind: "table" }>): Table {
  const size = TABLE_PT[block.name];
  const total = block.widths.reduce((a, b) => a + b, 0);
  const widths = block.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const cell = (text: string, col: number, header: boolean) =>
    new TableCell({
      width: { size: widths[col]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      children: text.split("\n").map(
        (line) =>
          new Paragraph({
            alignment: header || block.numeric.includes(col) ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: { line: Math.round(size * 1.5 * TWIP), lineRule: LineRuleType.AT_LEAST },
            children: [run(line, header ? "heading1" : "body", size)],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: block.header.map((h, i) => cell(h, i, true)) }),
      ...block.rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) }),
      ),
    ],
  });
}

function render(block: BulletinBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case "heading":
      return [heading(block.text, block.level, block.tone)];
    case "paragraph":
      return [bodyParagraph(block.text)];
    case "list":
      return [
        heading(block.heading, 2, block.tone),
        ...(block.items.length
          ? block.items.map((item, i) => bodyParagraph(block.items.length > 1 ? `${i + 1}. ${item}` : item))
          : [bodyParagraph(block.empty)]),
      ];
    case "table":
      return [table(block), new Paragraph({ spacing: exactLine, children: [] })];
    case "placeholder":
      return [heading(block.heading, 1), ...block.points.map((p) => bodyParagraph(p, { highlight: true }))];
    case "annex":
      return [
        new Paragraph({ spacing: exactLine, children: [run(block.label, "heading1", BODY_PT)] }),
        new Paragraph({ spacing: exactLine, children: [] }),
        centred(block.title, "title", TITLE_PT),
        new Paragraph({ spacing: exactLine, children: [] }),
      ];
    case "pageBreak":
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

function footer(pattern: string): Footer {
  const [before, after] = pattern.split("{page}");
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          run(before ?? "", "body", 14),
          new TextRun({ children: [PageNumber.CURRENT], size: 14 * PT, font: FONTS.latin.name }),
          run(after ?? "", "body", 14),
        ],
      }),
    ],
  });
}

/** The font table: every font the document names, with its alternative and character set. */
export function fontTableXml(): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const fonts = Object.values(FONTS).map((f) => {
    const cjk = f.name !== FONTS.latin.name;
    return (
      `<w:font w:name="${esc(f.name)}">` +
      // ECMA-376 §17.8.3.1: a comma-delimited list of alternative names.
      (f.alt.length ? `<w:altName w:val="${esc(f.alt.join(","))}"/>` : "") +
      `<w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="${cjk ? "86" : "00"}"/>` +
      `<w:family w:val="${f.family}"/>` +
      `<w:pitch w:val="variable"/>` +
      `</w:font>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.join("")}</w:fonts>`
  );
}

export function bulletinDocument(doc: BulletinDoc): Document {
  return new Document({
    title: doc.title,
    creator: doc.masthead.office,
    styles: {
      default: {
        document: {
          run: {
            size: BODY_PT * PT,
            font: { eastAsia: FONTS.body.name, ascii: FONTS.latin.name, hAnsi: FONTS.latin.name },
            language: { value: "en-US", eastAsia: "zh-CN" },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { ...MARGIN, header: Math.round(15 * MM), footer: Math.round(25 * MM) },
          },
        },
        footers: { default: footer(doc.pageNumber) },
        children: [
          ...masthead(doc),
          centred(doc.title, "title", TITLE_PT),
          new Paragraph({ spacing: exactLine, children: [] }),
          ...doc.blocks.flatMap(render),
        ],
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function renderBulletinDocx(doc: BulletinDoc): Promise<Uint8Array> {
  return Packer.pack(bulletinDocument(doc), "uint8array", false, [
    { path: "word/fontTable.xml", data: fontTableXml() },
  ]);
}
