/**
 * The round-trip bench on tiny sizes: the product pass works end to end on the simulated host, and the
 * naive figures counted from the product's recorded calls equal what the naive adapter really sends.
 * No timing is asserted.
 */
import { countedNaive, loadProduct, onePass, WORKS, allowedSyncs } from "../../bench/scenarios/round-trips";
import {
  chunkOps,
  patchRequests,
  planPatchOps,
  plannedBytes,
  type NaiveMode,
} from "../../bench/naive/naive-port";
import { benchIndicators, benchPlan } from "../../bench/workload";
import type { SheetPatch } from "../../src/core/workbook/model";

function patch(cells: number): SheetPatch {
  const c: SheetPatch["cells"] = {};
  for (let i = 1; i <= cells; i++) c[`A${i}`] = { value: `ô ${i}`, style: { bold: i % 2 === 0 } };
  return {
    sheetId: null,
    create: true,
    cells: c,
    layout: {
      key: "unit:u1",
      role: "unit",
      name: "Tổ 1",
      cells: c,
      merges: ["A1:B1"],
      columnWidths: [5, 10],
      inputRanges: ["B2:B3"],
      validations: [],
      freeze: { rows: 1, columns: 0 },
      print: { paper: "A4", orientation: "portrait", fitToWidth: true },
      protection: { protect: true },
    },
  };
}

describe("naive request plan", () => {
  it("per-cell sends one request per operation, per-unit one per sheet", () => {
    const p = patch(5);
    const ops = planPatchOps(p);
    // addSheet, 5 cells, merge, 2 widths, unlock, freeze, protect
    expect(ops).toHaveLength(12);
    expect(patchRequests(p, "per-cell")).toHaveLength(12);
    expect(patchRequests(p, "per-unit")).toEqual([ops]);
  });

  it("per-unit splits a sheet's writes only past the size budget", () => {
    const ops = planPatchOps(patch(200));
    const budget = 2000;
    const chunks = chunkOps(ops, budget);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat()).toEqual(ops);
    for (const c of chunks) expect(plannedBytes(c)).toBeLessThanOrEqual(budget);
    expect(chunkOps(ops, 10_000_000)).toHaveLength(1);
  });
});

describe("round trips on the simulated host (3 units × 8 indicators)", () => {
  it("the product pass stays within its sync budget and the naive counts equal real naive runs", async () => {
    const product = await loadProduct();
    const plan = await benchPlan(3);
    const indicators = await benchIndicators(8);
    const pass = await onePass({ product, adapter: "product", plan, indicators, replay: true });
    // The create's largest request is its write: replayed through the real Office.js runtime, it is the
    // size the simulated host counted.
    const real = pass.result.create.realWrites ?? [];
    expect(real.length).toBeGreaterThan(0);
    expect(Math.max(...real)).toBe(pass.result.create.maxRequestBytes);
    for (const w of WORKS) {
      expect(pass.result[w].error).toBeUndefined();
      expect(pass.result[w].syncs).toBeGreaterThan(0);
      expect(pass.result[w].syncs).toBeLessThanOrEqual(allowedSyncs(w, pass.result[w]));
      expect(pass.calls[w].length).toBeGreaterThan(0);
    }
    for (const mode of ["per-unit", "per-cell"] as NaiveMode[]) {
      const real = (await onePass({ product, adapter: mode, plan, indicators })).result;
      const counted = countedNaive(pass, mode, null);
      for (const w of WORKS) {
        expect(real[w].error).toBeUndefined();
        expect({ work: w, mode, syncs: counted[w].syncs, planned: counted[w].plannedBytes }).toEqual({
          work: w,
          mode,
          syncs: real[w].syncs,
          planned: real[w].plannedBytes,
        });
        expect(real[w].syncs).toBeGreaterThan(pass.result[w].syncs);
      }
    }
  });
});
