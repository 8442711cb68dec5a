/**
 * Size estimates for Excel responses, so reads can be split under the host's payload limit (Excel on the
 * web: 5 MB each way) before anything is sent. (Write requests are measured by request-size.ts.)
 * A used-range read returns `values` and `formulas` as JSON; its size is measured on every read and
 * remembered by sheet, so the next read of that sheet is sized from its own bytes per cell.
 */
import type { SheetGrid } from "../core/workbook/grid";

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
