import { readFileSync } from "fs";
import { createWorkbook } from "../../src/app/create-workbook";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { parseState } from "../../src/core/state/serialize-state";
import { STATE_NAMESPACE, type WorkbookState } from "../../src/core/state/types";
import { adr, parseRange } from "../../src/core/workbook/address";
import { generatePlan } from "../../src/core/workbook/generate-plan";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import type { CellSpec, SheetLayout } from "../../src/core/workbook/model";
import { buildWorkbookLayout } from "../../src/core/workbook/plan-changes";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { SimulatedExcelHost, type CellSnapshot } from "../../src/testing/simulated-excel";

const LIMIT = 5 * 1024 * 1024;
const SEED = readFileSync(`${__dirname}/../fixtures/plans/seed-334-KH-CB.txt`, "utf8");
const NOW = new Date("2022-10-13T08:00:00+07:00");

const ports = new WeakMap<SimulatedExcelHost, ReturnType<typeof createOfficeWorkbookPort>>();

/** The pane's port on this workbook: one per pane session, as office-host.ts makes it. */
function portOn(host: SimulatedExcelHost) {
  let port = ports.get(host);
  if (!port) {
    port = createOfficeWorkbookPort(host.runner, {
      isSetSupported: (v) => host.isSetSupported("ExcelApi", v),
    });
    ports.set(host, port);
  }
  return port;
}

function storedState(host: SimulatedExcelHost): WorkbookState {
  const parts = host.snapshot().parts.filter((p) => p.namespaceUri === STATE_NAMESPACE);
  expect(parts).toHaveLength(1);
  return parseState(parts[0].xml);
}

/** What the host must hold for one layout cell written through Range.formulas. */
function expectedValue(spec: CellSpec): unknown {
  if (spec.formula !== undefined) return null; // no evaluator: formula cells read as null
  return spec.value === null || spec.value === undefined ? "" : spec.value;
}

/** Every cell of every layout sheet equals the model, and the sheet holds no other content. */
function expectSheetsMatchModel(host: SimulatedExcelHost, layouts: SheetLayout[]): void {
  const snap = host.snapshot();
  for (const layout of layouts) {
    const sheet = snap.sheets.find((s) => s.name === layout.name);
    expect(sheet).toBeDefined();
    const mismatches: string[] = [];
    for (const [address, spec] of Object.entries(layout.cells)) {
      const cell: CellSnapshot = sheet!.cells[address] ?? { value: "" };
      if (cell.value !== expectedValue(spec))
        mismatches.push(
          `${layout.name}!${address}: ${JSON.stringify(cell.value)} ≠ ${JSON.stringify(expectedValue(spec))}`,
        );
      if (spec.formula !== undefined && cell.formula !== `=${spec.formula}`)
        mismatches.push(`${layout.name}!${address}: formula ${cell.formula}`);
      if (spec.style?.numberFormat && cell.numberFormat !== spec.style.numberFormat)
        mismatches.push(`${layout.name}!${address}: format ${cell.numberFormat}`);
    }
    for (const [address, cell] of Object.entries(sheet!.cells)) {
      if ((cell.value !== "" || cell.formula) && !(address in layout.cells))
        mismatches.push(`${layout.name}!${address}: stray ${JSON.stringify(cell.value)}`);
    }
    expect(mismatches).toEqual([]);
    expect(sheet!.merges.sort()).toEqual(layout.merges.filter((m) => m.includes(":")).sort());
    expect(sheet!.protected).toBe(layout.protection.protect);
    for (const r of layout.inputRanges) {
      const b = parseRange(r);
      for (let i = b.start.row; i <= b.end.row; i++)
        for (let j = b.start.column; j <= b.end.column; j++)
          expect(sheet!.cells[adr(i, j)]?.locked).toBe(false);
    }
  }
}

