/**
 * Events, as far as the add-in uses them: `worksheets.onActivated` and `worksheet.onChanged` (ExcelApi 1.7).
 * As in Office.js, `add` and `remove` are commands: they take effect at the next `sync` of the proxy's own
 * request context (to remove a handler after its run ended, run a batch on `handlerResult.context`).
 * The host calls handlers asynchronously, after the change that raised the event.
 */
import type { ClientObject, SimRequestContext } from "./client-object";

export type SimEventType = "WorksheetActivated" | "WorksheetChanged";

export interface SimWorksheetActivatedArgs {
  type: "WorksheetActivated";
  worksheetId: string;
}

export interface SimWorksheetChangedArgs {
  type: "WorksheetChanged";
  worksheetId: string;
  /** The changed cells' bounding range, without the sheet name ("D12" or "A1:E9"). */
  address: string;
  changeType: "RangeEdited";
  /** "Local": this Excel (a person or an add-in); "Remote": a co-author. */
  source: "Local" | "Remote";
}

type Handler = (args: never) => unknown;

interface Registration {
  type: SimEventType;
  /** The sheet a worksheet-level event listens to; null for a collection-level event. */
  sheetId: string | null;
  handler: Handler;
}

/** The host's side: handlers registered by a sync, and their asynchronous calls. */
export class SimEventHub {
  private registrations: Registration[] = [];
  private inFlight = new Set<Promise<void>>();

  /** Handlers registered now (a test sees a leak here). */
  get handlerCount(): number {
    return this.registrations.length;
  }

  register(r: Registration): void {
    this.registrations.push(r);
  }

  unregister(type: SimEventType, sheetId: string | null, handler: Handler): void {
    const i = this.registrations.findIndex(
      (r) => r.type === type && r.sheetId === sheetId && r.handler === handler,
    );
    if (i >= 0) this.registrations.splice(i, 1);
  }

  emit(type: SimEventType, sheetId: string, args: SimWorksheetActivatedArgs | SimWorksheetChangedArgs): void {
    for (const r of this.registrations) {
      if (r.type !== type || (r.sheetId !== null && r.sheetId !== sheetId)) continue;
      const call: Promise<void> = Promise.resolve()
        .then(() => r.handler(args as never))
        .then(
          () => undefined,
          () => undefined, // Office.js drops a handler's failure; it never reaches the code that raised the event
        )
        .finally(() => this.inFlight.delete(call));
      this.inFlight.add(call);
    }
  }

  /** Wait until every handler called so far has finished (and those they caused). */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}

/** The event in Office.js's registration call (`Worksheet._RegisterDataChangedEvent()`), for the wire. */
const WIRE_EVENT_NAMES: Record<SimEventType, string> = {
  WorksheetActivated: "Activated",
  WorksheetChanged: "DataChanged",
};

/** Like `OfficeExtension.EventHandlers<T>`: registration goes on the wire as Office.js's method call. */
export class SimEventHandlers<T> {
  constructor(
    private readonly owner: ClientObject,
    private readonly type: SimEventType,
    /** The sheet id of the owner's target, for worksheet-level events. */
    private readonly sheetOf: (target: unknown) => string | null,
  ) {}

  add(handler: (args: T) => Promise<unknown>): SimEventHandlerResult<T> {
    const hub = this.owner.context._host.events;
    this.owner._queue(
      "Method",
      [],
      (target) =>
        hub.register({ type: this.type, sheetId: this.sheetOf(target), handler: handler as Handler }),
      `_Register${WIRE_EVENT_NAMES[this.type]}Event`,
    );
    return new SimEventHandlerResult(this.owner.context, this, handler);
  }

  remove(handler: (args: T) => Promise<unknown>): void {
    const hub = this.owner.context._host.events;
    this.owner._queue(
      "Method",
      [],
      (target) => hub.unregister(this.type, this.sheetOf(target), handler as Handler),
      `_Unregister${WIRE_EVENT_NAMES[this.type]}Event`,
    );
  }
}

/** Like `OfficeExtension.EventHandlerResult<T>`: `remove()` is queued on the registering context. */
export class SimEventHandlerResult<T> {
  constructor(
    readonly context: SimRequestContext,
    private readonly handlers: SimEventHandlers<T>,
    private readonly handler: (args: T) => Promise<unknown>,
  ) {}

  remove(): void {
    this.handlers.remove(this.handler);
  }
}
