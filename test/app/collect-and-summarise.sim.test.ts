/** The use-cases over the real Office.js adapter on the simulated Excel host: syncs counted by the host. */
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import { submitUnitTab } from "../../src/app/submit-unit-tab";
import { reopenUnitTab } from "../../src/app/reopen-unit-tab";
import { serializeState, parseState } from "../../src/core/state/serialize-state";
import { buildUnitTabLayout } from "../../src/core/workbook/build-unit-tab";
import { analyseUnitTab } from "../../src/core/collect/analyse-unit-tab";
import {
  buildSummaryLayout,
  extractSecretaryText,
  SUMMARY_CODES,
} from "../../src/core/summary/build-summary-layout";
import type { WorkbookState, UnitLink } from "../../src/core/state/types";
import type { CellSpec, CellValue } from "../../src/core/workbook/model";
import { NOW, seedState } from "../core/collect/grid-fixtures";

async function setup(
  units: UnitLink[] | null,
  fill: (u: UnitLink, i: number) => Partial<Record<string, CellValue>>,
) {
  const host = new SimulatedExcelHost();
  const port = createOfficeWorkbookPort(host.runner, { isSetSupported: () => true });
  let state: WorkbookState = seedState();
  if (units) state = { ...state, units };
  state = { ...state, units: state.units.map((u) => ({ ...u, sheetId: null })) };
  const layouts = state.units.map((u) => buildUnitTabLayout(state, u));
  const created = await port.applyChanges({
    patches: layouts.map((l) => ({ sheetId: null, create: true, layout: l, cells: l.cells })),
  });
  state = {
    ...state,
    units: state.units.map((u) => ({ ...u, sheetId: created.sheetIds[`unit:${u.unitId}`] })),
  };
  // Units type into their tabs (addresses found by code, as a person would find the rows).
  const overview = await port.readOverview(state.units.map((u) => u.sheetId!));
  const patches = state.units.map((u, i) => {
    const grid = overview.grids.find((g) => g.sheetId === u.sheetId)!;
    const sub = analyseUnitTab(grid, u, state).submission;
    const cells: Record<string, CellSpec> = {};
    for (const [code, v] of Object.entries(fill(u, i))) {
      const at =
        sub.values[code]?.cell ??
        sub.fieldCells[code] ??
        (code === "STATUS" ? sub.tasks[0].cells!.status : null);
      if (at && v !== undefined) cells[at] = { value: v };
    }
    return {
      sheetId: u.sheetId,
      create: false,
      layout: { ...layouts[i], protection: { protect: false } },
      cells,
    };
  });
  await port.applyChanges({ patches, stateXml: serializeState(state) });
  return { host, port, state };
}

async function countSyncs<T>(
  host: SimulatedExcelHost,
  f: () => Promise<T>,
): Promise<{ result: T; syncs: number }> {
  const before = host.syncCount;
  const result = await f();
  return { result, syncs: host.syncCount - before };
}

