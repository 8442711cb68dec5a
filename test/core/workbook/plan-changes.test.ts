import {
  buildWorkbookLayout,
  codeRowsOf,
  completeState,
  planWorkbookChanges,
  type PlanChangesInput,
} from "../../../src/core/workbook/plan-changes";
import { parseState } from "../../../src/core/state/serialize-state";
import type { WorkbookState } from "../../../src/core/state/types";
import type { Plan } from "../../../src/core/plan/types";
import type { Indicator } from "../../../src/core/workbook/indicators";
import { defaultIndicators } from "../../../src/core/workbook/indicator-catalogue";
import { generatePlan } from "../../../src/core/workbook/generate-plan";
import { isLegalSheetName, sheetNameKey } from "../../../src/core/workbook/sheet-names";
import { adr, parseRange } from "../../../src/core/workbook/address";
import {
  FIELD_VALUE_COLUMN,
  FOOTER_CODES,
  INDICATOR_COLUMNS,
  INFO_CODES,
  MARKERS,
  TASK_COLUMNS,
  unitKeyValue,
} from "../../../src/core/workbook/unit-tab-schema";
import { insertRow, seedPlan, seedTasks } from "./fixtures";
import { FakeWorkbook } from "./fake-workbook";

const PLAN_ID = "p42";

function covers(ranges: string[], address: string): boolean {
  const a = parseRange(address).start;
  return ranges.some((r) => {
    const rr = parseRange(r);
    return (
      a.row >= rr.start.row && a.row <= rr.end.row && a.column >= rr.start.column && a.column <= rr.end.column
    );
  });
}

/** One "Tạo sổ"/"Cập nhật sổ" run against the fake workbook, as the use-case does it. */
function run(wb: FakeWorkbook, plan: Plan, indicators: Indicator[], previous: WorkbookState | null) {
  const input: PlanChangesInput = {
    plan,
    indicators,
    previous,
    sheets: wb.info(),
    grids: wb.grids(),
    planId: PLAN_ID,
  };
  const result = planWorkbookChanges(input);
  const ids = wb.apply(result.changes);
  const done = completeState(result.state, ids);
  wb.stateXml = done.stateXml;
  return { ...result, state: done.state };
}

const seed = seedPlan();
const indicators = defaultIndicators(seed);

describe("first run (Tạo sổ)", () => {
  test("creates the tracker and one tab per unit; unrelated sheets untouched", () => {
    const wb = new FakeWorkbook();
    const other = wb.addForeign("Sheet1", { A1: "của tôi" });
    const { state, changes, notices } = run(wb, seed, indicators, null);
    expect(changes.patches.map((p) => [p.layout.key, p.layout.name, p.create, p.sheetId])).toEqual([
      ["tracker", "Kế hoạch", true, null],
      ["unit:u1", "BCH Công đoàn", true, null],
      ["unit:u2", "Tổ đảng 1", true, null],
      ["unit:u3", "Các Tổ chức đoàn thể", true, null],
    ]);
    for (const p of changes.patches) expect(p.cells).toBe(p.layout.cells);
    expect(notices).toEqual([]);
    expect(wb.snapshot(other)).toEqual({ A1: "của tôi" });
    expect(state.units.every((u) => u.sheetId !== null)).toBe(true);
    expect(parseState(wb.stateXml!)).toEqual(state);
    expect(changes.activateKey).toBe("tracker");
  });

  test("a sheet the add-in did not make is never written: names avoid it", () => {
    const wb = new FakeWorkbook();
    const foreignTracker = wb.addForeign("Kế hoạch", { A1: "x" });
    const foreignTab = wb.addForeign("to dang 1", { B2: "y" });
    const { state, changes, notices } = run(wb, seed, indicators, null);
    expect(changes.patches.some((p) => p.sheetId === foreignTracker || p.sheetId === foreignTab)).toBe(false);
    expect(state.trackerSheet.sheetName).toBe("Kế hoạch (2)");
    expect(state.units[1].sheetName).toBe("Tổ đảng 1 (2)");
    expect(notices.map((n) => n.vi)).toEqual([
      'Trang tính "Kế hoạch" đã có sẵn và không do add-in tạo; không ghi đè. Đặt tên trang là "Kế hoạch (2)".',
      'Trang tính "to dang 1" đã có sẵn và không do add-in tạo; không ghi đè. Đặt tên trang là "Tổ đảng 1 (2)".',
    ]);
    expect(wb.snapshot(foreignTracker)).toEqual({ A1: "x" });
  });
});

