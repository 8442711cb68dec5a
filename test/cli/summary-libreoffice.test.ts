/**
 * A real spreadsheet engine agrees with the core: LibreOffice opens the summarised .xlsx (recalculating
 * every formula on load), and every formula cell of the workbook evaluates to the cached value the core
 * computed — the unit figures linked to the units' cells and the totals — on the seed and on 100 units.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { summaryCommand, type SummaryJson } from "../../src/cli/commands/summary";
import { withGroupMembers } from "../../src/cli/demo";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { adr } from "../../src/core/workbook/address";
import { generatePlan } from "../../src/core/workbook/generate-plan";
import { openWorkbookFile, saveWorkbook } from "../../src/file/workbook-file";
import { ensureLibreOffice, tempDir, xlsxToCsvSheets } from "../support/libreoffice";
import { captureIo, fileWorkbookWithFigures, SUMMARY_AT } from "./summary-support";

const SEED = join(__dirname, "../../examples/334-KH-CB.txt");

/** The engine's text for a cached value: numbers unformatted (full precision), text as is. */
function same(engine: string, cached: unknown): boolean {
  if (typeof cached === "number")
    return engine !== "" && Math.abs(Number(engine) - cached) <= 1e-9 * Math.max(1, Math.abs(cached));
  if (cached === null || cached === undefined || cached === "") return engine === "";
  return engine === String(cached);
}

describe("LibreOffice recalculates every formula of the summary to the core's values", () => {
  beforeAll(() => ensureLibreOffice());

  it.each([
    ["seed plan", () => withGroupMembers(parsePlan(readFileSync(SEED, "utf8"))), SUMMARY_AT, false],
    ["100 units", () => generatePlan(100), "2022-10-29T10:00:00+07:00", false],
    [
      "seed plan, a unit types a negative figure (an error: left out of the totals)",
      () => withGroupMembers(parsePlan(readFileSync(SEED, "utf8"))),
      SUMMARY_AT,
      true,
    ],
  ])("%s", async (_name, makePlan, now, negative) => {
    const dir = tempDir("lo-recalc-");
    const { path, port: filled, fills } = await fileWorkbookWithFigures(makePlan(), dir, "so.xlsx");
    if (negative) {
      const first = fills[0];
      filled.typeValues(first.sheetId, { [Object.values(first.indicatorCells)[0]]: -4 });
      await saveWorkbook(filled, path);
    }
    const out = join(dir, "tong-hop.xlsx");
    const io = captureIo();
    await summaryCommand([path, "--now", now, "-o", out, "--json"], io);
    const json = JSON.parse(io.out.join("")) as SummaryJson;
    if (negative) {
      const code = Object.keys(fills[0].indicatorCells)[0];
      expect(json.excluded).toEqual([
        expect.objectContaining({
          sheet: fills[0].sheetName,
          cell: fills[0].indicatorCells[code],
          typed: -4,
        }),
        expect.objectContaining({ typed: "nhiều" }), // the sample's mistake
      ]);
      expect(json.units[0].values[code]).toBeNull();
      const counted = json.units.map((u) => u.values[code]).filter((v): v is number => typeof v === "number");
      expect(json.totals[code]).toBe(counted.reduce((a, b) => a + b, 0));
    } else expect(json.excluded.length).toBeLessThanOrEqual(1); // the sample's one "nhiều"

    const port = await openWorkbookFile(out);
    const overview = await port.readOverview();
    const grids = await port.readGrids(overview.sheets.map((s) => s.id));
    const formulaCells = grids.flatMap((g) =>
      g.formulas.flatMap((row, i) =>
        row.flatMap((f, j) =>
          typeof f === "string" && f.startsWith("=")
            ? [
                {
                  sheet: g.name,
                  row: g.origin.row + i,
                  column: g.origin.column + j,
                  formula: f,
                  cached: g.values[i][j],
                },
              ]
            : [],
        ),
      ),
    );
    // The summary links every unit figure and totals each indicator: many formulas, on the summary sheet.
    expect(formulaCells.filter((c) => c.sheet === "Tổng hợp").length).toBeGreaterThan(20);

    const csv = xlsxToCsvSheets(out, [...new Set(formulaCells.map((c) => c.sheet))]);
    const wrong = formulaCells
      .map((c) => ({ ...c, engine: csv.get(c.sheet)?.[c.row]?.[c.column] ?? "" }))
      .filter((c) => !same(c.engine, c.cached))
      .map(
        (c) =>
          `'${c.sheet}'!${adr(c.row, c.column)} ${c.formula}: LibreOffice "${c.engine}", core ${JSON.stringify(c.cached)}`,
      );
    expect(wrong).toEqual([]);
  });

  it("LibreOffice really recalculates: a wrong cached value does not survive (the check can fail)", async () => {
    const dir = tempDir("lo-recalc-neg-");
    const { path } = await fileWorkbookWithFigures(generatePlan(4), dir, "so.xlsx");
    const out = join(dir, "tong-hop.xlsx");
    await summaryCommand([path, "--now", "2022-10-29T10:00:00+07:00", "-o", out], captureIo());
    const port = await openWorkbookFile(out);
    const ws = port.workbook.getWorksheet("Tổng hợp")!;
    let tampered: { row: number; column: number; result: number } | null = null;
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = cell.value as { formula?: string; result?: unknown };
        if (!tampered && v && typeof v === "object" && v.formula && typeof v.result === "number") {
          cell.value = { formula: v.formula, result: v.result + 1 };
          tampered = { row: r - 1, column: c - 1, result: v.result + 1 };
        }
      }),
    );
    expect(tampered).not.toBeNull();
    await saveWorkbook(port, out);
    const csv = xlsxToCsvSheets(out, ["Tổng hợp"]);
    const t = tampered!;
    expect(same(csv.get("Tổng hợp")![t.row][t.column], t.result)).toBe(false);
  });
});
