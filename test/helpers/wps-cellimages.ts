/**
 * A workbook carrying WPS's in-cell pictures, built by package editing as WPS writes them: a
 * workbook-level part xl/cellimages.xml (etc:cellImages, one etc:cellImage per picture, each an
 * xdr:pic named ID_… whose blip points through xl/_rels/cellimages.xml.rels at an image), the
 * workbook's relationship to it (type http://www.wps.cn/officeDocument/2020/cellImage), its content
 * type (application/vnd.wps-officedocument.cellimage+xml), and cells holding
 * _xlfn.DISPIMG("ID_…",1) formulas with the text WPS caches for other programs.
 */
import { strFromU8, strToU8, zipSync } from "fflate";
import { attrs, readParts, startTags } from "./ooxml";

/** A 1×1 PNG (red). */
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
    "base64",
  ),
);

const IDS = ["ID_7E1F2B3C4D5E4F60A1B2C3D4E5F60718", "ID_0A9B8C7D6E5F4A3B2C1D0E9F8A7B6C5D"];

function cellImagesXml(): string {
  const pics = IDS.map(
    (id, i) =>
      `<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="${id}" descr="现场照片${i + 1}"/>` +
      `<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
      `<xdr:blipFill><a:blip r:embed="rId${i + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1080000" cy="720000"/></a:xfrm>` +
      `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage>`,
  ).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
    `<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    `xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">${pics}</etc:cellImages>`
  );
}

function photoSheetXml(): string {
  const rows = IDS.map(
    (id, i) =>
      `<row r="${i + 2}" ht="60" customHeight="1"><c r="A${i + 2}" t="inlineStr"><is><t>现场照片${i + 1}</t></is></c>` +
      `<c r="B${i + 2}" t="str"><f>_xlfn.DISPIMG("${id}",1)</f><v>=DISPIMG("${id}",1)</v></c></row>`,
  ).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<dimension ref="A1:B3"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c>` +
    `<c r="B1" t="inlineStr"><is><t>照片</t></is></c></row>${rows}</sheetData>` +
    `<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>`
  );
}

/** `bytes` with a sheet 现场照片 of two in-cell pictures, stored the WPS way. */
export function addWpsCellImages(bytes: Uint8Array): Uint8Array {
  const parts = readParts(bytes);
  const out: Record<string, Uint8Array> = Object.fromEntries(parts);
  let workbook = strFromU8(parts.get("xl/workbook.xml")!);
  let rels = strFromU8(parts.get("xl/_rels/workbook.xml.rels")!);
  let types = strFromU8(parts.get("[Content_Types].xml")!);
  const ids = new Set(startTags(rels, "Relationship").map((t) => attrs(t).get("Id")));
  const free = () => {
    let n = 1;
    while (ids.has(`rId${n}`)) n++;
    ids.add(`rId${n}`);
    return `rId${n}`;
  };
  const sheetRel = free();
  const imagesRel = free();
  let n = 1;
  while (parts.has(`xl/worksheets/sheet${n}.xml`)) n++;
  const sheetId =
    Math.max(0, ...startTags(workbook, "sheet").map((t) => Number(attrs(t).get("sheetId")))) + 1;
  workbook = workbook.replace(
    /<\/sheets>/,
    `<sheet name="现场照片" sheetId="${sheetId}" r:id="${sheetRel}"/></sheets>`,
  );
  rels = rels.replace(
    /<\/Relationships>\s*$/,
    `<Relationship Id="${sheetRel}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>` +
      `<Relationship Id="${imagesRel}" Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"/></Relationships>`,
  );
  if (!/Extension="png"/i.test(types))
    types = types.replace(/<Types[^>]*>/, (t) => `${t}<Default Extension="png" ContentType="image/png"/>`);
  types = types.replace(
    /<\/Types>\s*$/,
    `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/></Types>`,
  );
  out["xl/workbook.xml"] = strToU8(workbook);
  out["xl/_rels/workbook.xml.rels"] = strToU8(rels);
  out["[Content_Types].xml"] = strToU8(types);
  out[`xl/worksheets/sheet${n}.xml`] = strToU8(photoSheetXml());
  out["xl/cellimages.xml"] = strToU8(cellImagesXml());
  out["xl/_rels/cellimages.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      IDS.map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/wpsimage${i + 1}.png"/>`,
      ).join("") +
      `</Relationships>`,
  );
  IDS.forEach((_, i) => (out[`xl/media/wpsimage${i + 1}.png`] = PNG));
  return zipSync(out, { level: 1 });
}
