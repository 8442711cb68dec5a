/**
 * Request bytes counted the way Office.js builds a request, before anything is sent: the adapter's own
 * queueing code (queue-commands.ts) runs against a stand-in request context that records what Office.js
 * would put on the wire, and the bytes are summed as the calls arrive. Office.js (excel-web-16.00.debug.js,
 * ClientRequestBase) sends, per request:
 * - one object path per proxy (`{"Id":5,"ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":3,
 *   "ArgumentInfo":{"Arguments":["A1"]}}`) and one Instantiate action per proxy created, or used again in a
 *   later request (`{"Id":6,"ActionType":1,"Name":"","ObjectPathId":5}`);
 * - one action per property set, method call or load;
 * - each path id once more, in the "L" list of the last action that uses it.
 * Ids come from one counter per context and keep growing over its requests, so their digits are counted as
 * they will be. test/excel/office-js-wire.test.ts replays the planned requests through the real runtime.
 */
import { utf8Length } from "./estimate-size";

type Kind =
  | "Workbook"
  | "WorksheetCollection"
  | "Worksheet"
  | "Range"
  | "RangeAreas"
  | "RangeFormat"
  | "RangeFont"
  | "RangeFill"
  | "RangeBorderCollection"
  | "RangeBorder"
  | "FormatProtection"
  | "DataValidation"
  | "WorksheetProtection"
  | "FreezePanes"
  | "PageLayout"
  | "HeaderFooterGroup"
  | "HeaderFooter"
  | "Application"
  | "CustomXmlPartCollection"
  | "CustomXmlPart"
  | "StyleCollection"
  | "Style";

/** Navigation properties (a property path) and methods returning an object (a method or indexer path). */
interface Shape {
  nav?: Partial<Record<string, Kind>>;
  methods?: Partial<Record<string, [Kind, "method" | "indexer"]>>;
  /** Declared parameter count of void methods whose trailing arguments may be left out (sent as null). */
  arity?: Partial<Record<string, number>>;
}

const SHAPES: Record<Kind, Shape> = {
  Workbook: {
    nav: {
      worksheets: "WorksheetCollection",
      customXmlParts: "CustomXmlPartCollection",
      application: "Application",
      styles: "StyleCollection",
    },
  },
  WorksheetCollection: {
    methods: {
      getItem: ["Worksheet", "indexer"],
      getItemOrNullObject: ["Worksheet", "method"],
      add: ["Worksheet", "method"],
    },
  },
  Worksheet: {
    nav: { protection: "WorksheetProtection", freezePanes: "FreezePanes", pageLayout: "PageLayout" },
    methods: {
      getRange: ["Range", "method"],
      getRanges: ["RangeAreas", "method"],
      getUsedRange: ["Range", "method"],
      getUsedRangeOrNullObject: ["Range", "method"],
    },
  },
  Range: { nav: { format: "RangeFormat", dataValidation: "DataValidation" }, arity: { merge: 1, clear: 1 } },
  RangeAreas: { nav: { format: "RangeFormat" } },
  RangeFormat: {
    nav: {
      font: "RangeFont",
      fill: "RangeFill",
      borders: "RangeBorderCollection",
      protection: "FormatProtection",
    },
  },
  RangeFont: {},
  RangeFill: {},
  RangeBorderCollection: { methods: { getItem: ["RangeBorder", "indexer"] } },
  RangeBorder: {},
  FormatProtection: {},
  DataValidation: {},
  WorksheetProtection: { arity: { protect: 2, unprotect: 1 } },
  FreezePanes: {},
  PageLayout: { nav: { headersFooters: "HeaderFooterGroup" } },
  HeaderFooterGroup: { nav: { defaultForAllPages: "HeaderFooter" } },
  HeaderFooter: {},
  Application: {},
  CustomXmlPartCollection: {
    methods: {
      getByNamespace: ["CustomXmlPartCollection", "method"],
      getOnlyItemOrNullObject: ["CustomXmlPart", "method"],
      getItem: ["CustomXmlPart", "indexer"],
      getItemOrNullObject: ["CustomXmlPart", "method"],
      add: ["CustomXmlPart", "method"],
    },
  },
  CustomXmlPart: {},
  StyleCollection: { methods: { getItem: ["Style", "indexer"] } },
  Style: { nav: { font: "RangeFont", fill: "RangeFill", borders: "RangeBorderCollection" } },
};

/** One proxy of the stand-in context. */
class Node {
  id: number;
  /** The last request this proxy was instantiated in. */
  instantiatedIn = -1;
  /** The action that last used this path in the current request (its "L" list holds the id). */
  lastUse: ActionRecord | null = null;
  readonly navCache = new Map<string, Node>();
  /** Bytes of this path's entry in ObjectPaths besides its id (`"5":{"Id":5,…}` minus the two ids). */
  readonly entryBytes: number;

