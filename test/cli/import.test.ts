/**
 * `import`: a unit's tab edited and saved back by LibreOffice comes into the secretary's workbook (matched
 * by the MA_DON_VI cell and the plan id, not by file name); only input cells are copied; other plans,
 * unmappable tabs and submitted tabs (without --force) are refused with exit code 4.
 */
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import { createWorkbook } from "../../src/app/create-workbook";
import { importCommand } from "../../src/cli/commands/import";
import { summaryJson } from "../../src/cli/commands/summary";
import { withGroupMembers } from "../../src/cli/demo";
import { sampleFills, type UnitFill } from "../../src/cli/sample-figures";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { parseState } from "../../src/core/state/serialize-state";
import type { SheetGrid } from "../../src/core/workbook/grid";
import { adr } from "../../src/core/workbook/address";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import { generatePlan } from "../../src/core/workbook/generate-plan";
import { MARKERS } from "../../src/core/workbook/unit-tab-schema";
import { newWorkbook, openWorkbookFile, saveWorkbook } from "../../src/file/workbook-file";
import { editInLibreOffice, ensureLibreOffice, tempDir } from "../support/libreoffice";
import { captureIo, CREATED_AT, SUMMARY_AT } from "./summary-support";

const SEED = join(__dirname, "../../examples/334-KH-CB.txt");

function cellsOf(grid: SheetGrid): Map<string, unknown> {
  const m = new Map<string, unknown>();
  grid.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== "" && v !== null) m.set(adr(grid.origin.row + i, grid.origin.column + j), v);
    }),
  );
  return m;
}

async function gridsByName(path: string): Promise<Map<string, SheetGrid>> {
  const port = await openWorkbookFile(path);
  const o = await port.readOverview();
  return new Map((await port.readGrids(o.sheets.map((s) => s.id))).map((g) => [g.name, g]));
}

async function summaryOf(path: string) {
  const port = await openWorkbookFile(path);
  return summaryJson(await collectAndSummarise(port, { now: new Date(SUMMARY_AT), dryRun: true }));
}

