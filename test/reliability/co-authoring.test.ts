/**
 * Reliability corpus, co-authoring (issue 7): a remote co-author types between the add-in's read and its
 * write (the simulated host's beforeSync hook runs the edit just before the write request reaches the
 * workbook, as a remote change merged in between would). Nothing they typed may be lost.
 */
import * as fs from "fs";
import * as path from "path";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import { createHyperFormulaEvaluator } from "../../src/testing/simulated-excel/hyperformula-evaluator";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { createWorkbook } from "../../src/app/create-workbook";
import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import type { WorkbookPort } from "../../src/app/workbook-port";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import type { Indicator } from "../../src/core/workbook/indicators";
import type { WorkbookState } from "../../src/core/state/types";
import { SUMMARY_CODES, extractSecretaryText } from "../../src/core/summary/build-summary-layout";
import { adr, parseAddress } from "../../src/core/workbook/address";
import { INDICATOR_COLUMNS, FIELD_VALUE_COLUMN } from "../../src/core/workbook/unit-tab-schema";

const NOW = new Date("2022-10-17T10:00:00+07:00");
const SEED = parsePlan(fs.readFileSync(path.join(__dirname, "../fixtures/plans/seed-334-KH-CB.txt"), "utf8"));

interface Bench {
  host: SimulatedExcelHost;
  port: WorkbookPort;
  state: WorkbookState;
  indicators: Indicator[];
}

async function bench(): Promise<Bench> {
  const host = new SimulatedExcelHost({ evaluator: createHyperFormulaEvaluator() });
  const port = createOfficeWorkbookPort(host.runner, {
    isSetSupported: (v) => host.isSetSupported("ExcelApi", v),
  });
  const indicators = defaultIndicators(SEED);
  const r = await createWorkbook(port, { plan: SEED, indicators, planId: "p0000000000000334" });
  return { host, port, state: r.state, indicators };
}

/** 0-based row of `code` in column A of a sheet. */
function rowOf(host: SimulatedExcelHost, sheetId: string, code: string, nth = 0): number {
  const s = host.model.findSheet(sheetId)!;
  const rows = [...s.cells]
    .filter(([k, c]) => k.endsWith(",0") && c.value === code)
    .map(([k]) => Number(k.split(",")[0]))
    .sort((a, b) => a - b);
  if (rows[nth] === undefined) throw new Error(`no row ${code} on ${s.name}`);
  return rows[nth];
}

function valueCell(host: SimulatedExcelHost, sheetId: string, code: string): string {
  return adr(rowOf(host, sheetId, code), INDICATOR_COLUMNS.value);
}

/** Run `edit` once, just before the n-th sync from now reaches the workbook. */
function atSync(host: SimulatedExcelHost, n: number, edit: () => void): () => void {
  const at = host.syncCount + n;
  let done = false;
  return host.beforeSync((_h, index) => {
    if (done || index !== at) return;
    done = true;
    edit();
  });
}

describe("a co-author types between the summary's read and its write", () => {
  test("into a unit tab: the cell is kept, the summary's live formula shows it, the next run reports it", async () => {
    const b = await bench();
    const [u1, u2] = b.state.units;
    const code = b.indicators[0].code;
    b.host.setCellByUser(u1.sheetId!, valueCell(b.host, u1.sheetId!, code), 3);
    b.host.setCellByUser(u2.sheetId!, valueCell(b.host, u2.sheetId!, code), 4);
    const remote = valueCell(b.host, u2.sheetId!, code);
    // Cold summary: 1 overview, 2 grids, 3 write. The co-author changes 4 → 9 after our read.
    atSync(b.host, 3, () => b.host.setCellByUser(u2.sheetId!, remote, 9));
    const first = await collectAndSummarise(b.port, { now: NOW });
    expect(first.totals[code].value).toBe(7);
    expect(b.host.cell(u2.sheetId!, remote)).toMatchObject({ value: 9 });
    expect(b.host.cell(u2.sheetId!, remote).formula).toBeUndefined();
    // The summary links the unit's cell, so the sheet already shows 9 and a total of 12.
    const summaryId = first.state.summarySheet!.sheetId!;
    const table = rowOf(b.host, summaryId, `${SUMMARY_CODES.table}figures`);
    expect(b.host.cell(summaryId, adr(table + 2, 3))).toMatchObject({ value: 9 });
    expect(b.host.cell(summaryId, adr(table + 1 + first.submissions.length, 3))).toMatchObject({ value: 12 });
    const next = await collectAndSummarise(b.port, { now: NOW });
    expect(next.totals[code].value).toBe(12);
    expect(next.submissions[1].values[code]).toMatchObject({ value: 9, cell: remote });
  });

  test("a figure the summary cannot link (text in a number cell) shows the read value until the next run", async () => {
    const b = await bench();
    const [u1] = b.state.units;
    const code = b.indicators[0].code;
    const at = valueCell(b.host, u1.sheetId!, code);
    b.host.setCellByUser(u1.sheetId!, at, "12 buổi");
    atSync(b.host, 3, () => b.host.setCellByUser(u1.sheetId!, at, "15 buổi"));
    const first = await collectAndSummarise(b.port, { now: NOW });
    expect(first.totals[code].value).toBe(12);
    expect(b.host.cell(u1.sheetId!, at)).toMatchObject({ value: "15 buổi" });
    const next = await collectAndSummarise(b.port, { now: NOW });
    expect(next.totals[code].value).toBe(15);
  });

  // Was a known limit: the summary write rewrote every line of section V from what it read, so a line
  // typed between the read and the write was overwritten. Section V's rows are now left out of the write
  // while the section stays where it was.
  test("into section V of the summary while it is rewritten: the co-author's line is kept", async () => {
    const b = await bench();
    const first = await collectAndSummarise(b.port, { now: NOW });
    const summaryId = first.state.summarySheet!.sheetId!;
    // The prompt sits in the first line of section V; the co-author types in the second one.
    const line = adr(rowOf(b.host, summaryId, SUMMARY_CODES.directions, 1), 1);
    atSync(b.host, 2, () => b.host.setCellByUser(summaryId, line, "Đề nghị Đảng ủy cấp kinh phí."));
    await collectAndSummarise(b.port, { now: NOW, knownSheetIds: first.sheetIds });
    const grid = (await b.port.readGrids([summaryId]))[0];
    expect(extractSecretaryText(grid)).toEqual(["Đề nghị Đảng ủy cấp kinh phí."]);
  });
});

