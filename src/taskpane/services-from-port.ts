/**
 * Builds the pane's `AppServices` from a WorkbookPort and a few host hooks. The same code runs in Excel
 * (office-host.ts gives the Office.js port) and in the playground (simulated host): one place that maps the
 * use-cases' results to the screens' view models.
 */
import type { WorkbookPort } from "../app/workbook-port";
import { collectAndSummarise, type CollectAndSummariseResult } from "../app/collect-and-summarise";
import { submitUnitTab, unitOfSheet } from "../app/submit-unit-tab";
import { reopenUnitTab } from "../app/reopen-unit-tab";
import { loadWorkbookState } from "../app/load-workbook-state";
import { createWorkbook } from "../app/create-workbook";
import { parsePlan } from "../core/plan/parse-plan";
import { docxHtmlToPlanText } from "../core/plan/docx-html-to-text";
import { planDocument, type PlanDocument } from "../core/plan/plan-document";
import { readPlanDocument, type DocumentReaders } from "../file/read-plan-document";
import { readRawPdfPages, type PdfJs } from "../file/pdf-pages";
import {
  defaultIndicators,
  suggestIndicatorTopics,
  TOPIC_LABELS,
} from "../core/workbook/indicator-catalogue";
import { analyseUnitTab } from "../core/collect/analyse-unit-tab";
import type { Finding } from "../core/collect/finding";
import type { TrackingStatus } from "../core/tracking/track-units";
import { reminderText } from "../core/tracking/track-units";
import { unitsToFollowUp } from "../core/tracking/units-to-follow-up";
import { AppError, DownloadNotSupportedError, StateMissingError } from "../core/errors";
import { nfc, normaliseText } from "../core/text/vietnamese";
import type { ReportDocument } from "../core/summary/report-model";
import type { WorkbookState } from "../core/state/types";
import type {
  AppServices,
  CellNote,
  FollowUpUnitView,
  HostInfo,
  ProgressListener,
  SummaryView,
  TrackerView,
  UnitStatus,
  UnitTabView,
} from "./services";

export interface HostHooks {
  info: HostInfo;
  /** The active worksheet, or null. */
  activeSheet(): Promise<{ id: string; name: string } | null>;
  onActiveSheetChanged(listener: () => void): () => void;
  /** Called after cells of a sheet change; absent where the host raises no such event. */
  onSheetChanged?(sheetId: string, listener: () => void): () => void;
  /** Hand a file to the user (download in a browser); rejects where the host cannot. */
  saveFile(bytes: Uint8Array, fileName: string, mimeType: string): Promise<void>;
  now?: () => Date;
}

const STATUS: Record<TrackingStatus, UnitStatus> = {
  "dung-han": "on-time",
  "tre-han": "late",
  "chua-nop": "missing",
  "chua-den-han": "not-due",
};

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A port that reports its reads and writes as progress stages (the use-cases stay unaware of the UI). */
function withProgress(
  port: WorkbookPort,
  onProgress: ProgressListener | undefined,
  count: () => number,
): WorkbookPort {
  if (!onProgress) return port;
  return {
    readOverview: (ids) => {
      onProgress({ stage: "reading", count: count() });
      return port.readOverview(ids);
    },
    readGrids: (ids) => {
      onProgress({ stage: "reading", count: ids.length });
      return port.readGrids(ids);
    },
    applyChanges: (changes) => {
      onProgress({ stage: "writing" });
      return port.applyChanges(changes);
    },
    activate: port.activate?.bind(port),
  };
}

function noteOf(f: Finding, sheetIds: Map<string, string>): CellNote {
  return {
    severity: f.severity,
    messageVi: f.messageVi,
    messageEn: f.messageEn,
    sheetId: f.sheet ? (sheetIds.get(f.sheet) ?? null) : null,
    sheetName: f.sheet ?? f.unit,
    cell: f.sheet ? (f.cell ?? "A1") : null,
  };
}

