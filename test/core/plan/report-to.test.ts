/** To whom a task reports: never to one of its own units (regression: a unit tab said "Báo cáo về: Trạm Y tế xã"). */
import { parsePlan } from "../../../src/core/plan/parse-plan";
import { findReportTo } from "../../../src/core/plan/report-to";

test.each([
  [
    "tiếp nhận báo cáo của các thôn gửi về Trạm Y tế xã; tổng hợp, báo cáo UBND xã trước ngày 20/5",
    "UBND xã",
  ],
  ["tổng hợp báo cáo gửi về Trạm Y tế xã", null],
  ["báo cáo kết quả về Trạm Y tế xã", null],
])("a unit's own name is not where it reports: %s", (text, want) => {
  expect(findReportTo(text, ["Trạm Y tế xã"])).toBe(want);
});

test("without its own units the first body named is the report-to, as before", () => {
  expect(findReportTo("tổng hợp báo cáo gửi về Trạm Y tế xã", [])).toBe("Trạm Y tế xã");
});

test("no task of a plan reports to its own unit, a table's 'Báo cáo về' cell included", () => {
  const plan = parsePlan(
    [
      "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "XÃ PHÚ LỘC\tĐộc lập - Tự do - Hạnh phúc",
      "Số: 41/KH-UBND\tPhú Lộc, ngày 10 tháng 4 năm 2025",
      "",
      "KẾ HOẠCH",
      "Tiêm chủng mở rộng năm 2025",
      "",
      "I. TỔ CHỨC THỰC HIỆN",
      "TT\tNội dung\tĐơn vị thực hiện\tThời gian\tBáo cáo về",
      "1\tTiêm chủng tại trạm\tTrạm Y tế xã\t20/5/2025\tTrạm Y tế xã",
      "2\tTổng hợp, báo cáo UBND huyện\tVăn phòng - Thống kê xã\t25/5/2025\tUBND huyện",
    ].join("\n"),
  );
  for (const t of plan.tasks) expect(t.units).not.toContain(t.reportTo);
  expect(plan.tasks[0].reportTo).toBeNull();
});
