/**
 * Regression (found by the no-data-lost property, shrunk): what the secretary types in section V of
 * "Tổng hợp" is read back as text (`extractSecretaryText` in src/core/summary/build-summary-layout.ts
 * joins each row's values into a string) and rewritten by the next summary, so a number becomes text, a
 * formula becomes its computed text, and NFD text becomes NFC. What she sees stays the same words; the
 * cell is not byte-identical. KNOWN BUG: `.failing` until section V rows are left alone (or copied raw).
 * Plain NFC text survives (last test).
 */
import { runScenario, type Scenario, type Step } from "./harness";
import { INDICATOR_CATALOGUE } from "../../../src/core/workbook/indicator-catalogue";

function scenario(line: string): Scenario {
  const steps: Step[] = [{ op: "summary" }, { op: "secretary", input: line }, { op: "summary" }];
  return {
    units: ["Tổ đảng tổ 1"],
    tasks: [[0]],
    indicators: [{ ...INDICATOR_CATALOGUE[0], required: false }],
    steps,
  };
}

test.failing.each([
  ["a number", "2023"],
  ["a formula", '=HYPERLINK("http://x")'],
  ["NFD text", "Tiếp tục nhân rộng mô hình".normalize("NFD")],
])("section V: %s typed by the secretary is byte-identical after the next summary", async (_n, line) => {
  expect(await runScenario(scenario(line))).toEqual([]);
});

test("section V: plain NFC text typed by the secretary is byte-identical after the next summary", async () => {
  expect(await runScenario(scenario("Đề nghị cấp kinh phí tuyên truyền.".normalize("NFC")))).toEqual([]);
});
