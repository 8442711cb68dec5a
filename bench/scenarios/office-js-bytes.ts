/**
 * Real Office.js bytes for the bench: the product's write requests replayed through the Office.js runtime
 * Excel on the web runs (@microsoft/office-js in jsdom, test/support/office-js-runtime.ts), so the payload
 * figures are the bytes Excel's 5 MB limit applies to, not a count of our own.
 * - `replayWrites`: the WorkbookChanges a piece of work wrote, planned exactly as the adapter planned them
 *   (same features, same style names the workbook had) and queued by the adapter's own code on one real
 *   request context, request after request: the size of each request Office.js would send.
 * - `unitTabBytes`: one unit tab's commands alone in a fresh context (the figure finding A1 compares).
 */
import type { WorkbookChanges } from "../../src/core/workbook/model";
import type { Plan } from "../../src/core/plan/types";
import type { Indicator } from "../../src/core/workbook/indicators";
import { loadExports } from "../load";

export interface RecordedWrite {
  changes: WorkbookChanges;
  /** The workbook's style names when the write was planned (the adapter read them with the overview). */
  styles: string[];
}

/**
 * One unit tab of generatePlan(3) with the bench's 50 indicators, its commands alone through the real
 * runtime, at commit 5b5b5de (the review's replay; tabs of 58,977–59,014 bytes, mean of the three).
 */
export const UNIT_TAB_BYTES_AT_5B5B5DE = 58_995;

const FEATURES = { api17: true, api18: true, api19: true };

interface WireModules {
  WriteSession: new (
    context: Excel.RequestContext,
    features: typeof FEATURES,
  ) => {
    context: Excel.RequestContext;
    endRequest(readId: (sheet: Excel.Worksheet) => string): void;
  };
  queueCommand: (context: Excel.RequestContext, c: unknown, session: unknown) => void;
  planWriteRequests: (
    changes: WorkbookChanges,
    o: { features: typeof FEATURES; existingStyles: Set<string>; budget: number; limit: number },
  ) => { commands: { command: { op: string; key?: string; ref?: { key?: string } } }[]; bytes: number }[];
  queueWriteRequest: (
    session: unknown,
    commands: unknown[],
    changes: WorkbookChanges,
    guards: boolean,
  ) => void;
  planCommands: (
    changes: WorkbookChanges,
    o: { features: typeof FEATURES; existingStyles: Set<string> },
    maxArrayBytes: number,
  ) => { command: { op: string; key?: string; ref?: { key?: string } } }[];
  officeJsContext: () => Excel.RequestContext;
  captureSync: (context: Excel.RequestContext) => Promise<{ bytes: number }>;
  EXCEL_PAYLOAD_LIMIT_BYTES: number;
  defaultRequestBudget: (limit: number) => number;
}

let modules: Promise<WireModules> | null = null;

function load(): Promise<WireModules> {
  modules ??= (async () => ({
    ...(await loadExports<Pick<WireModules, "WriteSession" | "queueCommand">>("src/excel/queue-commands", [
      "WriteSession",
      "queueCommand",
    ])),
    ...(await loadExports<Pick<WireModules, "planWriteRequests" | "queueWriteRequest">>(
      "src/excel/write-requests",
      ["planWriteRequests", "queueWriteRequest"],
    )),
    ...(await loadExports<Pick<WireModules, "planCommands">>("src/excel/render-commands", ["planCommands"])),
    ...(await loadExports<Pick<WireModules, "officeJsContext" | "captureSync">>(
      "test/support/office-js-runtime",
      ["officeJsContext", "captureSync"],
    )),
    ...(await loadExports<Pick<WireModules, "EXCEL_PAYLOAD_LIMIT_BYTES" | "defaultRequestBudget">>(
      "src/excel/office-workbook-port",
      ["EXCEL_PAYLOAD_LIMIT_BYTES", "defaultRequestBudget"],
    )),
  }))();
  return modules;
}

/** Real Office.js bytes of every request of these writes, in order. */
export async function replayWrites(writes: readonly RecordedWrite[]): Promise<number[]> {
  const m = await load();
  const out: number[] = [];
  for (const w of writes) {
    const requests = m.planWriteRequests(w.changes, {
      features: FEATURES,
      existingStyles: new Set(w.styles),
      budget: m.defaultRequestBudget(m.EXCEL_PAYLOAD_LIMIT_BYTES),
      limit: m.EXCEL_PAYLOAD_LIMIT_BYTES,
    });
    const session = new m.WriteSession(m.officeJsContext(), FEATURES);
    let sheetNo = 0;
    for (const [i, r] of requests.entries()) {
      m.queueWriteRequest(session, r.commands, w.changes, i === 0);
      out.push((await m.captureSync(session.context)).bytes);
      // Sheets added by this request are fetched by id in the next ones: an id of Excel's length.
      session.endRequest(() => `{${String(++sheetNo).padStart(8, "0")}-0001-0000-0000-000000000000}`);
    }
  }
  return out;
}

/** Mean real Office.js bytes of the unit tabs of a 3-unit creation (each tab's commands alone). */
export async function unitTabBytes(plan: Plan, indicators: Indicator[]): Promise<number> {
  const m = await load();
  const { planWorkbookChanges } = await loadExports<{
    planWorkbookChanges: (i: unknown) => { changes: WorkbookChanges };
  }>("src/core/workbook/plan-changes", ["planWorkbookChanges"]);
  const changes = planWorkbookChanges({
    plan,
    indicators,
    previous: null,
    sheets: [],
    grids: [],
    planId: "bench",
  }).changes;
  // The named styles are the workbook's, defined once for every tab: a tab's own bytes are its commands.
  const commands = m.planCommands(
    changes,
    { features: FEATURES, existingStyles: new Set(["Normal"]) },
    4_000_000,
  );
  const units = changes.patches.filter((p) => p.layout.role === "unit").map((p) => p.layout.key);
  let total = 0;
  for (const key of units) {
    const mine = commands.filter((c) =>
      c.command.op === "addSheet"
        ? c.command.key === key
        : c.command.op !== "activate" && c.command.ref?.key === key,
    );
    const session = new m.WriteSession(m.officeJsContext(), FEATURES);
    for (const c of mine) m.queueCommand(session.context, c.command, session);
    total += (await m.captureSync(session.context)).bytes;
  }
  return Math.round(total / units.length);
}
