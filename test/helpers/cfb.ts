/**
 * A minimal compound file (CFB v3, 512-byte sectors) with the given streams, laid out as the
 * format specifies ([MS-CFB]): header, one FAT sector, one directory sector, then each stream's
 * sectors. Streams are padded to the 4,096-byte cut-off so none needs the mini stream. Enough to
 * stand for an encrypted .xlsx (EncryptionInfo + EncryptedPackage) or an old .xls (Workbook).
 */
const SECTOR = 512;
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FATSECT = 0xfffffffd;

export function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
  const entries = Object.entries(streams).map(([name, data]) => {
    const size = Math.max(4096, Math.ceil(data.length / SECTOR) * SECTOR);
    const padded = new Uint8Array(size);
    padded.set(data);
    return { name, data: padded };
  });
  if (entries.length > 3) throw new Error("compoundFile: at most 3 streams (one directory sector)");
  const dataSectors = entries.reduce((n, e) => n + e.data.length / SECTOR, 0);
  const total = 2 + dataSectors;
  if (total > SECTOR / 4) throw new Error("compoundFile: streams too large for one FAT sector");
  const out = new Uint8Array(SECTOR * (1 + total));
  const view = new DataView(out.buffer);
  // Header.
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(24, 0x003e, true);
  view.setUint16(26, 0x0003, true);
  view.setUint16(28, 0xfffe, true);
  view.setUint16(30, 9, true);
  view.setUint16(32, 6, true);
  view.setUint32(44, 1, true); // FAT sectors
  view.setUint32(48, 1, true); // first directory sector
  view.setUint32(56, 4096, true); // mini stream cut-off
  view.setUint32(60, END, true);
  view.setUint32(68, END, true);
  for (let i = 0; i < 109; i++) view.setUint32(76 + i * 4, i === 0 ? 0 : FREE, true);
  const sectorAt = (s: number) => SECTOR * (1 + s);
  // FAT (sector 0): itself, the directory, then each stream's chain.
  const fat = new Array<number>(SECTOR / 4).fill(FREE);
  fat[0] = FATSECT;
  fat[1] = END;
  let next = 2;
  const starts: number[] = [];
  for (const e of entries) {
    const n = e.data.length / SECTOR;
    starts.push(next);
    for (let k = 0; k < n; k++) fat[next + k] = k === n - 1 ? END : next + k + 1;
    out.set(e.data, sectorAt(next));
    next += n;
  }
  fat.forEach((v, i) => view.setUint32(sectorAt(0) + i * 4, v, true));
  // Directory (sector 1): the root, whose child is the first stream; the others its right siblings.
  const dir = (
    i: number,
    name: string,
    type: number,
    child: number,
    right: number,
    start: number,
    size: number,
  ) => {
    const at = sectorAt(1) + i * 128;
    for (let k = 0; k < name.length; k++) view.setUint16(at + k * 2, name.charCodeAt(k), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    out[at + 66] = type;
    out[at + 67] = 1; // black
    view.setUint32(at + 68, FREE, true); // left sibling
    view.setUint32(at + 72, right, true);
    view.setUint32(at + 76, child, true);
    view.setUint32(at + 116, start, true);
    view.setUint32(at + 120, size, true);
  };
  for (let i = 0; i < 4; i++) {
    const at = sectorAt(1) + i * 128;
    view.setUint32(at + 68, FREE, true);
    view.setUint32(at + 72, FREE, true);
    view.setUint32(at + 76, FREE, true);
  }
  dir(0, "Root Entry", 5, entries.length ? 1 : FREE, FREE, END, 0);
  entries.forEach((e, i) =>
    dir(i + 1, e.name, 2, FREE, i + 1 < entries.length ? i + 2 : FREE, starts[i]!, e.data.length),
  );
  return out;
}
