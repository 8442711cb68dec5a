import type { WorkbookState, UnitLink } from "../state/types";
import type { SheetGrid } from "../workbook/grid";
import type { UnitSubmission } from "./unit-submission";
import { analyseUnitTab } from "./analyse-unit-tab";

/** A unit's submission as read from its tab (rows found by their codes in column A). */
export function readUnitTab(grid: SheetGrid, unit: UnitLink, state: WorkbookState): UnitSubmission {
  return analyseUnitTab(grid, unit, state).submission;
}
