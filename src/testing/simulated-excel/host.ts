import { adr } from "../../core/workbook/address";
import type { CellValue } from "../../core/workbook/model";
import { type HostServices, SimRequestContext } from "./client-object";
import { ErrorCodes, Messages, SimulatedOfficeError } from "./errors";
import type { FormulaEvaluator } from "./evaluator";
import {
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

/** Excel on the web's limit for one request: "5 MB", read as the smaller 5,000,000 bytes. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/**
 * The limit for one response: also "5 MB" in the docs. Kept at 5 MiB here, as the adapter's reads are sized
 * (reads are not part of the request-size work; whether the service counts 10^6 or 2^20 is not documented).
 */
export const RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SimulatedExcelOptions {
  /** Sheets of the new workbook (default ["Sheet1"]). */
  sheets?: string[];
  /** Highest ExcelApi requirement set the host supports (default "1.17", Excel 2024). */
  apiVersion?: string;
  /** Formula engine; without one formula cells read as null. */
  evaluator?: FormulaEvaluator;
  /** Request limit in bytes (default 5,000,000); also the response limit when that is not given. */
  payloadLimitBytes?: number;
  /** Response limit in bytes (default: `payloadLimitBytes` when given, else 5 MiB). */
  responseLimitBytes?: number;
  /** Keep each sync's request body in `syncs[i].requestJson` (tests comparing it with Office.js's). */
  keepRequestJson?: boolean;
}

export interface SyncRecord {
  /** 1-based number of the sync since the host was made. */
  index: number;
  requestBytes: number;
  /** The request body, when the host was made with `keepRequestJson`. */
  requestJson?: string;
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

export interface CellSnapshot {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  locked?: false;
  format?: StoredCell["format"];
  hyperlink?: StoredCell["hyperlink"];
  validation?: unknown;
  /** The cell style's name, when one other than Normal was applied. */
  style?: string;
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
  readonly responseLimitBytes: number;
  private readonly keepRequestJson: boolean;
  readonly syncs: SyncRecord[] = [];
  private failures: { at: number; error: Error; afterActions: number }[] = [];
  private hooks: BeforeSyncHook[] = [];
  private responseBytes = 0;

  constructor(options: SimulatedExcelOptions = {}) {
    this.model = new WorkbookModel(options.evaluator ?? null);
    this.apiVersion = options.apiVersion ?? "1.17";
    this.payloadLimitBytes = options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES;
    this.responseLimitBytes = options.responseLimitBytes ?? options.payloadLimitBytes ?? RESPONSE_LIMIT_BYTES;
    this.keepRequestJson = options.keepRequestJson ?? false;
    for (const name of options.sheets ?? ["Sheet1"]) this.model.addSheet(name);
  }

  // ---- Excel.run ----

  /** Like `Excel.run(batch)` / `Excel.run(options, batch)`: pending commands are synced after the batch. */
  run<T>(batch: (context: SimRequestContext) => Promise<T>): Promise<T>;
  run<T>(
    options: { delayForCellEdit?: boolean },
    batch: (context: SimRequestContext) => Promise<T>,
  ): Promise<T>;
  async run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as (context: SimRequestContext) => Promise<T>;
    const context = new SimRequestContext(this.services());
    context.workbook = new SimWorkbook(context);
    const result = await batch(context);
    if (context._actions.length > 0) await context.sync();
    return result;
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

  private services(): HostServices {
    return {
      model: this.model,
      requireApi: (version, api) => {
        if (compareVersion(version, this.apiVersion) > 0) {
          throw new SimulatedOfficeError(ErrorCodes.apiNotFound, Messages.apiNotFound(api, version), api);
        }
      },
      isSetSupported: (version) => compareVersion(version, this.apiVersion) <= 0,
      countResponse: (value) => {
        this.responseBytes += value === undefined ? 0 : utf8Length(JSON.stringify(value) ?? "");
      },
      executeBatch: (context) => this.executeBatch(context),
    };
  }

  private async executeBatch(context: SimRequestContext): Promise<void> {
    await Promise.resolve();
    const actions = context._actions;
    const requestJson = context._takeRequestJson();
    const requestBytes = utf8Length(requestJson);
    context._actions = [];
    const record: SyncRecord = {
      index: this.syncs.length + 1,
      requestBytes,
      ...(this.keepRequestJson ? { requestJson } : {}),
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
    context._executing = true;
    try {
      for (let i = 0; i < limit; i++) actions[i].run();
    } catch (e) {
      fail(e);
    } finally {
      context._executing = false;
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
    record.responseBytes = this.responseBytes;
    if (this.responseBytes > this.responseLimitBytes) {
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

  /** A person types `input` into a cell (Excel's input rules; refused on a locked cell of a protected sheet). */
  setCellByUser(sheetKey: string, address: string, input: string | number | boolean | null): void {
    const s = this.sheet(sheetKey);
    const b = parseBox(address);
    const cell = this.model.peek(s, b.top, b.left);
    if (s.protection.protected && (!cell || cell.locked)) {
      throw new Error(`The cell ${address} on "${s.name}" is protected and therefore read-only.`);
    }
    this.model.writeInput(s, b.top, b.left, input === null ? "" : input, "User");
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

  addCustomXmlPart(xml: string): string {
    return this.model.addPart(xml).id;
  }

  sheetId(name: string): string {
    return this.sheet(name).id;
  }

  /** The names of the workbook's cell styles, built-in ones first. */
  styleNames(): string[] {
    return this.model.styles.map((s) => s.name);
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
  if (c.style) out.style = c.style;
  return out;
}

/** Parse like Excel would on input (exposed for tests of the input rules). */
export { parseInput };
