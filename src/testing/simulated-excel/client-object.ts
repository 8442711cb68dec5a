import { ErrorCodes, Messages, SimulatedOfficeError, propertyNotLoaded } from "./errors";
import type { SimEventHub } from "./events";
import { type ActionType, WireContext, type WireObject, type WirePath, wirePathOf } from "./wire";
import type { WorkbookModel } from "./workbook-model";

/** What the host gives each request context: the model, requirement sets, events, per-sync accounting. */
export interface HostServices {
  readonly model: WorkbookModel;
  readonly events: SimEventHub;
  isSetSupported(version: string): boolean;
  countResponse(value: unknown): void;
  executeBatch(context: SimRequestContext): Promise<void>;
}

export interface QueuedAction {
  run: () => void;
}

/** Like `Excel.RequestContext`: commands queue on proxies and travel on `sync()`. */
export class SimRequestContext {
  /** @internal */ readonly _host: HostServices;
  /** @internal What runs at sync, in order. */
  _actions: QueuedAction[] = [];
  /** @internal The request as Office.js would send it (wire.ts). */
  readonly _wire = new WireContext();
  /** @internal True while a sync runs: proxies made then (loaded items) come from the response. */
  _executing = false;
  /** @internal */ _pending = new Set<ClientObject>();
  /** @internal `Excel.run` batches running on this context now (proxies are usable only inside one). */
  _openRuns = 0;
  /** @internal The running batch asked to wait for cell-edit mode to end (`RunOptions.delayForCellEdit`). */
  _delayForCellEdit = false;
  /** Objects added here stay usable after their `Excel.run` ends, as in Office.js. */
  readonly trackedObjects = {
    add: (o: ClientObject | ClientObject[]): void => {
      for (const x of Array.isArray(o) ? o : [o]) x._tracked = true;
    },
    remove: (o: ClientObject | ClientObject[]): void => {
      for (const x of Array.isArray(o) ? o : [o]) x._tracked = false;
    },
  };
  // Assigned by the workbook module to avoid an import cycle.
  workbook!: import("./workbook").SimWorkbook;

  constructor(host: HostServices) {
    this._host = host;
  }

  sync(): Promise<void> {
    return this._host.executeBatch(this);
  }

  /** @internal The body of the request queued so far (and a fresh request for the next sync). */
  _takeRequestJson(): string {
    return this._wire.take();
  }
}

/** Office.js's error for a proxy used after its `Excel.run` ended (its object path is no longer valid). */
export function invalidObjectPath(path: string): SimulatedOfficeError {
  return new SimulatedOfficeError(ErrorCodes.invalidObjectPath, Messages.invalidObjectPath(path), path);
}

/** Office.js's error for a proxy of one request context passed to another (thrown when queued). */
export function assertSameContext(context: SimRequestContext, o: ClientObject): void {
  if (o.context !== context)
    throw new SimulatedOfficeError(ErrorCodes.invalidRequestContext, Messages.invalidRequestContext);
}

/** Like `OfficeExtension.ClientResult`: its value exists only after sync. */
export class ClientResult<T> {
  private _has = false;
  private _value: T | undefined;
  get value(): T {
    if (!this._has) throw new SimulatedOfficeError(ErrorCodes.valueNotLoaded, Messages.valueNotLoaded);
    return this._value as T;
  }
  /** @internal */
  _resolve(v: T): void {
    this._has = true;
    this._value = v;
  }
}

type LoadSpec = string | string[] | { select?: string; expand?: string } | undefined;

export function loadPaths(spec: LoadSpec): string[] | null {
  if (spec === undefined) return null;
  let text: string[];
  if (typeof spec === "string") text = spec.split(",");
  else if (Array.isArray(spec)) text = spec.flatMap((s) => s.split(","));
  else text = [...(spec.select ?? "").split(","), ...(spec.expand ?? "").split(",")];
  return text.map((s) => s.trim().replace(/\./g, "/")).filter((s) => s.length > 0);
}

/**
 * Base of every proxy. `_resolveTarget()` finds the real object at execution time (null for a null object,
 * throws ItemNotFound for a missing required one). Properties read before load + sync throw Excel's error.
 */
export abstract class ClientObject implements WireObject {
  /** @internal */ _loaded = new Map<string, unknown>();
  /** @internal */ _isNull: boolean | undefined;
  /** @internal */ readonly _nullable: boolean;
  /** @internal */ _wireId?: number;
  /** @internal Added to `context.trackedObjects`: usable after its run. */
  _tracked = false;

  constructor(
    readonly context: SimRequestContext,
    /** @internal */ readonly _path: string,
    /** @internal */ readonly _parent: ClientObject | null,
    nullable = false,
  ) {
    this._nullable = nullable || (_parent?._nullable ?? false);
    if (this._nullable) context._pending.add(this);
    // Office.js instantiates every proxy where it is created; items read from a response are not.
    if (!context._executing) context._wire.created(this);
  }

  /** @internal How Office.js names this proxy in a request (from its path text, unless set). */
  _wire?: WirePath;
  _wirePath(): WirePath {
    this._wire ??= wirePathOf(this._path, this._parent?._path ?? null);
    return this._wire;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded("isNullObject");
    return this._isNull;
  }

  /** @internal Real target, or null for a null object. */
  abstract _resolveTarget(): unknown;

  /** @internal Names loaded by `load()` without arguments. */
  abstract _scalarNames(): string[];

