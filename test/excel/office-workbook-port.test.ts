import { HostError, RequestTooLargeError } from "../../src/core/errors";
import { STATE_NAMESPACE } from "../../src/core/state/types";
import { parseAddress } from "../../src/core/workbook/address";
import type { CellSpec, SheetLayout, WorkbookChanges } from "../../src/core/workbook/model";
import { columnWidthPoints } from "../../src/excel/column-width";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { coverWithRectangles } from "../../src/excel/rectangles";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import { createHyperFormulaEvaluator } from "../../src/testing/simulated-excel/hyperformula-evaluator";

function portOn(host: SimulatedExcelHost, extra: Parameters<typeof createOfficeWorkbookPort>[1] = {}) {
  return createOfficeWorkbookPort(host.runner, {
    isSetSupported: (v) => host.isSetSupported("ExcelApi", v),
    ...extra,
  });
}

const title = {
  bold: true,
  fontSize: 14,
  fontName: "Times New Roman",
  hAlign: "center",
  wrap: true,
} as const;
const input = { fill: "#FFF2CC", border: true } as const;

/** A hand-made unit tab exercising every element the adapter renders. */
function handLayout(name = "Tổ 1"): SheetLayout {
  const cells: Record<string, CellSpec> = {
    A1: { value: "#THONG_TIN", style: { fontSize: 8, fontColor: "#808080" } },
    B1: { value: "BÁO CÁO CỦA TỔ 1", style: title },
    B2: { value: "Số buổi", style: { border: true } },
    C2: { value: "Lượt người", style: { border: true } },
    B3: { value: 12, style: { ...input, numberFormat: "#,##0" } },
    C3: { value: 340.5, style: { ...input, numberFormat: "#,##0.##" } },
    D3: { formula: "B3+C3", cachedValue: 352.5, style: { bold: true, border: true } },
    B4: { value: '=HYPERLINK("http://x")', style: { italic: true } },
    C4: { value: "0123" },
    D4: { value: "'quoted" },
    E4: { value: "1.234,5" },
    B5: { value: "Xem tổng hợp", link: "'Kế hoạch'!A1", style: { underline: true, fontColor: "#0563C1" } },
    B6: { value: true },
    C6: { value: null },
    B7: { value: "", style: { ...input, numberFormat: "@" } },
  };
  return {
    key: "unit:u1",
    role: "unit",
    name,
    unitId: "u1",
    cells,
    merges: ["B1:E1"],
    columnWidths: [4, 30, 12, 12, 20],
    hiddenColumns: [0],
    rowHeights: { 1: 36 },
    inputRanges: ["B3:C3", "B7"],
    validations: [
      {
        range: "B7",
        list: ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện"],
        errorMessage: "Chọn trong danh sách",
      },
    ],
    freeze: { rows: 2, columns: 1 },
    print: { paper: "A4", orientation: "portrait", fitToWidth: true },
    protection: { protect: true, password: "pw-1" },
    tabColor: "#2F75B5",
  };
}

function trackerLayout(): SheetLayout {
  return {
    key: "tracker",
    role: "tracker",
    name: "Kế hoạch",
    cells: { A1: { value: "KẾ HOẠCH", style: title }, A2: { value: "Tổ 1", link: "'Tổ 1'!A1" } },
    merges: [],
    columnWidths: [20],
    inputRanges: [],
    validations: [],
    print: { paper: "A4", orientation: "landscape", fitToWidth: true },
    protection: { protect: false },
  };
}

function creation(): WorkbookChanges {
  const unit = handLayout();
  const tracker = trackerLayout();
  return {
    patches: [
      { sheetId: null, create: true, layout: tracker, cells: tracker.cells },
      { sheetId: null, create: true, layout: unit, cells: unit.cells },
    ],
    stateXml: `<state xmlns="${STATE_NAMESPACE}"><v>1</v></state>`,
    activateKey: "tracker",
  };
}

