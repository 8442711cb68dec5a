/**
 * Workloads built with the product's own code: an indicator set of any size (the catalogue first, then
 * generated ones), a state for a generated plan, unit-tab grids filled with figures, and the figure each
 * unit types (deterministic, so totals can be checked).
 */
import type { Indicator } from "../src/core/workbook/indicators";
import type { Plan } from "../src/core/plan/types";
import type { WorkbookState } from "../src/core/state/types";
import type { SheetGrid } from "../src/core/workbook/grid";
import type { CellValue, SheetLayout } from "../src/core/workbook/model";
import { adr, parseAddress } from "../src/core/workbook/address";
import { CODE_COLUMN, INDICATOR_COLUMNS } from "../src/core/workbook/unit-tab-schema";
import { loadExports } from "./load";

/** Catalogue indicators (without their catalogue-only fields), then generated ones up to `n`. */
export async function benchIndicators(n: number): Promise<Indicator[]> {
  const { INDICATOR_CATALOGUE } = await loadExports<{ INDICATOR_CATALOGUE: Indicator[] }>(
    "src/core/workbook/indicator-catalogue",
    ["INDICATOR_CATALOGUE"],
  );
  const out: Indicator[] = INDICATOR_CATALOGUE.slice(0, n).map((c) => {
    const ind: Indicator = {
      code: c.code,
      name: c.name,
      unit: c.unit,
      type: c.type,
      aggregation: c.aggregation,
      required: c.required,
    };
    if (c.plausibleMax !== undefined) ind.plausibleMax = c.plausibleMax;
    return ind;
  });
  for (let i = out.length + 1; out.length < n; i++) {
    out.push({
      code: `CT_${String(i).padStart(3, "0")}`,
      name: `Chỉ tiêu bổ sung số ${i}`,
      unit: "lượt",
      type: "integer",
      aggregation: "sum",
      required: false,
    });
  }
  return out;
}

export async function benchPlan(nUnits: number): Promise<Plan> {
  const { generatePlan } = await loadExports<{ generatePlan: (n: number, seed?: number) => Plan }>(
    "src/core/workbook/generate-plan",
    ["generatePlan"],
  );
  return generatePlan(nUnits);
}

/** The figure unit number `u` types for indicator number `i` (a whole number, so every type accepts it). */
export function figure(u: number, i: number): number {
  return ((u * 7 + i * 13) % 97) + 1;
}

/** Expected sum of `figure` over units 0..nUnits-1 for indicator i. */
export function expectedSum(nUnits: number, i: number): number {
  let s = 0;
  for (let u = 0; u < nUnits; u++) s += figure(u, i);
  return s;
}

/** A state for a generated plan with `nInd` indicators, and fake host sheet ids "sh-<unitId>". */
export async function benchState(nUnits: number, nInd: number): Promise<WorkbookState> {
  const [plan, indicators] = await Promise.all([benchPlan(nUnits), benchIndicators(nInd)]);
  const { createState } = await loadExports<{
    createState: (
      p: Plan,
      i: Indicator[],
      o: { planId: string; existingSheetNames: string[] },
    ) => WorkbookState;
  }>("src/core/state/create-state", ["createState"]);
  const state = createState(plan, indicators, { planId: "bench-plan", existingSheetNames: [] });
  return {
    ...state,
    units: state.units.map((u) => ({ ...u, sheetId: `sh-${u.unitId}` })),
    trackerSheet: { ...state.trackerSheet, sheetId: "sh-tracker" },
    summarySheet: state.summarySheet ? { ...state.summarySheet, sheetId: "sh-summary" } : null,
  };
}

/** What a host would read back from a sheet written from `layout`: the used range as values and formulas. */
export function layoutToGrid(layout: SheetLayout, sheetId: string): SheetGrid {
  let maxRow = 0;
  let maxCol = 0;
  const parsed = Object.entries(layout.cells).map(([a, spec]) => {
    const p = parseAddress(a);
    if (p.row > maxRow) maxRow = p.row;
    if (p.column > maxCol) maxCol = p.column;
    return { p, spec };
  });
  const values: CellValue[][] = Array.from({ length: maxRow + 1 }, () =>
    new Array<CellValue>(maxCol + 1).fill(""),
  );
  const formulas: CellValue[][] = Array.from({ length: maxRow + 1 }, () =>
    new Array<CellValue>(maxCol + 1).fill(""),
  );
  for (const { p, spec } of parsed) {
    const v = spec.formula !== undefined ? (spec.cachedValue ?? "") : (spec.value ?? "");
    values[p.row][p.column] = v;
    formulas[p.row][p.column] = spec.formula !== undefined ? `=${spec.formula}` : v;
  }
  return { sheetId, name: layout.name, origin: { row: 0, column: 0 }, values, formulas };
}

/** Addresses of the indicator value cells of a unit tab, by code (rows found by the code in column A). */
export function indicatorCells(grid: SheetGrid, codes: readonly string[]): Map<string, string> {
  const wanted = new Set(codes);
  const out = new Map<string, string>();
  grid.values.forEach((row, r) => {
    const code = row[CODE_COLUMN - grid.origin.column];
    if (typeof code === "string" && wanted.has(code)) {
      out.set(code, adr(grid.origin.row + r, INDICATOR_COLUMNS.value));
    }
  });
  return out;
}

/** Type the figures of unit number `u` into its grid (in place). */
export function fillGrid(grid: SheetGrid, u: number, indicators: readonly Indicator[]): void {
  const cells = indicatorCells(
    grid,
    indicators.map((i) => i.code),
  );
  indicators.forEach((ind, i) => {
    const a = cells.get(ind.code);
    if (!a) return;
    const p = parseAddress(a);
    const row = p.row - grid.origin.row;
    const col = p.column - grid.origin.column;
    while (grid.values[row].length <= col) {
      grid.values[row].push("");
      grid.formulas[row].push("");
    }
    grid.values[row][col] = figure(u, i);
    grid.formulas[row][col] = figure(u, i);
  });
}
