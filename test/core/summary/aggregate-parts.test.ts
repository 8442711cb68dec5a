/**
 * Totals that climb levels: every total carries its numerator, denominator and the number of leaf units, so
 * an average is the mean over all units below (never an average of averages), a yes/no question says "x/n
 * đơn vị", a count counts the units below a body, and a max stays the max.
 */
import { aggregate, yesNoText } from "../../../src/core/summary/aggregate";
import type { CollectedValue, UnitSubmission, ValueParts } from "../../../src/core/collect/unit-submission";
import type { Indicator } from "../../../src/core/workbook/indicators";

const IND: Indicator[] = [
  { code: "SO_BUOI", name: "Số buổi", unit: "buổi", type: "integer", aggregation: "sum", required: false },
  { code: "CAO_NHAT", name: "Cao nhất", unit: "người", type: "integer", aggregation: "max", required: false },
  {
    code: "DIEM_TB",
    name: "Điểm bình quân",
    unit: "điểm",
    type: "number",
    aggregation: "average",
    required: false,
  },
  { code: "CO_MO_HINH", name: "Có mô hình", unit: "", type: "text", aggregation: "yesno", required: false },
  {
    code: "SO_DV_BC",
    name: "Đơn vị có báo cáo",
    unit: "đơn vị",
    type: "integer",
    aggregation: "count",
    required: false,
  },
];

function value(code: string, v: number | string | null, parts?: ValueParts): CollectedValue {
  return {
    code,
    value: v,
    raw: v,
    formula: null,
    cell: "D1",
    linkable: true,
    excluded: false,
    ...(parts ? { parts } : {}),
  };
}

function unit(name: string, values: Record<string, CollectedValue>): UnitSubmission {
  return { unitId: name, unit: name, values } as unknown as UnitSubmission;
}

describe("aggregate with numerators and denominators", () => {
  test("units of one level: average over units with a value, yes/no as x/n, count of units", () => {
    const totals = aggregate(IND, [
      unit("Tổ 1", {
        SO_BUOI: value("SO_BUOI", 3),
        CAO_NHAT: value("CAO_NHAT", 40),
        DIEM_TB: value("DIEM_TB", 8),
        CO_MO_HINH: value("CO_MO_HINH", "Có"),
        SO_DV_BC: value("SO_DV_BC", 1),
      }),
      unit("Tổ 2", {
        SO_BUOI: value("SO_BUOI", 2),
        CAO_NHAT: value("CAO_NHAT", 55),
        DIEM_TB: value("DIEM_TB", 6),
        CO_MO_HINH: value("CO_MO_HINH", "Không"),
        SO_DV_BC: value("SO_DV_BC", 1),
      }),
      unit("Tổ 3", {
        SO_BUOI: value("SO_BUOI", null),
        CAO_NHAT: value("CAO_NHAT", null),
        DIEM_TB: value("DIEM_TB", null),
        CO_MO_HINH: value("CO_MO_HINH", "Có"),
        SO_DV_BC: value("SO_DV_BC", null),
      }),
    ]);
    expect(totals.SO_BUOI).toMatchObject({ value: 5, numerator: 5, denominator: 2, count: 2 });
    expect(totals.CAO_NHAT).toMatchObject({ value: 55, numerator: 55, count: 2 });
    expect(totals.DIEM_TB).toMatchObject({ value: 7, numerator: 14, denominator: 2, count: 2 });
    expect(totals.CO_MO_HINH).toMatchObject({ value: "2/3 đơn vị", numerator: 2, denominator: 3, count: 3 });
    expect(totals.SO_DV_BC).toMatchObject({ value: 2, numerator: 2, count: 2 });
  });

  test("a body's rolled-up figures count with their parts: the average is over every unit below", () => {
    // Chi bộ A: 3 units averaging 8 (24/3); Chi bộ B: 1 unit with 4. The mean of all units is 28/4 = 7,
    // not the average of the two averages (6).
    const totals = aggregate(IND, [
      unit("Chi bộ A", {
        SO_BUOI: value("SO_BUOI", 12, { numerator: 12, denominator: 3, units: 3 }),
        CAO_NHAT: value("CAO_NHAT", 70, { numerator: 70, denominator: 3, units: 3 }),
        DIEM_TB: value("DIEM_TB", 8, { numerator: 24, denominator: 3, units: 3 }),
        CO_MO_HINH: value("CO_MO_HINH", "2/3 đơn vị", { numerator: 2, denominator: 3, units: 3 }),
        SO_DV_BC: value("SO_DV_BC", 3, { numerator: 3, denominator: 3, units: 3 }),
      }),
      unit("Chi bộ B", {
        SO_BUOI: value("SO_BUOI", 4),
        CAO_NHAT: value("CAO_NHAT", 90),
        DIEM_TB: value("DIEM_TB", 4),
        CO_MO_HINH: value("CO_MO_HINH", "Có"),
        SO_DV_BC: value("SO_DV_BC", 1),
      }),
    ]);
    expect(totals.SO_BUOI).toMatchObject({ value: 16, count: 4 });
    expect(totals.CAO_NHAT).toMatchObject({ value: 90, count: 4 });
    expect(totals.DIEM_TB).toMatchObject({ value: 7, numerator: 28, denominator: 4, count: 4 });
    expect(totals.CO_MO_HINH).toMatchObject({ value: "3/4 đơn vị", numerator: 3, denominator: 4, count: 4 });
    expect(totals.SO_DV_BC).toMatchObject({ value: 4, count: 4 });
  });

  test("yes/no text", () => {
    expect(yesNoText(3, 5)).toBe("3/5 đơn vị");
  });
});
