/**
 * Regression (found by the no-data-lost property, shrunk): a unit typed in its tab, the secretary added an
 * indicator ("Cập nhật sổ" puts the new row under the indicator table, so the footer rows of this tab sit
 * one row lower than in a fresh layout), then reopened (or the unit submitted) the tab. Both use-cases
 * used to write a freshly built layout: its merges landed on the moved rows and Excel's merge kept only the
 * top-left value, so the unit's note was cleared, and its input ranges unlocked the wrong cells.
 * Fixed: both now write `unitTabProtectionPatch` (src/core/workbook/unit-tab-protection.ts): the stamp /
 * comment cells found by their codes, and the protection with the inputs at the rows where they are.
 */
import { runScenario, type Scenario } from "./harness";
import { INDICATOR_CATALOGUE } from "../../../src/core/workbook/indicator-catalogue";

const base: Omit<Scenario, "steps"> = {
  units: ["Tổ đảng tổ 1"],
  tasks: [[0]],
  indicators: [{ ...INDICATOR_CATALOGUE[0], required: false }],
};

test("reopen after an indicator was added keeps the unit's note (GHI_CHU)", async () => {
  const problems = await runScenario({
    ...base,
    steps: [
      { op: "type", unit: 0, target: { kind: "footer", code: "GHI_CHU" }, input: "Đã tổ chức 3 buổi" },
      { op: "recreate", add: "indicator" },
      { op: "reopen", unit: 0 },
    ],
  });
  expect(problems).toEqual([]);
});

test("submit after an indicator was added keeps the unit's note (GHI_CHU)", async () => {
  const problems = await runScenario({
    ...base,
    steps: [
      { op: "type", unit: 0, target: { kind: "footer", code: "GHI_CHU" }, input: "Đã tổ chức 3 buổi" },
      {
        op: "type",
        unit: 0,
        target: { kind: "indicator", code: base.indicators[0].code, column: "value" },
        input: 3,
      },
      { op: "recreate", add: "indicator" },
      { op: "submit", unit: 0 },
    ],
  });
  expect(problems).toEqual([]);
});

test("without a plan change, reopen and submit keep every typed cell (the same steps pass)", async () => {
  const problems = await runScenario({
    ...base,
    steps: [
      { op: "type", unit: 0, target: { kind: "footer", code: "GHI_CHU" }, input: "Đã tổ chức 3 buổi" },
      {
        op: "type",
        unit: 0,
        target: { kind: "indicator", code: base.indicators[0].code, column: "value" },
        input: 3,
      },
      { op: "recreate" },
      { op: "submit", unit: 0 },
      { op: "reopen", unit: 0 },
      { op: "summary" },
    ],
  });
  expect(problems).toEqual([]);
});
