/**
 * The summary sheet's print setup reaches the files and Excel (newcomer review M4): the print area from
 * column B, the report's title at the top of every page and the page number at the bottom, row heights for
 * wrapped text — through ExcelJS (read back) and through Office.js on the simulated host (ExcelApi 1.9;
 * nothing of it below 1.9). Printed by LibreOffice: no machine code on paper, a long result is not cut off.
 */
import ExcelJS from "exceljs";
import { join } from "node:path";
import type { SheetLayout } from "../../src/core/workbook/model";
import { buildSummaryLayout } from "../../src/core/summary/build-summary-layout";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import { newWorkbook, saveWorkbook, workbookToBuffer } from "../../src/file";
import { seedReport } from "../core/summary/summary-fixture";
import { setCell } from "../core/collect/grid-fixtures";
import { convert, ensureLibreOffice, pdfText, tempDir } from "../support/libreoffice";

const LONG =
  "Đã tổ chức sinh hoạt chuyên đề ôn lại lịch sử 92 năm Ngày truyền thống công tác Dân vận của Đảng, treo băng rôn tại cơ quan và đăng tin trên nhóm Zalo của đơn vị.";

function summaryLayout(): SheetLayout {
  const { report } = seedReport(({ grids }) => {
    grids[0] = setCell(grids[0], "G10", LONG);
  });
  return buildSummaryLayout(report, { sheetName: "Tổng hợp" });
}

async function fileOf(layout: SheetLayout) {
  const port = newWorkbook();
  await port.applyChanges({ patches: [{ sheetId: null, create: true, layout, cells: layout.cells }] });
  return port;
}

describe("ExcelJS file", () => {
  it("print area from column B, page title and number, row heights", async () => {
    const layout = summaryLayout();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookToBuffer(await fileOf(layout))) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Tổng hợp")!;
    expect(ws.pageSetup.printArea).toBe(layout.print.area);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.headerFooter.oddHeader).toBe(`&C${layout.print.pageHeader}`);
    expect(ws.headerFooter.oddFooter).toBe("&CTrang &P/&N");
    for (const [row, height] of Object.entries(layout.rowHeights ?? {}))
      expect(ws.getRow(Number(row)).height).toBe(height);
  });
});

describe("Office.js on the simulated host", () => {
  it("ExcelApi 1.9: print area, title rows none, header and footer set in the same write", async () => {
    const host = new SimulatedExcelHost();
    const port = createOfficeWorkbookPort(host.runner, {
      isSetSupported: (v) => host.isSetSupported("ExcelApi", v),
    });
    const layout = summaryLayout();
    const result = await port.applyChanges({
      patches: [{ sheetId: null, create: true, layout, cells: layout.cells }],
    });
    expect(result.roundTrips).toBe(1);
    const sheet = host.snapshot().sheets.find((s) => s.name === "Tổng hợp")!;
    expect(sheet.pageLayout).toMatchObject({
      printArea: layout.print.area,
      centerHeader: layout.print.pageHeader,
      centerFooter: "Trang &P/&N",
    });
  });

  it("ExcelApi 1.7: no page layout call at all (it would fail there)", async () => {
    const host = new SimulatedExcelHost({ apiVersion: "1.7" });
    const port = createOfficeWorkbookPort(host.runner, {
      isSetSupported: (v) => host.isSetSupported("ExcelApi", v),
    });
    const layout = summaryLayout();
    await port.applyChanges({ patches: [{ sheetId: null, create: true, layout, cells: layout.cells }] });
    expect(host.snapshot().sheets.find((s) => s.name === "Tổng hợp")!.pageLayout).toEqual({});
  });
});

describe("printed by LibreOffice", () => {
  beforeAll(() => ensureLibreOffice());

  it("no code of column A on paper; the long result whole; the page number at the bottom", async () => {
    const dir = tempDir("summary-print-");
    const file = join(dir, "tong-hop.xlsx");
    await saveWorkbook(await fileOf(summaryLayout()), file);
    const text = pdfText(convert(file, "pdf", dir)).normalize("NFC");
    expect(text).not.toMatch(/#MUC:|#BANG:|TONG_HOP_LUC|#NOI_NHAN/);
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("đăng tin trên nhóm Zalo của đơn vị.");
    expect(flat).toContain("Trang 1/");
  });
});
