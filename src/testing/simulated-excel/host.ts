import { adr } from "../../core/workbook/address";
import type { CellValue } from "../../core/workbook/model";
import { ClientObject, type HostServices, SimRequestContext } from "./client-object";
import { ErrorCodes, Messages, SimulatedOfficeError } from "./errors";
import { SimEventHub } from "./events";
import type { FormulaEvaluator } from "./evaluator";
import {
  type Box,
  type StoredCell,
  type StoredSheet,
  boxAddress,
  cellKey,
  parseBox,
  parseInput,
  parseKey,
  utf8Length,
} from "./store";
import { SimWorkbook } from "./workbook";
import { WorkbookModel } from "./workbook-model";
import { type SessionView, SimSession, reassignSheetIds } from "./session";

/** Excel on the web's limit for one request and one response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SimulatedExcelOptions {
  /** Sheets of the new workbook (default ["Sheet1"]). */
  sheets?: string[];
  /** Highest ExcelApi requirement set the host supports (default "1.17", Excel 2024). */
  apiVersion?: string;
  /** Formula engine; without one formula cells read as null. */
  evaluator?: FormulaEvaluator;
  /** Request/response limit in bytes (default 5 MB). */
  payloadLimitBytes?: number;
}

export interface SyncRecord {
  /** 1-based number of the sync since the host was made. */
  index: number;
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** The error the sync threw, if any (its code). */
  error?: string;
}

export interface FailOnSyncOptions {
  /** Apply this many queued actions before failing (a sync that throws mid-way). Default 0. */
  afterActions?: number;
}

export type BeforeSyncHook = (host: SimulatedExcelHost, syncIndex: number) => void;

/** `Excel.RunOptions` as far as the simulator honours them. */
export interface SimRunOptions {
  delayForCellEdit?: boolean;
  /** Run on the context of an earlier run (e.g. an event handler's, to remove it). */
  previousObjects?: SimRequestContext | ClientObject | ClientObject[];
}

type RunTarget = SimRunOptions | SimRequestContext | ClientObject | ClientObject[];

export interface CellSnapshot {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  locked?: false;
  format?: StoredCell["format"];
  hyperlink?: StoredCell["hyperlink"];
  validation?: unknown;
}

export interface SheetSnapshot {
  id: string;
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  protected: boolean;
  password: string | null;
  freeze: { rows: number; columns: number };
  merges: string[];
  columnWidths: Record<number, number>;
  hiddenColumns: number[];
  rowHeights: Record<number, number>;
  pageLayout: Record<string, unknown>;
  cells: Record<string, CellSnapshot>;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  parts: { id: string; namespaceUri: string; xml: string }[];
  activeSheetId: string | null;
}

