/**
 * A unit's input cells copied from one grid of its tab into another, row by row through the codes in
 * column A (so a tab whose rows moved still maps). Import uses it (a returned copy → the workbook's tab),
 * and so does making the unit's own file (the workbook's tab → a fresh layout).
 */
import { GridView } from "../collect/grid-view";
import type { UnitLink, WorkbookState } from "../state/types";
import { adr, parseRange } from "./address";
import { buildUnitTabLayout } from "./build-unit-tab";
import type { SheetGrid } from "./grid";
import type { CellSpec, CellValue } from "./model";
import { firstRowByCode } from "./plan-changes";
import { CODE_COLUMN } from "./unit-tab-schema";

/**
 * What the returned cell holds, as a literal (a formula's computed value; never a formula: the message
 * names each such cell).
 */
function literalAt(view: GridView, row: number, column: number): CellValue {
  const v = view.value(row, column);
  return v === undefined || v === "" ? null : v;
}

export interface MappedCells {
  cells: Record<string, CellSpec>;
  changed: number;
  /** Codes of the workbook's tab that the returned tab lacks. */
  missingCodes: string[];
  /** Input cells written from a formula in the returned tab (its value was taken, not the formula). */
  formulas: FormulaTaken[];
}

export interface FormulaTaken {
  /** Where the unit typed it, in the returned tab. */
  cell: string;
  /** Where its value went in the workbook (differs when the rows moved). */
  targetCell: string;
  formula: string;
  value: CellValue;
}

/** The input cells of the unit's tab, copied from the returned tab by row code. */
export function mapInputCells(
  state: WorkbookState,
  unit: UnitLink,
  target: SheetGrid,
  returned: SheetGrid,
): MappedCells {
  const layout = buildUnitTabLayout(state, unit);
  const targetView = new GridView(target);
  const sourceView = new GridView(returned);
  const sourceRows = firstRowByCode(returned);
  const cells: Record<string, CellSpec> = {};
  const missing = new Set<string>();
  const formulas: FormulaTaken[] = [];
  let changed = 0;
  for (const range of layout.inputRanges) {
    const r = parseRange(range);
    for (let row = r.start.row; row <= r.end.row; row++) {
      const code = targetView.text(row, CODE_COLUMN);
      if (code === "") continue;
      const sourceRow = sourceRows.get(code);
      if (sourceRow === undefined) {
        missing.add(code);
        continue;
      }
      for (let column = r.start.column; column <= r.end.column; column++) {
        const value = literalAt(sourceView, sourceRow, column);
        const before = literalAt(targetView, row, column);
        if (value === before) continue;
        cells[adr(row, column)] = { value };
        changed++;
        // Even a formula over the unit's own tab would point at other rows once the rows have moved here.
        const formula = sourceView.formula(sourceRow, column);
        if (formula)
          formulas.push({ cell: adr(sourceRow, column), targetCell: adr(row, column), formula, value });
      }
    }
  }
  return { cells, changed, missingCodes: [...missing], formulas };
}
