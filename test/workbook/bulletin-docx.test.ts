/**
 * The bulletin as Word: read back with mammoth it holds every count and every named unit; its
 * parts carry the official-document look (A4, 仿宋 16 pt on 28.95 pt lines, 黑体 / 楷体 headings,
 * 小标宋 title, fallbacks in the font table, page numbers); LibreOffice prints it with the Chinese
 * text in embedded CJK fonts, and page 1 goes to artifacts/ as a PNG.
 */
import { execFileSync } from "child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "fs";
import { unzipSync, strFromU8 } from "fflate";
import mammoth from "mammoth";
import * as path from "path";
import { type BulletinInput, buildBulletin } from "../../src/core/report/bulletin";
import { type Lang, formatDate, translator } from "../../src/i18n";
import { renderBulletinDocx } from "../../src/workbook/docx/bulletin";
import { BULLETIN_INPUT } from "../fixtures/bulletin-input";
import { convertWithLibreOffice, libreOfficeHere, warnIfMissing } from "../helpers/libreoffice";
import { tempDir } from "../helpers/xlsx";

const ARTIFACTS = path.join(__dirname, "..", "..", "artifacts");

async function docxOf(input: BulletinInput): Promise<Uint8Array> {
  const lang: Lang = input.lang;
  return renderBulletinDocx(buildBulletin(input, { t: translator(lang), date: (d) => formatDate(d, lang) }));
}

/** Every unit the bulletin must name: ranked units, lead units of listed tasks, non-reporters. */
function namedUnits(input: BulletinInput): string[] {
  const listed = input.tasks
    .filter((t) => t.state === "overdue" || t.state === "behind")
    .flatMap((t) => t.lead);
  return [
    ...new Set([
      ...input.units.map((u) => u.name),
      ...listed,
      ...input.dueSoon.flatMap((t) => t.lead),
      ...input.notReporting,
    ]),
  ];
}

