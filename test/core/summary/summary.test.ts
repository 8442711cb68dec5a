import { HyperFormula } from "hyperformula";
import {
  buildSummaryLayout,
  extractSecretaryText,
  SUMMARY_CODES,
} from "../../../src/core/summary/build-summary-layout";
import { reportNumber } from "../../../src/core/summary/build-report";
import { placeAndDate } from "../../../src/core/summary/vietnamese-date";
import type { ReportTable } from "../../../src/core/summary/report-model";
import type { SheetLayout, CellValue } from "../../../src/core/workbook/model";
import type { SheetGrid } from "../../../src/core/workbook/grid";
import { parseAddress } from "../../../src/core/workbook/address";
import { hostInputOf } from "../../../src/core/workbook/cell-input";
import { seedReport } from "./summary-fixture";
import { setCell } from "../collect/grid-fixtures";

/** The layout as the grid a host would read back (values = cached, formulas = "=…"). */
function layoutGrid(layout: SheetLayout, sheetId = "s-summary"): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  for (const [a, spec] of Object.entries(layout.cells)) {
    const { row, column } = parseAddress(a);
    while (values.length <= row) {
      values.push([]);
      formulas.push([]);
    }
    values[row][column] = spec.formula !== undefined ? (spec.cachedValue ?? null) : (spec.value ?? null);
    formulas[row][column] = spec.formula !== undefined ? `=${spec.formula}` : (spec.value ?? null);
  }
  const width = Math.max(...values.map((r) => r.length));
  for (const r of [...values, ...formulas])
    for (let c = 0; c < width; c++) if (r[c] === undefined) r[c] = null;
  return { sheetId, name: layout.name, origin: { row: 0, column: 0 }, values, formulas };
}

