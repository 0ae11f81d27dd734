/**
 * The workbook's shared string table, appended to: every existing item keeps its index, a text
 * already there as a plain item (an earlier run's, or the user's) is used again, and new texts are
 * added at the end. Cells that refer to it are always data, never formulas.
 */
import { stringItemText } from "./sheet-reader";
import { ByteSink } from "./byte-sink";
import { element, elements, rootPrefix, xmlText } from "./xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** An item that is one plain run (no rich text, no phonetic guide): safe to share with a new cell. */
const PLAIN_ITEM = /^<(?:[\w.-]+:)?t(?:\s[^>]*)?>[^<]*<\/(?:[\w.-]+:)?t>$|^<(?:[\w.-]+:)?t\s*\/>$/;

export class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly added: string[] = [];
  private readonly existing: number;
  private references = 0;
  private readonly prefix: string;

  /** `xml`: the workbook's table, or undefined when it has none. */
  constructor(private readonly xml: string | undefined) {
    this.prefix = xml ? rootPrefix(xml) : "";
    let n = 0;
    const re = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
    let m: RegExpExecArray | null;
    while (xml && (m = re.exec(xml))) {
      const body = m[1] ?? "";
      if (PLAIN_ITEM.test(body.trim())) {
        const text = stringItemText(body);
        if (!this.ids.has(text)) this.ids.set(text, n);
      }
      n++;
    }
    this.existing = n;
  }

  /** The index of a text, added at the end when the table has no plain item of it. */
  id(text: string): number {
    this.references++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.existing + this.added.length;
      this.added.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  private readonly bySame: number[] = [];

  /**
   * The index of a text the cells numbered `same` hold (a task's title on every form it is on):
   * looked up once for them all. Measured on a 30,000-task generate: 540,000 of its 770,000
   * look-ups were of such texts; a look-up among 200,000 texts waits on memory, an index into an
   * array of numbers hardly does.
   */
  idOfSame(same: number, text: string): number {
    const known = this.bySame[same];
    if (known === undefined) return (this.bySame[same] = this.id(text));
    this.references++;
    return known;
  }

  /**
   * A text one to a cell (a row's identity): the table's own item when it holds the text (an
   * earlier run's, so running again adds nothing), else appended without entering the index.
   * Measured on a 30,000-task generate: 91,000 identities entered into the index cost more than
   * the other 770,000 texts; looking them up in it (without entering them) costs little.
   */
  add(text: string): number {
    this.references++;
    const known = this.ids.get(text);
    if (known !== undefined) return known;
    this.added.push(text);
    return this.existing + this.added.length - 1;
  }

  /** True when no text was added (the part need not change). */
  unchanged(): boolean {
    return this.added.length === 0;
  }

  /**
   * The table with the new items at its end, as UTF-8 bytes (written into `sink`, which is left
   * empty). Item by item into one buffer: 13.8 MB of items at 30,000 tasks were 58 MB of joined
   * strings before they were encoded.
   */
  bytes(sink = new ByteSink()): Uint8Array {
    const p = this.prefix;
    const base =
      this.xml ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="0" uniqueCount="0"></sst>`;
    let sst = element(base, "sst")!;
    let xml = base;
    if (sst.tag.endsWith("/>")) {
      xml = `${base.slice(0, sst.start)}${sst.tag.slice(0, -2)}></${p}sst>${base.slice(sst.end)}`;
      sst = element(xml, "sst")!;
    }
    const count = Number(/\scount\s*=\s*["'](\d+)["']/.exec(sst.tag)?.[1] ?? elements(xml, "si").length);
    const tag = sst.tag
      .replace(/\s(count|uniqueCount)\s*=\s*(["'])[^"']*\2/g, "")
      .replace(
        /\s*>$/,
        ` count="${count + this.references}" uniqueCount="${this.existing + this.added.length}">`,
      );
    const close = xml.lastIndexOf(`</${p}sst>`);
    sink.text(xml.slice(0, sst.start) + tag + xml.slice(sst.start + sst.tag.length, close));
    const open = `<${p}si><${p}t>`;
    const openKept = `<${p}si><${p}t xml:space="preserve">`;
    const end = `</${p}t></${p}si>`;
    for (const text of this.added) {
      sink.ascii(/^\s|\s$|\n/.test(text) ? openKept : open);
      sink.text(xmlText(text));
      sink.ascii(end);
    }
    sink.text(xml.slice(close));
    return sink.take();
  }
}