/** What Excel should hold for each cell spec written through Range.formulas. */
function expectCellMatches(host: SimulatedExcelHost, sheet: string, address: string, spec: CellSpec): void {
  const cell = host.cell(sheet, address);
  if (spec.formula !== undefined) {
    expect(cell.formula).toBe(`=${spec.formula}`);
    if (spec.cachedValue !== undefined) expect(cell.value).toBe(spec.cachedValue);
  } else {
    expect(cell.formula).toBeUndefined();
    const v = spec.value;
    expect(cell.value).toBe(v === null || v === undefined ? "" : v);
  }
  const st = spec.style ?? {};
  if (st.numberFormat) expect(cell.numberFormat).toBe(st.numberFormat);
  if (st.bold !== undefined) expect(cell.format?.bold).toBe(st.bold);
  if (st.italic !== undefined) expect(cell.format?.italic).toBe(st.italic);
  if (st.underline !== undefined) expect(cell.format?.underline).toBe(st.underline ? "Single" : "None");
  if (st.fontSize !== undefined) expect(cell.format?.fontSize).toBe(st.fontSize);
  if (st.fontName !== undefined) expect(cell.format?.fontName).toBe(st.fontName);
  if (st.fontColor !== undefined) expect(cell.format?.fontColor).toBe(st.fontColor.toUpperCase());
  if (st.fill !== undefined) expect(cell.format?.fill).toBe(st.fill.toUpperCase());
  if (st.wrap !== undefined) expect(cell.format?.wrapText).toBe(st.wrap);
  if (st.hAlign !== undefined)
    expect(cell.format?.horizontalAlignment).toBe(
      { left: "Left", center: "Center", right: "Right" }[st.hAlign],
    );
  if (st.border) {
    expect(cell.format?.borders).toEqual({
      EdgeTop: "Continuous",
      EdgeBottom: "Continuous",
      EdgeLeft: "Continuous",
      EdgeRight: "Continuous",
    });
  }
  if (spec.link) expect(cell.hyperlink).toEqual({ documentReference: spec.link });
}

