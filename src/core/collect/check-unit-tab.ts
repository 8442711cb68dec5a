import type { WorkbookState, UnitLink } from "../state/types";
import type { SheetGrid } from "../workbook/grid";
import type { Finding } from "./finding";
import { analyseUnitTab, type AnalyseOptions } from "./analyse-unit-tab";

/** Every problem in one unit's tab, each with its sheet and cell. */
export function checkUnitTab(
  grid: SheetGrid,
  unit: UnitLink,
  state: WorkbookState,
  options: AnalyseOptions = {},
): Finding[] {
  return analyseUnitTab(grid, unit, state, options).findings;
}