describe("import of units' returned files", () => {
  let dir: string;
  let workbook: string;
  let fills: UnitFill[];
  let returned: string;

  beforeAll(async () => {
    ensureLibreOffice();
    dir = tempDir("import-");
    workbook = join(dir, "so-theo-doi.xlsx");
    const plan = withGroupMembers(parsePlan(readFileSync(SEED, "utf8")));
    const port = newWorkbook();
    await createWorkbook(port, { plan, indicators: defaultIndicators(plan), now: CREATED_AT });
    await saveWorkbook(port, workbook);
    const o = await port.readOverview();
    const state = parseState(o.stateXml!);
    fills = sampleFills(state, await port.readGrids(state.units.map((u) => u.sheetId!)));
    // The unit got the whole workbook by e-mail, filled its own tab in LibreOffice and saved it (new name).
    const sent = join(dir, "gui-don-vi.xlsx");
    copyFileSync(workbook, sent);
    returned = editInLibreOffice(
      sent,
      [{ sheet: fills[0].sheetName, cells: fills[0].cells }],
      join(dir, "BCH CĐ gửi lại.xlsx"),
    );
  });

  it("imports a tab edited and saved by LibreOffice: input cells only, other tabs untouched", async () => {
    const merged = join(dir, "merged.xlsx");
    const io = captureIo();
    const code = await importCommand([workbook, returned, "-o", merged], io);
    expect(io.err.join("")).not.toContain("Lỗi");
    expect(code).toBe(0);
    expect(io.out.join("")).toContain(`Đã nhập ${Object.keys(fills[0].cells).length} ô của ${fills[0].unit}`);

    const before = await gridsByName(workbook);
    const after = await gridsByName(merged);
    for (const [name, grid] of before) {
      const was = cellsOf(grid);
      const now = cellsOf(after.get(name)!);
      const expected = new Map(was);
      if (name === fills[0].sheetName)
        for (const [a, v] of Object.entries(fills[0].cells)) expected.set(a, v);
      expect({ name, cells: Object.fromEntries(now) }).toEqual({ name, cells: Object.fromEntries(expected) });
    }
    const json = await summaryOf(merged);
    const unit = json.units.find((u) => u.name === fills[0].unit)!;
    expect(unit.status).toBe("dung-han");
    for (const [code, address] of Object.entries(fills[0].indicatorCells)) {
      expect({ code, v: unit.values[code] }).toEqual({ code, v: fills[0].cells[address] ?? null });
    }
    // The other units' empty tabs in the returned copy did not wipe anything and are reported as skipped.
    expect(io.out.join("")).toContain("chưa có số liệu; bỏ qua");
    expect(json.units.filter((u) => u.status === "dung-han").map((u) => u.name)).toEqual([fills[0].unit]);
  });

  it("never overwrites a submitted tab without --force", async () => {
    const merged = join(dir, "merged-2.xlsx");
    await importCommand([workbook, returned, "-o", merged], captureIo());
    // The unit changes a figure and sends the file again.
    const again = await openWorkbookFile(returned);
    const sheetId = (await again.readOverview()).sheets.find((s) => s.name === fills[0].sheetName)!.id;
    const [code, address] = Object.entries(fills[0].indicatorCells)[0];
    again.typeValues(sheetId, { [address]: 99 });
    const second = join(dir, "gui-lai-lan-2.xlsx");
    await saveWorkbook(again, second);

    const refused = captureIo();
    expect(await importCommand([merged, second], refused)).toBe(4);
    expect(refused.out.join("")).toContain("đã nộp");
    expect(refused.out.join("")).toContain("--force");
    // The date the unit reported, as a person reads it (newcomer review L1: it said "đã nộp (2025-05-14)").
    expect(refused.out.join("")).toMatch(/đã nộp \(\d{2}\/\d{2}\/\d{4}\)/);
    expect(refused.out.join("")).not.toMatch(/\(\d{4}-\d{2}-\d{2}/);
    expect((await summaryOf(merged)).units.find((u) => u.name === fills[0].unit)!.values[code]).not.toBe(99);

    const forced = captureIo();
    expect(await importCommand([merged, second, "--force"], forced)).toBe(0);
    expect((await summaryOf(merged)).units.find((u) => u.name === fills[0].unit)!.values[code]).toBe(99);
  });

  it("refuses a file from another plan", async () => {
    const plan = generatePlan(4);
    const port = newWorkbook();
    await createWorkbook(port, { plan, indicators: defaultIndicators(plan), now: CREATED_AT });
    const other = join(dir, "ke-hoach-khac.xlsx");
    await saveWorkbook(port, other);
    const bytes = readFileSync(workbook);
    const io = captureIo();
    expect(await importCommand([workbook, other], io)).toBe(4);
    expect(io.out.join("")).toContain("kế hoạch khác");
    expect(io.out.join("")).toContain("another plan");
    expect(readFileSync(workbook).equals(bytes)).toBe(true);
  });

  it("refuses a tab whose rows cannot be mapped (codes in column A removed)", async () => {
    const port = await openWorkbookFile(returned);
    const o = await port.readOverview();
    const sheet = o.sheets.find((s) => s.name === fills[0].sheetName)!;
    const [grid] = await port.readGrids([sheet.id]);
    const wipe: Record<string, null> = {};
    grid.values.forEach((row, i) => {
      const a = row[0 - grid.origin.column];
      if (typeof a === "string" && a !== "MA_DON_VI" && a.trim() !== "")
        wipe[adr(grid.origin.row + i, 0)] = null;
    });
    expect(Object.keys(wipe).length).toBeGreaterThan(5);
    port.typeValues(sheet.id, wipe);
    const broken = join(dir, "mat-ma-dong.xlsx");
    await saveWorkbook(port, broken);
    const io = captureIo();
    expect(await importCommand([workbook, broken], io)).toBe(4);
    expect(io.out.join("")).toContain(MARKERS.indicators);
  });

  it("reports a missing file with its name (exit 1) and wrong usage (exit 2)", async () => {
    const io = captureIo();
    expect(await importCommand([workbook, join(dir, "khong-co.xlsx")], io)).toBe(1);
    expect(io.err.join("")).toContain("khong-co.xlsx");
    expect(await importCommand([workbook], captureIo())).toBe(2);
  });
});
