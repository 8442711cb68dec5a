/* eslint-disable office-addins/call-sync-after-load, office-addins/no-navigational-load --
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
 * Every request is first planned as a list of small operations (`NaiveOp`) and then sent. The same plan
 * lets count-naive.ts count, without sending, what this adapter would send for a recorded piece of work
 * (for sizes where sending one request per cell would take too long); tests and the bench check the two
 * agree where both run.
 */
import type { ApplyResult, WorkbookOverview, WorkbookPort } from "../../src/app/workbook-port";
import type { SheetGrid, SheetInfo } from "../../src/core/workbook/grid";
import type { CellSpec, CellValue, SheetPatch, WorkbookChanges } from "../../src/core/workbook/model";
import { hostInputOf } from "../../src/core/workbook/cell-input";
import { adr, columnLetter } from "../../src/core/workbook/address";
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
  | { op: "protect"; password?: string }
  | { op: "unprotect"; password?: string }
  | { op: "state"; xml: string }
  | { op: "read"; what: string; sheet?: string; address?: string };

export interface NaiveCounters {
  syncs: number;
  /** Sum of the planned requests' JSON sizes (the host counts the real request bytes). */
  plannedBytes: number;
  maxPlannedBytes: number;
}

export interface NaivePortOptions {
  mode: NaiveMode;
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
  const password = layout.protection.password;
  const guarded = layout.protection.protect;
  if (patch.create) ops.push({ op: "addSheet", name: layout.name });
  else if (patch.rename) ops.push({ op: "renameSheet", name: layout.name });
  if (!patch.create && guarded) ops.push({ op: "unprotect", ...(password ? { password } : {}) });
  ops.push(...planCellOps(patch.create ? layout.cells : patch.cells));
  if (patch.create) {
    for (const m of layout.merges) ops.push({ op: "merge", range: m });
    layout.columnWidths.forEach((width, column) => ops.push({ op: "columnWidth", column, width }));
    for (const v of layout.validations) ops.push({ op: "validation", range: v.range, list: v.list });
    for (const r of layout.inputRanges) ops.push({ op: "unlock", range: r });
    if (layout.freeze && (layout.freeze.rows > 0 || layout.freeze.columns > 0))
      ops.push({ op: "freeze", ...layout.freeze });
  }
  if (guarded) ops.push({ op: "protect", ...(password ? { password } : {}) });
  return ops;
}

/**
 * The requests the naive adapter sends for one sheet patch: per-unit = the sheet's operations in one request
 * (split only past the size budget), per-cell = one request per operation. Never zero requests.
 */
export function patchRequests(patch: SheetPatch, mode: NaiveMode): NaiveOp[][] {
  const ops = planPatchOps(patch);
  if (mode === "per-unit" || ops.length === 0) return chunkOps(ops);
  return ops.map((op) => [op]);
}

export function plannedBytes(request: NaiveOp[]): number {
  return Buffer.byteLength(JSON.stringify(request), "utf8");
}

/**
 * Planned bytes per request above which per-unit splits a sheet's writes: the host's request is about
 * 1.5–3.5× the planned JSON, so 1 MB planned keeps every request under Excel's 5 MB limit.
 */
export const NAIVE_CHUNK_PLANNED_BYTES = 1_000_000;

/** One sheet's ops in requests of at most NAIVE_CHUNK_PLANNED_BYTES planned bytes (always ≥ 1 request). */
export function chunkOps(ops: NaiveOp[], budget = NAIVE_CHUNK_PLANNED_BYTES): NaiveOp[][] {
  const out: NaiveOp[][] = [[]];
  let size = 2;
  for (const op of ops) {
    const b = plannedBytes([op]);
    if (size + b > budget && out[out.length - 1].length > 0) {
      out.push([]);
      size = 2;
    }
    out[out.length - 1].push(op);
    size += b + 1;
  }
  return out;
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
      if (op.columns === 0) sheet.freezePanes.freezeRows(op.rows);
      else if (op.rows === 0) sheet.freezePanes.freezeColumns(op.columns);
      else sheet.freezePanes.freezeAt(sheet.getRange(`A1:${adr(op.rows - 1, op.columns - 1)}`));
      return;
    case "protect":
      sheet.protection.protect({ allowFormatColumns: true }, op.password);
      return;
    case "unprotect":
      sheet.protection.unprotect(op.password);
      return;
  }
  void context;
}

