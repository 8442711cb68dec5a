import { collectWorkbook } from "../../../src/core/collect/collect-workbook";
import { trackUnits, trackUnit, reminderText } from "../../../src/core/tracking/track-units";
import { emptySubmission } from "../../../src/core/collect/analyse-unit-tab";
import { hcmDate, hcmTimestamp, serialToIso, isoToSerial } from "../../../src/core/tracking/hcm-time";
import { NOW, seedScenario, seedState } from "../collect/grid-fixtures";

const sheets = (grids: { sheetId: string; name: string }[]) =>
  grids.map((g, i) => ({ id: g.sheetId, name: g.name, position: i }));

describe("trackUnits on the seed at 17/10/2022 10:00", () => {
  const { state, grids } = seedScenario();
  const { units } = collectWorkbook(state, sheets(grids), grids, NOW);
  const t = trackUnits(state, units, NOW);

  test("statuses and days late", () => {
    expect(t.units.map((u) => [u.unit, u.status, u.label.vi, u.daysLate, u.submittedAt])).toEqual([
      ["Ban Chấp hành Công đoàn", "dung-han", "Đúng hạn", 0, "2022-10-16T09:30:00+07:00"],
      ["Tổ đảng tổ 1", "tre-han", "Trễ hạn", 1, "2022-10-17T08:15:00+07:00"],
      ["Các Tổ chức đoàn thể", "chua-nop", "Chưa nộp", 2, null],
    ]);
  });

  test("rates", () => {
    expect(t.rates).toEqual({
      expected: 3,
      submitted: 2,
      onTime: 1,
      late: 1,
      missing: 1,
      notYetDue: 0,
      rate: 66.7,
      onTimeRate: 33.3,
    });
    expect(t.today).toBe("2022-10-17");
  });
});

describe("deadline edges in Asia/Ho_Chi_Minh", () => {
  const state = seedState();
  const sub = (at: string | null, kind: "addin" | "manual" | null = "addin") => ({
    ...emptySubmission(state.units[0], state),
    submitted: kind !== null,
    submittedAt: at,
    submissionKind: kind,
  });
  test("23:59 local on the deadline is on time even though it is the 16th in UTC", () => {
    expect(trackUnit(sub("2022-10-16T23:59:00+07:00"), "2022-10-16", NOW).status).toBe("dung-han");
  });
  test("00:30 local the next day is late by one day (still the 16th in UTC)", () => {
    const r = trackUnit(sub("2022-10-16T17:30:00Z"), "2022-10-16", NOW);
    expect([r.status, r.daysLate]).toEqual(["tre-han", 1]);
  });
  test("not submitted before the deadline passes is not yet due; the day after, missing", () => {
    expect(trackUnit(sub(null, null), "2022-10-17", NOW).status).toBe("chua-den-han");
    expect(trackUnit(sub(null, null), "2022-10-16", new Date("2022-10-16T16:59:00Z")).status).toBe(
      "chua-den-han",
    );
    expect(trackUnit(sub(null, null), "2022-10-16", new Date("2022-10-16T17:00:00Z")).status).toBe(
      "chua-nop",
    );
  });
  test("a manual submission dated by its report date counts, marked manual", () => {
    const r = trackUnit(sub("2022-10-18", "manual"), "2022-10-16", NOW);
    expect(r).toMatchObject({ status: "tre-han", daysLate: 2, manual: true });
  });
  test("time helpers", () => {
    expect(hcmDate(new Date("2022-10-16T17:00:00Z"))).toBe("2022-10-17");
    expect(hcmTimestamp(new Date("2022-10-16T02:30:05Z"))).toBe("2022-10-16T09:30:05+07:00");
    expect(serialToIso(44850)).toBe("2022-10-16");
    expect(isoToSerial("2022-10-16")).toBe(44850);
    expect(serialToIso(59)).toBe("1900-02-28");
    expect(serialToIso(61)).toBe("1900-03-01");
  });
});

describe("reminderText", () => {
  test("names the unit, the plan, the task and the deadline", () => {
    const state = seedState();
    const text = reminderText(state, "u3");
    expect(text.split("\n")).toEqual([
      "Kính gửi: Các Tổ chức đoàn thể.",
      `Thực hiện Kế hoạch số 334-KH/CB ngày 12/10/2022 của Chi bộ Cơ sở điều trị nghiện ma túy tỉnh về triển khai hướng dẫn tuyên truyền kỷ niệm 92 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930-15/10/2022); 23 năm Ngày Dân vận của cả nước (15/10/1999-15/10/2022),`,
      "đề nghị Các Tổ chức đoàn thể báo cáo kết quả thực hiện nhiệm vụ: tổ chức triển khai kế hoạch tuyên truyền các hoạt động kỷ niệm 92 năm Ngày công tác Dân vận (mục III.3).",
      'Hạn nộp: ngày 15/10/2022. Đến nay đơn vị chưa nộp báo cáo; đề nghị nhập số liệu vào trang "Đoàn thể" và bấm "Nộp báo cáo" sớm.',
      "Trân trọng cảm ơn.",
    ]);
  });
  test("names the issuer as running text does, not lower-cased (newcomer review H1)", () => {
    const base = seedState();
    const state = {
      ...base,
      plan: { ...base.plan, issuer: "CHI BỘ TRƯỜNG THCS TÂN HÒA", title: "Tháng Thanh niên năm 2025" },
    };
    expect(reminderText(state, "u3").split("\n")[1]).toBe(
      "Thực hiện Kế hoạch số 334-KH/CB ngày 12/10/2022 của Chi bộ Trường THCS Tân Hòa về Tháng Thanh niên năm 2025,",
    );
    const named = { ...state, plan: { ...state.plan, issuerName: "Chi bộ Trường THCS Tân Hoà" } };
    expect(reminderText(named, "u3")).toContain("của Chi bộ Trường THCS Tân Hoà về");
  });
  test("unknown unit is misuse", () => {
    expect(() => reminderText(seedState(), "nope")).toThrow("Unknown unit id");
  });
});
