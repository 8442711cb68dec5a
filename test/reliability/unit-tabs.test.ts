/**
 * Bad-input corpus for unit tabs (issue 7): each case gives the exact Vietnamese and English message and
 * the cell, and collection keeps working.
 */
import { collectWorkbook } from "../../src/core/collect/collect-workbook";
import { aggregate } from "../../src/core/summary/aggregate";
import { buildSummaryLayout } from "../../src/core/summary/build-summary-layout";
import type { Finding } from "../../src/core/collect/finding";
import type { SheetGrid, SheetInfo } from "../../src/core/workbook/grid";
import type { WorkbookState } from "../../src/core/state/types";
import { NOW, seedScenario, setCell, insertRows, deleteRow } from "../core/collect/grid-fixtures";
import { seedReport } from "../core/summary/summary-fixture";

interface Case {
  state: WorkbookState;
  grids: SheetGrid[];
  sheets: SheetInfo[];
}

function run(mutate: (c: Case) => void) {
  const { state, grids } = seedScenario();
  const c: Case = {
    state,
    grids,
    sheets: grids.map((g, i) => ({ id: g.sheetId, name: g.name, position: i })),
  };
  mutate(c);
  const result = collectWorkbook(c.state, c.sheets, c.grids, NOW);
  const others = result.findings.filter(
    (f) => !(f.kind === "TEXT_IN_NUMBER" && f.cell === "D14" && f.unitId === "u2"),
  );
  return { ...result, others, totals: aggregate(c.state.indicators, result.units) };
}

const brief = (f: Finding) => ({
  sheet: f.sheet,
  cell: f.cell,
  severity: f.severity,
  kind: f.kind,
  vi: f.messageVi,
  en: f.messageEn,
});

