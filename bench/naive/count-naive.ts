/**
 * Count, without sending anything, what the naive adapter (naive-port.ts) would send for the same work:
 * record the calls a use-case makes on the product's port (and what they returned), then replay them
 * through the naive adapter's own request plan. Syncs are exact; bytes are planned bytes (the JSON size of
 * the planned operations), which the bench scales to host bytes with a factor measured on a real run.
 */
import type { ApplyResult, WorkbookOverview, WorkbookPort } from "../../src/app/workbook-port";
import type { SheetGrid } from "../../src/core/workbook/grid";
import type { WorkbookChanges } from "../../src/core/workbook/model";
import { READ_BYTES, patchRequests, plannedBytes, type NaiveCounters, type NaiveMode } from "./naive-port";

export type PortCall =
  | { kind: "readOverview"; ids: string[]; result: WorkbookOverview }
  | { kind: "readGrids"; ids: string[]; result: SheetGrid[] }
  | { kind: "applyChanges"; changes: WorkbookChanges; result: ApplyResult };

/** A WorkbookPort that passes every call through and records it (successful calls only). */
export class RecordingPort implements WorkbookPort {
  readonly calls: PortCall[] = [];
  constructor(private readonly inner: WorkbookPort) {}

  async readOverview(gridSheetIds: string[] = []): Promise<WorkbookOverview> {
    const result = await this.inner.readOverview(gridSheetIds);
    this.calls.push({ kind: "readOverview", ids: [...gridSheetIds], result });
    return result;
  }

  async readGrids(sheetIds: string[]): Promise<SheetGrid[]> {
    const result = await this.inner.readGrids(sheetIds);
    this.calls.push({ kind: "readGrids", ids: [...sheetIds], result });
    return result;
  }

  async applyChanges(changes: WorkbookChanges): Promise<ApplyResult> {
    const result = await this.inner.applyChanges(changes);
    this.calls.push({ kind: "applyChanges", changes, result });
    return result;
  }
}

class Tally {
  readonly c: NaiveCounters = { syncs: 0, plannedBytes: 0, maxPlannedBytes: 0 };
  add(bytes: number): void {
    this.c.syncs++;
    this.c.plannedBytes += bytes;
    if (bytes > this.c.maxPlannedBytes) this.c.maxPlannedBytes = bytes;
  }
}

function gridCost(t: Tally, mode: NaiveMode, sheetId: string, grid: SheetGrid | undefined): void {
  t.add(READ_BYTES.usedRange(sheetId));
  if (mode !== "per-cell" || !grid) return;
  grid.values.forEach((row, r) =>
    row.forEach((_, c) => t.add(READ_BYTES.cell(sheetId, grid.origin.row + r, grid.origin.column + c))),
  );
}

/** What the naive adapter would send for these recorded calls. */
export function countNaive(calls: readonly PortCall[], mode: NaiveMode): NaiveCounters {
  const t = new Tally();
  for (const call of calls) {
    if (call.kind === "readOverview") {
      const r = call.result;
      t.add(READ_BYTES.parts());
      if (r.stateXmlCount > 0) t.add(READ_BYTES.xml());
      t.add(READ_BYTES.sheets());
      const byId = new Map(r.grids.map((g) => [g.sheetId, g]));
      for (const id of call.ids) {
        if (!r.sheets.some((s) => s.id === id)) continue;
        gridCost(t, mode, id, byId.get(id));
      }
    } else if (call.kind === "readGrids") {
      const byId = new Map(call.result.map((g) => [g.sheetId, g]));
      for (const id of call.ids) gridCost(t, mode, id, byId.get(id));
    } else {
      const { changes } = call;
      for (const patch of changes.patches) {
        for (const request of patchRequests(patch, mode)) t.add(plannedBytes(request));
      }
      if (changes.stateXml !== undefined) {
        t.add(READ_BYTES.parts());
        t.add(plannedBytes([{ op: "state", xml: changes.stateXml }]));
      }
      if (changes.activateKey && changes.patches.some((p) => p.layout.key === changes.activateKey)) {
        t.add(READ_BYTES.activate());
      }
    }
  }
  return t.c;
}
