/**
 * Text from the plan (typed or pasted by a person) reaches the workbook as that text through both adapters:
 * never as a date or time Excel's input would make of it (C7), never refused for passing a cell's
 * 32,767 characters.
 */
import { createWorkbook } from "../../src/app/create-workbook";
import { MAX_CELL_TEXT } from "../../src/core/workbook/cell-input";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import type { SheetGrid } from "../../src/core/workbook/grid";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { newWorkbook, openWorkbookBuffer, workbookToBuffer } from "../../src/file/workbook-bytes";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import { parseInput } from "../../src/testing/simulated-excel/host";
import { seedPlan, seedTasks } from "../core/workbook/fixtures";

const NOW = new Date("2022-10-13T08:00:00+07:00");
const LONG = "Tuyên truyền sâu rộng trong cán bộ, đảng viên. ".repeat(1000); // 47,000 characters
const DATE_LIKE = ["May 5", "10 AM", "1-Jan", "5e3"];

function plan() {
  const tasks = seedTasks();
  tasks[1] = { ...tasks[1], text: LONG };
  tasks[2] = { ...tasks[2], text: DATE_LIKE[0] };
  return seedPlan({ tasks, title: DATE_LIKE[1], place: DATE_LIKE[2], number: DATE_LIKE[3] });
}

function allValues(grids: SheetGrid[]): unknown[] {
  return grids.flatMap((g) => g.values.flat());
}

function expectTextKept(values: unknown[]): void {
  const texts = values.filter((v): v is string => typeof v === "string");
  for (const t of DATE_LIKE) expect(texts.some((v) => v === t || v.includes(t))).toBe(true);
  const long = texts.filter((v) => v.startsWith(LONG.slice(0, 200)));
  expect(long.length).toBeGreaterThan(0);
  for (const v of long) {
    expect(v.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(v).toContain("cut: an Excel cell holds at most 32,767 characters");
  }
  expect(values.every((v) => typeof v !== "string" || v.length <= MAX_CELL_TEXT)).toBe(true);
}

describe("a plan's text in the workbook's cells", () => {
  it("Excel (Office.js adapter): date-like text stays text, text over 32,767 characters is cut with a note", async () => {
    const host = new SimulatedExcelHost({ sheets: ["Sheet1"], apiVersion: "1.7" });
    const port = createOfficeWorkbookPort(host.runner, {
      isSetSupported: (v) => host.isSetSupported("ExcelApi", v),
    });
    const result = await createWorkbook(port, {
      plan: plan(),
      indicators: defaultIndicators(plan()),
      now: NOW,
    });
    const ids = [result.state.trackerSheet.sheetId!, ...result.state.units.map((u) => u.sheetId!)];
    const grids = await port.readGrids(ids);
    expectTextKept(allValues(grids));
    // What Excel would have made of the date-like texts (a serial, a time, a number) is nowhere.
    const misread = DATE_LIKE.map((t) => (parseInput(t, "General", "x") as { value: unknown }).value);
    expect(misread.every((v) => typeof v === "number")).toBe(true);
    expect(allValues(grids).filter((v) => misread.includes(v as number))).toEqual([]);
  });

  it("a file (ExcelJS adapter): the same cells, cut the same way, and the file opens again", async () => {
    const file = newWorkbook();
    const result = await createWorkbook(file, {
      plan: plan(),
      indicators: defaultIndicators(plan()),
      now: NOW,
    });
    const reopened = await openWorkbookBuffer(await workbookToBuffer(file), "so-theo-doi.xlsx");
    const ids = [result.state.trackerSheet.sheetId!, ...result.state.units.map((u) => u.sheetId!)];
    expectTextKept(allValues(await reopened.readGrids(ids)));
  });

  it("a long task (1,500 characters) gets a row no taller than Excel allows (409 points), in both adapters", async () => {
    const tasks = seedTasks();
    tasks[1] = { ...tasks[1], text: "Tổ chức tuyên truyền, vận động nhân dân tham gia. ".repeat(30) };
    const input = { plan: seedPlan({ tasks }), indicators: defaultIndicators(seedPlan()), now: NOW };

    const host = new SimulatedExcelHost({ sheets: ["Sheet1"], apiVersion: "1.7" });
    const port = createOfficeWorkbookPort(host.runner, {
      isSetSupported: (v) => host.isSetSupported("ExcelApi", v),
    });
    await createWorkbook(port, input);
    for (const sheet of host.snapshot().sheets)
      for (const h of Object.values(sheet.rowHeights)) expect(h).toBeLessThanOrEqual(409);

    const file = newWorkbook();
    await createWorkbook(file, input);
    const heights: number[] = [];
    file.workbook.eachSheet((ws) =>
      ws.eachRow({ includeEmpty: true }, (row) => heights.push(row.height ?? 0)),
    );
    expect(Math.max(...heights)).toBeGreaterThan(100);
    expect(Math.max(...heights)).toBeLessThanOrEqual(409);
  });
});
