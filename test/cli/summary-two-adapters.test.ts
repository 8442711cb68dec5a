/**
 * One shared expectation, two adapters: init → units type the same figures → summary gives the same units,
 * statuses, totals and findings through the CLI on an .xlsx file (ExcelJS) and through the Office.js
 * adapter on the simulated Excel host — on the seed plan and on a generated 100-unit plan.
 * The expectation is computed here from what was typed, not by the core.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { initCommand } from "../../src/cli/commands/init";
import { summaryCommand, type SummaryJson } from "../../src/cli/commands/summary";
import { withGroupMembers } from "../../src/cli/demo";
import type { UnitFill } from "../../src/cli/sample-figures";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { generatePlan } from "../../src/core/workbook/generate-plan";
import { openWorkbookFile, saveWorkbook } from "../../src/file/workbook-file";
import { tempDir } from "../support/libreoffice";
import {
  captureIo,
  CREATED_AT,
  fileWorkbookWithFigures,
  fillFile,
  officeSummary,
  SUMMARY_AT,
} from "./summary-support";

const SEED = join(__dirname, "../../examples/334-KH-CB.txt");

interface Expected {
  totals: Record<string, number | null>;
  findings: { sheet: string; cell: string; severity: string }[];
  statuses: Record<string, string>;
  values: Record<string, Record<string, number | null>>;
}

/** What a person expects from the typed figures: "12 buổi" counts 12 (warning), "nhiều" counts nothing (error). */
function expectationOf(fills: UnitFill[], now: string): Expected {
  const today = now.slice(0, 10);
  const totals: Record<string, number | null> = {};
  const values: Record<string, Record<string, number | null>> = {};
  const findings: Expected["findings"] = [];
  const statuses: Record<string, string> = {};
  for (const fill of fills) {
    statuses[fill.unit] =
      fill.scenario === "missing"
        ? fill.deadline !== null && fill.deadline < today
          ? "chua-nop"
          : "chua-den-han"
        : fill.scenario === "late-text-number"
          ? "tre-han"
          : "dung-han";
    values[fill.unit] = {};
    for (const [code, address] of Object.entries(fill.indicatorCells)) {
      const typed = fill.cells[address];
      let n: number | null = null;
      if (typeof typed === "number") n = typed;
      else if (typed === "12 buổi") {
        n = 12;
        findings.push({ sheet: fill.sheetName, cell: address, severity: "warning" });
      } else if (typed === "nhiều")
        findings.push({ sheet: fill.sheetName, cell: address, severity: "error" });
      values[fill.unit][code] = n;
      if (n !== null) totals[code] = (totals[code] ?? 0) + n;
      else totals[code] ??= null;
    }
  }
  return { totals, findings: sortFindings(findings), statuses, values };
}

function sortFindings<T extends { sheet: string | null; cell: string | null }>(list: T[]): T[] {
  return [...list].sort((a, b) => `${a.sheet}!${a.cell}`.localeCompare(`${b.sheet}!${b.cell}`));
}

function check(json: SummaryJson, expected: Expected): void {
  expect(Object.fromEntries(json.units.map((u) => [u.name, u.status]))).toEqual(expected.statuses);
  for (const [code, total] of Object.entries(expected.totals))
    expect({ code, total: json.totals[code] }).toEqual({ code, total });
  for (const u of json.units) {
    for (const [code, v] of Object.entries(expected.values[u.name] ?? {})) {
      expect({ unit: u.name, code, v: u.values[code] }).toEqual({ unit: u.name, code, v });
    }
  }
  expect(sortFindings(json.findings).map(({ sheet, cell, severity }) => ({ sheet, cell, severity }))).toEqual(
    expected.findings,
  );
}

async function fileSummaryJson(
  workbook: string,
  out: string,
  now = SUMMARY_AT,
): Promise<{ code: number; json: SummaryJson }> {
  const io = captureIo();
  const code = await summaryCommand([workbook, "--now", now, "-o", out, "--json"], io);
  return { code, json: JSON.parse(io.out.join("")) as SummaryJson };
}

describe("init → summary: the CLI on an .xlsx and the Office.js path give the same result", () => {
  it("seed plan through `init` and `summary --json`", async () => {
    const dir = tempDir("cli-seed-");
    const io = captureIo();
    const workbook = join(dir, "so.xlsx");
    expect(await initCommand([SEED, "-o", workbook, "--now", CREATED_AT.toISOString()], io)).toBe(0);
    expect(io.out.join("")).toContain("Đã tạo sổ theo dõi");
    const port = await openWorkbookFile(workbook);
    const fills = await fillFile(port);
    await saveWorkbook(port, workbook);
    const before = readFileSync(workbook);

    const file = await fileSummaryJson(workbook, join(dir, "tong-hop.xlsx"));
    expect(file.code).toBe(4); // the "nhiều" error is a data error
    expect(readFileSync(workbook).equals(before)).toBe(true); // the input is never modified

    const office = await officeSummary(parsePlan(readFileSync(SEED, "utf8")));
    const expected = expectationOf(fills, SUMMARY_AT);
    expect(fills.map((f) => f.scenario)).toEqual(["on-time", "late-text-number", "mistake"]);
    check(file.json, expected);
    check(office.json, expected);
    expect(file.json).toEqual(office.json);
  });

  it.each([
    [
      "the seed plan with the group's members",
      () => withGroupMembers(parsePlan(readFileSync(SEED, "utf8"))),
      SUMMARY_AT,
    ],
    // After every deadline of the generated plan (15–25/10/2022).
    ["a generated 100-unit plan", () => generatePlan(100), "2022-10-29T10:00:00+07:00"],
  ])("%s", async (_name, makePlan, now) => {
    const plan = makePlan();
    const dir = tempDir("cli-two-");
    const { path, fills } = await fileWorkbookWithFigures(plan, dir, "so.xlsx");
    const file = await fileSummaryJson(path, join(dir, "tong-hop.xlsx"), now);
    const office = await officeSummary(plan, now);
    const expected = expectationOf(fills, now);
    expect(fills.some((f) => f.scenario === "missing")).toBe(true);
    check(file.json, expected);
    check(office.json, expected);
    expect(file.json).toEqual(office.json);
  });
});
