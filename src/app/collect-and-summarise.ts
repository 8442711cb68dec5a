/**
 * One click: collect every unit's tab, check it, track who submitted, and write the summary sheet, the
 * tracker's status cells and the state — in a constant number of round trips whatever the number of units:
 * cold 3 (overview; every tab's grid; the write), warm 2 (overview with grids by id; the write).
 */
import type { WorkbookPort } from "./workbook-port";
import type { WorkbookState } from "../core/state/types";
import type { SheetGrid } from "../core/workbook/grid";
import type { CellSpec, SheetLayout, SheetPatch, WorkbookChanges } from "../core/workbook/model";
import { adr, parseAddress } from "../core/workbook/address";
import { serializeState } from "../core/state/serialize-state";
import { stateBackupCells } from "../core/state/state-backup";
import {
  buildTrackerLayout,
  trackerTrackingCells,
  type TrackerUnitRow,
} from "../core/workbook/build-tracker";
import { collectWorkbook, likelyCopies } from "../core/collect/collect-workbook";
import { SheetIndex, candidateSheetIds } from "../core/collect/find-sheets";
import { chooseSheetName } from "../core/workbook/sheet-names";
import type { Finding } from "../core/collect/finding";
import type { UnitSubmission } from "../core/collect/unit-submission";
import { trackUnits, type TrackingResult } from "../core/tracking/track-units";
import { hcmTimestamp } from "../core/tracking/hcm-time";
import { aggregate, type IndicatorTotal } from "../core/summary/aggregate";
import { buildReport } from "../core/summary/build-report";
import {
  buildSummaryLayout,
  extractSecretaryBlock,
  extractSecretaryText,
  SUMMARY_CODES,
  type SecretaryBlock,
} from "../core/summary/build-summary-layout";
import type { ReportDocument } from "../core/summary/report-model";
import { loadWorkbookState } from "./load-workbook-state";

export const DEFAULT_SUMMARY_SHEET_NAME = "Tổng hợp";

export interface CollectAndSummariseOptions {
  now: Date;
  /** Sheet ids the pane already knows (unit tabs, tracker, summary): the warm path. */
  knownSheetIds?: string[];
  /** Compute only; do not write (for previews and the CLI's --json). */
  dryRun?: boolean;
}

export interface CollectAndSummariseResult {
  state: WorkbookState;
  report: ReportDocument;
  submissions: UnitSubmission[];
  tracking: TrackingResult;
  findings: Finding[];
  totals: Record<string, IndicatorTotal>;
  /** Round trips to the host (context.sync() calls with Office.js). */
  roundTrips: number;
  /** Sheet ids worth passing back as knownSheetIds next time. */
  sheetIds: string[];
}

/** Tracker wording for one unit. */
function trackerRow(t: TrackingResult["units"][number]): TrackerUnitRow {
  const status =
    t.status === "tre-han"
      ? `${t.label.vi} ${t.daysLate} ngày`
      : t.status === "chua-nop" && t.daysLate > 0
        ? `${t.label.vi} (quá hạn ${t.daysLate} ngày)`
        : t.label.vi;
  const tone =
    t.status === "dung-han"
      ? "ok"
      : t.status === "tre-han"
        ? "late"
        : t.status === "chua-nop"
          ? "missing"
          : "pending";
  return {
    unitId: t.unitId,
    submittedAt: t.submittedAt,
    status: t.manual ? `${status} (tự đánh dấu)` : status,
    tone,
  };
}

/**
 * Cells of the old summary that the new one does not write: cleared, so nothing stale remains. Rows in
 * `untouched` are neither cleared nor written.
 */
function clearedCells(
  old: SheetGrid | undefined,
  cells: Record<string, CellSpec>,
  untouched: Set<number> = new Set(),
): Record<string, CellSpec> {
  const out: Record<string, CellSpec> = {};
  if (old)
    old.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const a = adr(old.origin.row + i, old.origin.column + j);
        if (v !== null && v !== "" && !(a in cells)) out[a] = { value: null };
      }),
    );
  const all = { ...out, ...cells };
  for (const a of Object.keys(all)) if (untouched.has(parseAddress(a).row)) delete all[a];
  return all;
}

/**
 * Rows of section V to leave out of the write: the secretary's lines, when the new layout puts its heading
 * on the same row as before (then every line is where it was). A line typed there meanwhile is kept, and
 * what she typed keeps its exact cells. When the section moves, its lines are carried across, raw.
 */
function untouchedDirectionRows(block: SecretaryBlock | null, layout: SheetLayout): Set<number> {
  const rows = new Set<number>();
  if (!block) return rows;
  const heading = Object.entries(layout.cells).find(
    ([a, c]) => c.value === `${SUMMARY_CODES.sectionPrefix}directions` && parseAddress(a).column === 0,
  );
  if (!heading || parseAddress(heading[0]).row !== block.headingRow) return rows;
  block.lines.forEach((_l, i) => rows.add(block.headingRow + 1 + i));
  return rows;
}