/** Every input cell of every unit tab, with something a person might type. */
function inputCells(layouts: SheetLayout[]): { sheet: string; address: string; input: string | number }[] {
  const out: { sheet: string; address: string; input: string | number }[] = [];
  for (const layout of layouts.filter((l) => l.role === "unit")) {
    let n = 0;
    for (const r of layout.inputRanges) {
      const b = parseRange(r);
      for (let i = b.start.row; i <= b.end.row; i++) {
        for (let j = b.start.column; j <= b.end.column; j++) {
          const address = adr(i, j);
          const list = layout.validations.find((v) => {
            const vb = parseRange(v.range);
            return i >= vb.start.row && i <= vb.end.row && j >= vb.start.column && j <= vb.end.column;
          })?.list;
          n++;
          out.push({
            sheet: layout.name,
            address,
            input: list ? list[n % list.length] : n % 3 === 0 ? `ghi chú ${n}: =SUM(A1)` : n * 7,
          });
        }
      }
    }
  }
  return out;
}

describe("createWorkbook on the simulated Excel host", () => {
  it("creates the seed workbook in ≤ 3 syncs, every cell as the model says, an unrelated sheet untouched", async () => {
    const host = new SimulatedExcelHost({ sheets: ["Số liệu riêng"] });
    host.setCellByUser("Số liệu riêng", "B2", "không do add-in tạo");
    const before = host.snapshot().sheets[0];
    const plan = parsePlan(SEED);
    const result = await createWorkbook(portOn(host), {
      plan,
      indicators: defaultIndicators(plan),
      now: NOW,
    });

    expect(result.roundTrips).toBeLessThanOrEqual(3);
    expect(host.syncCount).toBe(result.roundTrips);
    expect(host.maxRequestBytes).toBeLessThan(LIMIT);
    const snap = host.snapshot();
    expect(snap.sheets[0]).toEqual(before);
    expect(snap.sheets.map((s) => s.name)).toEqual([
      "Số liệu riêng",
      "Kế hoạch",
      ...result.state.units.map((u) => u.sheetName),
    ]);
    expect(result.state.units.map((u) => u.name)).toEqual([
      "Ban Chấp hành Công đoàn",
      "Tổ đảng tổ 1",
      "Các Tổ chức đoàn thể",
    ]);
    expectSheetsMatchModel(host, buildWorkbookLayout(result.state).sheets);
    // The stored state links every tab by its host id.
    const stored = storedState(host);
    for (const u of stored.units) expect(u.sheetId).toBe(host.sheetId(u.sheetName));
    expect(stored.trackerSheet.sheetId).toBe(host.sheetId("Kế hoạch"));
  });

  it("re-running after units typed figures changes none of them, and finds a renamed tab", async () => {
    const host = new SimulatedExcelHost();
    const plan = parsePlan(SEED);
    const indicators = defaultIndicators(plan);
    const first = await createWorkbook(portOn(host), { plan, indicators, now: NOW });
    const typed = inputCells(buildWorkbookLayout(first.state).sheets);
    expect(typed.length).toBeGreaterThan(20);
    for (const t of typed) host.setCellByUser(t.sheet, t.address, t.input);
    const firstUnit = first.state.units[0];
    host.renameSheet(firstUnit.sheetName, "BCH CĐ (đổi tên)");
    const rename = (s: string) => (s === firstUnit.sheetName ? "BCH CĐ (đổi tên)" : s);
    const before = typed.map((t) => host.cell(rename(t.sheet), t.address));
    const sheetsBefore = host.snapshot().sheets.map((s) => s.id);

    const syncs = host.syncCount;
    const second = await createWorkbook(portOn(host), { plan, indicators, now: NOW });
    expect(second.roundTrips).toBeLessThanOrEqual(3);
    expect(host.syncCount - syncs).toBe(second.roundTrips);
    const after = typed.map((t) => host.cell(rename(t.sheet), t.address));
    expect(after).toEqual(before);
    expect(host.snapshot().sheets.map((s) => s.id)).toEqual(sheetsBefore);
    expect(second.state.units[0]).toMatchObject({
      sheetId: firstUnit.sheetId,
      sheetName: "BCH CĐ (đổi tên)",
    });
    expect(second.notices.some((n) => n.vi.includes("đổi tên"))).toBe(true);
    expect(storedState(host).units[0].sheetName).toBe("BCH CĐ (đổi tên)");
  });

  it("adds a new unit's tab on re-run in ≤ 3 syncs, and links it on the next run", async () => {
    const host = new SimulatedExcelHost();
    const plan = parsePlan(SEED);
    const indicators = defaultIndicators(plan);
    await createWorkbook(portOn(host), { plan, indicators, now: NOW });
    const more = {
      ...plan,
      tasks: [
        ...plan.tasks,
        {
          ...plan.tasks[1],
          ref: "III.9",
          units: ["Chi đoàn Thanh niên"],
          text: "Chi đoàn Thanh niên báo cáo.",
        },
      ],
    };
    const syncs = host.syncCount;
    const second = await createWorkbook(portOn(host), { plan: more, indicators, now: NOW });
    expect(second.roundTrips).toBeLessThanOrEqual(3);
    expect(host.syncCount - syncs).toBe(second.roundTrips);
    const added = second.state.units.find((u) => u.name === "Chi đoàn Thanh niên")!;
    expect(added.sheetId).toBe(host.sheetId(added.sheetName));
    host.renameSheet(added.sheetName, "CĐTN mới");
    const third = await createWorkbook(portOn(host), { plan: more, indicators, now: NOW });
    expect(third.roundTrips).toBeLessThanOrEqual(3);
    expect(third.state.units.find((u) => u.unitId === added.unitId)).toMatchObject({
      sheetId: added.sheetId,
      sheetName: "CĐTN mới",
    });
    expect(
      host.snapshot().sheets.filter((s) => s.name.startsWith("Chi đoàn") || s.name === "CĐTN mới"),
    ).toHaveLength(1);
  });

  it("creates and re-runs a 200-unit plan in ≤ 3 syncs each, no request over 5 MB, cells as the model says", async () => {
    const host = new SimulatedExcelHost({ sheets: ["Sheet1"] });
    const plan = generatePlan(200, 7);
    const indicators = defaultIndicators(plan);
    const first = await createWorkbook(portOn(host), { plan, indicators, now: NOW });
    expect(first.roundTrips).toBeLessThanOrEqual(3);
    expect(host.syncCount).toBe(first.roundTrips);
    expect(host.maxRequestBytes).toBeLessThan(LIMIT);
    expect(first.state.units.filter((u) => !u.removed)).toHaveLength(200);
    expect(host.snapshot().sheets).toHaveLength(202);
    const layouts = buildWorkbookLayout(first.state).sheets;
    expectSheetsMatchModel(host, layouts);

    const typed = inputCells(layouts).filter((_, i) => i % 5 === 0);
    for (const t of typed) host.setCellByUser(t.sheet, t.address, t.input);
    const before = typed.map((t) => host.cell(t.sheet, t.address));
    const syncs = host.syncCount;
    const second = await createWorkbook(portOn(host), { plan, indicators, now: NOW });
    expect(second.roundTrips).toBeLessThanOrEqual(3);
    expect(host.syncCount - syncs).toBe(second.roundTrips);
    expect(host.syncs.slice(syncs).every((s) => s.requestBytes < LIMIT && s.responseBytes < LIMIT)).toBe(
      true,
    );
    expect(typed.map((t) => host.cell(t.sheet, t.address))).toEqual(before);
  });

  it("refuses a workbook holding two plans, writing nothing", async () => {
    const host = new SimulatedExcelHost();
    host.addCustomXmlPart(`<state xmlns="${STATE_NAMESPACE}" version="1">{}</state>`);
    host.addCustomXmlPart(`<state xmlns="${STATE_NAMESPACE}" version="1">{}</state>`);
    const plan = parsePlan(SEED);
    await expect(
      createWorkbook(portOn(host), { plan, indicators: defaultIndicators(plan), now: NOW }),
    ).rejects.toMatchObject({
      code: "STATE_CORRUPT",
      messageEn: expect.stringContaining("two plans"),
    });
    expect(host.snapshot().sheets).toHaveLength(1);
  });
});
