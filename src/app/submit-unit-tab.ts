/**
 * "Nộp báo cáo" in a unit's tab: check first (errors block, warnings need confirmation), then stamp the
 * time (Asia/Ho_Chi_Minh) and the submitter in the tab, record the event in the tab's own event cell (never
 * in the shared state part: review B2) and lock the tab's inputs. Two round trips: read (state + this tab),
 * write.
 */
import type { WorkbookPort } from "./workbook-port";
import type { WorkbookState, UnitLink } from "../core/state/types";
import type { SheetGrid } from "../core/workbook/grid";
import { FOOTER_CODES } from "../core/workbook/unit-tab-schema";
import { serializeState } from "../core/state/serialize-state";
import { unitTabProtectionPatch } from "../core/workbook/unit-tab-protection";
import { lastSubmitOrReopen } from "../core/workbook/submission-lock";
import { tabEventsCellSpec, unitEvents } from "../core/state/tab-events";
import { analyseUnitTab } from "../core/collect/analyse-unit-tab";
import { unitKeyOfGrid } from "../core/collect/collect-workbook";
import { unitKeyValue } from "../core/workbook/unit-tab-schema";
import type { Finding } from "../core/collect/finding";
import { formatStamp } from "../core/collect/stamp";
import { hcmTimestamp } from "../core/tracking/hcm-time";
import { nfc } from "../core/text/vietnamese";
import { loadWorkbookState } from "./load-workbook-state";

export interface SubmitUnitTabOptions {
  sheetId: string;
  now: Date;
  /** The signed-in Office user, when the host gives one; else the reporter typed in the tab is used. */
  user?: string | null;
  /** The unit saw the warnings and submits anyway. */
  confirmWarnings?: boolean;
}

export type SubmitOutcome =
  "submitted" | "errors" | "needs-confirmation" | "already-submitted" | "not-a-unit-tab";

export interface SubmitUnitTabResult {
  outcome: SubmitOutcome;
  ok: boolean;
  unitId: string | null;
  findings: Finding[];
  /** The stamp written, on success. */
  stamp: string | null;
  messageVi: string;
  messageEn: string;
  roundTrips: number;
}

/**
 * The unit whose tab this is: by the key the tab carries (MA_DON_VI); by its recorded sheet id only when the
 * tab carries no key at all (sheet ids are only hints: review B1).
 */
export function unitOfSheet(
  state: WorkbookState,
  sheetId: string,
  grid: SheetGrid | undefined,
): UnitLink | null {
  const key = grid ? unitKeyOfGrid(grid) : null;
  if (key)
    return state.units.find((u) => !u.removed && unitKeyValue(u.unitId, state.planId) === key.key) ?? null;
  return state.units.find((u) => u.sheetId === sheetId && !u.removed) ?? null;
}

/** The unit's last submit or reopen, from the state part and (when given) its tab's own events. */
export function lastSubmissionEvent(state: WorkbookState, unitId: string, grid?: SheetGrid) {
  return lastSubmitOrReopen(state, unitId, grid);
}

export async function submitUnitTab(
  port: WorkbookPort,
  options: SubmitUnitTabOptions,
): Promise<SubmitUnitTabResult> {
  const { state, overview, rebuilt } = await loadWorkbookState(port, [options.sheetId]);
  let roundTrips = overview.roundTrips ?? 1;
  const grid = overview.grids.find((g) => g.sheetId === options.sheetId);
  const unit = unitOfSheet(state, options.sheetId, grid);
  const base = { unitId: unit?.unitId ?? null, stamp: null, roundTrips };
  if (!unit || !grid) {
    return {
      ...base,
      outcome: "not-a-unit-tab",
      ok: false,
      findings: [],
      messageVi: "Trang đang mở không phải trang báo cáo của một đơn vị trong kế hoạch.",
      messageEn: "The active sheet is not the report tab of a unit in the plan.",
    };
  }
  if (lastSubmissionEvent(state, unit.unitId, grid)?.kind === "submit") {
    return {
      ...base,
      outcome: "already-submitted",
      ok: false,
      findings: [],
      messageVi: `Đơn vị "${unit.name}" đã nộp báo cáo; muốn sửa, đề nghị người tổng hợp mở lại.`,
      messageEn: `Unit "${unit.name}" has already submitted; to change it, ask the secretary to reopen it.`,
    };
  }
  const analysis = analyseUnitTab(grid, unit, state, { submitting: true });
  const { submission } = analysis;
  const findings = rebuilt ? [rebuilt, ...analysis.findings] : analysis.findings;
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length) {
    return {
      ...base,
      outcome: "errors",
      ok: false,
      findings,
      messageVi: `Chưa nộp được: có ${errors.length} lỗi cần sửa (xem danh sách ô).`,
      messageEn: `Not submitted: ${errors.length} error(s) to fix (see the list of cells).`,
    };
  }
  const warnings = findings.filter((f) => f.severity === "warning");
  if (warnings.length && !options.confirmWarnings) {
    return {
      ...base,
      outcome: "needs-confirmation",
      ok: false,
      findings,
      messageVi: `Có ${warnings.length} cảnh báo. Kiểm tra lại rồi xác nhận để nộp.`,
      messageEn: `${warnings.length} warning(s). Check them, then confirm to submit.`,
    };
  }
  const by = options.user ? nfc(options.user).trim() : submission.reporter;
  const stamp = formatStamp(options.now, by);
  const event = {
    unitId: unit.unitId,
    kind: "submit" as const,
    at: hcmTimestamp(options.now),
    by,
    comment: null,
  };
  // The event goes into the unit's own tab, not the shared state part (review B2): units submitting at the
  // same time write different cells. Only the stamp and the event cell (found by code), and the protection.
  const patch = unitTabProtectionPatch(state, { ...unit, sheetName: grid.name }, grid, {
    locked: true,
    cells: { [FOOTER_CODES.stamp]: { value: stamp } },
  });
  const logged = tabEventsCellSpec(grid, [...unitEvents(state, unit.unitId, grid), event]);
  Object.assign(patch.cells, logged);
  // The state part is written only when the tab has no event cell, or to put back a part another program
  // dropped (rebuilt from the tracker's copy).
  const applied = await port.applyChanges({
    patches: [patch],
    ...(logged
      ? rebuilt
        ? { stateXml: serializeState(state) }
        : {}
      : { stateXml: serializeState({ ...state, history: [...state.history, event] }) }),
  });
  roundTrips += applied.roundTrips;
  return {
    outcome: "submitted",
    ok: true,
    unitId: unit.unitId,
    findings,
    stamp,
    roundTrips,
    messageVi: `Đã nộp báo cáo của "${unit.name}". ${stamp}.`,
    messageEn: `The report of "${unit.name}" was submitted at ${hcmTimestamp(options.now)}${by ? ` by ${by}` : ""}.`,
  };
}