  /** @internal Read one scalar property from the target. */
  abstract _read(target: unknown, name: string): unknown;

  /** @internal Navigation property (child proxy) by name, for "format/font/bold" load paths. */
  _nav(name: string): ClientObject | undefined {
    void name;
    return undefined;
  }

  /** @internal */
  _get<T>(name: string): T {
    if (!this._loaded.has(name)) throw propertyNotLoaded(name);
    return this._loaded.get(name) as T;
  }

  /**
   * @internal A member above the host's requirement set: Office.js queues the call like any other (its own
   * client-side check is off) and the host refuses it with ApiNotFound at `sync`; earlier commands of that
   * sync stay applied, as with any failing command. Nothing goes on the wire here: the call itself does.
   */
  _requireApi(version: string, api: string): void {
    if (this.context._host.isSetSupported(version)) return;
    this.context._actions.push({
      run: () => {
        throw new SimulatedOfficeError(ErrorCodes.apiNotFound, Messages.apiNotFound(api, version), api);
      },
    });
  }

  /**
   * @internal Put one action on the wire: a set property (4), a method call (3) or a load (2). Every
   * queued command goes through here: a proxy is usable only while its `Excel.run` runs.
   */
  _wireAction(type: ActionType, name: string, args: unknown[], argObjects?: ClientObject[]): void {
    if (this.context._openRuns === 0 && !this._tracked) throw invalidObjectPath(this._path);
    if (type === 2) this.context._wire.action({ type, name: "", target: this, select: args as string[] });
    else this.context._wire.action({ type, name, target: this, args, ...(argObjects ? { argObjects } : {}) });
  }

  /**
   * @internal Queue a command against this object's target (skipped for null objects). `action` is
   * "SetProperty" (`name` in camelCase, `args` the value) or "Method" (`name` as Office.js spells it,
   * `args` the argument list).
   */
  _queue(
    action: "SetProperty" | "Method",
    args: unknown,
    run: (target: never) => void,
    name: string,
    argObjects?: ClientObject[],
  ): void {
    if (action === "SetProperty") this._wireAction(4, name.charAt(0).toUpperCase() + name.slice(1), [args]);
    else this._wireAction(3, name, args as unknown[], argObjects);
    this.context._actions.push({
      run: () => {
        const t = this._resolveTarget();
        this._isNull = t === null;
        if (t !== null) run(t as never);
      },
    });
  }

  /** @internal What runs at sync, with nothing on the wire (the caller puts Office.js's actions there). */
  _queueRun(run: (target: never) => void): void {
    this.context._actions.push({
      run: () => {
        const t = this._resolveTarget();
        this._isNull = t === null;
        if (t !== null) run(t as never);
      },
    });
  }

  /** @internal Property set: local value becomes readable (as in Office.js), the change is queued. */
  _set(name: string, value: unknown, apply: (target: never) => void): void {
    this._loaded.set(name, value);
    this._queue("SetProperty", value, apply, name);
  }

  /** @internal Method returning a value: ClientResult filled at sync. */
  _invoke<T>(name: string, args: unknown[], compute: (target: never) => T): ClientResult<T> {
    const result = new ClientResult<T>();
    this._wireAction(3, name, args);
    this.context._actions.push({
      run: () => {
        const t = this._resolveTarget();
        this._isNull = t === null;
        // What a value-returning method does on a null object is not documented (getXml() of
        // getOnlyItemOrNullObject() was the case in point): the simulator refuses it, so nothing relies on it.
        if (t === null)
          throw new SimulatedOfficeError(
            ErrorCodes.invalidOperation,
            Messages.invalidOperation,
            `${this._path}.${name}`,
          );
        const v = compute(t as never);
        this.context._host.countResponse(v);
        result._resolve(v);
      },
    });
    return result;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    const scalars: string[] = [];
    for (const p of paths ?? this._scalarNames()) {
      const slash = p.indexOf("/");
      if (slash > 0) {
        const child = this._nav(p.slice(0, slash));
        if (!child) throw propertyNotLoaded(p);
        child.load(p.slice(slash + 1));
        continue;
      }
      const child = this._nav(p);
      if (child) child.load();
      else scalars.push(p);
    }
    if (scalars.length || paths === null) this._queueLoad(scalars);
    return this;
  }

  /** @internal A load whose results `run` stores (collections fill their items). */
  _queueQuery(names: string[], run: () => void): void {
    this._wireAction(2, "", names);
    this.context._actions.push({ run });
  }

  /** @internal */
  _queueLoad(names: string[]): void {
    this._wireAction(2, "", names);
    this.context._actions.push({
      run: () => {
        const t = this._resolveTarget();
        this._isNull = t === null;
        for (const n of names) {
          const v = t === null ? null : this._read(t, n);
          this.context._host.countResponse(v);
          this._loaded.set(n, v);
        }
      },
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** Base of the collections (worksheets, styles, custom XML parts): their items once loaded and synced. */
export abstract class SimItemCollection<T> extends ClientObject {
  /** @internal Filled by the subclass's load, when the sync runs. */
  protected _items: T[] | undefined;

  _resolveTarget(): unknown {
    return this.context._host.model;
  }
  _scalarNames(): string[] {
    return [];
  }
  _read(): unknown {
    return null;
  }

  get items(): T[] {
    if (!this._items) throw propertyNotLoaded("items");
    return this._items;
  }
}