/** Units type into every input cell of their tabs; returns the typed addresses per sheet id. */
function typeEverything(wb: FakeWorkbook, state: WorkbookState): Map<string, Set<string>> {
  const typed = new Map<string, Set<string>>();
  for (const u of state.units) {
    const s = wb.sheet(u.sheetId!);
    const codes = codeRowsOf(s.grid);
    const set = new Set<string>();
    const type = (row: number, col: number, v: string | number) => {
      const a = adr(row, col);
      const { typeInto } = jest.requireActual("./fixtures") as typeof import("./fixtures");
      typeInto(s.grid, a, v);
      set.add(a);
    };
    for (const [code, rows] of codes) {
      const r = rows[0];
      if (code.startsWith("NV:")) {
        type(r, TASK_COLUMNS.status, "Hoàn thành");
        type(r, TASK_COLUMNS.completedOn, 44849);
        type(r, TASK_COLUMNS.result, `Kết quả của ${u.name}`);
      } else if (state.indicators.some((i) => i.code === code)) {
        type(r, INDICATOR_COLUMNS.value, 12);
        type(r, INDICATOR_COLUMNS.note, "=ghi chú");
      } else if (
        (
          [
            FOOTER_CODES.notes,
            FOOTER_CODES.reporter,
            FOOTER_CODES.reportDate,
            FOOTER_CODES.manualSubmitted,
          ] as string[]
        ).includes(code)
      ) {
        type(r, FIELD_VALUE_COLUMN, code === FOOTER_CODES.reportDate ? 44850 : "Có");
      }
    }
    typed.set(u.sheetId!, set);
  }
  return typed;
}

