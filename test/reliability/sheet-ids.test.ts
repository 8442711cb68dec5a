/**
 * Reliability corpus, sheet ids (review B1): Excel keeps a worksheet's id only within a session; another
 * session or host may number the sheets again (Excel on the web by tab position) or give new ids. The
 * workbook is created, filled and summarised, the tabs are reordered, and it is reopened (simulated host:
 * `reopen({ ids })`) in a new pane. "Tổng hợp" and "Cập nhật sổ" must still map every unit to its own tab,
 * and never write a layout into another sheet.
 */
import * as fs from "fs";
import * as path from "path";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { createWorkbook } from "../../src/app/create-workbook";
import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import { submitUnitTab } from "../../src/app/submit-unit-tab";
import { reopenUnitTab } from "../../src/app/reopen-unit-tab";
import type { WorkbookPort } from "../../src/app/workbook-port";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import type { WorkbookState } from "../../src/core/state/types";
import { adr } from "../../src/core/workbook/address";
import { FIELD_VALUE_COLUMN, INDICATOR_COLUMNS, INFO_CODES } from "../../src/core/workbook/unit-tab-schema";

const NOW = new Date("2022-10-17T10:00:00+07:00");
const SEED = parsePlan(fs.readFileSync(path.join(__dirname, "../fixtures/plans/seed-334-KH-CB.txt"), "utf8"));
const PLAN_ID = "p0000000000000334";

function paneOn(host: SimulatedExcelHost): WorkbookPort {
  return createOfficeWorkbookPort(host.runner, { isSetSupported: (v) => host.isSetSupported("ExcelApi", v) });
}

function rowOf(host: SimulatedExcelHost, sheetName: string, code: string): number {
  const s = host.model.findSheet(sheetName)!;
  return Number([...s.cells].find(([k, c]) => k.endsWith(",0") && c.value === code)![0].split(",")[0]);
}

/**
 * Created, then opened in a session that numbers sheets by position (as Excel on the web does), filled and
 * summarised there: the state records those positional ids.
 */
async function workbook(): Promise<{
  host: SimulatedExcelHost;
  state: WorkbookState;
  typed: Map<string, number>;
}> {
  const host = new SimulatedExcelHost();
  const { state } = await createWorkbook(paneOn(host), {
    plan: SEED,
    indicators: defaultIndicators(SEED),
    planId: PLAN_ID,
  });
  host.reopen({ ids: "positional" });
  const typed = new Map<string, number>();
  state.units.forEach((u, i) => {
    for (const ind of state.indicators)
      host.setCellByUser(
        u.sheetName,
        adr(rowOf(host, u.sheetName, ind.code), INDICATOR_COLUMNS.value),
        10 * (i + 1),
      );
    typed.set(u.unitId, 10 * (i + 1));
  });
  const summarised = await collectAndSummarise(paneOn(host), { now: NOW });
  expect(summarised.state.units.map((u) => u.sheetId)).toEqual(
    state.units.map((u) => host.sheetId(u.sheetName)),
  );
  return { host, state: summarised.state, typed };
}

/** Every unit tab still carries its own key and name, and its typed figure. */
function expectTabsIntact(host: SimulatedExcelHost, state: WorkbookState, typed: Map<string, number>): void {
  const code = state.indicators[0].code;
  for (const u of state.units) {
    const key = host.cell(u.sheetName, adr(rowOf(host, u.sheetName, INFO_CODES.unitKey), FIELD_VALUE_COLUMN));
    const name = host.cell(
      u.sheetName,
      adr(rowOf(host, u.sheetName, INFO_CODES.unitName), FIELD_VALUE_COLUMN),
    );
    const figure = host.cell(u.sheetName, adr(rowOf(host, u.sheetName, code), INDICATOR_COLUMNS.value));
    expect({ sheet: u.sheetName, key: key.value, name: name.value, figure: figure.value }).toEqual({
      sheet: u.sheetName,
      key: `${u.unitId}@${PLAN_ID}`,
      name: u.name,
      figure: typed.get(u.unitId),
    });
  }
}

