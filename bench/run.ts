/**
 * `npm run bench`: round trips, payload, speed and scaling, side by side with the naive way.
 * Prints markdown tables to stdout and writes bench/results.json and bench/results.md.
 *
 * Flags: --quick (small sizes, few runs), --runs N, --sizes 10,50,200,500, --indicators 50,
 *        --sync-ms 50, --mb-ms 80 (latency model; env BENCH_SYNC_MS / BENCH_MB_MS),
 *        --per-cell-real N / --per-unit-real N (largest size at which each naive baseline is really sent;
 *        default 10 / 50; above, it is counted from the product's recorded calls),
 *        --only round-trips,core,files, --no-build, --no-write,
 *        --update-readme (put the tables between <!-- bench:start --> and <!-- bench:end --> in README.md).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { latencyFromArgs } from "./latency-model";
import { REPO_ROOT } from "./load";
import { childCpu } from "./child";
import { renderMarkdown, writeResults, type BenchResults } from "./report";
import type { BenchOptions, ScenarioResult } from "./scenario";
import { benchCore } from "./scenarios/core";
import { benchFiles } from "./scenarios/files";
import { benchRoundTrips } from "./scenarios/round-trips";

export function parseOptions(argv: readonly string[], env: Record<string, string | undefined>): BenchOptions {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i >= 0 && i + 1 < argv.length) return argv[i + 1];
    return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  };
  const quick = argv.includes("--quick");
  const intList = (raw: string | undefined, fallback: number[]): number[] =>
    raw
      ? raw
          .split(",")
          .map((s) => Math.max(1, Math.floor(Number(s))))
          .filter(Number.isFinite)
      : fallback;
  return {
    sizes: intList(value("--sizes"), quick ? [3, 10] : [10, 50, 200, 500]),
    indicators: Number(value("--indicators") ?? (quick ? 10 : 50)),
    runs: Math.max(1, Number(value("--runs") ?? (quick ? 1 : 5))),
    latency: latencyFromArgs(argv, env),
    perCellRealMax: Number(value("--per-cell-real") ?? (quick ? 3 : 10)),
    perUnitRealMax: Number(value("--per-unit-real") ?? (quick ? 3 : 50)),
    quick,
    noBuild: argv.includes("--no-build"),
  };
}

export type ScenarioName = "round-trips" | "core" | "files";
// The core runs first, on a fresh heap: after the round-trip scenarios have built hundreds of simulated
// workbooks, garbage collection alone adds tens of milliseconds to its timings.
const SCENARIOS: Record<ScenarioName, (o: BenchOptions) => Promise<ScenarioResult>> = {
  core: benchCore,
  "round-trips": benchRoundTrips,
  files: benchFiles,
};

export async function runBench(options: BenchOptions, only?: ScenarioName[]): Promise<BenchResults> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? "unknown",
      loadAverage: { start: loadavg()[0], end: 0 },
    },
    latency: options.latency,
    options: { ...options, latency: undefined },
    totalSeconds: 0,
    sections: [],
    targets: [],
    data: {},
  };
  for (const name of Object.keys(SCENARIOS) as ScenarioName[]) {
    if (only && !only.includes(name)) continue;
    const ts = performance.now();
    process.stderr.write(`bench: ${name}…\n`);
    const r = await SCENARIOS[name](options);
    process.stderr.write(`bench: ${name} done in ${((performance.now() - ts) / 1000).toFixed(1)} s\n`);
    results.sections.push(...r.sections);
    results.targets.push(...r.targets);
    Object.assign(results.data, r.data);
  }
  results.totalSeconds = (performance.now() - t0) / 1000;
  const own = process.cpuUsage(c0);
  results.cpuSeconds = (own.user + own.system) / 1e6 + childCpu.ms / 1000;
  if (results.machine.loadAverage) results.machine.loadAverage.end = loadavg()[0];
  results.targets.push({
    target: "whole bench < 3 minutes",
    verdict: results.totalSeconds < 180 ? "PASS" : "MISS",
    detail:
      `${results.totalSeconds.toFixed(1)} s wall clock, ${results.cpuSeconds.toFixed(0)} s CPU` +
      ` (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs)`,
  });
  return results;
}

/** README.md with the block between the bench markers replaced by `markdown`; null when there are no markers. */
export function withBenchBlock(readme: string, markdown: string): string | null {
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i < 0 || j < i) return null;
  return `${readme.slice(0, i + start.length)}\n${markdown.trimEnd()}\n${readme.slice(j)}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv, process.env);
  const onlyRaw = argv.find((a) => a.startsWith("--only="))?.slice(7) ?? argv[argv.indexOf("--only") + 1];
  const only = argv.some((a) => a.startsWith("--only")) ? (onlyRaw?.split(",") as ScenarioName[]) : undefined;
  const results = await runBench(options, only);
  process.stdout.write(renderMarkdown(results));
  if (!argv.includes("--no-write") && !options.quick && !only) {
    writeResults(results, join(REPO_ROOT, "bench", "results.json"), join(REPO_ROOT, "bench", "results.md"));
    process.stderr.write("bench: wrote bench/results.json and bench/results.md\n");
  }
  if (argv.includes("--update-readme")) {
    const path = join(REPO_ROOT, "README.md");
    const updated = existsSync(path)
      ? withBenchBlock(readFileSync(path, "utf8"), renderMarkdown(results))
      : null;
    if (updated === null) process.stderr.write("bench: README.md has no <!-- bench:start/end --> markers\n");
    else {
      writeFileSync(path, updated, "utf8");
      process.stderr.write("bench: updated the table in README.md\n");
    }
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
