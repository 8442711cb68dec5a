/**
 * A unit's own file as data: names safe on Windows and macOS, the instruction sheet and the unit's tab only,
 * what the unit typed carried over (formats kept), protection with the unit's password or none.
 */
import { createState } from "../../../src/core/state/create-state";
import { defaultIndicators } from "../../../src/core/workbook/indicator-catalogue";
import { buildUnitTabLayout } from "../../../src/core/workbook/build-unit-tab";
import {
  buildUnitFile,
  INSTRUCTION_SHEET_NAME,
  UNIT_FILE_TAB_INSTRUCTION,
  unitFilesToMake,
} from "../../../src/core/workbook/build-unit-file";
import { unitFileNames, unitFileStem } from "../../../src/core/workbook/unit-file-name";
import { adr } from "../../../src/core/workbook/address";
import {
  FIELD_VALUE_COLUMN,
  FOOTER_CODES,
  INDICATOR_COLUMNS,
} from "../../../src/core/workbook/unit-tab-schema";
import { gridFromLayout, insertRow, seedPlan, typeInto } from "./fixtures";

const plan = seedPlan();
const state = createState(plan, defaultIndicators(plan), { planId: "p0123", existingSheetNames: [] });

function rowOf(layout: ReturnType<typeof buildUnitTabLayout>, code: string): number {
  const hit = Object.entries(layout.cells).find(([a, c]) => /^A\d+$/.test(a) && c.value === code);
  if (!hit) throw new Error(`no ${code}`);
  return Number(hit[0].slice(1)) - 1;
}

describe("unit file names", () => {
  test.each([
    ["Tổ đảng tổ 1", "334-KH/CB", "Tổ đảng tổ 1 - 334-KH-CB"],
    ["Chi bộ: Văn phòng / Kế toán", "12/KH-UBND", "Chi bộ - Văn phòng - Kế toán - 12-KH-UBND"],
    ['Tổ "A" <B>|C*?', null, "Tổ -A- -B-C-"],
    ["  .Ẩn đầu chấm. ", "1", "Ẩn đầu chấm - 1"],
    ["CON", null, "_CON"],
    ["aux", "", "_aux"],
    ["Tổ\u0000\u001f 2", "5", "Tổ- 2 - 5"],
  ])("%j + %j → %j", (unit, number, stem) => {
    expect(unitFileStem(unit, number)).toBe(stem);
  });

  test("NFD input comes out NFC; long names are clipped under 255 bytes of UTF-8 with the number kept", () => {
    expect(unitFileStem("To\u0302\u0309 1".normalize("NFD"), null)).toBe("Tổ 1");
    const long = "Ủy ban Mặt trận Tổ quốc Việt Nam ".repeat(6);
    const stem = unitFileStem(long, "334-KH/CB");
    expect([...stem].length).toBeLessThanOrEqual(80);
    expect(stem.endsWith(" - 334-KH-CB")).toBe(true);
    expect(Buffer.byteLength(`${stem} (99).xlsx`, "utf8")).toBeLessThan(255);
  });

  test("unique ignoring case, as Windows and macOS compare names", () => {
    expect(
      unitFileNames([{ name: "Tổ 1" }, { name: "TỔ 1" }, { name: "Tổ/1" }, { name: "Tổ-1" }], "7"),
    ).toEqual(["Tổ 1 - 7.xlsx", "TỔ 1 - 7 (2).xlsx", "Tổ-1 - 7.xlsx", "Tổ-1 - 7 (2).xlsx"]);
  });

  test("every unit still in the plan gets a file, in the state's order", () => {
    const removed = { ...state, units: state.units.map((u, i) => (i === 1 ? { ...u, removed: true } : u)) };
    expect(unitFilesToMake(removed).map((f) => f.fileName)).toEqual([
      "Ban Chấp hành Công đoàn - 334-KH-CB.xlsx",
      "Các Tổ chức đoàn thể - 334-KH-CB.xlsx",
    ]);
  });
});

