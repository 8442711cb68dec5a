import {
  defaultIndicators,
  INDICATOR_CATALOGUE,
  makeIndicatorCode,
  planTopics,
  RESERVED_CODES,
  TOPIC_KEYWORDS,
  validateIndicators,
} from "../../../src/core/workbook/indicator-catalogue";
import type { Indicator } from "../../../src/core/workbook/indicators";
import { seedPlan } from "./fixtures";

const task = (text: string) => ({
  ref: "1",
  text,
  units: ["Tổ 1"],
  deadline: null,
  deadlineInherited: false,
  reportTo: null,
  line: 1,
  isSummary: false,
});

describe("INDICATOR_CATALOGUE", () => {
  test("codes are unique, upper-case ASCII and not reserved; every entry has keywords; every topic has entries", () => {
    const codes = INDICATOR_CATALOGUE.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const i of INDICATOR_CATALOGUE) {
      expect(i.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(RESERVED_CODES).not.toContain(i.code);
      expect(i.name.trim()).not.toBe("");
      expect(i.keywords.length).toBeGreaterThan(0);
    }
    expect(validateIndicators(INDICATOR_CATALOGUE)).toEqual([]);
    for (const topic of Object.keys(TOPIC_KEYWORDS))
      expect(INDICATOR_CATALOGUE.some((i) => i.topic === topic)).toBe(true);
  });

  test.each([
    "Số buổi tuyên truyền",
    "Số lượt người tham dự",
    "Số tin, bài",
    "Số băng rôn, khẩu hiệu, pano",
    "Số mô hình Dân vận khéo đăng ký",
    "Số mô hình Dân vận khéo đã thực hiện",
    "Kinh phí",
  ])("has %s", (name) => {
    expect(INDICATOR_CATALOGUE.map((i) => i.name)).toContain(name);
  });
});

describe("defaultIndicators", () => {
  test("seed plan → propaganda + Dân vận khéo + funds", () => {
    const plan = seedPlan();
    expect(planTopics(plan).sort()).toEqual(["danVanKheo", "funds", "propaganda"]);
    expect(defaultIndicators(plan).map((i) => i.code)).toEqual([
      "TT_SO_BUOI",
      "TT_LUOT_NGUOI",
      "TT_TIN_BAI",
      "TT_BANG_RON",
      "DVK_DANG_KY",
      "DVK_DA_THUC_HIEN",
      "KINH_PHI",
    ]);
    // plain indicators: no catalogue-only fields leak into the state
    expect(Object.keys(defaultIndicators(plan)[0]).sort()).toEqual([
      "aggregation",
      "code",
      "name",
      "plausibleMax",
      "required",
      "topic",
      "type",
      "unit",
    ]);
  });

  test.each([
    [
      "Kế hoạch tổ chức Tháng Thanh niên năm 2023",
      ["TN_HOAT_DONG", "TN_LUOT_DOAN_VIEN", "TN_DON_VI_MAU", "TN_CONG_TRINH", "KINH_PHI"],
    ],
    [
      "Kế hoạch hưởng ứng Ngày Pháp luật Việt Nam",
      ["PL_HOI_NGHI", "PL_LUOT_NGUOI_NGHE", "PL_VAN_BAN", "PL_BANG_RON", "KINH_PHI"],
    ],
    [
      "Kế hoạch kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm 2022",
      ["DG_SO_DANG_VIEN", "DG_XUAT_SAC", "DG_TOT", "DG_HOAN_THANH", "DG_KHONG_HOAN_THANH"],
    ],
    // No topic is clear: the general set (was the propaganda set, newcomer review M3).
    ["Thông báo lịch họp", ["HD_SO_HOAT_DONG", "HD_LUOT_THAM_GIA", "KINH_PHI"]],
  ])("%s", (title, codes) => {
    const plan = seedPlan({ title, tasks: [task("Các đơn vị báo cáo kết quả.")] });
    expect(defaultIndicators(plan).map((i) => i.code)).toEqual(codes);
  });

  test("matches accent-insensitively and on NFD text", () => {
    const plan = seedPlan({
      title: "KE HOACH",
      tasks: [task("Bao cao mo hinh DAN VAN KHEO".normalize("NFD"))],
    });
    expect(planTopics(plan)).toContain("danVanKheo");
  });
});

const ind = (code: string, name: string): Indicator => ({
  code,
  name,
  unit: "cái",
  type: "integer",
  aggregation: "sum",
  required: false,
});

describe("validateIndicators", () => {
  test.each([
    [
      [ind("A", "Một"), ind("A", "Hai")],
      [
        {
          index: 1,
          field: "code",
          vi: 'Mã chỉ tiêu "A" bị trùng (chỉ tiêu thứ 1 và thứ 2).',
          en: 'Indicator code "A" is duplicated (indicators 1 and 2).',
        },
      ],
    ],
    [
      [ind("A", " ")],
      [{ index: 0, field: "name", vi: "Chỉ tiêu thứ 1 chưa có tên.", en: "Indicator 1 has no name." }],
    ],
    [
      [ind("", "Một")],
      [{ index: 0, field: "code", vi: 'Chỉ tiêu "Một" chưa có mã.', en: 'Indicator "Một" has no code.' }],
    ],
    [
      [ind("MA_DON_VI", "Một")],
      [
        {
          index: 0,
          field: "code",
          vi: 'Mã chỉ tiêu "MA_DON_VI" trùng với mã dành riêng của biểu mẫu.',
          en: 'Indicator code "MA_DON_VI" is reserved by the form.',
        },
      ],
    ],
    [
      [ind("A", "Số buổi"), ind("B", "so buoi")],
      [
        {
          index: 1,
          field: "name",
          vi: 'Tên chỉ tiêu "so buoi" bị trùng (chỉ tiêu thứ 1 và thứ 2).',
          en: 'Indicator name "so buoi" is duplicated (indicators 1 and 2).',
        },
      ],
    ],
  ])("%j", (list, problems) => {
    expect(validateIndicators(list)).toEqual(problems);
  });

  test("a malformed code", () => {
    const [p] = validateIndicators([ind("số buổi", "Số buổi")]);
    expect(p.field).toBe("code");
    expect(p.vi).toContain('Mã chỉ tiêu "số buổi" không hợp lệ');
    expect(p.en).toContain('Indicator code "số buổi" is invalid');
  });
});

describe("makeIndicatorCode", () => {
  test.each([
    ["Số buổi sinh hoạt chuyên đề", [], "SO_BUOI_SINH_HOAT_CHUYEN"],
    ["Số đảng viên mới", [], "SO_DANG_VIEN_MOI"],
    ["Số đảng viên mới", ["SO_DANG_VIEN_MOI"], "SO_DANG_VIEN_MOI_2"],
    ["Số đảng viên mới", ["so_dang_vien_moi", "SO_DANG_VIEN_MOI_2"], "SO_DANG_VIEN_MOI_3"],
    ["2023 kế hoạch", [], "CT_2023_KE_HOACH"],
    ["Ghi chú", ["GHI_CHU"], "GHI_CHU_2"],
    ["Ghi chú", [], "GHI_CHU_2"],
    ["!!!", [], "CT"],
  ])("%s (taken %j) → %s", (name, taken, code) => {
    const made = makeIndicatorCode(name, taken);
    expect(made).toBe(code);
    expect(validateIndicators([ind(made, name)])).toEqual([]);
  });
});