describe("re-run (Cập nhật sổ) never touches what units typed", () => {
  function setup() {
    const wb = new FakeWorkbook();
    const first = run(wb, seed, indicators, null);
    const typed = typeEverything(wb, first.state);
    // BCH Công đoàn inserts a row above its task row and types a line of its own there.
    const bch = wb.sheet(first.state.units[0].sheetId!);
    const taskRow = codeRowsOf(bch.grid).get("NV:III.2")![0];
    insertRow(bch.grid, taskRow);
    const shifted = new Set<string>();
    for (const a of typed.get(bch.id)!) {
      const m = /^([A-Z]+)(\d+)$/.exec(a)!;
      const row = Number(m[2]) - 1;
      shifted.add(`${m[1]}${row >= taskRow ? row + 2 : row + 1}`);
    }
    const { typeInto } = jest.requireActual("./fixtures") as typeof import("./fixtures");
    typeInto(bch.grid, adr(taskRow, 1), "Dòng tự thêm của đơn vị");
    typeInto(bch.grid, adr(taskRow, 6), "ghi thêm");
    shifted.add(adr(taskRow, 1));
    shifted.add(adr(taskRow, 6));
    typed.set(bch.id, shifted);
    return { wb, first, typed };
  }

  test("same plan again: no patch cell is a typed cell, and every typed value is unchanged", () => {
    const { wb, first, typed } = setup();
    const before = new Map(first.state.units.map((u) => [u.sheetId!, wb.snapshot(u.sheetId!)]));
    const second = run(wb, seed, indicators, first.state);
    for (const p of second.changes.patches.filter((x) => x.layout.role === "unit")) {
      expect(p.create).toBe(false);
      const addresses = new Set(Object.keys(p.cells));
      const clash = [...typed.get(p.sheetId!)!].filter((a) => addresses.has(a));
      expect(clash).toEqual([]);
      expect(Object.keys(p.layout.cells)).toEqual(Object.keys(p.cells));
      expect(p.layout.merges).toEqual([]);
    }
    for (const u of second.state.units) {
      const after = wb.snapshot(u.sheetId!);
      for (const a of typed.get(u.sheetId!)!) expect([a, after[a]]).toEqual([a, before.get(u.sheetId!)![a]]);
    }
    expect(second.state.units.map((u) => u.sheetId)).toEqual(first.state.units.map((u) => u.sheetId));
    expect(second.notices).toEqual([]);
  });

  test("an edited plan: owned cells are rewritten where the rows are now; new rows go below their block", () => {
    const { wb, first, typed } = setup();
    const plan = seedPlan({
      number: "335-KH/CB",
      tasks: [
        ...seedTasks().map((t) =>
          t.ref === "III.2" ? { ...t, text: "Nội dung nhiệm vụ đã sửa", deadline: "2022-10-18" } : t,
        ),
        {
          ...seedTasks()[1],
          ref: "III.4",
          text: "Nhiệm vụ mới",
          units: ["Ban Chấp hành Công đoàn"],
          deadline: "2022-10-20",
        },
      ],
    });
    const more = [
      ...indicators,
      {
        code: "SO_MOI",
        name: "Chỉ tiêu mới",
        unit: "cái",
        type: "integer" as const,
        aggregation: "sum" as const,
        required: false,
      },
    ];
    const bchId = first.state.units[0].sheetId!;
    const second = run(wb, plan, more, first.state);
    const patch = second.changes.patches.find((p) => p.sheetId === bchId)!;
    const clash = Object.keys(patch.cells).filter((a) => typed.get(bchId)!.has(a));
    expect(clash).toEqual([]);
    const codes = codeRowsOf(wb.sheet(bchId).grid);
    const r2 = codes.get("NV:III.2")![0];
    expect(wb.value(bchId, adr(r2, TASK_COLUMNS.text))).toBe("Nội dung nhiệm vụ đã sửa");
    expect(wb.value(bchId, adr(r2, TASK_COLUMNS.deadline))).toBe(44852);
    expect(wb.value(bchId, adr(r2, TASK_COLUMNS.status))).toBe("Hoàn thành");
    // The new task sits directly below the old one (the blank row under the block was free).
    expect(codes.get("NV:III.4")).toEqual([r2 + 1]);
    expect(wb.value(bchId, adr(r2 + 1, TASK_COLUMNS.text))).toBe("Nhiệm vụ mới");
    // The new indicator directly below the last indicator.
    const lastInd = codes.get("KINH_PHI")![0];
    expect(codes.get("SO_MOI")).toEqual([lastInd + 1]);
    const inputs = patch.layout.inputRanges;
    for (const a of [adr(r2 + 1, 4), adr(r2 + 1, 6), adr(lastInd + 1, 3), adr(lastInd + 1, 4)])
      expect([a, covers(inputs, a)]).toEqual([a, true]);
    expect(covers(inputs, adr(r2 + 1, TASK_COLUMNS.text))).toBe(false);
    expect(
      covers(
        patch.layout.validations.map((v) => v.range),
        adr(r2 + 1, TASK_COLUMNS.status),
      ),
    ).toBe(true);
    // Info rows follow the plan.
    const title = codes.get("#TIEU_DE")![0];
    expect(wb.value(bchId, adr(title, 1))).toBe(
      "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 335-KH/CB NGÀY 12/10/2022",
    );
    // The other tabs got the new indicator too, and nothing typed changed anywhere.
    for (const u of second.state.units) {
      const p = second.changes.patches.find((x) => x.sheetId === u.sheetId)!;
      expect(Object.keys(p.cells).filter((a) => typed.get(u.sheetId!)!.has(a))).toEqual([]);
      expect(codeRowsOf(wb.sheet(u.sheetId!).grid).get("SO_MOI")).toHaveLength(1);
    }
    expect(second.state.units[0].taskRefs).toEqual(["III.2", "III.4"]);
  });

  test("when the rows below a block are not empty, new rows are appended after the used range under their own marker", () => {
    const { wb, first, typed } = setup();
    const bchId = first.state.units[0].sheetId!;
    const grid = wb.sheet(bchId).grid;
    const r2 = codeRowsOf(grid).get("NV:III.2")![0];
    const { typeInto } = jest.requireActual("./fixtures") as typeof import("./fixtures");
    typeInto(grid, adr(r2 + 1, 6), "đơn vị ghi dưới bảng"); // the blank row under the task block is now used
    typed.get(bchId)!.add(adr(r2 + 1, 6));
    const usedRows = grid.values.length;
    const plan = seedPlan({
      tasks: [
        ...seedTasks(),
        { ...seedTasks()[1], ref: "III.5", text: "Nhiệm vụ bổ sung", units: ["Ban Chấp hành Công đoàn"] },
      ],
    });
    const second = run(wb, plan, indicators, first.state);
    const patch = second.changes.patches.find((p) => p.sheetId === bchId)!;
    expect(Object.keys(patch.cells).filter((a) => typed.get(bchId)!.has(a))).toEqual([]);
    const codes = codeRowsOf(wb.sheet(bchId).grid);
    expect(codes.get(MARKERS.tasks)).toEqual([expect.any(Number), usedRows + 1]);
    expect(codes.get("NV:III.5")).toEqual([usedRows + 2]);
    expect(wb.value(bchId, adr(r2 + 1, 6))).toBe("đơn vị ghi dưới bảng");
  });
});

