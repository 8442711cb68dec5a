/**
 * Input for the collect benchmark: N filled unit tabs as grids plus the state, built through the product's
 * own layout code, and the call that collects and aggregates them (core only, no host).
 */
import type { WorkbookState, UnitLink } from "../../src/core/state/types";
import type { SheetGrid, SheetInfo } from "../../src/core/workbook/grid";
import type { SheetLayout } from "../../src/core/workbook/model";
import type { Indicator } from "../../src/core/workbook/indicators";
import type { CollectedWorkbook } from "../../src/core/collect/collect-workbook";
import type { UnitSubmission } from "../../src/core/collect/unit-submission";
import type { IndicatorTotal } from "../../src/core/summary/aggregate";
import { loadExports } from "../load";
import { benchState, expectedSum, fillGrid, layoutToGrid } from "../workload";

export interface CollectFixture {
  units: number;
  /** Cells in all grids. */
  cells: number;
  collectAndAggregate: () => CollectAndAggregate;
  /** Throws when the result is not what the fixture filled in (a fast wrong answer is not a result). */
  check: (result: CollectAndAggregate) => void;
}

export interface CollectAndAggregate {
  collected: CollectedWorkbook;
  totals: Record<string, IndicatorTotal>;
}

export async function buildCollectInput(units: number, indicators: number): Promise<CollectFixture> {
  const { buildUnitTabLayout } = await loadExports<{
    buildUnitTabLayout: (s: WorkbookState, u: UnitLink) => SheetLayout;
  }>("src/core/workbook/build-unit-tab", ["buildUnitTabLayout"]);
  const { collectWorkbook } = await loadExports<{
    collectWorkbook: (s: WorkbookState, sh: SheetInfo[], g: SheetGrid[], now?: Date) => CollectedWorkbook;
  }>("src/core/collect/collect-workbook", ["collectWorkbook"]);
  const { aggregate } = await loadExports<{
    aggregate: (i: Indicator[], s: UnitSubmission[]) => Record<string, IndicatorTotal>;
  }>("src/core/summary/aggregate", ["aggregate"]);

  const state = await benchState(units, indicators);
  const live = state.units.filter((u) => !u.removed);
  const grids = live.map((u, n) => {
    const grid = layoutToGrid(buildUnitTabLayout(state, u), u.sheetId as string);
    fillGrid(grid, n, state.indicators);
    return grid;
  });
  const sheets: SheetInfo[] = live.map((u, i) => ({
    id: u.sheetId as string,
    name: u.sheetName,
    position: i + 1,
  }));
  const cells = grids.reduce((a, g) => a + g.values.reduce((b, r) => b + r.length, 0), 0);
  const now = new Date("2022-10-30T10:00:00+07:00");
  return {
    units: live.length,
    cells,
    collectAndAggregate: () => {
      const collected = collectWorkbook(state, sheets, grids, now);
      return { collected, totals: aggregate(state.indicators, collected.units) };
    },
    check: ({ collected, totals }) => {
      if (collected.units.length !== live.length) {
        throw new Error(`collect: ${collected.units.length} units read, ${live.length} expected`);
      }
      state.indicators.forEach((ind, i) => {
        if (ind.aggregation !== "sum") return;
        const want = expectedSum(live.length, i);
        if (totals[ind.code]?.value !== want) {
          throw new Error(
            `collect: total of ${ind.code} is ${String(totals[ind.code]?.value)}, expected ${want}`,
          );
        }
      });
    },
  };
}
