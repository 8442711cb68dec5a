/**
 * Size estimates for Excel requests and responses, so reads and writes can be split under the host's
 * payload limit (Excel on the web: 5 MB each way) before anything is sent.
 *
 * Writes: a command's request bytes are modelled call by call (render-commands.ts's own estimate is the
 * coarse one used to split large 2D writes into row bands).
 * Reads: a used-range read returns `values` and `formulas` as JSON; its size is measured on every read and
 * remembered by sheet, so the next read of that sheet is sized from its own bytes per cell.
 */
import type { SheetGrid } from "../core/workbook/grid";
import { parseRange } from "../core/workbook/address";
import { ADDRESS_LIST_CHARS, type Command, type HostFeatures, type SheetRef } from "./render-commands";
import { printSetupBytes } from "./print-setup";

/** UTF-8 length of a string (what travels on the wire). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// ---- reads ------------------------------------------------------------------------------------------

/** What is known about one sheet's used range from earlier reads in this session. */
export interface SheetSize {
  /** Cells of the used range (values only) when last seen. */
  cells: number;
  /** Measured response bytes of its values + formulas, when its grid was read; with the cells then. */
  measured?: { bytes: number; cells: number };
}

/**
 * Bytes per cell assumed for a sheet whose dimensions are known but whose content was never read
 * (values + formulas as JSON). Measured: a unit tab ≈ 18, the tracker ≈ 36 (long task texts).
 */
export const UNREAD_BYTES_PER_CELL = 40;
/**
 * Response bytes assumed for a sheet nothing is known of (no read this session): a unit tab of 50
 * indicators reads ≈ 11 KB (values + formulas); the margin covers typed text and more indicators.
 * Past about 290 such sheets the first read sync is split; a wrong guess is caught by the safety net.
 */
export const UNSEEN_SHEET_BYTES = 16 * 1024;
/** Response bytes of one sheet besides its cells: name, origin, null-object flags. */
export const GRID_OVERHEAD_BYTES = 300;
/** Margin on a measured size: people type between two reads. */
const MEASURED_MARGIN = 1.15;
/** Margin on the session's average bytes per cell, used for a sheet of the same workbook never read. */
export const AVERAGE_MARGIN = 1.15;

/** Response bytes of a grid as Excel sends it (values and formulas as JSON). */
export function gridResponseBytes(grid: SheetGrid): number {
  return utf8Length(JSON.stringify(grid.values)) + utf8Length(JSON.stringify(grid.formulas));
}

export function cellsOf(grid: SheetGrid): number {
  return grid.values.reduce((n, row) => n + row.length, 0);
}

/**
 * Estimated response bytes of reading this sheet's grid; null when nothing is known about it. A sheet
 * whose dimensions are known but never read counts `unreadBytesPerCell` (the session's measured
 * average with a margin, when there is one).
 */
export function estimateGridBytes(
  size: SheetSize | undefined,
  unreadBytesPerCell = UNREAD_BYTES_PER_CELL,
): number | null {
  if (!size) return null;
  const m = size.measured;
  const perCell = m && m.cells > 0 ? (m.bytes / m.cells) * MEASURED_MARGIN : unreadBytesPerCell;
  const cells = Math.max(size.cells, m?.cells ?? 0);
  return Math.ceil(cells * perCell) + GRID_OVERHEAD_BYTES;
}

/** Items packed, in order, into groups whose summed size stays within `budget` (an item alone may pass it). */
export function packBySize<T>(items: readonly T[], sizeOf: (item: T) => number, budget: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const s = sizeOf(item);
    if (current.length > 0 && size + s > budget) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += s;
  }
  if (current.length) out.push(current);
  return out;
}

// ---- writes -----------------------------------------------------------------------------------------

/**
 * Request bytes of one queued Office.js call besides its sheet path, address and value: the action
 * (`{"o":…,"a":"SetProperty","n":"rowHeight","v":…}`), its object-path entry and the path's tail
 * (`.format.font` …). Measured on the simulated host: 45–60 bytes.
 */
export const CALL_BYTES = 64;
/** Bytes of a small value (a number, a colour, a boolean) in an action. */
const SMALL_VALUE_BYTES = 12;
/** Path of a sheet created in the same request (`worksheets.add("name")`, a name of ≤ 31 characters). */
const CREATED_SHEET_PATH_BYTES = 40 + 31 * 3;
/** Suffix of a range's path besides its address: `.getRange(\"…\")`. */
const RANGE_PATH_BYTES = 20;

/** Names of the sheets created in the same changes, by layout key (their paths are `add("name")`). */
export type CreatedNames = ReadonlyMap<string, string>;

function sheetPathBytes(ref: SheetRef, created?: CreatedNames): number {
  if ("sheetId" in ref) return 40 + utf8Length(ref.sheetId);
  const name = created?.get(ref.key);
  return name === undefined ? CREATED_SHEET_PATH_BYTES : 40 + jsonBytes(name);
}

