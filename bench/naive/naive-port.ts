/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/no-context-sync-in-loop, office-addins/no-navigational-load, office-addins/load-object-before-read --
   This is the deliberately naive baseline: it syncs in loops on purpose, through this.sync(), which the
   static rules cannot follow. */
/**
 * The NAIVE baseline, for comparison only (not part of the product): the same WorkbookPort work done the
 * way an add-in is often first written —
 *   - "per-unit": one `context.sync()` per sheet written and per sheet read;
 *   - "per-cell": one `context.sync()` per cell written and per cell read (each cell of a used range).
 * It talks to the same host (`Excel.run`-shaped function) as the product adapter, so the host counts its
 * syncs and request bytes the same way.
 *
 * Every request is first planned as a list of small operations (`NaiveOp`), then either run against the
 * host or — for per-cell at sizes where that would take too long — only counted (`countOnly`). Counting
 * uses the same plan, so the sync count is exact; the bytes are the planned operations' JSON size, scaled
 * by a factor calibrated on a real run (see bench/scenarios/round-trips.ts).
 */
import type { ApplyResult, WorkbookOverview, WorkbookPort } from "../../src/app/workbook-port";
import type { SheetGrid, SheetInfo } from "../../src/core/workbook/grid";
import type { CellSpec, CellValue, SheetPatch, WorkbookChanges } from "../../src/core/workbook/model";
import { hostInputOf } from "../../src/core/workbook/cell-input";
import { adr, columnLetter, parseAddress } from "../../src/core/workbook/address";
import { STATE_NAMESPACE } from "../../src/core/state/types";

export type NaiveMode = "per-unit" | "per-cell";

/** The shape of `Excel.run` (the simulated host provides one). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** One planned write operation (its JSON size approximates its share of a request). */
export type NaiveOp =
  | { op: "addSheet"; name: string }
  | { op: "renameSheet"; name: string }
  | { op: "cell"; address: string; input: string | number | boolean; numberFormat?: string; style?: object }
  | { op: "merge"; range: string }
  | { op: "columnWidth"; column: number; width: number }
  | { op: "validation"; range: string; list: string[] }
  | { op: "unlock"; range: string }
  | { op: "freeze"; rows: number; columns: number }
  | { op: "protect" }
  | { op: "state"; xml: string };

export interface NaiveCounters {
  syncs: number;
  /** Planned bytes per request (used in countOnly mode; informative otherwise). */
  plannedBytes: number;
  maxPlannedBytes: number;
}

export interface NaivePortOptions {
  mode: NaiveMode;
  /**
   * Do not send one request per planned sync: run each sheet's work in one sync (so the workbook ends up
   * the same) and only count the planned syncs and bytes. For per-cell at large sizes.
   */
  countOnly?: boolean;
}

function planCellOps(cells: Record<string, CellSpec>): NaiveOp[] {
  const ops: NaiveOp[] = [];
  for (const [address, cell] of Object.entries(cells)) {
    const { numberFormat, ...style } = cell.style ?? {};
    ops.push({
      op: "cell",
      address,
      input: hostInputOf(cell),
      ...(numberFormat ? { numberFormat } : {}),
      ...(Object.keys(style).length ? { style } : {}),
    });
  }
  return ops;
}

/** The operations for one sheet patch, in order; the first is the sheet itself. */
export function planPatchOps(patch: SheetPatch): NaiveOp[] {
  const layout = patch.layout;
  const ops: NaiveOp[] = [];
  if (patch.create) ops.push({ op: "addSheet", name: layout.name });
  else if (patch.rename) ops.push({ op: "renameSheet", name: layout.name });
  ops.push(...planCellOps(patch.create ? layout.cells : patch.cells));
  if (patch.create) {
    for (const m of layout.merges) ops.push({ op: "merge", range: m });
    layout.columnWidths.forEach((width, column) => ops.push({ op: "columnWidth", column, width }));
    for (const v of layout.validations) ops.push({ op: "validation", range: v.range, list: v.list });
    for (const r of layout.inputRanges) ops.push({ op: "unlock", range: r });
    if (layout.freeze) ops.push({ op: "freeze", ...layout.freeze });
    if (layout.protection.protect) ops.push({ op: "protect" });
  }
  return ops;
}

/**
 * Requests the naive adapter sends for a set of changes: per-unit = one per sheet (+ one for the state),
 * per-cell = one per operation.
 */
