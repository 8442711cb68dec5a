import { buildUnitTabLayout, UNIT_TAB_INSTRUCTION } from "../../../src/core/workbook/build-unit-tab";
import { createState } from "../../../src/core/state/create-state";
import { defaultIndicators } from "../../../src/core/workbook/indicator-catalogue";
import { parseRange, adr } from "../../../src/core/workbook/address";
import {
  FOOTER_CODES,
  INFO_CODES,
  MARKERS,
  TASK_STATUSES,
  MANUAL_SUBMITTED_CHOICES,
  unitKeyValue,
  CODE_COLUMN,
  TASK_COLUMNS,
  INDICATOR_COLUMNS,
  FIELD_VALUE_COLUMN,
} from "../../../src/core/workbook/unit-tab-schema";
import type { SheetLayout } from "../../../src/core/workbook/model";
import { seedPlan } from "./fixtures";

const plan = seedPlan();
const state = createState(plan, defaultIndicators(plan), { planId: "p42", existingSheetNames: [] });
const bch = buildUnitTabLayout(state, state.units[0]);

/** 0-based row of a code in column A. */
function rowOf(layout: SheetLayout, code: string): number {
  const hits = Object.entries(layout.cells).filter(
    ([a, c]) => a.startsWith("A") && /^A\d+$/.test(a) && c.value === code,
  );
  expect(hits).toHaveLength(1);
  return Number(hits[0][0].slice(1)) - 1;
}
const at = (layout: SheetLayout, row: number, col: number) => layout.cells[adr(row, col)];
const inInput = (layout: SheetLayout, address: string) =>
  layout.inputRanges.some((r) => {
    const rr = parseRange(r);
    const a = parseRange(address).start;
    return (
      a.row >= rr.start.row && a.row <= rr.end.row && a.column >= rr.start.column && a.column <= rr.end.column
    );
  });