describe("unit tabs: structure", () => {
  test("renamed tab: found by id, noted, still collected", () => {
    const r = run((c) => {
      c.sheets[1].name = "Tổ đảng 1";
      c.grids[1] = { ...c.grids[1], name: "Tổ đảng 1" };
    });
    expect(r.units[1].values.SO_BUOI.value).toBe(12);
    expect(r.others.map(brief)).toEqual([
      {
        sheet: "Tổ đảng 1",
        cell: null,
        severity: "info",
        kind: "TAB_RENAMED",
        vi: 'Trang của đơn vị "Tổ đảng tổ 1" đã được đổi tên từ "Tổ 1" thành "Tổ đảng 1".',
        en: 'The tab of unit "Tổ đảng tổ 1" was renamed from "Tổ 1" to "Tổ đảng 1".',
      },
    ]);
  });

  test("deleted tab: named with the unit", () => {
    const r = run((c) => {
      c.sheets.splice(2, 1);
      c.grids.splice(2, 1);
    });
    expect(r.units[2]).toMatchObject({ found: false, sheet: null });
    expect(r.others.map(brief)).toEqual([
      {
        sheet: "Đoàn thể",
        cell: null,
        severity: "error",
        kind: "TAB_MISSING",
        vi: 'Không tìm thấy trang "Đoàn thể" của đơn vị "Các Tổ chức đoàn thể": trang có thể đã bị xoá. Hãy tạo lại trang cho đơn vị (Tạo sổ theo dõi).',
        en: 'The tab "Đoàn thể" of unit "Các Tổ chức đoàn thể" was not found: it may have been deleted. Recreate the unit\'s tab (Create tracker).',
      },
    ]);
  });

  test("moved tab: nothing to say", () => {
    const r = run((c) => {
      c.sheets.reverse().forEach((s, i) => (s.position = i));
    });
    expect(r.others).toEqual([]);
    expect(r.totals.SO_BUOI.value).toBe(15);
  });

  test("tab copied twice: both copies flagged, the linked tab wins", () => {
    const r = run((c) => {
      for (const n of [2, 3]) {
        c.grids.push({ ...c.grids[1], sheetId: `copy${n}`, name: `Tổ 1 (${n})` });
        c.sheets.push({ id: `copy${n}`, name: `Tổ 1 (${n})`, position: 3 + n });
      }
    });
    expect(r.totals.SO_BUOI.value).toBe(15);
    expect(r.others.map(brief)).toEqual(
      [2, 3].map((n) => ({
        sheet: `Tổ 1 (${n})`,
        cell: "D2",
        severity: "warning",
        kind: "TAB_COPIED",
        vi: `Trang "Tổ 1 (${n})" là bản sao của trang đơn vị "Tổ đảng tổ 1": không được tổng hợp; chỉ dùng trang "Tổ 1". Hãy xoá bản sao hoặc chép số liệu vào trang chính.`,
        en: `Tab "Tổ 1 (${n})" is a copy of unit "Tổ đảng tổ 1"'s tab: it is not collected; only "Tổ 1" is used. Delete the copy or move its figures into the main tab.`,
      })),
    );
  });

  test("rows inserted above the indicators: rows found by code", () => {
    const r = run((c) => {
      c.grids[0] = setCell(insertRows(c.grids[0], 12, 3), "B13", "Ghi chú thêm của đơn vị");
    });
    expect(r.units[0].values.SO_BUOI).toMatchObject({ value: 3, cell: "D17" });
    expect(r.others).toEqual([]);
  });

  test("row deleted: the missing code is named", () => {
    const r = run((c) => {
      c.grids[0] = deleteRow(c.grids[0], 15);
    });
    expect(r.others.map(brief)).toEqual([
      {
        sheet: "BCH CĐ",
        cell: null,
        severity: "error",
        kind: "CODE_MISSING",
        vi: 'Không thấy dòng chỉ tiêu "Số lượt người tham dự" (mã SO_LUOT ở cột A): dòng có thể đã bị xoá hoặc mã ở cột A đã bị sửa. Hãy khôi phục dòng hoặc tạo lại trang.',
        en: 'Row for indicator "Số lượt người tham dự" (code SO_LUOT in column A) not found: the row may have been deleted or its code in column A edited. Restore the row or recreate the tab.',
      },
    ]);
    expect(r.units[0].values.SO_TIN_BAI).toMatchObject({ value: 4, cell: "D15" });
  });

  test("code edited: missing code and the unknown one at its cell", () => {
    const r = run((c) => {
      c.grids[0] = setCell(c.grids[0], "A14", "SO_BUOl");
    });
    expect(r.others.map((f) => [f.kind, f.cell])).toEqual([
      ["CODE_MISSING", null],
      ["CODE_UNKNOWN", "A14"],
    ]);
    expect(r.others[1]).toMatchObject({
      messageVi: 'Mã lạ "SO_BUOl" ở cột A (dòng 14): mã có thể đã bị sửa; dòng này không được tổng hợp.',
      messageEn:
        'Unknown code "SO_BUOl" in column A (row 14): it may have been edited; the row is not collected.',
    });
  });

  test("copied block (duplicated code): first row used, the copy pointed at", () => {
    const r = run((c) => {
      c.grids[0] = setCell(setCell(c.grids[0], "A30", "SO_BUOI"), "D30", 99);
    });
    expect(r.units[0].values.SO_BUOI.value).toBe(3);
    expect(r.others.map(brief)).toEqual([
      {
        sheet: "BCH CĐ",
        cell: "A30",
        severity: "error",
        kind: "CODE_DUPLICATE",
        vi: 'Mã SO_BUOI (chỉ tiêu "Số buổi tuyên truyền") xuất hiện 2 lần (A14, A30): khối bị sao chép? Chỉ lấy dòng 14; hãy xoá dòng thừa.',
        en: 'Code SO_BUOI (indicator "Số buổi tuyên truyền") appears 2 times (A14, A30): a copied block? Only row 14 is used; delete the extra rows.',
      },
    ]);
  });

  test("merged cells over the input area", () => {
    const r = run((c) => {
      c.grids[0] = { ...c.grids[0], merges: ["D14:D15", "B1:G1"] };
    });
    expect(r.others.map(brief)).toEqual([
      {
        sheet: "BCH CĐ",
        cell: "D14",
        severity: "warning",
        kind: "MERGED_INPUT",
        vi: "Vùng D14:D15 bị gộp ô đè lên ô nhập liệu (D14, D15): chỉ đọc được ô đầu; hãy bỏ gộp ô.",
        en: "Range D14:D15 is merged over input cells (D14, D15): only its first cell can be read; unmerge it.",
      },
    ]);
  });

  test("another unit's tab put in place of this one", () => {
    const r = run((c) => {
      c.grids[2] = { ...c.grids[0], sheetId: "s-u3", name: "Đoàn thể" };
    });
    expect(r.others.map(brief)).toContainEqual({
      sheet: "Đoàn thể",
      cell: "D2",
      severity: "error",
      kind: "UNIT_KEY_MISMATCH",
      vi: 'Trang "Đoàn thể" mang mã "u1@plan-334" không phải của đơn vị "Các Tổ chức đoàn thể" (u3@plan-334): trang bị thay bằng trang khác?',
      en: 'Tab "Đoàn thể" carries the key "u1@plan-334", not that of unit "Các Tổ chức đoàn thể" (u3@plan-334): was the tab replaced by another one?',
    });
  });

  test("unknown extra sheets are ignored", () => {
    const r = run((c) => {
      c.grids.push({
        sheetId: "x",
        name: "Sheet1",
        origin: { row: 0, column: 0 },
        values: [["MA_DON_VI", null, null, "rác"]],
        formulas: [["MA_DON_VI", null, null, "rác"]],
      });
      c.sheets.push({ id: "x", name: "Sheet1", position: 9 });
    });
    expect(r.others).toEqual([]);
  });

  test("10,000 pasted rows: one finding, fast", () => {
    const t0 = Date.now();
    const r = run((c) => {
      const g = c.grids[0];
      const extra = Array.from({ length: 10000 }, (_, i) => [
        null,
        `dòng dán ${i}`,
        null,
        i,
        null,
        null,
        null,
      ]);
      c.grids[0] = { ...g, values: [...g.values, ...extra], formulas: [...g.formulas, ...extra] };
    });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r.others.map(brief)).toEqual([
      {
        sheet: "BCH CĐ",
        cell: "A28",
        severity: "info",
        kind: "EXTRA_ROWS",
        vi: "Có 10.000 dòng có dữ liệu ngoài mẫu (từ dòng 28): không được tổng hợp.",
        en: "10000 row(s) with data outside the template (from row 28): not collected.",
      },
    ]);
    expect(r.totals.SO_BUOI.value).toBe(15);
  });
});

