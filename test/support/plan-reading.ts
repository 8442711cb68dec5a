/**
 * The degradation harness: every plan fixture, read from each form it arrives in (PLAN_VARIANTS), against the
 * reading of its clean text. Header fields: number, issuedOn, place, issuer. Task fields: the summary (its units,
 * deadline and report-to together) and each task's units and deadline; a task the variant invents counts as one
 * wrong field. The table is written to docs/plan-reading.md by `npm run plan-reading`, and the test
 * (test/core/plan/plan-reading.test.ts) fails when that file differs from what the reader gives today.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { planToJson, type PlanJson } from "../../src/core/plan/plan-json";
import { PLAN_VARIANTS, variantTexts, type PlanVariant } from "./plan-variants";

export const FIXTURE_DIR = resolve(__dirname, "../fixtures/plans");
export const REPORT_FILE = resolve(__dirname, "../../docs/plan-reading.md");

const HEADER_FIELDS = ["number", "issuedOn", "place", "issuer"] as const;

export interface Miss {
  fixture: string;
  variant: string;
  field: string;
  want: string;
  got: string;
}

export interface Tally {
  headerRight: number;
  headerTotal: number;
  taskRight: number;
  taskTotal: number;
}

export interface CellResult extends Tally {
  misses: Miss[];
}

export interface PlanReadingResults {
  fixtures: string[];
  variants: PlanVariant[];
  /** fixture → variant id → result */
  cells: Map<string, Map<string, CellResult>>;
}

const show = (v: unknown): string => (v === undefined ? "(none)" : JSON.stringify(v));

function sameUnits(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((u, i) => u === b[i]);
}

/** Field by field, the variant's reading against the clean text's. */
export function compareReadings(
  fixture: string,
  variant: string,
  clean: PlanJson,
  got: PlanJson,
): CellResult {
  const misses: Miss[] = [];
  const miss = (field: string, want: unknown, have: unknown) =>
    misses.push({ fixture, variant, field, want: show(want), got: show(have) });
  let headerRight = 0;
  for (const f of HEADER_FIELDS) {
    if (clean[f] === got[f]) headerRight++;
    else miss(f, clean[f], got[f]);
  }
  let taskRight = 0;
  let taskTotal = 1;
  if (JSON.stringify(clean.summary) === JSON.stringify(got.summary)) taskRight++;
  else miss("summary", clean.summary, got.summary);

  const unmatched = [...got.tasks];
  const pairs = clean.tasks.map((t) => {
    const at = unmatched.findIndex((g) => g.ref === t.ref);
    return at >= 0 ? unmatched.splice(at, 1)[0] : undefined;
  });
  clean.tasks.forEach((t, i) => {
    pairs[i] ??= unmatched.shift();
    const g = pairs[i];
    taskTotal += 2;
    if (g && sameUnits(t.units, g.units)) taskRight++;
    else miss(`task ${t.ref} units`, t.units, g?.units);
    if (g && t.deadline === g.deadline) taskRight++;
    else miss(`task ${t.ref} deadline`, t.deadline, g?.deadline);
  });
  for (const extra of unmatched) {
    taskTotal += 1;
    miss(`extra task ${extra.ref}`, null, { units: extra.units, deadline: extra.deadline });
  }
  return { headerRight, headerTotal: HEADER_FIELDS.length, taskRight, taskTotal, misses };
}

export function planFixtureTexts(dir = FIXTURE_DIR): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => /\.(txt|md)$/u.test(f))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
}

export async function runPlanReading(variants: PlanVariant[] = PLAN_VARIANTS): Promise<PlanReadingResults> {
  const fixtures = planFixtureTexts();
  const texts = await variantTexts(fixtures, variants);
  const cells = new Map<string, Map<string, CellResult>>();
  for (const f of fixtures) {
    const clean = planToJson(parsePlan(f.text));
    const row = new Map<string, CellResult>();
    for (const v of variants) {
      const text = texts.get(v.id)!.get(f.name)!;
      let got: PlanJson;
      try {
        got = planToJson(parsePlan(text));
      } catch (e) {
        // A form the reader refuses (an empty text) reads nothing: every field of it is wrong.
        const failed = `(error: ${(e as Error).message})`;
        got = {
          number: failed,
          kind: null,
          issuer: failed,
          place: failed,
          issuedOn: failed,
          title: null,
          deadline: null,
          summary: null,
          tasks: [],
          units: [],
          implements: [],
          warnings: [],
        };
      }
      row.set(v.id, compareReadings(f.name, v.id, clean, got));
    }
    cells.set(f.name, row);
  }
  return { fixtures: fixtures.map((f) => f.name), variants, cells };
}