describe("Office.js adapter: rendering a hand-made layout", () => {
  it("writes every cell, format, merge, width, input range, validation, freeze, print, tab colour and protection in one sync", async () => {
    const host = new SimulatedExcelHost({
      sheets: ["Dữ liệu riêng"],
      evaluator: createHyperFormulaEvaluator(),
    });
    host.setCellByUser("Dữ liệu riêng", "A1", "không được đụng vào");
    const before = host.snapshot().sheets[0];
    const port = portOn(host);
    const changes = creation();
    const result = await port.applyChanges(changes);

    expect(result.roundTrips).toBe(1);
    expect(host.syncCount).toBe(1);
    expect(Object.keys(result.sheetIds).sort()).toEqual(["tracker", "unit:u1"]);
    const snap = host.snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(["Dữ liệu riêng", "Kế hoạch", "Tổ 1"]);
    expect(snap.sheets[0]).toEqual(before);
    expect(result.sheetIds["unit:u1"]).toBe(snap.sheets[2].id);

    const unit = handLayout();
    for (const [address, spec] of Object.entries(unit.cells)) expectCellMatches(host, "Tổ 1", address, spec);
    // Every cell the host holds is one the layout asked for (nothing stray).
    const stored = Object.keys(snap.sheets[2].cells).filter(
      (a) => snap.sheets[2].cells[a].value !== "" || snap.sheets[2].cells[a].formula,
    );
    for (const a of stored) expect(Object.keys(unit.cells)).toContain(a);

    const sheet = snap.sheets[2];
    expect(sheet.merges).toEqual(["B1:E1"]);
    expect(sheet.columnWidths).toEqual({
      0: columnWidthPoints(4),
      1: columnWidthPoints(30),
      2: columnWidthPoints(12),
      3: columnWidthPoints(12),
      4: columnWidthPoints(20),
    });
    expect(sheet.hiddenColumns).toEqual([0]);
    expect(sheet.rowHeights).toEqual({ 0: 36 });
    expect(sheet.freeze).toEqual({ rows: 2, columns: 1 });
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Portrait",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    expect(sheet.tabColor).toBe("#2F75B5");
    expect(sheet).toMatchObject({ protected: true, password: "pw-1" });
    expect(sheet.cells.B3.locked).toBe(false);
    expect(sheet.cells.C3.locked).toBe(false);
    expect(sheet.cells.B7.locked).toBe(false);
    expect(sheet.cells.B2.locked).toBeUndefined();
    expect(sheet.cells.B7.validation).toMatchObject({
      rule: { list: { source: "Hoàn thành,Đang thực hiện,Chưa thực hiện" } },
    });
    // Text typed as text stays text: a would-be formula, a leading zero, a Vietnamese number.
    expect(host.cell("Tổ 1", "B4").value).toBe('=HYPERLINK("http://x")');
    expect(host.cell("Tổ 1", "C4").value).toBe("0123");
    expect(host.cell("Tổ 1", "D4").value).toBe("'quoted");
    expect(snap.parts).toEqual([expect.objectContaining({ namespaceUri: STATE_NAMESPACE })]);
    expect(snap.activeSheetId).toBe(result.sheetIds.tracker);
    // A unit can type into its input cells, not elsewhere.
    host.setCellByUser("Tổ 1", "B3", 15);
    expect(() => host.setCellByUser("Tổ 1", "B2", "x")).toThrow();
  });

  it("degrades on ExcelApi 1.7: no API above 1.7 is called, validation and page layout are left out", async () => {
    const host = new SimulatedExcelHost({ apiVersion: "1.7" });
    const port = portOn(host);
    const result = await port.applyChanges(creation());
    expect(result.roundTrips).toBe(1);
    const sheet = host.snapshot().sheets.find((s) => s.name === "Tổ 1")!;
    expect(sheet.cells.B7.validation).toBeUndefined();
    expect(sheet.pageLayout).toEqual({});
    expect(sheet).toMatchObject({ protected: true, password: "pw-1", freeze: { rows: 2, columns: 1 } });
    expect(sheet.cells.B3.format?.fill).toBe("#FFF2CC");
  });

  it("updates an existing protected sheet: only the patch's cells change, protection is restored in the same sync", async () => {
    const host = new SimulatedExcelHost();
    const port = portOn(host);
    const first = await port.applyChanges(creation());
    host.setCellByUser("Tổ 1", "B3", 99);
    host.setCellByUser("Tổ 1", "B7", "Hoàn thành");
    const syncs = host.syncCount;
    const layout = {
      ...handLayout("Tổ một"),
      cells: { ...handLayout().cells, B2: { value: "Số buổi (mới)", style: { border: true } } },
    };
    await port.applyChanges({
      patches: [
        {
          sheetId: first.sheetIds["unit:u1"],
          create: false,
          rename: true,
          layout,
          cells: { B2: layout.cells.B2, F10: { value: "mới" } },
        },
      ],
    });
    expect(host.syncCount - syncs).toBe(1);
    const sheet = host.snapshot().sheets.find((s) => s.id === first.sheetIds["unit:u1"])!;
    expect(sheet.name).toBe("Tổ một");
    expect(sheet.cells.B2.value).toBe("Số buổi (mới)");
    expect(sheet.cells.F10.value).toBe("mới");
    expect(sheet.cells.B3.value).toBe(99);
    expect(sheet.cells.B7.value).toBe("Hoàn thành");
    expect(sheet.cells.C3.value).toBe(340.5);
    expect(sheet).toMatchObject({ protected: true, password: "pw-1" });
  });

  it("replaces the whole tracker when the patch says replaceAll, keeping the sheet and its id", async () => {
    const host = new SimulatedExcelHost();
    const port = portOn(host);
    const first = await port.applyChanges(creation());
    const tracker = { ...trackerLayout(), cells: { A1: { value: "KẾ HOẠCH (mới)" } } };
    await port.applyChanges({
      patches: [
        {
          sheetId: first.sheetIds.tracker,
          create: false,
          replaceAll: true,
          layout: tracker,
          cells: tracker.cells,
        },
      ],
    });
    expect(host.values("Kế hoạch")).toEqual({ A1: "KẾ HOẠCH (mới)" });
    expect(host.cell("Kế hoạch", "A1").format).toBeUndefined();
    expect(host.sheetId("Kế hoạch")).toBe(first.sheetIds.tracker);
  });

  it("reads the state part, the sheet list and the grids by id in one sync", async () => {
    const host = new SimulatedExcelHost();
    const port = portOn(host);
    const { sheetIds } = await port.applyChanges(creation());
    host.renameSheet("Tổ 1", "Tổ 1 (đổi tên)");
    const syncs = host.syncCount;
    const overview = await port.readOverview([sheetIds["unit:u1"], "{missing}"]);
    expect(host.syncCount - syncs).toBe(1);
    expect(overview.stateXml).toContain("<v>1</v>");
    expect(overview.stateXmlCount).toBe(1);
    expect(overview.sheets.map((s) => [s.name, s.position])).toEqual([
      ["Sheet1", 0],
      ["Kế hoạch", 1],
      ["Tổ 1 (đổi tên)", 2],
    ]);
    expect(overview.grids).toHaveLength(1);
    const g = overview.grids[0];
    expect(g).toMatchObject({
      sheetId: sheetIds["unit:u1"],
      name: "Tổ 1 (đổi tên)",
      origin: { row: 0, column: 0 },
    });
    expect(g.values[2][1]).toBe(12);
    expect(g.formulas[2][3]).toBe("=B3+C3");
    expect(g.values[2][3]).toBeNull();
    const grids = await port.readGrids([sheetIds.tracker]);
    expect(grids[0].values[0][0]).toBe("KẾ HOẠCH");
    expect(host.syncCount - syncs).toBe(2);
  });

  it("reports no state part, and counts two parts of ours", async () => {
    const host = new SimulatedExcelHost();
    const port = portOn(host);
    expect(await port.readOverview()).toMatchObject({ stateXml: null, stateXmlCount: 0, grids: [] });
    host.addCustomXmlPart(`<state xmlns="${STATE_NAMESPACE}">a</state>`);
    host.addCustomXmlPart(`<state xmlns="${STATE_NAMESPACE}">b</state>`);
    expect(await port.readOverview()).toMatchObject({
      stateXml: expect.stringContaining(">a<"),
      stateXmlCount: 2,
    });
  });

  // Review C1: getXml() is never called on a null object (the simulator refuses it, see
  // test/testing/simulated-excel.test.ts). The parts' ids come first; the XML of a part the session has not
  // read yet costs one more sync, once: a part's XML never changes under its id.
  it("reads our parts by id: one more sync only for parts this session has not met", async () => {
    const host = new SimulatedExcelHost();
    host.addCustomXmlPart(`<state xmlns="${STATE_NAMESPACE}">a</state>`);
    const port = portOn(host);
    const syncs = () => host.syncCount;
    let before = syncs();
    expect(await port.readOverview()).toMatchObject({
      stateXml: expect.stringContaining(">a<"),
      roundTrips: 2,
    });
    expect(syncs() - before).toBe(2);
    before = syncs();
    expect(await port.readOverview()).toMatchObject({
      stateXml: expect.stringContaining(">a<"),
      roundTrips: 1,
    });
    expect(syncs() - before).toBe(1);
    await port.applyChanges({ patches: [], stateXml: `<state xmlns="${STATE_NAMESPACE}">b</state>` });
    before = syncs();
    expect(await port.readOverview()).toMatchObject({
      stateXml: expect.stringContaining(">b<"),
      stateXmlCount: 1,
    });
    expect(syncs() - before).toBe(1);
    host.addCustomXmlPart(`<state xmlns="${STATE_NAMESPACE}">c</state>`);
    before = syncs();
    expect(await port.readOverview()).toMatchObject({
      stateXmlCount: 2,
      allStateXml: [expect.stringContaining(">b<"), expect.stringContaining(">c<")],
    });
    expect(syncs() - before).toBe(2);
  });

  it("a state write deletes the parts of ours it read, by id; a part added after that read is kept", async () => {
    const host = new SimulatedExcelHost();
    host.addCustomXmlPart(`<state xmlns="${STATE_NAMESPACE}">a</state>`);
    host.addCustomXmlPart(`<state xmlns="${STATE_NAMESPACE}">b</state>`);
    const port = portOn(host);
    await port.readOverview();
    host.addCustomXmlPart(`<state xmlns="${STATE_NAMESPACE}">meanwhile</state>`);
    await port.applyChanges({ patches: [], stateXml: `<state xmlns="${STATE_NAMESPACE}">merged</state>` });
    expect(host.snapshot().parts.map((p) => p.xml)).toEqual([
      `<state xmlns="${STATE_NAMESPACE}">meanwhile</state>`,
      `<state xmlns="${STATE_NAMESPACE}">merged</state>`,
    ]);
  });

  it("a part deleted between the overview's two syncs: the overview starts again", async () => {
    const host = new SimulatedExcelHost();
    const doomed = host.addCustomXmlPart(`<state xmlns="${STATE_NAMESPACE}">old</state>`);
    const port = portOn(host);
    const at = host.syncCount + 2;
    host.beforeSync((h, n) => {
      if (n !== at) return;
      h.model.deletePart(h.model.parts.find((p) => p.id === doomed)!);
      h.addCustomXmlPart(`<state xmlns="${STATE_NAMESPACE}">new</state>`);
    });
    const before = host.syncCount;
    expect(await port.readOverview()).toMatchObject({
      stateXml: expect.stringContaining(">new<"),
      stateXmlCount: 1,
      roundTrips: 4,
    });
    expect(host.syncCount - before).toBe(4);
  });

  it("replaces our state part and leaves other add-ins' parts alone", async () => {
    const host = new SimulatedExcelHost();
    host.addCustomXmlPart('<x xmlns="urn:someone-else"/>');
    const port = portOn(host);
    await port.applyChanges({ patches: [], stateXml: `<state xmlns="${STATE_NAMESPACE}">1</state>` });
    await port.applyChanges({ patches: [], stateXml: `<state xmlns="${STATE_NAMESPACE}">2</state>` });
    expect(host.snapshot().parts.map((p) => p.xml)).toEqual([
      '<x xmlns="urn:someone-else"/>',
      `<state xmlns="${STATE_NAMESPACE}">2</state>`,
    ]);
  });

  it("wraps Excel errors in a bilingual HostError naming the sheet", async () => {
    const host = new SimulatedExcelHost({ sheets: ["Tổ 1"] });
    const port = portOn(host);
    const layout = handLayout();
    const error = await port
      .applyChanges({ patches: [{ sheetId: null, create: true, layout, cells: layout.cells }] })
      .catch((e) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error.messageVi).toMatch(/^Excel báo lỗi khi ghi trang tính: ItemAlreadyExists/);
    expect(error.messageEn).toMatch(/^Excel failed while writing the sheets: ItemAlreadyExists/);
    expect(error.location.sheet).toBe("Tổ 1");
  });

  it("refuses a single write that cannot fit under the limit, writing nothing", async () => {
    const host = new SimulatedExcelHost();
    const port = portOn(host, { payloadLimitBytes: 20_000 });
    const layout = { ...trackerLayout(), cells: { A1: { value: "x".repeat(30_000) } } };
    const error = await port
      .applyChanges({ patches: [{ sheetId: null, create: true, layout, cells: layout.cells }] })
      .catch((e) => e);
    expect(error).toBeInstanceOf(RequestTooLargeError);
    expect(error.messageVi).toMatch(/quá lớn/);
    expect(host.syncCount).toBe(0);
  });
});

