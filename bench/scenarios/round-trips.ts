/**
 * Round trips and payload on the simulated Excel host: "create sheets" and the one-click summary (cold and
 * warm) at several sizes, by the product's Office.js adapter and by the naive per-unit and per-cell
 * baselines (bench/naive). The host counts every sync and its request bytes (shaped as Office.js builds
 * requests); the product's write requests are also replayed through the real Office.js runtime
 * (office-js-bytes.ts). The latency model turns syncs and bytes into a modelled time.
 */
import type { WorkbookPort } from "../../src/app/workbook-port";
import type { Plan } from "../../src/core/plan/types";
import type { WorkbookState } from "../../src/core/state/types";
import type { Indicator } from "../../src/core/workbook/indicators";
import type { SheetGrid } from "../../src/core/workbook/grid";
import { stats } from "../harness";
import {
  REAL_LIMIT_BYTES,
  REQUEST_LIMIT_BYTES,
  modelledMs,
  type LatencyModel,
  type TrafficCount,
} from "../latency-model";
import { isNotBuilt, loadExports } from "../load";
import { NaivePort, type ExcelRun, type NaiveMode } from "../naive/naive-port";
import { RecordingPort, countNaive, type PortCall } from "../naive/count-naive";
import { NOT_BUILT, fmtBytes, fmtInt, fmtMs, fmtRatio, type TargetCheck } from "../report";
import type { BenchOptions, ScenarioResult } from "../scenario";
import { benchIndicators, benchPlan, expectedSum, figure, indicatorCells } from "../workload";
import { type RecordedWrite, UNIT_TAB_BYTES_AT_5B5B5DE, replayWrites, unitTabBytes } from "./office-js-bytes";

// ---- the pieces under test, loaded when they have landed -------------------------------------------

interface SyncRecord {
  requestBytes: number;
  responseBytes?: number;
}
interface Host {
  readonly syncs: SyncRecord[];
  readonly runner: ExcelRun;
  isSetSupported(name: string, version: string): boolean;
  setCellByUser(sheetKey: string, address: string, input: string | number | boolean | null): void;
  styleNames?(): string[];
}
interface TotalLike {
  value: number | string | null;
}
interface SummaryResult {
  sheetIds: string[];
  totals: Record<string, TotalLike>;
  submissions: unknown[];
}
export interface Product {
  newHost: () => Host;
  officePort: (host: Host) => WorkbookPort;
  createWorkbook: (
    port: WorkbookPort,
    o: { plan: Plan; indicators: Indicator[]; now: Date },
  ) => Promise<{ state: WorkbookState }>;
  collectAndSummarise: (
    port: WorkbookPort,
    o: { now: Date; knownSheetIds?: string[] },
  ) => Promise<SummaryResult>;
}

export async function loadProduct(): Promise<Product> {
  const sim = await loadExports<{ SimulatedExcelHost: new () => Host }>("src/testing/simulated-excel/index", [
    "SimulatedExcelHost",
  ]);
  const office = await loadExports<{
    createOfficeWorkbookPort: (
      run: ExcelRun,
      o?: { isSetSupported?: (v: string) => boolean },
    ) => WorkbookPort;
  }>("src/excel/office-workbook-port", ["createOfficeWorkbookPort"]);
  const create = await loadExports<Pick<Product, "createWorkbook">>("src/app/create-workbook", [
    "createWorkbook",
  ]);
  const summary = await loadExports<Pick<Product, "collectAndSummarise">>("src/app/collect-and-summarise", [
    "collectAndSummarise",
  ]);
  return {
    newHost: () => new sim.SimulatedExcelHost(),
    officePort: (host) =>
      office.createOfficeWorkbookPort(host.runner, {
        isSetSupported: (v) => host.isSetSupported("ExcelApi", v),
      }),
    createWorkbook: create.createWorkbook,
    collectAndSummarise: summary.collectAndSummarise,
  };
}

// ---- one measured pass ------------------------------------------------------------------------------

export type Adapter = "product" | "per-unit" | "per-cell";
export type Work = "create" | "summary-cold" | "summary-warm";
export const WORKS: Work[] = ["create", "summary-cold", "summary-warm"];

