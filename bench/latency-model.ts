/**
 * The latency model: what a run on the simulated host would cost against Excel on the web.
 *   modelled time = syncs × perSyncMs + MB sent × perMbMs + measured CPU time
 * The simulated host counts the syncs and the request bytes; the CPU time is measured here.
 */

export interface LatencyModel {
  /** Cost of one round trip (`context.sync()`), ms. Excel on the web: tens of ms. */
  perSyncMs: number;
  /** Cost per MB (10^6 bytes) of request payload, ms. */
  perMbMs: number;
}

/** 50 ms a round trip; 80 ms a MB (≈ 100 Mbit/s upload). */
export const DEFAULT_LATENCY: LatencyModel = { perSyncMs: 50, perMbMs: 80 };

/** Excel on the web refuses a request or response over "5 MB": read as the smaller 5,000,000 bytes. */
export const REQUEST_LIMIT_BYTES = 5_000_000;
/** The same limit, for the requests replayed through the real Office.js runtime. */
export const REAL_LIMIT_BYTES = REQUEST_LIMIT_BYTES;

export interface TrafficCount {
  syncs: number;
  /** Sum of all request bytes. */
  totalBytes: number;
  /** Largest single request, bytes. */
  maxRequestBytes: number;
  /** Sum of all response bytes (reads), when the host counts them. */
  totalResponseBytes?: number;
}

export function modelledMs(
  traffic: TrafficCount,
  cpuMs: number,
  model: LatencyModel = DEFAULT_LATENCY,
): number {
  return traffic.syncs * model.perSyncMs + (traffic.totalBytes / 1e6) * model.perMbMs + cpuMs;
}

/** Read the model from flags (`--sync-ms 50 --mb-ms 80`) or env (BENCH_SYNC_MS, BENCH_MB_MS). */
export function latencyFromArgs(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): LatencyModel {
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i >= 0 && i + 1 < argv.length) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`${name}=`));
    return eq ? eq.slice(name.length + 1) : undefined;
  };
  const num = (raw: string | undefined, fallback: number, what: string): number => {
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${what}: "${raw}" is not a non-negative number`);
    return n;
  };
  return {
    perSyncMs: num(flag("--sync-ms") ?? env.BENCH_SYNC_MS, DEFAULT_LATENCY.perSyncMs, "--sync-ms"),
    perMbMs: num(flag("--mb-ms") ?? env.BENCH_MB_MS, DEFAULT_LATENCY.perMbMs, "--mb-ms"),
  };
}
