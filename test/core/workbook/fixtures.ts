/**
 * Hand-made Plan objects matching the seed plan /work/shared/fixtures/plans/334-KH-CB.txt (until tests can
 * read it with parsePlan), and small helpers shared by the workbook and state tests.
 */
import type { Plan, PlanTask } from "../../../src/core/plan/types";
import type { SheetGrid } from "../../../src/core/workbook/grid";
import type { CellValue, SheetLayout } from "../../../src/core/workbook/model";
import { parseAddress } from "../../../src/core/workbook/address";

const TITLE =
  "Triển khai hướng dẫn tuyên truyền kỷ niệm 92 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930-15/10/2022); 23 năm Ngày Dân vận của cả nước (15/10/1999-15/10/2022)";

export function seedTasks(): PlanTask[] {
  return [
    {
      ref: "III.1",
      text: "Ban Chi ủy Chi bộ xây dựng kế hoạch triển khai tuyên truyền kỷ niệm 92 năm Ngày truyền thống công tác dân vận của Đảng; tổng hợp báo cáo kết quả tổ chức các hoạt động kỷ niệm và báo cáo kết quả công tác dân vận hoàn thành trước ngày 17/10/2022.",
      units: ["Ban Chi ủy Chi bộ"],
      deadline: "2022-10-17",
      deadlineInherited: false,
      reportTo: "Đảng ủy SLĐT BXH Sơn La",
      line: 43,
      isSummary: true,
    },
    {
      ref: "III.2",
      text: "Ban Chấp hành Công đoàn; Tổ đảng tổ 1 báo cáo kết quả triển khai xây dựng mô hình Dân vận khéo đã đăng ký năm 2022 về Ban Chi ủy trước ngày 16/10/2022 để tổng hợp.",
      units: ["Ban Chấp hành Công đoàn", "Tổ đảng tổ 1"],
      deadline: "2022-10-16",
      deadlineInherited: false,
      reportTo: "Ban Chi ủy",
      line: 47,
      isSummary: false,
    },
    {
      ref: "III.3",
      text: "Các Tổ chức đoàn thể: Tổ chức triển khai kế hoạch tuyên truyền các hoạt động kỷ niệm 92 năm Ngày công tác Dân vận tuyên truyền trong hội viên, đoàn viên thực hiện có hiệu quả theo nội dung kế hoạch.",
      units: ["Các Tổ chức đoàn thể"],
      deadline: "2022-10-15",
      deadlineInherited: true,
      reportTo: null,
      line: 49,
      isSummary: false,
    },
  ];
}

export function seedPlan(overrides: Partial<Plan> = {}): Plan {
  return {
    number: "334-KH/CB",
    kind: "KẾ HOẠCH",
    issuer: "Chi bộ Cơ sở Điều trị nghiện ma túy tỉnh",
    parentBody: null,
    place: "Sơn La",
    issuedOn: "2022-10-12",
    title: TITLE,
    deadline: "2022-10-15",
    summary: {
      units: ["Ban Chi ủy Chi bộ"],
      deadline: "2022-10-17",
      reportTo: "Đảng ủy SLĐT BXH Sơn La",
      taskRef: "III.1",
    },
    tasks: seedTasks(),
    units: [
      { name: "Ban Chấp hành Công đoàn", members: [] },
      { name: "Tổ đảng tổ 1", members: [] },
      { name: "Các Tổ chức đoàn thể", members: [] },
    ],
    warnings: [],
    style: "party",
    recipients: [
      "Đảng ủy SLĐT BXH Sơn La (b/c);",
      "Ban Chi ủy, Chi bộ;",
      "Các Tổ đảng;",
      "Các Tổ chức đoàn thể;",
      "Lưu: CB.",
    ],
    signature: { authority: "TM. CHI BỘ", title: "BÍ THƯ", name: "Đoàn Văn Tú" },
    ...overrides,
  };
}

/** A SheetGrid as an adapter would read it back from a layout (values = literal values; formulas alike). */
export function gridFromLayout(layout: SheetLayout, sheetId: string, name = layout.name): SheetGrid {
  let rows = 0;
  let cols = 0;
  for (const a of Object.keys(layout.cells)) {
    const { row, column } = parseAddress(a);
    rows = Math.max(rows, row + 1);
    cols = Math.max(cols, column + 1);
  }
  const values: CellValue[][] = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => null as CellValue),
  );
  for (const [a, spec] of Object.entries(layout.cells)) {
    const { row, column } = parseAddress(a);
    values[row][column] =
      spec.formula !== undefined ? null : (spec.value ?? null) === "" ? null : (spec.value ?? null);
  }
  return { sheetId, name, origin: { row: 0, column: 0 }, values, formulas: values.map((r) => [...r]) };
}

/** Set a cell in a grid (growing it), as a person typing. */
export function typeInto(grid: SheetGrid, address: string, value: CellValue): void {
  const { row, column } = parseAddress(address);
  while (grid.values.length <= row) grid.values.push([]);
  while (grid.formulas.length <= row) grid.formulas.push([]);
  const width = Math.max(column + 1, ...grid.values.map((r) => r.length));
  for (const r of [...grid.values, ...grid.formulas]) while (r.length < width) r.push(null);
  grid.values[row][column] = value;
  grid.formulas[row][column] = value;
}

/** Insert an empty row before 0-based `row` (as Excel's "Insert row" does). */
export function insertRow(grid: SheetGrid, row: number): void {
  const width = Math.max(...grid.values.map((r) => r.length));
  grid.values.splice(
    row,
    0,
    Array.from({ length: width }, () => null),
  );
  grid.formulas.splice(
    row,
    0,
    Array.from({ length: width }, () => null),
  );
}

/** Value of a cell in a grid. */
export function gridValue(grid: SheetGrid, address: string): CellValue {
  const { row, column } = parseAddress(address);
  return grid.values[row - grid.origin.row]?.[column - grid.origin.column] ?? null;
}
