/**
 * Round trip 1 of every use-case: our state part, the sheet list and (warm path) grids by id. When the part
 * is missing (a program that drops custom XML parts saved the workbook), the state is rebuilt from the
 * tracker's copy (core/state/state-backup.ts): every sheet is read in one more round trip (the grids come
 * back in `overview.grids`, so the caller reads nothing again) and `rebuilt` tells the caller to say so and
 * to write the part back.
 */
import type { WorkbookPort, WorkbookOverview } from "./workbook-port";
import type { WorkbookState } from "../core/state/types";
import type { Finding } from "../core/collect/finding";
import { parseState } from "../core/state/serialize-state";
import { mergeStates } from "../core/state/merge-states";
import { rebuildStateFromSheets } from "../core/state/state-backup";
import { StateCorruptError, StateMissingError } from "../core/errors";

export interface LoadedWorkbook {
  state: WorkbookState;
  /** The overview; after a rebuild its grids are every sheet's and its roundTrips count the extra read. */
  overview: WorkbookOverview;
  /** The info finding when the state was rebuilt from the sheets (the part is to be written back). */
  rebuilt: Finding | null;
}

export async function loadWorkbookState(
  port: WorkbookPort,
  gridSheetIds?: string[],
): Promise<LoadedWorkbook> {
  const overview = await port.readOverview(gridSheetIds);
  const state = stateOf(overview);
  if (state) return { state, overview, rebuilt: null };
  return rebuildFromSheets(port, overview);
}

/** The state rebuilt from the tracker's copy, every sheet read; StateMissingError when there is none. */
export async function rebuildFromSheets(
  port: WorkbookPort,
  overview: WorkbookOverview,
): Promise<LoadedWorkbook> {
  const have = new Set(overview.grids.map((g) => g.sheetId));
  const unread = overview.sheets.map((s) => s.id).filter((id) => !have.has(id));
  const grids = unread.length ? [...overview.grids, ...(await port.readGrids(unread))] : overview.grids;
  const roundTrips = (overview.roundTrips ?? 1) + (unread.length ? 1 : 0);
  const found = rebuildStateFromSheets(overview.sheets, grids);
  if (!found) throw new StateMissingError();
  return { state: found.state, overview: { ...overview, grids, roundTrips }, rebuilt: found.finding };
}

/**
 * Our state as read in the overview, or null when the workbook has none. Several parts of the same plan
 * (co-authors' writes at the same time) are merged (core/state/merge-states.ts); parts of two different
 * plans are refused: a workbook tracks one plan.
 */
export function stateOf(overview: WorkbookOverview): WorkbookState | null {
  if (overview.stateXmlCount > 1) {
    const every = overview.allStateXml ?? [];
    const states = every.length === overview.stateXmlCount ? every.map(readableState) : [];
    if (states.length > 0 && states.every((s) => s !== null && s.planId === states[0]!.planId))
      return mergeStates(states as WorkbookState[]);
    const plans = every.map(planNameOf);
    const named = plans.length > 1 && plans.every((p) => p !== null);
    throw new StateCorruptError(
      named
        ? `sổ chứa ${plans.length} kế hoạch: ${plans.map((p) => p!.vi).join("; ")}. Mỗi sổ chỉ theo dõi một kế hoạch; hãy tách thành ${plans.length} sổ.`
        : `sổ có ${overview.stateXmlCount} phần dữ liệu kế hoạch (hai kế hoạch trong một sổ); hãy tách thành hai sổ.`,
      named
        ? `the workbook holds ${plans.length} plans (two plans in one workbook): ${plans.map((p) => p!.en).join("; ")}. A workbook tracks one plan; split it into ${plans.length} workbooks.`
        : `the workbook holds ${overview.stateXmlCount} plan data parts (two plans in one workbook); split it in two.`,
    );
  }
  return overview.stateXml === null ? null : parseState(overview.stateXml);
}

/** "kế hoạch số 334-KH/CB (Tháng Thanh niên)" for a state part, or null when it cannot be read. */
function planNameOf(xml: string): { vi: string; en: string } | null {
  try {
    const { plan } = parseState(xml);
    const title = plan.title ? ` (${plan.title})` : "";
    return plan.number
      ? { vi: `kế hoạch số ${plan.number}${title}`, en: `plan ${plan.number}${title}` }
      : { vi: `kế hoạch không số${title}`, en: `an unnumbered plan${title}` };
  } catch {
    return null;
  }
}

function readableState(xml: string): WorkbookState | null {
  try {
    return parseState(xml);
  } catch {
    return null;
  }
}