export function planWriteRequests(changes: WorkbookChanges, mode: NaiveMode): NaiveOp[][] {
  const requests: NaiveOp[][] = [];
  for (const patch of changes.patches) {
    const ops = planPatchOps(patch);
    if (mode === "per-unit") requests.push(ops);
    else for (const op of ops) requests.push([op]);
  }
  if (changes.stateXml !== undefined) requests.push([{ op: "state", xml: changes.stateXml }]);
  return requests;
}

export function plannedBytes(request: NaiveOp[]): number {
  return Buffer.byteLength(JSON.stringify(request), "utf8");
}

function applyStyle(range: Excel.Range, style: Record<string, unknown>): void {
  const font = range.format.font;
  if (style.bold !== undefined) font.bold = style.bold as boolean;
  if (style.italic !== undefined) font.italic = style.italic as boolean;
  if (style.fontSize !== undefined) font.size = style.fontSize as number;
  if (style.fontName !== undefined) font.name = style.fontName as string;
  if (style.fontColor !== undefined) font.color = style.fontColor as string;
  if (style.fill !== undefined) range.format.fill.color = style.fill as string;
  if (style.wrap !== undefined) range.format.wrapText = style.wrap as boolean;
}

function queueOp(context: Excel.RequestContext, sheet: Excel.Worksheet, op: NaiveOp): void {
  switch (op.op) {
    case "addSheet":
    case "renameSheet":
    case "state":
      return; // handled by the caller
    case "cell": {
      const range = sheet.getRange(op.address);
      range.formulas = [[op.input]];
      if (op.numberFormat) range.numberFormat = [[op.numberFormat]];
      if (op.style) applyStyle(range, op.style as Record<string, unknown>);
      return;
    }
    case "merge":
      sheet.getRange(op.range).merge(false);
      return;
    case "columnWidth":
      sheet.getRange(`${columnLetter(op.column)}:${columnLetter(op.column)}`).format.columnWidth =
        op.width * 7;
      return;
    case "validation":
      sheet.getRange(op.range).dataValidation.rule = {
        list: { inCellDropDown: true, source: op.list.join(",") },
      };
      return;
    case "unlock":
      sheet.getRange(op.range).format.protection.locked = false;
      return;
    case "freeze":
      sheet.freezePanes.freezeAt(
        sheet.getRange(adr(op.rows - 1 < 0 ? 0 : op.rows - 1, Math.max(0, op.columns - 1))),
      );
      return;
    case "protect":
      sheet.protection.protect();
      return;
  }
  void context;
}

/** A WorkbookPort that syncs per sheet or per cell. `counters` tells what it cost. */
export class NaivePort implements WorkbookPort {
  readonly counters: NaiveCounters = { syncs: 0, plannedBytes: 0, maxPlannedBytes: 0 };
  private readonly mode: NaiveMode;
  private readonly countOnly: boolean;

  constructor(
    private readonly run: ExcelRun,
    options: NaivePortOptions,
  ) {
    this.mode = options.mode;
    this.countOnly = options.countOnly ?? false;
  }

  private count(syncs: number, bytes: number, maxBytes: number): void {
    this.counters.syncs += syncs;
    this.counters.plannedBytes += bytes;
    if (maxBytes > this.counters.maxPlannedBytes) this.counters.maxPlannedBytes = maxBytes;
  }

  private async sync(context: Excel.RequestContext, bytes = 0): Promise<void> {
    await context.sync();
    this.count(1, bytes, bytes);
  }

  /** In countOnly mode: tally `n` planned syncs of `bytesEach` bytes without sending them. */
  private tally(n: number, bytesEach: number): void {
    this.count(n, n * bytesEach, n > 0 ? bytesEach : 0);
  }

  private async readState(context: Excel.RequestContext): Promise<{ xml: string | null; count: number }> {
    const parts = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
    parts.load("items");
    await this.sync(context);
    if (parts.items.length === 0) return { xml: null, count: 0 };
    const xml = parts.items[0].getXml();
    await this.sync(context);
    return { xml: xml.value, count: parts.items.length };
  }

  private async readSheets(context: Excel.RequestContext): Promise<SheetInfo[]> {
    const sheets = context.workbook.worksheets;
    sheets.load("items/id,items/name,items/position,items/visibility");
    await this.sync(context);
    return sheets.items.map((s) => ({
      id: s.id,
      name: s.name,
      position: s.position,
      visible: s.visibility === "Visible",
    }));
  }

