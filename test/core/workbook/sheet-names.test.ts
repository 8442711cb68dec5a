import {
  chooseSheetName,
  isLegalSheetName,
  makeSheetName,
  MAX_SHEET_NAME_LENGTH,
  sameSheetName,
} from "../../../src/core/workbook/sheet-names";
import { generatePlan } from "../../../src/core/workbook/generate-plan";
import { reportingUnits } from "../../../src/core/workbook/reporting-units";
import { foldVietnamese } from "../../../src/core/text/vietnamese";

describe("makeSheetName: short and readable", () => {
  test.each([
    ["Ban Chấp hành Công đoàn", "BCH Công đoàn"],
    ["Tổ đảng tổ 1", "Tổ đảng 1"],
    ["Tổ Đảng số 2", "Tổ đảng 2"],
    ["Tổ đảng tổ số 3", "Tổ đảng 3"],
    ["Ban Thường vụ Đoàn", "BTV Đoàn"],
    ["Các Tổ chức đoàn thể", "Các Tổ chức đoàn thể"],
    ["  Chi đoàn   Thanh niên  ", "Chi đoàn Thanh niên"],
    ["Ban Chấp hành Đoàn Thanh niên Cộng sản Hồ Chí Minh Sở Lao động", "BCH ĐTN Sở Lao động"],
    ["Trung tâm Dịch vụ việc làm và Giáo dục nghề nghiệp khu vực 34", "TT Dịch vụ việc làm và Giáo 34"],
  ])("%s → %s", (unit, expected) => {
    expect(makeSheetName(unit, [])).toBe(expected);
  });

  test("NFD input gives the same NFC name", () => {
    expect(makeSheetName("Tổ đảng tổ 1".normalize("NFD"), [])).toBe("Tổ đảng 1");
  });
});

describe("makeSheetName: always legal", () => {
  test.each([
    ["Phòng Kế hoạch/Tài chính", "Phòng Kế hoạch - Tài chính"],
    ["Tổ: Hành chính", "Tổ - Hành chính"],
    ["Đội [khu 1]", "Đội (khu 1)"],
    ["Ai? Cái gì*", "Ai - Cái gì"],
    ["Back\\slash", "Back - slash"],
    ["'Nhóm A'", "Nhóm A"],
    ["History", "Đơn vị History"],
    ["HISTORY", "Đơn vị HISTORY"],
    ["", "Đơn vị"],
    ["/:?*", "Đơn vị"],
  ])("%j → %j", (unit, expected) => {
    const name = makeSheetName(unit, []);
    expect(name).toBe(expected);
    expect(isLegalSheetName(name)).toBe(true);
  });

  test("names over 31 characters are shortened at a word boundary", () => {
    const unit = "Hội Liên hiệp Phụ nữ cơ sở Bệnh viện Điều dưỡng và Phục hồi chức năng tỉnh";
    const name = makeSheetName(unit, []);
    expect(Array.from(name).length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
    expect(name).toBe("HPN CS Bệnh viện Điều dưỡng");
    expect(name).not.toMatch(/\s$/);
  });
});

describe("isLegalSheetName", () => {
  test.each([
    ["Tổ 1", true],
    ["a".repeat(31), true],
    ["a".repeat(32), false],
    ["", false],
    ["A:B", false],
    ["A/B", false],
    ["A\\B", false],
    ["A?B", false],
    ["A*B", false],
    ["A[B", false],
    ["A]B", false],
    ["'A", false],
    ["A'", false],
    ["A'B", true],
    ["history", false],
    ["History", false],
  ])("%j → %s", (name, legal) => {
    expect(isLegalSheetName(name)).toBe(legal);
  });
});

describe("uniqueness ignoring case and accents", () => {
  test.each([
    ["Tổ 1", ["tổ 1"], "Tổ 1 (2)"],
    ["Tổ 1", ["To 1"], "Tổ 1 (2)"],
    ["Đội 1", ["doi 1"], "Đội 1 (2)"],
    ["Tổ 1", ["Tổ 1", "Tổ 1 (2)"], "Tổ 1 (3)"],
    ["Tổ 1", ["Tổ 11"], "Tổ 1"],
  ])("%s against %j → %s", (unit, taken, expected) => {
    expect(makeSheetName(unit, taken)).toBe(expected);
  });

  test("a long colliding name keeps the suffix within 31 characters", () => {
    const unit = "Trung tâm Bảo trợ xã hội tổng hợp số hai của tỉnh";
    const first = makeSheetName(unit, []);
    const second = makeSheetName(unit, [first]);
    expect(Array.from(second).length).toBeLessThanOrEqual(31);
    expect(second.endsWith(" (2)")).toBe(true);
    expect(sameSheetName(first, second)).toBe(false);
  });

  test("sameSheetName ignores case, accents, đ and spacing", () => {
    expect(sameSheetName("Tổ Đảng 1", "to dang  1")).toBe(true);
    expect(sameSheetName("Tổ 1", "Tổ 2")).toBe(false);
  });

  test("a collision with a sheet the add-in did not make says so", () => {
    const choice = chooseSheetName("Tổ đảng tổ 1", ["Tổ đảng 1"], ["Tổ đảng 1"]);
    expect(choice.name).toBe("Tổ đảng 1 (2)");
    expect(choice.notices.map((n) => n.vi)).toEqual([
      'Trang tính "Tổ đảng 1" đã có sẵn và không do add-in tạo; không ghi đè. Đặt tên trang là "Tổ đảng 1 (2)".',
    ]);
  });
});

describe("200 generated units", () => {
  test("give 200 unique, legal names", () => {
    const units = reportingUnits(generatePlan(200));
    expect(units).toHaveLength(200);
    const taken: string[] = ["Kế hoạch", "Tổng hợp", "Sheet1"];
    for (const u of units) taken.push(makeSheetName(u.name, taken));
    const names = taken.slice(3);
    expect(names.every(isLegalSheetName)).toBe(true);
    expect(new Set(names.map(foldVietnamese)).size).toBe(200);
    // Readable: a number in the unit's name survives in its tab's name.
    units.forEach((u, i) => {
      const n = /(\d+)\D*$/.exec(u.name)?.[1];
      if (n) expect(names[i]).toContain(n);
    });
  });
});
