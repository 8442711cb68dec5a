/**
 * "Tạo sổ" and "Cập nhật sổ" are one operation: from the plan, the indicators, the previous state (or
 * none) and what the workbook holds now, compute the new state and the sheet patches.
 *
 * Rules:
 * - a new unit gets a new tab (create patch, sheetId null; the adapter returns ids via ApplyResult.sheetIds);
 * - an existing unit tab is found by sheet id when the tab carries the unit's MA_DON_VI key (ids are only
 *   hints: find-sheets.ts), then by name, then by its MA_DON_VI cell;
 * - in an existing tab only cells the add-in owns are written (info rows, labels, task texts and
 *   deadlines), found by their codes in column A; new task/indicator rows go into empty rows right below
 *   their block, else after the used range under their own marker. Input cells of existing rows are never
 *   in a patch, so nothing a unit typed is ever changed;
 * - a unit no longer in the plan keeps its tab, is flagged `removed`, and a notice says so;
 * - a sheet the add-in did not make is never written: a name collision picks another name;
 * - the tracker is owned and rewritten in place (same sheet, its protection kept).
 */
import type { Plan } from "../plan/types";
import { applySheetIds, nextUnitId, SUMMARY_SHEET_NAME, TRACKER_SHEET_NAME } from "../state/create-state";
import { serializeState } from "../state/serialize-state";
import type { UnitLink, WorkbookState } from "../state/types";
import { foldVietnamese, nfc } from "../text/vietnamese";
import { adr, parseAddress } from "./address";
import { buildTrackerLayout, TRACKER_COLUMNS, type TrackerUnitRow } from "./build-tracker";
import {
  blockMarkerRow,
  buildUnitTabLayout,
  compactRanges,
  compactValidations,
  placeRow,
  unitTabRows,
  unitTabShell,
  type TabRow,
} from "./build-unit-tab";
import type { SheetGrid, SheetInfo } from "./grid";
import type { Indicator } from "./indicators";
import {
  LAYOUT_VERSION,
  type CellSpec,
  type CellValue,
  type SheetLayout,
  type SheetPatch,
  type WorkbookChanges,
  type WorkbookLayout,
} from "./model";
import { reportingUnits } from "./reporting-units";
import { SheetIndex } from "../collect/find-sheets";
import { isLockedBySubmit } from "./submission-lock";
import { chooseSheetName, sameSheetName } from "./sheet-names";
import { CODE_COLUMN, FIELD_VALUE_COLUMN, INFO_CODES, MARKERS, TASK_CODE_PREFIX } from "./unit-tab-schema";

/** A message for the secretary: Vietnamese first, English alongside, with the sheet when there is one. */
export interface Notice {
  vi: string;
  en: string;
  sheet?: string;
}

export interface PlanChangesInput {
  plan: Plan;
  indicators: Indicator[];
  previous: WorkbookState | null;
  /** Every sheet in the workbook now. */
  sheets: SheetInfo[];
  /** Grids of the existing linked unit tabs and the tracker (any other sheet's grid is only searched for MA_DON_VI). */
  grids: SheetGrid[];
  planId: string;
  /** When this action runs (ISO): the state's `savedAt`. */
  savedAt?: string;
}

export interface PlanChangesResult {
  state: WorkbookState;
  changes: WorkbookChanges;
  notices: Notice[];
}

