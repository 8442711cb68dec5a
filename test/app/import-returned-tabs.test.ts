/**
 * The import use-case over ports only: the secretary's workbook is the Office.js adapter on the simulated
 * Excel host; a unit's returned copy is either an .xlsx read by the file adapter or another simulated Excel.
 * The same typed figures give the same import whichever adapter read the copy.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importReturnedTabs, outcomesByFile, type ImportItem } from "../../src/app/import-returned-tabs";
import { NotASpreadsheetError, UnreadableFileError } from "../../src/core/errors";
import { createWorkbook } from "../../src/app/create-workbook";
import type { WorkbookPort, WorkbookReader } from "../../src/app/workbook-port";
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
    const itemsA = await importReturnedTabs(
      a.port,
      [{ file: "/thu/gui-lai.xlsx", open: async () => fromFile.port }],
      {
        force: false,
      },
    );
    const itemsB = await importReturnedTabs(b.port, [{ file: "Excel", open: async () => fromExcel.port }], {
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
    const items = await importReturnedTabs(
      target.port,
      [{ file: "khac.xlsx", open: async () => other.port }],
      {
        force: false,
      },
    );
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
    const items = await importReturnedTabs(
      target.port,
      [{ file: "cong-thuc.xlsx", open: async () => source.port }],
      {
        force: false,
      },
    );
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
    const items = await importReturnedTabs(
      target.port,
      [{ file: "them-dong.xlsx", open: async () => source.port }],
      {
        force: false,
      },
    );
    const value = (source.fill.cells[first] as number) + 1;
    expect(target.host.cell(source.fill.sheetName, second)).toMatchObject({ value });
    const imported = items.find((i) => i.outcome === "imported")!;
    expect(imported.messageVi).toContain(`Ô ${typedAt} trang`);
    expect(imported.messageVi).toContain(`đã nhập giá trị ${value} vào ô ${second}, không nhập công thức.`);
    expect(imported.messageEn).toContain(`its value ${value} was imported into ${second}, not the formula.`);
  });
});

describe("importReturnedTabs: many files", () => {
  it("a file that cannot be read is refused and one that is no spreadsheet skipped; the others import; progress per file", async () => {
    const fromFile = await returnedFile();
    const target = await excelWorkbook();
    const progress: string[] = [];
    const opened: string[] = [];
    const open = (name: string, reader: () => Promise<WorkbookReader>) => ({
      file: `/thu-muc/${name}`,
      open: async () => {
        opened.push(name);
        return reader();
      },
    });
    const items = await importReturnedTabs(
      target.port,
      [
        open("hỏng.xls", async () => {
          throw new UnreadableFileError("hỏng.xls", "tệp bị hỏng", "the file is damaged");
        }),
        open("ghi-chu.docx", async () => {
          throw new NotASpreadsheetError("ghi-chu.docx", "tài liệu Word", "a Word document");
        }),
        open("to-1.xlsx", async () => fromFile.port),
      ],
      { force: false, onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.file} [${opened.length}]`) },
    );
    // Each file is opened when its turn comes, after its progress step.
    expect(progress).toEqual(["0/3 hỏng.xls [0]", "1/3 ghi-chu.docx [1]", "2/3 to-1.xlsx [2]", "3/3  [3]"]);
    expect(items.find((i) => i.file === "hỏng.xls")).toMatchObject({
      outcome: "refused",
      messageVi: "Không đọc được tệp: tệp bị hỏng",
    });
    expect(items.find((i) => i.file === "ghi-chu.docx")).toMatchObject({
      outcome: "skipped",
      messageEn: "Not a spreadsheet (a Word document); skipped.",
    });
    expect(items.filter((i) => i.outcome === "imported").map((i) => i.file)).toEqual(["to-1.xlsx"]);
    expect(outcomesByFile(items).map((f) => [f.file, f.outcome])).toEqual([
      ["hỏng.xls", "refused"],
      ["ghi-chu.docx", "skipped"],
      ["to-1.xlsx", "imported"],
    ]);
    expect(target.host.cell(fromFile.fill.sheetName, Object.keys(fromFile.fill.cells)[0]).value).toBe(
      Object.values(fromFile.fill.cells)[0],
    );
  });

  it("the same unit in two files: the same figures come in once; different figures come in from neither", async () => {
    const a = await returnedExcel();
    const b = await returnedExcel();
    const target = await excelWorkbook();
    const same = await importReturnedTabs(
      target.port,
      [
        { file: "lan-1.xlsx", open: async () => a.port },
        { file: "lan-2.xlsx", open: async () => b.port },
      ],
      { force: false },
    );
    const mine = (items: ImportItem[]) => items.filter((i) => i.unit === a.fill.unit);
    expect(mine(same).map((i) => [i.file, i.outcome])).toEqual([
      ["lan-2.xlsx", "skipped"],
      ["lan-1.xlsx", "imported"],
    ]);
    expect(mine(same)[0].messageVi).toBe(
      `Trang của ${a.fill.unit} giống trong tệp lan-1.xlsx; chỉ nhập một lần.`,
    );

    const [address] = Object.values(a.fill.indicatorCells);
    b.host.setCellByUser(b.fill.sheetName, address, 999);
    const fresh = await excelWorkbook();
    const before = fresh.host.values(a.fill.sheetName);
    const differ = await importReturnedTabs(
      fresh.port,
      [
        { file: "lan-1.xlsx", open: async () => a.port },
        { file: "lan-2.xlsx", open: async () => b.port },
      ],
      { force: false },
    );
    expect(mine(differ).map((i) => [i.file, i.outcome])).toEqual([
      ["lan-1.xlsx", "refused"],
      ["lan-2.xlsx", "refused"],
    ]);
    expect(mine(differ)[0].messageVi).toBe(
      `Số liệu của ${a.fill.unit} có trong 2 tệp khác nhau (lan-1.xlsx, lan-2.xlsx); không nhập tệp nào. Hãy nhập riêng tệp đúng.`,
    );
    expect(fresh.host.values(a.fill.sheetName)).toEqual(before);
  });
});
