import { collectWorkbook } from "../../../src/core/collect/collect-workbook";
import { checkUnitTab } from "../../../src/core/collect/check-unit-tab";
import { readUnitTab } from "../../../src/core/collect/read-unit-tab";
import type { SheetInfo } from "../../../src/core/workbook/grid";
import { NOW, seedScenario, seedState, unitTabGrid, setCell } from "./grid-fixtures";

function sheetsOf(grids: { sheetId: string; name: string }[]): SheetInfo[] {
  return [
    { id: "s-tracker", name: "Theo dõi", position: 0 },
    ...grids.map((g, i) => ({ id: g.sheetId, name: g.name, position: i + 1 })),
  ];
}

describe("collectWorkbook on the seed (u1 on time, u2 late with '12 buổi', u3 missing)", () => {
  const { state, grids } = seedScenario();
  const result = collectWorkbook(state, sheetsOf(grids), grids, NOW);
  const [u1, u2, u3] = result.units;

  test("reads each unit's figures at full precision", () => {
    expect(u1.values.SO_BUOI.value).toBe(3);
    expect(u1.values.KINH_PHI.value).toBe(1500000);
    expect(u1.values.TEN_MO_HINH.value).toBe("Dân vận khéo trong công tác cai nghiện");
    expect(u2.values.SO_BUOI).toMatchObject({ value: 12, raw: "12 buổi", cell: "D14", linkable: false });
    expect(u2.values.SO_LUOT.value).toBe(1234);
    expect(u2.values.KINH_PHI.value).toBe(2500000);
    expect(u1.values.SO_LUOT).toMatchObject({ value: 85, cell: "D15", linkable: true });
    expect(u3.values.SO_BUOI).toMatchObject({ value: null, cell: "D14", linkable: true });
  });

  test("reads tasks, notes, reporter, dates and the submission", () => {
    expect(u1.tasks).toEqual([
      {
        ref: "III.2",
        status: "Hoàn thành",
        statusRaw: null,
        completedOn: "2022-10-15",
        result: "Đã xây dựng 2 mô hình",
        cells: { status: "E10", completedOn: "F10", result: "G10" },
      },
    ]);
    expect(u1).toMatchObject({
      reporter: "Nguyễn Thị Lan",
      reportDate: "2022-10-16",
      submitted: true,
      submittedAt: "2022-10-16T09:30:00+07:00",
      submissionKind: "addin",
    });
    expect(u2).toMatchObject({
      notes: "Thiếu kinh phí in tài liệu",
      reportDate: "2022-10-17",
      submitted: true,
      submittedAt: "2022-10-17T08:15:00+07:00",
    });
    expect(u3).toMatchObject({ submitted: false, hasContent: false, submittedAt: null, found: true });
    expect(u1.fieldCells).toMatchObject({ XAC_NHAN_NOP: "D26", Y_KIEN_MO_LAI: "D27", DA_NOP: "D25" });
  });

  test("findings: exactly the text-in-number warning in 'Tổ 1'!D14", () => {
    expect(result.findings).toEqual([
      {
        unitId: "u2",
        unit: "Tổ đảng tổ 1",
        sheet: "Tổ 1",
        cell: "D14",
        severity: "warning",
        kind: "TEXT_IN_NUMBER",
        messageVi: '"Số buổi tuyên truyền" (D14): Ô số có chữ: "12 buổi" — đã lấy 12. Chỉ nhập con số.',
        messageEn:
          '"Số buổi tuyên truyền" (D14): Text in a number cell: "12 buổi" — read as 12. Enter the figure only.',
      },
    ]);
  });
});

describe("checkUnitTab", () => {
  const state = seedState();
  const u = state.units[1];
  const base = unitTabGrid(state, u, {
    values: { SO_BUOI: 2, SO_LUOT: 40 },
    tasks: { "III.2": { status: "Hoàn thành" } },
  });
  const kinds = (g = base, submitting = false) =>
    checkUnitTab(g, u, state, { submitting }).map((f) => `${f.kind}@${f.cell}`);

  test("a clean tab has no findings", () => {
    expect(kinds()).toEqual([]);
  });

  test.each([
    ["D14", "nhiều", "NOT_A_NUMBER"],
    ["D14", -3, "NEGATIVE"],
    ["D14", 2.5, "NOT_INTEGER"],
    ["D14", 501, "IMPLAUSIBLE"],
    ["D16", 5e12, "IMPLAUSIBLE"],
    ["D14", "#REF!", "NOT_A_NUMBER"],
    ["D14", true, "NOT_A_NUMBER"],
    ["E10", "Xong rồi", "STATUS_INVALID"],
    ["F10", "hôm qua", "DATE_INVALID"],
    ["F10", "20/10/2022", "DATE_AFTER_DEADLINE"],
    ["D24", "31/02/2022", "DATE_INVALID"],
  ])("%s = %p → %s", (cell, value, kind) => {
    expect(kinds(setCell(base, cell, value))).toEqual([`${kind}@${cell}`]);
  });

  test("status typed without accents or in another case matches the list", () => {
    const s = readUnitTab(setCell(base, "E10", "dang thuc hien"), u, state);
    expect(s.tasks[0].status).toBe("Đang thực hiện");
  });

  test("a required indicator left empty is an error when submitting", () => {
    const g = setCell(base, "D15", null);
    expect(kinds(g)).toEqual([]);
    expect(kinds(g, true)).toEqual(["REQUIRED_EMPTY@D15"]);
  });

  test("an empty tab cannot be submitted", () => {
    const f = checkUnitTab(unitTabGrid(state, u), u, state, { submitting: true });
    expect(f).toEqual([
      expect.objectContaining({
        kind: "SUBMITTED_EMPTY",
        severity: "error",
        cell: null,
        messageVi: 'Trang "Tổ 1" chưa có số liệu hay kết quả nào: chưa thể nộp.',
      }),
    ]);
  });

  test("a tab marked 'Đã nộp: Có' with nothing in it is flagged at the mark", () => {
    const g = setCell(setCell(unitTabGrid(state, u), "D25", "Có"), "D24", "16/10/2022");
    const s = readUnitTab(g, u, state);
    expect(s).toMatchObject({ submitted: true, submissionKind: "manual", submittedAt: "2022-10-16" });
    expect(kinds(g)).toEqual(["SUBMITTED_EMPTY@D26"]);
  });

  test("manual submission without a date is counted with a warning", () => {
    const g = setCell(base, "D25", "có");
    expect(readUnitTab(g, u, state)).toMatchObject({
      submitted: true,
      submissionKind: "manual",
      submittedAt: null,
    });
    expect(kinds(g)).toEqual(["MANUAL_NO_DATE@D24"]);
  });

  test("a formula pointing outside the tab is flagged; one inside is not", () => {
    expect(kinds(setCell(base, "D14", 7, "='Tổ 2'!D14"))).toEqual(["FORMULA_EXTERNAL@D14"]);
    expect(kinds(setCell(base, "D14", 7, "=[Book2.xlsx]Sheet1!A1"))).toEqual(["FORMULA_EXTERNAL@D14"]);
    expect(kinds(setCell(base, "D14", 7, "=D15-33"))).toEqual([]);
    expect(kinds(setCell(base, "D14", 7, "='Tổ 1'!D15-33"))).toEqual([]);
  });

  test("the tab of another unit is recognised by its key", () => {
    const other = unitTabGrid(state, state.units[0], { values: { SO_BUOI: 1, SO_LUOT: 1 } });
    expect(kinds({ ...other, name: "Tổ 1" })).toEqual(["UNIT_KEY_MISMATCH@D2"]);
  });
});