describe("on the simulated Excel host with the Office.js adapter", () => {
  test("seed: hand-computed totals, statuses, findings; ≤ 3 syncs cold, ≤ 2 warm; re-run keeps section V and unit cells", async () => {
    const { host, port, state } = await setup(null, (u) =>
      u.unitId === "u1"
        ? { SO_BUOI: 3, SO_LUOT: 85, KINH_PHI: 1500000 }
        : u.unitId === "u2"
          ? { SO_BUOI: "12 buổi", SO_LUOT: 1234 }
          : {},
    );
    // u1 and u2 submit (u2 late), u3 never does.
    const s1 = await submitUnitTab(port, {
      sheetId: state.units[0].sheetId!,
      now: new Date("2022-10-16T09:30:00+07:00"),
      user: "Lan",
    });
    expect(s1.outcome).toBe("submitted");
    const s2 = await submitUnitTab(port, {
      sheetId: state.units[1].sheetId!,
      now: new Date("2022-10-17T08:15:00+07:00"),
      user: "Hùng",
    });
    expect(s2.outcome).toBe("needs-confirmation");
    await submitUnitTab(port, {
      sheetId: state.units[1].sheetId!,
      now: new Date("2022-10-17T08:15:00+07:00"),
      user: "Hùng",
      confirmWarnings: true,
    });

    const cold = await countSyncs(host, () => collectAndSummarise(port, { now: NOW }));
    expect(cold.syncs).toBeLessThanOrEqual(3);
    const r = cold.result;
    expect([r.totals.SO_BUOI.value, r.totals.SO_LUOT.value, r.totals.KINH_PHI.value]).toEqual([
      15, 1319, 1500000,
    ]);
    expect(r.tracking.units.map((u) => u.status)).toEqual(["dung-han", "tre-han", "chua-nop"]);
    expect(
      r.findings.filter((f) => f.severity !== "info").map((f) => `${f.sheet}!${f.cell} ${f.kind}`),
    ).toEqual([`${state.units[1].sheetName}!${r.submissions[1].values.SO_BUOI.cell} TEXT_IN_NUMBER`]);

    const warm = await countSyncs(host, () =>
      collectAndSummarise(port, { now: NOW, knownSheetIds: r.sheetIds }),
    );
    expect(warm.syncs).toBeLessThanOrEqual(2);

    // The secretary types in section V; units' cells must not move on re-run.
    const ids = state.units.map((u) => u.sheetId!);
    const summaryId = warm.result.state.summarySheet!.sheetId!;
    const ov = await port.readOverview([summaryId, ...ids]);
    const summary = ov.grids.find((g) => g.sheetId === summaryId)!;
    const row = summary.values.findIndex((v) => v[0] === SUMMARY_CODES.directions) + summary.origin.row + 1;
    await port.applyChanges({
      patches: [
        {
          sheetId: summaryId,
          create: false,
          layout: buildSummaryLayout(warm.result.report, { sheetName: summary.name }),
          cells: { [`B${row}`]: { value: "Đề nghị cấp kinh phí." } },
        },
      ],
    });
    const unitsBefore = JSON.stringify(ov.grids.filter((g) => g.sheetId !== summaryId));
    await collectAndSummarise(port, { now: NOW, knownSheetIds: r.sheetIds });
    const after = await port.readOverview([summaryId, ...ids]);
    expect(extractSecretaryText(after.grids.find((g) => g.sheetId === summaryId))).toEqual([
      "Đề nghị cấp kinh phí.",
    ]);
    expect(JSON.stringify(after.grids.filter((g) => g.sheetId !== summaryId))).toBe(unitsBefore);
  });

  test("submit invalid refused, valid stamped; reopen clears the stamp and keeps the typing", async () => {
    const { port, state } = await setup(null, (u) => (u.unitId === "u3" ? { SO_BUOI: "nhiều" } : {}));
    const id = state.units[2].sheetId!;
    const bad = await submitUnitTab(port, { sheetId: id, now: NOW });
    expect(bad.outcome).toBe("errors");
    expect(bad.findings.map((f) => f.kind)).toEqual(["NOT_A_NUMBER", "REQUIRED_EMPTY"]);

    const ov = await port.readOverview([id]);
    const sub = analyseUnitTab(ov.grids[0], state.units[2], state).submission;
    const layout = { ...buildUnitTabLayout(state, state.units[2]), protection: { protect: false } };
    await port.applyChanges({
      patches: [
        {
          sheetId: id,
          create: false,
          layout,
          cells: { [sub.values.SO_BUOI.cell!]: { value: 5 }, [sub.values.SO_LUOT.cell!]: { value: 60 } },
        },
      ],
    });
    const good = await submitUnitTab(port, { sheetId: id, now: NOW, user: "Mai" });
    expect(good).toMatchObject({ ok: true, stamp: "Đã nộp lúc 10:00 ngày 17/10/2022 — Mai" });
    let grid = (await port.readOverview([id])).grids[0];
    expect(
      analyseUnitTab(grid, state.units[2], parseState((await port.readOverview()).stateXml!)).submission,
    ).toMatchObject({
      submitted: true,
      stamp: { at: "2022-10-17T10:00:00+07:00", by: "Mai" },
    });

    const reopened = await reopenUnitTab(port, {
      unitId: "u3",
      comment: "Bổ sung kết quả nhiệm vụ.",
      now: NOW,
    });
    expect(reopened.sheet).toBe(state.units[2].sheetName);
    grid = (await port.readOverview([id])).grids[0];
    const after = analyseUnitTab(
      grid,
      state.units[2],
      parseState((await port.readOverview()).stateXml!),
    ).submission;
    expect(after).toMatchObject({
      submitted: false,
      stamp: null,
      reopenComment: "Mở lại lúc 17/10/2022 10:00: Bổ sung kết quả nhiệm vụ.",
    });
    expect(after.values.SO_BUOI.value).toBe(5);
  });

  test.each([3, 200])("%i units: ≤ 3 syncs cold, ≤ 2 warm", async (n) => {
    const units: UnitLink[] = Array.from({ length: n }, (_, i) => ({
      unitId: `u${i + 1}`,
      name: `Tổ đảng số ${i + 1}`,
      group: null,
      sheetId: null,
      sheetName: `Tổ ${i + 1}`,
      taskRefs: ["III.2"],
      deadline: "2022-10-16",
      removed: false,
    }));
    const { host, port } = await setup(units, (_u, i) => ({ SO_BUOI: i % 4, SO_LUOT: i }));
    const cold = await countSyncs(host, () => collectAndSummarise(port, { now: NOW }));
    expect(cold.syncs).toBeLessThanOrEqual(3);
    const warm = await countSyncs(host, () =>
      collectAndSummarise(port, { now: NOW, knownSheetIds: cold.result.sheetIds }),
    );
    expect(warm.syncs).toBeLessThanOrEqual(2);
    expect(warm.result.totals.SO_LUOT.value).toBe((n * (n - 1)) / 2);
  });
});
