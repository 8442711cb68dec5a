/**
 * Section V as stored (`extractSecretaryBlock`) and laid out again from it: the cells keep their type and
 * bytes (number, the secretary's own formula, NFD text, text starting with "="), a line typed across
 * columns is not merged, and the block ends before the blank row above Nơi nhận.
 */
import {
  buildSummaryLayout,
  extractSecretaryBlock,
  SUMMARY_CODES,
} from "../../../src/core/summary/build-summary-layout";
import { DIRECTIONS_PROMPT } from "../../../src/core/summary/build-report";
import type { SheetLayout, CellValue } from "../../../src/core/workbook/model";
import type { SheetGrid } from "../../../src/core/workbook/grid";
import { adr, parseAddress } from "../../../src/core/workbook/address";
import { seedReport } from "./summary-fixture";

/** The layout as a host reads it back, with some cells typed over it (value, or formula "=…" + value). */
function readBack(
  layout: SheetLayout,
  typed: Record<string, { value: CellValue; formula?: string }> = {},
): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  const set = (a: string, v: CellValue, f: CellValue) => {
    const { row, column } = parseAddress(a);
    while (values.length <= row) {
      values.push([]);
      formulas.push([]);
    }
    values[row][column] = v;
    formulas[row][column] = f;
  };
  for (const [a, spec] of Object.entries(layout.cells))
    if (spec.formula !== undefined) set(a, spec.cachedValue ?? "", `=${spec.formula}`);
    else set(a, spec.value ?? "", spec.value ?? "");
  for (const [a, t] of Object.entries(typed)) set(a, t.value, t.formula ?? t.value);
  const width = Math.max(...values.map((r) => r.length));
  for (const r of [...values, ...formulas]) for (let c = 0; c < width; c++) r[c] ??= "";
  return { sheetId: "s", name: layout.name, origin: { row: 0, column: 0 }, values, formulas };
}

const { report } = seedReport();
const first = buildSummaryLayout(report, { sheetName: "Tổng hợp" });
const rowsOf = (layout: SheetLayout, code: string) =>
  Object.entries(layout.cells)
    .filter(([a, c]) => parseAddress(a).column === 0 && c.value === code)
    .map(([a]) => parseAddress(a).row)
    .sort((a, b) => a - b);
const lines = rowsOf(first, SUMMARY_CODES.directions);
const heading = rowsOf(first, `${SUMMARY_CODES.sectionPrefix}directions`)[0];
/** Last column of the section V lines (their input range "B…:?…"). */
const last = parseAddress(first.inputRanges.at(-1)!.split(":")[1]).column;
const nfd = "Tiếp tục nhân rộng mô hình".normalize("NFD");

test("the block: heading row, one line per coded row, cells exactly as stored", () => {
  const grid = readBack(first, {
    [adr(lines[1], 1)]: { value: 2023 },
    [adr(lines[2], 1)]: { value: "http://x", formula: '=HYPERLINK("http://x")' },
    [adr(lines[3], 1)]: { value: nfd },
    [adr(lines[4], 1)]: { value: "=1+1" }, // text typed with an apostrophe: same value and formula
  });
  const block = extractSecretaryBlock(grid)!;
  expect(block.headingRow).toBe(heading);
  expect(block.lines).toHaveLength(lines.length);
  expect(block.lines.slice(0, 5)).toEqual([
    { 1: { value: DIRECTIONS_PROMPT } },
    { 1: { value: 2023 } },
    { 1: { formula: 'HYPERLINK("http://x")', cachedValue: "http://x" } },
    { 1: { value: nfd } },
    { 1: { value: "=1+1" } },
  ]);
  expect(block.lines[3][1].value).not.toBe(nfd.normalize("NFC"));
  expect(extractSecretaryBlock(null)).toBeNull();
  expect(extractSecretaryBlock({ ...grid, values: [["x"]], formulas: [["x"]] })).toBeNull();
});

test("laid out again from the block: same rows, same cells, two spare lines once the lines are used", () => {
  const typed = Object.fromEntries(lines.map((r, i) => [adr(r, 1), { value: `Dòng ${i + 1}` }]));
  const block = extractSecretaryBlock(readBack(first, typed))!;
  const again = buildSummaryLayout(report, { sheetName: "Tổng hợp", directions: block.lines });
  const linesAgain = rowsOf(again, SUMMARY_CODES.directions);
  expect(linesAgain.slice(0, lines.length)).toEqual(lines);
  expect(linesAgain).toHaveLength(lines.length + 2);
  lines.forEach((r, i) => expect(again.cells[adr(r, 1)]).toMatchObject({ value: `Dòng ${i + 1}` }));
  expect(again.inputRanges).toContain(`${adr(linesAgain.at(-1)!, 1)}:${adr(linesAgain.at(-1)!, last)}`);
});

test("a number, a formula and NFD text are laid out as stored; a line across columns is not merged", () => {
  const block = extractSecretaryBlock(
    readBack(first, {
      [adr(lines[1], 1)]: { value: 2023 },
      [adr(lines[2], 1)]: { value: "http://x", formula: '=HYPERLINK("http://x")' },
      [adr(lines[3], 1)]: { value: nfd },
      [adr(lines[4], 1)]: { value: "Kinh phí" },
      [adr(lines[4], 3)]: { value: 5000000 },
    }),
  )!;
  const again = buildSummaryLayout(report, { sheetName: "Tổng hợp", directions: block.lines });
  expect(again.cells[adr(lines[1], 1)]).toMatchObject({ value: 2023 });
  expect(again.cells[adr(lines[2], 1)]).toMatchObject({ formula: 'HYPERLINK("http://x")' });
  expect(again.cells[adr(lines[2], 1)].value).toBeUndefined();
  expect(again.cells[adr(lines[3], 1)].value).toBe(nfd);
  expect(again.cells[adr(lines[4], 3)]).toMatchObject({ value: 5000000 });
  expect(again.merges).toContain(`${adr(lines[1], 1)}:${adr(lines[1], last)}`);
  expect(again.merges.filter((m) => parseAddress(m.split(":")[0]).row === lines[4])).toEqual([]);
});
