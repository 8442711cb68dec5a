/**
 * Text a person typed is written as text (C7) and fits a cell (32,767 characters): the core's rule for
 * both adapters, checked against the simulated host's Excel input rules (en-US).
 */
import { MAX_CELL_TEXT, cellText, hostInputOf, needsTextGuard } from "../../../src/core/workbook/cell-input";
import { parseInput } from "../../../src/testing/simulated-excel/host";

/** What Excel stores for the input the Office adapter sends for a text cell. */
const stored = (text: string) => parseInput(hostInputOf({ value: text }), "General", "Range.formulas");

describe("text that Excel would turn into something else stays text", () => {
  it.each([
    // dates and times Excel's en-US input reads
    "May 5",
    "5 May",
    "May 5, 2024",
    "5-May-24",
    "1-Jan",
    "Jan-1",
    "December 25",
    "May 2024",
    "Sep-2024",
    "10 AM",
    "10am",
    "10 p",
    "10:30",
    "7:05:30 PM",
    "5/6",
    "5-6",
    "5/6/2024 10:30",
    // numbers, formulas, booleans
    "5e3",
    "12",
    "1,234.5",
    "50%",
    "(5)",
    "=SUM(A1)",
    "+84 912 345 678",
    "-",
    "TRUE",
    "false",
  ])("%s", (text) => {
    expect(stored(text)).toEqual({ kind: "value", value: text });
  });

  it.each(["Tổ đảng 1", "Hoàn thành", "Tháng 5", "Quý II/2024", "10 người", "May mặc", "Chi bộ May 10"])(
    "plain text is sent as it is: %s",
    (text) => {
      expect(needsTextGuard(text)).toBe(false);
      expect(hostInputOf({ value: text })).toBe(text);
    },
  );
});

describe("text longer than a cell holds (32,767 characters)", () => {
  const long = "Nội dung rất dài. ".repeat(2500); // 45,000 characters

  it("is cut to fit, with a note in Vietnamese and English that says so and how long it was", () => {
    const text = cellText(long);
    expect(text.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(long.startsWith(text.slice(0, 30_000))).toBe(true);
    expect(text).toContain("45.000");
    expect(text).toContain("45,000");
    expect(text).toContain("32.767");
  });

  it("is accepted by Excel through the Office adapter, also when it needs the text guard", () => {
    for (const value of [long, `=${long}`]) {
      const s = stored(value);
      expect(s.kind).toBe("value");
      expect(((s as { value: string }).value as string).length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    }
  });

  it("leaves text that fits unchanged", () => {
    const fits = "ạ".repeat(MAX_CELL_TEXT);
    expect(cellText(fits)).toBe(fits);
    expect(stored(fits)).toEqual({ kind: "value", value: fits });
  });
});
