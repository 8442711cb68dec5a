/**
 * The degradation harness (test/support/plan-reading.ts): every plan fixture, in every form plans arrive in (PDF
 * through pdftotext with and without -layout, a browser's copy of its web page, a text dump with "|" tables, hard
 * wraps at 50–100 columns, its header's columns on one line), must read as its clean text does: every header
 * field (number, date, place, issuer) and at least 95% of the task fields (summary, each task's units and
 * deadline). docs/plan-reading.md must be today's table (`npm run plan-reading` rewrites it).
 */
import { readFileSync } from "node:fs";
import {
  renderPlanReading,
  REPORT_FILE,
  runPlanReading,
  totals,
  type PlanReadingResults,
} from "../../support/plan-reading";

let results: PlanReadingResults;

beforeAll(async () => {
  results = await runPlanReading();
}, 600_000);

test("every header field of every fixture is read the same in every form", () => {
  const t = totals(results);
  const misses = [...results.cells.values()]
    .flatMap((row) => [...row.values()])
    .flatMap((c) => c.misses)
    .filter((m) => ["number", "issuedOn", "place", "issuer"].includes(m.field))
    .map((m) => `${m.fixture} / ${m.variant}: ${m.field} ${m.got} (clean text: ${m.want})`);
  expect(misses).toEqual([]);
  expect(t.headerRight).toBe(t.headerTotal);
});

test("at least 95% of the task fields are read the same in every form", () => {
  const t = totals(results);
  expect(t.taskTotal).toBeGreaterThan(0);
  expect(t.taskRight / t.taskTotal).toBeGreaterThanOrEqual(0.95);
});

test("docs/plan-reading.md is today's table (npm run plan-reading rewrites it)", () => {
  expect(readFileSync(REPORT_FILE, "utf8")).toBe(renderPlanReading(results));
});
