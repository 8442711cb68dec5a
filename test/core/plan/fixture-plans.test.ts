/**
 * Every plan in test/fixtures/plans/ against its hand-written `<name>.expected.json`, field by field.
 * Task text is checked by its beginning (`textStart`); warnings by line and a part of the Vietnamese message.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePlan } from "../../../src/core/plan/parse-plan";
import { planToJson } from "../../../src/core/plan/plan-json";

const dir = join(__dirname, "../../fixtures/plans");

interface ExpectedTask {
  ref: string;
  textStart: string;
  units: string[];
  deadline: string | null;
  reportTo: string | null;
  line: number;
}
interface Expected {
  number: string | null;
  kind: string | null;
  issuer: string | null;
  place: string | null;
  issuedOn: string | null;
  title: string | null;
  deadline: string | null;
  summary: { units: string[]; deadline: string | null; reportTo: string | null } | null;
  tasks: ExpectedTask[];
  units: { name: string; members: string[] }[];
  warnings: { line: number | null; contains: string }[];
  plan?: {
    style?: string;
    parentBody?: string | null;
    signature?: unknown;
    recipients?: string[];
    issuerName?: string | null;
  };
}

export function planFixtures(): { name: string; file: string; expected: Expected }[] {
  return readdirSync(dir)
    .filter(
      (f) =>
        !f.endsWith(".expected.json") && readdirSync(dir).includes(f.replace(/\.[^.]+$/, ".expected.json")),
    )
    .sort()
    .map((file) => ({
      name: file,
      file: join(dir, file),
      expected: JSON.parse(
        readFileSync(join(dir, file.replace(/\.[^.]+$/, ".expected.json")), "utf8"),
      ) as Expected,
    }));
}

const fixtures = planFixtures();

test("there are at least 12 fixture plans with expected results", () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(12);
});

describe.each(fixtures)("$name", ({ file, expected }) => {
  const plan = parsePlan(readFileSync(file, "utf8"));
  const json = planToJson(plan);

  test.each(["number", "kind", "issuer", "place", "issuedOn", "title", "deadline"] as const)("%s", (key) => {
    expect(json[key]).toEqual(expected[key]);
  });

  test("summary", () => {
    expect(json.summary).toEqual(expected.summary);
  });

  test("task refs in order", () => {
    expect(json.tasks.map((t) => t.ref)).toEqual(expected.tasks.map((t) => t.ref));
  });

  if (expected.tasks.length === 0) {
    test("no tasks", () => {
      expect(json.tasks).toEqual([]);
    });
  } else {
    test.each(expected.tasks.map((t) => [t.ref, t] as const))("task %s", (_ref, want) => {
      const got = json.tasks.find((t) => t.ref === want.ref);
      expect(got).toBeDefined();
      expect({
        units: got!.units,
        deadline: got!.deadline,
        reportTo: got!.reportTo,
        line: got!.line,
      }).toEqual({
        units: want.units,
        deadline: want.deadline,
        reportTo: want.reportTo,
        line: want.line,
      });
      expect(got!.text.startsWith(want.textStart)).toBe(true);
    });
  }

  test("units with members", () => {
    expect(json.units).toEqual(expected.units);
  });

  test("warnings (line and message)", () => {
    const got = plan.warnings.map((w) => ({ line: w.line, message: w.message }));
    expect(got.length).toBe(expected.warnings.length);
    expected.warnings.forEach((want, i) => {
      expect(got[i].line).toBe(want.line);
      expect(got[i].message).toContain(want.contains);
    });
    for (const w of plan.warnings) expect(w.messageEn.length).toBeGreaterThan(0);
  });

  if (expected.plan) {
    const extra = expected.plan;
    test("style, parent body, signature, recipients, issuer's name in running text", () => {
      if (extra.style !== undefined) expect(plan.style).toBe(extra.style);
      if (extra.parentBody !== undefined) expect(plan.parentBody).toBe(extra.parentBody);
      if (extra.signature !== undefined) expect(plan.signature).toEqual(extra.signature);
      if (extra.recipients !== undefined) expect(plan.recipients).toEqual(extra.recipients);
      if (extra.issuerName !== undefined) expect(plan.issuerName).toBe(extra.issuerName);
    });
  }
});
