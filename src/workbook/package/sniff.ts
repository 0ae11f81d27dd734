/**
 * What a file given as a workbook really is, from its first bytes and (for a zip) its part names:
 * an .xlsx, another Office or OpenDocument file, a password-protected workbook (an encrypted
 * package is a compound file holding EncryptionInfo), an old .xls or .et (a compound file holding
 * a Workbook stream), or something else. Runs in the browser as in Node: bytes in, no I/O.
 */
import { unzipSync } from "fflate";
import { type MessageKey, translator } from "../../i18n";

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
  /** For anything but a workbook: what the file is and what to do, for a person (English). */
  message?: string;
  /** The same as a message key of the tables, for the user's language. */
  key?: MessageKey;
  params?: Record<string, string | number>;
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

const english = translator("en");

/** What the file is, as a message key of the tables (its English as `message`). */
function told(
  kind: FileKind,
  key: MessageKey,
  file: string,
  more: Record<string, string | number> = {},
): Sniffed {
  const params = { file, ...more };
  return { kind, key, params, message: english(key, params) };
}

export function sniffWorkbook(bytes: Uint8Array, file: string): Sniffed {
  if (bytes.length === 0) return told("empty", "sniff.empty", file);
  if (startsWith(bytes, CFB_MAGIC)) {
    const names = compoundFileNames(bytes);
    if (names.has("EncryptionInfo") || names.has("EncryptedPackage")) {
      return told("encrypted", "sniff.encrypted", file);
    }
    if (names.has("Workbook") || names.has("Book")) {
      return told("legacy-xls", "sniff.legacyXls", file);
    }
    return told("compound-other", "sniff.compoundOther", file);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const names = zipNames(bytes);
    if (!names) {
      return told("zip-other", "sniff.zipDamaged", file);
    }
    const has = (n: string) => names.includes(n);
    if (
      has("[Content_Types].xml") &&
      names.some((n) => /^xl\/workbook\d*\.xml$/.test(n) || n === "xl/workbook.bin")
    )
      return { kind: "workbook" };
    if (has("mimetype") && names.some((n) => n === "content.xml")) return told("ods", "sniff.ods", file);
    if (names.some((n) => n.startsWith("word/"))) return told("docx", "sniff.docx", file);
    if (names.some((n) => n.startsWith("ppt/"))) return told("pptx", "sniff.pptx", file);
    const shown = names.filter((n) => !n.endsWith("/")).slice(0, 3);
    return shown.length
      ? told("zip-other", "sniff.zipOther", file, { count: names.length, names: shown.join(", ") })
      : told("zip-other", "sniff.zipEmpty", file, { count: names.length });
  }
  const head = asciiStart(bytes, 512)
    .replace(/^\ufeff|^\xef\xbb\xbf/, "")
    .trimStart()
    .toLowerCase();
  if (head.startsWith("%pdf")) return told("pdf", "sniff.pdf", file);
  if (head.startsWith("<?xml") && head.includes("excel.sheet"))
    return told("xml-spreadsheet", "sniff.xmlSpreadsheet", file);
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.includes("<table"))
    return told("html", "sniff.html", file);
  return told("unknown", "sniff.unknown", file);
}
