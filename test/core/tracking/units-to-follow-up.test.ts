import { trackUnit, type TrackingResult } from "../../../src/core/tracking/track-units";
import { unitsToFollowUp } from "../../../src/core/tracking/units-to-follow-up";
import { emptySubmission } from "../../../src/core/collect/analyse-unit-tab";
import { seedState } from "../collect/grid-fixtures";

/** 17/10/2022 10:00 in Sơn La. */
const NOW = new Date("2022-10-17T10:00:00+07:00");

function tracking(
  rows: { name: string; deadline: string | null; submittedAt: string | null }[],
): TrackingResult {
  const state = seedState();
  const units = rows.map((r, i) =>
    trackUnit(
      {
        ...emptySubmission(state.units[0], state),
        unitId: `u${i + 1}`,
        unit: r.name,
        sheet: r.name,
        submitted: r.submittedAt !== null,
        submittedAt: r.submittedAt,
        submissionKind: r.submittedAt !== null ? "addin" : null,
      },
      r.deadline,
      NOW,
    ),
  );
  return {
    units,
    rates: {
      expected: 0,
      submitted: 0,
      onTime: 0,
      late: 0,
      missing: 0,
      notYetDue: 0,
      rate: 0,
      onTimeRate: 0,
    },
    today: "2022-10-17",
    at: "2022-10-17T10:00:00+07:00",
  };
}

describe("unitsToFollowUp: who the secretary still has to chase, most urgent first", () => {
  const result = unitsToFollowUp(
    tracking([
      { name: "Đúng hạn", deadline: "2022-10-16", submittedAt: "2022-10-16T09:00:00+07:00" },
      { name: "Trễ 1 ngày", deadline: "2022-10-16", submittedAt: "2022-10-17T08:00:00+07:00" },
      { name: "Quá hạn 2 ngày", deadline: "2022-10-15", submittedAt: null },
      { name: "Quá hạn 5 ngày", deadline: "2022-10-12", submittedAt: null },
      { name: "Hạn 20/10", deadline: "2022-10-20", submittedAt: null },
      { name: "Hạn hôm nay", deadline: "2022-10-17", submittedAt: null },
      { name: "Không có hạn", deadline: null, submittedAt: null },
    ]),
  );

  test("overdue units by days overdue, then units not yet due by deadline, then late submissions; on time left out", () => {
    expect(result.map((u) => [u.unit, u.status, u.deadline, u.daysLate, u.daysLeft])).toEqual([
      ["Quá hạn 5 ngày", "chua-nop", "2022-10-12", 5, null],
      ["Quá hạn 2 ngày", "chua-nop", "2022-10-15", 2, null],
      ["Hạn hôm nay", "chua-den-han", "2022-10-17", 0, 0],
      ["Hạn 20/10", "chua-den-han", "2022-10-20", 0, 3],
      ["Không có hạn", "chua-den-han", null, 0, null],
      ["Trễ 1 ngày", "tre-han", "2022-10-16", 1, null],
    ]);
  });

  test("nothing to chase when every unit submitted on time", () => {
    expect(
      unitsToFollowUp(tracking([{ name: "A", deadline: "2022-10-16", submittedAt: "2022-10-15" }])),
    ).toEqual([]);
  });
});