export async function collectAndSummarise(
  port: WorkbookPort,
  options: CollectAndSummariseOptions,
): Promise<CollectAndSummariseResult> {
  const { now } = options;
  let roundTrips = 0;
  const warm = options.knownSheetIds && options.knownSheetIds.length > 0;
  const loaded = await loadWorkbookState(port, warm ? options.knownSheetIds : undefined);
  roundTrips += loaded.overview.roundTrips ?? 1;
  let state = loaded.state;
  const { sheets } = loaded.overview;

  // Which sheets we need: our sheets where the state recorded them (ids and names; ids are only hints,
  // find-sheets.ts) and the likely copies of unit tabs.
  const grids = [...loaded.overview.grids];
  const wantedIds = [
    ...new Set([...candidateSheetIds(state, sheets), ...likelyCopies(state, sheets).map((s) => s.id)]),
  ];
  const have = new Set(grids.map((g) => g.sheetId));
  const missing = wantedIds.filter((id) => !have.has(id));
  if (missing.length) {
    grids.push(...(await port.readGrids(missing)));
    roundTrips++;
  }
  let index = new SheetIndex(sheets, grids);
  let sheetOfUnit = index.unitSheets(state);
  // A unit not where the state says (its tab renamed while the ids were renumbered, or deleted): look for
  // its key in the sheets not read yet (one more read, only then).
  if ([...sheetOfUnit.values()].some((x) => x === null) && index.unread().length > 0) {
    grids.push(...(await port.readGrids(index.unread().map((x) => x.id))));
    roundTrips++;
    index = new SheetIndex(sheets, grids);
    sheetOfUnit = index.unitSheets(state);
  }
  const gridById = new Map(grids.map((g) => [g.sheetId, g]));
  const trackerInfo = index.ownSheet("tracker", state.trackerSheet);
  const summaryInfo = index.ownSheet(
    "summary",
    state.summarySheet ?? { sheetId: null, sheetName: DEFAULT_SUMMARY_SHEET_NAME },
    { acceptEmpty: true },
  );

  // Core: collect, check, track, total, report.
  const collected = collectWorkbook(state, sheets, grids, now);
  // A manual "Đã nộp: Có" without a date is dated the first time a summary sees it (kept in the history).
  const newEvents = collected.units
    .filter((u) => u.submissionKind === "manual" && u.submittedAt === null)
    .map((u) => ({
      unitId: u.unitId,
      kind: "manual" as const,
      at: hcmTimestamp(now),
      by: u.reporter,
      comment: null,
    }));
  if (newEvents.length) {
    for (const u of collected.units)
      if (u.submissionKind === "manual" && u.submittedAt === null) u.submittedAt = hcmTimestamp(now);
  }
  const tracking = trackUnits(state, collected.units, now);
  const totals = aggregate(state.indicators, collected.units);
  const secretaryText = extractSecretaryText(summaryInfo ? gridById.get(summaryInfo.id) : null);
  const report = buildReport({
    state,
    submissions: collected.units,
    tracking,
    findings: collected.findings,
    totals,
    now,
    secretaryText,
  });
  // A new summary sheet never takes the name of a sheet that is not ours.
  const summaryName =
    summaryInfo?.name ??
    chooseSheetName(
      state.summarySheet?.sheetName ?? DEFAULT_SUMMARY_SHEET_NAME,
      sheets.map((x) => x.name),
      sheets.map((x) => x.name),
    ).name;
  // Unit tabs found under a new name or id: remember them.
  state = {
    ...state,
    units: state.units.map((u) => {
      const s = sheetOfUnit.get(u.unitId);
      return s ? { ...u, sheetId: s.id, sheetName: s.name } : u;
    }),
    history: [...state.history, ...newEvents],
    summarisedAt: hcmTimestamp(now),
    savedAt: hcmTimestamp(now),
    summarySheet: { sheetId: summaryInfo?.id ?? null, sheetName: summaryName },
  };

  const result = {
    report,
    submissions: collected.units,
    tracking,
    // The rebuild notice (the state part was missing) leads; it is about the workbook, not the report.
    findings: loaded.rebuilt ? [loaded.rebuilt, ...collected.findings] : collected.findings,
    totals,
  };
  const ourIds = [
    ...new Set(
      [
        ...[...sheetOfUnit.values()].map((x) => x?.id),
        ...likelyCopies(state, sheets).map((x) => x.id),
        trackerInfo?.id,
        summaryInfo?.id,
      ].filter((id): id is string => !!id),
    ),
  ];
  // A dry run (previews, --json, a body's summary recomputed by the level above) lays out no sheet.
  if (options.dryRun) return { ...result, state, roundTrips, sheetIds: ourIds };

  const summaryGrid = summaryInfo ? gridById.get(summaryInfo.id) : undefined;
  const secretaryBlock = extractSecretaryBlock(summaryGrid);
  const layout = buildSummaryLayout(report, {
    sheetName: summaryName,
    directions: secretaryBlock?.lines ?? null,
  });

  const patches: SheetPatch[] = [
    summaryInfo
      ? {
          sheetId: summaryInfo.id,
          create: false,
          layout,
          cells: clearedCells(summaryGrid, layout.cells, untouchedDirectionRows(secretaryBlock, layout)),
        }
      : { sheetId: null, create: true, layout, cells: layout.cells },
  ];
  const trackerGrid = trackerInfo ? gridById.get(trackerInfo.id) : undefined;
  if (trackerInfo && trackerGrid) {
    const rows = tracking.units.map(trackerRow);
    patches.push({
      sheetId: trackerInfo.id,
      create: false,
      layout: buildTrackerLayout(state, rows),
      // The tracker's copy of the state is written with the state part (core/state/state-backup.ts).
      cells: { ...trackerTrackingCells(trackerGrid, state, rows), ...stateBackupCells(state, trackerGrid) },
    });
  }

  const changes: WorkbookChanges = { patches, stateXml: "" };
  // The summary's id is known only after the write when it is created: the state is written in the
  // same round trip with what we know; the next run finds the sheet by name and records its id.
  changes.stateXml = serializeState(state);
  const applied = await port.applyChanges(changes);
  roundTrips += applied.roundTrips;
  const summaryId = applied.sheetIds["summary"] ?? summaryInfo?.id ?? null;
  state = { ...state, summarySheet: { sheetId: summaryId, sheetName: summaryName } };
  return {
    ...result,
    state,
    roundTrips,
    sheetIds: [...new Set([...ourIds, ...(summaryId ? [summaryId] : [])])],
  };
}
