/**
 * npm run plan-reading: read every plan fixture in every form it may arrive in (PDF through pdftotext, browser
 * copy, hard wraps …) and write the table fixture × form → fields right to docs/plan-reading.md.
 */
import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import { renderPlanReading, REPORT_FILE, runPlanReading, totals } from "../test/support/plan-reading";

async function main(): Promise<void> {
  const started = Date.now();
  const results = await runPlanReading();
  writeFileSync(REPORT_FILE, renderPlanReading(results));
  const t = totals(results);
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
  console.log(
    `${results.fixtures.length} fixtures × ${results.variants.length} forms: header fields ${t.headerRight}/${t.headerTotal} ` +
      `(${pct(t.headerRight, t.headerTotal)}), task fields ${t.taskRight}/${t.taskTotal} (${pct(t.taskRight, t.taskTotal)}); ` +
      `${relative(process.cwd(), REPORT_FILE)} written in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
