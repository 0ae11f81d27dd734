/**
 * One sync's request as office.js sends it, so the fake can weigh it as Excel does: the JSON body
 * `{ AutoKeepReference, Actions, ObjectPaths }` that `ClientRequest.buildRequestMessageBodyAndRequestFlags`
 * builds (see `@microsoft/office-js`'s `dist/excel-web-16.00.debug.js`).
 *
 * - Every proxy object is an object path: the workbook is the global object (type 1); a property
 *   such as `format` is a property path (4, "Format"); `getRange(a)` a method path (3, "GetRange",
 *   arguments [a]); `getItem(name)` an indexer path (5, arguments [name]).
 * - Every use of an object is an action on its path: a property set (ActionType 4, "ColumnWidth",
 *   arguments [value]), a method call (3, "Merge", [false]), a load (2, with its query).
 * - Before its first action in a request an object path is instantiated (ActionType 1), parents
 *   first, and it and its parents are listed under ObjectPaths.
 *
 * Written from office.js's request format, not from the adapter's estimate of it.
 */

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: 1 | 3 | 4 | 5;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments: unknown[] };
}

export class ObjectPath {
  constructor(
    readonly info: ObjectPathInfo,
    readonly parent: ObjectPath | null,
  ) {}
}

type ActionInfo =
  | { Id: number; ActionType: 1; Name: ""; ObjectPathId: number }
  | { Id: number; ActionType: 2; Name: ""; ObjectPathId: number; QueryInfo: { Select: string[] } }
  | {
      Id: number;
      ActionType: 3 | 4;
      Name: string;
      ObjectPathId: number;
      ArgumentInfo: { Arguments: unknown[] };
    };

const utf8 = new TextEncoder();

/** office.js names members in PascalCase on the wire ("columnWidth" → "ColumnWidth"). */
const wireName = (member: string) => member.charAt(0).toUpperCase() + member.slice(1);

export class RequestBody {
  private nextId = 1;
  private actions: ActionInfo[] = [];
  private paths = new Map<number, ObjectPathInfo>();
  private instantiated = new Set<number>();

  global(): ObjectPath {
    return new ObjectPath({ Id: this.nextId++, ObjectPathType: 1, Name: "" }, null);
  }
  property(parent: ObjectPath, member: string): ObjectPath {
    const info: ObjectPathInfo = {
      Id: this.nextId++,
      ObjectPathType: 4,
      Name: wireName(member),
      ParentObjectPathId: parent.info.Id,
    };
    return new ObjectPath(info, parent);
  }
  indexer(parent: ObjectPath, args: unknown[]): ObjectPath {
    const info: ObjectPathInfo = {
      Id: this.nextId++,
      ObjectPathType: 5,
      Name: "",
      ParentObjectPathId: parent.info.Id,
      ArgumentInfo: { Arguments: args },
    };
    return new ObjectPath(info, parent);
  }
  method(parent: ObjectPath, member: string, args: unknown[]): ObjectPath {
    const info: ObjectPathInfo = {
      Id: this.nextId++,
      ObjectPathType: 3,
      Name: wireName(member),
      ParentObjectPathId: parent.info.Id,
      ArgumentInfo: { Arguments: args },
    };
    return new ObjectPath(info, parent);
  }

  setProperty(target: ObjectPath, member: string, value: unknown): void {
    const id = this.nextId++;
    this.use(target);
    this.actions.push({
      Id: id,
      ActionType: 4,
      Name: wireName(member),
      ObjectPathId: target.info.Id,
      ArgumentInfo: { Arguments: [value] },
    });
  }
  invoke(target: ObjectPath, member: string, args: unknown[]): void {
    const id = this.nextId++;
    this.use(target);
    this.actions.push({
      Id: id,
      ActionType: 3,
      Name: wireName(member),
      ObjectPathId: target.info.Id,
      ArgumentInfo: { Arguments: args },
    });
  }
  /** A load: its select list as office.js parses it ("items/name" → "name"). */
  query(target: ObjectPath, select: string): void {
    const id = this.nextId++;
    this.use(target);
    const names = select
      .split(",")
      .map((p) => p.trim().replace(/^items[/.]/i, ""))
      .filter(Boolean);
    this.actions.push({
      Id: id,
      ActionType: 2,
      Name: "",
      ObjectPathId: target.info.Id,
      QueryInfo: { Select: names },
    });
  }

  /** A proxy object made: office.js instantiates its path at once (parents first). */
  instantiate(path: ObjectPath): void {
    this.use(path);
  }

  /** Instantiate a path (parents first) once per request, and list it with its parents. */
  private use(path: ObjectPath): void {
    if (this.instantiated.has(path.info.Id)) return;
    if (path.parent) this.use(path.parent);
    this.instantiated.add(path.info.Id);
    this.actions.push({ Id: this.nextId++, ActionType: 1, Name: "", ObjectPathId: path.info.Id });
    for (let p: ObjectPath | null = path; p; p = p.parent) this.paths.set(p.info.Id, p.info);
  }

  get isEmpty(): boolean {
    return this.actions.length === 0;
  }

  /** The request body as sent. */
  json(): string {
    return JSON.stringify({
      AutoKeepReference: false,
      Actions: this.actions,
      ObjectPaths: Object.fromEntries(this.paths),
    });
  }

  /** What the body weighs on the wire: its JSON in UTF-8. */
  bytes(): number {
    return utf8.encode(this.json()).length;
  }

  /** A new request for the next sync (ids go on counting, as in one RequestContext). */
  clear(): void {
    this.actions = [];
    this.paths = new Map();
    this.instantiated = new Set();
  }
}
