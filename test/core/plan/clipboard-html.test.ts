/** Plan text pasted from Word or from a web page: the clipboard's HTML keeps the header cells and the task tables. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { docxHtmlToPlanText } from "../../../src/core/plan/docx-html-to-text";
import { parsePlanDocument, planDocument } from "../../../src/core/plan/plan-document";

const clipboard = (name: string) => readFileSync(join(__dirname, "../../fixtures/clipboard", name), "utf8");

test("Word's clipboard HTML: no styles or comments, header cells as lines, list numbers kept, the task table as rows", () => {
  const text = docxHtmlToPlanText(clipboard("word-plan.html"));
  expect(text).not.toMatch(/mso-|Style Definitions|StartFragment|MsoNormalTable/);
  expect(text.split("\n").slice(0, 8)).toEqual([
    "ỦY BAN NHÂN DÂN",
    "XÃ CHIỀNG MUNG",
    "Số: 89/KH-UBND",
    "",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Chiềng Mung, ngày 16 tháng 10 năm 2023",
    "",
  ]);
  expect(text).toContain(
    "1. Văn phòng - Thống kê xã tham mưu UBND xã; tổng hợp kết quả, báo cáo UBND huyện trước ngày 05 tháng 12 năm 2023.",
  );
  expect(text).toContain(
    "TT\tNội dung\tĐơn vị thực hiện\tThời gian\n1\tRa quân dọn vệ sinh\tBản Nà Sản\t05/11/2023",
  );

  const plan = parsePlanDocument(planDocument(text, "html"));
  expect(plan.number).toBe("89/KH-UBND");
  expect(plan.issuedOn).toBe("2023-10-16");
  const byUnit = Object.fromEntries(plan.tasks.map((t) => [t.units.join("; "), t.deadline]));
  expect(byUnit["Bản Nà Sản"]).toBe("2023-11-05");
  expect(byUnit["Trạm Y tế xã"]).toBe("2023-11-30");
});

test("a web page's HTML: divs and headings are lines, <br> breaks, &nbsp; is a space, th/td rows are a task table", () => {
  const text = docxHtmlToPlanText(clipboard("web-page.html"));
  expect(text).not.toContain("window.x");
  expect(text).toMatch(/^ĐẢNG BỘ XÃ MƯỜNG BON\nCHI BỘ BẢN NÀ NGẦN\nSố 12-KH\/CB\n/);
  expect(text).toContain("1\tRa quân làm đường giao thông\tChi đoàn bản Nà Ngần\tTrước ngày 25/3/2024");
  expect(text).toContain("Nơi nhận:\n- Đảng ủy xã (b/c);\n- Lưu.");
  const plan = parsePlanDocument(planDocument(text, "html"));
  expect(plan.number).toBe("12-KH/CB");
  expect(plan.tasks.map((t) => [t.units, t.deadline])).toEqual([
    [["Chi đoàn bản Nà Ngần"], "2024-03-25"],
    [["Hội Phụ nữ bản"], "2024-03-28"],
  ]);
});
