/**
 * Whether a unit's tab is locked by "Nộp báo cáo": its last submit/reopen event is a submit. The events are
 * the state part's and those in the unit's tab (core/state/tab-events.ts): pass the tab's grid whenever it
 * was read. Every write into the tab keeps its inputs locked then; "Mở lại" unlocks them.
 */
import type { IsoDate } from "../plan/types";
import type { SubmissionEvent, WorkbookState } from "../state/types";
import { unitEvents } from "../state/tab-events";
import { localDateOf } from "../tracking/hcm-time";
import type { SheetGrid } from "./grid";

/** The unit's last submit or reopen event in time (a manual "Đã nộp" is not one), or null. */
export function lastSubmitOrReopen(
  state: WorkbookState,
  unitId: string,
  grid?: SheetGrid,
): SubmissionEvent | null {
  const events = unitEvents(state, unitId, grid);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.kind === "submit" || e.kind === "reopen") return e;
  }
  return null;
}

/** True while the unit's tab is submitted through the add-in (and not reopened since): inputs stay locked. */
export function isLockedBySubmit(state: WorkbookState, unitId: string, grid?: SheetGrid): boolean {
  return lastSubmitOrReopen(state, unitId, grid)?.kind === "submit";
}

/**
 * Whether a manual "Đã nộp: Có" counts as a submission, given the unit's last submit/reopen event.
 *
 * "Mở lại" never rewrites the "Có" the unit typed (it is the unit's cell); instead a manual "Có" counts only
 * when it is dated after the last reopen. The rule, kept simple and in whole days (Asia/Ho_Chi_Minh):
 * - no reopen since the last add-in submission (or none at all): the "Có" counts, as before;
 * - after a reopen: the "Có" counts only when the tab's report date (NGAY_BAO_CAO) is on or after the
 *   reopen's date. A report date before that day, or no report date at all, means the "Có" is the one from
 *   before the reopen: the unit is not submitted until it types a new report date.
 * A unit resubmitting the same day it was reopened types that day; the limit is that a "Có" already dated
 * that day before the reopen still counts (the reopen keeps no copy of the old report date).
 */
export function manualCountsAfterReopen(reportDate: IsoDate | null, last: SubmissionEvent | null): boolean {
  if (last?.kind !== "reopen") return true;
  const reopenedOn = localDateOf(last.at);
  if (reopenedOn === null) return true;
  return reportDate !== null && reportDate >= reopenedOn;
}