describe("the bulletin as a Word document", () => {
  let bytes: Uint8Array;
  let text: string;
  let html: string;
  let parts: Record<string, string>;

  beforeAll(async () => {
    bytes = await docxOf(BULLETIN_INPUT);
    const buffer = Buffer.from(bytes);
    text = (await mammoth.extractRawText({ buffer })).value;
    html = (await mammoth.convertToHtml({ buffer })).value;
    const zip = unzipSync(bytes);
    parts = Object.fromEntries(Object.entries(zip).map(([k, v]) => [k, strFromU8(v)]));
  });

  it("holds the masthead, the title and every count of 总体情况", () => {
    for (const s of [
      "重点工作督查通报",
      "第11期",
      "县委督查室",
      "2024年12月3日",
      "关于2024年11月重点工作任务推进情况的通报",
    ])
      expect(text).toContain(s);
    const n = (state: string) => BULLETIN_INPUT.tasks.filter((t) => t.state === state).length;
    expect(text).toContain(`重点工作任务共${BULLETIN_INPUT.tasks.length}项`);
    expect(text).toContain(`已完成${n("done")}项，占27.3%`);
    expect(text).toContain(`按序时推进${n("onTrack")}项，占27.3%`);
    expect(text).toContain(`滞后序时进度${n("behind")}项，占13.6%`);
    expect(text).toContain(`逾期未完成${n("overdue")}项，占13.6%`);
    expect(text).toContain(`未报送进展${n("notReported")}项，占13.6%`);
    expect(text).toContain(`其他在推进${n("inProgress")}项，占4.6%`);
  });

  it("names every unit and every late task with its gap", () => {
    for (const unit of namedUnits(BULLETIN_INPUT)) expect([unit, text.includes(unit)]).toEqual([unit, true]);
    for (const t of BULLETIN_INPUT.tasks.filter((t) => t.state === "overdue"))
      expect(text).toContain(
        `负责的第${t.id}项“${t.title.replace(/“/g, "‘").replace(/”/g, "’")}”，逾期${t.daysOverdue}天`,
      );
    for (const t of BULLETIN_INPUT.tasks.filter((t) => t.state === "behind"))
      expect(text).toContain(`低于序时进度${t.pointsBehind!.toFixed(1)}个百分点`);
    expect(text).toContain("八渡镇、县工商联。");
  });

  it("has the unit ranking and 附件1 as real Word tables, every unit with its counts", () => {
    const tables = html.match(/<table>.*?<\/table>/g) ?? [];
    expect(tables).toHaveLength(2);
    const rows = (t: string) =>
      (t.match(/<tr>.*?<\/tr>/g) ?? []).map((r) =>
        [...r.matchAll(/<t[dh]>(.*?)<\/t[dh]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, "")),
      );
    const units = rows(tables[0]!);
    expect(units[0]).toEqual(["排名", "单位", "牵头任务", "已完成", "滞后", "逾期", "完成率", "较上期"]);
    for (const u of BULLETIN_INPUT.units)
      expect(units).toContainEqual(
        expect.arrayContaining([String(u.rank), u.name, String(u.lead), String(u.done)]),
      );
    const annex = rows(tables[1]!);
    expect(annex).toHaveLength(1 + 6);
    expect(annex).toContainEqual([
      "9",
      "防范化解风险隐患",
      "县民政局",
      "2024年11月18日",
      "逾期12天",
      "排查完成，化解方案待审定",
    ]);
  });

  it("is laid out as an official document: A4, 仿宋 16 pt on 28.95 pt lines, 黑体 / 楷体 / 小标宋", () => {
    const doc = parts["word/document.xml"]!;
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toContain('w:line="579" w:lineRule="exact"');
    expect(parts["word/styles.xml"]).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts[^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/,
    );
    const runsIn = (font: string, words: string) =>
      new RegExp(`w:eastAsia="${font}"[^>]*/>(?:(?!</w:r>).)*<w:t[^>]*>${words}`).test(doc);
    expect(runsIn("黑体", "一、总体情况")).toBe(true);
    expect(runsIn("楷体_GB2312", "（一）逾期未完成任务")).toBe(true);
    expect(runsIn("方正小标宋简体", "关于2024年11月")).toBe(true);
    expect(runsIn("仿宋_GB2312", "截至2024年11月30日")).toBe(true);
    // The font table names the fallbacks a machine without the official fonts uses.
    expect(parts["word/fontTable.xml"]).toContain(
      '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋,FangSong,Noto Serif CJK SC"/>',
    );
    // The page number is a field in the footer.
    const footer = Object.entries(parts).find(([k]) => /^word\/footer\d*\.xml$/.test(k))?.[1] ?? "";
    expect(footer).toMatch(/PAGE/);
  });

  it("comes out in English with --lang en, with the same counts", async () => {
    const en = await docxOf({ ...BULLETIN_INPUT, lang: "en" });
    const t = (await mammoth.extractRawText({ buffer: Buffer.from(en) })).value;
    expect(t).toContain("Issue 11");
    expect(t).toContain("the list holds 22 key tasks: 6 done (27.3%)");
    for (const unit of namedUnits(BULLETIN_INPUT)) expect(t).toContain(unit);
  });

  warnIfMissing("the bulletin print test");
  const itIfLibreOffice = libreOfficeHere ? it : it.skip;

  itIfLibreOffice(
    "prints in LibreOffice with the Chinese text in embedded CJK fonts (page 1 kept as a PNG)",
    () => {
      const dir = tempDir();
      const file = path.join(dir, "bulletin.docx");
      writeFileSync(file, bytes);
      convertWithLibreOffice([file], "pdf", dir);
      const pdf = path.join(dir, "bulletin.pdf");
      const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" })
        .split("\n")
        .slice(2)
        .filter(Boolean);
      // Every font embedded, and a CJK one among them: the text did not fall to a font without glyphs.
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect(f.split(/\s+/).slice(-5, -4)).toEqual(["yes"]);
      expect(fonts.some((f) => /CJK|Song|Hei|Kai|Fang|Ming|WenQuanYi|Droid/i.test(f.split(/\s+/)[0]!))).toBe(
        true,
      );
      // The Chinese comes back out of the PDF: each glyph was drawn from a font that has it.
      const printed = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
      expect(printed).not.toContain("\uFFFD");
      for (const s of [
        "重点工作督查通报",
        "一、总体情况",
        "逾期未完成3项，占13.6%",
        "四、存在问题",
        "附件1",
        ...namedUnits(BULLETIN_INPUT),
      ])
        expect([s, printed.includes(s)]).toEqual([s, true]);
      expect(printed).toContain("—1—");
      mkdirSync(ARTIFACTS, { recursive: true });
      execFileSync("pdftoppm", [
        "-f",
        "1",
        "-l",
        "1",
        "-r",
        "80",
        "-png",
        "-singlefile",
        pdf,
        path.join(dir, "page1"),
      ]);
      copyFileSync(path.join(dir, "page1.png"), path.join(ARTIFACTS, "bulletin-page1.png"));
    },
    180_000,
  );
});