describe("finding tabs again", () => {
  test("a renamed tab is found by its id; the tracker links to the new name", () => {
    const wb = new FakeWorkbook();
    const first = run(wb, seed, indicators, null);
    const id = first.state.units[1].sheetId!;
    wb.rename(id, "Tổ 1 (đã đổi)");
    const second = run(wb, seed, indicators, first.state);
    expect(second.state.units[1]).toMatchObject({ sheetId: id, sheetName: "Tổ 1 (đã đổi)", removed: false });
    expect(second.changes.patches.filter((p) => p.create)).toEqual([]);
    expect(second.notices.map((n) => n.en)).toEqual([
      'The sheet of "Tổ đảng tổ 1" was renamed from "Tổ đảng 1" to "Tổ 1 (đã đổi)"; it is still recognised.',
    ]);
    const tracker = wb.sheet(second.state.trackerSheet.sheetId!);
    const row = codeRowsOf(tracker.grid).get("u2")![0];
    expect(wb.value(tracker.id, adr(row, 3))).toBe("Tổ 1 (đã đổi)");
    const trackerPatch = second.changes.patches.find((p) => p.layout.key === "tracker")!;
    expect(trackerPatch.layout.cells[adr(row, 3)].link).toBe("'Tổ 1 (đã đổi)'!A1");
  });

  test("with other ids (a file opened again), tabs are found by name, then by the MA_DON_VI cell", () => {
    const wb = new FakeWorkbook();
    const first = run(wb, seed, indicators, null);
    // New host ids for every sheet; one tab also renamed.
    for (const s of wb.sheets) {
      s.id = `X${s.id}`;
      s.grid.sheetId = s.id;
    }
    const u3 = wb.sheets.find((s) => s.name === "Các Tổ chức đoàn thể")!;
    u3.name = "Đoàn thể";
    const second = run(wb, seed, indicators, first.state);
    expect(second.changes.patches.filter((p) => p.create)).toEqual([]);
    expect(second.state.units.map((u) => u.sheetId)).toEqual(first.state.units.map((u) => `X${u.sheetId}`));
    expect(second.state.units[2].sheetName).toBe("Đoàn thể");
    expect(second.state.trackerSheet.sheetId).toBe(`X${first.state.trackerSheet.sheetId}`);
    const key = codeRowsOf(u3.grid).get(INFO_CODES.unitKey)![0];
    expect(wb.value(u3.id, adr(key, FIELD_VALUE_COLUMN))).toBe(unitKeyValue("u3", PLAN_ID));
  });

  test("a tab of another plan with the same name is not taken for ours", () => {
    const wb = new FakeWorkbook();
    const first = run(wb, seed, indicators, null);
    const id = first.state.units[0].sheetId!;
    const s = wb.sheet(id);
    const r = codeRowsOf(s.grid).get(INFO_CODES.unitKey)![0];
    const { typeInto } = jest.requireActual("./fixtures") as typeof import("./fixtures");
    typeInto(s.grid, adr(r, FIELD_VALUE_COLUMN), "u1@pOTHER");
    s.id = "OTHER";
    s.grid.sheetId = "OTHER";
    const second = run(wb, seed, indicators, first.state);
    expect(second.state.units[0].sheetId).not.toBe("OTHER");
    expect(second.changes.patches.some((p) => p.sheetId === "OTHER")).toBe(false);
    expect(second.state.units[0].sheetName).toBe("BCH Công đoàn (2)");
  });

  test("a deleted tab is created again, with a notice", () => {
    const wb = new FakeWorkbook();
    const first = run(wb, seed, indicators, null);
    wb.remove(first.state.units[2].sheetId!);
    const second = run(wb, seed, indicators, first.state);
    expect(second.changes.patches.filter((p) => p.create).map((p) => p.layout.name)).toEqual([
      "Các Tổ chức đoàn thể",
    ]);
    expect(second.notices[0].vi).toBe(
      'Không thấy trang "Các Tổ chức đoàn thể" của "Các Tổ chức đoàn thể" (đã bị xoá?): tạo lại trang mới.',
    );
  });
});

