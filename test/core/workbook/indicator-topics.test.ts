/**
 * Indicators that fit the plan (newcomer review M3): topics are read from each task (tuyên truyền, kiểm tra,
 * tập huấn, thăm hỏi/hỗ trợ, phát triển đảng viên/đoàn viên, thu chi …), the plan gets the indicators of its
 * topics (a general set when no topic is clear), and an indicator is required of a unit only where that
 * unit's task calls for it: the police unit of a food-safety plan is not asked for "Số buổi tuyên truyền".
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePlan } from "../../../src/core/plan/parse-plan";
import type { Plan } from "../../../src/core/plan/types";
import { createState } from "../../../src/core/state/create-state";
import { analyseUnitTab } from "../../../src/core/collect/analyse-unit-tab";
import { buildUnitTabLayout } from "../../../src/core/workbook/build-unit-tab";
import {
  defaultIndicators,
  INDICATOR_CATALOGUE,
  isRequiredFor,
  suggestIndicatorTopics,
  taskTopics,
  TOPIC_LABELS,
  unitTopics,
} from "../../../src/core/workbook/indicator-catalogue";
import { adr, parseAddress } from "../../../src/core/workbook/address";
import { INDICATOR_COLUMNS } from "../../../src/core/workbook/unit-tab-schema";
import type { SheetGrid } from "../../../src/core/workbook/grid";
import type { CellValue, SheetLayout } from "../../../src/core/workbook/model";

const PLANS = join(__dirname, "../../fixtures/plans");
const planOf = (file: string): Plan => parsePlan(readFileSync(join(PLANS, file), "utf8"));

describe("taskTopics: what a task is about", () => {
  test.each([
    ["Tuyên truyền trên hệ thống loa truyền thanh xã", ["propaganda"]],
    ["Treo băng rôn, khẩu hiệu tại trụ sở", ["propaganda"]],
    ["Phối hợp kiểm tra các cơ sở sản xuất, kinh doanh thực phẩm", ["inspection"]],
    ["Chủ trì kiểm tra, giám sát các cơ sở dịch vụ ăn uống", ["inspection"]],
    ["Mở lớp tập huấn nghiệp vụ cho cán bộ thôn", ["training"]],
    ["Thăm hỏi, tặng quà các gia đình chính sách dịp Tết", ["support"]],
    ["Bồi dưỡng, giới thiệu quần chúng ưu tú để xem xét kết nạp đảng", ["members"]],
    ["Phát triển đoàn viên mới trong thanh niên công nhân", ["members"]],
    ["Thu, nộp đảng phí và báo cáo thu chi quý", ["finance"]],
    ["Đảng viên là giáo viên chủ nhiệm lấy nhận xét của cha mẹ học sinh", []],
  ])("%s → %j", (text, topics) => {
    expect(taskTopics(text)).toEqual(topics);
  });
});

describe("the food-safety plan (commune, 4 units)", () => {
  const plan = planOf("commune-food-safety.txt");
  const indicators = defaultIndicators(plan);
  const state = createState(plan, indicators, { planId: "p1", existingSheetNames: [] });
  const unit = (name: string) => state.units.find((u) => u.name === name)!;

  test("gets the propaganda and the inspection indicators, each with its topic", () => {
    const codes = indicators.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(["TT_SO_BUOI", "KT_SO_CUOC", "KT_SO_CO_SO", "KT_VI_PHAM"]));
    expect(indicators.find((i) => i.code === "KT_SO_CUOC")?.topic).toBe("inspection");
    expect(codes[codes.length - 1]).toBe("KINH_PHI");
  });

  test("each unit's topics come from its own tasks", () => {
    expect([...unitTopics(plan, unit("Công an xã"))]).toEqual(["inspection"]);
    expect([...unitTopics(plan, unit("Trạm Y tế xã"))]).toEqual(["inspection"]);
    expect([...unitTopics(plan, unit("Văn phòng - Thống kê xã"))]).toEqual(["propaganda"]);
    expect([...unitTopics(plan, unit("Các thôn, bản"))]).toEqual(["propaganda"]);
  });

  test("the police unit is not asked for 'Số buổi tuyên truyền'; it is asked for the inspections", () => {
    const police = unitTopics(plan, unit("Công an xã"));
    const byCode = (code: string) => indicators.find((i) => i.code === code)!;
    expect(isRequiredFor(byCode("TT_SO_BUOI"), police)).toBe(false);
    expect(isRequiredFor(byCode("KT_SO_CUOC"), police)).toBe(true);
    const office = unitTopics(plan, unit("Văn phòng - Thống kê xã"));
    expect(isRequiredFor(byCode("TT_SO_BUOI"), office)).toBe(true);
    expect(isRequiredFor(byCode("KT_SO_CUOC"), office)).toBe(false);
  });

  test("the unit tab marks (*) only what the unit must report", () => {
    const layout = buildUnitTabLayout(state, unit("Công an xã"));
    const names = Object.values(layout.cells).map((c) => String(c.value ?? ""));
    expect(names).toContain("Số buổi tuyên truyền");
    expect(names).not.toContain("Số buổi tuyên truyền (*)");
    expect(names).toContain("Số cuộc kiểm tra, giám sát (*)");
  });

  test("submitting the police tab: no 'required' error for the propaganda figures, one for a missing inspection figure", () => {
    const layout = buildUnitTabLayout(state, unit("Công an xã"));
    const grid = gridOf(layout);
    const cellOf = (code: string) => {
      const hit = Object.entries(layout.cells).find(([a, c]) => /^A\d+$/.test(a) && c.value === code)!;
      return adr(parseAddress(hit[0]).row, INDICATOR_COLUMNS.value);
    };
    set(grid, cellOf("KT_SO_CUOC"), 3);
    set(grid, cellOf("KT_SO_CO_SO"), 12);
    const { findings } = analyseUnitTab(grid, unit("Công an xã"), state, { submitting: true });
    const required = findings.filter((f) => f.kind === "REQUIRED_EMPTY").map((f) => f.messageVi);
    expect(required).toEqual(['Chưa nhập chỉ tiêu bắt buộc "Số vi phạm phát hiện" (trường hợp).']);
  });
});

describe("the school Party cell plan", () => {
  const plan = planOf("party-cell-school-own-name.txt");
  const indicators = defaultIndicators(plan);
  const state = createState(plan, indicators, { planId: "p1", existingSheetNames: [] });

  test("propaganda for Tổ đảng 1 and the youth branch, member development for Tổ đảng 2", () => {
    const topicsOf = (name: string) => [
      ...unitTopics(
        plan,
        state.units.find((u) => u.name === name)!,
      ),
    ];
    expect(topicsOf("Tổ đảng 1")).toEqual(["propaganda"]);
    expect(topicsOf("Tổ đảng 2")).toEqual(["members"]);
    expect(topicsOf("Chi đoàn giáo viên")).toEqual(["propaganda"]);
    expect(indicators.map((i) => i.code)).toEqual(expect.arrayContaining(["TT_SO_BUOI", "PT_KET_NAP"]));
  });

  test("the suggestion names the topics and the units whose tasks call for them", () => {
    expect(suggestIndicatorTopics(plan)).toEqual([
      { topic: "propaganda", units: ["Tổ đảng 1", "Chi đoàn giáo viên"], taskRefs: ["II.1", "II.3"] },
      { topic: "members", units: ["Tổ đảng 2"], taskRefs: ["II.2"] },
    ]);
    expect(TOPIC_LABELS.members).toEqual({
      vi: "Phát triển đảng viên, đoàn viên",
      en: "New Party / youth union members",
    });
  });
});

describe("no clear topic", () => {
  test("a general set; required of every unit", () => {
    const plan = planOf("party-cell-school-own-name.txt");
    const vague = {
      ...plan,
      title: "Thông báo lịch họp",
      tasks: plan.tasks.map((t) => ({ ...t, text: "Các đơn vị báo cáo kết quả." })),
    };
    const indicators = defaultIndicators(vague);
    expect(indicators.map((i) => i.code)).toEqual(["HD_SO_HOAT_DONG", "HD_LUOT_THAM_GIA", "KINH_PHI"]);
    const state = createState(vague, indicators, { planId: "p1", existingSheetNames: [] });
    for (const u of state.units) expect(isRequiredFor(indicators[0], unitTopics(vague, u))).toBe(true);
  });

  test("a unit whose task has no topic of its own takes the plan's (from its title)", () => {
    const plan = planOf("party-cell-school-own-name.txt");
    const youth = {
      ...plan,
      title: "Tổ chức Tháng Thanh niên năm 2025",
      tasks: plan.tasks.map((t) => ({ ...t, text: "Các đơn vị báo cáo kết quả." })),
    };
    const indicators = defaultIndicators(youth);
    const state = createState(youth, indicators, { planId: "p1", existingSheetNames: [] });
    const first = indicators.find((i) => i.code === "TN_HOAT_DONG")!;
    expect(isRequiredFor(first, unitTopics(youth, state.units[0]))).toBe(true);
  });

  test("an indicator without a topic (the secretary's own) is required of every unit when marked so", () => {
    const own = { ...INDICATOR_CATALOGUE[0], topic: undefined, required: true };
    expect(isRequiredFor(own, new Set(["inspection"]))).toBe(true);
  });
});

/** The layout as a grid (values only). */
function gridOf(layout: SheetLayout): SheetGrid {
  const values: CellValue[][] = [];
  for (const [a, spec] of Object.entries(layout.cells)) {
    const { row, column } = parseAddress(a);
    while (values.length <= row) values.push([]);
    values[row][column] = spec.value ?? null;
  }
  const width = Math.max(...values.map((r) => r.length));
  const rows = values.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
  return {
    sheetId: "s1",
    name: layout.name,
    origin: { row: 0, column: 0 },
    values: rows,
    formulas: rows.map((r) => [...r]),
  };
}

function set(grid: SheetGrid, address: string, value: CellValue): void {
  const { row, column } = parseAddress(address);
  grid.values[row][column] = value;
  grid.formulas[row][column] = value;
}
