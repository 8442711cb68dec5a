/**
 * `npm run demo`: seed plan → workbook → sample figures → summary → three files, a short Vietnamese report,
 * in under 5 seconds of work. LibreOffice turns the .docx into a PDF whose text carries the title, the
 * units, the totals and Nơi nhận. With UPDATE_DOCS=1 the PNG pages in docs/ are refreshed from this run.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { demoReport, runDemo } from "../../src/cli/demo";
import { formatNumberVi } from "../../src/file/report-docx";
import { convert, docxToPdf, ensureLibreOffice, pdfText, pdfToPngs, tempDir } from "../support/libreoffice";

const ROOT = resolve(__dirname, "../..");

describe("npm run demo", () => {
  beforeAll(() => ensureLibreOffice());

  it("writes the three files and tells what it did, quickly", async () => {
    const out = tempDir("demo-");
    const result = await runDemo(out);
    for (const f of Object.values(result.files)) expect(existsSync(f)).toBe(true);
    expect(result.millis).toBeLessThan(5000);
    expect(result.fills.map((f) => f.scenario).sort()).toEqual(
      ["late-text-number", "missing", "mistake", "on-time", "on-time"].sort(),
    );
    const r = result.summary.tracking.rates;
    expect([r.expected, r.submitted, r.onTime, r.late, r.missing]).toEqual([5, 4, 3, 1, 1]);
    const text = demoReport(result, out);
    expect(text).toContain("so-theo-doi.xlsx");
    expect(text).toContain("bao-cao-tong-hop.docx");
    expect(text).toContain("đã nộp 4/5");
    expect(text).toContain("4/5 submitted");
    // Two levels: the level above imported the cell's summary workbook; its totals are the cell's.
    expect(result.imported.map((i) => i.outcome)).toEqual(["imported"]);
    expect(result.upper.totals).toEqual(
      Object.fromEntries(
        Object.entries(result.summary.totals).map(([code, t]) => [
          code,
          expect.objectContaining({ value: t.value }),
        ]),
      ),
    );
    expect(text).toContain("4. Tổng hợp nhiều cấp: Ban Tuyên giáo nhập sổ tổng hợp của chi bộ");
    expect(text).toContain("1/3 cơ quan cấp dưới đã gửi");
  });

  it("runs as `npm run demo` (exit 0, Vietnamese summary on stdout)", () => {
    const out = tempDir("demo-npm-");
    const started = Date.now();
    const stdout = execFileSync("npm", ["run", "--silent", "demo", "--", "--out", out], {
      cwd: ROOT,
      encoding: "utf8",
    });
    process.stderr.write(`npm run demo took ${Date.now() - started} ms\n`);
    expect(stdout).toContain("Tệp đã ghi");
    expect(readdirSync(out).sort()).toEqual([
      "bao-cao-tong-hop.docx",
      "bao-cao-tong-hop.xlsx",
      "cap-tren-tong-hop.xlsx",
      "so-theo-doi.xlsx",
    ]);
  });

  it("the Word report prints with title, units, totals and Nơi nhận (LibreOffice → PDF)", async () => {
    const out = tempDir("demo-pdf-");
    const result = await runDemo(out);
    const pdf = docxToPdf(result.files.docx, join(out, "pdf"));
    const flat = pdfText(pdf).normalize("NFC").replace(/\s+/g, " ");
    expect(flat).toContain("BÁO CÁO");
    expect(flat).toContain("Kết quả thực hiện Kế hoạch số 334-KH/CB ngày 12/10/2022");
    for (const unit of result.summary.submissions) expect(flat).toContain(unit.unit);
    const totals = result.summary.state.indicators
      .map((i) => result.summary.totals[i.code]?.value)
      .filter((v): v is number => typeof v === "number")
      .map((v) => formatNumberVi(v, "integer"));
    expect(totals.length).toBeGreaterThan(3);
    expect(flat).toContain(`Tổng cộng ${totals.join(" ")}`);
    expect(flat).toContain("Nơi nhận:");
    expect(flat).toContain("Đoàn Văn Tú");

    const pages = pdfToPngs(pdf, join(out, "pdf", "report-page"), 70);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    if (process.env.UPDATE_DOCS === "1") {
      const docs = join(ROOT, "docs");
      mkdirSync(docs, { recursive: true });
      for (const f of readdirSync(docs))
        if (/^(report-page|workbook)-.*\.png$/.test(f)) rmSync(join(docs, f));
      pages.forEach((p, i) => copyFileSync(p, join(docs, `report-page-${i + 1}.png`)));
      const sheetPdf = convert(result.files.summary, "pdf", join(out, "xlsx"));
      pdfToPngs(sheetPdf, join(out, "xlsx", "workbook"), 70).forEach((p, i) =>
        copyFileSync(p, join(docs, `workbook-${i + 1}.png`)),
      );
    }
  });
});
