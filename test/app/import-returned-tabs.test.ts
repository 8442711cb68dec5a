/**
 * The import use-case over ports only: the secretary's workbook is the Office.js adapter on the simulated
 * Excel host; a unit's returned copy is either an .xlsx read by the file adapter or another simulated Excel.
 * The same typed figures give the same import whichever adapter read the copy.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importReturnedTabs, type ImportItem } from "../../src/app/import-returned-tabs";
import { createWorkbook } from "../../src/app/create-workbook";
import type { WorkbookPort } from "../../src/app/workbook-port";
import { sampleFills, type UnitFill } from "../../src/cli/sample-figures";
import { parsePlan } from "../../src/core/plan/parse-plan";
import type { WorkbookState } from "../../src/core/state/types";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { newWorkbook, openWorkbookBuffer, workbookToBuffer } from "../../src/file/workbook-bytes";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import { createHyperFormulaEvaluator } from "../../src/testing/simulated-excel/hyperformula-evaluator";

const PLAN = parsePlan(readFileSync(join(__dirname, "../fixtures/plans/seed-334-KH-CB.txt"), "utf8"));
const INDICATORS = defaultIndicators(PLAN);
const CREATED = new Date("2022-10-13T08:00:00+07:00");
const PLAN_ID = "p0000000000000334";

async function excelWorkbook(planId = PLAN_ID) {
  const host = new SimulatedExcelHost({ evaluator: createHyperFormulaEvaluator() });
  const port = createOfficeWorkbookPort(host.runner, { isSetSupported: () => true });
  const { state } = await createWorkbook(port, { plan: PLAN, indicators: INDICATORS, planId, now: CREATED });
  return { host, port, state };
}

/** What the first on-time unit types into its tab, found by the codes in column A. */
async function fillOf(port: WorkbookPort, state: WorkbookState): Promise<UnitFill> {
  const grids = await port.readGrids(state.units.map((u) => u.sheetId!));
  return sampleFills(state, grids).find((f) => f.scenario === "on-time")!;
}

/** The unit's copy as an .xlsx file written and read back by the file adapter. */
async function returnedFile(): Promise<{ port: WorkbookPort; fill: UnitFill }> {
  const copy = newWorkbook();
  const { state } = await createWorkbook(copy, {
    plan: PLAN,
    indicators: INDICATORS,
    planId: PLAN_ID,
    now: CREATED,
  });
  const fill = await fillOf(copy, state);
  copy.typeValues(fill.sheetId, fill.cells);
  return { port: await openWorkbookBuffer(await workbookToBuffer(copy), "gui-lai.xlsx"), fill };
}

/** The unit's copy open in another Excel, where the unit typed into its tab. */
async function returnedExcel(): Promise<{ host: SimulatedExcelHost; port: WorkbookPort; fill: UnitFill }> {
  const { host, port, state } = await excelWorkbook();
  const fill = await fillOf(port, state);
  for (const [address, value] of Object.entries(fill.cells))
    host.setCellByUser(fill.sheetName, address, value as string | number | boolean | null);
  return { host, port, fill };
}

const withoutFile = (items: ImportItem[]) => items.map((i) => ({ ...i, file: null }));