describe("aggregate and the report on the seed", () => {
  const { totals, report } = seedReport();

  test("totals equal the hand-computed figures", () => {
    expect(Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v.value]))).toEqual({
      SO_BUOI: 15, // 3 + "12 buổi"
      SO_LUOT: 1319, // 85 + "1.234"
      SO_TIN_BAI: 11,
      MO_HINH: 2, // max
      KINH_PHI: 4000000, // 1.500.000 + "2.500.000"
      TEN_MO_HINH: "Ban Chấp hành Công đoàn: Dân vận khéo trong công tác cai nghiện",
    });
  });

  test("header, title, sections, Nơi nhận and signature follow the plan", () => {
    expect(report.header).toEqual({
      parentBody: "ĐẢNG ỦY SỞ LAO ĐỘNG - TB&XH SƠN LA",
      issuer: "CHI BỘ CƠ SỞ ĐIỀU TRỊ NGHIỆN MA TÚY TỈNH",
      number: "Số …-BC/CB",
      placeAndDate: "Sơn La, ngày 17 tháng 10 năm 2022",
      nationalMotto: ["ĐẢNG CỘNG SẢN VIỆT NAM"],
    });
    expect(report.kind).toBe("BÁO CÁO");
    expect(report.titleLines[0]).toBe(
      "Kết quả thực hiện Kế hoạch số 334-KH/CB ngày 12/10/2022 của Chi bộ Cơ sở điều trị nghiện ma túy tỉnh",
    );
    expect(report.sections.map((s) => s.heading)).toEqual([
      "I. TÌNH HÌNH NỘP BÁO CÁO",
      "II. SỐ LIỆU TỔNG HỢP",
      "III. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
      "IV. TỒN TẠI, HẠN CHẾ",
      "V. PHƯƠNG HƯỚNG, ĐỀ XUẤT",
    ]);
    expect(report.sections[4].editable).toBe(true);
    expect(report.recipients).toEqual(["Đảng ủy SLĐT BXH Sơn La (b/c);", "Lưu: CB."]);
    expect(report.signature).toEqual({ authority: "T/M CHI BỘ", title: "BÍ THƯ", name: "Đoàn Văn Tú" });
  });

  test("Nơi nhận: the plan's (b/c) bodies; else the bodies the summary is reported to; the Lưu line kept", () => {
    const noMark = seedReport(({ state }) => {
      state.plan.recipients = ["Các chi bộ trực thuộc", "Lưu Văn phòng Đảng ủy"];
      state.plan.summary = {
        ...state.plan.summary!,
        reportTo: "Ban Thường vụ Tỉnh ủy; ban Tuyên giáo và Dân vận Tỉnh ủy",
      };
    }).report;
    expect(noMark.recipients).toEqual([
      "Ban Thường vụ Tỉnh ủy (b/c);",
      "Ban Tuyên giáo và Dân vận Tỉnh ủy (b/c);",
      "Lưu Văn phòng Đảng ủy.",
    ]);
    const nothing = seedReport(({ state }) => {
      state.plan.recipients = [];
      state.plan.summary = null;
    }).report;
    expect(nothing.recipients).toEqual(["Lưu VT."]);
  });

  test("section I: rates and each unit's status", () => {
    const [rates, table] = report.sections[0].blocks;
    expect(rates).toMatchObject({
      text: "Tổng số đơn vị phải báo cáo: 3; đã nộp: 2 (66,7%), trong đó đúng hạn 1, trễ hạn 1; chưa nộp: 1.",
    });
    expect((table as ReportTable).rows.map((r) => r.map((c) => c.value))).toEqual([
      [1, "Ban Chấp hành Công đoàn", "16/10/2022", "16/10/2022 09:30", "Đúng hạn", ""],
      [2, "Tổ đảng tổ 1", "16/10/2022", "17/10/2022 08:15", "Trễ hạn", "Trễ 1 ngày"],
      [3, "Các Tổ chức đoàn thể", "15/10/2022", "", "Chưa nộp", "Quá hạn 2 ngày"],
    ]);
  });

  test("section IV lists the finding with its cell, the missing unit and the notes", () => {
    const texts = report.sections[3].blocks.map((b) => (b.type === "paragraph" ? b.text : ""));
    expect(texts).toEqual([
      "1. Những sai sót trong số liệu các đơn vị gửi:",
      'Cảnh báo — Tổ đảng tổ 1 (trang Tổ 1): "Số buổi tuyên truyền" (D14): Ô số có chữ: "12 buổi" — đã lấy 12. Chỉ nhập con số.',
      "2. Đơn vị chưa nộp báo cáo:",
      "Các Tổ chức đoàn thể (quá hạn 2 ngày)",
      "3. Ý kiến, kiến nghị của các đơn vị:",
      "Tổ đảng tổ 1: Thiếu kinh phí in tài liệu",
    ]);
    expect(report.sections[3].blocks[1]).toMatchObject({ link: { sheet: "Tổ 1", cell: "D14" } });
  });

  test("report numbers and dates", () => {
    expect(reportNumber("2150/KH-SLĐTBXH", "state")).toBe("Số: …/BC-SLĐTBXH");
    expect(reportNumber(null, "party")).toBe("Số …-BC");
    expect(placeAndDate("Sơn La", "2023-02-05")).toBe("Sơn La, ngày 05 tháng 02 năm 2023");
    expect(placeAndDate("Hà Nội", "2023-11-20")).toBe("Hà Nội, ngày 20 tháng 11 năm 2023");
  });
});

