import { gridWithCells, restoreCells } from "../../../src/core/workbook/write-conflicts";
import type { SheetPatch } from "../../../src/core/workbook/model";
import type { SheetGrid } from "../../../src/core/workbook/grid";

const patch = {
  sheetId: "s1",
  create: false,
  layout: {} as SheetPatch["layout"],
  cells: {
    A5: { value: "SO_HOI_THI" },
    B5: { value: "Số hội thi" },
    D5: { value: null },
    A4: { value: "SO_BUOI" },
  },
  mustBeEmpty: ["A5:D5"],
} satisfies SheetPatch;

describe("putting back what a co-author typed into a row the add-in wrote", () => {
  it("empties the add-in's cells in that row and restores the typed ones, a formula as a formula", () => {
    const cells = restoreCells(patch, [
      { sheetId: "s1", address: "B5", value: "Ghi chú riêng", formula: "Ghi chú riêng" },
      { sheetId: "s1", address: "C5", value: 3, formula: "=1+2" },
      { sheetId: "other", address: "A4", value: "x", formula: "x" },
    ]);
    expect(cells).toEqual({
      A5: { value: null },
      B5: { value: "Ghi chú riêng" },
      C5: { formula: "1+2" },
      D5: { value: null },
    });
  });

  it("shows the grid as it will be, growing it where needed", () => {
    const grid: SheetGrid = {
      sheetId: "s1",
      name: "Tổ 1",
      origin: { row: 3, column: 0 },
      values: [["SO_BUOI", "Số buổi"]],
      formulas: [["SO_BUOI", "Số buổi"]],
    };
    const out = gridWithCells(grid, {
      B5: { value: "Ghi chú riêng" },
      C5: { formula: "1+2", cachedValue: 3 },
    });
    expect(out.origin).toEqual({ row: 3, column: 0 });
    expect(out.values).toEqual([
      ["SO_BUOI", "Số buổi", null],
      [null, "Ghi chú riêng", 3],
    ]);
    expect(out.formulas[1]).toEqual([null, "Ghi chú riêng", "=1+2"]);
    expect(grid.values).toEqual([["SO_BUOI", "Số buổi"]]);
  });
});