/** Planned bytes of the naive reads (shared with the analytic count in count-naive.ts). */
export const READ_BYTES = {
  parts: () => plannedBytes([{ op: "read", what: "customXmlParts" }]),
  xml: () => plannedBytes([{ op: "read", what: "xml" }]),
  sheets: () => plannedBytes([{ op: "read", what: "worksheets" }]),
  usedRange: (sheetId: string) => plannedBytes([{ op: "read", what: "usedRange", sheet: sheetId }]),
  cell: (sheetId: string, row: number, column: number) =>
    plannedBytes([{ op: "read", what: "cell", sheet: sheetId, address: adr(row, column) }]),
  activate: () => plannedBytes([{ op: "read", what: "activate" }]),
};

/** A WorkbookPort that syncs per sheet or per cell. `counters` tells what it cost. */
export class NaivePort implements WorkbookPort {
  readonly counters: NaiveCounters = { syncs: 0, plannedBytes: 0, maxPlannedBytes: 0 };
  private readonly mode: NaiveMode;

  constructor(
    private readonly run: ExcelRun,
    options: NaivePortOptions,
  ) {
    this.mode = options.mode;
  }

  private async sync(context: Excel.RequestContext, bytes: number): Promise<void> {
    await context.sync();
    this.counters.syncs++;
    this.counters.plannedBytes += bytes;
    if (bytes > this.counters.maxPlannedBytes) this.counters.maxPlannedBytes = bytes;
  }

  private async readState(context: Excel.RequestContext): Promise<{ xml: string | null; count: number }> {
    const parts = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
    parts.load("items");
    await this.sync(context, READ_BYTES.parts());
    if (parts.items.length === 0) return { xml: null, count: 0 };
    const xml = parts.items[0].getXml();
    await this.sync(context, READ_BYTES.xml());
    return { xml: xml.value, count: parts.items.length };
  }

  private async readSheets(context: Excel.RequestContext): Promise<SheetInfo[]> {
    const sheets = context.workbook.worksheets;
    sheets.load("items/id,items/name,items/position,items/visibility");
    await this.sync(context, READ_BYTES.sheets());
    return sheets.items.map((s) => ({
      id: s.id,
      name: s.name,
      position: s.position,
      visible: s.visibility === "Visible",
    }));
  }

  private async readGrid(context: Excel.RequestContext, sheetId: string): Promise<SheetGrid | null> {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetId);
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    if (this.mode === "per-unit") used.load("address,rowIndex,columnIndex,values,formulas");
    else used.load("address,rowIndex,columnIndex,rowCount,columnCount");
    await this.sync(context, READ_BYTES.usedRange(sheetId));
    if (sheet.isNullObject) return null;
    if (used.isNullObject) {
      return { sheetId, name: sheet.name, origin: { row: 0, column: 0 }, values: [], formulas: [] };
    }
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
    const values: CellValue[][] = [];
    const formulas: CellValue[][] = [];
    for (let r = 0; r < used.rowCount; r++) {
      values.push([]);
      formulas.push([]);
      for (let c = 0; c < used.columnCount; c++) {
        const cell = used.getCell(r, c);
        cell.load("values,formulas");
        await this.sync(context, READ_BYTES.cell(sheetId, origin.row + r, origin.column + c));
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
      const sheetIds: Record<string, string> = {};
      for (const patch of changes.patches) {
        const sheet = patch.create
          ? context.workbook.worksheets.add(patch.layout.name)
          : context.workbook.worksheets.getItem(patch.sheetId as string);
        if (!patch.create && patch.rename) sheet.name = patch.layout.name;
        sheet.load("id");
        for (const request of patchRequests(patch, this.mode)) {
          for (const op of request) queueOp(context, sheet, op);
          await this.sync(context, plannedBytes(request));
        }
        sheetIds[patch.layout.key] = sheet.id;
      }
      if (changes.stateXml !== undefined) {
        const old = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
        old.load("items");
        await this.sync(context, READ_BYTES.parts());
        for (const p of old.items) p.delete();
        context.workbook.customXmlParts.add(changes.stateXml);
        await this.sync(context, plannedBytes([{ op: "state", xml: changes.stateXml }]));
      }
      if (changes.activateKey && sheetIds[changes.activateKey]) {
        context.workbook.worksheets.getItem(sheetIds[changes.activateKey]).activate();
        await this.sync(context, READ_BYTES.activate());
      }
      // Reported as one round trip, so the use-case takes exactly the path it takes with the product's
      // adapter (it skips optional writes when over its budget): the same work, only the syncs differ.
      // The real count is in `counters` (and in the host's own sync log).
      return { sheetIds, roundTrips: 1 };
    });
  }
}