function trackerOf(result: CollectAndSummariseResult): TrackerView {
  const { state, tracking } = result;
  const byId = new Map(tracking.units.map((u) => [u.unitId, u]));
  const units = state.units.map((link) => {
    const t = byId.get(link.unitId);
    return {
      unitId: link.unitId,
      name: link.name,
      sheetId: link.sheetId,
      sheetName: link.sheetName,
      deadline: link.deadline,
      status: t ? STATUS[t.status] : ("missing" as UnitStatus),
      submittedAt: t?.submittedAt ?? null,
      removed: link.removed,
    };
  });
  const missing = units.filter((u) => !u.removed && (u.status === "missing" || u.status === "not-due"));
  return {
    planNumber: state.plan.number,
    planTitle: state.plan.title,
    reportTo: state.plan.summary?.reportTo ?? null,
    units,
    reminder: missing.length ? missing.map((u) => reminderText(state, u.unitId)).join("\n\n") : null,
  };
}

function fileNameOf(report: ReportDocument, state: WorkbookState | null): string {
  const number = state?.plan.number?.replace(/[^\p{L}\p{N}]+/gu, "-") ?? "";
  const date = report.generatedAt.slice(0, 10);
  return `bao-cao-tong-hop${number ? `-${number}` : ""}-${date}.docx`.replace(/-+/g, "-");
}

/** A paste into the plan text: the clipboard's HTML (Word, a web page) when it has some, else its plain text. */
export function pastedPlanDocument({ html, text }: { html: string; text: string }): PlanDocument {
  return html.trim() !== "" ? planDocument(docxHtmlToPlanText(html), "html") : planDocument(text, "text");
}

/**
 * The pane's document readers, each loaded on first use: pdf.js's browser build (its worker is the file
 * pdf.worker.min.mjs served beside the pane, which the CSP allows as worker-src 'self') and mammoth. Word 97–2003
 * .doc has no reader here: word-extractor needs Node's fs and streams, so the pane says to save as .docx.
 */
const browserReaders: DocumentReaders = {
  async pdf(bytes) {
    const pdfjs = await import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist/build/pdf.min.mjs");
    pdfjs.GlobalWorkerOptions.workerSrc = new URL("pdf.worker.min.mjs", document.baseURI).href;
    return readRawPdfPages(pdfjs as unknown as PdfJs, bytes);
  },
  async docxHtml(bytes) {
    const mammoth = await import(/* webpackChunkName: "mammoth" */ "mammoth");
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    return (await mammoth.convertToHtml({ arrayBuffer: buffer })).value;
  },
};