describe("unit tabs: values", () => {
  const one = (cell: string, value: string | number | boolean | null, formula?: string) =>
    run((c) => {
      c.grids[0] = setCell(c.grids[0], cell, value, formula);
    }).others.map(brief);

  test.each([
    [
      "D14",
      "nhiều",
      "error",
      "NOT_A_NUMBER",
      '"Số buổi tuyên truyền" (D14): "nhiều" không phải là số; hãy nhập một con số.',
      '"Số buổi tuyên truyền" (D14): "nhiều" is not a number; enter a figure.',
    ],
    [
      "D15",
      "1.234,5",
      "warning",
      "NOT_INTEGER",
      '"Số lượt người tham dự" (D15): 1.234,5 không phải số nguyên (lượt người).',
      '"Số lượt người tham dự" (D15): 1234.5 is not a whole number (lượt người).',
    ],
    [
      "D14",
      -5,
      "error",
      "NEGATIVE",
      '"Số buổi tuyên truyền" (D14): số âm (-5) không hợp lệ.',
      '"Số buổi tuyên truyền" (D14): a negative figure (-5) is not valid.',
    ],
    [
      "D18",
      5e15,
      "warning",
      "IMPLAUSIBLE",
      '"Kinh phí" (D18): 5.000.000.000.000.000 đồng lớn bất thường (quá 1.000.000.000.000); kiểm tra lại.',
      '"Kinh phí" (D18): 5000000000000000 đồng is implausibly large (over 1000000000000); please check.',
    ],
    [
      "D18",
      "123.456.789.012.345.678",
      "error",
      "TOO_LARGE",
      '"Kinh phí" (D18): "123.456.789.012.345.678" quá lớn, không giữ được đủ chữ số.',
      '"Kinh phí" (D18): "123.456.789.012.345.678" is too large to keep every digit.',
    ],
    [
      "F10",
      "31/02/2022",
      "error",
      "DATE_INVALID",
      'Ngày hoàn thành: "31/02/2022" không phải là ngày hợp lệ; hãy nhập theo dạng ngày/tháng/năm (vd 16/10/2022).',
      'Completion date: "31/02/2022" is not a valid date; enter it as day/month/year (e.g. 16/10/2022).',
    ],
    [
      "F10",
      "18/10/2022",
      "warning",
      "DATE_AFTER_DEADLINE",
      "Ngày hoàn thành 18/10/2022 sau hạn 16/10/2022 của nhiệm vụ III.2.",
      "Completion date 2022-10-18 is after the deadline 2022-10-16 of task III.2.",
    ],
    [
      "E10",
      "Xong",
      "error",
      "STATUS_INVALID",
      'Trạng thái "Xong" không có trong danh sách (Hoàn thành, Đang thực hiện, Chưa thực hiện).',
      'Status "Xong" is not one of the list (Hoàn thành, Đang thực hiện, Chưa thực hiện).',
    ],
  ])("%s = %p → %s %s", (cell, value, severity, kind, vi, en) => {
    expect(one(cell, value)).toEqual([{ sheet: "BCH CĐ", cell, severity, kind, vi, en }]);
  });

  // A unit that still types in a TCVN3 (.VnTime) or VNI font: the text is converted, with a note at the cell.
  test.each([
    ["TCVN3", "Hoµn thµnh", "§· tæ chøc 3 buæi cho 120 ®oµn viªn", "TCVN3 (ABC, phông .VnTime)"],
    ["VNI", "Hoaøn thaønh", "Ñaõ toå chöùc 3 buoåi cho 120 ñoaøn vieân", "VNI-Windows (phông VNI-Times)"],
  ])("text typed in %s is read as Unicode, with an info note at its cell", (_code, status, result, name) => {
    const r = run((c) => {
      c.grids[0] = setCell(c.grids[0], "E10", status);
      c.grids[0] = setCell(c.grids[0], "G10", result);
    });
    const task = r.units[0].tasks.find((t) => t.cells?.status === "E10");
    expect(task?.status).toBe("Hoàn thành");
    expect(task?.result).toBe("Đã tổ chức 3 buổi cho 120 đoàn viên");
    expect(r.others.map(brief)).toEqual([
      {
        sheet: "BCH CĐ",
        cell: "E10",
        severity: "info",
        kind: "LEGACY_ENCODING",
        vi: `Chữ ở ô E10 gõ bằng bảng mã ${name}, đã chuyển sang Unicode: "Hoàn thành".`,
        en: `The text in E10 was typed in the legacy ${name} code and was converted to Unicode: "Hoàn thành".`,
      },
      {
        sheet: "BCH CĐ",
        cell: "G10",
        severity: "info",
        kind: "LEGACY_ENCODING",
        vi: `Chữ ở ô G10 gõ bằng bảng mã ${name}, đã chuyển sang Unicode: "Đã tổ chức 3 buổi cho 120 đoàn viên".`,
        en: `The text in G10 was typed in the legacy ${name} code and was converted to Unicode: "Đã tổ chức 3 buổi cho 120 đoàn viên".`,
      },
    ]);
  });

  test("a Vietnamese 1.234,5 in a money cell is read exactly, without a finding", () => {
    const r = run((c) => {
      c.grids[0] = setCell(c.grids[0], "D18", "1.234,5");
    });
    expect(r.units[0].values.KINH_PHI.value).toBe(1234.5);
    expect(r.others).toEqual([]);
  });

  test.each([
    ["16/10/2022", "2022-10-16"],
    [44849, "2022-10-15"],
    ["2022-10-14", "2022-10-14"],
  ])("completion date %p (text or serial) reads as %s", (value, iso) => {
    const r = run((c) => {
      c.grids[0] = setCell(c.grids[0], "F10", value);
    });
    expect(r.units[0].tasks[0].completedOn).toBe(iso);
    expect(r.others).toEqual([]);
  });

  test("a formula taking a figure from another tab", () => {
    expect(one("D16", 7, "='Tổ 1'!D16")).toEqual([
      {
        sheet: "BCH CĐ",
        cell: "D16",
        severity: "warning",
        kind: "FORMULA_EXTERNAL",
        vi: "Ô D16 là công thức lấy số từ ngoài trang này (='Tổ 1'!D16): số liệu của đơn vị phải nhập trực tiếp. Đã dùng giá trị hiện tại.",
        en: "Cell D16 is a formula that takes its value from outside this tab (='Tổ 1'!D16): a unit's figures must be typed in. Its current value was used.",
      },
    ]);
  });

  test("=HYPERLINK(…) as a formula in the notes: display text taken, flagged", () => {
    const r = run((c) => {
      c.grids[0] = setCell(
        c.grids[0],
        "D22",
        "bấm vào đây",
        '=HYPERLINK("http://evil.example","bấm vào đây")',
      );
    });
    expect(r.units[0].notes).toBe("bấm vào đây");
    expect(r.others.map(brief)).toEqual([
      {
        sheet: "BCH CĐ",
        cell: "D22",
        severity: "warning",
        kind: "FORMULA_IN_TEXT",
        vi: 'Ô D22 chứa công thức (=HYPERLINK("http://evil.example","bấm vào đây")) thay vì chữ: chỉ lấy phần chữ hiển thị, không chạy công thức.',
        en: 'Cell D22 holds a formula (=HYPERLINK("http://evil.example","bấm vào đây")) instead of text: only the displayed text is taken; the formula is not run.',
      },
    ]);
  });

  test("formula-looking text in names, notes and results stays text in the summary", () => {
    const inj = '=HYPERLINK("http://evil.example","x")';
    const { report } = seedReport(({ state, grids }) => {
      state.units[0] = { ...state.units[0], name: inj };
      grids[0] = setCell(setCell(grids[0], "G10", "+cmd|' /C calc'!A0"), "D22", "@SUM(1)");
    });
    const layout = buildSummaryLayout(report, { sheetName: "Tổng hợp" });
    const cells = Object.values(layout.cells);
    expect(cells.some((c) => c.value === inj)).toBe(true);
    expect(cells.some((c) => c.value === "+cmd|' /C calc'!A0")).toBe(true);
    expect(cells.some((c) => typeof c.value === "string" && c.value.includes("@SUM(1)"))).toBe(true);
    for (const c of cells) {
      if (c.formula !== undefined) expect(c.formula).not.toMatch(/HYPERLINK|cmd|@SUM/);
      if (c.link) expect(c.link).toMatch(/^'[^']+(?:''[^']*)*'!/);
    }
  });
});