describe("buildSummaryLayout", () => {
  const { report, grids } = seedReport();
  const layout = buildSummaryLayout(report, { sheetName: "Tổng hợp" });
  const cellsWith = (pred: (f: string) => boolean) =>
    Object.entries(layout.cells).filter(([, c]) => c.formula !== undefined && pred(c.formula));

  test("unit figures are formulas linked to the unit's cell with quoted names; text-read figures are values with a link", () => {
    const linked = cellsWith((f) => f.includes("'BCH CĐ'!D14"));
    expect(linked).toHaveLength(1);
    expect(linked[0][1]).toMatchObject({
      formula: `IF(ISNUMBER('BCH CĐ'!D14),IF('BCH CĐ'!D14>=0,'BCH CĐ'!D14,"(không tính)"),IF('BCH CĐ'!D14="","",'BCH CĐ'!D14))`,
      cachedValue: 3,
    });
    expect(cellsWith((f) => f.includes("'Tổ 1'!D14"))).toHaveLength(0);
    const tolink = Object.values(layout.cells).find((c) => c.link === "'Tổ 1'!D14" && c.value === 12);
    expect(tolink).toBeDefined();
    expect(cellsWith((f) => f.includes(":") && f.includes("!"))).toHaveLength(0); // no 3D / cross-sheet ranges
  });

  test("no text from a unit becomes a formula", () => {
    const all = Object.values(layout.cells);
    expect(
      all.filter((c) => c.formula !== undefined).every((c) => /^(IF|SUMPRODUCT)\(/.test(c.formula!)),
    ).toBe(true);
  });

  test("a real engine (HyperFormula) computes the cached totals", () => {
    const sheets: Record<string, (string | number | boolean | null)[][]> = {};
    for (const g of grids)
      sheets[g.name] = g.formulas.map(
        (r) =>
          r.map((v) => (typeof v === "string" && !v.startsWith("=") ? hostInputOf({ value: v }) : v)) as (
            string | number | null
          )[],
      );
    const summary = layoutGrid(layout);
    sheets[layout.name] = summary.formulas.map(
      (r) =>
        r.map((v) => (typeof v === "string" && !v.startsWith("=") ? hostInputOf({ value: v }) : v)) as (
          string | number | null
        )[],
    );
    const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
    const id = hf.getSheetId(layout.name)!;
    let checked = 0;
    for (const [a, spec] of Object.entries(layout.cells)) {
      if (spec.formula === undefined) continue;
      const { row, column } = parseAddress(a);
      const got = hf.getCellValue({ sheet: id, row, col: column });
      expect([a, got]).toEqual([a, spec.cachedValue]);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    hf.destroy();
  });

  test("section V: marker rows in hidden column A, secretary text found again", () => {
    expect(layout.hiddenColumns).toEqual([0]);
    const grid = layoutGrid(layout);
    expect(extractSecretaryText(grid)).toBeNull(); // only the prompt
    const dirRows = Object.entries(layout.cells).filter(
      ([a, c]) => a.startsWith("A") && c.value === SUMMARY_CODES.directions,
    );
    expect(dirRows.length).toBeGreaterThanOrEqual(5);
    const r1 = Number(dirRows[0][0].slice(1));
    let typed = setCell(grid, `B${r1}`, "Tiếp tục nhân rộng mô hình Dân vận khéo.");
    typed = setCell(typed, `B${r1 + 2}`, "=Đề nghị cấp kinh phí in tài liệu");
    expect(extractSecretaryText(typed)).toEqual([
      "Tiếp tục nhân rộng mô hình Dân vận khéo.",
      "=Đề nghị cấp kinh phí in tài liệu",
    ]);
    const again = buildSummaryLayout(seedReport(undefined, extractSecretaryText(typed)).report, {
      sheetName: "Tổng hợp",
    });
    const texts = Object.values(again.cells).map((c) => c.value);
    expect(texts).toContain("Tiếp tục nhân rộng mô hình Dân vận khéo.");
    expect(texts).toContain("=Đề nghị cấp kinh phí in tài liệu");
    expect(extractSecretaryText(layoutGrid(again))).toEqual([
      "Tiếp tục nhân rộng mô hình Dân vận khéo.",
      "=Đề nghị cấp kinh phí in tài liệu",
    ]);
  });

  test("a unit's note starting with = is written as a value", () => {
    const { report: r } = seedReport(({ grids: g }) => {
      g[1] = setCell(g[1], "D22", '=HYPERLINK("http://x","bấm")');
    });
    const l = buildSummaryLayout(r, { sheetName: "Tổng hợp" });
    const note = Object.values(l.cells).find(
      (c) => typeof c.value === "string" && c.value.includes("HYPERLINK"),
    );
    expect(note).toMatchObject({ value: '- Tổ đảng tổ 1: =HYPERLINK("http://x","bấm")' });
    expect(note?.formula).toBeUndefined();
  });
});
