/** The unit tab as the model's builder lays it out reads back clean, and typed values land where expected. */
import { buildUnitTabLayout } from "../../../src/core/workbook/build-unit-tab";
import { analyseUnitTab } from "../../../src/core/collect/analyse-unit-tab";
import type { SheetLayout, CellValue } from "../../../src/core/workbook/model";
import type { SheetGrid } from "../../../src/core/workbook/grid";
import { parseAddress } from "../../../src/core/workbook/address";
import { seedState, setCell } from "./grid-fixtures";

function gridOf(layout: SheetLayout, id: string): SheetGrid {
  const values: CellValue[][] = [];
  for (const [a, spec] of Object.entries(layout.cells)) {
    const { row, column } = parseAddress(a);
    while (values.length <= row) values.push([]);
    values[row][column] = spec.formula !== undefined ? (spec.cachedValue ?? null) : (spec.value ?? null);
  }
  const width = Math.max(...values.map((r) => r.length));
  const full = values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  return {
    sheetId: id,
    name: layout.name,
    origin: { row: 0, column: 0 },
    values: full,
    formulas: full.map((r) => [...r]),
  };
}

test("a freshly built unit tab has no findings and every code is found", () => {
  const state = seedState();
  for (const unit of state.units) {
    const grid = gridOf(buildUnitTabLayout(state, unit), unit.sheetId!);
    const { submission, findings } = analyseUnitTab(grid, unit, state);
    expect(findings).toEqual([]);
    expect(Object.values(submission.values).every((v) => v.cell !== null)).toBe(true);
    expect(submission.tasks.every((t) => t.cells !== null)).toBe(true);
    expect(submission.fieldCells.XAC_NHAN_NOP).toMatch(/^D\d+$/);
    // Typing into the input cells the layout offers is read back.
    const cell = submission.values.SO_BUOI.cell!;
    expect(buildUnitTabLayout(state, unit).inputRanges.some((r) => r.includes(cell.replace(/\d+/, "")))).toBe(
      true,
    );
    const typed = analyseUnitTab(setCell(grid, cell, "7 buổi"), unit, state);
    expect(typed.submission.values.SO_BUOI.value).toBe(7);
    expect(typed.findings.map((f) => `${f.kind}@${f.cell}`)).toEqual([`TEXT_IN_NUMBER@${cell}`]);
  }
});
