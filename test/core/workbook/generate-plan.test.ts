import { generatePlan, generateUnitNames, seededRandom } from "../../../src/core/workbook/generate-plan";
import { reportingUnits } from "../../../src/core/workbook/reporting-units";
import { foldVietnamese } from "../../../src/core/text/vietnamese";

describe("generatePlan", () => {
  test("pure and seeded: same inputs, same plan; another seed, other names", () => {
    expect(generatePlan(50, 7)).toEqual(generatePlan(50, 7));
    expect(generateUnitNames(50, 7)).not.toEqual(generateUnitNames(50, 8));
    const r = seededRandom(1);
    const xs = Array.from({ length: 1000 }, r);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  test.each([1, 3, 4, 17, 200, 1000])(
    "%d units → exactly that many reporting units, a summary task and a group",
    (n) => {
      const plan = generatePlan(n);
      const units = reportingUnits(plan);
      expect(units).toHaveLength(n);
      expect(new Set(units.map((u) => foldVietnamese(u.name))).size).toBe(n);
      expect(plan.tasks.filter((t) => t.isSummary)).toHaveLength(1);
      if (n >= 4) expect(units.some((u) => u.group === "Các tổ chức đoàn thể")).toBe(true);
      expect(units.every((u) => u.taskRefs.length > 0 && u.deadline !== null)).toBe(true);
    },
  );

  test("names include the hard cases: illegal characters, long names, apostrophes", () => {
    const names = generateUnitNames(200);
    expect(names.some((n) => /[:\\/?*[\]]/.test(n))).toBe(true);
    expect(names.some((n) => n.length > 31)).toBe(true);
    expect(names.some((n) => n.startsWith("'"))).toBe(true);
  });
});
