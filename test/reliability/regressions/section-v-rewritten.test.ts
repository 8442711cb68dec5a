/**
 * Regression (found by the no-data-lost property, shrunk): what the secretary types in section V of
 * "Tổng hợp" used to be read back as text (`extractSecretaryText` joins each row's values into a string)
 * and rewritten by the next summary, so a number became text, a formula its computed text, and NFD text
 * NFC. Fixed: when section V stays where it was, its rows are left out of the write (untouched); when it
 * moves (sections above grew), its cells are carried across as stored (`extractSecretaryBlock`): a number
 * stays a number, a formula a formula, text keeps its bytes.
 */
import { Harness, runScenario, type Scenario, type Step } from "./harness";
import { INDICATOR_CATALOGUE } from "../../../src/core/workbook/indicator-catalogue";
import { SUMMARY_CODES } from "../../../src/core/summary/build-summary-layout";

const indicator = { ...INDICATOR_CATALOGUE[0], required: false };

function scenario(line: string, between: Step[] = []): Scenario {
  const steps: Step[] = [{ op: "summary" }, { op: "secretary", input: line }, ...between, { op: "summary" }];
  return { units: ["Tổ đảng tổ 1", "Chi đoàn"], tasks: [[0, 1]], indicators: [indicator], steps };
}

const LINES: [string, string][] = [
  ["a number", "2023"],
  ["a formula", '=HYPERLINK("http://x")'],
  ["NFD text", "Tiếp tục nhân rộng mô hình".normalize("NFD")],
  ["formula-like text", "'=1+1"],
];

test.each(LINES)(
  "section V: %s typed by the secretary is byte-identical after the next summary",
  async (_n, line) => {
    expect(await runScenario(scenario(line))).toEqual([]);
  },
);

test("section V: plain NFC text typed by the secretary is byte-identical after the next summary", async () => {
  expect(await runScenario(scenario("Đề nghị cấp kinh phí tuyên truyền.".normalize("NFC")))).toEqual([]);
});

// Units' figures that the summary flags (section IV grows by a line each) push section V down: its cells
// are then carried to their new rows, exactly as stored.
test.each(LINES)(
  "section V: %s typed by the secretary is carried exactly when the sections above grow",
  async (_n, line) => {
    const s = scenario(line, [
      {
        op: "type",
        unit: 0,
        target: { kind: "indicator", code: indicator.code, column: "value" },
        input: "nhiều",
      },
      {
        op: "type",
        unit: 1,
        target: { kind: "indicator", code: indicator.code, column: "value" },
        input: -4,
      },
    ]);
    const h = new Harness(s);
    await h.create();
    const headings: number[] = [];
    for (const step of s.steps) {
      await h.run(step);
      if (step.op === "summary") {
        const id = h.lastSummary!.state.summarySheet!.sheetId!;
        headings.push(...h.rowsOfCode(id, `${SUMMARY_CODES.sectionPrefix}directions`));
      }
    }
    expect(headings[1]).toBeGreaterThan(headings[0]);
    expect(h.secretary).toHaveLength(1);
    expect(h.problems).toEqual([]);
  },
);
