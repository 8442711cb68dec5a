export { SimulatedExcelHost, PAYLOAD_LIMIT_BYTES } from "./host";
export type {
  SimulatedExcelOptions,
  SyncRecord,
  WorkbookSnapshot,
  SheetSnapshot,
  CellSnapshot,
  FailOnSyncOptions,
} from "./host";
export { SimulatedOfficeError, ErrorCodes, Messages } from "./errors";
export type { FormulaEvaluator, EvaluatorSheet, EvaluatorCell, EvaluationResult } from "./evaluator";
export { SimRequestContext, ClientResult } from "./client-object";
