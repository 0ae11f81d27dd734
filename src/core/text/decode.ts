/**
 * Bytes to text for list files: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (what
 * Chinese Windows Excel and Notepad save as "ANSI"). Binary content is refused.
 */

export class NotTextError extends Error {}

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536));
  if (sample.includes(0)) throw new NotTextError("the file holds binary data (NUL bytes), not text");
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}
