/**
 * Child process for the returned-files benchmark (one step per process, so each peak memory is its own):
 *   tsx bench/returns-child.ts prepare <units> <dir>  (not timed) the tracker of a generated plan with
 *        init's default indicators, saved as <dir>/so-theo-doi.xlsx, and every unit's own file filled with
 *        its figures in <dir>/nhan-ve/, a third each as .xlsx, .xls (BIFF8) and .ods (SheetJS writes them)
 *   tsx bench/returns-child.ts split <dir>            `split`: open the tracker, write one .xlsx per unit
 *   tsx bench/returns-child.ts import <dir>           `import <tracker> <dir>/nhan-ve -o …`: read every
 *        returned file, write the figures, save; the totals are checked, so a fast wrong answer fails
 * Each step prints one JSON line: wall and CPU time of the step (module loading excluded) and this
 * process's peak RSS (the kernel's high-water mark).
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import * as XLSX from "@e965/xlsx";
import { collectAndSummarise } from "../src/app/collect-and-summarise";
import { createWorkbook } from "../src/app/create-workbook";
import { splitWorkbook } from "../src/app/split-workbook";
import { importCommand } from "../src/cli/commands/import";
import { splitCommand } from "../src/cli/commands/split";
import { parseState } from "../src/core/state/serialize-state";
import { defaultIndicators } from "../src/core/workbook/indicator-catalogue";
import { renderUnitFile } from "../src/file/unit-file";
import { openWorkbookBuffer, workbookToBuffer } from "../src/file/workbook-bytes";
import { newWorkbook, openWorkbookFile, saveWorkbook } from "../src/file/workbook-file";
import { maxRssBytes } from "./harness";
import { benchPlan, expectedSum, figure, indicatorCells } from "./workload";

const TRACKER = "so-theo-doi.xlsx";
const RETURNS = "nhan-ve";
const quiet = { stdout: () => undefined, stderr: () => undefined };

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(start);
  return (c.user + c.system) / 1000;
}

async function prepare(units: number, dir: string): Promise<Record<string, unknown>> {
  const plan = await benchPlan(units);
  const port = newWorkbook();
  await createWorkbook(port, {
    plan,
    indicators: defaultIndicators(plan),
    now: new Date("2022-10-12T09:00:00+07:00"),
  });
  await saveWorkbook(port, join(dir, TRACKER));
  const state = parseState((await port.readOverview()).stateXml!);
  const folder = join(dir, RETURNS);
  mkdirSync(folder, { recursive: true });
  const numeric = state.indicators.filter((i) => i.type !== "text" && i.type !== "date");
  let n = 0;
  await splitWorkbook(port, {
    write: async (layout) => {
      const file = await openWorkbookBuffer(await renderUnitFile(layout), layout.fileName);
      const tab = (await file.readOverview()).sheets[1];
      const [grid] = await file.readGrids([tab.id]);
      const at = indicatorCells(
        grid,
        numeric.map((i) => i.code),
      );
      file.typeValues(tab.id, Object.fromEntries(numeric.map((ind, i) => [at.get(ind.code)!, figure(n, i)])));
      const bytes = await workbookToBuffer(file);
      const stem = layout.fileName.replace(/\.xlsx$/, "");
      const kind = n % 3;
      if (kind === 0) writeFileSync(join(folder, layout.fileName), bytes);
      else {
        const wb = XLSX.read(bytes, { cellFormula: true });
        const bookType = kind === 1 ? "biff8" : "ods";
        writeFileSync(
          join(folder, `${stem}.${kind === 1 ? "xls" : "ods"}`),
          XLSX.write(wb, { bookType, type: "buffer" }),
        );
      }
      n++;
    },
  });
  const kinds: Record<string, number> = {};
  for (const f of readdirSync(folder)) kinds[f.split(".").pop()!] = (kinds[f.split(".").pop()!] ?? 0) + 1;
  return { units: n, kinds };
}

async function timed(step: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const extra = await step();
  return { ms: performance.now() - t0, cpuMs: cpuMsSince(c0), peakRssBytes: maxRssBytes(), ...extra };
}

async function split(dir: string): Promise<Record<string, unknown>> {
  const out = join(dir, "gui-don-vi");
  const code = await splitCommand([join(dir, TRACKER), "-o", out, "--force"], quiet);
  if (code !== 0) throw new Error(`split exited ${code}`);
  return { files: readdirSync(out).length };
}

async function importFolder(dir: string): Promise<Record<string, unknown>> {
  const merged = join(dir, "so-tong-hop.xlsx");
  const lines: string[] = [];
  const code = await importCommand([join(dir, TRACKER), join(dir, RETURNS), "-o", merged], {
    stdout: (t) => void lines.push(t),
    stderr: () => undefined,
  });
  if (code !== 0) throw new Error(`import exited ${code}: ${lines.join("").slice(0, 300)}`);
  return { files: readdirSync(join(dir, RETURNS)).length };
}

/** The merged tracker's totals are the units' figures, added up (checked outside the timed step). */
async function checkTotals(dir: string): Promise<void> {
  const port = await openWorkbookFile(join(dir, "so-tong-hop.xlsx"));
  const result = await collectAndSummarise(port, {
    now: new Date("2022-10-20T09:00:00+07:00"),
    dryRun: true,
  });
  const numeric = result.state.indicators.filter((i) => i.type !== "text" && i.type !== "date");
  const units = result.state.units.filter((u) => !u.removed).length;
  numeric.forEach((ind, i) => {
    const got = result.totals[ind.code]?.value;
    if (ind.aggregation === "sum" && got !== expectedSum(units, i))
      throw new Error(`total of ${ind.code}: ${String(got)}, expected ${expectedSum(units, i)}`);
  });
}

async function main(): Promise<void> {
  const [mode, a, b] = process.argv.slice(2);
  let out: Record<string, unknown>;
  if (mode === "prepare") out = await timed(() => prepare(Number(a), b));
  else if (mode === "split") out = await timed(() => split(a));
  else if (mode === "import") {
    out = await timed(() => importFolder(a));
    await checkTotals(a);
  } else throw new Error(`unknown mode ${mode}`);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  process.stdout.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