export interface Measured extends TrafficCount {
  cpuMs: number;
  /** Counted from the recorded work instead of sent (naive baselines at large sizes). */
  estimated: boolean;
  /** Naive baselines: the planned bytes (JSON of the planned operations), before scaling to host bytes. */
  plannedBytes?: number;
  maxPlannedBytes?: number;
  /** The work failed (e.g. a request or response over 5 MB): its message. */
  error?: string;
  /** Product passes: each write request's bytes through the real Office.js runtime (office-js-bytes.ts). */
  realWrites?: number[];
}

export type PassResult = Record<Work, Measured>;

function traffic(host: Host, from: number): TrafficCount {
  const s = host.syncs.slice(from);
  return {
    syncs: s.length,
    totalBytes: s.reduce((a, r) => a + r.requestBytes, 0),
    maxRequestBytes: s.reduce((m, r) => Math.max(m, r.requestBytes), 0),
    totalResponseBytes: s.reduce((a, r) => a + (r.responseBytes ?? 0), 0),
  };
}

const CREATED_AT = new Date("2022-10-12T09:00:00+07:00");
const SUMMARY_AT = new Date("2022-10-20T09:00:00+07:00");

/** Type every unit's figures into its tab, as the people would (host-side: not counted as traffic). */
async function typeFigures(host: Host, reader: WorkbookPort, state: WorkbookState): Promise<number> {
  const live = state.units.filter((u) => !u.removed && u.sheetId);
  const grids: SheetGrid[] = [];
  // In slices, so no single read passes the host's 5 MB response limit.
  for (let i = 0; i < live.length; i += 40) {
    grids.push(...(await reader.readGrids(live.slice(i, i + 40).map((u) => u.sheetId as string))));
  }
  const codes = state.indicators.map((i) => i.code);
  grids.forEach((grid, n) => {
    const at = indicatorCells(grid, codes);
    state.indicators.forEach((ind, i) => {
      const a = at.get(ind.code);
      if (a && ind.type !== "text" && ind.type !== "date") host.setCellByUser(grid.sheetId, a, figure(n, i));
    });
  });
  return grids.length;
}

/** Sum indicators must total what was typed: a fast wrong summary is not a result. */
function checkTotals(result: SummaryResult, state: WorkbookState, typedUnits: number, who: string): void {
  state.indicators.forEach((ind, i) => {
    if (ind.aggregation !== "sum" || ind.type === "text" || ind.type === "date") return;
    const want = expectedSum(typedUnits, i);
    const got = result.totals[ind.code]?.value;
    if (got !== want) throw new Error(`${who}: total of ${ind.code} is ${String(got)}, expected ${want}`);
  });
}

export interface PassInput {
  product: Product;
  adapter: Adapter;
  plan: Plan;
  indicators: Indicator[];
  /** Replay the product's writes through the real Office.js runtime (the pass whose figures are shown). */
  replay?: boolean;
}

export interface Pass {
  result: PassResult;
  /** The port calls each piece of work made (product passes only): the input of the naive counts. */
  calls: Record<Work, PortCall[]>;
}

function failed(why: string): Measured {
  return { syncs: 0, totalBytes: 0, maxRequestBytes: 0, cpuMs: 0, estimated: false, error: why };
}

