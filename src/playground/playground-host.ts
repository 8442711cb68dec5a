/**
 * The simulated Excel behind the playground: Excel 2019's requirement set (ExcelApi 1.7), one empty sheet,
 * and HyperFormula as its formula engine, so the summary sheet's formulas show their results in the grid
 * and the pane reads computed values, as in Excel. HyperFormula is GPL-3.0: it is bundled into the
 * playground (a dev tool, `npm start`) only, never into the add-in's task pane.
 */
import { SimulatedExcelHost } from "../testing/simulated-excel";
import { createHyperFormulaEvaluator } from "../testing/simulated-excel/hyperformula-evaluator";

export function createPlaygroundHost(): SimulatedExcelHost {
  return new SimulatedExcelHost({
    sheets: ["Sheet1"],
    apiVersion: "1.7",
    evaluator: createHyperFormulaEvaluator(),
  });
}
