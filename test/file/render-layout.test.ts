import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetLayout } from "../../src/core/workbook/model";
import { STATE_NAMESPACE } from "../../src/core/state/types";
import { newWorkbook, openWorkbookBuffer, workbookToBuffer } from "../../src/file";

function unitLayout(): SheetLayout {
  return {
    key: "unit:u1",
    role: "unit",
    name: "Tổ 1's",
    unitId: "u1",
    cells: {
      A1: {
        value: "BÁO CÁO CỦA ĐƠN VỊ",
        style: { bold: true, fontSize: 14, fontName: "Times New Roman", hAlign: "center" },
      },
      A3: { value: "=SUM(1,2)" },
      B3: { value: "12", style: { numberFormat: "@" } },
      C3: { value: "+84 912" },
      D3: {
        value: 1234567.5,
        style: { numberFormat: "#,##0.0", border: true, fill: "#FFF2CC", fontColor: "#C00000" },
      },
      E3: { formula: "D3*2", cachedValue: 2469135 },
      F3: { formula: '"x"&"y"', cachedValue: "xy" },
      A4: { value: "Đến Tổng hợp", link: "'Tổng hợp'!B4" },
      B5: { value: "dài dòng văn tự", style: { wrap: true, vAlign: "top", italic: true, underline: true } },
      D5: { value: null },
      A6: { value: 42, link: "'Tổng hợp'!B4" },
      B6: { value: null, link: "'Tổ 1''s'!D3" },
    },
    merges: ["A1:E1"],
    columnWidths: [12, 40, 10, 16, 20, 8],
    hiddenColumns: [5],
    rowHeights: { 1: 30 },
    inputRanges: ["D3:E5"],
    validations: [
      {
        range: "E4:E5",
        list: ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện"],
        errorMessage: "Chọn trong danh sách",
      },
    ],
    freeze: { rows: 2, columns: 1 },
    print: { paper: "A4", orientation: "landscape", fitToWidth: true },
    protection: { protect: true, password: "abc" },
    tabColor: "#2E75B6",
  };
}

const summaryLayout: SheetLayout = {
  key: "summary",
  role: "summary",
  name: "Tổng hợp",
  cells: { B4: { value: "đích" } },
  merges: [],
  columnWidths: [10, 10],
  inputRanges: [],
  validations: [],
  print: { paper: "A4", orientation: "portrait", fitToWidth: true },
  protection: { protect: false },
};

async function rendered(): Promise<Uint8Array> {
  const port = newWorkbook();
  const layout = unitLayout();
  await port.applyChanges({
    patches: [
      { sheetId: null, create: true, layout, cells: layout.cells },
      { sheetId: null, create: true, layout: summaryLayout, cells: summaryLayout.cells },
    ],
    stateXml: `<state xmlns="${STATE_NAMESPACE}"><planId>p-1</planId></state>`,
  });
  return workbookToBuffer(port);
}

