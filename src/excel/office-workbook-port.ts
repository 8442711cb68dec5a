/**
 * The WorkbookPort over Office.js. Reads queue every load and sync once; writes queue every command and
 * sync once. Both split into several syncs only when one request or response would pass Excel's 5 MB
 * limit: writes by their request size as Office.js builds it (request-size.ts), reads by the sizes measured
 * on earlier reads and the used-range dimensions loaded with the overview; when Excel still refuses one,
 * a write request is split in two and sent again, a read asks for half as many sheets.
 * The only `Excel.run` of the add-in is the default `run` argument; tests inject the simulated host's.
 */
import type { ApplyResult, WorkbookOverview, WorkbookPort } from "../app/workbook-port";
import type { HostError } from "../core/errors";
import { STATE_NAMESPACE } from "../core/state/types";
import type { SheetGrid, SheetInfo } from "../core/workbook/grid";
import type { CellValue, WorkbookChanges, WriteConflict } from "../core/workbook/model";
import { adr, parseRange } from "../core/workbook/address";
import {
  AVERAGE_MARGIN,
  GRID_OVERHEAD_BYTES,
  type SheetSize,
  UNREAD_BYTES_PER_CELL,
  UNSEEN_SHEET_BYTES,
  cellsOf,
  estimateGridBytes,
  gridResponseBytes,
  utf8Length,
} from "./estimate-size";
import { toHostError } from "./host-error";
import { styleKey } from "./named-styles";
import { type AddedParts, WriteSession } from "./queue-commands";
import type { HostFeatures, PlannedCommand } from "./render-commands";
import {
  type Guard,
  type WorkbookNames,
  createsSomething,
  isRequestTooLarge,
  planWriteRequests,
  queueWriteRequest,
  splitRefused,
} from "./write-requests";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficePortOptions {
  /** `Office.context.requirements.isSetSupported("ExcelApi", version)` by default. */
  isSetSupported?: (version: string) => boolean;
  /** Excel on the web's request limit (5 MB). */
  payloadLimitBytes?: number;
  /**
   * Largest request the adapter sends, in bytes as Office.js serialises it (default 97 % of the limit: the
   * size is counted exactly, the margin is for what the host may add on its side).
   */
  requestBudgetBytes?: number;
  /** Largest estimated response a read asks for (default 90 % of `payloadLimitBytes`, or of 5 MiB). */
  responseBudgetBytes?: number;
}

/** Excel on the web refuses a request over "5 MB"; read as the smaller 5,000,000 bytes. */
export const EXCEL_PAYLOAD_LIMIT_BYTES = 5_000_000;
/** Reads are sized against 5 MiB, as before the request sizes were measured (the docs say "5 MB" for both). */
const RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;

/** The largest write request sent by default under a limit (its size is counted exactly, see request-size.ts). */
export const defaultRequestBudget = (limit: number): number => Math.floor(limit * 0.97);

const defaultRun: ExcelRun = (batch) => Excel.run({ delayForCellEdit: true }, batch);
const defaultSupport = (version: string): boolean =>
  Office.context.requirements.isSetSupported("ExcelApi", version);

interface PendingGrid {
  id: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

/** Queue the loads of the used ranges (values and formulas) of these sheets. */
function queueGrids(context: Excel.RequestContext, ids: string[]): PendingGrid[] {
  return [...new Set(ids)].map((id) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(id);
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("values,formulas,rowIndex,columnIndex");
    return { id, sheet, used };
  });
}

/** Queue the cheap loads of the used ranges' dimensions only (a few bytes per sheet in the response). */
function queueDimensions(context: Excel.RequestContext, ids: string[]): PendingGrid[] {
  return ids.map((id) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(id);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return { id, sheet, used };
  });
}

function gridsOf(pending: PendingGrid[]): SheetGrid[] {
  const out: SheetGrid[] = [];
  for (const p of pending) {
    if (p.sheet.isNullObject) continue;
    if (p.used.isNullObject) {
      out.push({
        sheetId: p.id,
        name: p.sheet.name,
        origin: { row: 0, column: 0 },
        values: [],
        formulas: [],
      });
      continue;
    }
    out.push({
      sheetId: p.id,
      name: p.sheet.name,
      origin: { row: p.used.rowIndex, column: p.used.columnIndex },
      values: p.used.values as CellValue[][],
      formulas: p.used.formulas as CellValue[][],
    });
  }
  return out;
}