function compareVersion(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * A simulated Excel: `run` behaves like `Excel.run` over an in-memory workbook that enforces what matters
 * for an add-in (load before read, queued writes, sync counting, payload limits, protection, sheet-name
 * rules). Browser-safe: no Node APIs. Host-side helpers (`setCellByUser`, `renameSheet` …) play the people
 * working in the workbook between runs.
 */
export class SimulatedExcelHost {
  readonly model: WorkbookModel;
  readonly apiVersion: string;
  readonly payloadLimitBytes: number;
  readonly syncs: SyncRecord[] = [];
  private failures: { at: number; error: Error; afterActions: number }[] = [];
  private hooks: BeforeSyncHook[] = [];
  private responseBytes = 0;
  /** Handlers of `onActivated`/`onChanged` and their dispatch. */
  readonly events = new SimEventHub();
  /** Set while a person is editing a cell: resolves when they leave cell-edit mode. */
  private cellEdit: { ended: Promise<void>; end: () => void } | null = null;

  constructor(options: SimulatedExcelOptions = {}) {
    this.model = new WorkbookModel(options.evaluator ?? null);
    this.apiVersion = options.apiVersion ?? "1.17";
    this.payloadLimitBytes = options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES;
    for (const name of options.sheets ?? ["Sheet1"]) this.model.addSheet(name);
  }

  // ---- Excel.run ----

  /**
   * Like `Excel.run(batch)`, `Excel.run(options, batch)` and `Excel.run(contextOrObjects, batch)`: pending
   * commands are synced after the batch. A proxy is usable only while a run of its context is going on;
   * `previousObjects` (or a context/object as first argument) runs on that earlier context again.
   * While a cell is being edited, a sync fails with InvalidOperationInCellEditMode unless the run asked
   * for `delayForCellEdit`, which waits until the edit ends (as Office.js documents).
   */
  run<T>(batch: (context: SimRequestContext) => Promise<T>): Promise<T>;
  run<T>(target: RunTarget, batch: (context: SimRequestContext) => Promise<T>): Promise<T>;
  async run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as (context: SimRequestContext) => Promise<T>;
    const target = (typeof a === "function" ? {} : a) as RunTarget;
    return this.runOn(undefined, batch, target);
  }

  /** A run in the workbook (`view` undefined) or in a co-author's session's view of it (session.ts). */
  private async runOn<T>(
    view: SessionView | undefined,
    batch: (context: SimRequestContext) => Promise<T>,
    target: RunTarget = {},
  ): Promise<T> {
    // Office.js starts the batch from a promise continuation, never inside the call to `Excel.run`.
    await Promise.resolve();
    const options: SimRunOptions =
      target instanceof SimRequestContext || target instanceof ClientObject || Array.isArray(target)
        ? { previousObjects: target }
        : target;
    const previous = options.previousObjects;
    const context =
      previous instanceof SimRequestContext
        ? previous
        : previous instanceof ClientObject
          ? previous.context
          : Array.isArray(previous) && previous.length > 0
            ? previous[0].context
            : this.newContext(view);
    const delayBefore = context._delayForCellEdit;
    context._openRuns++;
    // Office.js sets or clears the cell-edit flag of the context at the start of every run.
    context._delayForCellEdit = options.delayForCellEdit === true;
    try {
      const result = await batch(context);
      if (context._actions.length > 0) await context.sync();
      return result;
    } finally {
      context._openRuns--;
      if (context._openRuns > 0) context._delayForCellEdit = delayBefore;
    }
  }

  private newContext(view?: SessionView): SimRequestContext {
    const context = new SimRequestContext(this.services(view));
    context.workbook = new SimWorkbook(context);
    return context;
  }

  /** Shaped like the `Excel` namespace's `run`, for code that is handed `Excel` (office-host, the playground). */
  get excel(): { run: typeof Excel.run } {
    return { run: ((a: never, b?: never) => this.run(a, b as never)) as never };
  }

  // ---- co-authoring and reopening (session.ts) ----

  private sessions: SimSession[] = [];

  /**
   * Another co-author's Excel on this workbook: its own `runner`, working on its own view of the workbook as
   * of its last sync; its changes are merged into the workbook at each of its syncs (see session.ts).
   */
  session(): SimSession {
    const shared = this.model;
    const s = new SimSession(
      shared,
      () => {
        const view = new WorkbookModel(shared.evaluator);
        view.ids = shared.ids;
        return view;
      },
      (view, batch) => this.runOn(view, batch as never),
    );
    this.sessions.push(s);
    return s;
  }

  /**
   * Close the workbook and open it again (another session, another host): content and custom XML parts are
   * kept, every sheet gets a new id — in tab order (`positional`) or never seen before (`fresh`). Sessions
   * opened before end. Returns old id → new id.
   */
  reopen(options: { ids: "positional" | "fresh" }): Map<string, string> {
    for (const s of this.sessions) s.end();
    this.sessions = [];
    return reassignSheetIds(this.model, options.ids);
  }

  /** `run` bound to this host, to inject where `Excel.run` is expected. */
  get runner(): <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> {
    return ((batch: (c: unknown) => Promise<unknown>) => this.run(batch as never)) as never;
  }

  isSetSupported(name: string, version: string): boolean {
    return name === "ExcelApi" && compareVersion(version, this.apiVersion) <= 0;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get maxRequestBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }

  // ---- fault injection ----

  /** Make the n-th sync from now (1 = the next) throw `error` (default: a GeneralException). */
  failOnSync(n: number, error?: Error, options: FailOnSyncOptions = {}): void {
    this.failures.push({
      at: this.syncs.length + n,
      error:
        error ??
        new SimulatedOfficeError(
          ErrorCodes.generalException,
          "There was an internal error while processing the request.",
        ),
      afterActions: options.afterActions ?? 0,
    });
  }

  /** Run `hook` just before each sync's commands reach the workbook (e.g. a remote co-author's edit). */
  beforeSync(hook: BeforeSyncHook): () => void {
    this.hooks.push(hook);
    return () => {
      this.hooks = this.hooks.filter((h) => h !== hook);
    };
  }

  // ---- cell-edit mode ----

  /** A person starts typing in a cell (F2 or a keystroke): Excel refuses or delays add-in requests. */
  enterCellEditMode(): void {
    if (this.cellEdit) return;
    let end = (): void => undefined;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.cellEdit = { ended, end };
  }

  /** The person presses Enter or Esc: delayed requests go on. */
  exitCellEditMode(): void {
    const edit = this.cellEdit;
    this.cellEdit = null;
    edit?.end();
  }

  get inCellEditMode(): boolean {
    return this.cellEdit !== null;
  }

  // ---- events ----

  /** Wait for the event handlers called so far (events reach handlers asynchronously, as in Excel). */
  flushEvents(): Promise<void> {
    return this.events.flush();
  }

  /**
   * Run `change` and raise one `onChanged` per sheet whose cells it changed (the changed cells' bounding
   * range). Nested calls (a co-author's edit inside a sync) raise their own events.
   */
  private raisingChanges<T>(source: "Local" | "Remote", change: () => T): T {
    const changed = new Map<StoredSheet, Box>();
    const outer = this.model.contentObserver;
    this.model.contentObserver = (sheet, box) => {
      const b = changed.get(sheet);
      if (!b) return void changed.set(sheet, { ...box });
      b.top = Math.min(b.top, box.top);
      b.left = Math.min(b.left, box.left);
      b.bottom = Math.max(b.bottom, box.bottom);
      b.right = Math.max(b.right, box.right);
    };
    const activeBefore = this.model.activeSheetId;
    try {
      return change();
    } finally {
      this.model.contentObserver = outer;
      for (const [sheet, box] of changed) {
        if (!this.model.sheets.includes(sheet)) continue;
        this.events.emit("WorksheetChanged", sheet.id, {
          type: "WorksheetChanged",
          worksheetId: sheet.id,
          address: boxAddress(box),
          changeType: "RangeEdited",
          source,
        });
      }
      const active = this.model.activeSheetId;
      if (active !== null && active !== activeBefore)
        this.events.emit("WorksheetActivated", active, { type: "WorksheetActivated", worksheetId: active });
    }
  }

  private services(view?: SessionView): HostServices {
    return {
      model: view?.model ?? this.model,
      events: this.events,
      isSetSupported: (version) => compareVersion(version, this.apiVersion) <= 0,
      countResponse: (value) => {
        this.responseBytes += value === undefined ? 0 : utf8Length(JSON.stringify(value) ?? "");
      },
      executeBatch: (context) => this.executeBatch(context, view),
    };
  }

  private async executeBatch(context: SimRequestContext, view?: SessionView): Promise<void> {
    await Promise.resolve();
    if (this.cellEdit) {
      if (!context._delayForCellEdit) {
        context._actions = [];
        context._paths = new Map();
        throw new SimulatedOfficeError(ErrorCodes.invalidOperationInCellEditMode, Messages.cellEditMode);
      }
      while (this.cellEdit) await this.cellEdit.ended;
    }
    if (view) await view.beforeSync();
    const actions = context._actions;
    const requestBytes = utf8Length(context._requestJson());
    context._actions = [];
    context._paths = new Map();
    const record: SyncRecord = {
      index: this.syncs.length + 1,
      requestBytes,
      responseBytes: 0,
      actions: actions.length,
    };
    this.syncs.push(record);
    const fail = (e: unknown): never => {
      record.error = (e as { code?: string }).code ?? "Error";
      throw e;
    };
    if (requestBytes > this.payloadLimitBytes) {
      fail(
        new SimulatedOfficeError(
          ErrorCodes.requestPayloadSizeLimitExceeded,
          Messages.requestPayloadSizeLimitExceeded,
        ),
      );
    }
    for (const hook of this.hooks) hook(this, record.index);
    const failure = this.failures.find((f) => f.at === record.index);
    this.responseBytes = 0;
    const limit = failure ? Math.min(failure.afterActions, actions.length) : actions.length;
    view?.beforeActions();
    try {
      try {
        this.raisingChanges("Local", () => {
          for (let i = 0; i < limit; i++) actions[i].run();
        });
      } catch (e) {
        fail(e);
      }
      if (failure) fail(failure.error);
      for (const o of context._pending) {
        try {
          o._isNull = o._resolveTarget() === null;
        } catch {
          // An unresolvable required object: it stays unresolved, as its next use will fail.
        }
      }
      context._pending.clear();
    } finally {
      // A session's changes reach the workbook even when the sync failed mid-way (earlier actions stay).
      view?.afterActions();
    }
    record.responseBytes = this.responseBytes;
    if (this.responseBytes > this.payloadLimitBytes) {
      fail(
        new SimulatedOfficeError(
          ErrorCodes.responsePayloadSizeLimitExceeded,
          Messages.responsePayloadSizeLimitExceeded,
        ),
      );
    }
  }

  // ---- people working in the workbook ----

  private sheet(key: string): StoredSheet {
    const s = this.model.findSheet(key);
    if (!s) throw new Error(`No sheet "${key}"`);
    return s;
  }

  /**
   * A person types `input` into a cell (Excel's input rules; refused on a locked cell of a protected sheet)
   * and presses Enter; `source: "Remote"` for a co-author. Raises the sheet's `onChanged`.
   */
  setCellByUser(
    sheetKey: string,
    address: string,
    input: string | number | boolean | null,
    source: "Local" | "Remote" = "Local",
  ): void {
    const s = this.sheet(sheetKey);
    const b = parseBox(address);
    const cell = this.model.peek(s, b.top, b.left);
    if (s.protection.protected && (!cell || cell.locked)) {
      throw new Error(`The cell ${address} on "${s.name}" is protected and therefore read-only.`);
    }
    this.raisingChanges(source, () =>
      this.model.writeInput(s, b.top, b.left, input === null ? "" : input, "User"),
    );
  }

  /** A person clicks a sheet's tab: it becomes active and `onActivated` is raised. */
  activateSheetByUser(sheetKey: string): void {
    const s = this.sheet(sheetKey);
    this.raisingChanges("Local", () => {
      this.model.activeSheetId = s.id;
      this.model.selection = { sheetId: s.id, address: "A1" };
    });
  }

  renameSheet(sheetKey: string, newName: string): void {
    this.model.renameSheet(this.sheet(sheetKey), newName);
  }

  deleteSheet(sheetKey: string): void {
    this.model.deleteSheet(this.sheet(sheetKey));
  }

  addSheet(name: string): string {
    return this.model.addSheet(name).id;
  }

  /** Insert an empty row above the 1-based `rowNumber`, like a person using Insert > Row. */
  insertRow(sheetKey: string, rowNumber: number): void {
    const s = this.sheet(sheetKey);
    if (s.protection.protected && !s.protection.options.allowInsertRows)
      throw new Error(`"${s.name}" is protected.`);
    this.model.insertRow(s, rowNumber - 1);
  }

  protectSheet(sheetKey: string, password?: string, options: Record<string, boolean> = {}): void {
    this.sheet(sheetKey).protection = { protected: true, password: password ?? null, options };
  }

  /** Add a custom XML part as an add-in would (malformed XML → InvalidArgument). */
  addCustomXmlPart(xml: string): string {
    return this.model.addPart(xml).id;
  }

  /** A custom XML part as a damaged file may hold it, XML not checked (see WorkbookModel.addUncheckedPart). */
  addDamagedCustomXmlPart(xml: string): string {
    return this.model.addUncheckedPart(xml).id;
  }

  sheetId(name: string): string {
    return this.sheet(name).id;
  }

  /** A cell as stored: `value` is what `Range.values` reads (computed for formulas when an evaluator is set). */
  cell(sheetKey: string, address: string): CellSnapshot {
    const s = this.sheet(sheetKey);
    const b = parseBox(address);
    const c = this.model.peek(s, b.top, b.left);
    return snapshotCell(c, this.model.valueOf(s, b.top, b.left));
  }

  /** Values of a sheet's used range keyed by address (empty cells left out). */
  values(sheetKey: string): Record<string, CellValue> {
    const s = this.sheet(sheetKey);
    const out: Record<string, CellValue> = {};
    for (const [k, c] of s.cells) {
      if (c.formula === null && (c.value === null || c.value === "")) continue;
      const p = parseKey(k);
      out[adr(p.row, p.column)] = this.model.valueOf(s, p.row, p.column);
    }
    return out;
  }

  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.model.sheets.map((s, i) => {
        const cells: Record<string, CellSnapshot> = {};
        const keys = [...s.cells.keys()].map(parseKey).sort((a, b) => a.row - b.row || a.column - b.column);
        for (const p of keys) {
          const c = s.cells.get(cellKey(p.row, p.column)) as StoredCell;
          cells[adr(p.row, p.column)] = snapshotCell(c, this.model.valueOf(s, p.row, p.column));
        }
        return {
          id: s.id,
          name: s.name,
          position: i,
          visibility: s.visibility,
          tabColor: s.tabColor,
          protected: s.protection.protected,
          password: s.protection.password,
          freeze: { ...s.freeze },
          merges: s.merges.map(boxAddress),
          columnWidths: Object.fromEntries(s.columnWidths),
          hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
          rowHeights: Object.fromEntries(s.rowHeights),
          pageLayout: { ...s.pageLayout },
          cells,
        };
      }),
      parts: this.model.parts.map((p) => ({ id: p.id, namespaceUri: p.namespaceUri, xml: p.xml })),
      activeSheetId: this.model.activeSheetId,
    };
  }
}

function snapshotCell(c: StoredCell | undefined, value: CellValue): CellSnapshot {
  if (!c) return { value: "" };
  const out: CellSnapshot = { value };
  if (c.formula !== null) out.formula = c.formula;
  if (c.numberFormat !== "General") out.numberFormat = c.numberFormat;
  if (!c.locked) out.locked = false;
  if (Object.keys(c.format).length) out.format = { ...c.format };
  if (c.hyperlink) out.hyperlink = { ...c.hyperlink };
  if (c.validation) out.validation = c.validation;
  return out;
}

/** Parse like Excel would on input (exposed for tests of the input rules). */
export { parseInput };
