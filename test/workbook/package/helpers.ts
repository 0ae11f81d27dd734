/** Hand-made packages and LibreOffice for the package tests. */
import { execFileSync, spawnSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { writeZip } from "../../../src/workbook/package/zip";

const enc = new TextEncoder();

export function zipOf(parts: Record<string, string | Uint8Array>): Uint8Array {
  return writeZip(
    Object.entries(parts).map(([name, d]) => ({ name, data: typeof d === "string" ? enc.encode(d) : d })),
  );
}

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const RT = `${R}/`;

export const soffice = ["soffice", "libreoffice"].find((cmd) => spawnSync("which", [cmd]).status === 0);
// In CI the tools are installed: a missing one there is a failure, not a skip.
export const describeIfLibreOffice = soffice || process.env.CI ? describe : describe.skip;
if (!soffice)
  console.warn("SKIPPED: LibreOffice is not installed; the LibreOffice package tests did not run.");

/** Convert a file with LibreOffice (to "xlsx" or "pdf"); the converted file's path. */
export function convert(file: string, to: "xlsx" | "pdf", dir: string): string {
  execFileSync(
    soffice ?? "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${dir}/profile`,
      "--convert-to",
      to,
      "--outdir",
      dir,
      file,
    ],
    { stdio: "ignore", timeout: 120_000 },
  );
  return path.join(dir, `${path.basename(file, path.extname(file))}.${to}`);
}

export function writeAndConvert(
  dir: string,
  name: string,
  bytes: string | Uint8Array,
  to: "xlsx" | "pdf",
): Uint8Array {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return new Uint8Array(readFileSync(convert(file, to, dir)));
}

export const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;

/** A workbook as the Open XML SDK writes one: every element prefixed, attributes in single quotes. */
export function sdkWorkbook(): Uint8Array {
  return zipOf({
    "[Content_Types].xml": CT,
    "_rels/.rels": `<Relationships xmlns="${RELS}"><Relationship Id="R0" Type="${RT}officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      `<x:workbook xmlns:x="${MAIN}" xmlns:rel='${R}'><x:workbookPr date1904='1'/><x:sheets>` +
      `<x:sheet name='清单 &amp; &apos;表&apos;' sheetId='1' rel:id='R1'/>` +
      `<x:sheet name="隐藏" sheetId="2" state="hidden" rel:id="R2"/></x:sheets></x:workbook>`,
    "xl/_rels/workbook.xml.rels":
      `<Relationships xmlns="${RELS}"><Relationship Id="R1" Type="${RT}worksheet" Target="worksheets/s1.xml"/>` +
      `<Relationship Id="R2" Type="${RT}worksheet" Target="/xl/worksheets/s2.xml"/>` +
      `<Relationship Id="R3" Type="${RT}sharedStrings" Target="strings.xml"/>` +
      `<Relationship Id="R4" Type="${RT}styles" Target="styles.xml"/></Relationships>`,
    "xl/strings.xml":
      `<x:sst xmlns:x="${MAIN}"><x:si><x:t>纯文本</x:t></x:si>` +
      `<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>富</x:t></x:r><x:r><x:t xml:space="preserve"> 文本</x:t></x:r></x:si>` +
      `<x:si><x:t>县委</x:t><x:rPh sb="0" eb="1"><x:t>xian</x:t></x:rPh></x:si>` +
      `<x:si><x:t>A&amp;B_x000D_C_x005F_x0041_</x:t></x:si></x:sst>`,
    "xl/styles.xml":
      `<x:styleSheet xmlns:x="${MAIN}"><x:numFmts count="2"><x:numFmt numFmtId="164" formatCode='yyyy"年"m"月"d"日"'/>` +
      `<x:numFmt numFmtId="165" formatCode="0.00_);[Red](0.00)"/></x:numFmts>` +
      `<x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="14"/><x:xf numFmtId="165"/></x:cellXfs></x:styleSheet>`,
    "xl/worksheets/s1.xml":
      `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>` +
      `<x:c r="C1" t="inlineStr"><x:is><x:t>铃_x0007_声</x:t></x:is></x:c><x:c r="D1"><x:v>3.5</x:v></x:c>` +
      `<x:c r="E1" t="b"><x:v>1</x:v></x:c><x:c r="F1" t="e"><x:v>#N/A</x:v></x:c>` +
      `<x:c r="G1" t="str"><x:f>A1&amp;"!"</x:f><x:v>纯文本!</x:v></x:c><x:c r="H1" s="1"/></x:row>` +
      // Cells without references (allowed, and some writers omit them), a row without its number.
      `<x:row><x:c s="1"><x:v>45000</x:v></x:c><x:c s="2"><x:v>45000</x:v></x:c><x:c s="3"><x:v>45000</x:v></x:c>` +
      `<x:c t="d"><x:v>2024-07-01T00:00:00Z</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c></x:row>` +
      `</x:sheetData><x:mergeCells count="3"><x:mergeCell ref="A1:B2"/><x:mergeCell ref="G1:XFD1048576"/>` +
      `<x:mergeCell ref="A10:B12"/></x:mergeCells></x:worksheet>`,
    "xl/worksheets/s2.xml": `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
  });
}
