/**
 * "Mở lại": the secretary reopens a submitted tab with a comment the unit sees in its tab; the stamp is
 * cleared, inputs unlocked, and the event kept in the tab's own event cell (core/state/tab-events.ts). Only the add-in's own cells are
 * written: a manual "Đã nộp: Có" stays exactly as the unit typed it, and stops counting because the reopen
 * is in the history (a "Có" counts again once its report date is on or after the reopen's date; see
 * manualCountsAfterReopen in core/workbook/submission-lock.ts).
 */
import type { WorkbookPort } from "./workbook-port";
import type { CellSpec } from "../core/workbook/model";
import { FOOTER_CODES } from "../core/workbook/unit-tab-schema";
import { serializeState } from "../core/state/serialize-state";
import { unitTabProtectionPatch } from "../core/workbook/unit-tab-protection";
import { tabEventsCellSpec, unitEvents } from "../core/state/tab-events";
import { findUnitTabs } from "./find-unit-tabs";
import { hcmTimestamp, hcmDisplay } from "../core/tracking/hcm-time";
import { nfc } from "../core/text/vietnamese";
import { AppError } from "../core/errors";
import { loadWorkbookState } from "./load-workbook-state";

export interface ReopenUnitTabOptions {
  unitId: string;
  comment: string;
  now: Date;
  by?: string | null;
  /** Sheet ids the pane knows (saves a round trip). */
  knownSheetIds?: string[];
}

export interface ReopenUnitTabResult {
  unitId: string;
  sheet: string;
  comment: string;
  roundTrips: number;
  /** Said to the secretary: the state rebuilt from the tracker's copy (its part was missing). */
  notices: { vi: string; en: string }[];
}

export class UnitTabNotFoundError extends AppError {
  constructor(unit: string, sheet: string) {
    super(
      "UNIT_TAB_NOT_FOUND",
      `Không tìm thấy trang "${sheet}" của đơn vị "${unit}": không thể mở lại.`,
      `The tab "${sheet}" of unit "${unit}" was not found: it cannot be reopened.`,
      { sheet },
    );
  }
}

export async function reopenUnitTab(
  port: WorkbookPort,
  options: ReopenUnitTabOptions,
): Promise<ReopenUnitTabResult> {
  const loaded = await loadWorkbookState(port, options.knownSheetIds);
  let roundTrips = loaded.overview.roundTrips ?? 1;
  const { state, overview, rebuilt } = loaded;
  const unit = state.units.find((u) => u.unitId === options.unitId);
  if (!unit) throw new Error(`Unknown unit id: ${options.unitId}`);
  const found = await findUnitTabs(port, state, overview, [unit]);
  roundTrips += found.roundTrips;
  const tab = found.tabs.get(unit.unitId);
  if (!tab) throw new UnitTabNotFoundError(unit.name, unit.sheetName);
  const { info, grid } = tab;
  const comment = nfc(options.comment).trim();
  // Cells found by their codes in the tab as it is now (rows may have moved since it was created).
  const cells: Record<string, CellSpec> = {
    [FOOTER_CODES.reopenComment]: { value: `Mở lại lúc ${hcmDisplay(options.now)}: ${comment}` },
    [FOOTER_CODES.stamp]: { value: null },
  };
  const event = {
    unitId: unit.unitId,
    kind: "reopen" as const,
    at: hcmTimestamp(options.now),
    by: options.by ?? null,
    comment,
  };
  // Only those cells, the tab's event cell (the event lives in the tab, not in the shared state part:
  // review B2) and the protection (inputs unlocked where their rows are): no merges, no labels.
  const patch = unitTabProtectionPatch(
    state,
    { ...unit, sheetName: info.name },
    { ...grid, name: info.name },
    {
      locked: false,
      cells,
    },
  );
  const logged = tabEventsCellSpec(grid, [...unitEvents(state, unit.unitId, grid), event]);
  Object.assign(patch.cells, logged);
  // A tab whose stamp row was deleted has no event cell: the event is kept in the state part then.
  // The part is written back when another program dropped it (the state rebuilt from the tracker's copy).
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
    unitId: unit.unitId,
    sheet: info.name,
    comment,
    roundTrips,
    notices: rebuilt ? [{ vi: rebuilt.messageVi, en: rebuilt.messageEn }] : [],
  };
}