describe("buildUnitFile", () => {
  const unit = state.units[1];
  const tab = buildUnitTabLayout(state, unit);

  test("the instruction sheet, then the unit's tab (active); structure and sheets protected, no password", () => {
    const file = buildUnitFile(state, unit, { current: null, fileName: "x.xlsx" });
    expect(file.sheets.map((s) => [s.name, s.role, s.protection])).toEqual([
      [INSTRUCTION_SHEET_NAME, "instruction", { protect: true }],
      [unit.sheetName, "unit", { protect: true }],
    ]);
    expect(file.activeKey).toBe(tab.key);
    expect(file.structure).toEqual({ protect: true });
    expect(file.sheets[1].inputRanges).toEqual(tab.inputRanges);
    expect(file.sheets[0].inputRanges).toEqual([]);
    const instruction = Object.values(file.sheets[0].cells).map((c) => String(c.value ?? ""));
    expect(instruction.join("\n")).toContain(`Mở trang "${unit.sheetName}"`);
    expect(instruction.join("\n")).toContain("16/10/2022");
    expect(instruction.join("\n")).toContain("Open the sheet");
    // The tab's own instruction line speaks of sending the file back, not of the add-in's button.
    expect(Object.values(file.sheets[1].cells).some((c) => c.value === UNIT_FILE_TAB_INSTRUCTION)).toBe(true);
  });

  test("the unit's password protects both sheets and the structure (NFC)", () => {
    const file = buildUnitFile(state, unit, {
      current: null,
      fileName: "x.xlsx",
      password: "mật khẩu".normalize("NFD"),
    });
    expect(file.sheets.map((s) => s.protection)).toEqual([
      { protect: true, password: "mật khẩu" },
      { protect: true, password: "mật khẩu" },
    ]);
    expect(file.structure).toEqual({ protect: true, password: "mật khẩu" });
  });

  test("what the unit typed in the shared workbook is carried, by code, with the cell's format kept", () => {
    const current = gridFromLayout(tab, "7");
    const figureRow = rowOf(tab, state.indicators[0].code);
    const noteRow = rowOf(tab, FOOTER_CODES.notes);
    typeInto(current, adr(figureRow, INDICATOR_COLUMNS.value), 12);
    typeInto(current, adr(noteRow, FIELD_VALUE_COLUMN), "Khó khăn: thiếu kinh phí");
    // A row inserted above the indicators in the shared tab: the figures are still found by their codes.
    insertRow(current, 3);
    const file = buildUnitFile(state, unit, { current, fileName: "x.xlsx" });
    const cells = file.sheets[1].cells;
    const figure = cells[adr(figureRow, INDICATOR_COLUMNS.value)];
    expect(figure.value).toBe(12);
    expect(figure.style).toEqual(tab.cells[adr(figureRow, INDICATOR_COLUMNS.value)].style);
    expect(cells[adr(noteRow, FIELD_VALUE_COLUMN)].value).toBe("Khó khăn: thiếu kinh phí");
  });

  test("nothing of another unit: only this unit's key, name and sheet", () => {
    const file = buildUnitFile(state, unit, { current: null, fileName: "x.xlsx" });
    const text = JSON.stringify(file.sheets);
    expect(text).toContain(`${unit.unitId}@p0123`);
    for (const other of state.units.filter((u) => u.unitId !== unit.unitId)) {
      expect(text).not.toContain(`${other.unitId}@p0123`);
      expect(file.sheets.map((s) => s.name)).not.toContain(other.sheetName);
    }
  });

  test("a unit tab named like the instruction sheet gets another instruction name", () => {
    const named = { ...unit, sheetName: "Hướng dẫn" };
    const file = buildUnitFile(state, named, { current: null, fileName: "x.xlsx" });
    expect(file.sheets.map((s) => s.name)).toEqual(["Hướng dẫn (2)", "Hướng dẫn"]);
  });
});
