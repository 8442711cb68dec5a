/**
 * Core speed: reading plans, collecting and aggregating units' tabs. Pure TypeScript, no host.
 */
import type { Plan } from "../../src/core/plan/types";
import { measure, type Stats } from "../harness";
import { findSeedPlan, generatePlanText, readText } from "../fixtures";
import { REPO_ROOT, isNotBuilt, loadExports } from "../load";
import { NOT_BUILT, fmtMs, fmtRatio, fmtStats, type TargetCheck } from "../report";
import type { BenchOptions, ScenarioResult } from "../scenario";
import { buildCollectInput, type CollectFixture } from "./collect-fixture";

type ParsePlan = { parsePlan: (text: string) => Plan };

/**
 * The figure a time target is judged on: the smaller of the wall-clock and CPU medians. The wall clock
 * counts time a busy machine gave to other processes; CPU time counts V8's parallel GC threads too. The
 * smaller is the closer estimate of the work's own time on an idle machine.
 */
function judged(r: { time: Stats; cpu: Stats }): number {
  return Math.min(r.time.median, r.cpu.median);
}

function reason(e: unknown): string {
  if (isNotBuilt(e)) return NOT_BUILT;
  return `error: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
}

export async function benchCore(options: BenchOptions): Promise<ScenarioResult> {
  const rows: string[][] = [];
  const targets: TargetCheck[] = [];
  const data: Record<string, unknown> = {};
  const runs = options.quick ? 3 : Math.max(options.runs, 40);

  // -- plans ------------------------------------------------------------------------------------
  const seedPath = findSeedPlan(REPO_ROOT);
  try {
    const { parsePlan } = await loadExports<ParsePlan>("src/core/plan/parse-plan", ["parsePlan"]);
    if (!seedPath) throw new Error("seed plan 334-KH-CB.txt not found");
    const seed = readText(seedPath);
    const seedRun = await measure(() => parsePlan(seed), { runs, warmup: 3 });
    const tasks = seedRun.result.tasks.length;
    rows.push([
      "read the seed plan (334-KH/CB)",
      `${tasks} tasks`,
      fmtStats(seedRun.time),
      fmtMs(seedRun.cpu.median),
      "< 5 ms",
    ]);
    data.parseSeed = { wall: seedRun.time, cpu: seedRun.cpu, tasks };
    targets.push({
      target: "read the seed plan < 5 ms",
      verdict: judged(seedRun) < 5 ? "PASS" : "MISS",
      detail: `median ${fmtMs(seedRun.time.median)} wall, ${fmtMs(seedRun.cpu.median)} CPU`,
    });

    const big = generatePlanText(options.quick ? 30 : 300);
    const bigRun = await measure(() => parsePlan(big), {
      runs: options.quick ? 2 : Math.max(options.runs, 7),
    });
    const bigTasks = bigRun.result.tasks.length;
    const written = options.quick ? 30 : 300;
    rows.push([
      `read a generated plan (${written} tasks, lettered items under numbered ones)`,
      `${bigTasks} of ${written} tasks read`,
      fmtStats(bigRun.time),
      fmtMs(bigRun.cpu.median),
      "",
    ]);
    data.parseGenerated = { wall: bigRun.time, cpu: bigRun.cpu, tasksWritten: written, tasksRead: bigTasks };
    if (bigTasks !== written) {
      targets.push({
        target: `generated plan: every task read (correctness check)`,
        verdict: "MISS",
        detail: `${bigTasks} of ${written} tasks read`,
      });
    }
  } catch (e) {
    rows.push(["read the seed plan (334-KH/CB)", "", reason(e), "", "< 5 ms"]);
    rows.push(["read a generated plan (300 tasks)", "", reason(e), "", ""]);
    targets.push({ target: "read the seed plan < 5 ms", verdict: "n/a", detail: reason(e) });
  }

  // -- collect + aggregate -----------------------------------------------------------------------
  const bigUnits = options.quick ? 50 : 1000;
  const smallUnits = options.quick ? 5 : 100;
  const nInd = options.quick ? 20 : 100;
  try {
    const timeCollect = async (
      units: number,
    ): Promise<{ time: Stats; cpu: Stats; fixture: CollectFixture }> => {
      const fixture = await buildCollectInput(units, nInd);
      const r = await measure(() => fixture.collectAndAggregate(), {
        runs: options.quick ? 2 : Math.max(options.runs, 7),
        warmup: 2,
      });
      fixture.check(r.result);
      return { time: r.time, cpu: r.cpu, fixture };
    };
    const small = await timeCollect(smallUnits);
    const large = await timeCollect(bigUnits);
    const growth = judged(large) / judged(small);
    const sizeRatio = bigUnits / smallUnits;
    rows.push([
      `collect + aggregate ${smallUnits} units × ${nInd} indicators`,
      `${small.fixture.cells.toLocaleString("en-US")} cells read`,
      fmtStats(small.time),
      fmtMs(small.cpu.median),
      "",
    ]);
    rows.push([
      `collect + aggregate ${bigUnits} units × ${nInd} indicators`,
      `${large.fixture.cells.toLocaleString("en-US")} cells read`,
      fmtStats(large.time),
      fmtMs(large.cpu.median),
      "< 100 ms",
    ]);
    rows.push([
      `growth ${smallUnits} → ${bigUnits} units (×${sizeRatio} work)`,
      "ratio of judged medians",
      "",
      fmtRatio(growth),
      `≈ ${sizeRatio}× (linear)`,
    ]);
    data.collect = {
      small: { units: smallUnits, wall: small.time, cpu: small.cpu },
      large: { units: bigUnits, wall: large.time, cpu: large.cpu },
      growth,
    };
    targets.push({
      target: `collect + aggregate ${bigUnits} × ${nInd} < 100 ms`,
      verdict: judged(large) < 100 ? "PASS" : "MISS",
      detail: `median ${fmtMs(large.time.median)} wall, ${fmtMs(large.cpu.median)} CPU`,
    });
    targets.push({
      target: `growth ${smallUnits} → ${bigUnits} units about linear (≤ ${sizeRatio * 1.5}×)`,
      verdict: growth <= sizeRatio * 1.5 ? "PASS" : "MISS",
      detail: `${growth.toFixed(1)}× for ${sizeRatio}× the units`,
    });
  } catch (e) {
    rows.push([`collect + aggregate ${bigUnits} units × ${nInd} indicators`, "", reason(e), "", "< 100 ms"]);
    targets.push({
      target: `collect + aggregate ${bigUnits} × ${nInd} < 100 ms`,
      verdict: "n/a",
      detail: reason(e),
    });
  }

  return {
    sections: [
      {
        title: "Core (pure TypeScript, no host)",
        note:
          "Wall-clock median of several runs with (min–max) beside it, and the median CPU time of this process " +
          "(user + system, all threads). Targets are judged on the smaller of the two medians: the wall clock also " +
          "counts time a busy machine gave to other processes, CPU time also counts V8's parallel GC threads.",
        header: ["work", "size", "wall time", "CPU", "target"],
        rows,
      },
    ],
    targets,
    data: { core: data },
  };
}
