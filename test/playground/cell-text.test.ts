import { cellText, formulaBarText, isDateFormat } from "../../src/playground/cell-text";
import { parseInput } from "../../src/testing/simulated-excel/host";
import type { CellValue } from "../../src/core/workbook/model";

type BarCell = { value: CellValue; formula?: string; numberFormat?: string };

describe("cellText: a cell as the grid shows it", () => {
  test.each([
    [44850, "dd/mm/yyyy", "vi", "16/10/2022"],
    [44850, "d/m/yy", "vi", "16/10/22"],
    [44850.396, "dd/mm/yyyy hh:mm", "vi", "16/10/2022 09:30"],
    [45658, "dd/mm/yyyy", "en", "01/01/2025"],
    [1500000, "#,##0", "vi", "1.500.000"],
    [1500000, "#,##0", "en", "1,500,000"],
    [1234.5, "#,##0.##", "vi", "1.234,5"],
    [12, "#,##0.##", "vi", "12"],
    [0.6667, "0.0%", "vi", "66,7%"],
    [0.5, "0.00", "en", "0.50"],
    [2.5, "General", "vi", "2,5"],
    [1 / 3, undefined, "en", "0.3333333333"],
    [42, "@", "vi", "42"],
    ["Tổ đảng 1", "dd/mm/yyyy", "vi", "Tổ đảng 1"],
    ["#DIV/0!", "#,##0", "vi", "#DIV/0!"],
    [true, undefined, "vi", "TRUE"],
    [null, "#,##0", "vi", ""],
  ] as const)("%p in %p (%s) → %p", (value, format, lang, shown) => {
    expect(cellText(value, format, lang)).toBe(shown);
  });

  test("which formats are dates", () => {
    expect(["dd/mm/yyyy", "d-mmm-yy", "hh:mm", "[$-vi-VN]dd/mm/yyyy"].map(isDateFormat)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["General", "@", "#,##0", "0.0%", '#,##0 "đồng"', undefined].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("formulaBarText: what, typed back, gives the same cell", () => {
  test.each([
    [{ value: 12, formula: "=SUM(A1:A2)" }, "=SUM(A1:A2)"],
    [{ value: 44850, numberFormat: "dd/mm/yyyy" }, "2022-10-16"],
    [{ value: 0.6667, numberFormat: "0.0%" }, "0.6667"],
    [{ value: 1500000, numberFormat: "#,##0" }, "1500000"],
    [{ value: "Hoàn thành" }, "Hoàn thành"],
    [{ value: "12" }, "'12"],
    [{ value: "=A1" }, "'=A1"],
    [{ value: "16/10/2022" }, "16/10/2022"],
    [{ value: "2022-10-16" }, "'2022-10-16"],
    [{ value: "12", numberFormat: "@" }, "12"],
    [{ value: false }, "FALSE"],
  ] as [BarCell, string][])("%o → %p", (cell, text) => {
    expect(formulaBarText(cell)).toBe(text);
    if (!("formula" in cell)) {
      const back = parseInput(text, cell.numberFormat ?? "General", "test");
      expect(back).toEqual({ kind: "value", value: cell.value });
    }
  });
});
