/**
 * The .docx a secretary can sign (newcomer review M6): page numbers; no page holding only Nơi nhận and the
 * signature; one set of column widths for every task table; the issuer's name in the header not broken
 * inside a name; Nơi nhận in the style of the document's kind. Checked in the XML and, printed through
 * LibreOffice, in the PDF's text page by page.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { runDemo } from "../../src/cli/demo";
import { parsePlan } from "../../src/core/plan/parse-plan";
import type { Plan } from "../../src/core/plan/types";
import { createState } from "../../src/core/state/create-state";
import { collectWorkbook } from "../../src/core/collect/collect-workbook";
import { trackUnits } from "../../src/core/tracking/track-units";
import { aggregate } from "../../src/core/summary/aggregate";
import { buildReport } from "../../src/core/summary/build-report";
import type { ReportDocument } from "../../src/core/summary/report-model";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import { renderReportDocx } from "../../src/file/report-docx";
import { docxToPdf, ensureLibreOffice, pdfText, tempDir } from "../support/libreoffice";

const PLANS = join(__dirname, "../fixtures/plans");
const NOW = new Date("2025-05-22T10:00:00+07:00");

function reportOf(file: string): ReportDocument {
  const plan: Plan = parsePlan(readFileSync(join(PLANS, file), "utf8"));
  const state = createState(plan, defaultIndicators(plan), { planId: "p1", existingSheetNames: [] });
  const collected = collectWorkbook(state, [], [], NOW);
  return buildReport({
    state,
    submissions: collected.units,
    tracking: trackUnits(state, collected.units, NOW),
    findings: collected.findings,
    totals: aggregate(state.indicators, collected.units),
    now: NOW,
  });
}

async function parts(report: ReportDocument): Promise<{ document: string; all: string }> {
  const zip = await JSZip.loadAsync(await renderReportDocx(report));
  const names = Object.keys(zip.files).filter((n) => n.startsWith("word/") && n.endsWith(".xml"));
  const texts = await Promise.all(names.map((n) => zip.file(n)!.async("string")));
  return { document: await zip.file("word/document.xml")!.async("string"), all: texts.join("\n") };
}

/** Every table's grid (w:gridCol widths) with the text of its first row. */
function tables(xml: string): { grid: number[]; head: string }[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => ({
    grid: [...m[1].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => Number(g[1])),
    head: [...(/<w:tr[ >][\s\S]*?<\/w:tr>/.exec(m[1])?.[0] ?? "").matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
      .map((t) => t[1])
      .join("|"),
  }));
}

describe("the .docx's structure", () => {
  test("page numbers: a PAGE field, centred at the top, not on the first page (Nghị định 30/2020)", async () => {
    const { document, all } = await parts(reportOf("commune-food-safety.txt"));
    expect(all).toMatch(/PAGE/);
    expect(document).toContain("<w:titlePg/>");
  });

  test("every task table has the same column widths", async () => {
    const { document } = await parts(reportOf("commune-food-safety.txt"));
    const taskTables = tables(document).filter((t) => t.head.startsWith("Đơn vị|Trạng thái"));
    expect(taskTables.length).toBe(4);
    for (const t of taskTables) expect(t.grid).toEqual(taskTables[0].grid);
  });

  test("the paragraph before the closing keeps with it", async () => {
    const { document } = await parts(reportOf("commune-food-safety.txt"));
    const closing = document.lastIndexOf("<w:tbl>");
    const lastParagraph = document.lastIndexOf("<w:p>", closing);
    const last = document.slice(lastParagraph, closing);
    expect(last).toContain("<w:keepNext/>");
  });

  test("the issuer's name breaks only between its parts (non-breaking spaces inside a name)", async () => {
    const { document } = await parts(reportOf("party-cell-school-own-name.txt"));
    expect(document).toContain("THCS\u00a0TÂN\u00a0HÒA");
    const commune = await parts(reportOf("commune-food-safety.txt"));
    expect(commune.document).toContain("UỶ\u00a0BAN\u00a0NHÂN\u00a0DÂN XÃ\u00a0PHÚ\u00a0LỘC");
  });

  test("Nơi nhận: bold italic 12 pt for state bodies, underlined 14 pt for Party bodies", async () => {
    const runOf = (xml: string, text: string) => {
      const i = xml.indexOf(`>${text}</w:t>`);
      expect(i).toBeGreaterThan(0);
      return xml.slice(xml.lastIndexOf("<w:r>", i), i);
    };
    const state = runOf((await parts(reportOf("commune-food-safety.txt"))).document, "Nơi nhận:");
    expect(state).toContain("<w:b/>");
    expect(state).toContain("<w:i/>");
    expect(state).toContain('<w:sz w:val="24"/>');
    const party = runOf((await parts(reportOf("party-cell-school-own-name.txt"))).document, "Nơi nhận:");
    expect(party).toContain("<w:u ");
    expect(party).not.toContain("<w:i/>");
    expect(party).toContain('<w:sz w:val="28"/>');
  });
});

describe("printed (LibreOffice → PDF)", () => {
  beforeAll(() => ensureLibreOffice());

  test("the demo report: no page holds only Nơi nhận and the signature; pages are numbered; unit names on one line", async () => {
    const out = tempDir("docx-layout-");
    const result = await runDemo(out);
    const pdf = docxToPdf(result.files.docx, join(out, "pdf"));
    const pages = pdfText(pdf)
      .normalize("NFC")
      .split("\f")
      .filter((p) => p.trim() !== "");
    const closing = pages.findIndex((p) => p.includes("Nơi nhận:"));
    expect(closing).toBeGreaterThanOrEqual(0);
    const rest = pages[closing]
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "" && !/^\d+$/.test(l));
    const closingLines = rest.slice(rest.findIndex((l) => l.startsWith("Nơi nhận:")));
    expect(rest.length).toBeGreaterThan(closingLines.length);
    if (pages.length > 1) expect(pages[1].trim().split("\n")[0].trim()).toBe("2");
    // The figures table (section II, 9 columns) has the units' names on one line: not "Tổ đảng tổ / 1".
    const all = pages.join("\n");
    const figures = all.slice(all.indexOf("II. SỐ LIỆU TỔNG HỢP"), all.indexOf("Tổng cộng"));
    for (const unit of ["Ban Chấp hành Công đoàn", "Tổ đảng tổ 1"]) expect(figures).toContain(unit);
  });

  test("the header's left cell: 'TÂN HÒA' on one line", async () => {
    const dir = tempDir("docx-header-");
    const docx = join(dir, "r.docx");
    writeFileSync(docx, await renderReportDocx(reportOf("party-cell-school-own-name.txt")));
    const text = pdfText(docxToPdf(docx, dir)).normalize("NFC");
    const line = text.split("\n").find((l) => l.includes("HÒA") && !l.includes("ĐẢNG BỘ"));
    expect(line).toMatch(/TÂN\s+HÒA/);
  });
});