const jsonBytes = (v: unknown): number => utf8Length(JSON.stringify(v) ?? "null");

/** Calls over an address list: one per list of ≤ ADDRESS_LIST_CHARS (ExcelApi 1.9) or one per address. */
function listCalls(addresses: string[], features: HostFeatures): { calls: number; chars: number } {
  const chars = addresses.reduce((n, a) => n + a.length + 1, 0);
  if (!features.api19) return { calls: addresses.length, chars };
  // Lists are packed greedily, so each is more than half full (addresses are far shorter than a list).
  return { calls: Math.ceil(chars / (ADDRESS_LIST_CHARS / 2)), chars };
}

/** Borders as queue-commands.ts queues them: by shape class, six edges (four for one cell) per list. */
function borderBytes(c: Extract<Command, { op: "borders" }>, features: HostFeatures, sheet: number): number {
  const classes = new Map<string, string[]>();
  for (const a of c.addresses) {
    const r = parseRange(a);
    const k = `${r.end.row > r.start.row ? "R" : ""}${r.end.column > r.start.column ? "C" : ""}`;
    classes.set(k, [...(classes.get(k) ?? []), a]);
  }
  let bytes = 0;
  for (const [k, list] of classes) {
    const edges = 4 + k.length;
    const { calls, chars } = listCalls(list, features);
    // Each edge's path repeats the list and ends in `.format.borders.getItem(\"InsideHorizontal\")`.
    bytes += edges * (calls * (CALL_BYTES + sheet + RANGE_PATH_BYTES + 50 + SMALL_VALUE_BYTES) + chars);
  }
  return bytes;
}

/**
 * Request bytes of one write command as queued by queue-commands.ts: per call, the call itself, the
 * sheet's path, the range's address and the value. Close to what the host counts (a test compares it
 * with the simulated host's bytes per sync) and never below it. `created`: the names of the sheets added
 * by earlier commands of the same changes (without it, a created sheet's name counts 31 characters).
 */
export function estimateRequestBytes(c: Command, features: HostFeatures, created?: CreatedNames): number {
  if (c.op === "addSheet") return 2 * CALL_BYTES + CREATED_SHEET_PATH_BYTES;
  if (c.op === "replaceStatePart")
    return (
      jsonBytes(c.xml) +
      3 * CALL_BYTES +
      300 +
      (c.replaces ?? []).reduce((n, id) => n + 2 * CALL_BYTES + 60 + id.length, 0)
    );
  const sheet = sheetPathBytes(c.ref, created);
  const call = (rangeBytes: number, valueBytes: number): number =>
    CALL_BYTES + sheet + rangeBytes + valueBytes;
  const range = (address: string): number => address.length + RANGE_PATH_BYTES;
  switch (c.op) {
    case "formulas":
      return call(range(c.address), jsonBytes(c.values));
    case "numberFormat":
      return call(range(c.address), jsonBytes(c.formats));
    case "format": {
      const { calls, chars } = listCalls(c.addresses, features);
      return calls * call(RANGE_PATH_BYTES, jsonBytes(c.value)) + chars;
    }
    case "borders":
      return borderBytes(c, features, sheet);
    case "validation":
      // One path, three actions (clear, rule, error alert).
      return (
        call(range(c.address) + 20, 0) +
        2 * CALL_BYTES +
        jsonBytes(c.source) +
        jsonBytes(c.errorMessage ?? "") +
        120
      );
    case "link":
      return call(range(c.address), jsonBytes(c.target) + 30);
    case "clearAll":
      return 4 * call(RANGE_PATH_BYTES + 20, SMALL_VALUE_BYTES);
    case "freeze":
      return 2 * call(range("A1:ZZ999"), SMALL_VALUE_BYTES);
    case "print":
      return 3 * call(RANGE_PATH_BYTES, 40);
    case "printSetup":
      return printSetupBytes(c, (value) => call(RANGE_PATH_BYTES, value));
    case "rename":
      return call(0, jsonBytes(c.name));
    case "protect":
    case "unprotect":
      return call(0, jsonBytes(c.password ?? "") + 60);
    default:
      // One call on one range, or on the sheet (merge, widths, heights, lock, unlock, tab colour, activate).
      return call("address" in c ? range(c.address) : RANGE_PATH_BYTES, SMALL_VALUE_BYTES);
  }
}

/** Every command's estimated request bytes, in order (the names of created sheets taken from addSheet). */
export function estimateAll(commands: readonly Command[], features: HostFeatures): number[] {
  const created = new Map<string, string>();
  return commands.map((c) => {
    if (c.op === "addSheet") created.set(c.key, c.name);
    return estimateRequestBytes(c, features, created);
  });
}