  constructor(
    readonly kind: Kind,
    readonly parent: Node | null,
    id: number,
    type: 1 | 3 | 4 | 5,
    name: string,
    argsJson: string | null,
    /** Proxies passed as arguments (`getBoundingRect(range)`), and "D" (dropped after the request). */
    readonly argNodes: Node[] = [],
    dispose = false,
  ) {
    this.id = id;
    // {"Id":,"ObjectPathType":t,"Name":"n"[,"ParentObjectPathId":p][,"ArgumentInfo":{…}][,"D":true]}
    let b = `{"Id":,"ObjectPathType":${type},"Name":${JSON.stringify(name)}}`.length + 3; // + `"":`
    if (type !== 1) b += `,"ParentObjectPathId":`.length; // parent id digits are added when it is written
    if (argNodes.length) {
      const ids = JSON.stringify(argNodes.map((n) => n.id));
      b += `,"ArgumentInfo":{"Arguments":${ids},"ReferencedObjectPathIds":${ids}}`.length;
    } else if (argsJson !== null) b += `,"ArgumentInfo":{"Arguments":}`.length + utf8Length(argsJson);
    if (dispose) b += `,"D":true`.length;
    this.entryBytes = b;
  }
}

interface ActionRecord {
  /** How many path ids its "L" list holds. */
  l: number;
}

const digits = (n: number): number => String(n).length;

/**
 * A stand-in for `Excel.RequestContext` that measures requests. `context` is passed where the adapter's
 * queueing code expects a context; `bytes` is the size of the request queued since `begin()`.
 */
export class RequestSizer {
  private nextId = 0;
  private requestNo = 0;
  private _bytes = 0;
  private actions = 0;
  private paths = 0;
  readonly context: Excel.RequestContext;
  private readonly root: Node;

  constructor() {
    this.root = new Node("Workbook", null, ++this.nextId, 1, "", null);
    this.begin();
    this.instantiate(this.root);
    this.context = { workbook: this.proxy(this.root) } as unknown as Excel.RequestContext;
  }

  /** Bytes of the request queued since `begin()`. */
  get bytes(): number {
    return this._bytes;
  }

  /** Start a new request (ids go on growing; proxies of earlier requests are instantiated again). */
  begin(): void {
    this.requestNo++;
    this._bytes = `{"Actions":[],"ObjectPaths":{}}`.length;
    this.actions = 0;
    this.paths = 0;
  }

  /** Where the context stands, to go back to with `restart`. */
  mark(): { bytes: number; nextId: number } {
    return { bytes: this._bytes, nextId: this.nextId };
  }

  /** Drop what was queued after `mark` and start a new request (the dropped calls will be queued there). */
  restart(mark: { nextId: number }): void {
    this.nextId = mark.nextId;
    this.begin();
  }

  private node(
    kind: Kind,
    parent: Node,
    type: 3 | 4 | 5,
    name: string,
    args: unknown[] | null,
    argNodes: Node[] = [],
    dispose = false,
  ): Node {
    const json = args === null ? null : JSON.stringify(args);
    const n = new Node(kind, parent, ++this.nextId, type, name, json, argNodes, dispose);
    this.ensureInstantiated(parent);
    for (const a of argNodes) this.ensureInstantiated(a);
    this.instantiate(n);
    return n;
  }

  private ensureInstantiated(n: Node): void {
    if (n.instantiatedIn === this.requestNo) return;
    if (n.parent) this.ensureInstantiated(n.parent);
    for (const a of n.argNodes) this.ensureInstantiated(a);
    this.instantiate(n);
  }

  /** Its path entry and its Instantiate action (whose "L" list then holds the path and its parents). */
  private instantiate(n: Node): void {
    n.instantiatedIn = this.requestNo;
    n.lastUse = null;
    this.paths++;
    this._bytes += n.entryBytes + 2 * digits(n.id) + (n.parent ? digits(n.parent.id) : 0);
    if (this.paths > 1) this._bytes += 1;
    const id = ++this.nextId;
    this.addAction(`{"Id":${id},"ActionType":1,"Name":"","ObjectPathId":${n.id}}`.length, [n]);
  }

  /** An action of `json` bytes (without its "L" list) using these paths (and their parents). */
  private addAction(json: number, uses: Node[]): void {
    this.actions++;
    this._bytes += json + (this.actions > 1 ? 1 : 0);
    const record: ActionRecord = { l: 0 };
    const walk = (start: Node): void => {
      for (let p: Node | null = start; p && p.lastUse !== record; p = p.parent) {
        const before = p.lastUse;
        if (before) {
          before.l--;
          this._bytes -= digits(p.id) + 1 + (before.l === 0 ? 6 : 0); // `,"L":[` … `]`
        }
        record.l++;
        this._bytes += digits(p.id) + 1 + (record.l === 1 ? 6 : 0);
        p.lastUse = record;
        for (const a of p.argNodes) walk(a);
      }
    };
    for (const start of uses) walk(start);
  }

