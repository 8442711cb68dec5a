import { collectWorkbook } from "../../../src/core/collect/collect-workbook";
import { trackUnits } from "../../../src/core/tracking/track-units";
import { aggregate } from "../../../src/core/summary/aggregate";
import { buildReport } from "../../../src/core/summary/build-report";
import type { SheetGrid } from "../../../src/core/workbook/grid";
import type { WorkbookState } from "../../../src/core/state/types";
import { NOW, seedScenario } from "../collect/grid-fixtures";

export function seedReport(
  mutate?: (s: { state: WorkbookState; grids: SheetGrid[] }) => void,
  secretaryText: string[] | null = null,
) {
  const scenario = seedScenario();
  mutate?.(scenario);
  const { state, grids } = scenario;
  const sheets = grids.map((g, i) => ({ id: g.sheetId, name: g.name, position: i }));
  const collected = collectWorkbook(state, sheets, grids, NOW);
  const tracking = trackUnits(state, collected.units, NOW);
  const totals = aggregate(state.indicators, collected.units);
  const report = buildReport({
    state,
    submissions: collected.units,
    tracking,
    findings: collected.findings,
    totals,
    now: NOW,
    secretaryText,
  });
  return { state, grids, collected, tracking, totals, report };
}
