/**
 * The workbook layout as plain, serialisable data. Built by the core, rendered by adapters
 * (Office.js in src/excel, ExcelJS in src/file, the simulated host in tests). No adapter decides layout.
 *
 * Addresses are A1-style without sheet name ("B4", "A1:E1"). Rows and columns in code are 0-based
 * unless a name says otherwise.
 */

export type CellValue = string | number | boolean | null;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Points. */
  fontSize?: number;
  fontName?: string;
  /** "#RRGGBB". */
  fontColor?: string;
  /** "#RRGGBB" background. */
  fill?: string;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
  /** Excel number format, e.g. "#,##0", "dd/mm/yyyy", "@". */
  numberFormat?: string;
}

/**
 * One cell. Exactly one of `value` / `formula` is meaningful: `value` is always a literal
 * (a string is text, even when it starts with "=" — adapters must write it as text);
 * `formula` is an en-US formula without the leading "=": produced by the core, or carried across exactly as a
 * person typed it into a cell the add-in moves (the secretary's own section V lines) — never made from text.
 * `cachedValue` is the core's own computation of the formula's result (written as the cached value by
 * the file adapter; compared against the engine's result in tests).
 */
export interface CellSpec {
  value?: CellValue;
  formula?: string;
  cachedValue?: CellValue;
  style?: CellStyle;
  /** Internal hyperlink target inside the workbook: "'Sheet name'!B4". Never external. */
  link?: string;
}

export interface DataValidationSpec {
  range: string;
  list: string[];
  /** Shown to the user on bad input. */
  errorMessage?: string;
}

/** "instruction": the how-to sheet of a unit's own file (split). */
export type SheetRole = "tracker" | "unit" | "summary" | "instruction";

export interface PrintSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  fitToWidth: boolean;
  /** What prints ("B1:G80", no sheet name): from column B leaves the codes of column A off the paper. */
  area?: string;
  /** Text at the top centre of every page (plain text: adapters escape it for their header codes). */
  pageHeader?: string;
  /** "Trang 1/3" at the bottom centre of every page. */
  pageNumbers?: boolean;
}

export interface SheetLayout {
  /** Stable key: "tracker", "summary" or `unit:${unitId}`. */
  key: string;
  role: SheetRole;
  /** Excel sheet name (already legal and unique). */
  name: string;
  unitId?: string;
  /** Sparse cells keyed by A1 address. */
  cells: Record<string, CellSpec>;
  merges: string[];
  /** Column widths in characters (index 0 = column A). Adapters convert to their unit. */
  columnWidths: number[];
  hiddenColumns?: number[];
  /** Row heights in points, keyed by 1-based row number (adapters draw at most MAX_ROW_HEIGHT). */
  rowHeights?: Record<number, number>;
  /** Ranges a person types into: unlocked when the sheet is protected, tinted. */
  inputRanges: string[];
  validations: DataValidationSpec[];
  freeze?: { rows: number; columns: number };
  print: PrintSetup;
  /** Protect the sheet (everything but inputRanges locked). Password is optional, per unit. */
  protection: { protect: boolean; password?: string };
  tabColor?: string;
}

/**
 * What to change in one sheet. `create` writes a new sheet from scratch. Otherwise only the given cells
 * are written: any cell not in `cells` is left exactly as it is (a unit's typing is never touched).
 */
export interface SheetPatch {
  /** Existing sheet id when updating; null when creating. */
  sheetId: string | null;
  create: boolean;
  /** Full layout of the sheet (formats, merges, validation, protection, print setup). */
  layout: SheetLayout;
  /** The cells to write; for `create` this is layout.cells. */
  cells: Record<string, CellSpec>;
  /** Rename an existing sheet to layout.name. */
  rename?: boolean;
  /**
   * For a sheet the add-in owns entirely (the tracker): clear its contents, formats, merges and
   * validations before writing `cells`. The sheet itself (id, position, tab, protection password) is kept.
   */
  replaceAll?: boolean;
  /**
   * Ranges of an existing sheet that were empty when it was read and that this patch writes into (a new row
   * under a table). Someone may have typed there since: the adapter reads them in the same request, before
   * writing, and reports what it found as conflicts, so the use-case can put it back and place the row again.
   * The file adapter ignores it: nobody else writes to a file between its read and write.
   */
  mustBeEmpty?: string[];
}

/** A cell that held something when the write came, although it was empty when read. */
export interface WriteConflict {
  sheetId: string;
  address: string;
  value: CellValue;
  formula: CellValue;
}

export interface WorkbookChanges {
  patches: SheetPatch[];
  /** Serialised state part (custom XML) to write, replacing ours. */
  stateXml?: string;
  /** Sheet (by layout key) to activate afterwards. */
  activateKey?: string;
}

/** The same layout as a whole, for creating from scratch (files, first creation). */
export interface WorkbookLayout {
  layoutVersion: number;
  sheets: SheetLayout[];
}

/** Excel's tallest row, in points (a taller one is refused by Excel, or repaired when a file opens). */
export const MAX_ROW_HEIGHT = 409;

/** A row height a spreadsheet accepts: a layout's taller row (long wrapped text) is drawn at the maximum. */
export function fittedRowHeight(points: number): number {
  return Math.min(Math.max(points, 0), MAX_ROW_HEIGHT);
}

/** Current layout version; state from a newer version is refused, older ones are migrated or refused. */
export const LAYOUT_VERSION = 1;
