import JSZip from "jszip";
import mammoth from "mammoth";
import { formatNumberVi, renderReportDocx } from "../../src/file/report-docx";
import { sampleReport } from "./sample-report";

async function documentXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file("word/document.xml")!.async("string");
}

describe("renderReportDocx", () => {
  it.each([
    [1234567, "integer", "1.234.567"],
    [1500000, "money", "1.500.000"],
    [1.5, "number", "1,5"],
    [1234.5678, "number", "1.234,568"],
    [0.75, "percent", "75%"],
    [2 / 3, "percent", "66,7%"],
    [-12, "integer", "-12"],
    [44851, "date", "17/10/2022"],
  ] as const)("formats %p as %p → %p", (value, format, expected) => {
    expect(formatNumberVi(value, format)).toBe(expected);
  });

  it("lays out an A4 page with the formal margins and Times New Roman 14 pt", async () => {
    const xml = await documentXml(await renderReportDocx(sampleReport()));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
    const twip = (name: string): number => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margins)![1]);
    const mm = (t: number): number => (t / 1440) * 25.4;
    expect(mm(twip("top"))).toBeGreaterThanOrEqual(20);
    expect(mm(twip("top"))).toBeLessThanOrEqual(25);
    expect(mm(twip("bottom"))).toBeGreaterThanOrEqual(20);
    expect(mm(twip("bottom"))).toBeLessThanOrEqual(25);
    expect(mm(twip("left"))).toBeGreaterThanOrEqual(30);
    expect(mm(twip("left"))).toBeLessThanOrEqual(35);
    expect(mm(twip("right"))).toBeGreaterThanOrEqual(15);
    expect(mm(twip("right"))).toBeLessThanOrEqual(20);
    const zip = await JSZip.loadAsync(await renderReportDocx(sampleReport()));
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
  });

  it("writes header, title, tables, Nơi nhận and signature in order", async () => {
    const { value: raw } = await mammoth.extractRawText({
      buffer: Buffer.from(await renderReportDocx(sampleReport())),
    });
    const text = raw.replace(/\u00a0/g, " "); // names keep their parts together with non-breaking spaces
    const order = [
      "ĐẢNG ỦY SLĐTBXH SƠN LA",
      "CHI BỘ CƠ SỞ ĐIỀU TRỊ NGHIỆN MA TÚY TỈNH",
      "Số …-BC/CB",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Sơn La, ngày 17 tháng 10 năm 2022",
      "BÁO CÁO",
      "Kết quả thực hiện Kế hoạch số 334-KH/CB ngày 12/10/2022",
      "I. TÌNH HÌNH NỘP BÁO CÁO",
      "Hội Cựu chiến binh",
      "II. SỐ LIỆU TỔNG HỢP",
      "Tổng cộng",
      "9.000.000",
      "V. PHƯƠNG HƯỚNG, ĐỀ XUẤT",
      "Nơi nhận:",
      "- Lưu: CB",
      "T/M CHI BỘ",
      "BÍ THƯ",
      "Đoàn Văn Tú",
    ];
    let at = 0;
    for (const piece of order) {
      const found = text.indexOf(piece, at);
      expect({ piece, found: found >= 0 }).toEqual({ piece, found: true });
      at = found + piece.length;
    }
  });

  it("prints dotted lines to write on where the secretary left the prompt, and her text where she typed", async () => {
    const prompt = "(Nhập phương hướng tại đây)";
    const withPrompt = sampleReport();
    const directions = withPrompt.sections.find((s) => s.key === "directions")!;
    directions.blocks = [{ type: "paragraph", text: prompt, italic: true, placeholder: true }];
    const bytes = await renderReportDocx(withPrompt);
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text).not.toContain(prompt);
    expect((await documentXml(bytes)).match(/w:leader="dot"/g)?.length).toBe(3);

    directions.blocks = [{ type: "paragraph", text: "Tiếp tục nhân rộng mô hình." }];
    const typed = await renderReportDocx(withPrompt);
    expect((await mammoth.extractRawText({ buffer: Buffer.from(typed) })).value).toContain(
      "Tiếp tục nhân rộng mô hình.",
    );
    expect(await documentXml(typed)).not.toMatch(/w:leader="dot"/);
  });

  it("state report: bold italic 12 pt for Nơi nhận and 11 pt for its list; italic place and date", async () => {
    const xml = await documentXml(await renderReportDocx(sampleReport("state")));
    const runOf = (text: string): string => {
      const i = xml.indexOf(`>${text}</w:t>`);
      expect(i).toBeGreaterThan(0);
      const start = xml.lastIndexOf("<w:r>", i);
      return xml.slice(start, i);
    };
    const noiNhan = runOf("Nơi nhận:");
    expect(noiNhan).toContain("<w:b/>");
    expect(noiNhan).toContain("<w:i/>");
    expect(noiNhan).toContain('<w:sz w:val="24"/>');
    expect(runOf("- Lưu: CB")).toContain('<w:sz w:val="22"/>');
    expect(runOf("Sơn La, ngày 17 tháng 10 năm 2022")).toContain("<w:i/>");
    expect(runOf("BÁO CÁO")).toContain("<w:b/>");
  });

  it("state documents carry Quốc hiệu and Tiêu ngữ instead of the Party name", async () => {
    const { value: text } = await mammoth.extractRawText({
      buffer: Buffer.from(await renderReportDocx(sampleReport("state"))),
    });
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).not.toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(text).toContain("Số: …/BC-SLĐTBXH");
  });
});
