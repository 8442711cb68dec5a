/**
 * Bad-input corpus, sheets (issue 7): unit names with characters Excel refuses, longer than 31 characters,
 * differing only by case or accents, a name already used by an unrelated sheet, "History". Each case goes
 * through "Tạo sổ" (planWorkbookChanges) and gets a legal, unique sheet name and a bilingual message that
 * names the sheet; no unrelated sheet is ever written.
 */
import { planWorkbookChanges, type Notice } from "../../src/core/workbook/plan-changes";
import { isLegalSheetName, sheetNameKey } from "../../src/core/workbook/sheet-names";
import type { Plan } from "../../src/core/plan/types";
import type { SheetInfo } from "../../src/core/workbook/grid";
import { seedPlan } from "../core/workbook/fixtures";

function planWithUnits(units: string[]): Plan {
  return seedPlan({
    tasks: [
      {
        ref: "III.2",
        text: "Các đơn vị báo cáo kết quả.",
        units,
        deadline: "2022-10-16",
        deadlineInherited: false,
        reportTo: "Ban Chi ủy",
        line: 1,
        isSummary: false,
      },
    ],
    units: [],
  });
}

function create(units: string[], existing: string[] = []) {
  const sheets: SheetInfo[] = existing.map((name, position) => ({ id: `E${position}`, name, position }));
  const result = planWorkbookChanges({
    plan: planWithUnits(units),
    indicators: [],
    previous: null,
    sheets,
    grids: [],
    planId: "p1",
  });
  const names = result.state.units.map((u) => u.sheetName);
  // Always: legal, unique (ignoring case and accents) with the existing sheets, existing sheets never written.
  expect(names.every(isLegalSheetName)).toBe(true);
  const all = [
    ...existing,
    result.state.trackerSheet.sheetName,
    result.state.summarySheet!.sheetName,
    ...names,
  ];
  expect(new Set(all.map(sheetNameKey)).size).toBe(all.length);
  for (const p of result.changes.patches) expect(p.sheetId).toBeNull();
  return { names, notices: result.notices };
}

interface Case {
  title: string;
  units: string[];
  existing?: string[];
  names: string[];
  notices: Notice[];
}

