/**
 * The state kept in cells (the tracker's copy: issue 14), the units' events kept in their tabs and several
 * parts of one plan merged (review B2).
 */
import {
  BACKUP_CHUNK_CHARS,
  readStateBackup,
  rebuildStateFromSheets,
  stateBackupCells,
} from "../../../src/core/state/state-backup";
import {
  TAB_EVENTS_MAX_CHARS,
  formatTabEvents,
  mergeEvents,
  parseTabEvents,
  unitEvents,
} from "../../../src/core/state/tab-events";
import { mergeStates } from "../../../src/core/state/merge-states";
import type { SubmissionEvent, WorkbookState } from "../../../src/core/state/types";
import type { SheetGrid } from "../../../src/core/workbook/grid";
import type { CellSpec } from "../../../src/core/workbook/model";
import { parseAddress } from "../../../src/core/workbook/address";
import { generatePlan } from "../../../src/core/workbook/generate-plan";
import { defaultIndicators } from "../../../src/core/workbook/indicator-catalogue";
import { createState } from "../../../src/core/state/create-state";
import { seedState, seedUnits, unitTabGrid } from "../collect/grid-fixtures";

/** A grid holding these cells (A1 → spec). */
function gridOf(sheetId: string, name: string, cells: Record<string, CellSpec>): SheetGrid {
  const values: (string | number | boolean | null)[][] = [];
  for (const [a, spec] of Object.entries(cells)) {
    const { row, column } = parseAddress(a);
    while (values.length <= row) values.push([]);
    values[row][column] = (spec.value ?? null) as string | number | boolean | null;
  }
  const width = Math.max(1, ...values.map((r) => r.length));
  const rect = values.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
  return { sheetId, name, origin: { row: 0, column: 0 }, values: rect, formulas: rect };
}

const bigState = (): WorkbookState => {
  const plan = generatePlan(120);
  const s = createState(plan, defaultIndicators(plan), { planId: "p-big", existingSheetNames: [] });
  return { ...s, units: s.units.map((u, i) => ({ ...u, sheetId: `id-${i}`, password: "bí mật" })) };
};

