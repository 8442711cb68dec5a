/**
 * Bench child: read a PDF plan as the CLI does (readDocument: pdf.js started in its worker thread, the layout,
 * the plan reader), first cold (pdf.js loaded for this read, as in one CLI run) and then warm. Prints one JSON
 * line: wall and CPU (this process, all threads) of each read, tasks and pages.
 */
import { performance } from "node:perf_hooks";
import { readDocument } from "../src/cli/read-document";
import { parsePlanDocument } from "../src/core/plan/plan-document";

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; result: T }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, result };
}

async function main() {
  const [file, warmRuns = "3"] = process.argv.slice(2);
  const read = () => readDocument(file).then((d) => parsePlanDocument(d));
  const cold = await timed(read);
  const warm: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < Number(warmRuns); i++) warm.push(await timed(read));
  process.stdout.write(
    `${JSON.stringify({
      cold: { ms: cold.ms, cpuMs: cold.cpuMs },
      warm: warm.map(({ ms, cpuMs }) => ({ ms, cpuMs })),
      tasks: cold.result.tasks.length,
    })}\n`,
  );
}

void main();