function errorText(e: unknown): string {
  const code =
    (e as { code?: string; cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code;
  const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
  if (code && /LimitExceeded/.test(code)) return code;
  return code ? `${code}: ${msg.slice(0, 120)}` : msg.slice(0, 140);
}

/** Create, type every unit's figures, summarise cold, summarise warm — on a fresh simulated host. */
export async function onePass(input: PassInput): Promise<Pass> {
  const { product, adapter, plan, indicators } = input;
  const host = product.newHost();
  const naive = adapter === "product" ? null : new NaivePort(host.runner, { mode: adapter as NaiveMode });
  // The writes of the current piece of work, with the style names the adapter planned them against.
  let writes: RecordedWrite[] = [];
  const officePort = product.officePort(host);
  const recorder = naive
    ? null
    : new RecordingPort({
        ...officePort,
        applyChanges: (changes) => {
          writes.push({ changes, styles: host.styleNames?.() ?? [] });
          return officePort.applyChanges(changes);
        },
      });
  const port: WorkbookPort = naive ?? (recorder as RecordingPort);
  const calls = { create: [], "summary-cold": [], "summary-warm": [] } as Record<Work, PortCall[]>;

  const step = async <T>(work: Work, fn: () => Promise<T>): Promise<{ value: T | null; m: Measured }> => {
    const from = host.syncs.length;
    writes = [];
    const callsFrom = recorder?.calls.length ?? 0;
    const before = naive ? { ...naive.counters } : null;
    if (naive) naive.counters.maxPlannedBytes = 0;
    const c0 = process.cpuUsage();
    let value: T | null = null;
    let error: string | undefined;
    try {
      value = await fn();
    } catch (e) {
      error = errorText(e);
    }
    // CPU time of this process (user + system): what the work costs here, whatever else the machine runs.
    const c = process.cpuUsage(c0);
    const m: Measured = { ...traffic(host, from), cpuMs: (c.user + c.system) / 1000, estimated: false };
    if (naive && before) {
      m.plannedBytes = naive.counters.plannedBytes - before.plannedBytes;
      m.maxPlannedBytes = naive.counters.maxPlannedBytes;
    }
    if (recorder) calls[work] = recorder.calls.slice(callsFrom);
    if (error) m.error = error;
    else if (recorder && input.replay) m.realWrites = await replayWrites(writes);
    return { value, m };
  };

  const created = await step("create", () =>
    product.createWorkbook(port, { plan, indicators, now: CREATED_AT }),
  );
  if (!created.value) {
    const why = "create failed";
    return { result: { create: created.m, "summary-cold": failed(why), "summary-warm": failed(why) }, calls };
  }
  const state = created.value.state;
  const typed = await typeFigures(host, product.officePort(host), state);
  const cold = await step("summary-cold", () => product.collectAndSummarise(port, { now: SUMMARY_AT }));
  if (cold.value) checkTotals(cold.value, state, typed, `${adapter} cold`);
  const known = cold.value?.sheetIds ?? [
    ...state.units.map((u) => u.sheetId).filter((id): id is string => !!id),
    ...[state.trackerSheet.sheetId, state.summarySheet?.sheetId].filter((id): id is string => !!id),
  ];
  const warm = await step("summary-warm", () =>
    product.collectAndSummarise(port, { now: SUMMARY_AT, knownSheetIds: known }),
  );
  if (warm.value) checkTotals(warm.value, state, typed, `${adapter} warm`);
  return { result: { create: created.m, "summary-cold": cold.m, "summary-warm": warm.m }, calls };
}

/** Host bytes ÷ planned bytes of a real naive run, per piece of work. */
export type BytesFactor = Record<Work, number>;

/** The naive figures for a product pass's recorded work, counted (not sent). */
export function countedNaive(pass: Pass, mode: NaiveMode, factor: BytesFactor | null): PassResult {
  const out = {} as PassResult;
  for (const w of WORKS) {
    const p = pass.result[w];
    if (p.error) {
      out[w] = failed(`n/a: the product's run failed`);
      continue;
    }
    const c = countNaive(pass.calls[w], mode);
    const f = factor?.[w] ?? 1;
    out[w] = {
      syncs: c.syncs,
      totalBytes: Math.round(c.plannedBytes * f),
      maxRequestBytes: Math.round(c.maxPlannedBytes * f),
      // The naive adapter's own CPU is not measured here: the product's CPU stands in for it.
      cpuMs: p.cpuMs,
      estimated: true,
      plannedBytes: c.plannedBytes,
      maxPlannedBytes: c.maxPlannedBytes,
    };
  }
  return out;
}

function factorOf(real: PassResult): BytesFactor {
  return Object.fromEntries(
    WORKS.map((w) => {
      const planned = real[w].plannedBytes ?? 0;
      return [w, planned > 0 && !real[w].error ? real[w].totalBytes / planned : 1];
    }),
  ) as BytesFactor;
}

// ---- the scenario -------------------------------------------------------------------------------------

export interface SizeResult {
  units: number;
  product: PassResult;
  productCpu: Record<Work, ReturnType<typeof stats>>;
  perUnit: PassResult;
  perCell: PassResult;
}

const LIMITS: Record<Work, number> = { create: 3, "summary-cold": 3, "summary-warm": 2 };
const LABEL: Record<Work, string> = {
  create: "create sheets",
  "summary-cold": "summary, cold",
  "summary-warm": "summary, warm",
};

/**
 * Syncs allowed: the limit, plus one more per 5 MB the writes could not avoid, plus one more per 5 MB of
 * what the reads bring back (Excel refuses a response over 5 MB just as it refuses a request).
 */
export function allowedSyncs(work: Work, m: TrafficCount): number {
  const writes = Math.max(1, Math.ceil(m.totalBytes / REQUEST_LIMIT_BYTES));
  const reads = Math.max(1, Math.ceil((m.totalResponseBytes ?? 0) / REQUEST_LIMIT_BYTES));
  return LIMITS[work] - 2 + writes + reads;
}

function modelled(m: Measured, latency: LatencyModel): number {
  return modelledMs(m, m.cpuMs, latency);
}

/** "4.85 MB (3 requests)": the largest of the real write requests, and how many there were. */
function realCell(real: number[]): string {
  if (real.length === 0) return "no write";
  return `${fmtBytes(Math.max(...real))} (${real.length} request${real.length > 1 ? "s" : ""})`;
}

function cellFor(m: Measured, text: string): string {
  return m.error ? (m.error.startsWith("n/a") ? m.error : `FAILED: ${m.error}`) : text;
}

export async function benchRoundTrips(options: BenchOptions, inject?: Product): Promise<ScenarioResult> {
  let product: Product;
  const header = [
    "units",
    "work",
    "syncs",
    "largest request",
    "largest write, real Office.js",
    "total sent",
    "modelled time (CPU)",
    "per-unit: syncs / modelled",
    "per-cell: syncs / modelled",
    "fewer round trips than per-unit, per-cell",
  ];
  const title = "Round trips and payload (simulated Excel host)";
  try {
    product = inject ?? (await loadProduct());
  } catch (e) {
    const why = isNotBuilt(e) ? NOT_BUILT : `error: ${(e as Error).message}`;
    return {
      sections: [{ title, header, rows: [["", "create / summary", why]] }],
      targets: [{ target: "create ≤ 3, summary ≤ 3 cold / ≤ 2 warm syncs", verdict: "n/a", detail: why }],
      data: {},
    };
  }

  const rows: string[][] = [];
  const targets: TargetCheck[] = [];
  const results: SizeResult[] = [];
  const indicators = await benchIndicators(options.indicators);
  const factors: Record<NaiveMode, BytesFactor | null> = { "per-unit": null, "per-cell": null };
  const realAt: Record<NaiveMode, number> = { "per-unit": 0, "per-cell": 0 };
  const problems: string[] = [];

  for (const units of options.sizes) {
    process.stderr.write(`bench: round trips at ${units} units…\n`);
    const plan = await benchPlan(units);
    const runs = units <= 10 ? options.runs : units <= 50 ? Math.min(options.runs, 3) : 1;
    const passes: Pass[] = [];
    for (let r = 0; r < runs; r++) {
      passes.push(await onePass({ product, adapter: "product", plan, indicators, replay: r === runs - 1 }));
    }
    const productCpu = Object.fromEntries(
      WORKS.map((w) => [w, stats(passes.map((p) => p.result[w].cpuMs))]),
    ) as Record<Work, ReturnType<typeof stats>>;
    const last = passes[passes.length - 1];
    for (const w of WORKS) last.result[w].cpuMs = productCpu[w].median;

    const naive: Record<NaiveMode, PassResult> = {
      "per-unit": {} as PassResult,
      "per-cell": {} as PassResult,
    };
    for (const mode of ["per-unit", "per-cell"] as NaiveMode[]) {
      const realMax = mode === "per-cell" ? options.perCellRealMax : options.perUnitRealMax;
      if (units <= realMax) {
        const real = (await onePass({ product, adapter: mode, plan, indicators })).result;
        factors[mode] = factorOf(real);
        realAt[mode] = units;
        const counted = countedNaive(last, mode, null);
        for (const w of WORKS) {
          if (real[w].error || counted[w].error) continue;
          if (real[w].syncs !== counted[w].syncs || real[w].plannedBytes !== counted[w].plannedBytes) {
            problems.push(
              `${mode} at ${units} units, ${w}: sent ${real[w].syncs} syncs / ${real[w].plannedBytes} planned bytes, ` +
                `counted ${counted[w].syncs} / ${counted[w].plannedBytes}`,
            );
          }
        }
        naive[mode] = real;
      } else {
        naive[mode] = countedNaive(last, mode, factors[mode]);
      }
    }
    results.push({
      units,
      product: last.result,
      productCpu,
      perUnit: naive["per-unit"],
      perCell: naive["per-cell"],
    });
  }

  const lat = options.latency;
  for (const r of results) {
    for (const w of WORKS) {
      const p = r.product[w];
      const u = r.perUnit[w];
      const c = r.perCell[w];
      const est = (m: Measured): string => (m.estimated ? " (counted)" : "");
      rows.push([
        String(r.units),
        LABEL[w],
        cellFor(p, fmtInt(p.syncs)),
        p.error ? "" : fmtBytes(p.maxRequestBytes),
        p.error || !p.realWrites ? "" : realCell(p.realWrites),
        p.error ? "" : fmtBytes(p.totalBytes),
        p.error ? "" : `${fmtMs(modelled(p, lat))} (${fmtMs(r.productCpu[w].median)})`,
        cellFor(u, `${fmtInt(u.syncs)} / ${fmtMs(modelled(u, lat))}${est(u)}`),
        cellFor(c, `${fmtInt(c.syncs)} / ${fmtMs(modelled(c, lat))}${est(c)}`),
        p.error || u.error || c.error ? "" : `${fmtRatio(u.syncs / p.syncs)}, ${fmtRatio(c.syncs / p.syncs)}`,
      ]);
    }
  }

  // Targets.
  for (const w of WORKS) {
    const misses = results.filter((r) => {
      const p = r.product[w];
      return !!p.error || p.syncs > allowedSyncs(w, p) || p.maxRequestBytes >= REQUEST_LIMIT_BYTES;
    });
    const ok = results.filter((r) => !r.product[w].error);
    const worst = ok.reduce((m, r) => Math.max(m, r.product[w].syncs), 0);
    const largest = ok.reduce((m, r) => Math.max(m, r.product[w].maxRequestBytes), 0);
    targets.push({
      target: `${LABEL[w]} ≤ ${LIMITS[w]} syncs at every size (more only past 5 MB), every request < 5 MB`,
      verdict: results.length === 0 ? "n/a" : misses.length ? "MISS" : "PASS",
      detail: misses.length
        ? misses
            .map((r) => {
              const p = r.product[w];
              return p.error
                ? `fails at ${r.units} units (${p.error})`
                : `${p.syncs} syncs at ${r.units} units for ${fmtBytes(p.totalBytes)} (allowed ${allowedSyncs(w, p)})`;
            })
            .join("; ")
        : `at most ${worst} syncs; largest request ${fmtBytes(largest)}`,
    });
  }
  const at50 = results.find((r) => r.units === 50) ?? results.find((r) => r.units >= 50);
  for (const w of ["create", "summary-cold"] as Work[]) {
    const target = `${LABEL[w]}: ≥ 100× fewer round trips than per-cell at 50 units`;
    if (!at50 || at50.product[w].error || at50.perCell[w].error) {
      targets.push({ target, verdict: "n/a", detail: at50 ? "a run failed" : "size 50 not run" });
      continue;
    }
    const ratio = at50.perCell[w].syncs / at50.product[w].syncs;
    targets.push({
      target,
      verdict: ratio >= 100 ? "PASS" : "MISS",
      detail:
        `${fmtRatio(ratio)} at ${at50.units} units (${fmtInt(at50.product[w].syncs)} vs ${fmtInt(at50.perCell[w].syncs)}` +
        `${at50.perCell[w].estimated ? ", per-cell counted" : ", per-cell sent"})`,
    });
  }
  for (const e of problems)
    targets.push({ target: "naive count matches the real naive run", verdict: "MISS", detail: e });

  // Real Office.js bytes (finding A1): every write request under Excel on the web's limit, read as the
  // strict 5,000,000 bytes; and the cost of one unit tab against the same replay at commit 5b5b5de.
  const replayed = results.flatMap((r) =>
    WORKS.flatMap((w) => (r.product[w].realWrites ?? []).map((bytes) => ({ units: r.units, w, bytes }))),
  );
  const over = replayed.filter((x) => x.bytes >= REAL_LIMIT_BYTES);
  const realLargest = replayed.reduce((m, x) => Math.max(m, x.bytes), 0);
  const sizes = results.map((r) => r.units).join(", ");
  targets.push({
    target: `every write request < 5,000,000 bytes in real Office.js (create and summary, ${sizes} units × ${options.indicators} indicators)`,
    verdict: replayed.length === 0 ? "n/a" : over.length ? "MISS" : "PASS",
    detail: over.length
      ? over.map((x) => `${fmtBytes(x.bytes)} (${LABEL[x.w]}, ${x.units} units)`).join("; ")
      : `${replayed.length} requests replayed; largest ${fmtInt(realLargest)} bytes`,
  });
  const perTab = options.indicators === 50 ? await unitTabBytes(await benchPlan(3), indicators) : null;
  const tabTarget = "≥ 2× fewer real Office.js bytes per unit tab than at 5b5b5de (50 indicators)";
  if (perTab === null)
    targets.push({
      target: tabTarget,
      verdict: "n/a",
      detail: `measured at 50 indicators only (run: ${options.indicators})`,
    });
  else {
    const ratio = UNIT_TAB_BYTES_AT_5B5B5DE / perTab;
    targets.push({
      target: tabTarget,
      verdict: ratio >= 2 ? "PASS" : "MISS",
      detail: `${fmtInt(perTab)} bytes now, ${fmtInt(UNIT_TAB_BYTES_AT_5B5B5DE)} at 5b5b5de: ${fmtRatio(ratio)} fewer`,
    });
  }

  const note =
    `${options.indicators} indicators per unit (the catalogue, then generated ones); plans from generatePlan(n); ` +
    `every unit's figures are typed in between, and the summary's totals are checked against them. ` +
    `Request bytes are counted as Office.js serialises requests (object paths, Instantiate actions, ids, "L" lists, ` +
    `2-D writes in row chunks; the simulated host's count equals the real runtime's byte for byte, ` +
    `test/testing/simulated-excel-wire.test.ts). "largest write, real Office.js": the product's write requests of ` +
    `that work replayed through @microsoft/office-js (excel-web-16.00.debug.js in jsdom), the body it would post, ` +
    `and how many requests the writes took. ` +
    `Modelled time = syncs × ${lat.perSyncMs} ms + MB sent × ${lat.perMbMs} ms + this process's CPU time for the work ` +
    `on the simulated host (median of up to ${options.runs} runs; the simulator's own cost is inside the CPU figure, ` +
    `so the product's modelled time is an upper bound). ` +
    `Baselines (bench/naive, not in the product): per-unit = one sync per sheet written or read (a sheet's writes ` +
    `split only near 5 MB); per-cell = one sync per cell written or read (every cell of a used range). ` +
    `They were sent for real up to ${options.perUnitRealMax} (per-unit) and ${options.perCellRealMax} (per-cell) units; ` +
    `rows marked "(counted)" replay the product's recorded calls through the same request plan without sending them ` +
    `(sending hundreds of thousands of one-cell requests would take minutes): their sync counts are exact — checked equal ` +
    `to the real runs where both ran — and their bytes are planned bytes × host-bytes-per-planned-byte of the last ` +
    `real run; their CPU is taken as the product's, so their modelled time is a lower bound.`;

  return {
    sections: [{ title, note, header, rows }],
    targets,
    data: {
      roundTrips: {
        latency: lat,
        indicators: options.indicators,
        bytesFactor: factors,
        realAt,
        unitTabRealBytes: perTab,
        unitTabRealBytesAt5b5b5de: UNIT_TAB_BYTES_AT_5B5B5DE,
        sizes: results,
      },
    },
  };
}