/** Excel refused a sync because its response would pass the payload limit. */
function isResponseTooLarge(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === "ResponsePayloadSizeLimitExceeded";
}

/** How many times an average cell's bytes a sheet of formulas may take (the summary's guarded links). */
const FORMULA_HEAVY = 4;

/** Response bytes of the overview besides grids: the sheet list (per sheet) and a fixed part. */
const SHEET_INFO_BYTES = 200;
const OVERVIEW_FIXED_BYTES = 2_000;

/** The cells of a guarded range that hold something, as conflicts (values as read, row by row). */
function nonEmptyCells(
  sheetId: string,
  address: string,
  values: unknown[][],
  formulas: unknown[][],
): WriteConflict[] {
  const { row: top, column: left } = parseRange(address).start;
  const out: WriteConflict[] = [];
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      const formula = formulas[r]?.[c];
      if ((value === "" || value === null) && (formula === "" || formula === null || formula === undefined))
        return;
      out.push({
        sheetId,
        address: adr(top + r, left + c),
        value: value as WriteConflict["value"],
        formula: (formula ?? null) as WriteConflict["formula"],
      });
    }),
  );
  return out;
}

export function createOfficeWorkbookPort(
  run: ExcelRun = defaultRun,
  options: OfficePortOptions = {},
): WorkbookPort {
  const supports = options.isSetSupported ?? defaultSupport;
  const limit = options.payloadLimitBytes ?? EXCEL_PAYLOAD_LIMIT_BYTES;
  const budget = options.requestBudgetBytes ?? defaultRequestBudget(limit);
  const responseBudget =
    options.responseBudgetBytes ?? Math.floor((options.payloadLimitBytes ?? RESPONSE_LIMIT_BYTES) * 0.9);
  const features = (): HostFeatures => ({
    api17: supports("1.7"),
    api18: supports("1.8"),
    api19: supports("1.9"),
  });

  // What this session learned about the sheets, to size the next reads before sending them.
  const sizes = new Map<string, SheetSize>();
  /**
   * Used ranges whose dimensions the latest overview (or a read after it) loaded: a sheet read in bands is framed
   * by them without a sync. Unlike `sizes` (only estimates) they decide which cells are read, so they are
   * forgotten at every overview and every write: a frame from an earlier read would leave new rows unread.
   */
  const frames = new Map<string, { row: number; column: number; rows: number; columns: number }>();
  const names = new Map<string, string>();
  let stateXmlBytes = 0;
  // Our state parts. A part's XML never changes under its id (the add-in adds a new part, it never calls
  // setXml), so the XML of a part read (or added) once this session is known: the overview reads only the
  // ids, and the XML of parts it has not met yet. `ourParts`: the ids seen by the last overview and those
  // added since — what the next state write replaces.
  const partXml = new Map<string, string>();
  let ourParts: string[] = [];
  /**
   * The workbook's cell style names, read with the last overview; null when unknown (no overview yet, or
   * a write failed part-way): writes then set formats property by property instead of adding styles.
   */
  let knownStyles: Set<string> | null = null;

  function rememberGrids(grids: SheetGrid[]): void {
    for (const g of grids) {
      const cells = cellsOf(g);
      sizes.set(g.sheetId, { cells, measured: { bytes: gridResponseBytes(g), cells } });
      names.set(g.sheetId, g.name);
    }
  }

  function rememberDimensions(pending: PendingGrid[]): void {
    for (const p of pending) {
      if (p.sheet.isNullObject) continue;
      const cells = p.used.isNullObject ? 0 : p.used.rowCount * p.used.columnCount;
      const { row, column, rows, columns } = p.used.isNullObject
        ? { row: 0, column: 0, rows: 0, columns: 0 }
        : {
            row: p.used.rowIndex,
            column: p.used.columnIndex,
            rows: p.used.rowCount,
            columns: p.used.columnCount,
          };
      sizes.set(p.id, { ...sizes.get(p.id), cells });
      frames.set(p.id, { row, column, rows, columns });
    }
  }

  /** Bytes per cell for a sheet sized but never read: the session's measured average, with a margin. */
  function unreadBytesPerCell(): number {
    let bytes = 0;
    let cells = 0;
    for (const s of sizes.values())
      if (s.measured) {
        bytes += s.measured.bytes;
        cells += s.measured.cells;
      }
    return cells > 0 ? (bytes / cells) * AVERAGE_MARGIN : UNREAD_BYTES_PER_CELL;
  }

  const estimate = (id: string, perCell = unreadBytesPerCell()): number | null =>
    estimateGridBytes(sizes.get(id), perCell);

  /** One row of a sheet alone passes the response limit: nothing can split it. */
  function sheetTooLarge(id: string, e: unknown): HostError {
    const name = names.get(id) ?? id;
    const mb = limit >= 1024 * 1024 ? (limit / 1024 / 1024).toFixed(0) : (limit / 1024 / 1024).toFixed(2);
    return toHostError(
      e,
      `đọc trang tính '${name}' (dữ liệu của riêng trang này vượt giới hạn ${mb} MB của một lần đọc từ Excel; hãy xoá các dòng, cột thừa ở cuối trang)`,
      `reading the sheet '${name}' (this sheet alone passes Excel's ${mb} MB limit for one read; delete the unused rows and columns at its end)`,
      [name],
    );
  }

  /**
   * The sheets of `ids` whose grids go in one sync: first fit under `room`, at most `maxCount`, at least
   * one. Sheets never seen count as `guessSheetBytes()` each; the others (their dimensions loaded, or read
   * before) by their estimate.
   */
  function pickGroup(ids: string[], room: number, maxCount = Infinity): string[] {
    const guess = guessSheetBytes();
    const perCell = unreadBytesPerCell();
    const out: string[] = [];
    let used = 0;
    for (const id of ids) {
      if (out.length >= maxCount) break;
      const s = estimate(id, perCell) ?? guess;
      if (out.length > 0 && used + s > room) continue;
      out.push(id);
      used += s;
    }
    return out;
  }

  /** Size assumed for a sheet never seen: the average measured this session, or a unit tab's. */
  function guessSheetBytes(): number {
    let bytes = 0;
    let n = 0;
    for (const s of sizes.values())
      if (s.measured) {
        bytes += s.measured.bytes;
        n++;
      }
    return n > 0 ? Math.ceil((bytes / n) * AVERAGE_MARGIN) + GRID_OVERHEAD_BYTES : UNSEEN_SHEET_BYTES;
  }

  async function readOverview(gridSheetIds: string[] = []): Promise<WorkbookOverview> {
    frames.clear();
    // Warm path: the grids that fit by their estimated size go in this sync; the others only have their
    // dimensions loaded (a few bytes each), so the caller's readGrids can split them before sending.
    const ids = [...new Set(gridSheetIds)];
    const room = responseBudget - stateXmlBytes - names.size * SHEET_INFO_BYTES - OVERVIEW_FIXED_BYTES;
    const withGrid = ids.length ? pickGroup(ids, room) : [];
    const picked = new Set(withGrid);
    const dimsOnly = ids.filter((id) => !picked.has(id) && estimate(id) === null);
    const spent = { syncs: 0 };
    const counted = (o: WorkbookOverview): WorkbookOverview => ({ ...o, roundTrips: spent.syncs });
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          try {
            return counted(await overviewSync(withGrid, dimsOnly, spent));
          } catch (e) {
            if (!isResponseTooLarge(e) || withGrid.length === 0) throw e;
            // Safety net, the estimate was wrong: the overview alone, with the dimensions of every sheet asked.
            return counted(await overviewSync([], ids, spent));
          }
        } catch (e) {
          // A part listed by the first sync was deleted (a co-author's write) before its XML was read: again.
          if ((e as { code?: string } | null)?.code !== "ItemNotFound" || attempt >= 3) throw e;
        }
      }
    } catch (e) {
      throw toHostError(e, "đọc sổ", "reading the workbook", []);
    }
  }

  function overviewSync(
    withGrid: string[],
    dimsOnly: string[],
    spent: { syncs: number },
  ): Promise<WorkbookOverview> {
    return run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
      parts.load("items/id");
      const sheets = context.workbook.worksheets;
      sheets.load("items/id,items/name,items/position,items/visibility");
      const pending = queueGrids(context, withGrid);
      const dims = queueDimensions(context, dimsOnly);
      const styles = features().api17 ? context.workbook.styles : null;
      styles?.load("items/name");
      spent.syncs++;
      await context.sync();
      knownStyles = styles ? new Set(styles.items.map((st) => styleKey(st.name))) : null;
      // The lint rule does not follow "items/id" loads nor ClientResult values; both are filled by the syncs.
      // eslint-disable-next-line office-addins/load-object-before-read
      const ids = (parts.items ?? []).map((p) => p.id);
      const unread = ids.filter((id) => !partXml.has(id));
      if (unread.length > 0) {
        // Parts this session has not read yet (its first overview, or a co-author's write): their XML by id,
        // on parts the first sync listed. getXml() is never called on a null object (what a host does then
        // is not documented: review C1), so the first sync cannot read it.
        const xml = unread.map((id) => parts.getItem(id).getXml());
        spent.syncs++;
        await context.sync();
        unread.forEach((id, i) => partXml.set(id, xml[i].value));
      }
      ourParts = ids;
      const every = ids.map((id) => partXml.get(id)!);
      const stateXml = every[0] ?? null;
      const allStateXml = every.length > 1 ? every : undefined;
      const infos: SheetInfo[] = sheets.items.map((s) => ({
        id: s.id,
        name: s.name,
        position: s.position,
        visible: s.visibility === "Visible",
      }));
      names.clear();
      for (const s of infos) names.set(s.id, s.name);
      stateXmlBytes = stateXml === null ? 0 : utf8Length(stateXml);
      const grids = gridsOf(pending);
      rememberGrids(grids);
      rememberDimensions(dims);
      return {
        stateXml,
        stateXmlCount: every.length,
        ...(allStateXml ? { allStateXml } : {}),
        sheets: infos,
        grids,
      };
    });
  }

  /** One sync: the grids of `ids`, and the dimensions of `dimsOf` (sheets to size for the next syncs). */
  async function gridSync(ids: string[], dimsOf: string[]): Promise<SheetGrid[]> {
    const grids = await run(async (context) => {
      const pending = queueGrids(context, ids);
      const dims = queueDimensions(context, dimsOf);
      await context.sync();
      rememberDimensions(dims);
      return gridsOf(pending);
    });
    rememberGrids(grids);
    return grids;
  }

  /** A sheet's name and used range (one sync), for a sheet whose dimensions were not loaded. */
  function readFrame(id: string) {
    return run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(id);
      sheet.load("name");
      const used = sheet.getUsedRange(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      return {
        name: sheet.name,
        row: used.rowIndex,
        column: used.columnIndex,
        rows: used.rowCount,
        columns: used.columnCount,
      };
    });
  }

  /**
   * A sheet whose used range alone passes the response limit (a summary of 500 units × 50 indicators with its
   * guarded formulas is about 7 MB): its used range in row bands, one sync each, halving a band Excel refuses.
   * One more sync first when its dimensions are not known yet.
   */
  async function readInBands(id: string, refused: unknown, parts = 2): Promise<SheetGrid> {
    const known = frames.get(id);
    const name = names.get(id);
    const frame = known && name !== undefined && known.rows > 0 ? { name, ...known } : await readFrame(id);
    const values: CellValue[][] = [];
    const formulas: CellValue[][] = [];
    // Bands still to read, in order: [first row, row count], relative to the used range.
    const size = Math.ceil(frame.rows / parts);
    const bands: [number, number][] = [];
    for (let first = 0; first < frame.rows; first += size)
      bands.push([first, Math.min(size, frame.rows - first)]);
    while (bands.length > 0) {
      const [first, count] = bands.shift()!;
      try {
        const band = await run(async (context) => {
          const range = context.workbook.worksheets
            .getItem(id)
            .getRangeByIndexes(frame.row + first, frame.column, count, frame.columns);
          range.load("values,formulas");
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one band per sync: together they pass the limit
          await context.sync();
          return { values: range.values as CellValue[][], formulas: range.formulas as CellValue[][] };
        });
        values.push(...band.values);
        formulas.push(...band.formulas);
      } catch (e) {
        if (!isResponseTooLarge(e)) throw e;
        if (count === 1) throw sheetTooLarge(id, refused ?? e);
        const half = Math.ceil(count / 2);
        bands.unshift([first, half], [first + half, count - half]);
      }
    }
    const grid: SheetGrid = {
      sheetId: id,
      name: frame.name,
      origin: { row: frame.row, column: frame.column },
      values,
      formulas,
    };
    rememberGrids([grid]);
    return grid;
  }

  /**
   * A sheet of many times the cells of the others (the Tổng hợp sheet among unit tabs) whose estimate is a
   * sizeable share of one read: read alone, so a wrong estimate of it costs one refused sync, not a group's.
   */
  function outlierOf(ids: string[]): string | null {
    const cells = ids.map((id) => sizes.get(id)?.cells ?? 0).sort((a, b) => a - b);
    const median = cells[Math.floor(cells.length / 2)] ?? 0;
    if (ids.length < 3 || median === 0) return null;
    const perCell = unreadBytesPerCell();
    const big = ids.find(
      (id) =>
        (sizes.get(id)?.cells ?? 0) > 8 * median &&
        !sizes.get(id)?.measured &&
        (estimate(id, perCell) ?? 0) > responseBudget / 8,
    );
    return big ?? null;
  }

  function largestOf(ids: string[]): string {
    const perCell = unreadBytesPerCell();
    const bytes = (id: string) => estimate(id, perCell) ?? guessSheetBytes();
    return ids.reduce((a, b) => (bytes(b) > bytes(a) ? b : a));
  }

  async function readGrids(sheetIds: string[]): Promise<SheetGrid[]> {
    const ids = [...new Set(sheetIds)];
    if (ids.length === 0) return [];
    const out: SheetGrid[] = [];
    let remaining = ids;
    let maxCount = Infinity;
    try {
      // One sync per group of sheets whose estimated response fits; several only when one response
      // would pass the limit. The first sync also loads the dimensions of the sheets left for later.
      // Safety net: when Excel still refuses a response, the next group is at most half as many sheets;
      // every sync either removes a sheet or halves the group, so this ends.
      let alone: string | null = null;
      let isolated = false;
      while (remaining.length > 0) {
        const outlier = alone === null && !isolated ? outlierOf(remaining) : null;
        if (outlier !== null) {
          isolated = true;
          // Its cells may all be formulas (the summary's guarded links, ~4× an average cell): when that would
          // pass the limit, straight to bands sized for it, rather than a read Excel would refuse.
          const parts = Math.ceil(((estimate(outlier) ?? 0) * FORMULA_HEAVY) / responseBudget);
          if (parts > 1) {
            out.push(await readInBands(outlier, null, parts));
            remaining = remaining.filter((id) => id !== outlier);
            continue;
          }
          alone = outlier;
        }
        const group = alone !== null ? [alone] : pickGroup(remaining, responseBudget, maxCount);
        alone = null;
        const inGroup = new Set(group);
        const rest = remaining.filter((id) => !inGroup.has(id));
        try {
          out.push(
            ...(await gridSync(
              group,
              rest.filter((id) => estimate(id) === null),
            )),
          );
        } catch (e) {
          if (!isResponseTooLarge(e)) throw e;
          if (group.length === 1) {
            out.push(await readInBands(group[0], e));
            remaining = rest;
            maxCount = Infinity;
            continue;
          }
          // Most often one sheet holds far more per cell than the others guessed from (the summary's formulas):
          // the largest by its estimate alone first, once; halving the group after that.
          if (!isolated) {
            isolated = true;
            alone = largestOf(group);
            continue;
          }
          maxCount = Math.ceil(group.length / 2);
          continue;
        }
        maxCount = Infinity;
        remaining = rest;
      }
    } catch (e) {
      throw toHostError(e, "đọc các trang tính", "reading the sheets", []);
    }
    const order = new Map(ids.map((id, i) => [id, i]));
    return out.sort((a, b) => (order.get(a.sheetId) ?? 0) - (order.get(b.sheetId) ?? 0));
  }

  /** The workbook's sheet and style names, after a refused request that creates some (one more sync). */
  async function readNames(context: Excel.RequestContext, f: HostFeatures): Promise<WorkbookNames> {
    const sheets = context.workbook.worksheets;
    sheets.load("items/id,items/name");
    const styles = f.api17 ? context.workbook.styles : null;
    styles?.load("items/name");
    await context.sync();
    return {
      sheets: sheets.items.map((s) => ({ id: s.id, name: s.name })),
      styles: styles ? styles.items.map((st) => st.name) : [],
    };
  }

  async function applyChanges(changes: WorkbookChanges): Promise<ApplyResult> {
    frames.clear();
    const f = features();
    const existingStyles = knownStyles;
    const requests = planWriteRequests(changes, {
      features: f,
      existingStyles,
      budget,
      limit,
      replacesParts: ourParts,
    });
    let roundTrips = 0;
    let current: readonly PlannedCommand[] = [];
    const conflicts: WriteConflict[] = [];
    const sheetIds: Record<string, string> = {};
    const addedParts: AddedParts = [];
    try {
      await run(async (context) => {
        const session = new WriteSession(context, f);
        const pending = requests.map((r) => r.commands);
        let guarded = false;
        while (pending.length > 0) {
          current = pending.shift()!;
          // The ranges that must still be empty are read in the first request, before anything is written.
          const guards: Guard[] = queueWriteRequest(session, current, changes, !guarded);
          roundTrips++;
          try {
            // One sync per request; several only when the changes pass the payload limit.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
          } catch (e) {
            // Safety net: Excel refused the request as too large although it was measured under the limit.
            if (!isRequestTooLarge(e)) throw e;
            let names: WorkbookNames | null = null;
            if (createsSomething(current)) {
              roundTrips++;
              names = await readNames(context, f);
            }
            const halves = splitRefused(current, session, names);
            if (halves === null) throw e;
            pending.unshift(...halves);
            continue;
          }
          session.endRequest((sheet) => sheet.id);
          if (!guarded) {
            guarded = true;
            for (const g of guards)
              conflicts.push(...nonEmptyCells(g.sheetId, g.address, g.range.values, g.range.formulas));
          }
        }
        for (const [key, id] of session.createdIds) sheetIds[key] = id;
        addedParts.push(...session.addedParts);
      });
    } catch (e) {
      // What the failed write left is not known: the next write sets formats one by one unless an
      // overview has been read again.
      knownStyles = null;
      throw toHostError(
        e,
        "ghi trang tính",
        "writing the sheets",
        current.map((c) => c.sheetName),
      );
    }
    if (knownStyles && existingStyles === knownStyles)
      for (const r of requests)
        for (const c of r.commands)
          if (c.command.op === "defineStyle") knownStyles.add(styleKey(c.command.name));
    if (addedParts.length > 0) {
      for (const { part, xml } of addedParts) partXml.set(part.id, xml);
      ourParts = addedParts.map((a) => a.part.id);
    }
    for (const p of changes.patches) if (p.sheetId && !p.create) sheetIds[p.layout.key] = p.sheetId;
    return { sheetIds, roundTrips, ...(conflicts.length ? { conflicts } : {}) };
  }

  async function activate(sheetId: string, address?: string): Promise<void> {
    try {
      await run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetId);
        sheet.activate();
        if (address) sheet.getRange(address).select();
        await context.sync();
      });
    } catch (e) {
      throw toHostError(e, "mở trang tính", "opening the sheet", []);
    }
  }

  return { readOverview, readGrids, applyChanges, activate };
}