/** All sheets from scratch (the file adapter; the first creation in an empty workbook). */
export function buildWorkbookLayout(state: WorkbookState, tracking?: TrackerUnitRow[]): WorkbookLayout {
  return {
    layoutVersion: LAYOUT_VERSION,
    sheets: [
      buildTrackerLayout(state, tracking),
      ...state.units.filter((u) => !u.removed).map((u) => buildUnitTabLayout(state, u)),
    ],
  };
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Column A of a grid: code → its first absolute 0-based row. */
export function firstRowByCode(grid: SheetGrid): Map<string, number> {
  return new Map([...codeRowsOf(grid)].map(([code, rows]) => [code, rows[0]]));
}

/** Column A of a grid: code → absolute 0-based rows, in order. */
export function codeRowsOf(grid: SheetGrid): Map<string, number[]> {
  const map = new Map<string, number[]>();
  const col = CODE_COLUMN - grid.origin.column;
  if (col < 0) return map;
  grid.values.forEach((row, i) => {
    const v = row[col];
    if (typeof v !== "string") return;
    const code = nfc(v).trim();
    if (code === "") return;
    const r = grid.origin.row + i;
    const list = map.get(code);
    if (list) list.push(r);
    else map.set(code, [r]);
  });
  return map;
}

function rowIsEmpty(grid: SheetGrid, r: number): boolean {
  const i = r - grid.origin.row;
  if (i < 0 || i >= grid.values.length) return true;
  const values = grid.values[i] ?? [];
  const formulas = grid.formulas[i] ?? [];
  return values.every(isBlank) && formulas.every(isBlank);
}

/** One past the last row of the grid's used range (absolute, 0-based). */
function usedEnd(grid: SheetGrid): number {
  for (let i = grid.values.length - 1; i >= 0; i--)
    if (!rowIsEmpty(grid, grid.origin.row + i)) return grid.origin.row + i + 1;
  return grid.origin.row;
}

/** The unit key written in a tab's MA_DON_VI row, or null. */
export function unitKeyOf(grid: SheetGrid): string | null {
  const rows = codeRowsOf(grid).get(INFO_CODES.unitKey);
  if (!rows) return null;
  const v = grid.values[rows[0] - grid.origin.row]?.[FIELD_VALUE_COLUMN - grid.origin.column];
  return typeof v === "string" ? v.trim() : null;
}

export interface UnitTabUpdate {
  patch: SheetPatch;
  /** Codes of rows the tab should have but does not (info and footer rows a unit deleted). */
  missingCodes: string[];
}

/**
 * The patch of an existing unit tab: owned cells of the rows found by their codes, and the new task and
 * indicator rows. `blockCodes` tells which codes belong to the indicator block (current and earlier
 * indicators), so the block's end is found even when some rows are no longer in the plan.
 */
export function unitTabUpdate(
  state: WorkbookState,
  unit: UnitLink,
  grid: SheetGrid,
  blockCodes: { indicators: Set<string> },
): UnitTabUpdate {
  const layout = unitTabShell(unit);
  layout.name = grid.name;
  const codes = codeRowsOf(grid);
  const cells: Record<string, CellSpec> = {};
  const inputRanges: string[] = [];
  const validations: SheetLayout["validations"] = [];
  const missingCodes: string[] = [];
  const missing: Record<"tasks" | "indicators", TabRow[]> = { tasks: [], indicators: [] };
  const newRows: string[] = [];
  const place = (row: TabRow, r: number, create: boolean) => {
    const placed = placeRow(row, r, { create });
    Object.assign(cells, placed.cells);
    if (create) {
      const columns = Object.keys(placed.cells).map((a) => parseAddress(a).column);
      if (columns.length) newRows.push(`${adr(r, 0)}:${adr(r, Math.max(...columns))}`);
    }
    inputRanges.push(...placed.inputRanges);
    validations.push(...placed.validations);
    if (create && row.height) layout.rowHeights![r + 1] = row.height;
  };
  for (const row of unitTabRows(state, unit)) {
    if (row.code === null) continue;
    const found = codes.get(row.code);
    if (found) place(row, found[0], false);
    else if (!row.marker && (row.block === "tasks" || row.block === "indicators"))
      missing[row.block].push(row);
    else if (!row.marker || row.block === "info" || row.block === "footer") missingCodes.push(row.code);
  }

  // New rows: right below their block when those rows are empty, else after the used range.
  const written = new Set<number>();
  let end = usedEnd(grid);
  for (const block of ["tasks", "indicators"] as const) {
    const rows = missing[block];
    if (rows.length === 0) continue;
    const belongs = (code: string) =>
      block === "tasks"
        ? code === MARKERS.tasks || code.startsWith(TASK_CODE_PREFIX)
        : code === MARKERS.indicators || blockCodes.indicators.has(code);
    let last = -1;
    for (const [code, rs] of codes) if (belongs(code)) last = Math.max(last, ...rs);
    let fits = last >= 0;
    for (let k = 1; fits && k <= rows.length; k++)
      fits = rowIsEmpty(grid, last + k) && !written.has(last + k);
    if (fits) {
      rows.forEach((row, k) => {
        place(row, last + 1 + k, true);
        written.add(last + 1 + k);
      });
      end = Math.max(end, last + 1 + rows.length);
    } else {
      const at = end + 1;
      place(blockMarkerRow(block), at, true);
      rows.forEach((row, k) => place(row, at + 1 + k, true));
      end = at + 1 + rows.length;
    }
  }
  layout.cells = cells;
  layout.inputRanges = compactRanges(inputRanges);
  layout.validations = compactValidations(validations);
  layout.merges = [];
  return {
    patch: {
      sheetId: grid.sheetId,
      create: false,
      layout,
      cells,
      ...(newRows.length ? { mustBeEmpty: newRows } : {}),
    },
    missingCodes,
  };
}

/** Tracking columns already shown in a tracker grid (kept when the tracker is rewritten). */
function trackingFromGrid(grid: SheetGrid | undefined, unitIds: Set<string>): TrackerUnitRow[] {
  if (!grid) return [];
  const out: TrackerUnitRow[] = [];
  for (const [code, rows] of codeRowsOf(grid)) {
    if (!unitIds.has(code)) continue;
    const row = grid.values[rows[0] - grid.origin.row] ?? [];
    const at = row[TRACKER_COLUMNS.unitSubmittedAt - grid.origin.column];
    const status = row[TRACKER_COLUMNS.unitStatus - grid.origin.column];
    if (isBlank(at) && isBlank(status)) continue;
    out.push({
      unitId: code,
      submittedAt: isBlank(at) ? null : String(at),
      status: isBlank(status) ? "" : String(status),
    });
  }
  return out;
}

export function planWorkbookChanges(input: PlanChangesInput): PlanChangesResult {
  const { plan, indicators, previous, sheets, grids, planId } = input;
  const notices: Notice[] = [];
  const gridById = new Map(grids.map((g) => [g.sheetId, g]));
  const claimed = new Set<string>();

  // Sheet ids are hints (review B1): a recorded id is taken only when its sheet proves to be ours — the
  // unit's key, the tracker's or summary's codes (find-sheets.ts); else the name, else the key.
  const index = new SheetIndex(sheets, gridById);
  const findUnit = (unit: UnitLink): SheetInfo | null => index.unitSheet(unit, planId, claimed);
  const findOwn = (role: "tracker" | "summary", ref: { sheetId: string | null; sheetName: string }) =>
    index.ownSheet(role, ref, { acceptEmpty: true, claimed });
  const claim = (s: SheetInfo | null) => {
    if (s) claimed.add(s.id);
    return s;
  };

  // 1. Our own sheets from before.
  const tracker = claim(previous ? findOwn("tracker", previous.trackerSheet) : null);
  const summary = claim(previous?.summarySheet ? findOwn("summary", previous.summarySheet) : null);

  // 2. Units: previous ones matched by name, new ones get the next ids.
  const wanted = reportingUnits(plan);
  const previousUnits = previous?.units ?? [];
  const byKey = new Map(previousUnits.map((u) => [foldVietnamese(u.name), u]));
  const units: UnitLink[] = [];
  const found = new Map<string, SheetInfo>();
  const usedIds = previousUnits.map((u) => u.unitId);
  for (const prev of previousUnits) {
    const w = wanted.find((x) => foldVietnamese(x.name) === foldVietnamese(prev.name));
    const link: UnitLink = w
      ? {
          ...prev,
          name: w.name,
          group: w.group,
          taskRefs: [...w.taskRefs],
          deadline: w.deadline,
          removed: false,
        }
      : { ...prev, removed: true };
    const sheet = claim(findUnit(prev));
    if (sheet) found.set(link.unitId, sheet);
    if (!w && !prev.removed)
      notices.push({
        vi: `Đơn vị "${prev.name}" không còn trong kế hoạch: trang "${sheet?.name ?? prev.sheetName}" được giữ lại và đánh dấu "đã bỏ".`,
        en: `Unit "${prev.name}" is no longer in the plan: its sheet "${sheet?.name ?? prev.sheetName}" is kept and flagged "removed".`,
        sheet: sheet?.name ?? prev.sheetName,
      });
    units.push(link);
  }
  for (const w of wanted) {
    if (byKey.has(foldVietnamese(w.name))) continue;
    const unitId = nextUnitId(usedIds);
    usedIds.push(unitId);
    const link: UnitLink = {
      unitId,
      name: w.name,
      group: w.group,
      sheetId: null,
      sheetName: "",
      taskRefs: [...w.taskRefs],
      deadline: w.deadline,
      removed: false,
    };
    const sheet = claim(findUnit(link));
    if (sheet) found.set(unitId, sheet);
    units.push(link);
  }

  // 3. Names: sheets we did not claim are someone else's and are never written.
  const foreign = sheets.filter((s) => !claimed.has(s.id)).map((s) => s.name);
  const taken = [...sheets.map((s) => s.name)];
  const reserve = (wantedName: string): string => {
    const choice = chooseSheetName(wantedName, taken, foreign);
    notices.push(...choice.notices);
    taken.push(choice.name);
    return choice.name;
  };
  const trackerSheet = tracker
    ? { sheetId: tracker.id, sheetName: tracker.name }
    : { sheetId: null, sheetName: reserve(TRACKER_SHEET_NAME) };
  const summarySheet = summary
    ? { sheetId: summary.id, sheetName: summary.name }
    : { sheetId: null, sheetName: reserve(previous?.summarySheet?.sheetName ?? SUMMARY_SHEET_NAME) };
  for (const link of units) {
    const sheet = found.get(link.unitId);
    if (sheet) {
      if (link.sheetName && !sameSheetName(link.sheetName, sheet.name) && previous)
        notices.push({
          vi: `Trang của "${link.name}" đã được đổi tên từ "${link.sheetName}" thành "${sheet.name}"; vẫn nhận ra trang.`,
          en: `The sheet of "${link.name}" was renamed from "${link.sheetName}" to "${sheet.name}"; it is still recognised.`,
          sheet: sheet.name,
        });
      link.sheetId = sheet.id;
      link.sheetName = sheet.name;
    } else if (link.removed) {
      link.sheetId = null;
    } else {
      if (link.sheetId !== null)
        notices.push({
          vi: `Không thấy trang "${link.sheetName}" của "${link.name}" (đã bị xoá?): tạo lại trang mới.`,
          en: `The sheet "${link.sheetName}" of "${link.name}" is missing (deleted?): a new sheet is created.`,
          sheet: link.sheetName,
        });
      link.sheetId = null;
      link.sheetName = reserve(link.name);
    }
  }

  const state: WorkbookState = {
    layoutVersion: LAYOUT_VERSION,
    planId,
    plan,
    indicators: indicators.map((i) => ({ ...i })),
    units,
    trackerSheet,
    summarySheet,
    history: previous ? [...previous.history] : [],
    summarisedAt: previous?.summarisedAt ?? null,
    ...(input.savedAt ? { savedAt: input.savedAt } : {}),
  };

  // 4. Patches.
  const patches: SheetPatch[] = [];
  const trackerGrid = tracker ? gridById.get(tracker.id) : undefined;
  const trackerLayout = buildTrackerLayout(
    state,
    trackingFromGrid(trackerGrid, new Set(units.map((u) => u.unitId))),
  );
  if (tracker) {
    const cells: Record<string, CellSpec> = {};
    // Clear what the old tracker had outside the new layout, then write the new layout.
    if (trackerGrid)
      trackerGrid.values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (!isBlank(v))
            cells[adr(trackerGrid.origin.row + i, trackerGrid.origin.column + j)] = { value: null };
        }),
      );
    Object.assign(cells, trackerLayout.cells);
    patches.push({ sheetId: tracker.id, create: false, layout: trackerLayout, cells, replaceAll: true });
  } else {
    patches.push({ sheetId: null, create: true, layout: trackerLayout, cells: trackerLayout.cells });
  }

  const indicatorCodes = new Set([
    ...indicators.map((i) => i.code),
    ...(previous?.indicators ?? []).map((i) => i.code),
  ]);
  const dropped = (previous?.indicators ?? []).filter((p) => !indicators.some((i) => i.code === p.code));
  if (dropped.length > 0)
    notices.push({
      vi: `Chỉ tiêu đã bỏ: ${dropped.map((i) => i.name).join("; ")}. Các dòng cũ trong trang đơn vị được giữ nguyên và không còn được tổng hợp.`,
      en: `Indicators removed: ${dropped.map((i) => i.name).join("; ")}. Their rows in unit sheets are kept and no longer collected.`,
    });
  for (const link of units) {
    if (link.removed) continue;
    if (link.sheetId === null) {
      const layout = buildUnitTabLayout(state, link);
      patches.push({ sheetId: null, create: true, layout, cells: layout.cells });
      continue;
    }
    const grid = gridById.get(link.sheetId);
    if (!grid) {
      notices.push({
        vi: `Chưa đọc được trang "${link.sheetName}" nên chưa cập nhật trang này.`,
        en: `The sheet "${link.sheetName}" was not read, so it is not updated.`,
        sheet: link.sheetName,
      });
      continue;
    }
    if (codeRowsOf(grid).size === 0 && usedEnd(grid) === grid.origin.row) {
      // An empty tab we made (a creation interrupted before its cells were written): lay it out in full.
      const layout = { ...buildUnitTabLayout(state, link), name: grid.name };
      patches.push({ sheetId: link.sheetId, create: false, layout, cells: layout.cells, replaceAll: true });
      continue;
    }
    const { patch, missingCodes } = unitTabUpdate(
      state,
      link,
      { ...grid, name: link.sheetName },
      { indicators: indicatorCodes },
    );
    // A submitted tab stays locked (protection is rendered exactly: no input range, every cell locked).
    if (isLockedBySubmit(state, link.unitId, grid)) patch.layout.inputRanges = [];
    patches.push(patch);
    if (missingCodes.length > 0)
      notices.push({
        vi: `Trang "${link.sheetName}" thiếu dòng có mã ${missingCodes.join(", ")} ở cột A (đã bị xoá hoặc sửa mã?).`,
        en: `Sheet "${link.sheetName}" lacks the rows with code ${missingCodes.join(", ")} in column A (deleted, or code edited?).`,
        sheet: link.sheetName,
      });
  }

  return { state, changes: { patches, stateXml: serializeState(state), activateKey: "tracker" }, notices };
}

/** After the adapter applied the changes: the state with the new sheets' ids, and its XML to store. */
export function completeState(
  state: WorkbookState,
  sheetIds: Record<string, string>,
): { state: WorkbookState; stateXml: string } {
  const next = applySheetIds(state, sheetIds);
  return { state: next, stateXml: serializeState(next) };
}