describe("buildUnitTabLayout (seed, BCH Công đoàn)", () => {
  test("sheet settings: key, name, protection, print, freeze, narrow code column", () => {
    expect(bch.key).toBe("unit:u1");
    expect(bch.role).toBe("unit");
    expect(bch.unitId).toBe("u1");
    expect(bch.name).toBe("BCH Công đoàn");
    expect(bch.protection).toEqual({ protect: true });
    expect(bch.print).toEqual({ paper: "A4", orientation: "landscape", fitToWidth: true });
    expect(bch.freeze).toEqual({ rows: 2, columns: 0 });
    expect(bch.columnWidths[0]).toBeLessThanOrEqual(6);
  });

  test("title and one-line instruction", () => {
    expect(at(bch, 0, 1).value).toBe("BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 334-KH/CB NGÀY 12/10/2022");
    expect(at(bch, 1, 1).value).toBe(UNIT_TAB_INSTRUCTION);
    expect(UNIT_TAB_INSTRUCTION).toBe("Nhập số liệu vào các ô màu vàng, rồi bấm Nộp báo cáo.");
  });

  test("every code of the schema is in column A once, in block order; column A is grey", () => {
    const codes = [
      MARKERS.info,
      ...Object.values(INFO_CODES),
      MARKERS.tasks,
      "NV:III.2",
      MARKERS.indicators,
      ...state.indicators.map((i) => i.code),
      MARKERS.footer,
      ...Object.values(FOOTER_CODES),
    ];
    const rows = codes.map((c) => rowOf(bch, c));
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
    for (const r of rows) expect(at(bch, r, CODE_COLUMN).style?.fontColor).toBe("#808080");
  });

  test("info rows: unit key, name, plan, deadline as a real date, report-to", () => {
    const v = (code: string) => at(bch, rowOf(bch, code), FIELD_VALUE_COLUMN);
    expect(v(INFO_CODES.unitKey).value).toBe(unitKeyValue("u1", "p42"));
    expect(v(INFO_CODES.unitName).value).toBe("Ban Chấp hành Công đoàn");
    expect(String(v(INFO_CODES.plan).value)).toMatch(
      /^Kế hoạch số 334-KH\/CB ngày 12\/10\/2022 — Triển khai/,
    );
    expect(v(INFO_CODES.deadline)).toMatchObject({ value: 44850, style: { numberFormat: "dd/mm/yyyy" } });
    expect(v(INFO_CODES.reportTo).value).toBe("Ban Chi ủy");
    const doanThe = buildUnitTabLayout(state, state.units[2]);
    expect(at(doanThe, rowOf(doanThe, INFO_CODES.reportTo), FIELD_VALUE_COLUMN).value).toBe(
      "Ban Chi ủy Chi bộ",
    );
  });

  test("task row: owned text, deadline, report-to; status/date/result are input with the status list", () => {
    const r = rowOf(bch, "NV:III.2");
    expect(String(at(bch, r, TASK_COLUMNS.text).value)).toMatch(
      /^Ban Chấp hành Công đoàn; Tổ đảng tổ 1 báo cáo/,
    );
    expect(at(bch, r, TASK_COLUMNS.deadline)).toMatchObject({
      value: 44850,
      style: { numberFormat: "dd/mm/yyyy" },
    });
    expect(at(bch, r, TASK_COLUMNS.reportTo).value).toBe("Ban Chi ủy");
    for (const c of [TASK_COLUMNS.status, TASK_COLUMNS.completedOn, TASK_COLUMNS.result]) {
      expect(inInput(bch, adr(r, c))).toBe(true);
      expect(at(bch, r, c).style?.fill).toBe("#FFF2CC");
    }
    for (const c of [TASK_COLUMNS.text, TASK_COLUMNS.deadline, TASK_COLUMNS.reportTo])
      expect(inInput(bch, adr(r, c))).toBe(false);
    expect(at(bch, r, TASK_COLUMNS.completedOn).style?.numberFormat).toBe("dd/mm/yyyy");
    expect(bch.validations).toContainEqual({
      range: adr(r, TASK_COLUMNS.status),
      list: [...TASK_STATUSES],
      errorMessage: "Chọn một trong: Hoàn thành, Đang thực hiện, Chưa thực hiện.",
    });
  });

  test("indicator rows: name (required of this unit marked *), unit; value and note are input with the type's format", () => {
    // BCH Công đoàn's task is the Dân vận khéo report: those figures are required of it, propaganda's are not.
    expect(at(bch, rowOf(bch, "DVK_DANG_KY"), INDICATOR_COLUMNS.name).value).toBe(
      "Số mô hình Dân vận khéo đăng ký (*)",
    );
    const r = rowOf(bch, "TT_SO_BUOI");
    expect(at(bch, r, INDICATOR_COLUMNS.name).value).toBe("Số buổi tuyên truyền");
    expect(at(bch, r, INDICATOR_COLUMNS.unit).value).toBe("buổi");
    expect(at(bch, r, INDICATOR_COLUMNS.value).style?.numberFormat).toBe("#,##0");
    expect(inInput(bch, adr(r, INDICATOR_COLUMNS.value))).toBe(true);
    expect(inInput(bch, adr(r, INDICATOR_COLUMNS.note))).toBe(true);
    expect(at(bch, rowOf(bch, "KINH_PHI"), INDICATOR_COLUMNS.name).value).toBe("Kinh phí");
  });

  test("footer: notes, reporter, date, Đã nộp are input (Có/Không list); stamp rows are not", () => {
    for (const code of [
      FOOTER_CODES.notes,
      FOOTER_CODES.reporter,
      FOOTER_CODES.reportDate,
      FOOTER_CODES.manualSubmitted,
    ])
      expect(inInput(bch, adr(rowOf(bch, code), FIELD_VALUE_COLUMN))).toBe(true);
    for (const code of [FOOTER_CODES.stamp, FOOTER_CODES.reopenComment])
      expect(inInput(bch, adr(rowOf(bch, code), FIELD_VALUE_COLUMN))).toBe(false);
    expect(bch.validations).toContainEqual({
      range: adr(rowOf(bch, FOOTER_CODES.manualSubmitted), FIELD_VALUE_COLUMN),
      list: [...MANUAL_SUBMITTED_CHOICES],
      errorMessage: "Chọn Có hoặc Không.",
    });
    expect(at(bch, rowOf(bch, FOOTER_CODES.reportDate), FIELD_VALUE_COLUMN).style?.numberFormat).toBe(
      "dd/mm/yyyy",
    );
  });

  test("no formulas; only core-made literals; input ranges hold no value", () => {
    for (const spec of Object.values(bch.cells)) expect(spec.formula).toBeUndefined();
    for (const r of bch.inputRanges) {
      const rr = parseRange(r);
      for (let row = rr.start.row; row <= rr.end.row; row++)
        for (let c = rr.start.column; c <= rr.end.column; c++)
          expect(bch.cells[adr(row, c)]?.value ?? null).toBeNull();
    }
  });

  test("no merge covers an input cell", () => {
    for (const m of bch.merges) {
      const rr = parseRange(m);
      for (let row = rr.start.row; row <= rr.end.row; row++)
        for (let c = rr.start.column; c <= rr.end.column; c++) expect(inInput(bch, adr(row, c))).toBe(false);
    }
  });

  test("a unit tab of the shared workbook is protected without a password (passwords go only into unit files)", () => {
    const layout = buildUnitTabLayout(state, state.units[1]);
    expect(layout.protection).toEqual({ protect: true });
    expect(layout.name).toBe("Tổ đảng 1");
  });

  test("text that looks like a formula stays a literal value (never a formula)", () => {
    const evil = seedPlan();
    evil.tasks[1] = { ...evil.tasks[1], text: '=HYPERLINK("http://x","y")', reportTo: "+cmd" };
    const s = createState(evil, [], { planId: "p", existingSheetNames: [] });
    const layout = buildUnitTabLayout(s, s.units[0]);
    const r = rowOf(layout, "NV:III.2");
    expect(at(layout, r, TASK_COLUMNS.text)).toMatchObject({ value: '=HYPERLINK("http://x","y")' });
    expect(at(layout, r, TASK_COLUMNS.text).formula).toBeUndefined();
    expect(at(layout, r, TASK_COLUMNS.reportTo).value).toBe("+cmd");
  });
});
