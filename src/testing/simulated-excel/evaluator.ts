import type { CellValue } from "../../core/workbook/model";

/** One non-empty cell handed to a formula engine. */
export interface EvaluatorCell {
  row: number;
  column: number;
  /** Literal value when `formula` is null (text is the text itself, never a formula). */
  value: CellValue;
  /** "=..." en-US, or null. */
  formula: string | null;
}

export interface EvaluatorSheet {
  name: string;
  cells: EvaluatorCell[];
}

export interface EvaluationResult {
  /** Computed value of a formula cell (errors as their text, e.g. "#DIV/0!"). */
  valueAt(sheetName: string, row: number, column: number): CellValue;
}

/**
 * A formula engine the simulated host calls when formula results are read after a change.
 * Without one, the host reports null as the value of every formula cell.
 */
export interface FormulaEvaluator {
  evaluate(sheets: EvaluatorSheet[]): EvaluationResult;
}