  /** A set property (4), method call (3) or load (2) on `target`. */
  private act(target: Node, type: 2 | 3 | 4, name: string, payload: string, argNodes: Node[]): void {
    const id = ++this.nextId; // the action's id comes before any Instantiate it needs, as in Office.js
    this.ensureInstantiated(target);
    for (const a of argNodes) this.ensureInstantiated(a);
    const head = `{"Id":${id},"ActionType":${type},"Name":${JSON.stringify(name)},"ObjectPathId":${target.id},`;
    this.addAction(head.length + utf8Length(payload) + 1, [target, ...argNodes]);
  }

  /** The stand-in proxy of `node`: navigation, object-returning methods, sets, void methods, loads. */
  private proxy(node: Node): unknown {
    const shape = SHAPES[node.kind];
    const sizer = this;
    const handler: ProxyHandler<object> = {
      get(_t, prop) {
        if (prop === NODE) return node;
        if (typeof prop !== "string" || prop === "then" || prop === "toJSON") return undefined;
        const navKind = shape.nav?.[prop];
        if (navKind) {
          let child = node.navCache.get(prop);
          if (!child) {
            child = sizer.node(navKind, node, 4, pascal(prop), null);
            node.navCache.set(prop, child);
          }
          return sizer.proxy(child);
        }
        if (prop === "load") return (spec?: string | string[]) => sizer.load(node, spec);
        const method = shape.methods?.[prop];
        if (method)
          return (...args: unknown[]) =>
            sizer.proxy(
              method[1] === "indexer"
                ? sizer.node(method[0], node, 5, "", args)
                : sizer.node(method[0], node, 3, pascal(prop), args),
            );
        return (...args: unknown[]) => sizer.call(node, pascal(prop), args, shape.arity?.[prop]);
      },
      set(_t, prop, value) {
        if (typeof prop !== "string") return false;
        if (node.kind === "Range" && BULK.has(prop) && sizer.setInBulk(node, pascal(prop), value))
          return true;
        sizer.act(node, 4, pascal(prop), `"ArgumentInfo":{"Arguments":${JSON.stringify([value])}}`, []);
        return true;
      },
    };
    return new Proxy({}, handler);
  }

  /**
   * Office.js sends a 2D set of more than 1,500 cells in row chunks (setRangePropertiesInBulk):
   * `_ValidateArraySize(rows, columns)`, then per round(1500 / columns) rows a
   * `getRow(first).getBoundingRect(getRow(last))` range (three paths marked "D") that gets the slice.
   */
  private setInBulk(node: Node, name: string, value: unknown): boolean {
    if (!Array.isArray(value) || value.length === 0 || !Array.isArray(value[0])) return false;
    const columns = (value[0] as unknown[]).length;
    if (value.length * columns <= 1500) return false;
    this.act(node, 3, "_ValidateArraySize", `"ArgumentInfo":{"Arguments":[${value.length},${columns}]}`, []);
    const chunk = Math.max(1, Math.round(1500 / columns));
    for (let start = 0; start < value.length; start += chunk) {
      const end = Math.min(start + chunk, value.length) - 1;
      const first = this.node("Range", node, 3, "GetRow", [start], [], true);
      const last = this.node("Range", node, 3, "GetRow", [end], [], true);
      const rect = this.node("Range", first, 3, "GetBoundingRect", null, [last], true);
      const slice = JSON.stringify([value.slice(start, end + 1)]);
      this.act(rect, 4, name, `"ArgumentInfo":{"Arguments":${slice}}`, []);
    }
    return true;
  }

  private call(node: Node, name: string, args: unknown[], arity = args.length): void {
    const full = [...args];
    while (full.length < arity) full.push(null);
    const argNodes: Node[] = [];
    const values = full.map((a) => {
      const n = nodeOf(a);
      if (!n) return a;
      argNodes.push(n);
      return n.id;
    });
    const refs = argNodes.length
      ? `,"ReferencedObjectPathIds":${JSON.stringify(argNodes.map((n) => n.id))}`
      : "";
    this.act(node, 3, name, `"ArgumentInfo":{"Arguments":${JSON.stringify(values)}${refs}}`, argNodes);
  }

  private load(node: Node, spec?: string | string[]): unknown {
    const names = (Array.isArray(spec) ? spec.join(",") : (spec ?? ""))
      .split(",")
      .map((s) => s.trim().replace(/^items\//, ""))
      .filter((s) => s.length > 0);
    this.act(node, 2, "", `"QueryInfo":{"Select":${JSON.stringify(names)}}`, []);
    return this.proxy(node);
  }
}

/** Range properties Office.js sends in row chunks when they are large 2D arrays. */
const BULK = new Set(["values", "formulas", "numberFormat"]);

const NODE = Symbol("request-size node");
const nodeOf = (v: unknown): Node | null =>
  typeof v === "object" && v !== null && (v as Record<symbol, unknown>)[NODE] instanceof Node
    ? ((v as Record<symbol, unknown>)[NODE] as Node)
    : null;

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
