import { ErrorCodes, Messages, SimulatedOfficeError, propertyNotLoaded } from "./errors";
import type { SimEventHub } from "./events";
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
  /** Serialisable description (what travels in the request). */
  desc: { o: number; a: string; n?: string; v?: unknown };
  run: () => void;
}

/** Like `Excel.RequestContext`: commands queue on proxies and travel on `sync()`. */
export class SimRequestContext {
  /** @internal */ readonly _host: HostServices;
  /** @internal */ _actions: QueuedAction[] = [];
  /** @internal */ _paths = new Map<ClientObject, number>();
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

  /** @internal Every queued command goes through here: a proxy is usable only while its `Excel.run` runs. */
  _pathId(o: ClientObject): number {
    if (this._openRuns === 0 && !o._tracked) throw invalidObjectPath(o._path);
    let id = this._paths.get(o);
    if (id === undefined) {
      id = this._paths.size + 1;
      this._paths.set(o, id);
    }
    return id;
  }

  /** @internal */
  _requestJson(): string {
    const paths: Record<number, string> = {};
    for (const [o, id] of this._paths) paths[id] = o._path;
    return JSON.stringify({ Actions: this._actions.map((a) => a.desc), ObjectPaths: paths });
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
export abstract class ClientObject {
  /** @internal */ _loaded = new Map<string, unknown>();
  /** @internal */ _isNull: boolean | undefined;
  /** @internal */ readonly _nullable: boolean;
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
   * sync stay applied, as with any failing command.
   */
  _requireApi(version: string, api: string): void {
    if (this.context._host.isSetSupported(version)) return;
    this._queue(
      "Method",
      [],
      () => {
        throw new SimulatedOfficeError(ErrorCodes.apiNotFound, Messages.apiNotFound(api, version), api);
      },
      api,
    );
  }

  /** @internal Queue a command against this object's target. Skipped for null objects. */
  _queue(action: string, args: unknown, run: (target: never) => void, name?: string): void {
    const o = this.context._pathId(this);
    this.context._actions.push({
      desc: name === undefined ? { o, a: action, v: args } : { o, a: action, n: name, v: args },
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
  _invoke<T>(name: string, args: unknown, compute: (target: never) => T): ClientResult<T> {
    const result = new ClientResult<T>();
    const o = this.context._pathId(this);
    this.context._actions.push({
      desc: { o, a: "Method", n: name, v: args },
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

  /** @internal */
  _queueLoad(names: string[]): void {
    const o = this.context._pathId(this);
    this.context._actions.push({
      desc: { o, a: "Query", v: names },
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
