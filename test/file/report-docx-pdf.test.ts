import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderReportDocx } from "../../src/file/report-docx";
import { docxToPdf, ensureLibreOffice, pdfPageCount, pdfText, tempDir } from "../support/libreoffice";
import { sampleReport } from "./sample-report";

describe("the Word report opens in LibreOffice and prints as expected", () => {
  beforeAll(() => ensureLibreOffice());

  it.each(["party", "state"] as const)(
    "%s report → PDF text has title, units, totals, Nơi nhận, signer",
    async (style) => {
      const dir = tempDir("report-pdf-");
      const docx = join(dir, `bao-cao-${style}.docx`);
      writeFileSync(docx, await renderReportDocx(sampleReport(style)));
      const pdf = docxToPdf(docx, dir);
      const text = pdfText(pdf).normalize("NFC");
      const flat = text.replace(/\s+/g, " ");
      expect(flat).toContain("BÁO CÁO");
      expect(flat).toContain("Kết quả thực hiện Kế hoạch số 334-KH/CB ngày 12/10/2022");
      for (const unit of [
        "Ban Chấp hành Công đoàn",
        "Tổ đảng tổ 1",
        "Đoàn Thanh niên",
        "Hội Cựu chiến binh",
      ]) {
        expect(flat).toContain(unit);
      }
      expect(flat).toMatch(/Tổng cộng 9 7\.404 9\.000\.000/);
      expect(flat).toContain("Nơi nhận:");
      expect(flat).toContain("- Lưu: CB");
      expect(flat).toContain("Đoàn Văn Tú");
      expect(flat).toContain(style === "party" ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "Độc lập - Tự do - Hạnh phúc");
      expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    },
  );
});
