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
  /** False where the host cannot hand a file to the user (Excel for Mac and iPad); absent means it can. */
  canSaveFiles?: boolean;
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

/** A unit the secretary still has to chase after a summary (the order and the rule come from the core). */
export interface FollowUpUnitView {
  unitId: string;
  name: string;
  sheetId: string | null;
  /** The unit's tab, or null when the tab is gone. */
  sheetName: string | null;
  deadline: IsoDate | null;
  /** "missing" = past its deadline without a report; "not-due" = no report yet, deadline not passed. */
  status: Exclude<UnitStatus, "on-time">;
  /** Whole days past the deadline: at submission for "late", as of now for "missing". */
  daysLate: number;
  /** Whole days until the deadline for "not-due" (0 = today); null otherwise or without a deadline. */
  daysLeft: number | null;
}

export interface SummaryView {
  unitCount: number;
  submittedCount: number;
  onTimeCount: number;
  lateCount: number;
  missingCount: number;
  figures: SummaryFigure[];
  findings: CellNote[];
  /** Units that have not submitted, or submitted late: most urgent first. */
  followUp: FollowUpUnitView[];
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

/** What the indicators were suggested from: the topics of the plan's tasks and the units that call for them. */
export interface IndicatorSuggestionView {
  topics: { topic: string; label: { vi: string; en: string }; units: string[] }[];
  /** Every topic's label, for an indicator's topic. */
  labels: Record<string, { vi: string; en: string }>;
}

export interface PlanInput {
  plan: Plan;
  indicators: Indicator[];
}

/**
 * For a body below's summary workbook (multi-level roll-up): the unit (tab) it belongs to when its issuer does
 * not say, and whether its indicators named like ours under another code are taken.
 */
export interface RollupImportChoice {
  as?: string;
  matchNames?: boolean;
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

/** One file of an import and what came of it (its tabs' items, summed up). */
export interface ImportFileView {
  file: string;
  outcome: "imported" | "refused" | "skipped";
  cells: number;
  items: ImportItemView[];
}

export interface ImportResultView {
  /** Every tab's item, in the order the files were read. */
  items: ImportItemView[];
  /** One row per file (imported when any tab was, else refused when any was, else skipped). */
  files: ImportFileView[];
}

/** Reading file `done + 1` of `total` (named); done = total at the end. */
export type ImportProgressListener = (p: { done: number; total: number; file: string }) => void;

/** The per-unit files made by "Tạo tệp cho từng đơn vị", handed to the user as one .zip. */
export interface UnitFilesView {
  zipName: string;
  bytes: number;
  files: { unitId: string; unit: string; fileName: string; withPassword: boolean }[];
}

export interface AppServices {
  host: HostInfo;
  /** Read plan text into a Plan (pure; throws AppError for an empty document). */
  parsePlan(text: string): Plan;
  /** The indicator set suggested for a plan. */
  defaultIndicators(plan: Plan): Indicator[];
  /** The topics the suggestion comes from (pure). */
  indicatorSuggestion(plan: Plan): IndicatorSuggestionView;
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
  /** True when the open workbook holds a plan (one cheap read: the state part and the sheet list). */
  workbookHasPlan(): Promise<boolean>;
  /** The tracker for the open workbook, or null when the workbook has no plan yet. */
  loadTracker(): Promise<TrackerView | null>;
  /** Activate a sheet (and select a cell). */
  activate(sheetId: string | null, sheetName: string, cell?: string | null): Promise<void>;
  /** The unit tab that is active, with its checks; null when the active sheet is not a unit tab. */
  activeUnitTab(): Promise<UnitTabView | null>;
  /** Called when the user switches sheets (not when the pane itself activated one); returns an unsubscribe function. */
  onActiveSheetChanged(listener: () => void): () => void;
  /** Called after cells of this unit tab change (typed, pasted, a co-author); returns an unsubscribe function. */
  onUnitTabChanged(sheetId: string, listener: () => void): () => void;
  submitUnitTab(sheetId: string): Promise<UnitTabView>;
  reopenUnitTab(unitId: string, comment: string): Promise<void>;
  /**
   * Bring the units' tabs from files they sent back (.xlsx, .xlsm, .xls, .ods, .csv) into the open workbook
   * (input cells only); a tab already submitted is overwritten only with `overwriteSubmitted`. A file that
   * cannot be read is refused and one that is no spreadsheet skipped, without stopping the others.
   */
  importReturnedFiles(
    files: File[],
    overwriteSubmitted: boolean,
    onProgress?: ImportProgressListener,
    rollup?: RollupImportChoice,
  ): Promise<ImportResultView>;
  /**
   * One .xlsx per unit (only its tab and an instruction sheet, protected), zipped and handed to the user.
   * `passwords` by unit id are used for those files only: never stored, in the workbook or the pane.
   */
  createUnitFiles(
    passwords: Record<string, string>,
    onProgress?: (p: { done: number; total: number; unit: string }) => void,
  ): Promise<UnitFilesView>;
  collectAndSummarise(onProgress?: ProgressListener): Promise<SummaryView>;
  /** Render the report as .docx (lazy-loads the writer) and hand it to the user. */
  exportReportDocx(report: ReportDocument): Promise<{ fileName: string; bytes: number }>;
}
