import type { LatencyModel } from "./latency-model";
import type { Section, TargetCheck } from "./report";

export interface BenchOptions {
  /** Sizes (units) for the round-trip tables. */
  sizes: number[];
  /** Indicators per unit in the round-trip tables. */
  indicators: number;
  /** Timed runs per figure (median of these). */
  runs: number;
  latency: LatencyModel;
  /** Largest size at which the per-cell baseline is sent for real; above it, it is counted. */
  perCellRealMax: number;
  /** Largest size at which the per-unit baseline is sent for real; above it, it is counted. */
  perUnitRealMax: number;
  /** Quick mode: fewer runs and smaller sizes (tests and smoke checks). */
  quick: boolean;
  /** Skip the webpack build even when dist/ is missing or stale. */
  noBuild: boolean;
}

export interface ScenarioResult {
  sections: Section[];
  targets: TargetCheck[];
  data: Record<string, unknown>;
}

export function emptyResult(): ScenarioResult {
  return { sections: [], targets: [], data: {} };
}
