/**
 * Regression (found by the no-data-lost property, shrunk): what the secretary types in section V of
 * "Tổng hợp" used to be read back as text (`extractSecretaryText` joins each row's values into a string)
 * and rewritten by the next summary, so a number became text, a formula its computed text, and NFD text
 * NFC. Fixed: when section V stays where it was, its rows are left out of the write (untouched); when it
 * moves (sections above grew), its cells are carried across as stored (`extractSecretaryBlock`): a number
 * stays a number, a formula a formula, text keeps its bytes.
 */
import ExcelJS from "exceljs";
import { Harness, NOW, runScenario, type Scenario, type Step } from "./harness";
import { newWorkbook } from "../../../src/file/workbook-file";
import { createWorkbook } from "../../../src/app/create-workbook";
import { collectAndSummarise } from "../../../src/app/collect-and-summarise";
import { generatePlan } from "../../../src/core/workbook/generate-plan";
import { defaultIndicators, INDICATOR_CATALOGUE } from "../../../src/core/workbook/indicator-catalogue";
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

test.each([false, true])(
  "file adapter: a number and a formula typed in section V stay a number and a formula (section moved: %s)",
  async (moved) => {
    const port = newWorkbook();
    const plan = generatePlan(2, 1);
    const created = await createWorkbook(port, {
      plan,
      indicators: defaultIndicators(plan),
      planId: "p00000000000000ab",
    });
    const first = await collectAndSummarise(port, { now: NOW });
    const ws = port.workbook.getWorksheet(Number(first.state.summarySheet!.sheetId))!;
    const rowsOf = (sheet: ExcelJS.Worksheet, code: string) => {
      const rows: number[] = [];
      sheet.eachRow((row, n) => {
        if (row.getCell(1).value === code) rows.push(n);
      });
      return rows;
    };
    const before = rowsOf(ws, SUMMARY_CODES.directions);
    ws.getCell(before[1], 2).value = 2023;
    ws.getCell(before[2], 2).value = { formula: 'HYPERLINK("http://x")' } as ExcelJS.CellFormulaValue;
    if (moved) {
      // Figures the summary flags: section IV grows, section V moves down.
      for (const u of created.state.units) {
        const tab = port.workbook.getWorksheet(Number(u.sheetId))!;
        const code = created.state.indicators[0].code;
        port.typeValues(u.sheetId!, { [`D${rowsOf(tab, code)[0]}`]: "nhiều" });
      }
    }
    await collectAndSummarise(port, { now: NOW });
    const after = rowsOf(ws, SUMMARY_CODES.directions);
    expect(after[0] > before[0]).toBe(moved);
    const typed = [ws.getCell(after[1], 2), ws.getCell(after[2], 2)].map((c) => [
      c.type,
      c.formula ?? c.value,
    ]);
    expect(typed).toEqual([
      [ExcelJS.ValueType.Number, 2023],
      [ExcelJS.ValueType.Formula, 'HYPERLINK("http://x")'],
    ]);
  },
);