function sum(results: Iterable<Tally>): Tally {
  const t: Tally = { headerRight: 0, headerTotal: 0, taskRight: 0, taskTotal: 0 };
  for (const r of results) {
    t.headerRight += r.headerRight;
    t.headerTotal += r.headerTotal;
    t.taskRight += r.taskRight;
    t.taskTotal += r.taskTotal;
  }
  return t;
}

export function totals(results: PlanReadingResults): Tally {
  return sum([...results.cells.values()].flatMap((row) => [...row.values()]));
}

const pct = (right: number, total: number) =>
  total === 0 ? "100%" : `${((100 * right) / total).toFixed(1)}%`;

function cellText(r: Tally): string {
  const ok = r.headerRight === r.headerTotal && r.taskRight === r.taskTotal;
  return `${ok ? "✔" : "✘"} ${r.headerRight}/${r.headerTotal} · ${r.taskRight}/${r.taskTotal}`;
}

/** docs/plan-reading.md: deterministic (no dates, no timings), so the test can compare it byte for byte. */
export function renderPlanReading(results: PlanReadingResults): string {
  const { fixtures, variants, cells } = results;
  const all = totals(results);
  const out: string[] = [
    "# Reading plans as offices flatten them",
    "",
    "<!-- Written by `npm run plan-reading` (scripts/plan-reading-report.ts); test/core/plan/plan-reading.test.ts fails when it is stale. -->",
    "",
    "Every plan fixture (`test/fixtures/plans/`) is laid out as the real document it stands for",
    "(`test/support/plan-document.ts`: header and closing as borderless two-cell tables, task lists as grid",
    "tables, A4, Times New Roman, page numbers) and flattened the ways plans reach us",
    "(`test/support/plan-variants.ts`). Each form is read and compared with the reading of the clean text.",
    "",
    "A cell reads `header right/of · task fields right/of`. Header fields: number, date, place, issuer. Task",
    "fields: the summary (units, deadline and report-to together), then each task's units and its deadline; a",
    "task the form invents counts as one wrong field.",
    "",
    "| form | how it is made |",
    "|---|---|",
    ...variants.map((v) => `| ${v.label} | \`${v.id}\` |`),
    "",
    "## Totals",
    "",
    `- Header fields: **${all.headerRight} / ${all.headerTotal} (${pct(all.headerRight, all.headerTotal)})**`,
    `- Task fields: **${all.taskRight} / ${all.taskTotal} (${pct(all.taskRight, all.taskTotal)})**`,
    "",
    "| form | header fields | task fields |",
    "|---|---|---|",
    ...variants.map((v) => {
      const t = sum(fixtures.map((f) => cells.get(f)!.get(v.id)!));
      return `| ${v.label} | ${t.headerRight}/${t.headerTotal} (${pct(t.headerRight, t.headerTotal)}) | ${t.taskRight}/${t.taskTotal} (${pct(t.taskRight, t.taskTotal)}) |`;
    }),
    "",
    "## Fixture × form",
    "",
    `| fixture | ${variants.map((v) => v.label).join(" | ")} |`,
    `|---|${variants.map(() => "---").join("|")}|`,
    ...fixtures.map(
      (f) => `| ${f} | ${variants.map((v) => cellText(cells.get(f)!.get(v.id)!)).join(" | ")} |`,
    ),
    "",
    "## Fields read differently from the clean text",
    "",
  ];
  const misses = fixtures.flatMap((f) => variants.flatMap((v) => cells.get(f)!.get(v.id)!.misses));
  if (misses.length === 0) out.push("None.");
  else {
    out.push("| fixture | form | field | clean text | this form |", "|---|---|---|---|---|");
    for (const m of misses)
      out.push(
        `| ${m.fixture} | ${m.variant} | ${m.field} | ${m.want.replace(/\|/gu, "\\|")} | ${m.got.replace(/\|/gu, "\\|")} |`,
      );
  }
  out.push("");
  return out.join("\n");
}
