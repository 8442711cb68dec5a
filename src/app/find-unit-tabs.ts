/**
 * The tabs of some units, read: where the state recorded them (ids and names), checked by the key each tab
 * carries (sheet ids are only hints: core/collect/find-sheets.ts); when a unit is not there, the sheets not
 * read yet are read too and searched for its key (one more round trip, only then).
 */
import type { WorkbookPort, WorkbookOverview } from "./workbook-port";
import type { UnitLink, WorkbookState } from "../core/state/types";
import type { SheetGrid, SheetInfo } from "../core/workbook/grid";
import { SheetIndex, candidateSheetIds } from "../core/collect/find-sheets";

export interface FoundUnitTab {
  info: SheetInfo;
  grid: SheetGrid;
}

export interface FoundUnitTabs {
  /** unitId → its tab and grid, or null when it is nowhere. */
  tabs: Map<string, FoundUnitTab | null>;
  /** Every grid read (the overview's included). */
  grids: SheetGrid[];
  roundTrips: number;
}

export async function findUnitTabs(
  port: WorkbookPort,
  state: WorkbookState,
  overview: WorkbookOverview,
  units: UnitLink[],
): Promise<FoundUnitTabs> {
  const grids = [...overview.grids];
  let roundTrips = 0;
  const read = async (ids: string[]) => {
    const have = new Set(grids.map((g) => g.sheetId));
    const missing = [...new Set(ids)].filter((id) => !have.has(id));
    if (missing.length === 0) return;
    grids.push(...(await port.readGrids(missing)));
    roundTrips++;
  };
  const resolve = () => {
    const index = new SheetIndex(overview.sheets, grids);
    const claimed = new Set<string>();
    const found = new Map<string, SheetInfo | null>();
    for (const u of units) {
      const s = index.unitSheet(u, state.planId, claimed);
      if (s) claimed.add(s.id);
      found.set(u.unitId, s);
    }
    return { index, found };
  };
  await read(candidateSheetIds(state, overview.sheets, units, { ownSheets: false }));
  let { index, found } = resolve();
  if ([...found.values()].some((s) => s === null) && index.unread().length > 0) {
    await read(index.unread().map((s) => s.id));
    ({ found } = resolve());
  }
  const byId = new Map(grids.map((g) => [g.sheetId, g]));
  const tabs = new Map<string, FoundUnitTab | null>();
  for (const [unitId, info] of found) {
    const grid = info ? byId.get(info.id) : undefined;
    tabs.set(unitId, info && grid ? { info, grid: { ...grid, name: info.name } } : null);
  }
  return { tabs, grids, roundTrips };
}
