/** Round trip 1 of every use-case: our state part, the sheet list and (warm path) grids by id. */
import type { WorkbookPort, WorkbookOverview } from "./workbook-port";
import type { WorkbookState } from "../core/state/types";
import { parseState } from "../core/state/serialize-state";
import { StateCorruptError, StateMissingError } from "../core/errors";

export interface LoadedWorkbook {
  state: WorkbookState;
  overview: WorkbookOverview;
}

export async function loadWorkbookState(
  port: WorkbookPort,
  gridSheetIds?: string[],
): Promise<LoadedWorkbook> {
  const overview = await port.readOverview(gridSheetIds);
  if (overview.stateXml === null) throw new StateMissingError();
  return { state: stateOf(overview)!, overview };
}

/** Our state as read in the overview, or null when the workbook has none; refuses two plans in one workbook. */
export function stateOf(overview: WorkbookOverview): WorkbookState | null {
  if (overview.stateXmlCount > 1) {
    throw new StateCorruptError(
      `sổ có ${overview.stateXmlCount} phần dữ liệu kế hoạch (hai kế hoạch trong một sổ); hãy tách thành hai sổ.`,
      `the workbook holds ${overview.stateXmlCount} plan data parts (two plans in one workbook); split it in two.`,
    );
  }
  return overview.stateXml === null ? null : parseState(overview.stateXml);
}