/** The tabs reordered: the summary first, then the units backwards, then the rest. */
function reorder(host: SimulatedExcelHost, state: WorkbookState): void {
  const m = host.model;
  const move = (name: string, to: number) => m.setPosition(m.findSheet(name)!, to);
  move(state.summarySheet?.sheetName ?? "Tổng hợp", 0);
  [...state.units].reverse().forEach((u, i) => move(u.sheetName, i + 1));
}

describe("sheet ids change when the workbook is reopened", () => {
  test.each(["positional", "fresh"] as const)(
    "%s ids after the tabs were reordered: summary and 'Cập nhật sổ' map every unit to its own tab",
    async (ids) => {
      const { host, state, typed } = await workbook();
      reorder(host, state);
      host.reopen({ ids });
      const before = host.snapshot().sheets.map((s) => s.name);
      const pane = paneOn(host);

      const summary = await collectAndSummarise(pane, { now: NOW });
      const code = state.indicators[0].code;
      expect(summary.submissions.map((s) => [s.unitId, s.sheet, s.values[code].value])).toEqual(
        state.units.map((u) => [u.unitId, u.sheetName, typed.get(u.unitId)]),
      );
      expect(summary.findings.filter((f) => f.severity === "error")).toEqual([]);
      expect(summary.totals[code].value).toBe([...typed.values()].reduce((a, b) => a + b, 0));
      expectTabsIntact(host, state, typed);
      expect(host.snapshot().sheets.map((s) => s.name)).toEqual(before);

      const updated = await createWorkbook(pane, { plan: SEED, indicators: defaultIndicators(SEED) });
      expect(updated.state.units.map((u) => [u.unitId, u.sheetId])).toEqual(
        state.units.map((u) => [u.unitId, host.sheetId(u.sheetName)]),
      );
      expect(updated.notices).toEqual([]);
      expectTabsIntact(host, state, typed);
      expect(host.snapshot().sheets.map((s) => s.name)).toEqual(before);
      const again = await collectAndSummarise(pane, { now: NOW });
      expect(again.totals[code].value).toBe(summary.totals[code].value);
    },
  );

  test("submit and reopen after a positional reopen act on the unit whose tab it is", async () => {
    const { host, state, typed } = await workbook();
    reorder(host, state);
    host.reopen({ ids: "positional" });
    const pane = paneOn(host);
    const [u1, u2] = state.units;
    const r = await submitUnitTab(pane, {
      sheetId: host.sheetId(u2.sheetName),
      now: NOW,
      confirmWarnings: true,
    });
    expect(r.findings.filter((f) => f.severity === "error").map((f) => f.messageEn)).toEqual([]);
    expect(r).toMatchObject({ outcome: "submitted", unitId: u2.unitId });
    const reopened = await reopenUnitTab(pane, { unitId: u1.unitId, comment: "Kiểm tra lại", now: NOW });
    expect(reopened.sheet).toBe(u1.sheetName);
    const summary = await collectAndSummarise(pane, { now: NOW });
    expect(summary.submissions.map((s) => s.submitted)).toEqual(state.units.map((u) => u === u2));
    expect(summary.submissions[0].reopenComment).toContain("Kiểm tra lại");
    expectTabsIntact(host, state, typed);
  });
});

describe("a sheet that only has our name", () => {
  test("a sheet of the secretary's named like the summary is never written: a new summary gets a free name", async () => {
    const { host, state } = await workbook();
    const summaryName = state.summarySheet!.sheetName;
    host.deleteSheet(summaryName);
    host.addSheet(summaryName);
    host.setCellByUser(summaryName, "A1", "Sổ riêng của thư ký");
    host.setCellByUser(summaryName, "B2", 42);
    const r = await collectAndSummarise(paneOn(host), { now: NOW });
    expect(host.values(summaryName)).toEqual({ A1: "Sổ riêng của thư ký", B2: 42 });
    expect(r.state.summarySheet!.sheetName).toBe(`${summaryName} (2)`);
    expect(host.sheetId(`${summaryName} (2)`)).toBe(r.state.summarySheet!.sheetId);
  });
});
