import type { CellValue } from "./model";

/** Facts about one worksheet in the open workbook. */
export interface SheetInfo {
  /** Host id (Office.js worksheet id, or a stable id the file adapter derives). */
  id: string;
  name: string;
  position: number;
  visible?: boolean;
}

/**
 * What an adapter read of one sheet's used range: values (numbers, strings, booleans; dates as serial
 * numbers) and formulas ("=..." for formula cells, else the same literal), as 2D arrays starting at
 * `origin` (0-based row/column of the used range's top-left cell).
 */
export interface SheetGrid {
  sheetId: string;
  name: string;
  origin: { row: number; column: number };
  values: CellValue[][];
  formulas: CellValue[][];
  /** Merged ranges inside the sheet ("B5:E5"), when the host reports them (optional). */
  merges?: string[];
}
