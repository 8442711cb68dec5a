/**
 * Request bodies shaped like Office.js's, so the host counts request bytes as Excel on the web does (the
 * 5 MB limit applies to these bytes). Office.js (excel-web-16.00.debug.js, ClientRequestBase) sends:
 * - one object path per proxy a request touches (`{"Id":5,"ObjectPathType":3,"Name":"GetRange",
 *   "ParentObjectPathId":3,"ArgumentInfo":{"Arguments":["A1"]}}`), and one "Instantiate" action per proxy
 *   created, or used again in a later request (`{"Id":6,"ActionType":1,"Name":"","ObjectPathId":5}`);
 * - one action per property set, method call or load, with the proxy's path id and its arguments;
 * - on the last action that uses a path, that path's id in an "L" list (early dispose).
 * Ids come from one counter per request context, which keeps growing over the context's syncs.
 * test/testing/simulated-excel-wire.test.ts compares these bodies with the real runtime's, byte for byte.
 */

/** ObjectPathType: 1 global (the workbook), 3 method, 4 property, 5 indexer (`getItem`). */
export type PathType = 1 | 3 | 4 | 5;
/** ActionType: 1 instantiate, 2 query (load), 3 method, 4 set property. */
export type ActionType = 1 | 2 | 3 | 4;

/** What Office.js calls a proxy in a request. */
export interface WirePath {
  type: PathType;
  name: string;
  args?: unknown[];
  /** Proxies passed as arguments (`getBoundingRect(range)`): their ids are the arguments. */
  argObjects?: WireObject[];
  /** "D": a proxy Office.js made for itself and drops after the request (`untrack()`). */
  dispose?: boolean;
}

/** A proxy as the wire sees it. */
export interface WireObject {
  readonly _parent: WireObject | null;
  /** Path id, given when the proxy is first used on the wire. */
  _wireId?: number;
  _wirePath(): WirePath;
}

export interface WireAction {
  id: number;
  type: ActionType;
  name: string;
  target: WireObject;
  args?: unknown[];
  select?: string[];
  /** Proxies passed as arguments (`freezeAt(range)`). */
  argObjects?: WireObject[];
}

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * The path of a proxy from the last segment of the simulator's path text: `format` (a property),
 * `getRange("A1")` (a method), `getItem("x")` (an indexer); the workbook has none.
 */
export function wirePathOf(path: string, parentPath: string | null): WirePath {
  if (parentPath === null) return { type: 1, name: "" };
  const segment = path.startsWith(`${parentPath}.`) ? path.slice(parentPath.length + 1) : lastSegment(path);
  const open = segment.indexOf("(");
  if (open < 0) return { type: 4, name: pascal(segment) };
  const name = segment.slice(0, open);
  const args = JSON.parse(`[${segment.slice(open + 1, -1)}]`) as unknown[];
  return name === "getItem" ? { type: 5, name: "", args } : { type: 3, name: pascal(name), args };
}

/** The text after the last dot outside quotes and parentheses. */
function lastSegment(path: string): string {
  let depth = 0;
  let quoted = false;
  for (let i = path.length - 1; i >= 0; i--) {
    const ch = path[i];
    if (ch === '"' && path[i - 1] !== "\\") quoted = !quoted;
    else if (!quoted && ch === ")") depth++;
    else if (!quoted && ch === "(") depth--;
    else if (!quoted && depth === 0 && ch === ".") return path.slice(i + 1);
  }
  return path;
}

/** One request being queued: its actions and the proxies instantiated in it. */
export class WireRequest {
  readonly actions: WireAction[] = [];
  readonly instantiated = new Set<WireObject>();
}

/** The ids of one request context and the request being queued on it. */
export class WireContext {
  private nextId = 0;
  request = new WireRequest();

  private id(): number {
    return ++this.nextId;
  }

  private pathId(o: WireObject): number {
    if (o._wireId === undefined) o._wireId = this.id();
    return o._wireId;
  }

  /** A proxy was created while queueing: its path id, then its Instantiate action (parents first). */
  created(o: WireObject): void {
    this.pathId(o);
    if (o._parent) this.ensureInstantiated(o._parent);
    this.instantiate(o);
  }

  /** An action on `target`: its id first, then any Instantiate it needs (as Office.js orders them). */
  action(a: Omit<WireAction, "id">): void {
    const id = this.id();
    this.ensureInstantiated(a.target);
    for (const o of a.argObjects ?? []) this.ensureInstantiated(o);
    this.request.actions.push({ id, ...a });
  }

  private ensureInstantiated(o: WireObject): void {
    if (this.request.instantiated.has(o)) return;
    this.pathId(o);
    if (o._parent) this.ensureInstantiated(o._parent);
    for (const a of o._wirePath().argObjects ?? []) this.ensureInstantiated(a);
    if (!this.request.instantiated.has(o)) this.instantiate(o);
  }

  private instantiate(o: WireObject): void {
    this.request.instantiated.add(o);
    this.request.actions.push({ id: this.id(), type: 1, name: "", target: o });
  }

  /** The request body, and a fresh request for the next sync. */
  take(): string {
    const body = serialise(this.request);
    this.request = new WireRequest();
    return body;
  }
}

/** JSON of a request as Office.js builds it (buildRequestMessageBodyAndRequestFlags). */
export function serialise(request: WireRequest): string {
  const last = lastUses(request.actions);
  const actions = request.actions.map((a, i) => {
    const out: Record<string, unknown> = {
      Id: a.id,
      ActionType: a.type,
      Name: a.name,
      ObjectPathId: a.target._wireId,
    };
    if (a.type === 2) out.QueryInfo = { Select: a.select ?? [] };
    else if (a.type !== 1) {
      out.ArgumentInfo = a.argObjects?.length
        ? { Arguments: a.args ?? [], ReferencedObjectPathIds: a.argObjects.map((o) => o._wireId) }
        : { Arguments: a.args ?? [] };
    }
    const l = last.get(i);
    if (l) out.L = l.sort((x, y) => x - y);
    return out;
  });
  const paths: Record<number, unknown> = {};
  for (const o of [...request.instantiated].sort((x, y) => x._wireId! - y._wireId!)) {
    const p = o._wirePath();
    const entry: Record<string, unknown> = { Id: o._wireId, ObjectPathType: p.type, Name: p.name };
    if (o._parent) entry.ParentObjectPathId = o._parent._wireId;
    if (p.argObjects?.length) {
      const ids = p.argObjects.map((a) => a._wireId);
      entry.ArgumentInfo = { Arguments: ids, ReferencedObjectPathIds: ids };
    } else if (p.type === 3 || p.type === 5) entry.ArgumentInfo = { Arguments: p.args ?? [] };
    if (p.dispose) entry.D = true;
    paths[o._wireId!] = entry;
  }
  return JSON.stringify({ Actions: actions, ObjectPaths: paths });
}

/** Which path ids each action is the last to use (ClientRequestBase._calculateLastUsedObjectPathIds). */
function lastUses(actions: readonly WireAction[]): Map<number, number[]> {
  const seen = new Set<WireObject>();
  const out = new Map<number, number[]>();
  const walk = (i: number, o: WireObject | null): void => {
    for (let p = o; p && !seen.has(p); p = p._parent) {
      seen.add(p);
      const list = out.get(i);
      if (list) list.push(p._wireId!);
      else out.set(i, [p._wireId!]);
      for (const a of p._wirePath().argObjects ?? []) walk(i, a);
    }
  };
  for (let i = actions.length - 1; i >= 0; i--) {
    walk(i, actions[i].target);
    for (const o of actions[i].argObjects ?? []) walk(i, o);
  }
  return out;
}
