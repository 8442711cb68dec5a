/** "Phần thứ nhất / Phần II" headings are the plan's sections, like roman numerals. */
import { romanHeading } from "../../../src/core/plan/sections";

test.each([
  ["Phần thứ hai", "NHIỆM VỤ TRỌNG TÂM", "II", "NHIỆM VỤ TRỌNG TÂM"],
  ["PHẦN THỨ BA: TỔ CHỨC THỰC HIỆN", "", "III", "TỔ CHỨC THỰC HIỆN"],
  ["Phần II", "TỔ CHỨC THỰC HIỆN", "II", "TỔ CHỨC THỰC HIỆN"],
  ["Phần I: MỤC ĐÍCH, YÊU CẦU", "", "I", "MỤC ĐÍCH, YÊU CẦU"],
  ["PHẦN 2. TỔ CHỨC THỰC HIỆN", "", "II", "TỔ CHỨC THỰC HIỆN"],
])("%s / %s", (text, next, roman, title) => {
  expect(romanHeading(text, next)).toEqual({ roman, title });
});

test.each(["Phần 1: Thi tìm hiểu về lịch sử Đảng", "Phần mềm quản lý văn bản", "Phần thưởng cho tập thể"])(
  "%s is not a section heading",
  (text) => {
    expect(romanHeading(text, "TỔ CHỨC")).toBeNull();
  },
);
