/**
 * What a file given as a workbook really is, from its first bytes and (for a zip) its part names:
 * an .xlsx, another Office or OpenDocument file, a password-protected workbook (an encrypted
 * package is a compound file holding EncryptionInfo), an old .xls or .et (a compound file holding
 * a Workbook stream), or something else. Runs in the browser as in Node: bytes in, no I/O.
 */
import { unzipSync } from "fflate";

export type FileKind =
  | "workbook"
  | "encrypted"
  | "legacy-xls"
  | "compound-other"
  | "ods"
  | "docx"
  | "pptx"
  | "zip-other"
  | "xml-spreadsheet"
  | "html"
  | "pdf"
  | "empty"
  | "unknown";

export interface Sniffed {
  kind: FileKind;
  /** For anything but a workbook: what the file is and what to do, for a person. */
  message?: string;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * The stream and storage names of a compound file. Directory entries are 128 bytes and sectors are
 * multiples of 128 bytes, so every entry starts at a multiple of 128: each such place is tried as
 * an entry (name length at byte 64, object type at byte 66) without following the sector chains.
 */
export function compoundFileNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const len = bytes[at + 64]! | (bytes[at + 65]! << 8);
    const type = bytes[at + 66]!;
    if (len < 4 || len > 64 || len % 2 !== 0 || type < 1 || type > 5) continue;
    let name = "";
    let ok = true;
    for (let i = 0; i < len - 2; i += 2) {
      const code = bytes[at + i]! | (bytes[at + i + 1]! << 8);
      if (code === 0) {
        ok = false;
        break;
      }
      name += String.fromCharCode(code);
    }
    if (ok && bytes[at + len - 2] === 0 && bytes[at + len - 1] === 0) names.add(name);
  }
  return names;
}

/** The part names of a zip, read from its directory (nothing is inflated). */
function zipNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

function asciiStart(bytes: Uint8Array, n: number): string {
  let s = "";
  for (let i = 0; i < Math.min(n, bytes.length); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

const SAVE_AS = "Open it in Excel or WPS and save it as an Excel workbook (.xlsx), then run again.";

export function sniffWorkbook(bytes: Uint8Array, file: string): Sniffed {
  if (bytes.length === 0)
    return { kind: "empty", message: `${file} is empty (0 bytes): expected an .xlsx workbook.` };
  if (startsWith(bytes, CFB_MAGIC)) {
    const names = compoundFileNames(bytes);
    if (names.has("EncryptionInfo") || names.has("EncryptedPackage")) {
      return {
        kind: "encrypted",
        message:
          `${file} is protected with a password to open (an encrypted workbook), so it cannot be read. ` +
          `Open it in Excel or WPS, remove the password (File › Info › Protect Workbook › Encrypt with Password, ` +
          `clear it) and save it, or save an unprotected copy, then run again.`,
      };
    }
    if (names.has("Workbook") || names.has("Book")) {
      return {
        kind: "legacy-xls",
        message: `${file} is an old Excel 97–2003 (.xls) or WPS (.et) workbook, whatever its name says. ${SAVE_AS}`,
      };
    }
    return {
      kind: "compound-other",
      message: `${file} is an old-format Office file (a Word .doc or another compound file), not an Excel workbook. ${SAVE_AS}`,
    };
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const names = zipNames(bytes);
    if (!names) {
      return {
        kind: "zip-other",
        message:
          `${file} is not a readable .xlsx workbook: it looks like a zip package but cannot be opened ` +
          `(damaged, or cut short while copying?). Save the workbook again, or copy the original file once more.`,
      };
    }
    const has = (n: string) => names.includes(n);
    if (
      has("[Content_Types].xml") &&
      names.some((n) => /^xl\/workbook\d*\.xml$/.test(n) || n === "xl/workbook.bin")
    )
      return { kind: "workbook" };
    if (has("mimetype") && names.some((n) => n === "content.xml"))
      return {
        kind: "ods",
        message: `${file} is an OpenDocument file (.ods, from LibreOffice or WPS), not an .xlsx workbook. ${SAVE_AS}`,
      };
    if (names.some((n) => n.startsWith("word/")))
      return {
        kind: "docx",
        message: `${file} is a Word document, not an Excel workbook. Give it a .docx name to read its task table, or save the list as .xlsx.`,
      };
    if (names.some((n) => n.startsWith("ppt/")))
      return { kind: "pptx", message: `${file} is a PowerPoint presentation, not an Excel workbook.` };
    const shown = names.filter((n) => !n.endsWith("/")).slice(0, 3);
    return {
      kind: "zip-other",
      message:
        `${file} is a zip archive, not an Excel workbook (it holds ${names.length} entries${shown.length ? `, such as ${shown.join(", ")}` : ""}). ` +
        `If the workbook is inside it, unpack it first and run on the .xlsx.`,
    };
  }
  const head = asciiStart(bytes, 512)
    .replace(/^\ufeff|^\xef\xbb\xbf/, "")
    .trimStart()
    .toLowerCase();
  if (head.startsWith("%pdf"))
    return { kind: "pdf", message: `${file} is a PDF document, not an Excel workbook.` };
  if (head.startsWith("<?xml") && head.includes("excel.sheet"))
    return {
      kind: "xml-spreadsheet",
      message: `${file} is an Excel 2003 XML spreadsheet, not an .xlsx workbook. ${SAVE_AS}`,
    };
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.includes("<table"))
    return {
      kind: "html",
      message: `${file} is a web page (HTML saved with an Excel name), not an .xlsx workbook. ${SAVE_AS}`,
    };
  return {
    kind: "unknown",
    message: `${file} is not a readable .xlsx workbook: an .xlsx file is a zip package, and this file is not one. ${SAVE_AS}`,
  };
}
