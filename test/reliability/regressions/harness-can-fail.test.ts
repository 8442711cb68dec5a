/** The no-data-lost checks can fail: a cell changed behind the unit's back and a wrong total are caught. */
import { Harness } from "./harness";
import { INDICATOR_CATALOGUE } from "../../../src/core/workbook/indicator-catalogue";
import { SUMMARY_CODES } from "../../../src/core/summary/build-summary-layout";
import { adr } from "../../../src/core/workbook/address";

const indicator = { ...INDICATOR_CATALOGUE[0], required: false };

async function filled(): Promise<Harness> {
  const h = new Harness({
    units: ["Tổ đảng tổ 1", "Chi đoàn"],
    tasks: [[0, 1]],
    indicators: [indicator],
    steps: [],
  });
  await h.create();
  await h.run({
    op: "type",
    unit: 0,
    target: { kind: "indicator", code: indicator.code, column: "value" },
    input: 5,
  });
  await h.run({ op: "type", unit: 1, target: { kind: "task", ref: "III.1", column: "result" }, input: "+1" });
  return h;
}

test("a typed cell changed by anyone else is reported with its unit, code and address", async () => {
  const h = await filled();
  expect(h.problems).toEqual([]);
  const sheetId = h.state.units[0].sheetId!;
  const [row] = h.rowsOfCode(sheetId, indicator.code);
  h.host.model.findSheet(sheetId)!.cells.get(`${row},3`)!.value = "5";
  h.checkTyped();
  expect(h.problems.map((p) => p.what)).toEqual([
    `u1|${indicator.code}|value at ${adr(row, 3)}: typed 5, now "5"`,
  ]);
});

test("a summary total that disagrees with the core's aggregate is reported", async () => {
  const h = await filled();
  await h.run({ op: "summary" });
  expect(h.problems).toEqual([]);
  const id = h.lastSummary!.state.summarySheet!.sheetId!;
  const [table] = h.rowsOfCode(id, `${SUMMARY_CODES.table}figures`);
  // Someone overwrites the total's formula with a number (the sheet is protected: straight into the store).
  const cell = h.host.model.findSheet(id)!.cells.get(`${table + 3},3`)!;
  cell.formula = null;
  cell.value = 4;
  h.host.model.version++;
  await h.checkTotals(h.lastSummary!);
  expect(h.problems.map((p) => p.what)).toEqual([
    `total ${indicator.code}: sheet 4, core at summary 5, core now 5`,
  ]);
});
