/**
 * The "Tổng hợp" sheet prints well (newcomer review M4): rows grow with their wrapped text (ExcelJS and
 * Office.js cannot autofit, so the core estimates each row's height from its text and the column widths), the
 * code column is out of the print area, each page carries the report's title and its number.
 */
import { buildSummaryLayout } from "../../../src/core/summary/build-summary-layout";
import { parseAddress, parseRange } from "../../../src/core/workbook/address";
import { seedReport } from "./summary-fixture";
import { setCell } from "../collect/grid-fixtures";

const LONG =
  "Đã tổ chức sinh hoạt chuyên đề ôn lại lịch sử 92 năm Ngày truyền thống công tác Dân vận của Đảng, treo băng rôn tại cơ quan và đăng tin trên nhóm Zalo của đơn vị.";

function layoutWithLongResult() {
  const { report } = seedReport(({ grids }) => {
    grids[0] = setCell(grids[0], "G10", LONG);
  });
  return buildSummaryLayout(report, { sheetName: "Tổng hợp" });
}

test("a table row holding a long wrapped text is as tall as its lines", () => {
  const layout = layoutWithLongResult();
  const at = Object.entries(layout.cells).find(([, c]) => c.value === LONG)![0];
  const { row, column } = parseAddress(at);
  const width = layout.columnWidths[column];
  const lines = Math.ceil((LONG.length * 1.1) / width);
  expect(lines).toBeGreaterThan(1);
  expect(layout.rowHeights?.[row + 1] ?? 15).toBeGreaterThanOrEqual(lines * 15);
  expect(layout.cells[at].style?.wrap).toBe(true);
});

test("a short row keeps the default height", () => {
  const layout = layoutWithLongResult();
  const at = Object.entries(layout.cells).find(([, c]) => c.value === "Tổng cộng")![0];
  expect(layout.rowHeights?.[parseAddress(at).row + 1]).toBeUndefined();
});

test("the print area starts at column B (the codes do not print) and covers every cell written", () => {
  const layout = layoutWithLongResult();
  const area = parseRange(layout.print.area!);
  expect(area.start).toEqual({ row: 0, column: 1 });
  for (const a of Object.keys(layout.cells)) {
    const { row, column } = parseAddress(a);
    if (column === 0) continue;
    expect(row).toBeLessThanOrEqual(area.end.row);
    expect(column).toBeLessThanOrEqual(area.end.column);
  }
  expect(layout.hiddenColumns).toEqual([0]);
  expect(layout.print.paper).toBe("A4");
});

test("every page carries the report's title at the top and its number at the bottom", () => {
  const layout = layoutWithLongResult();
  expect(layout.print.pageHeader).toBe("Báo cáo kết quả thực hiện Kế hoạch số 334-KH/CB ngày 12/10/2022");
  expect(layout.print.pageNumbers).toBe(true);
});