const CASES: Case[] = [
  {
    title: "colon and slash",
    units: ["Phòng KH/TC: tổng hợp"],
    names: ["Phòng KH - TC - tổng hợp"],
    notices: [],
  },
  {
    title: "backslash, question mark, asterisk",
    units: ["Tổ\\Nhóm? *1*"],
    names: ["Tổ - Nhóm - 1"],
    notices: [],
  },
  {
    title: "square brackets",
    units: ["Đội [khu 2]"],
    names: ["Đội (khu 2)"],
    notices: [],
  },
  {
    title: "leading and trailing apostrophes",
    units: ["'Nhóm A'"],
    names: ["Nhóm A"],
    notices: [
      {
        vi: 'Tên trang tính không được bắt đầu hay kết thúc bằng dấu nháy (\'); đặt tên trang là "Nhóm A".',
        en: 'A sheet name cannot begin or end with an apostrophe (\'); the sheet is named "Nhóm A".',
        sheet: "Nhóm A",
      },
    ],
  },
  {
    title: "longer than 31 characters",
    units: ["Trung tâm Dịch vụ việc làm và Giáo dục nghề nghiệp khu vực 3"],
    names: ["TT Dịch vụ việc làm và Giáo 3"],
    notices: [
      {
        vi: 'Tên đơn vị "Trung tâm Dịch vụ việc làm và Giáo dục nghề nghiệp khu vực 3" dài hơn 31 ký tự; tên trang được rút gọn thành "TT Dịch vụ việc làm và Giáo 3".',
        en: 'The unit name "Trung tâm Dịch vụ việc làm và Giáo dục nghề nghiệp khu vực 3" is longer than 31 characters; the sheet name is shortened to "TT Dịch vụ việc làm và Giáo 3".',
        sheet: "TT Dịch vụ việc làm và Giáo 3",
      },
    ],
  },
  {
    title: "two long names that shorten to the same name",
    units: [
      "Ban Chấp hành Công đoàn cơ sở Bệnh viện Đa khoa tỉnh Sơn La",
      "Ban Chấp hành Công đoàn cơ sở Bệnh viện Đa khoa tỉnh Sơn La mới",
    ],
    names: ["BCH CĐ CS Bệnh viện Đa khoa", "BCH CĐ CS Bệnh viện Đa khoa (2)"],
    notices: [
      {
        vi: 'Tên đơn vị "Ban Chấp hành Công đoàn cơ sở Bệnh viện Đa khoa tỉnh Sơn La" dài hơn 31 ký tự; tên trang được rút gọn thành "BCH CĐ CS Bệnh viện Đa khoa".',
        en: 'The unit name "Ban Chấp hành Công đoàn cơ sở Bệnh viện Đa khoa tỉnh Sơn La" is longer than 31 characters; the sheet name is shortened to "BCH CĐ CS Bệnh viện Đa khoa".',
        sheet: "BCH CĐ CS Bệnh viện Đa khoa",
      },
      {
        vi: 'Tên đơn vị "Ban Chấp hành Công đoàn cơ sở Bệnh viện Đa khoa tỉnh Sơn La mới" dài hơn 31 ký tự; tên trang được rút gọn thành "BCH CĐ CS Bệnh viện Đa khoa (2)".',
        en: 'The unit name "Ban Chấp hành Công đoàn cơ sở Bệnh viện Đa khoa tỉnh Sơn La mới" is longer than 31 characters; the sheet name is shortened to "BCH CĐ CS Bệnh viện Đa khoa (2)".',
        sheet: "BCH CĐ CS Bệnh viện Đa khoa (2)",
      },
      {
        vi: 'Tên trang "BCH CĐ CS Bệnh viện Đa khoa" trùng với trang "BCH CĐ CS Bệnh viện Đa khoa" (không phân biệt chữ hoa/thường và dấu); đặt tên trang là "BCH CĐ CS Bệnh viện Đa khoa (2)".',
        en: 'The sheet name "BCH CĐ CS Bệnh viện Đa khoa" collides with sheet "BCH CĐ CS Bệnh viện Đa khoa" (ignoring case and accents); the sheet is named "BCH CĐ CS Bệnh viện Đa khoa (2)".',
        sheet: "BCH CĐ CS Bệnh viện Đa khoa (2)",
      },
    ],
  },
  {
    title: "unit names differing only by case or accents are one unit, one tab",
    units: ["Tổ đảng tổ 2", "TỔ ĐẢNG TỔ 2", "To dang to 2"],
    names: ["Tổ đảng 2"],
    notices: [],
  },
  {
    title: "different units whose sheet names differ only by case or accents",
    units: ["Tổ đảng tổ 1", "Tổ Đảng 1", "tô dang 1"],
    names: ["Tổ đảng 1", "Tổ đảng 1 (2)"],
    notices: [
      {
        vi: 'Tên trang "Tổ đảng 1" trùng với trang "Tổ đảng 1" (không phân biệt chữ hoa/thường và dấu); đặt tên trang là "Tổ đảng 1 (2)".',
        en: 'The sheet name "Tổ đảng 1" collides with sheet "Tổ đảng 1" (ignoring case and accents); the sheet is named "Tổ đảng 1 (2)".',
        sheet: "Tổ đảng 1 (2)",
      },
    ],
  },
  {
    title: "a name already used by an unrelated sheet",
    units: ["Chi đoàn"],
    existing: ["CHI ĐOÀN"],
    names: ["Chi đoàn (2)"],
    notices: [
      {
        vi: 'Trang tính "CHI ĐOÀN" đã có sẵn và không do add-in tạo; không ghi đè. Đặt tên trang là "Chi đoàn (2)".',
        en: 'Sheet "CHI ĐOÀN" already exists and was not made by the add-in; it is not overwritten. The sheet is named "Chi đoàn (2)".',
        sheet: "Chi đoàn (2)",
      },
    ],
  },
  {
    title: "the tracker's own name already used by an unrelated sheet",
    units: ["Chi đoàn"],
    existing: ["ke hoach"],
    names: ["Chi đoàn"],
    notices: [
      {
        vi: 'Trang tính "ke hoach" đã có sẵn và không do add-in tạo; không ghi đè. Đặt tên trang là "Kế hoạch (2)".',
        en: 'Sheet "ke hoach" already exists and was not made by the add-in; it is not overwritten. The sheet is named "Kế hoạch (2)".',
        sheet: "Kế hoạch (2)",
      },
    ],
  },
  {
    title: '"History"',
    units: ["History"],
    names: ["Đơn vị History"],
    notices: [
      {
        vi: '"History" là tên Excel dành riêng; đặt tên trang là "Đơn vị History".',
        en: '"History" is a name Excel reserves; the sheet is named "Đơn vị History".',
        sheet: "Đơn vị History",
      },
    ],
  },
];

describe("reliability: sheet names", () => {
  test.each(CASES.map((c) => [c.title, c] as const))("%s", (_title, c) => {
    const { names, notices } = create(c.units, c.existing);
    expect(names).toEqual(c.names);
    const illegal = c.units.some((u) => /[:\\/?*[\]]/.test(u));
    if (illegal) {
      expect(notices[0].vi).toBe(
        `Tên đơn vị "${c.units[0]}" có ký tự không dùng được trong tên trang tính (: \\ / ? * [ ]); đặt tên trang là "${c.names[0]}".`,
      );
      expect(notices[0].en).toBe(
        `The unit name "${c.units[0]}" has characters not allowed in sheet names (: \\ / ? * [ ]); the sheet is named "${c.names[0]}".`,
      );
      expect(notices[0].sheet).toBe(c.names[0]);
      expect(notices.slice(1)).toEqual(c.notices);
    } else {
      expect(notices).toEqual(c.notices);
    }
  });
});