describe("the tracker's copy of the state", () => {
  test("a large state splits into pieces under the cell limit and reads back; no password, no sheet id", () => {
    const state = bigState();
    const cells = stateBackupCells(state);
    const pieces = Object.values(cells).map((c) => String(c.value));
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(BACKUP_CHUNK_CHARS + 40);
    expect(Object.keys(cells).every((a) => a.startsWith("H"))).toBe(true);
    const read = readStateBackup(gridOf("t", "Kế hoạch", cells))!;
    expect(read.cell).toBe("H1");
    expect(read.state.plan).toEqual(state.plan);
    expect(
      read.state.units.every(
        (u) => (u as { password?: string }).password === undefined && u.sheetId === null,
      ),
    ).toBe(true);
    expect(JSON.stringify(pieces)).not.toContain("bí mật");
  });

  test("a missing piece, or pieces of two copies mixed (co-authors), give no copy", () => {
    const state = bigState();
    const cells = stateBackupCells(state);
    const missing = { ...cells };
    delete missing.H2;
    expect(readStateBackup(gridOf("t", "Kế hoạch", missing))).toBeNull();
    const other = stateBackupCells({ ...state, summarisedAt: "2022-10-17T10:00:00+07:00" });
    expect(readStateBackup(gridOf("t", "Kế hoạch", { ...cells, H2: other.H2 }))).toBeNull();
  });

  test("a shorter copy clears the pieces of the longer one it replaces", () => {
    const long = stateBackupCells(bigState());
    const short = stateBackupCells(seedState(), gridOf("t", "Kế hoạch", long));
    expect(short.H1.value).toMatch(/^#DU_LIEU_SO v1 [0-9a-f]{8} 1\/1 /);
    expect(Object.entries(short).filter(([, c]) => c.value === null).length).toBe(
      Object.keys(long).length - 1,
    );
  });

  test("rebuilt from the sheets: the copy whose plan the unit tabs carry, the tracker where the copy is", () => {
    const state = seedState();
    const other = { ...seedState(), planId: "p-other" };
    const tabs = seedUnits().map((u) => unitTabGrid(state, u));
    const rebuilt = rebuildStateFromSheets(
      [
        { id: "x", name: "Kế hoạch cũ", position: 0 },
        { id: "t", name: "Kế hoạch", position: 1 },
        ...tabs.map((g, i) => ({ id: g.sheetId, name: g.name, position: i + 2 })),
      ],
      [
        gridOf("x", "Kế hoạch cũ", stateBackupCells(other)),
        gridOf("t", "Kế hoạch", stateBackupCells(state)),
        ...tabs,
      ],
    )!;
    expect(rebuilt.state.planId).toBe(state.planId);
    expect(rebuilt.state.trackerSheet).toEqual({ sheetId: "t", sheetName: "Kế hoạch" });
    expect(rebuilt.finding).toMatchObject({
      severity: "info",
      kind: "STATE_REBUILT",
      sheet: "Kế hoạch",
      cell: "H1",
    });
    expect(
      rebuildStateFromSheets([{ id: "a", name: "A", position: 0 }], [gridOf("a", "A", { A1: { value: 1 } })]),
    ).toBeNull();
  });
});

const ev = (
  unitId: string,
  kind: SubmissionEvent["kind"],
  at: string,
  by: string | null = null,
): SubmissionEvent => ({
  unitId,
  kind,
  at,
  by,
  comment: null,
});

describe("a unit's events in its tab", () => {
  test("written and read back; unreadable text gives none; the newest kept under the cell limit", () => {
    const events = [
      ev("u1", "submit", "2022-10-16T09:30:00+07:00", "Lan"),
      ev("u1", "reopen", "2022-10-16T10:00:00+07:00"),
    ];
    expect(parseTabEvents(formatTabEvents(events), "u1")).toEqual(events);
    expect(parseTabEvents("#NHAT_KY_NOP v1 [not json", "u1")).toEqual([]);
    expect(parseTabEvents("a unit's own note", "u1")).toEqual([]);
    const many = Array.from({ length: 600 }, (_, i) =>
      ev(
        "u1",
        i % 2 ? "reopen" : "submit",
        new Date(Date.UTC(2022, 0, 1, 0, i)).toISOString(),
        "Nguyễn Văn A".repeat(3),
      ),
    );
    const text = formatTabEvents(many);
    expect(text.length).toBeLessThanOrEqual(TAB_EVENTS_MAX_CHARS);
    const kept = parseTabEvents(text, "u1");
    expect(kept.at(-1)).toEqual(many.at(-1));
    expect(kept.length).toBeLessThan(many.length);
  });

  test("the part's and the tab's events merged: each once, in time order", () => {
    const a = ev("u1", "submit", "2022-10-16T09:30:00+07:00");
    const b = ev("u1", "reopen", "2022-10-16T10:00:00+07:00");
    expect(mergeEvents([b, a], [a])).toEqual([a, b]);
    const state = seedState({ history: [a] });
    const unit = seedUnits()[0];
    const grid = unitTabGrid(state, unit);
    const stampRow = grid.values.findIndex((r) => r[0] === "XAC_NHAN_NOP");
    while (grid.values[stampRow].length < 8) grid.values[stampRow].push(null);
    grid.values[stampRow][7] = formatTabEvents([a, b]);
    expect(unitEvents(state, unit.unitId, grid)).toEqual([a, b]);
    expect(unitEvents(state, unit.unitId)).toEqual([a]);
  });
});

describe("several parts of one plan", () => {
  test("the newest wins field by field; units from every part; histories unioned; latest times", () => {
    const base = seedState();
    const older: WorkbookState = {
      ...base,
      savedAt: "2022-10-16T09:00:00+07:00",
      summarisedAt: "2022-10-16T09:00:00+07:00",
      history: [ev("u1", "manual", "2022-10-16T09:00:00+07:00")],
      units: [
        ...base.units,
        { ...base.units[0], unitId: "u9", name: "Chi đoàn mới", sheetName: "Chi đoàn mới" },
      ],
    };
    const newer: WorkbookState = {
      ...base,
      savedAt: "2022-10-16T09:05:00+07:00",
      summarisedAt: "2022-10-16T09:05:00+07:00",
      summarySheet: { sheetId: "s9", sheetName: "Tổng hợp" },
      history: [ev("u1", "manual", "2022-10-16T09:05:00+07:00")],
    };
    const merged = mergeStates([newer, older]);
    expect(merged.summarySheet).toEqual(newer.summarySheet);
    expect(merged.units.map((u) => u.unitId)).toEqual([...base.units.map((u) => u.unitId), "u9"]);
    expect(merged.history.map((e) => e.at)).toEqual([
      "2022-10-16T09:00:00+07:00",
      "2022-10-16T09:05:00+07:00",
    ]);
    expect([merged.summarisedAt, merged.savedAt]).toEqual([
      "2022-10-16T09:05:00+07:00",
      "2022-10-16T09:05:00+07:00",
    ]);
    expect(mergeStates([older, newer])).toEqual(merged);
  });
});
