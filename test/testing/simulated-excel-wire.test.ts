/**
 * The simulated host counts a request the way Office.js builds it (finding A1): the same calls queued on the
 * simulated host and on the real Office.js runtime (excel-web-16.00.debug.js in jsdom) give the same request
 * body, byte for byte: one object path and one "Instantiate" action per proxy, action ids, "L" lists.
 */
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import { captureSync, officeJsContext } from "../support/office-js-runtime";

type Queue = (context: Excel.RequestContext) => void | Promise<void>;

/** The request bodies of `requests` (one per sync) on the real runtime and on the simulated host. */
async function bodies(requests: Queue[]): Promise<{ real: string[]; simulated: string[] }> {
  const real: string[] = [];
  const context = officeJsContext();
  for (const queue of requests) {
    await queue(context);
    real.push((await captureSync(context)).json);
  }
  const host = new SimulatedExcelHost({ sheets: ["S", "Kế hoạch", "Tổ 1"], keepRequestJson: true });
  await host
    .run(async (ctx) => {
      for (const queue of requests) {
        await queue(ctx as unknown as Excel.RequestContext);
        await ctx.sync().catch(() => undefined);
      }
    })
    .catch(() => undefined);
  return { real, simulated: host.syncs.map((s) => s.requestJson ?? "") };
}