export function createAppServices(port: WorkbookPort, hooks: HostHooks): AppServices {
  const now = () => (hooks.now ? hooks.now() : new Date());
  let knownSheetIds: string[] = [];
  let lastState: WorkbookState | null = null;
  // The sheet the pane itself just activated (a tracker row, a finding). Excel reports that activation like
  // any other, a moment later; it is not the user going to a unit tab, so it must not move the pane away
  // from the screen they are working in.
  let paneActivation: { sheetId: string; at: number } | null = null;
  const PANE_ACTIVATION_WINDOW_MS = 10_000;

  async function activeUnit() {
    const active = await hooks.activeSheet();
    if (!active) return null;
    let loaded;
    try {
      loaded = await loadWorkbookState(port, [active.id]);
    } catch (e) {
      if (e instanceof StateMissingError) return null;
      throw e;
    }
    const grid = loaded.overview.grids.find((g) => g.sheetId === active.id);
    const unit = unitOfSheet(loaded.state, active.id, grid);
    if (!unit || !grid) return null;
    return { state: loaded.state, unit, grid: { ...grid, name: active.name }, active };
  }

  function unitTabView(a: NonNullable<Awaited<ReturnType<typeof activeUnit>>>): UnitTabView {
    const { submission, findings } = analyseUnitTab(a.grid, a.unit, a.state, {
      submitting: true,
    });
    const ids = new Map([[a.active.name, a.active.id]]);
    const checks = findings.map((f) => noteOf(f, ids));
    return {
      unitId: a.unit.unitId,
      name: a.unit.name,
      sheetId: a.active.id,
      sheetName: a.active.name,
      deadline: a.unit.deadline,
      submittedAt: submission.submitted ? (submission.submittedAt ?? now().toISOString()) : null,
      reopenComment: submission.reopenComment,
      checks,
      canSubmit: !checks.some((c) => c.severity === "error"),
    };
  }

  return {
    host: hooks.info,
    parsePlan: (text) => parsePlan(normaliseText(text)),
    defaultIndicators: (plan) => defaultIndicators(plan),
    indicatorSuggestion: (plan) => ({
      topics: suggestIndicatorTopics(plan).map((s) => ({
        topic: s.topic,
        label: TOPIC_LABELS[s.topic],
        units: s.units,
      })),
      labels: TOPIC_LABELS,
    }),

    async readPlanFile(file) {
      return readPlanDocument(new Uint8Array(await file.arrayBuffer()), file.name, browserReaders);
    },

    pastedPlan: pastedPlanDocument,

    async createWorkbook(input, onProgress) {
      const updated = lastState !== null;
      const result = await createWorkbook(
        withProgress(port, onProgress, () => input.plan.units.length),
        {
          plan: input.plan,
          indicators: input.indicators,
          now: now(),
        },
      );
      lastState = result.state;
      knownSheetIds = [result.state.trackerSheet.sheetId, ...result.state.units.map((u) => u.sheetId)].filter(
        (id): id is string => id !== null,
      );
      return {
        updated,
        unitCount: result.state.units.filter((u) => !u.removed).length,
        sheetNames: result.state.units.map((u) => u.sheetName),
        notices: result.notices.map((n) => ({ vi: n.vi, en: n.en })),
      };
    },

    async workbookHasPlan() {
      const overview = await port.readOverview([]);
      return overview.stateXml !== null || overview.stateXmlCount > 0;
    },

    async loadTracker() {
      let result: CollectAndSummariseResult;
      try {
        result = await collectAndSummarise(port, { now: now(), dryRun: true, knownSheetIds });
      } catch (e) {
        if (e instanceof StateMissingError) return null;
        throw e;
      }
      knownSheetIds = result.sheetIds;
      lastState = result.state;
      return trackerOf(result);
    },

    async activate(sheetId, sheetName, cell) {
      if (!port.activate) return;
      let id = sheetId;
      if (!id) {
        const overview = await port.readOverview([]);
        id = overview.sheets.find((s) => s.name === sheetName)?.id ?? null;
      }
      if (!id) return;
      const active = await hooks.activeSheet();
      paneActivation = active?.id === id ? null : { sheetId: id, at: Date.now() };
      await port.activate(id, cell ?? undefined);
    },

    async activeUnitTab() {
      const a = await activeUnit();
      return a ? unitTabView(a) : null;
    },

    onActiveSheetChanged: (listener) =>
      hooks.onActiveSheetChanged(() => {
        const pending = paneActivation;
        if (!pending || Date.now() - pending.at > PANE_ACTIVATION_WINDOW_MS) return listener();
        hooks.activeSheet().then(
          (active) => {
            paneActivation = null;
            if (active?.id !== pending.sheetId) listener();
          },
          () => listener(),
        );
      }),

    onUnitTabChanged: (sheetId, listener) => hooks.onSheetChanged?.(sheetId, listener) ?? (() => undefined),

    async submitUnitTab(sheetId) {
      const result = await submitUnitTab(port, {
        sheetId,
        now: now(),
        user: hooks.info.userName,
        confirmWarnings: true, // the pane lists the warnings next to the button before it is pressed
      });
      if (!result.ok && result.outcome !== "already-submitted") {
        throw new AppError(`SUBMIT_${result.outcome.toUpperCase()}`, result.messageVi, result.messageEn);
      }
      const a = await activeUnit();
      if (!a) throw new AppError("SUBMIT_NOT_A_UNIT_TAB", result.messageVi, result.messageEn);
      return unitTabView(a);
    },

    async reopenUnitTab(unitId, comment) {
      await reopenUnitTab(port, { unitId, comment, now: now(), by: hooks.info.userName, knownSheetIds });
    },

    async importReturnedFiles(files, overwriteSubmitted, onProgress, rollup) {
      // Loaded on first use: the readers are large and only this action needs them in the pane (SheetJS
      // only when a file is not .xlsx).
      const [{ openReturnedFile }, { importReturnedTabs, outcomesByFile }] = await Promise.all([
        import(/* webpackChunkName: "returned-files" */ "../file/open-returned-file"),
        import(/* webpackChunkName: "returned-files" */ "../app/import-returned-tabs"),
      ]);
      const items = await importReturnedTabs(
        port,
        files.map((file) => ({
          file: nfc(file.name),
          open: async () => openReturnedFile(new Uint8Array(await file.arrayBuffer()), nfc(file.name)),
        })),
        {
          force: overwriteSubmitted,
          onProgress,
          ...(rollup?.as ? { as: rollup.as } : {}),
          matchNames: rollup?.matchNames ?? false,
        },
      );
      return { items, files: outcomesByFile(items) };
    },

    async createUnitFiles(passwords, onProgress) {
      if (hooks.info.canSaveFiles === false) throw new DownloadNotSupportedError("tep-don-vi.zip");
      const [{ splitWorkbook }, { renderUnitFile }, { default: JSZip }] = await Promise.all([
        import(/* webpackChunkName: "unit-files" */ "../app/split-workbook"),
        import(/* webpackChunkName: "unit-files" */ "../file/unit-file"),
        import(/* webpackChunkName: "unit-files" */ "jszip"),
      ]);
      const zip = new JSZip();
      const result = await splitWorkbook(port, {
        passwords: new Map(Object.entries(passwords).filter(([, p]) => p !== "")),
        write: async (layout) => {
          // Stored, not deflated: an .xlsx is already a zip.
          zip.file(layout.fileName, await renderUnitFile(layout), { compression: "STORE" });
        },
        onProgress,
      });
      const bytes = await zip.generateAsync({ type: "uint8array" });
      const number = result.planNumber?.replace(/[^\p{L}\p{N}]+/gu, "-") ?? "";
      const zipName = `tep-don-vi${number ? `-${number}` : ""}.zip`.replace(/-+/g, "-");
      await hooks.saveFile(bytes, zipName, "application/zip");
      return {
        zipName,
        bytes: bytes.byteLength,
        files: result.files.map((f) => ({
          unitId: f.unitId,
          unit: f.unit,
          fileName: f.fileName,
          withPassword: f.withPassword,
        })),
      };
    },

    async collectAndSummarise(onProgress) {
      const counting = () => lastState?.units.filter((u) => !u.removed).length ?? 0;
      const result = await collectAndSummarise(withProgress(port, onProgress, counting), {
        now: now(),
        knownSheetIds,
      });
      knownSheetIds = result.sheetIds;
      lastState = result.state;
      const overview = await port.readOverview([]);
      const ids = new Map(overview.sheets.map((s) => [s.name, s.id]));
      const rates = result.tracking.rates;
      const view: SummaryView = {
        unitCount: rates.expected,
        submittedCount: rates.submitted,
        onTimeCount: rates.onTime,
        lateCount: rates.late,
        missingCount: rates.missing + rates.notYetDue,
        figures: result.state.indicators.map((ind) => ({
          code: ind.code,
          name: ind.name,
          unit: ind.unit,
          total: result.totals[ind.code]?.value ?? null,
        })),
        findings: result.findings.map((f) => noteOf(f, ids)),
        followUp: unitsToFollowUp(result.tracking).map((u) => ({
          unitId: u.unitId,
          name: u.unit,
          sheetId: u.sheet ? (ids.get(u.sheet) ?? null) : null,
          sheetName: u.sheet,
          deadline: u.deadline,
          status: STATUS[u.status] as FollowUpUnitView["status"],
          daysLate: u.daysLate,
          daysLeft: u.daysLeft,
        })),
        summarySheetName: result.state.summarySheet?.sheetName ?? "Tổng hợp",
        summarySheetId: result.state.summarySheet?.sheetId ?? null,
        report: result.report,
        generatedAt: result.report.generatedAt,
      };
      return view;
    },

    async exportReportDocx(report) {
      if (hooks.info.canSaveFiles === false)
        throw new DownloadNotSupportedError(fileNameOf(report, lastState));
      // The .docx writer loads only when asked for.
      const { renderReportDocx } = await import(/* webpackChunkName: "report-docx" */ "../file/report-docx");
      const bytes = await renderReportDocx(report);
      const fileName = fileNameOf(report, lastState);
      await hooks.saveFile(bytes, fileName, DOCX_MIME);
      return { fileName, bytes: bytes.byteLength };
    },
  };
}

/** Browser download of a generated file. */
export async function downloadInBrowser(
  bytes: Uint8Array,
  fileName: string,
  mimeType: string,
): Promise<void> {
  const blob = new Blob([bytes as BlobPart], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
