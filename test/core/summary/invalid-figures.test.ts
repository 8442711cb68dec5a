/**
 * A figure the checks call an error (a negative count, a word where a number is due) is left out of every
 * total: the core's totals, the summary sheet's live formulas (checked by a real engine, HyperFormula) and
 * the report, which says which cells were left out. A warning's figure ("12 buổi") still counts.
 * Regression for the newcomer review's H2 ("-4" added into the Tổng cộng as -1).
 */
import { HyperFormula } from "hyperformula";
import { buildSummaryLayout } from "../../../src/core/summary/build-summary-layout";
import { EXCLUDED_MARK } from "../../../src/core/summary/build-report";
import type { ReportParagraph, ReportTable } from "../../../src/core/summary/report-model";
import type { CellValue, SheetLayout } from "../../../src/core/workbook/model";
import type { SheetGrid } from "../../../src/core/workbook/grid";
import { parseAddress } from "../../../src/core/workbook/address";
import { hostInputOf } from "../../../src/core/workbook/cell-input";
import { seedReport } from "./summary-fixture";
import { setCell } from "../collect/grid-fixtures";

/** u1 types -4 in "Số tin, bài đăng" (D16, a real number) and u2 types "nhiều" in "Số lượt người" (D15). */
function withInvalidFigures() {
  return seedReport(({ grids }) => {
    grids[0] = setCell(grids[0], "D16", -4);
    grids[1] = setCell(grids[1], "D15", "nhiều");
  });
}

function figuresTable(report: ReturnType<typeof seedReport>["report"]): ReportTable {
  const section = report.sections.find((s) => s.key === "figures")!;
  return section.blocks.find((b): b is ReportTable => b.type === "table")!;
}

/** Recalculate the summary layout with the unit tabs in HyperFormula; every formula cell's engine value. */
function recalculated(layout: SheetLayout, grids: SheetGrid[]): Map<string, unknown> {
  const asInput = (rows: CellValue[][]) =>
    rows.map((r) =>
      r.map((v) => (typeof v === "string" && !v.startsWith("=") ? hostInputOf({ value: v }) : v)),
    ) as (string | number | boolean | null)[][];
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const g of grids) sheets[g.name] = asInput(g.formulas);
  const rows: CellValue[][] = [];
  for (const [a, spec] of Object.entries(layout.cells)) {
    const { row, column } = parseAddress(a);
    while (rows.length <= row) rows.push([]);
    rows[row][column] = spec.formula !== undefined ? `=${spec.formula}` : (spec.value ?? null);
  }
  sheets[layout.name] = asInput(rows.map((r) => Array.from(r, (v) => v ?? null)));
  // Array arithmetic as Excel evaluates SUMPRODUCT's arguments (as the simulated host sets it).
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", useArrayArithmetic: true });
  const id = hf.getSheetId(layout.name)!;
  const out = new Map<string, unknown>();
  for (const [a, spec] of Object.entries(layout.cells)) {
    if (spec.formula === undefined) continue;
    const { row, column } = parseAddress(a);
    out.set(a, hf.getCellValue({ sheet: id, row, col: column }));
  }
  hf.destroy();
  return out;
}

