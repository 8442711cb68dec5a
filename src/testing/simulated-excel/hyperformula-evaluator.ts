/**
 * HyperFormula as the simulated host's formula engine. HyperFormula is GPL-3.0: test and playground use
 * only (licenseKey 'gpl-v3'), never bundled into the add-in. It has no 3D references, like our formulas.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import type { CellValue } from "../../core/workbook/model";
import type { EvaluationResult, EvaluatorSheet, FormulaEvaluator } from "./evaluator";

export function createHyperFormulaEvaluator(): FormulaEvaluator {
  return {
    evaluate(sheets: EvaluatorSheet[]): EvaluationResult {
      const data: Record<string, RawCellContent[][]> = {};
      for (const sheet of sheets) {
        const rows: RawCellContent[][] = [];
        for (const c of sheet.cells) {
          const row = (rows[c.row] ??= []);
          // A leading apostrophe tells HyperFormula "this is text", like Excel's input rule.
          row[c.column] = c.formula ?? (typeof c.value === "string" ? `'${c.value}` : c.value);
        }
        for (let r = 0; r < rows.length; r++) rows[r] ??= [];
        data[sheet.name] = rows;
      }
      // Array arithmetic on: Excel evaluates SUMPRODUCT's arguments as arrays (SUMPRODUCT(--(LEN(range)>0))).
      const hf = HyperFormula.buildFromSheets(data, { licenseKey: "gpl-v3", useArrayArithmetic: true });
      return {
        valueAt(sheetName: string, row: number, column: number): CellValue {
          const sheet = hf.getSheetId(sheetName);
          if (sheet === undefined) return null;
          const v = hf.getCellValue({ sheet, row, col: column });
          if (v === null || v === undefined) return 0;
          if (typeof v === "object") return (v as { value: string }).value;
          return v as CellValue;
        },
      };
    },
  };
}
