/**
 * What the task pane can ask for. Components receive an `AppServices` and never touch Office.js, the
 * workbook port or the file adapters; `office-host.ts` (Excel) and the playground (simulated host) build it.
 * Everything here is plain data shaped for the screens (view models), so the UI does not depend on the
 * use-cases' internal result types.
 */
import type { Plan, IsoDate } from "../core/plan/types";
import type { PlanDocument } from "../core/plan/plan-document";
import type { Indicator } from "../core/workbook/indicators";
import type { ReportDocument } from "../core/summary/report-model";

export type Lang = "vi" | "en";

export interface HostInfo {
  kind: "excel" | "playground";
  /** Office display language, e.g. "vi-VN", "en-US". */
  displayLanguage: string;
  userName: string | null;
}

export type UnitStatus = "on-time" | "late" | "missing" | "not-due";

export interface TrackerUnitRow {
  unitId: string;
  name: string;
  sheetId: string | null;
  sheetName: string;
  deadline: IsoDate | null;
  status: UnitStatus;
  /** ISO timestamp of the submission, or null. */
  submittedAt: string | null;
  removed: boolean;
}

export interface TrackerView {
  planNumber: string | null;
  planTitle: string | null;
  reportTo: string | null;
  units: TrackerUnitRow[];
  /** Ready-to-send reminder text for the units that have not submitted (built by the core), or null. */
  reminder: string | null;
}

export type Severity = "error" | "warning" | "info";

/** A finding or check result, with the cell it is about (a link in the pane). */
export interface CellNote {
  severity: Severity;
  messageVi: string;
  messageEn: string;
  sheetId: string | null;
  sheetName: string;
  cell: string | null;
}

export interface UnitTabView {
  unitId: string;
  name: string;
  sheetId: string;
  sheetName: string;
  deadline: IsoDate | null;
  submittedAt: string | null;
  reopenComment: string | null;
  checks: CellNote[];
  /** False while a check has severity "error". */
  canSubmit: boolean;
}

export interface CreateWorkbookView {
  /** True when an existing tracker was updated rather than created. */
  updated: boolean;
  unitCount: number;
  sheetNames: string[];
  /** What the write did that the secretary should know (a unit removed, a sheet name changed …). */
  notices: { vi: string; en: string }[];
}

export interface SummaryFigure {
  code: string;
  name: string;
  unit: string;
  total: number | string | null;
}

export interface SummaryView {
  unitCount: number;
  submittedCount: number;
  onTimeCount: number;
  lateCount: number;
  missingCount: number;
  figures: SummaryFigure[];
  findings: CellNote[];
  summarySheetName: string;
  summarySheetId: string | null;
  report: ReportDocument;
  /** ISO timestamp. */
  generatedAt: string;
}

export type ProgressStage =
  | { stage: "reading"; count: number }
  | { stage: "checking"; count: number }
  | { stage: "writing" }
  | { stage: "exporting" };

export type ProgressListener = (p: ProgressStage) => void;

export interface PlanInput {
  plan: Plan;
  indicators: Indicator[];
}

/** One tab of a file a unit sent back, and what importing it did. */
export interface ImportItemView {
  file: string;
  sheet: string | null;
  unit: string | null;
  outcome: "imported" | "refused" | "skipped";
  /** Input cells written into the workbook. */
  cells: number;
  messageVi: string;
  messageEn: string;
}

export interface AppServices {
  host: HostInfo;
  /** Read plan text into a Plan (pure; throws AppError for an empty document). */
  parsePlan(text: string): Plan;
  /** The indicator set suggested for a plan. */
  defaultIndicators(plan: Plan): Indicator[];
  /**
   * The plan document in a file the user picked: PDF, .docx, .txt/.md (the PDF and .docx readers load lazily);
   * its warnings say what reading it found (legacy font code converted …). A .doc or a scanned PDF is refused
   * with what to do instead.
   */
  readPlanFile(file: File): Promise<PlanDocument>;
  /** A paste into the plan text: the clipboard's HTML when there is some (tables stay tables), else its text. */
  pastedPlan(clipboard: { html: string; text: string }): PlanDocument;
  /** Write the tracker and unit tabs, or update them after edits when the workbook already has a plan. */
  createWorkbook(input: PlanInput, onProgress?: ProgressListener): Promise<CreateWorkbookView>;
  /** The tracker for the open workbook, or null when the workbook has no plan yet. */
  loadTracker(): Promise<TrackerView | null>;
  /** Activate a sheet (and select a cell). */
  activate(sheetId: string | null, sheetName: string, cell?: string | null): Promise<void>;
  /** The unit tab that is active, with its checks; null when the active sheet is not a unit tab. */
  activeUnitTab(): Promise<UnitTabView | null>;
  /** Called when the user switches sheets (not when the pane itself activated one); returns an unsubscribe function. */
  onActiveSheetChanged(listener: () => void): () => void;
  submitUnitTab(sheetId: string): Promise<UnitTabView>;
  reopenUnitTab(unitId: string, comment: string): Promise<void>;
  /**
   * Bring the units' tabs from .xlsx copies they sent back into the open workbook (input cells only); a tab
   * already submitted is overwritten only with `overwriteSubmitted`. A file that cannot be read is reported
   * as refused, without stopping the others.
   */
  importReturnedFiles(files: File[], overwriteSubmitted: boolean): Promise<ImportItemView[]>;
  collectAndSummarise(onProgress?: ProgressListener): Promise<SummaryView>;
  /** Render the report as .docx (lazy-loads the writer) and hand it to the user. */
  exportReportDocx(report: ReportDocument): Promise<{ fileName: string; bytes: number }>;
}
