/**
 * The measuring harness: repeat a piece of work, keep the median with min and max beside it, sample the
 * peak memory. Timed figures are reported, never asserted in tests: the machine is noisy, so targets are
 * judged on medians and ratios.
 */
import { performance } from "node:perf_hooks";

export interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface MeasureOptions {
  /** Timed runs (default 5). */
  runs?: number;
  /** Untimed runs first, to warm the JIT (default 1). */
  warmup?: number;
}

/** Median, min and max of a non-empty list of numbers. */
export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error("stats: no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/**
 * Time `fn` over several runs: wall-clock ms (`time`) and this process's CPU ms (`cpu`, user + system from
 * process.cpuUsage, which a busy machine inflates far less than the wall clock). Returns the last result.
 */
export async function measure<T>(
  fn: () => T | Promise<T>,
  options: MeasureOptions = {},
): Promise<{ time: Stats; cpu: Stats; result: T }> {
  const runs = Math.max(1, options.runs ?? 5);
  const warmup = Math.max(0, options.warmup ?? 1);
  for (let i = 0; i < warmup; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { time: stats(wall), cpu: stats(cpu), result: result as T };
}

/** Run the garbage collector when node was started with --expose-gc; a no-op otherwise. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === "function") {
    gc();
    return true;
  }
  return false;
}

export interface MemoryPeak {
  /** Highest resident set size seen, bytes. */
  peakRss: number;
  /** Highest V8 heap used seen, bytes. */
  peakHeapUsed: number;
  /** Heap used when sampling started, bytes. */
  baseHeapUsed: number;
  /** Samples taken. */
  samples: number;
}

/**
 * Sample `process.memoryUsage()` every `intervalMs` while `fn` runs (samples only land when the event loop
 * turns, so synchronous stretches are seen at their ends), plus one sample before and after.
 * The peak RSS is also taken from `process.resourceUsage().maxRSS`, the kernel's high-water mark, which
 * sees everything but is a lifetime figure for the process: use it in a fresh child process.
 */
export async function withMemoryPeak<T>(
  fn: () => Promise<T>,
  intervalMs = 5,
): Promise<{ result: T; memory: MemoryPeak }> {
  collectGarbage();
  const first = process.memoryUsage();
  const peak: MemoryPeak = {
    peakRss: first.rss,
    peakHeapUsed: first.heapUsed,
    baseHeapUsed: first.heapUsed,
    samples: 1,
  };
  const sample = (): void => {
    const m = process.memoryUsage();
    peak.samples++;
    if (m.rss > peak.peakRss) peak.peakRss = m.rss;
    if (m.heapUsed > peak.peakHeapUsed) peak.peakHeapUsed = m.heapUsed;
  };
  const timer = setInterval(sample, intervalMs);
  try {
    const result = await fn();
    sample();
    return { result, memory: peak };
  } finally {
    clearInterval(timer);
  }
}

/** Whole-process peak RSS (bytes) from the kernel's high-water mark. */
export function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}
