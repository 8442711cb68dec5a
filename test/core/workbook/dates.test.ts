import { isoToDisplay, isoToSerial, serialToIso } from "../../../src/core/workbook/dates";

describe("Excel serial dates", () => {
  test.each([
    ["1900-01-01", 1],
    ["1900-02-28", 59],
    ["1900-03-01", 61],
    ["2022-10-15", 44849],
    ["2022-10-16", 44850],
    ["2022-10-17", 44851],
    ["2024-02-29", 45351],
    ["9999-12-31", 2958465],
  ])("%s ↔ %d", (iso, serial) => {
    expect(isoToSerial(iso)).toBe(serial);
    expect(serialToIso(serial)).toBe(iso);
  });

  test("non-dates", () => {
    expect(serialToIso(60)).toBeNull();
    expect(serialToIso(0)).toBeNull();
    expect(serialToIso(Number.NaN)).toBeNull();
    expect(serialToIso(2958466)).toBeNull();
    expect(isoToSerial("16/10/2022")).toBeNaN();
  });

  test("display dd/mm/yyyy", () => {
    expect(isoToDisplay("2022-10-05")).toBe("05/10/2022");
  });
});