  private async readGrid(context: Excel.RequestContext, sheetId: string): Promise<SheetGrid | null> {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetId);
    sheet.load("name,isNullObject");
    const used = sheet.getUsedRangeOrNullObject(true);
    if (this.mode === "per-unit") used.load("address,rowIndex,columnIndex,values,formulas");
    else used.load("address,rowIndex,columnIndex,rowCount,columnCount");
    await this.sync(context);
    if (sheet.isNullObject) return null;
    if (used.isNullObject)
      return { sheetId, name: sheet.name, origin: { row: 0, column: 0 }, values: [], formulas: [] };
    const origin = { row: used.rowIndex, column: used.columnIndex };
    if (this.mode === "per-unit") {
      return {
        sheetId,
        name: sheet.name,
        origin,
        values: used.values as CellValue[][],
        formulas: used.formulas,
      };
    }
    const rows = used.rowCount;
    const cols = used.columnCount;
    if (this.countOnly) {
      // One sync per cell, each loading one cell's values and formulas: count them, then read in one go.
      this.tally(rows * cols, 0);
      used.load("values,formulas");
      await context.sync();
      return {
        sheetId,
        name: sheet.name,
        origin,
        values: used.values as CellValue[][],
        formulas: used.formulas,
      };
    }
    const values: CellValue[][] = [];
    const formulas: CellValue[][] = [];
    for (let r = 0; r < rows; r++) {
      values.push([]);
      formulas.push([]);
      for (let c = 0; c < cols; c++) {
        const cell = used.getCell(r, c);
        cell.load("values,formulas");
        await this.sync(context);
        values[r].push(cell.values[0][0] as CellValue);
        formulas[r].push(cell.formulas[0][0] as CellValue);
      }
    }
    return { sheetId, name: sheet.name, origin, values, formulas };
  }

  async readOverview(gridSheetIds: string[] = []): Promise<WorkbookOverview> {
    return this.run(async (context) => {
      const state = await this.readState(context);
      const sheets = await this.readSheets(context);
      const grids: SheetGrid[] = [];
      for (const id of gridSheetIds) {
        if (!sheets.some((s) => s.id === id)) continue;
        const g = await this.readGrid(context, id);
        if (g) grids.push(g);
      }
      return { stateXml: state.xml, stateXmlCount: state.count, sheets, grids };
    });
  }

  async readGrids(sheetIds: string[]): Promise<SheetGrid[]> {
    return this.run(async (context) => {
      const grids: SheetGrid[] = [];
      for (const id of sheetIds) {
        const g = await this.readGrid(context, id);
        if (g) grids.push(g);
      }
      return grids;
    });
  }

  async applyChanges(changes: WorkbookChanges): Promise<ApplyResult> {
    return this.run(async (context) => {
      const before = this.counters.syncs;
      const sheetIds: Record<string, string> = {};
      for (const patch of changes.patches) {
        const ops = planPatchOps(patch);
        const sheet = patch.create
          ? context.workbook.worksheets.add(patch.layout.name)
          : context.workbook.worksheets.getItem(patch.sheetId as string);
        if (!patch.create && patch.rename) sheet.name = patch.layout.name;
        sheet.load("id");
        if (this.mode === "per-unit" || ops.length === 0) {
          for (const op of ops) queueOp(context, sheet, op);
          await this.sync(context, plannedBytes(ops));
        } else if (this.countOnly) {
          for (const op of ops) {
            queueOp(context, sheet, op);
            this.tally(1, plannedBytes([op]));
          }
          await context.sync();
        } else {
          for (const op of ops) {
            queueOp(context, sheet, op);
            await this.sync(context, plannedBytes([op]));
          }
        }
        sheetIds[patch.layout.key] = sheet.id;
      }
      if (changes.stateXml !== undefined) {
        const old = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
        old.load("items");
        await this.sync(context);
        for (const p of old.items) p.delete();
        context.workbook.customXmlParts.add(changes.stateXml);
        await this.sync(context, plannedBytes([{ op: "state", xml: changes.stateXml }]));
      }
      if (changes.activateKey && sheetIds[changes.activateKey]) {
        context.workbook.worksheets.getItem(sheetIds[changes.activateKey]).activate();
        await this.sync(context);
      }
      return { sheetIds, roundTrips: this.counters.syncs - before };
    });
  }
}

/** Cell count of a used range address such as "Sheet1!A1:G80" (for estimates). */
export function cellsInAddress(address: string): number {
  const a = address.includes("!") ? address.split("!")[1] : address;
  const [s, e] = a.split(":");
  const start = parseAddress(s);
  const end = e ? parseAddress(e) : start;
  return (end.row - start.row + 1) * (end.column - start.column + 1);
}
