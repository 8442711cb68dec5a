/**
 * The state of a new tracker workbook: unit ids u1…, sheet names chosen once and kept, the tracker
 * ("Kế hoạch") and summary ("Tổng hợp") names made unique against the sheets already in the workbook.
 */
import type { Plan } from "../plan/types";
import type { Indicator } from "../workbook/indicators";
import { LAYOUT_VERSION } from "../workbook/model";
import { reportingUnits, type ReportingUnit } from "../workbook/reporting-units";
import { chooseSheetName, type SheetNameNotice } from "../workbook/sheet-names";
import type { UnitLink, WorkbookState } from "./types";

export const TRACKER_SHEET_NAME = "Kế hoạch";
export const SUMMARY_SHEET_NAME = "Tổng hợp";

export interface CreateStateOptions {
  planId: string;
  /** Names of the sheets already in the workbook (none of them made by the add-in). */
  existingSheetNames: string[];
}

/** The next unused unit id after those given: "u1", "u2" … (ids are never reused). */
export function nextUnitId(used: readonly string[]): string {
  let max = 0;
  for (const id of used) {
    const m = /^u(\d+)$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `u${max + 1}`;
}

/** A fresh unit link for a reporting unit (no sheet yet). */
export function newUnitLink(unit: ReportingUnit, unitId: string, sheetName: string): UnitLink {
  return {
    unitId,
    name: unit.name,
    group: unit.group,
    sheetId: null,
    sheetName,
    taskRefs: [...unit.taskRefs],
    deadline: unit.deadline,
    removed: false,
  };
}

export interface CreatedState {
  state: WorkbookState;
  notices: SheetNameNotice[];
}

/** createState with the messages about names the add-in had to change. */
export function createStateWithNotices(
  plan: Plan,
  indicators: Indicator[],
  opts: CreateStateOptions,
): CreatedState {
  const foreign = [...opts.existingSheetNames];
  const taken = [...foreign];
  const notices: SheetNameNotice[] = [];
  const reserve = (wanted: string): string => {
    const choice = chooseSheetName(wanted, taken, foreign);
    notices.push(...choice.notices);
    taken.push(choice.name);
    return choice.name;
  };
  const trackerName = reserve(TRACKER_SHEET_NAME);
  const summaryName = reserve(SUMMARY_SHEET_NAME);
  const units: UnitLink[] = [];
  for (const unit of reportingUnits(plan)) {
    const id = nextUnitId(units.map((u) => u.unitId));
    units.push(newUnitLink(unit, id, reserve(unit.name)));
  }
  const state: WorkbookState = {
    layoutVersion: LAYOUT_VERSION,
    planId: opts.planId,
    plan,
    indicators: indicators.map((i) => ({ ...i })),
    units,
    trackerSheet: { sheetId: null, sheetName: trackerName },
    summarySheet: { sheetId: null, sheetName: summaryName },
    history: [],
    summarisedAt: null,
  };
  return { state, notices };
}

export function createState(plan: Plan, indicators: Indicator[], opts: CreateStateOptions): WorkbookState {
  return createStateWithNotices(plan, indicators, opts).state;
}

/**
 * Fill host sheet ids back into the state after the adapter created sheets (ApplyResult.sheetIds, keyed by
 * layout key: "tracker", "summary", "unit:u1" …). Returns a new state.
 */
export function applySheetIds(state: WorkbookState, sheetIds: Record<string, string>): WorkbookState {
  return {
    ...state,
    trackerSheet: { ...state.trackerSheet, sheetId: sheetIds.tracker ?? state.trackerSheet.sheetId },
    summarySheet: state.summarySheet
      ? { ...state.summarySheet, sheetId: sheetIds.summary ?? state.summarySheet.sheetId }
      : null,
    units: state.units.map((u) => ({ ...u, sheetId: sheetIds[`unit:${u.unitId}`] ?? u.sheetId })),
  };
}
