/**
 * The closing run into the last task: a PDF reader (pdf.js on a borderless closing table) or a web page's copy
 * gives "… trước ngày 12/9/2025. Nơi nhận: T/M ĐẢNG ỦY", the recipients and the signature interleaved after it.
 * Nothing of the closing may become a task or a unit.
 */
import { parsePlan } from "../../../src/core/plan/parse-plan";

const plan = parsePlan(
  [
    "ĐẢNG BỘ HUYỆN MƯỜNG LA\tĐẢNG CỘNG SẢN VIỆT NAM",
    "ĐẢNG ỦY XÃ ÍT ONG",
    "Số 48-KH/ĐU\tÍt Ong, ngày 02 tháng 8 năm 2025",
    "",
    "KẾ HOẠCH",
    "tổ chức các hoạt động kỷ niệm 80 năm Cách mạng Tháng Tám",
    "I. TỔ CHỨC THỰC HIỆN",
    "- Các chi bộ trực thuộc tổ chức sinh hoạt chuyên đề, báo cáo kết quả về Đảng ủy xã chậm nhất ngày 08/9/2025.",
    "- Văn phòng Đảng ủy tổng hợp, báo cáo kết quả về Ban Thường vụ Tỉnh ủy trước ngày 12/9/2025. Nơi nhận: T/M ĐẢNG ỦY",
    "- Ban Thường vụ Tỉnh ủy (b/c),",
    "",
    "- Ban Tuyên giáo và Dân vận Tỉnh ủy (b/c),",
    "",
    "PHÓ BÍ THƯ",
    "",
    "- Các chi bộ trực thuộc,",
    "- Lưu Văn phòng Đảng ủy.",
    "Lường Văn Thanh",
  ].join("\n"),
);

test("the last task ends where 'Nơi nhận:' begins", () => {
  expect(plan.tasks.map((t) => t.units)).toEqual([["Các chi bộ trực thuộc"], ["Văn phòng Đảng ủy"]]);
  expect(plan.tasks[1].text).toMatch(/trước ngày 12\/9\/2025\.$/u);
});

test("the recipients and the signature are the closing's", () => {
  expect(plan.recipients).toEqual([
    "Ban Thường vụ Tỉnh ủy (b/c)",
    "Ban Tuyên giáo và Dân vận Tỉnh ủy (b/c)",
    "Các chi bộ trực thuộc",
    "Lưu Văn phòng Đảng ủy",
  ]);
  expect(plan.signature).toMatchObject({
    authority: "T/M ĐẢNG ỦY",
    title: "PHÓ BÍ THƯ",
    name: "Lường Văn Thanh",
  });
});
