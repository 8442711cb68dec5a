/**
 * The patch that submit ("Nộp báo cáo") and reopen ("Mở lại") write into an existing unit tab: only the
 * add-in's own stamp / comment cells, found by their codes in column A, and the sheet's protection with
 * the input ranges at the rows where they really are (the tab's rows may have moved: "Cập nhật sổ" added
 * rows, the unit inserted rows). No merges, no labels, no input cells: nothing a unit typed is touched.
 */
import type { UnitLink, WorkbookState } from "../state/types";
import { compactRanges, placeRow, unitTabRows, unitTabShell } from "./build-unit-tab";
import type { SheetGrid } from "./grid";
import type { CellSpec, SheetPatch } from "./model";
import { adr } from "./address";
import { codeRowsOf } from "./plan-changes";
import { FIELD_VALUE_COLUMN } from "./unit-tab-schema";

export interface UnitTabProtectionOptions {
  /** True: every input locked (submitted). False: the inputs unlocked where their rows are (reopened). */
  locked: boolean;
  /**
   * Single-value cells to write, keyed by their row code (e.g. FOOTER_CODES.stamp): written in the value
   * column (D) of the first row carrying that code. A code the tab no longer has is skipped.
   */
  cells?: Record<string, CellSpec>;
}

/** Input ranges of a unit tab at the rows where its codes are now (rows a unit deleted have none). */
export function unitTabInputRanges(state: WorkbookState, unit: UnitLink, grid: SheetGrid): string[] {
  const codes = codeRowsOf(grid);
  const ranges: string[] = [];
  for (const row of unitTabRows(state, unit)) {
    if (row.code === null) continue;
    const found = codes.get(row.code);
    if (found) ranges.push(...placeRow(row, found[0], { create: false }).inputRanges);
  }
  return compactRanges(ranges);
}

export function unitTabProtectionPatch(
  state: WorkbookState,
  unit: UnitLink,
  grid: SheetGrid,
  options: UnitTabProtectionOptions,
): SheetPatch {
  const layout = unitTabShell(unit);
  layout.name = grid.name;
  layout.inputRanges = options.locked ? [] : unitTabInputRanges(state, unit, grid);
  const codes = codeRowsOf(grid);
  const cells: Record<string, CellSpec> = {};
  for (const [code, spec] of Object.entries(options.cells ?? {})) {
    const rows = codes.get(code);
    if (rows) cells[adr(rows[0], FIELD_VALUE_COLUMN)] = spec;
  }
  layout.cells = cells;
  return { sheetId: grid.sheetId, create: false, layout, cells };
}
