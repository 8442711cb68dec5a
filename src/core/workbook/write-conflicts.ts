/**
 * A write into rows that were empty when read (a new indicator or task row under a table) can meet text a
 * co-author typed there in between. The adapter reports those cells (WriteConflict); this module says how to
 * put them back: the rows are cleared of what the add-in wrote and the typed cells restored, and the grid the
 * core plans with again shows them as typed, so the new rows go elsewhere.
 */
import { parseAddress } from "./address";
import type { SheetGrid } from "./grid";
import type { CellSpec, CellValue, SheetPatch, WriteConflict } from "./model";

/** What was typed, as a cell to write back: a formula stays a formula, anything else is a literal. */
function restoredCell(c: WriteConflict): CellSpec {
  if (typeof c.formula === "string" && c.formula.startsWith("=") && c.formula !== c.value)
    return { formula: c.formula.slice(1) };
  return { value: c.value };
}

/**
 * The cells that undo `patch` in the rows where conflicts were found: every cell it wrote there emptied,
 * then the typed cells as they were.
 */
export function restoreCells(patch: SheetPatch, conflicts: WriteConflict[]): Record<string, CellSpec> {
  const mine = conflicts.filter((c) => c.sheetId === patch.sheetId);
  const rows = new Set(mine.map((c) => parseAddress(c.address).row));
  const out: Record<string, CellSpec> = {};
  for (const address of Object.keys(patch.cells))
    if (rows.has(parseAddress(address).row)) out[address] = { value: null };
  for (const c of mine) out[c.address] = restoredCell(c);
  return out;
}

/** The grid as it will be once `restore` is written (the rows of the conflicts hold what was typed). */
export function gridWithCells(grid: SheetGrid, cells: Record<string, CellSpec>): SheetGrid {
  const values = grid.values.map((r) => [...r]);
  const formulas = grid.formulas.map((r) => [...r]);
  let { row: top, column: left } = grid.origin;
  const width = () => Math.max(0, ...values.map((r) => r.length));
  for (const [address, spec] of Object.entries(cells)) {
    const { row, column } = parseAddress(address);
    while (row < top) {
      values.unshift([]);
      formulas.unshift([]);
      top--;
    }
    while (column < left) {
      for (const r of [...values, ...formulas]) r.unshift(null);
      left--;
    }
    while (row - top >= values.length) {
      values.push([]);
      formulas.push([]);
    }
    const value: CellValue = spec.formula !== undefined ? (spec.cachedValue ?? null) : (spec.value ?? null);
    values[row - top][column - left] = value;
    formulas[row - top][column - left] = spec.formula !== undefined ? `=${spec.formula}` : value;
  }
  const w = width();
  for (const r of [...values, ...formulas]) for (let c = 0; c < w; c++) if (r[c] === undefined) r[c] = null;
  return { ...grid, origin: { row: top, column: left }, values, formulas };
}
