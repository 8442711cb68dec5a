/** Deadline wordings read one phrase at a time (plan issued 20/5/2024). */
import { deadlineCandidates, pickDeadline } from "../../../src/core/plan/deadlines";
import { parsePlan } from "../../../src/core/plan/parse-plan";

const issuedOn = "2024-05-20";
const pick = (text: string, cell = false) => pickDeadline(deadlineCandidates(text, 7, { issuedOn, cell }));

test.each([
  ["Phòng Nội vụ số hóa hồ sơ, hoàn thành trong năm 2025.", "2025-12-31"],
  ["Nâng cấp Cổng thông tin điện tử, xong trong tháng 10/2024.", "2024-10-31"],
  ["Báo cáo kết quả thực hiện năm 2024 trước ngày 15/12/2024.", "2024-12-15"],
  ["Báo cáo định kỳ hằng quý trước ngày 25 của tháng cuối quý.", "2024-06-25"],
  ["Báo cáo tiến độ vào ngày 20 hằng tháng.", "2024-05-20"],
  ["Bàn giao học sinh về sinh hoạt hè tại địa phương trong tháng 5-6/2024.", "2024-06-30"],
  ["Hoàn thành trong Quý II-III/2024.", "2024-09-30"],
  ["Gửi báo cáo tiến độ về Văn phòng ngày 15 hằng tháng.", "2024-06-15"],
])("%s → %s", (text, iso) => {
  expect(pick(text)?.iso).toBe(iso);
});

test("a year alone in a deadline cell is the year's last day; a year in running text is not a deadline", () => {
  expect(pick("Năm 2024", true)?.iso).toBe("2024-12-31");
  expect(pick("Tổ chức Hội thi năm 2024 tại xã.")).toBeNull();
  expect(pick("Năm 2024 - 2025", true)?.iso).toBe("2025-12-31");
  expect(pick("hoàn thành trong năm học 2024 - 2025")).toBeNull();
});

test("the quarterly report after the quarter's day rolls to the next quarter", () => {
  const c = pickDeadline(
    deadlineCandidates("báo cáo hằng quý trước ngày 15 của tháng cuối quý", 3, { issuedOn: "2024-06-20" }),
  );
  expect(c?.iso).toBe("2024-09-15");
  expect(c?.recurringEvery).toBe("quarter");
});

test("'tuần thứ hai của tháng' without a month invents no date", () => {
  expect(pick("Họp giao ban vào tuần thứ hai của tháng.")).toBeNull();
});

test("'trước Tết Nguyên đán' has no date: a warning with the line, and the plan's deadline is not used", () => {
  const c = pick("Cấp phát quà trước Tết Nguyên đán.");
  expect(c?.iso).toBe("");
  expect(c?.notes.map((n) => n.line)).toEqual([7]);
  const plan = parsePlan(
    [
      "UBND XÃ CHIỀNG BAN",
      "Số: 10/KH-UBND",
      "Chiềng Ban, ngày 01 tháng 12 năm 2024",
      "KẾ HOẠCH",
      "Chăm lo Tết",
      "I. THỜI GIAN",
      "Thời gian thực hiện: đến ngày 31/01/2025.",
      "II. TỔ CHỨC THỰC HIỆN",
      "1. Hội Chữ thập đỏ xã trao quà cho các hộ nghèo trước Tết Nguyên đán.",
    ].join("\n"),
  );
  expect(plan.deadline).toBe("2025-01-31");
  expect(plan.tasks[0]).toMatchObject({ deadline: null, deadlineInherited: false });
  expect(plan.warnings.map((w) => w.line)).toEqual([9]);
  expect(plan.tasks[0].recurrence).toBeUndefined();
});

test("a quarterly report task carries its recurrence", () => {
  const plan = parsePlan(
    [
      "UBND XÃ CHIỀNG BAN",
      "Số: 11/KH-UBND",
      "Chiềng Ban, ngày 20 tháng 5 năm 2024",
      "KẾ HOẠCH",
      "Chuyển đổi số",
      "I. TỔ CHỨC THỰC HIỆN",
      "1. Văn phòng - Thống kê xã báo cáo UBND huyện định kỳ hằng quý trước ngày 25 của tháng cuối quý.",
    ].join("\n"),
  );
  expect(plan.tasks[0]).toMatchObject({ deadline: "2024-06-25", recurrence: { every: "quarter", day: 25 } });
});
