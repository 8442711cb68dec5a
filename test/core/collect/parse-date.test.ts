import { parseCellDate } from "../../../src/core/collect/parse-date";

describe("parseCellDate", () => {
  test.each([
    [44850, "2022-10-16"],
    [44850.75, "2022-10-16"],
    ["16/10/2022", "2022-10-16"],
    ["16-10-2022", "2022-10-16"],
    ["16.10.2022", "2022-10-16"],
    ["6/1/2023", "2023-01-06"],
    ["16/10/22", "2022-10-16"],
    ["2022-10-16", "2022-10-16"],
    ["2022-10-16T09:30:00+07:00", "2022-10-16"],
    ["ngày 16 tháng 10 năm 2022", "2022-10-16"],
    ["29/02/2024", "2024-02-29"],
  ])("%p → %s", (cell, iso) => {
    expect(parseCellDate(cell)).toEqual({ value: iso, issue: null });
  });

  test("month/day order is read with a warning", () => {
    const r = parseCellDate("10/16/2022");
    expect(r.value).toBe("2022-10-16");
    expect(r.issue).toMatchObject({ kind: "DATE_READ_AS", severity: "warning" });
  });

  test.each(["31/02/2022", "hôm qua", "2022-13-01", "29/02/2023", true, 12])("%p is not a date", (cell) => {
    const r = parseCellDate(cell);
    expect(r.value).toBeNull();
    expect(r.issue?.kind).toBe("DATE_INVALID");
    expect(r.issue?.messageVi).toContain("không phải là ngày hợp lệ");
  });

  test("empty is no date and no issue", () => {
    expect(parseCellDate(null)).toEqual({ value: null, issue: null });
    expect(parseCellDate("")).toEqual({ value: null, issue: null });
  });
});
