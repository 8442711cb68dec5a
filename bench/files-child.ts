/**
 * Child process for the files benchmark: `tsx bench/files-child.ts <units>` runs, through ExcelJS,
 *   init    = create the tracker and the unit tabs of a generated plan and save the .xlsx (timed),
 *   (fill)  = type every unit's figures into the saved file (not timed: that is the units' work),
 *   summary = open the file, collect, check, write the summary, save a copy (timed),
 * and prints one JSON line with both times and this process's own peak memory.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { WorkbookPort } from "../src/app/workbook-port";
import type { Plan } from "../src/core/plan/types";
import type { WorkbookState } from "../src/core/state/types";
import type { Indicator } from "../src/core/workbook/indicators";
import type { CellValue } from "../src/core/workbook/model";
import { maxRssBytes, withMemoryPeak } from "./harness";
import { isNotBuilt, loadExports } from "./load";
import { benchPlan, figure, indicatorCells } from "./workload";

interface FilePort extends WorkbookPort {
  typeValues(sheetId: string, cells: Record<string, CellValue>): void;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(start);
  return (c.user + c.system) / 1000;
}

async function main(): Promise<void> {
  const units = Number(process.argv[2] ?? "100");
  const { createWorkbook } = await loadExports<{
    createWorkbook: (
      p: WorkbookPort,
      o: { plan: Plan; indicators: Indicator[]; now: Date },
    ) => Promise<{ state: WorkbookState }>;
  }>("src/app/create-workbook", ["createWorkbook"]);
  const { collectAndSummarise } = await loadExports<{
    collectAndSummarise: (p: WorkbookPort, o: { now: Date }) => Promise<{ submissions: unknown[] }>;
  }>("src/app/collect-and-summarise", ["collectAndSummarise"]);
  const file = await loadExports<{
    newWorkbook: () => FilePort;
    openWorkbookFile: (path: string) => Promise<FilePort>;
    saveWorkbook: (p: FilePort, path: string) => Promise<void>;
  }>("src/file/workbook-file", ["newWorkbook", "openWorkbookFile", "saveWorkbook"]);
  const { defaultIndicators } = await loadExports<{ defaultIndicators: (p: Plan) => Indicator[] }>(
    "src/core/workbook/indicator-catalogue",
    ["defaultIndicators"],
  );

  const dir = mkdtempSync(join(tmpdir(), "bench-files-"));
  try {
    const plan = await benchPlan(units);
    const indicators = defaultIndicators(plan);
    const created = join(dir, "so-theo-doi.xlsx");
    const filled = join(dir, "so-da-nhap.xlsx");
    const summarised = join(dir, "so-tong-hop.xlsx");
    const createdAt = new Date("2022-10-12T09:00:00+07:00");
    const now = new Date("2022-10-20T09:00:00+07:00");

    const { result, memory } = await withMemoryPeak(async () => {
      let t0 = performance.now();
      let c0 = process.cpuUsage();
      const port = file.newWorkbook();
      const { state } = await createWorkbook(port, { plan, indicators, now: createdAt });
      await file.saveWorkbook(port, created);
      const initMs = performance.now() - t0;
      const initCpuMs = cpuMsSince(c0);

      // The units' typing (not timed), into the same workbook, saved as the file the secretary gets back.
      const typed = port;
      const live = state.units.filter((u) => !u.removed && u.sheetId);
      const grids = await typed.readGrids(live.map((u) => u.sheetId as string));
      const codes = state.indicators.map((i) => i.code);
      grids.forEach((grid, n) => {
        const cells: Record<string, CellValue> = {};
        const at = indicatorCells(grid, codes);
        state.indicators.forEach((ind, i) => {
          const a = at.get(ind.code);
          if (a && ind.type !== "text" && ind.type !== "date") cells[a] = figure(n, i);
        });
        typed.typeValues(grid.sheetId, cells);
      });
      await file.saveWorkbook(typed, filled);

      t0 = performance.now();
      c0 = process.cpuUsage();
      const port2 = await file.openWorkbookFile(filled);
      const summary = await collectAndSummarise(port2, { now });
      await file.saveWorkbook(port2, summarised);
      const summaryMs = performance.now() - t0;
      const summaryCpuMs = cpuMsSince(c0);
      return {
        initMs,
        initCpuMs,
        summaryMs,
        summaryCpuMs,
        unitsSummarised: summary.submissions.length,
        unitTabs: live.length,
      };
    });
    process.stdout.write(
      `${JSON.stringify({
        units,
        unitTabs: result.unitTabs,
        unitsSummarised: result.unitsSummarised,
        indicators: indicators.length,
        initMs: result.initMs,
        initCpuMs: result.initCpuMs,
        summaryMs: result.summaryMs,
        summaryCpuMs: result.summaryCpuMs,
        peakRssBytes: Math.max(memory.peakRss, maxRssBytes()),
        peakHeapBytes: memory.peakHeapUsed,
      })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stdout.write(`${e instanceof Error ? e.message : String(e)}\n`);
  if (!isNotBuilt(e)) process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