describe("importReturnedTabs over ports", () => {
  it("the same figures give the same import whether the copy is an .xlsx file or another Excel", async () => {
    const fromFile = await returnedFile();
    const fromExcel = await returnedExcel();
    expect(fromExcel.fill.cells).toEqual(fromFile.fill.cells);

    const a = await excelWorkbook();
    const b = await excelWorkbook();
    const itemsA = await importReturnedTabs(a.port, [{ file: "/thu/gui-lai.xlsx", port: fromFile.port }], {
      force: false,
    });
    const itemsB = await importReturnedTabs(b.port, [{ file: "Excel", port: fromExcel.port }], {
      force: false,
    });

    expect(itemsA.find((i) => i.outcome === "imported")).toMatchObject({
      file: "gui-lai.xlsx",
      sheet: fromFile.fill.sheetName,
      unit: fromFile.fill.unit,
      cells: Object.keys(fromFile.fill.cells).length,
    });
    expect(withoutFile(itemsB)).toEqual(withoutFile(itemsA));
    // Every other unit's tab in the whole-workbook copy was empty: skipped, not written over.
    expect(itemsA.filter((i) => i.outcome === "skipped")).toHaveLength(a.state.units.length - 1);
    expect(itemsA.filter((i) => i.outcome === "refused")).toEqual([]);

    const untouched = await excelWorkbook();
    for (const target of [a, b]) {
      const others = target.state.units.filter((u) => u.unitId !== fromFile.fill.unitId);
      for (const [address, value] of Object.entries(fromFile.fill.cells))
        expect({ address, value: target.host.cell(fromFile.fill.sheetName, address).value }).toEqual({
          address,
          value,
        });
      for (const u of others)
        expect(target.host.values(u.sheetId!)).toEqual(untouched.host.values(u.sheetId!));
    }
  });

  it("a copy of another plan is refused and nothing is written", async () => {
    const other = await excelWorkbook("p0000000000000999");
    const target = await excelWorkbook();
    const before = JSON.stringify(target.host.snapshot());
    const items = await importReturnedTabs(target.port, [{ file: "khac.xlsx", port: other.port }], {
      force: false,
    });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ outcome: "refused", file: "khac.xlsx" });
    expect(items[0].messageVi).toContain("kế hoạch khác");
    expect(items[0].messageEn).toContain("another plan");
    expect(JSON.stringify(target.host.snapshot())).toBe(before);
  });

  it("a formula the unit typed into an input cell is imported as its value, and the message names the cell", async () => {
    const source = await returnedExcel();
    const [first, second] = Object.values(source.fill.indicatorCells);
    const formula = `=${first}*2`;
    source.host.setCellByUser(source.fill.sheetName, second, formula);
    const computed = source.host.cell(source.fill.sheetName, second).value;
    expect(computed).toBe((source.fill.cells[first] as number) * 2);

    const target = await excelWorkbook();
    const items = await importReturnedTabs(target.port, [{ file: "cong-thuc.xlsx", port: source.port }], {
      force: false,
    });
    const imported = items.find((i) => i.outcome === "imported")!;
    expect(target.host.cell(source.fill.sheetName, second)).toMatchObject({ value: computed });
    expect(target.host.cell(source.fill.sheetName, second).formula).toBeUndefined();
    expect(imported.messageVi).toContain(
      `Ô ${second} trang "${source.fill.sheetName}" là công thức (${formula}): đã nhập giá trị ${computed}, không nhập công thức.`,
    );
    expect(imported.messageEn).toContain(
      `Cell ${second} of "${source.fill.sheetName}" is a formula (${formula}): its value ${computed} was imported, not the formula.`,
    );
  });

  it("when the unit inserted a row, the message names the cell in the copy and the cell it went to", async () => {
    const source = await returnedExcel();
    const [first, second] = Object.values(source.fill.indicatorCells);
    const row = (a: string) => Number(/\d+/.exec(a)![0]);
    const column = /^[A-Z]+/.exec(second)![0];
    source.host.model.findSheet(source.fill.sheetName)!.protection = {
      protected: false,
      password: null,
      options: {},
    };
    source.host.insertRow(source.fill.sheetName, row(first));
    const typedAt = `${column}${row(second) + 1}`;
    source.host.setCellByUser(source.fill.sheetName, typedAt, `=${column}${row(first) + 1}+1`);

    const target = await excelWorkbook();
    const items = await importReturnedTabs(target.port, [{ file: "them-dong.xlsx", port: source.port }], {
      force: false,
    });
    const value = (source.fill.cells[first] as number) + 1;
    expect(target.host.cell(source.fill.sheetName, second)).toMatchObject({ value });
    const imported = items.find((i) => i.outcome === "imported")!;
    expect(imported.messageVi).toContain(`Ô ${typedAt} trang`);
    expect(imported.messageVi).toContain(`đã nhập giá trị ${value} vào ô ${second}, không nhập công thức.`);
    expect(imported.messageEn).toContain(`its value ${value} was imported into ${second}, not the formula.`);
  });
});
