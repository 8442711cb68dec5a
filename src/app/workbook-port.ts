import type { SheetGrid, SheetInfo } from "../core/workbook/grid";
import type { WorkbookChanges, WriteConflict } from "../core/workbook/model";

/**
 * What a use-case needs from a workbook, implemented by the Office.js adapter (src/excel), the ExcelJS
 * adapter (src/file) and the simulated Excel host in tests. Each method is ONE round trip to the host
 * (one `context.sync()` in Office.js), except that writes split only when one request would pass 5 MB.
 */
export interface WorkbookPort {
  /**
   * Read our state part (custom XML, or null when absent), the sheet list, and — in the same round trip —
   * the used-range grids of the sheets whose ids are given (ids the caller already knows: the warm path).
   * Unknown ids are skipped silently (the sheet list tells the caller it is gone). One round trip, two the
   * first time a session meets a state part (see WorkbookOverview.roundTrips).
   */
  readOverview(gridSheetIds?: string[]): Promise<WorkbookOverview>;

  /** Read the used-range grids of these sheets in one round trip. */
  readGrids(sheetIds: string[]): Promise<SheetGrid[]>;

  /**
   * Apply sheet patches and the state part in one round trip (more only when a request would exceed
   * the host's payload limit). Returns the host ids of sheets created or renamed, by layout key.
   */
  applyChanges(changes: WorkbookChanges): Promise<ApplyResult>;

  /** Activate a sheet and select a cell (for "go to cell" links in the pane). Optional for file adapters. */
  activate?(sheetId: string, address?: string): Promise<void>;
}

/**
 * The reading half of a port: all the import use-case needs of a file a unit sent back (an .xlsx through
 * the file adapter, an .xls/.ods/CSV read into grids, or another Excel).
 */
export type WorkbookReader = Pick<WorkbookPort, "readOverview" | "readGrids">;

export interface WorkbookOverview {
  stateXml: string | null;
  /** More than one of our state parts was found (two plans in one workbook). */
  stateXmlCount: number;
  /** Every state part's XML when there is more than one (to name the plans in the refusal); else absent. */
  allStateXml?: string[];
  sheets: SheetInfo[];
  grids: SheetGrid[];
  /**
   * Round trips this read used when more than one: the Office.js adapter reads the XML of state parts it
   * has not met yet this session in a second sync (by id, never through a null object).
   */
  roundTrips?: number;
}

export interface ApplyResult {
  /** layout key → host sheet id after the write. */
  sheetIds: Record<string, string>;
  /** Round trips this call used (for tests and benchmarks). */
  roundTrips: number;
  /** Cells of the patches' `mustBeEmpty` ranges that were not empty just before the write. */
  conflicts?: WriteConflict[];
}