describe("file adapter renders a layout faithfully (read back with ExcelJS)", () => {
  let ws: ExcelJS.Worksheet;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await rendered();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    ws = wb.getWorksheet("Tổ 1's")!;
  });

  it("writes text as text, never as a formula", () => {
    expect(ws.getCell("A3").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A3").value).toBe("=SUM(1,2)");
    expect(ws.getCell("B3").value).toBe("12");
    expect(ws.getCell("C3").value).toBe("+84 912");
  });

  it("writes formulas with the core's cached value", () => {
    expect(ws.getCell("E3").formula).toBe("D3*2");
    expect((ws.getCell("E3").value as ExcelJS.CellFormulaValue).result).toBe(2469135);
    expect((ws.getCell("F3").value as ExcelJS.CellFormulaValue).result).toBe("xy");
  });

  it.each([
    [
      "font",
      (c: ExcelJS.Cell) => [c.font.name, c.font.size, c.font.bold],
      "A1",
      ["Times New Roman", 14, true],
    ],
    ["alignment", (c: ExcelJS.Cell) => c.alignment.horizontal, "A1", "center"],
    ["number format", (c: ExcelJS.Cell) => c.numFmt, "D3", "#,##0.0"],
    ["fill", (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern).fgColor?.argb, "D3", "FFFFF2CC"],
    ["font colour", (c: ExcelJS.Cell) => c.font.color?.argb, "D3", "FFC00000"],
    [
      "border",
      (c: ExcelJS.Cell) => [
        c.border.top?.style,
        c.border.left?.style,
        c.border.bottom?.style,
        c.border.right?.style,
      ],
      "D3",
      ["thin", "thin", "thin", "thin"],
    ],
    [
      "wrap",
      (c: ExcelJS.Cell) => [c.alignment.wrapText, c.alignment.vertical, c.font.italic, c.font.underline],
      "B5",
      [true, "top", true, true],
    ],
    ["unlocked input", (c: ExcelJS.Cell) => c.protection?.locked, "D5", false],
    ["locked owned cell", (c: ExcelJS.Cell) => c.protection?.locked ?? true, "B5", true],
  ])("%s", (_name, get, address, expected) => {
    expect(get(ws.getCell(address as string))).toEqual(expected);
  });

  it("merges, widths, hidden columns, row heights", () => {
    expect(ws.getCell("C1").isMerged).toBe(true);
    expect(ws.getCell("C1").master.address).toBe("A1");
    expect(ws.getColumn(2).width).toBe(40);
    expect(ws.getColumn(6).hidden).toBe(true);
    expect(ws.getRow(1).height).toBe(30);
  });

  it("validation list, protection, freeze, print setup, tab colour", () => {
    const dv = ws.getCell("E5").dataValidation;
    expect(dv.type).toBe("list");
    expect(dv.formulae).toEqual(['"Hoàn thành,Đang thực hiện,Chưa thực hiện"']);
    expect(dv.error).toBe("Chọn trong danh sách");
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection.sheet).toBe(true);
    expect(protection.hashValue).toEqual(expect.any(String));
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.properties.tabColor).toEqual({ argb: "FF2E75B6" });
  });

  it("stores the state as a custom XML part, as Excel does", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const item = await zip.file("customXml/item1.xml")!.async("string");
    expect(item).toContain(`xmlns="${STATE_NAMESPACE}"`);
    const props = await zip.file("customXml/itemProps1.xml")!.async("string");
    expect(props).toMatch(/ds:itemID="\{[0-9A-F-]{36}\}"/);
    expect(props).toContain(`ds:schemaRef ds:uri="${STATE_NAMESPACE}"`);
    expect(await zip.file("customXml/_rels/item1.xml.rels")!.async("string")).toContain(
      'Target="itemProps1.xml"',
    );
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain(
      'Target="../customXml/item1.xml"',
    );
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain(
      'PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"',
    );
  });

  it("writes internal hyperlinks as Excel does (location, no relationship)", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const xml = (await Promise.all(names.map((n) => zip.file(n)!.async("string")))).join("");
    expect(xml).toContain(`<hyperlink ref="A4" location="&apos;Tổng hợp&apos;!B4"/>`);
    // A number keeps its type under a link; an empty cell can carry one too.
    expect(xml).toContain(`<hyperlink ref="A6" location="&apos;Tổng hợp&apos;!B4"/>`);
    expect(xml).toContain(`<hyperlink ref="B6" location="&apos;Tổ 1&apos;&apos;s&apos;!D3"/>`);
    expect(ws.getCell("A6").value).toBe(42);
    const rels = Object.keys(zip.files).filter((n) => n.includes("worksheets/_rels/") && n.endsWith(".rels"));
    for (const r of rels) expect(await zip.file(r)!.async("string")).not.toContain("hyperlink");
  });

  it("reads back through the port: grid, state, links survive a round trip", async () => {
    const port = await openWorkbookBuffer(bytes, "x.xlsx");
    const overview = await port.readOverview();
    expect(overview.stateXmlCount).toBe(1);
    expect(overview.stateXml).toContain("<planId>p-1</planId>");
    expect(overview.sheets.map((s) => s.name)).toEqual(["Tổ 1's", "Tổng hợp"]);
    const [grid] = await port.readGrids([overview.sheets[0].id]);
    expect(grid.origin).toEqual({ row: 0, column: 0 });
    expect(grid.values[2]).toEqual(["=SUM(1,2)", "12", "+84 912", 1234567.5, 2469135, "xy"]);
    expect(grid.formulas[2]).toEqual(["=SUM(1,2)", "12", "+84 912", 1234567.5, "=D3*2", '="x"&"y"']);
    expect(grid.values[3][0]).toBe("Đến Tổng hợp");
    const again = await JSZip.loadAsync(await workbookToBuffer(port));
    const names = Object.keys(again.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const xml = (await Promise.all(names.map((n) => again.file(n)!.async("string")))).join("");
    expect(xml).toContain(`location="&apos;Tổng hợp&apos;!B4"`);
    expect(Object.keys(again.files).filter((n) => n.startsWith("customXml/item"))).toHaveLength(2);
  });

  it("an update patch writes only its cells and keeps the rest", async () => {
    const port = await openWorkbookBuffer(bytes, "x.xlsx");
    const overview = await port.readOverview();
    const layout = unitLayout();
    await port.applyChanges({
      patches: [{ sheetId: overview.sheets[0].id, create: false, layout, cells: { B5: { value: "mới" } } }],
    });
    const [grid] = await port.readGrids([overview.sheets[0].id]);
    expect(grid.values[4][1]).toBe("mới");
    expect(grid.values[2][3]).toBe(1234567.5);
  });
});

describe("readGrid", () => {
  it("reports merges, dates as serial numbers, rich text as plain text, empty cells as empty strings", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("B2").value = new Date(Date.UTC(2022, 9, 17));
    ws.getCell("C2").value = { richText: [{ text: "Tổ " }, { text: "1", font: { bold: true } }] };
    ws.getCell("E3").value = { formula: "B2+1", result: new Date(Date.UTC(2022, 9, 18)) };
    ws.getCell("D4").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.mergeCells("B5:C5");
    ws.getCell("B5").value = "gộp";
    const port = await openWorkbookBuffer((await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
    const [grid] = await port.readGrids([(await port.readOverview()).sheets[0].id]);
    expect(grid.origin).toEqual({ row: 1, column: 1 });
    expect(grid.values).toEqual([
      [44851, "Tổ 1", "", ""],
      ["", "", "", 44852],
      ["", "", "#N/A", ""],
      ["gộp", "", "", ""],
    ]);
    expect(grid.formulas[1][3]).toBe("=B2+1");
    expect(grid.merges).toEqual(["B5:C5"]);
  });
});