const cases: [string, Queue[]][] = [
  [
    "adding a sheet, loading its id, setting its tab colour",
    [
      (c) => {
        const s = c.workbook.worksheets.add("Tổ 2");
        s.load("id");
        s.tabColor = "#2F75B5";
      },
    ],
  ],
  [
    "replacing the state part",
    [
      (c) => {
        c.workbook.customXmlParts.getByNamespace("urn:x").getOnlyItemOrNullObject().delete();
        c.workbook.customXmlParts.add("<state xmlns='urn:x'>ệ</state>");
      },
    ],
  ],
  [
    "replacing the state part by id, loading the new part's id",
    [
      (c) => {
        c.workbook.customXmlParts.getItemOrNullObject("{6A1D0C6B-0F63-4C0B-9B9B-0C5E1B2A3F10}").delete();
        c.workbook.customXmlParts.getItemOrNullObject("{0B5C2F0E-2F1D-4A39-8E11-7D4C3B2A1F00}").delete();
        c.workbook.customXmlParts.add("<state xmlns='urn:x'>ệ</state>").load("id");
      },
    ],
  ],
  [
    "the summary's print setup: print area, page header and footer",
    [
      (c) => {
        const s = c.workbook.worksheets.getItem("Kế hoạch");
        s.pageLayout.setPrintArea("B1:G80");
        const every = s.pageLayout.headersFooters.defaultForAllPages;
        every.centerHeader = "ỦY BAN NHÂN DÂN XÃ PHÚ LỘC — Báo cáo &&";
        every.centerFooter = "Trang &P/&N";
      },
    ],
  ],
  [
    "suspending calculation and screen updating",
    [
      (c) => {
        c.workbook.application.suspendApiCalculationUntilNextSync();
        c.workbook.application.suspendScreenUpdatingUntilNextSync();
      },
    ],
  ],
  [
    "protection, rename, activate",
    [
      (c) => {
        const s = c.workbook.worksheets.getItem("Tổ 1");
        s.protection.unprotect("pw");
        s.name = "Tổ một";
        s.protection.protect({ allowFormatColumns: true, allowFormatRows: true }, "pw");
        s.activate();
      },
    ],
  ],
  [
    "clearing a used range",
    [
      (c) => {
        const used = c.workbook.worksheets.getItem("S").getUsedRange(false);
        used.unmerge();
        used.clear("All" as Excel.ClearApplyTo);
        used.dataValidation.clear();
      },
    ],
  ],
  [
    "2-D number formats and formulas",
    [
      (c) => {
        const r = c.workbook.worksheets.getItem("S").getRange("A1:C2");
        r.numberFormat = [
          [null, "@", "#,##0"],
          ["dd/mm/yyyy", null, null],
        ] as unknown as string[][];
        r.formulas = [
          ["=1+1", "ô 'x'", 3],
          [null, true, '"q"'],
        ] as unknown as string[][];
      },
    ],
  ],
  [
    "2-D writes over 1,500 cells, which Office.js sends in row chunks",
    [
      (c) => {
        const grid = (rows: number, cols: number, f: (r: number, k: number) => unknown) =>
          Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, k) => f(r, k)));
        const s = c.workbook.worksheets.getItem("S");
        s.getRange("A1:G230").numberFormat = grid(230, 7, (r, k) =>
          k === 4 ? "dd/mm/yyyy" : null,
        ) as string[][];
        s.getRange("A1:G230").formulas = grid(230, 7, (r, k) => (k === 0 ? `u${r}` : r * k)) as string[][];
        s.getRange("B1:AK100").values = grid(100, 36, (r, k) => `ô ${r}.${k}`) as string[][];
        s.getRange("A300:B300").values = [[1, 2]];
      },
    ],
  ],
  [
    "merge, widths, hidden column, row height, locking",
    [
      (c) => {
        const s = c.workbook.worksheets.getItem("S");
        s.getRange("B5:D9").merge(true);
        s.getRange("B:C").format.columnWidth = 241.5;
        s.getRange("A:A").columnHidden = true;
        s.getRange("15:64").format.rowHeight = 20;
        s.getUsedRange(false).format.protection.locked = true;
        s.getRange("D15:E64").format.protection.locked = false;
      },
    ],
  ],
  [
    "data validation, hyperlink, freeze panes, page layout",
    [
      (c) => {
        const s = c.workbook.worksheets.getItem("S");
        const dv = s.getRange("E12").dataValidation;
        dv.clear();
        dv.rule = { list: { inCellDropDown: true, source: "Có,Không" } };
        dv.errorAlert = { showAlert: true, style: "Stop", title: "", message: "Chọn Có hoặc Không." };
        s.getRange("A2").hyperlink = { documentReference: "'Tổ 1'!A1" };
        s.freezePanes.freezeAt(s.getRange("A1:B2"));
        s.freezePanes.freezeRows(2);
        s.pageLayout.orientation = "Landscape";
        s.pageLayout.paperSize = "A4";
        s.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      },
    ],
  ],
  [
    "formats and borders over range areas",
    [
      (c) => {
        const format = c.workbook.worksheets.getItem("S").getRanges("A1:B2,D4").format;
        format.font.bold = true;
        format.font.name = "Times New Roman";
        format.fill.color = "#FFF2CC";
        format.horizontalAlignment = "Center";
        format.borders.getItem("EdgeTop").style = "Continuous";
        format.borders.getItem("InsideHorizontal").style = "Continuous";
      },
    ],
  ],
  [
    "named styles: add, define, apply, list",
    [
      (c) => {
        c.workbook.styles.add("THBC 1");
        const st = c.workbook.styles.getItem("THBC 1");
        st.includeProtection = false;
        st.font.bold = true;
        st.font.size = 12;
        st.fill.color = "#FFF2CC";
        st.borders.getItem("EdgeLeft").style = "Continuous";
        st.numberFormat = "#,##0";
        st.wrapText = true;
        c.workbook.worksheets.getItem("S").getRanges("A1:B2,D4").style = "THBC 1";
        c.workbook.worksheets.getItem("S").getRange("F6").style = "THBC 1";
        c.workbook.styles.load("items/name");
      },
    ],
  ],
  [
    "the overview's reads",
    [
      (c) => {
        const parts = c.workbook.customXmlParts.getByNamespace("urn:x");
        parts.load("items/id");
        parts.getOnlyItemOrNullObject().getXml();
        c.workbook.worksheets.load("items/id,items/name,items/position,items/visibility");
        const sheet = c.workbook.worksheets.getItemOrNullObject("{00000000-0001-0000-0000-000000000000}");
        sheet.load("name");
        sheet.getUsedRangeOrNullObject(true).load("values,formulas,rowIndex,columnIndex");
      },
    ],
  ],
  [
    "two syncs on one context: proxies of the first request used again in the second",
    [
      (c) => {
        const s = c.workbook.worksheets.add("Tổ 9");
        s.load("id");
        s.getRange("A1").values = [[1]];
      },
      (c) => {
        c.workbook.application.suspendApiCalculationUntilNextSync();
        const s = c.workbook.worksheets.getItem("Tổ 9");
        s.getRange("A2").values = [["hai"]];
        s.tabColor = "#C00000";
      },
    ],
  ],
];

describe("simulated Excel host: request bodies shaped like Office.js's", () => {
  it.each(cases)("%s", async (_name, requests) => {
    const { real, simulated } = await bodies(requests);
    expect(simulated).toEqual(real);
  });
});