describe("coverWithRectangles", () => {
  it("covers exactly the given cells", () => {
    const cells = ["A1", "B1", "A2", "B2", "D2", "D3", "A4"].map(parseAddress);
    const rects = coverWithRectangles(cells);
    const covered = new Set<string>();
    for (const r of rects)
      for (let i = r.start.row; i <= r.end.row; i++)
        for (let j = r.start.column; j <= r.end.column; j++) covered.add(`${i},${j}`);
    expect([...covered].sort()).toEqual(cells.map((c) => `${c.row},${c.column}`).sort());
    expect(rects.length).toBe(3);
  });

  it("reads a patch's must-be-empty rows in the same request, before writing, and reports what was typed", async () => {
    const host = new SimulatedExcelHost({ sheets: ["Tổ 1"] });
    const sheetId = host.model.sheets[0].id;
    host.setCellByUser("Tổ 1", "C7", "đang gõ");
    const port = portOn(host);
    const layout = {
      key: "unit:to-1",
      name: "Tổ 1",
      cells: {},
      merges: [],
      inputRanges: [],
      validations: [],
      columnWidths: [],
      protection: { protect: false },
      print: { orientation: "portrait", fitToWidth: true },
    } as unknown as Parameters<typeof port.applyChanges>[0]["patches"][number]["layout"];
    const syncs = host.syncCount;
    const result = await port.applyChanges({
      patches: [
        {
          sheetId,
          create: false,
          layout,
          cells: { A7: { value: "SO_HOI_THI" }, C7: { value: "Số hội thi" }, A8: { value: "KHAC" } },
          mustBeEmpty: ["A7:C7", "A8:C8"],
        },
      ],
    });
    expect(host.syncCount - syncs).toBe(1);
    expect(result.conflicts).toEqual([{ sheetId, address: "C7", value: "đang gõ", formula: "đang gõ" }]);
    const clean = await port.applyChanges({
      patches: [{ sheetId, create: false, layout, cells: { A9: { value: "X" } }, mustBeEmpty: ["A9:C9"] }],
    });
    expect(clean.conflicts).toBeUndefined();
  });
});
