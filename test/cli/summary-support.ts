/** Helpers for the CLI tests: captured io, the two adapters filled with the same sample figures. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CliIo } from "../../src/cli/io";
import { createWorkbook } from "../../src/app/create-workbook";
import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import { summaryJson, type SummaryJson } from "../../src/cli/commands/summary";
import { sampleFills, type UnitFill } from "../../src/cli/sample-figures";
import type { Plan } from "../../src/core/plan/types";
import { parseState } from "../../src/core/state/serialize-state";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { newWorkbook, saveWorkbook } from "../../src/file/workbook-file";
import type { FileWorkbookPort } from "../../src/file/file-workbook-port";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";

export interface CapturedIo extends CliIo {
  out: string[];
  err: string[];
}

export function captureIo(cwd?: string): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, cwd, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}

export const CREATED_AT = new Date("2022-10-12T15:00:00+07:00");
export const SUMMARY_AT = "2022-10-17T10:00:00+07:00";

/** The file adapter: create the workbook, type the sample figures, save. */
export async function fileWorkbookWithFigures(
  plan: Plan,
  dir: string,
  name: string,
): Promise<{ path: string; port: FileWorkbookPort; fills: UnitFill[] }> {
  const port = newWorkbook();
  await createWorkbook(port, { plan, indicators: defaultIndicators(plan), now: CREATED_AT });
  const fills = await fillFile(port);
  const path = join(dir, name);
  await saveWorkbook(port, path);
  return { path, port, fills };
}

export async function fillFile(port: FileWorkbookPort): Promise<UnitFill[]> {
  const o = await port.readOverview();
  const state = parseState(o.stateXml!);
  const grids = await port.readGrids(state.units.map((u) => u.sheetId!).filter(Boolean));
  const fills = sampleFills(state, grids);
  for (const f of fills) port.typeValues(f.sheetId, f.cells);
  return fills;
}

/** The Office.js path on the simulated host: create, people type the same figures, one-click summary. */
export async function officeSummary(
  plan: Plan,
  now = SUMMARY_AT,
): Promise<{ json: SummaryJson; fills: UnitFill[] }> {
  const host = new SimulatedExcelHost();
  const port = createOfficeWorkbookPort(host.runner, { isSetSupported: () => true });
  await createWorkbook(port, { plan, indicators: defaultIndicators(plan), now: CREATED_AT });
  const o = await port.readOverview();
  const state = parseState(o.stateXml!);
  const grids = await port.readGrids(state.units.map((u) => u.sheetId!).filter(Boolean));
  const fills = sampleFills(state, grids);
  for (const f of fills)
    for (const [address, value] of Object.entries(f.cells)) host.setCellByUser(f.sheetName, address, value);
  const result = await collectAndSummarise(port, { now: new Date(now) });
  return { json: summaryJson(result), fills };
}

export function writeText(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
