/**
 * Issue 7/8: "Mở lại" used to set a manual "Đã nộp: Có" back to "Không", rewriting a cell the unit typed.
 * Now the reopen writes only its own cells (comment, stamp) and the history decides whether the "Có" counts
 * (see manualCountsAfterReopen in src/core/workbook/submission-lock.ts).
 */
import { runScenario, type Scenario } from "./harness";
import { INDICATOR_CATALOGUE } from "../../../src/core/workbook/indicator-catalogue";

const base: Omit<Scenario, "steps"> = {
  units: ["Tổ đảng tổ 1"],
  tasks: [[0]],
  indicators: [{ ...INDICATOR_CATALOGUE[0], required: false }],
};

test.each(["Có", "có"])("reopen keeps a manual 'Đã nộp: %s' byte for byte", async (typed) => {
  const problems = await runScenario({
    ...base,
    steps: [
      {
        op: "type",
        unit: 0,
        target: { kind: "indicator", code: base.indicators[0].code, column: "value" },
        input: 3,
      },
      { op: "type", unit: 0, target: { kind: "footer", code: "NGAY_BAO_CAO" }, input: "15/10/2022" },
      { op: "type", unit: 0, target: { kind: "footer", code: "DA_NOP" }, input: typed },
      { op: "summary" },
      { op: "reopen", unit: 0 },
      { op: "summary" },
      { op: "recreate", add: "indicator" },
      { op: "reopen", unit: 0 },
    ],
  });
  expect(problems).toEqual([]);
});