describe("units that come and go", () => {
  test("a unit removed from the plan keeps its tab, is flagged, and ids are never reused", () => {
    const wb = new FakeWorkbook();
    const first = run(wb, seed, indicators, null);
    const tasks = seedTasks();
    tasks[1] = { ...tasks[1], units: ["Ban Chấp hành Công đoàn", "Chi đoàn Thanh niên"] };
    const plan = seedPlan({ tasks });
    const u2 = first.state.units[1];
    const before = wb.snapshot(u2.sheetId!);
    const second = run(wb, plan, indicators, first.state);
    expect(second.state.units.map((u) => [u.unitId, u.name, u.removed])).toEqual([
      ["u1", "Ban Chấp hành Công đoàn", false],
      ["u2", "Tổ đảng tổ 1", true],
      ["u3", "Các Tổ chức đoàn thể", false],
      ["u4", "Chi đoàn Thanh niên", false],
    ]);
    expect(second.changes.patches.some((p) => p.sheetId === u2.sheetId)).toBe(false);
    expect(wb.snapshot(u2.sheetId!)).toEqual(before);
    expect(second.state.units[1].sheetId).toBe(u2.sheetId);
    expect(second.notices).toEqual([
      {
        vi: 'Đơn vị "Tổ đảng tổ 1" không còn trong kế hoạch: trang "Tổ đảng 1" được giữ lại và đánh dấu "đã bỏ".',
        en: 'Unit "Tổ đảng tổ 1" is no longer in the plan: its sheet "Tổ đảng 1" is kept and flagged "removed".',
        sheet: "Tổ đảng 1",
      },
    ]);
    const tracker = wb.sheet(second.state.trackerSheet.sheetId!);
    expect(wb.value(tracker.id, adr(codeRowsOf(tracker.grid).get("u2")![0], 6))).toBe("Đã bỏ khỏi kế hoạch");
    // Back in the plan: same id, same tab.
    const third = run(wb, seed, indicators, second.state);
    expect(third.state.units.find((u) => u.unitId === "u2")).toMatchObject({
      removed: false,
      sheetId: u2.sheetId,
    });
    expect(buildWorkbookLayout(second.state).sheets.map((s) => s.key)).toEqual([
      "tracker",
      "unit:u1",
      "unit:u3",
      "unit:u4",
    ]);
  });

  test("the tracker is rewritten in place: stale cells cleared, tracking columns kept", () => {
    const wb = new FakeWorkbook();
    const first = run(wb, seed, indicators, null);
    const trackerId = first.state.trackerSheet.sheetId!;
    const tracker = wb.sheet(trackerId);
    const r1 = codeRowsOf(tracker.grid).get("u1")![0];
    const { typeInto } = jest.requireActual("./fixtures") as typeof import("./fixtures");
    typeInto(tracker.grid, adr(r1, 5), "16/10/2022 09:30");
    typeInto(tracker.grid, adr(r1, 6), "Đúng hạn");
    typeInto(tracker.grid, "K40", "rác");
    const second = run(wb, seedPlan({ tasks: seedTasks().slice(0, 2) }), indicators, first.state);
    const patch = second.changes.patches.find((p) => p.layout.key === "tracker")!;
    expect(patch).toMatchObject({ sheetId: trackerId, create: false, replaceAll: true });
    expect(patch.cells.K40).toEqual({ value: null });
    const row = codeRowsOf(wb.sheet(trackerId).grid).get("u1")![0];
    expect(wb.value(trackerId, adr(row, 5))).toBe("16/10/2022 09:30");
    expect(wb.value(trackerId, adr(row, 6))).toBe("Đúng hạn");
    expect(codeRowsOf(wb.sheet(trackerId).grid).has("NV:III.3")).toBe(false);
  });
});

describe("200 generated units", () => {
  test("first run: 200 tabs with unique legal names; a re-run after typing writes no typed cell", () => {
    const plan = generatePlan(200);
    const inds = defaultIndicators(plan);
    const wb = new FakeWorkbook();
    wb.addForeign("Sheet1");
    const first = run(wb, plan, inds, null);
    const unitPatches = first.changes.patches.filter((p) => p.layout.role === "unit");
    expect(unitPatches).toHaveLength(200);
    const names = first.state.units.map((u) => u.sheetName);
    expect(names.every(isLegalSheetName)).toBe(true);
    expect(new Set([...names, "Sheet1", "Kế hoạch"].map(sheetNameKey)).size).toBe(202);
    const typed = typeEverything(wb, first.state);
    const second = run(wb, plan, inds, first.state);
    expect(second.changes.patches.filter((p) => p.create)).toEqual([]);
    for (const p of second.changes.patches.filter((x) => x.layout.role === "unit"))
      expect(Object.keys(p.cells).filter((a) => typed.get(p.sheetId!)!.has(a))).toEqual([]);
  });
});