describe("an invalid figure is not counted", () => {
  test("the core's totals leave out the error cells; a warning's figure still counts", () => {
    const { totals, collected } = withInvalidFigures();
    expect(totals.SO_TIN_BAI).toMatchObject({ value: 7, count: 1 }); // u2's 7; not 7 + (−4)
    expect(totals.SO_LUOT).toMatchObject({ value: 85, count: 1 }); // u1's 85; "nhiều" is not a number
    expect(totals.SO_BUOI).toMatchObject({ value: 15 }); // 3 + "12 buổi" (a warning): counted
    const u1 = collected.units[0].values.SO_TIN_BAI;
    expect(u1).toMatchObject({ value: null, raw: -4, excluded: true, cell: "D16" });
    expect(collected.units[1].values.SO_BUOI).toMatchObject({ value: 12, excluded: false });
  });

  test("the report shows the cell as not counted and lists the cells left out, with the unit and the cell", () => {
    const { report } = withInvalidFigures();
    const table = figuresTable(report);
    const column = table.columns.findIndex((c) => c.key === "SO_TIN_BAI");
    expect(table.rows[0][column]).toMatchObject({ value: EXCLUDED_MARK });
    expect(table.totalsRow![column]).toMatchObject({ value: 7 });
    const section = report.sections.find((s) => s.key === "figures")!;
    const texts = section.blocks
      .filter((b): b is ReportParagraph => b.type === "paragraph")
      .map((p) => p.text);
    expect(texts).toEqual([
      "Không tính vào tổng cộng 2 số liệu có lỗi:",
      'Ban Chấp hành Công đoàn (trang BCH CĐ): "Số tin, bài đăng" (D16): số âm (-4) không hợp lệ.',
      'Tổ đảng tổ 1 (trang Tổ 1): "Số lượt người tham dự" (D15): "nhiều" không phải là số; hãy nhập một con số.',
    ]);
    const listed = section.blocks.filter((b): b is ReportParagraph => b.type === "paragraph" && !!b.link);
    expect(listed.map((p) => p.link)).toEqual([
      { sheet: "BCH CĐ", cell: "D16" },
      { sheet: "Tổ 1", cell: "D15" },
    ]);
  });

  test("no invalid figure: no such paragraph", () => {
    const section = seedReport().report.sections.find((s) => s.key === "figures")!;
    expect(section.blocks.every((b) => b.type === "table")).toBe(true);
  });

  test("the sheet's live formulas agree with the core after a real engine recalculates", () => {
    const { report, grids } = withInvalidFigures();
    const layout = buildSummaryLayout(report, { sheetName: "Tổng hợp" });
    const engine = recalculated(layout, grids);
    const wrong = Object.entries(layout.cells)
      .filter(([a, spec]) => spec.formula !== undefined && engine.get(a) !== (spec.cachedValue ?? ""))
      .map(
        ([a, spec]) =>
          `${a} ${spec.formula}: engine ${String(engine.get(a))}, core ${String(spec.cachedValue)}`,
      );
    expect(wrong).toEqual([]);
    // The −4 is linked through a guard (fixing it in the unit's tab shows at once), and shown as not counted.
    const guarded = Object.values(layout.cells).find((c) => c.formula?.includes("'BCH CĐ'!D16"));
    expect(guarded?.cachedValue).toBe(EXCLUDED_MARK);
    expect(engine.get(Object.entries(layout.cells).find(([, c]) => c === guarded)![0])).toBe(EXCLUDED_MARK);
  });

  test("a unit that fixes the figure: the live formula takes it at once (the guard mirrors the check)", () => {
    const { report, grids } = withInvalidFigures();
    const layout = buildSummaryLayout(report, { sheetName: "Tổng hợp" });
    const fixed = [setCell(grids[0], "D16", 4), ...grids.slice(1)];
    const engine = recalculated(layout, fixed);
    const guarded = Object.entries(layout.cells).find(([, c]) => c.formula?.includes("'BCH CĐ'!D16"))![0];
    expect(engine.get(guarded)).toBe(4);
    const { row, column } = parseAddress(guarded);
    const total = Object.entries(layout.cells).find(([a, c]) => {
      const p = parseAddress(a);
      return p.column === column && p.row > row && c.formula?.includes("SUM(");
    })!;
    expect(engine.get(total[0])).toBe(11); // 4 + 7
  });

  test("a count indicator counts only the valid figures, in the core and in the sheet", () => {
    const { report, grids, totals } = seedReport(({ state, grids: g }) => {
      state.indicators = state.indicators.map((i) =>
        i.code === "MO_HINH" ? { ...i, aggregation: "count" as const } : i,
      );
      g[0] = setCell(g[0], "D17", -1);
    });
    expect(totals.MO_HINH).toMatchObject({ value: 1, count: 1 });
    const layout = buildSummaryLayout(report, { sheetName: "Tổng hợp" });
    const engine = recalculated(layout, grids);
    const counted = Object.entries(layout.cells).find(([, c]) => c.formula?.startsWith("SUMPRODUCT"))!;
    expect(counted[1].cachedValue).toBe(1);
    expect(engine.get(counted[0])).toBe(1);
  });
});
