import {
  buildTrackerLayout,
  placeAndDate,
  trackerTrackingCells,
  TRACKER_COLUMNS,
} from "../../../src/core/workbook/build-tracker";
import { createState } from "../../../src/core/state/create-state";
import { adr } from "../../../src/core/workbook/address";
import type { SheetLayout } from "../../../src/core/workbook/model";
import { gridFromLayout, seedPlan } from "./fixtures";

const plan = seedPlan();
const state = createState(plan, [], { planId: "p42", existingSheetNames: [] });

function rowOf(layout: SheetLayout, code: string): number {
  const hit = Object.entries(layout.cells).find(([a, c]) => /^A\d+$/.test(a) && c.value === code);
  if (!hit) throw new Error(`no ${code}`);
  return Number(hit[0].slice(1)) - 1;
}

describe("buildTrackerLayout (seed)", () => {
  const t = buildTrackerLayout(state);

  test("sheet settings", () => {
    expect(t.key).toBe("tracker");
    expect(t.role).toBe("tracker");
    expect(t.name).toBe("Kế hoạch");
    expect(t.protection.protect).toBe(true);
    expect(t.inputRanges).toEqual([]);
    expect(t.print).toEqual({ paper: "A4", orientation: "portrait", fitToWidth: true });
  });

  test("header: issuer, party line, number, place and date, kind, title", () => {
    expect(t.cells.B1).toMatchObject({
      value: "CHI BỘ CƠ SỞ ĐIỀU TRỊ NGHIỆN MA TÚY TỈNH",
      style: { bold: true },
    });
    expect(t.cells.E1.value).toBe("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(t.cells.B2.value).toBe("*");
    expect(t.cells.B3.value).toBe("Số 334-KH/CB");
    expect(t.cells.E3.value).toBe("Sơn La, ngày 12 tháng 10 năm 2022");
    expect(t.cells.B5.value).toBe("KẾ HOẠCH");
    expect(String(t.cells.B6.value)).toMatch(/^Triển khai hướng dẫn tuyên truyền kỷ niệm 92 năm/);
    expect(t.merges).toEqual(expect.arrayContaining(["B1:D1", "E1:G1", "B6:G6"]));
  });

  test("with a parent body and the state style: parent above the issuer, Quốc hiệu and Tiêu ngữ", () => {
    const s = createState(
      seedPlan({
        parentBody: "UBND tỉnh Sơn La",
        issuer: "Sở Lao động - Thương binh và Xã hội",
        style: "state",
      }),
      [],
      {
        planId: "p",
        existingSheetNames: [],
      },
    );
    const layout = buildTrackerLayout(s);
    expect([
      layout.cells.B1.value,
      layout.cells.B2.value,
      layout.cells.E1.value,
      layout.cells.E2.value,
    ]).toEqual([
      "UBND TỈNH SƠN LA",
      "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
    ]);
    expect(layout.cells.B2.style?.bold).toBe(true);
  });

  test("task table: STT, nhiệm vụ, đơn vị thực hiện, hạn, báo cáo về", () => {
    const h = rowOf(t, "#NHIEM_VU");
    expect([1, 2, 3, 4, 5].map((c) => t.cells[adr(h, c)].value)).toEqual([
      "STT",
      "Nhiệm vụ",
      "Đơn vị thực hiện",
      "Hạn",
      "Báo cáo về",
    ]);
    const r = rowOf(t, "NV:III.2");
    expect(t.cells[adr(r, 1)].value).toBe("III.2");
    expect(t.cells[adr(r, 3)].value).toBe("Ban Chấp hành Công đoàn; Tổ đảng tổ 1");
    expect(t.cells[adr(r, 4)]).toMatchObject({ value: 44850, style: { numberFormat: "dd/mm/yyyy" } });
    expect(t.cells[adr(r, 5)].value).toBe("Ban Chi ủy");
    expect(t.cells[adr(rowOf(t, "NV:III.1"), 3)].value).toBe("Ban Chi ủy Chi bộ (tổng hợp)");
  });

  test("unit table: đơn vị, tab as an internal link to A1, hạn nộp, nộp lúc, tình trạng", () => {
    const h = rowOf(t, "#DON_VI");
    expect([2, 3, 4, 5, 6].map((c) => t.cells[adr(h, c)].value)).toEqual([
      "Đơn vị",
      "Trang báo cáo (bấm để mở)",
      "Hạn nộp",
      "Nộp lúc",
      "Tình trạng",
    ]);
    const r = rowOf(t, "u2");
    expect(t.cells[adr(r, TRACKER_COLUMNS.unitName)].value).toBe("Tổ đảng tổ 1");
    expect(t.cells[adr(r, TRACKER_COLUMNS.unitSheet)]).toMatchObject({
      value: "Tổ đảng 1",
      link: "'Tổ đảng 1'!A1",
    });
    expect(t.cells[adr(r, TRACKER_COLUMNS.unitDeadline)].value).toBe(44850);
    expect(t.cells[adr(r, TRACKER_COLUMNS.unitSubmittedAt)].value).toBe("");
    expect(t.cells[adr(r, TRACKER_COLUMNS.unitStatus)].value).toBe("");
    for (const spec of Object.values(t.cells)) if (spec.link) expect(spec.link).toMatch(/^'[^']+'!A1$/);
  });

  test("tracking fills the last two columns; a removed unit says so", () => {
    const s = { ...state, units: state.units.map((u) => (u.unitId === "u3" ? { ...u, removed: true } : u)) };
    const layout = buildTrackerLayout(s, [
      { unitId: "u1", submittedAt: "2022-10-16T02:30:00Z", status: "Đúng hạn", tone: "ok" },
    ]);
    const r1 = rowOf(layout, "u1");
    expect(layout.cells[adr(r1, 5)].value).toBe("16/10/2022 09:30");
    expect(layout.cells[adr(r1, 6)]).toMatchObject({ value: "Đúng hạn", style: { fill: "#C6EFCE" } });
    expect(layout.cells[adr(rowOf(layout, "u3"), 6)].value).toBe("Đã bỏ khỏi kế hoạch");
  });

  test("'Nộp lúc' of a unit that marked itself submitted (a date, no time) reads dd/mm/yyyy (newcomer review L1)", () => {
    const layout = buildTrackerLayout(state, [
      { unitId: "u1", submittedAt: "2022-10-16", status: "Đúng hạn (tự đánh dấu)", tone: "ok" },
    ]);
    expect(layout.cells[adr(rowOf(layout, "u1"), 5)].value).toBe("16/10/2022");
  });

  test("trackerTrackingCells finds unit rows by their code in column A", () => {
    const grid = gridFromLayout(t, "T1");
    const cells = trackerTrackingCells(grid, state, [
      { unitId: "u2", submittedAt: null, status: "Chưa nộp", tone: "missing" },
    ]);
    const r = rowOf(t, "u2");
    expect(cells[adr(r, 6)].value).toBe("Chưa nộp");
    expect(Object.keys(cells).every((a) => /^[FG]\d+$/.test(a))).toBe(true);
  });

  test.each([
    ["2022-10-12", "Sơn La", "Sơn La, ngày 12 tháng 10 năm 2022"],
    ["2022-02-05", "Hà Nội", "Hà Nội, ngày 05 tháng 02 năm 2022"],
    ["2022-10-05", null, "Ngày 05 tháng 10 năm 2022"],
  ])("placeAndDate %s %s", (issuedOn, place, expected) => {
    expect(placeAndDate(seedPlan({ issuedOn, place }))).toBe(expected);
  });
});
