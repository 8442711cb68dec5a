import { submitUnitTab } from "../../src/app/submit-unit-tab";
import { reopenUnitTab } from "../../src/app/reopen-unit-tab";
import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import { serializeState, parseState } from "../../src/core/state/serialize-state";
import { parseTabEvents } from "../../src/core/state/tab-events";
import { MemoryPort, NOW, seedScenario } from "../core/collect/grid-fixtures";

function seedPort() {
  const { state, grids } = seedScenario();
  const port = new MemoryPort();
  grids.forEach((g) => port.addGrid(g));
  port.stateXml = serializeState(state);
  return { port, state, grids };
}

describe("submitUnitTab and reopenUnitTab", () => {
  test("an empty tab is refused with its error, nothing written", async () => {
    const { port } = seedPort();
    const before = port.stateXml;
    const r = await submitUnitTab(port, { sheetId: "s-u3", now: NOW, user: "Lê Thị Mai" });
    expect(r).toMatchObject({ ok: false, outcome: "errors", stamp: null });
    expect(r.findings.map((f) => f.kind)).toEqual(["SUBMITTED_EMPTY"]);
    expect(port.stateXml).toBe(before);
    expect(r.roundTrips).toBe(1);
  });

  test("errors block; warnings need confirmation; then stamped, recorded and locked", async () => {
    const { port } = seedPort();
    const id = "s-u3";
    const sheet = port.sheets.get(id)!;
    sheet.cells.set("D14", { value: "nhiều", formula: "nhiều" });
    let r = await submitUnitTab(port, { sheetId: id, now: NOW });
    expect(r.outcome).toBe("errors");
    expect(r.findings.map((f) => `${f.cell} ${f.kind}`)).toEqual(["D14 NOT_A_NUMBER", "D15 REQUIRED_EMPTY"]);

    sheet.cells.set("D14", { value: "5 buổi", formula: "5 buổi" });
    sheet.cells.set("D15", { value: 60, formula: 60 });
    sheet.cells.set("D23", { value: "Lê Thị Mai", formula: "Lê Thị Mai" });
    r = await submitUnitTab(port, { sheetId: id, now: NOW });
    expect(r.outcome).toBe("needs-confirmation");
    expect(r.findings.map((f) => `${f.cell} ${f.kind}`)).toEqual(["D14 TEXT_IN_NUMBER"]);

    const partBefore = port.stateXml;
    r = await submitUnitTab(port, { sheetId: id, now: NOW, confirmWarnings: true });
    expect(r).toMatchObject({
      ok: true,
      outcome: "submitted",
      stamp: "Đã nộp lúc 10:00 ngày 17/10/2022 — Lê Thị Mai",
      roundTrips: 2,
    });
    expect(sheet.cells.get("D26")?.value).toBe("Đã nộp lúc 10:00 ngày 17/10/2022 — Lê Thị Mai");
    expect(sheet.protection).toMatchObject({ protect: true });
    expect(sheet.inputRanges).toEqual([]);
    // The event is in the unit's own tab (stamp row, hidden column H); the shared state part is not
    // rewritten by a unit's action (review B2).
    expect(port.stateXml).toBe(partBefore);
    expect(parseTabEvents(String(sheet.cells.get("H26")?.value), "u3")).toEqual([
      {
        unitId: "u3",
        kind: "submit",
        at: "2022-10-17T10:00:00+07:00",
        by: "Lê Thị Mai",
        comment: null,
      },
    ]);
    expect(sheet.cells.get("D14")?.value).toBe("5 buổi"); // the unit's typing is untouched

    const again = await submitUnitTab(port, { sheetId: id, now: NOW, confirmWarnings: true });
    expect(again.outcome).toBe("already-submitted");

    const summary = await collectAndSummarise(port, { now: NOW });
    expect(summary.tracking.units[2]).toMatchObject({
      status: "tre-han",
      daysLate: 2,
      submittedBy: "Lê Thị Mai",
    });
  });

  test("the Office user is preferred to the typed reporter", async () => {
    const { port } = seedPort();
    const sheet = port.sheets.get("s-u3")!;
    sheet.cells.set("D14", { value: 2, formula: 2 });
    sheet.cells.set("D15", { value: 20, formula: 20 });
    sheet.cells.set("D23", { value: "Người gõ", formula: "Người gõ" });
    const r = await submitUnitTab(port, { sheetId: "s-u3", now: NOW, user: "mai.le@sld.gov.vn" });
    expect(r.stamp).toBe("Đã nộp lúc 10:00 ngày 17/10/2022 — mai.le@sld.gov.vn");
  });

  test("reopen writes the comment, clears the stamp, unlocks, keeps history; the unit can submit again", async () => {
    const { port } = seedPort();
    const partBefore = port.stateXml;
    const r = await reopenUnitTab(port, {
      unitId: "u2",
      comment: "Sửa số buổi: nhập số, không nhập chữ.",
      now: NOW,
      by: "Bí thư",
    });
    expect(r).toMatchObject({ unitId: "u2", sheet: "Tổ 1", roundTrips: 3 });
    const sheet = port.sheets.get("s-u2")!;
    expect(sheet.cells.get("D27")?.value).toBe(
      "Mở lại lúc 17/10/2022 10:00: Sửa số buổi: nhập số, không nhập chữ.",
    );
    expect(sheet.cells.has("D26")).toBe(false);
    expect(sheet.inputRanges!.length).toBeGreaterThan(0);
    // The unit's events (the part's older submit and the reopen) are in its tab; the part is as it was.
    expect(port.stateXml).toBe(partBefore);
    expect(parseState(port.stateXml!).history.map((e) => `${e.unitId}:${e.kind}`)).toEqual([
      "u1:submit",
      "u2:submit",
    ]);
    expect(parseTabEvents(String(sheet.cells.get("H26")?.value), "u2").map((e) => e.kind)).toEqual([
      "submit",
      "reopen",
    ]);
    const collected = await collectAndSummarise(port, { now: NOW });
    expect(collected.tracking.units[1].status).toBe("chua-nop");

    sheet.cells.set("D14", { value: 12, formula: 12 });
    const again = await submitUnitTab(port, {
      sheetId: "s-u2",
      now: new Date("2022-10-17T15:00:00+07:00"),
      confirmWarnings: true,
    });
    expect(again.outcome).toBe("submitted");
    expect(parseTabEvents(String(sheet.cells.get("H26")?.value), "u2").map((e) => e.kind)).toEqual([
      "submit",
      "reopen",
      "submit",
    ]);
  });

  test.each([
    ["2022-10-15", "chua-nop"],
    ["2022-10-20", "chua-den-han"],
  ] as const)(
    "reopen leaves a manual 'Đã nộp' as typed; deadline %s: %s until a new report date",
    async (deadline, waiting) => {
      const seeded = seedScenario();
      const state = {
        ...seeded.state,
        units: seeded.state.units.map((u) => (u.unitId === "u3" ? { ...u, deadline } : u)),
      };
      const port = new MemoryPort();
      seeded.grids.forEach((g) => port.addGrid(g));
      port.stateXml = serializeState(state);
      const sheet = port.sheets.get("s-u3")!;
      sheet.cells.set("D14", { value: 5, formula: 5 });
      sheet.cells.set("D15", { value: 60, formula: 60 });
      sheet.cells.set("D24", { value: "15/10/2022", formula: "15/10/2022" });
      sheet.cells.set("D25", { value: "có", formula: "có" });
      const typed = JSON.stringify(sheet.cells.get("D25"));

      let summary = await collectAndSummarise(port, { now: NOW });
      expect(summary.tracking.units[2]).toMatchObject({ status: "dung-han", manual: true });

      await reopenUnitTab(port, { unitId: "u3", comment: "Bổ sung kết quả.", now: NOW, by: "Bí thư" });
      expect(JSON.stringify(sheet.cells.get("D25"))).toBe(typed); // exactly as the unit typed it
      expect(sheet.cells.get("D24")?.value).toBe("15/10/2022");
      expect(sheet.cells.get("D27")?.value).toBe("Mở lại lúc 17/10/2022 10:00: Bổ sung kết quả.");
      expect(parseTabEvents(String(sheet.cells.get("H26")?.value), "u3").at(-1)).toMatchObject({
        unitId: "u3",
        kind: "reopen",
      });

      summary = await collectAndSummarise(port, { now: NOW });
      expect(summary.tracking.units[2]).toMatchObject({ status: waiting, manual: false, submittedAt: null });
      expect(
        summary.findings.filter((f) => f.unitId === "u3").map((f) => `${f.kind}@${f.cell} ${f.severity}`),
      ).toEqual(["MANUAL_BEFORE_REOPEN@D24 info"]);
      expect(JSON.stringify(sheet.cells.get("D25"))).toBe(typed);

      // The unit types a report date on/after the reopen: a manual submission again.
      sheet.cells.set("D24", { value: "17/10/2022", formula: "17/10/2022" });
      summary = await collectAndSummarise(port, { now: NOW });
      expect(summary.tracking.units[2]).toMatchObject({
        status: deadline < "2022-10-17" ? "tre-han" : "dung-han",
        manual: true,
        submittedAt: "2022-10-17",
      });
      expect(summary.findings.filter((f) => f.unitId === "u3")).toEqual([]);
    },
  );

  test("reopen of an add-in submission writes nothing into 'Đã nộp'", async () => {
    const { port } = seedPort();
    const sheet = port.sheets.get("s-u1")!;
    const before = sheet.cells.get("D25");
    await reopenUnitTab(port, { unitId: "u1", comment: "Sửa.", now: NOW });
    expect(sheet.cells.get("D25")).toEqual(before);
  });
});
