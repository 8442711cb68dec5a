import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import { serializeState, parseState } from "../../src/core/state/serialize-state";
import {
  extractSecretaryText,
  guardedLink,
  SUMMARY_CODES,
} from "../../src/core/summary/build-summary-layout";
import type { WorkbookState, UnitLink } from "../../src/core/state/types";
import type { SheetGrid } from "../../src/core/workbook/grid";
import {
  MemoryPort,
  NOW,
  seedScenario,
  seedState,
  unitTabGrid,
  setCell,
} from "../core/collect/grid-fixtures";

function trackerGrid(state: WorkbookState): SheetGrid {
  const values = [
    ["#TIEU_DE", "KẾ HOẠCH"],
    [null, null],
    ["#DON_VI", "Đơn vị"],
    ...state.units.map((u) => [u.unitId, null, u.name]),
  ];
  return { sheetId: "s-tracker", name: "Theo dõi", origin: { row: 0, column: 0 }, values, formulas: values };
}

function portFor(state: WorkbookState, grids: SheetGrid[]): MemoryPort {
  const port = new MemoryPort();
  port.addGrid(trackerGrid(state));
  for (const g of grids) port.addGrid(g);
  port.stateXml = serializeState(state);
  return port;
}

function manyUnits(n: number): { state: WorkbookState; grids: SheetGrid[] } {
  const base = seedState();
  const units: UnitLink[] = Array.from({ length: n }, (_, i) => ({
    unitId: `u${i + 1}`,
    name: `Tổ đảng số ${i + 1}`,
    group: null,
    sheetId: `s-u${i + 1}`,
    sheetName: `Tổ ${i + 1}`,
    taskRefs: ["III.2"],
    deadline: "2022-10-16",
    removed: false,
  }));
  const state = { ...base, units };
  const grids = units.map((u, i) =>
    unitTabGrid(state, u, { values: { SO_BUOI: i % 5, SO_LUOT: 10 * i, KINH_PHI: 1000 * i } }),
  );
  return { state, grids };
}

describe("collectAndSummarise on the seed", () => {
  test("cold: 3 round trips, hand-computed totals, findings with cells, statuses, tracker and state written", async () => {
    const { state, grids } = seedScenario();
    const port = portFor(state, grids);
    const r = await collectAndSummarise(port, { now: NOW });
    expect(r.roundTrips).toBe(3);
    expect(port.roundTrips).toBe(3);
    expect(r.totals.SO_BUOI.value).toBe(15);
    expect(r.totals.SO_LUOT.value).toBe(1319);
    expect(r.totals.KINH_PHI.value).toBe(4000000);
    expect(r.findings.map((f) => `${f.sheet}!${f.cell} ${f.kind}`)).toEqual(["Tổ 1!D14 TEXT_IN_NUMBER"]);
    expect(r.tracking.units.map((u) => u.status)).toEqual(["dung-han", "tre-han", "chua-nop"]);
    expect(r.tracking.rates).toMatchObject({ expected: 3, submitted: 2, onTime: 1, late: 1, missing: 1 });
    const summary = port.gridByName("Tổng hợp");
    const flat = summary.formulas.flat();
    expect(flat).toContain(`=${guardedLink("'BCH CĐ'!D14")}`);
    const saved = parseState(port.stateXml!);
    expect(saved.summarisedAt).toBe("2022-10-17T10:00:00+07:00");
    const tracker = port.gridByName("Theo dõi");
    expect(
      tracker.values.flat().filter((v) => typeof v === "string" && /Đúng hạn|Trễ hạn|Chưa nộp/.test(v)),
    ).toHaveLength(3);
  });

  test("warm: 2 round trips with the sheet ids from the previous run", async () => {
    const { state, grids } = seedScenario();
    const port = portFor(state, grids);
    const first = await collectAndSummarise(port, { now: NOW });
    port.roundTrips = 0;
    const second = await collectAndSummarise(port, { now: NOW, knownSheetIds: first.sheetIds });
    expect(second.roundTrips).toBe(2);
    expect(port.roundTrips).toBe(2);
    expect(second.totals.SO_BUOI.value).toBe(15);
  });

  test("re-running keeps section V text and every unit cell unchanged", async () => {
    const { state, grids } = seedScenario();
    const port = portFor(state, grids);
    await collectAndSummarise(port, { now: NOW });
    const before = grids.map((g) => JSON.stringify(port.grid(g.sheetId)));
    const summary = port.gridByName("Tổng hợp");
    const row = summary.values.findIndex((r) => r[0] === SUMMARY_CODES.directions) + 1;
    const id = [...port.sheets].find(([, s]) => s.name === "Tổng hợp")![0];
    port.sheets.get(id)!.cells.set(`B${row}`, {
      value: "Đề nghị Đảng ủy hỗ trợ kinh phí.",
      formula: "Đề nghị Đảng ủy hỗ trợ kinh phí.",
    });
    await collectAndSummarise(port, { now: new Date("2022-10-17T11:00:00+07:00") });
    expect(extractSecretaryText(port.gridByName("Tổng hợp"))).toEqual(["Đề nghị Đảng ủy hỗ trợ kinh phí."]);
    expect(grids.map((g) => JSON.stringify(port.grid(g.sheetId)))).toEqual(before);
  });

  test("a manual 'Đã nộp: Có' without a date is dated at the first summary and kept", async () => {
    const { state, grids } = seedScenario();
    grids[2] = setCell(setCell(grids[2], "D25", "Có"), "D14", 4);
    const port = portFor(state, grids);
    const r = await collectAndSummarise(port, { now: NOW });
    expect(r.tracking.units[2]).toMatchObject({
      status: "tre-han",
      manual: true,
      submittedAt: "2022-10-17T10:00:00+07:00",
    });
    const later = await collectAndSummarise(port, { now: new Date("2022-10-20T10:00:00+07:00") });
    expect(later.tracking.units[2].submittedAt).toBe("2022-10-17T10:00:00+07:00");
  });

  test.each([3, 200])("constant round trips at %i units (cold ≤ 3, warm ≤ 2)", async (n) => {
    const { state, grids } = manyUnits(n);
    const port = portFor(state, grids);
    const cold = await collectAndSummarise(port, { now: NOW });
    expect(cold.roundTrips).toBeLessThanOrEqual(3);
    const warm = await collectAndSummarise(port, { now: NOW, knownSheetIds: cold.sheetIds });
    expect(warm.roundTrips).toBeLessThanOrEqual(2);
    const expected = Array.from({ length: n }, (_, i) => i % 5).reduce((a, b) => a + b, 0);
    expect(warm.totals.SO_BUOI.value).toBe(expected === 0 ? null : expected);
  });

  test("a workbook without our state is refused with the named error", async () => {
    const port = new MemoryPort();
    await expect(collectAndSummarise(port, { now: NOW })).rejects.toMatchObject({ code: "STATE_MISSING" });
  });
});
