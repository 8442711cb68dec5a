/**
 * A manual "Đã nộp: Có" after "Mở lại": the reopen leaves the unit's cell as typed and the history decides.
 * The "Có" counts only with a report date on or after the reopen's date (Asia/Ho_Chi_Minh).
 */
import { readUnitTab } from "../../../src/core/collect/read-unit-tab";
import { analyseUnitTab } from "../../../src/core/collect/analyse-unit-tab";
import { trackUnit } from "../../../src/core/tracking/track-units";
import { manualCountsAfterReopen } from "../../../src/core/workbook/submission-lock";
import type { SubmissionEvent } from "../../../src/core/state/types";
import { NOW, seedState, unitTabGrid, setCell } from "./grid-fixtures";

const reopen = (at: string): SubmissionEvent => ({
  unitId: "u2",
  kind: "reopen",
  at,
  by: "Bí thư",
  comment: "Bổ sung số liệu.",
});
const submit = (at: string): SubmissionEvent => ({
  unitId: "u2",
  kind: "submit",
  at,
  by: "Lan",
  comment: null,
});

describe("manualCountsAfterReopen", () => {
  test("no event, or the last one a submit: the 'Có' counts", () => {
    expect(manualCountsAfterReopen(null, null)).toBe(true);
    expect(manualCountsAfterReopen("2022-10-01", submit("2022-10-17T10:00:00+07:00"))).toBe(true);
  });

  test("after a reopen: only a report date on or after the reopen's Hồ Chí Minh date", () => {
    const r = reopen("2022-10-17T10:00:00+07:00");
    expect(manualCountsAfterReopen(null, r)).toBe(false);
    expect(manualCountsAfterReopen("2022-10-16", r)).toBe(false);
    expect(manualCountsAfterReopen("2022-10-17", r)).toBe(true);
    expect(manualCountsAfterReopen("2022-10-18", r)).toBe(true);
    // 23:30 UTC on the 16th is already the 17th in Hồ Chí Minh.
    expect(manualCountsAfterReopen("2022-10-16", reopen("2022-10-16T23:30:00Z"))).toBe(false);
    expect(manualCountsAfterReopen("2022-10-17", reopen("2022-10-16T23:30:00Z"))).toBe(true);
  });
});

describe("a manual 'Có' in a reopened tab", () => {
  const u = seedState().units[1];
  const filled = (state = seedState()) =>
    setCell(
      unitTabGrid(state, u, {
        values: { SO_BUOI: 2, SO_LUOT: 40 },
        tasks: { "III.2": { status: "Hoàn thành" } },
      }),
      "D25",
      "Có",
    );

  test("without a reopen it counts, dated by its report date", () => {
    const state = seedState();
    const s = readUnitTab(setCell(filled(state), "D24", "15/10/2022"), u, state);
    expect(s).toMatchObject({ submitted: true, submissionKind: "manual", submittedAt: "2022-10-15" });
  });

  test("dated before the reopen: not submitted, with an info finding at the report date", () => {
    const state = seedState({ history: [reopen("2022-10-17T10:00:00+07:00")] });
    const g = setCell(filled(state), "D24", "15/10/2022");
    const { submission, findings } = analyseUnitTab(g, u, state);
    expect(submission).toMatchObject({
      manualSubmitted: true,
      submitted: false,
      submittedAt: null,
      submissionKind: null,
    });
    expect(findings).toEqual([
      expect.objectContaining({
        kind: "MANUAL_BEFORE_REOPEN",
        severity: "info",
        cell: "D24",
        messageVi:
          'Trang đã được mở lại ngày 17/10/2022: "Đã nộp: Có" chỉ được tính khi "Ngày báo cáo" từ ngày 17/10/2022 trở đi. Nộp lại thì ghi ngày báo cáo mới (hoặc bấm "Nộp báo cáo").',
      }),
    ]);
    // Tracking: missing once the deadline (16/10) has passed, not yet due before it.
    expect(trackUnit(submission, "2022-10-16", NOW)).toMatchObject({ status: "chua-nop", manual: false });
    expect(trackUnit(submission, "2022-10-20", NOW)).toMatchObject({ status: "chua-den-han", manual: false });
  });

  test("no report date while a reopen exists: not submitted (no 'dated when seen' fallback)", () => {
    const state = seedState({ history: [reopen("2022-10-17T10:00:00+07:00")] });
    const { submission, findings } = analyseUnitTab(filled(state), u, state);
    expect(submission.submitted).toBe(false);
    expect(findings.map((f) => `${f.kind}@${f.cell}`)).toEqual(["MANUAL_BEFORE_REOPEN@D24"]);
  });

  test.each([
    ["17/10/2022", "2022-10-17", "tre-han"],
    ["18/10/2022", "2022-10-18", "tre-han"],
  ])("report date %s on/after the reopen: a manual submission again", (typed, iso, status) => {
    const state = seedState({ history: [reopen("2022-10-17T10:00:00+07:00")] });
    const { submission, findings } = analyseUnitTab(setCell(filled(state), "D24", typed), u, state);
    expect(submission).toMatchObject({ submitted: true, submissionKind: "manual", submittedAt: iso });
    expect(findings).toEqual([]);
    expect(trackUnit(submission, "2022-10-16", NOW)).toMatchObject({ status, manual: true });
  });

  test("an add-in submit after the reopen counts whatever the report date", () => {
    const state = seedState({
      history: [reopen("2022-10-17T10:00:00+07:00"), submit("2022-10-17T15:00:00+07:00")],
    });
    const s = readUnitTab(setCell(filled(state), "D24", "01/10/2022"), u, state);
    expect(s).toMatchObject({ submitted: true, submissionKind: "addin" });
  });

  test("'Không' after a reopen is simply not submitted, with no finding", () => {
    const state = seedState({ history: [reopen("2022-10-17T10:00:00+07:00")] });
    const { submission, findings } = analyseUnitTab(setCell(filled(state), "D25", "Không"), u, state);
    expect(submission.submitted).toBe(false);
    expect(findings).toEqual([]);
  });
});
