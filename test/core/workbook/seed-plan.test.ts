/** The seed plan read by the real plan reader gives the same units, indicators and tabs as the hand-made fixture. */
import { readFileSync } from "fs";
import { join } from "path";
import { parsePlan } from "../../../src/core/plan/parse-plan";
import { reportingUnits } from "../../../src/core/workbook/reporting-units";
import { defaultIndicators } from "../../../src/core/workbook/indicator-catalogue";
import { createState } from "../../../src/core/state/create-state";
import { buildWorkbookLayout } from "../../../src/core/workbook/plan-changes";
import { makeSheetName } from "../../../src/core/workbook/sheet-names";
import { seedPlan } from "./fixtures";

const text = readFileSync(join(__dirname, "../../fixtures/plans/seed-334-KH-CB.txt"), "utf8");

describe("seed plan through parsePlan", () => {
  const parsed = parsePlan(text);

  test("the fixture matches what the reader gives on every field the workbook uses", () => {
    const pick = (p: ReturnType<typeof seedPlan>) => ({
      number: p.number,
      issuedOn: p.issuedOn,
      place: p.place,
      tasks: p.tasks.map((t) => [t.ref, t.units, t.deadline, t.deadlineInherited, t.reportTo, t.isSummary]),
    });
    expect(pick(parsed)).toEqual(pick(seedPlan()));
  });

  test("reporting units, indicators and layouts", () => {
    expect(reportingUnits(parsed)).toEqual(reportingUnits(seedPlan()));
    expect(defaultIndicators(parsed)).toEqual(defaultIndicators(seedPlan()));
    const state = createState(parsed, defaultIndicators(parsed), {
      planId: "p",
      existingSheetNames: ["Sheet1"],
    });
    expect(buildWorkbookLayout(state).sheets.map((s) => s.name)).toEqual([
      "Kế hoạch",
      "BCH Công đoàn",
      "Tổ đảng 1",
      "Các Tổ chức đoàn thể",
    ]);
  });

  test.each([
    ["Tổ Công đoàn số 1", "Tổ Công đoàn 1"],
    ["Trường số 2", "Trường 2"],
  ])("%s → %s", (unit, name) => {
    expect(makeSheetName(unit, [])).toBe(name);
  });
});