describe("a unit types between the secretary's read and write of 'Cập nhật sổ'", () => {
  test("figures, notes and footer typed meanwhile are all kept", async () => {
    const b = await bench();
    const [u1, u2] = b.state.units;
    const code = b.indicators[1].code;
    const typed: [string, string, string | number][] = [
      [u1.sheetId!, valueCell(b.host, u1.sheetId!, code), 85],
      [
        u1.sheetId!,
        adr(rowOf(b.host, u1.sheetId!, code), INDICATOR_COLUMNS.note),
        "Ghi chú: số liệu tạm tính",
      ],
      [u2.sheetId!, adr(rowOf(b.host, u2.sheetId!, "NGUOI_BAO_CAO"), FIELD_VALUE_COLUMN), "Nguyễn Thị Lan"],
    ];
    // Re-run: 1 overview, 2 grids, 3 write.
    atSync(b.host, 3, () => typed.forEach(([id, a, v]) => b.host.setCellByUser(id, a, v)));
    await createWorkbook(b.port, { plan: SEED, indicators: b.indicators });
    for (const [id, a, v] of typed) expect(b.host.cell(id, a)).toMatchObject({ value: v });
  });

  // Was a known limit: a new indicator row goes into the first empty row under the table as it was read, and
  // text typed there in the meantime (in a tab the unit unprotected) was overwritten. The write now reads
  // those rows in the same request; on a conflict the typed text is put back and the row placed below it.
  test("with a new indicator: text typed meanwhile in the empty row under the table is kept", async () => {
    const b = await bench();
    const [u1] = b.state.units;
    const last = b.indicators[b.indicators.length - 1].code;
    const under = adr(rowOf(b.host, u1.sheetId!, last) + 1, 1);
    // The row is locked: the unit first unprotects the tab (no password was set), then types.
    b.host.model.findSheet(u1.sheetId!)!.protection = { protected: false, password: null, options: {} };
    atSync(b.host, 3, () => b.host.setCellByUser(u1.sheetId!, under, "Ghi chú riêng của đơn vị"));
    const added: Indicator = {
      code: "SO_HOI_THI",
      name: "Số hội thi",
      unit: "hội thi",
      type: "integer",
      aggregation: "sum",
      required: false,
    };
    await createWorkbook(b.port, { plan: SEED, indicators: [...b.indicators, added] });
    expect(b.host.cell(u1.sheetId!, under)).toMatchObject({ value: "Ghi chú riêng của đơn vị" });
    // The typed row holds only what was typed; the new indicator went below it, and the other tabs got it too.
    const typedRow = parseAddress(under).row + 1;
    const leftInRow = Object.entries(b.host.values(u1.sheetId!)).filter(
      ([a, v]) => parseAddress(a).row + 1 === typedRow && v !== null && v !== "",
    );
    expect(leftInRow).toEqual([[under, "Ghi chú riêng của đơn vị"]]);
    expect(rowOf(b.host, u1.sheetId!, added.code)).toBeGreaterThan(typedRow - 1);
    for (const u of b.state.units.slice(1)) expect(() => rowOf(b.host, u.sheetId!, added.code)).not.toThrow();
    const collected = await collectAndSummarise(b.port, { now: NOW });
    expect(
      collected.findings.filter(
        (f) => f.severity === "error" && f.sheet === b.host.model.findSheet(u1.sheetId!)!.name,
      ),
    ).toEqual([]);
  });
});
