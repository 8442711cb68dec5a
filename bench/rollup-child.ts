/**
 * Child process for the multi-level roll-up benchmark (one step per process, so each peak memory is its own):
 *   tsx bench/rollup-child.ts prepare <bodies> <units> <dir>  (not timed) the upper workbook of a generated
 *        plan with <bodies> units, saved as <dir>/cap-tren.xlsx, and one summary workbook per body in
 *        <dir>/cap-duoi/: a generated plan of <units> units issued by that body and citing the upper plan,
 *        every unit's figures typed, summarised and saved as the body would send it (made once, copied
 *        under each body's issuer and plan number)
 *   tsx bench/rollup-child.ts import <dir> <bodies> <units>  `import <upper> <dir>/cap-duoi -o …`: recognise every body's
 *        summary, recompute it, write its tab, save; then the upper totals are checked against the figures
 *        every unit below typed, so a fast wrong answer fails
 * Each step prints one JSON line: wall and CPU time of the step (module loading excluded) and this
 * process's peak RSS.
 */
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { collectAndSummarise } from "../src/app/collect-and-summarise";
import { createWorkbook } from "../src/app/create-workbook";
import { importCommand } from "../src/cli/commands/import";
import { parseState } from "../src/core/state/serialize-state";
import { generatePlan } from "../src/core/workbook/generate-plan";
import { firstRowByCode } from "../src/core/workbook/plan-changes";
import { adr } from "../src/core/workbook/address";
import { INDICATOR_COLUMNS } from "../src/core/workbook/unit-tab-schema";
import {
  newWorkbook,
  openWorkbookBuffer,
  openWorkbookFile,
  saveWorkbook,
  workbookToBuffer,
} from "../src/file/workbook-file";
import { serializeState } from "../src/core/state/serialize-state";
import { maxRssBytes } from "./harness";
import { benchIndicators, expectedSum, figure } from "./workload";

const UPPER = "cap-tren.xlsx";
const LOWER = "cap-duoi";
const INDICATORS = 20;
const quiet = { stdout: () => undefined, stderr: () => undefined };

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(start);
  return (c.user + c.system) / 1000;
}

async function prepare(bodies: number, units: number, dir: string): Promise<Record<string, unknown>> {
  const indicators = await benchIndicators(INDICATORS);
  const sums = indicators.filter((i) => i.aggregation === "sum" && i.type !== "text" && i.type !== "date");
  const upperPlan = { ...generatePlan(bodies), number: "100-KH/ĐU" };
  const upper = newWorkbook();
  await createWorkbook(upper, {
    plan: upperPlan,
    indicators,
    now: new Date("2024-11-01T09:00:00+07:00"),
  });
  await saveWorkbook(upper, join(dir, UPPER));
  const bodyNames = parseState((await upper.readOverview()).stateXml!)
    .units.filter((u) => !u.removed)
    .map((u) => u.name);
  const folder = join(dir, LOWER);
  mkdirSync(folder, { recursive: true });
  // One body's workbook made, filled and summarised as a body would; the others are copies of it under
  // their own issuer and plan number (the import does the same work for each, and preparing stays short).
  const plan = {
    ...generatePlan(units, 2),
    number: "1-KH/CB",
    issuer: bodyNames[0],
    implements: [
      { kind: "Kế hoạch", number: "100 - KH/ĐU", issuedOn: null, issuer: upperPlan.issuer, line: 6 },
    ],
  };
  const port = newWorkbook();
  await createWorkbook(port, { plan, indicators, now: new Date("2024-11-05T09:00:00+07:00") });
  const state = parseState((await port.readOverview()).stateXml!);
  const live = state.units.filter((u) => !u.removed);
  const grids = await port.readGrids(live.map((u) => u.sheetId!));
  for (const [u, grid] of grids.entries()) {
    const rows = firstRowByCode(grid);
    const cells = Object.fromEntries(
      indicators
        .map((ind, i) => [ind, i] as const)
        .filter(([ind]) => sums.includes(ind) && rows.has(ind.code))
        .map(([ind, i]) => [adr(rows.get(ind.code)!, INDICATOR_COLUMNS.value), figure(u, i)]),
    );
    port.typeValues(live[u].sheetId!, cells);
  }
  await collectAndSummarise(port, { now: new Date("2024-11-25T09:00:00+07:00") });
  const bytes = await workbookToBuffer(port);
  const summarised = parseState((await port.readOverview()).stateXml!);
  for (const [b, issuer] of bodyNames.entries()) {
    const copy = await openWorkbookBuffer(bytes, "body.xlsx");
    const own = { ...summarised, plan: { ...summarised.plan, issuer, number: `${b + 1}-KH/CB` } };
    await copy.applyChanges({ patches: [], stateXml: serializeState(own) });
    await saveWorkbook(copy, join(folder, `tong-hop-${String(b + 1).padStart(3, "0")}.xlsx`));
  }
  return { bodies: bodyNames.length, unitsPerBody: live.length };
}

async function timed(step: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const extra = await step();
  return { ms: performance.now() - t0, cpuMs: cpuMsSince(c0), peakRssBytes: maxRssBytes(), ...extra };
}

async function importSummaries(dir: string): Promise<Record<string, unknown>> {
  const lines: string[] = [];
  const code = await importCommand(
    [join(dir, UPPER), join(dir, LOWER), "-o", join(dir, "cap-tren-tong-hop.xlsx")],
    {
      stdout: (t) => void lines.push(t),
      stderr: quiet.stderr,
    },
  );
  if (code !== 0) throw new Error(`import exited ${code}: ${lines.join("").slice(0, 400)}`);
  return { files: readdirSync(join(dir, LOWER)).length };
}

/** The upper totals are the sums of what every unit below typed (checked outside the timed step). */
async function checkTotals(dir: string, bodies: number, unitsPerBody: number): Promise<void> {
  const port = await openWorkbookFile(join(dir, "cap-tren-tong-hop.xlsx"));
  const result = await collectAndSummarise(port, {
    now: new Date("2024-12-01T09:00:00+07:00"),
    dryRun: true,
  });
  result.state.indicators.forEach((ind, i) => {
    if (ind.aggregation !== "sum" || ind.type === "text" || ind.type === "date") return;
    const got = result.totals[ind.code]?.value;
    const want = bodies * expectedSum(unitsPerBody, i);
    if (got !== want) throw new Error(`total of ${ind.code}: ${String(got)}, expected ${want}`);
  });
}

async function main(): Promise<void> {
  const [mode, a, b, c] = process.argv.slice(2);
  let out: Record<string, unknown>;
  if (mode === "prepare") out = await timed(() => prepare(Number(a), Number(b), c));
  else if (mode === "import") {
    out = await timed(() => importSummaries(a));
    await checkTotals(a, Number(b), Number(c));
  } else throw new Error(`unknown mode ${mode}`);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  process.stdout.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
