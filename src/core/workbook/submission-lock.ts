/**
 * Whether a unit's tab is locked by "Nộp báo cáo": its last submit/reopen event in the state's history is a
 * submit. Every write into the tab keeps its inputs locked then; "Mở lại" unlocks them.
 */
import type { SubmissionEvent, WorkbookState } from "../state/types";

/** The unit's last submit or reopen event (a manual "Đã nộp" is not one), or null. */
export function lastSubmitOrReopen(state: WorkbookState, unitId: string): SubmissionEvent | null {
  for (let i = state.history.length - 1; i >= 0; i--) {
    const e = state.history[i];
    if (e.unitId === unitId && (e.kind === "submit" || e.kind === "reopen")) return e;
  }
  return null;
}

/** True while the unit's tab is submitted through the add-in (and not reopened since): inputs stay locked. */
export function isLockedBySubmit(state: WorkbookState, unitId: string): boolean {
  return lastSubmitOrReopen(state, unitId)?.kind === "submit";
}
