/** The simulated host's input rules for text that Excel (en-US) turns into dates and times, and the cell limit. */
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import { parseInput } from "../../src/testing/simulated-excel/host";
import { dateSerial } from "../../src/testing/simulated-excel/store";

const thisYear = new Date().getFullYear();
const valueOf = (input: string) => parseInput(input, "General", "Range.values");

describe("simulated Excel host: text Excel reads as a date or a time (en-US)", () => {
  it.each([
    ["May 5, 2024", dateSerial(2024, 5, 5)],
    ["May 5 2024", dateSerial(2024, 5, 5)],
    ["5 May 2024", dateSerial(2024, 5, 5)],
    ["5-May-24", dateSerial(2024, 5, 5)],
    ["5-May-2024", dateSerial(2024, 5, 5)],
    ["May 5", dateSerial(thisYear, 5, 5)],
    ["5 May", dateSerial(thisYear, 5, 5)],
    ["1-Jan", dateSerial(thisYear, 1, 1)],
    ["Jan-1", dateSerial(thisYear, 1, 1)],
    ["December 25", dateSerial(thisYear, 12, 25)],
    ["May 2024", dateSerial(2024, 5, 1)],
    ["Sep-2024", dateSerial(2024, 9, 1)],
    ["5/6", dateSerial(thisYear, 5, 6)],
    ["5-6", dateSerial(thisYear, 5, 6)],
    ["5-6-2024", dateSerial(2024, 5, 6)],
    ["10 AM", 10 / 24],
    ["10am", 10 / 24],
    ["10 p", 22 / 24],
    ["10:30", 10.5 / 24],
    ["10:30 PM", 22.5 / 24],
    ["12 AM", 0],
    ["12:15 PM", 12.25 / 24],
    ["7:05:30", (7 + 5 / 60 + 30 / 3600) / 24],
    ["5/6/2024 10:30", dateSerial(2024, 5, 6)! + 10.5 / 24],
    ["May 5, 2024 10 AM", dateSerial(2024, 5, 5)! + 10 / 24],
    ["5e3", 5000],
  ])("%s → %s", (text, expected) => {
    const parsed = valueOf(text);
    expect(parsed.kind).toBe("value");
    expect((parsed as { value: number }).value).toBeCloseTo(expected as number, 9);
  });

  it.each(["May", "Tổ 1", "Tháng 5", "Quý II/2024", "10 người", "Ngày 5 tháng 5", "15/10/2022", "10:75"])(
    "%s stays text",
    (text) => {
      expect(valueOf(text)).toEqual({ kind: "value", value: text });
    },
  );

  it("keeps any of them as text after an apostrophe or in a text (@) cell", () => {
    expect(valueOf("'May 5")).toEqual({ kind: "value", value: "May 5" });
    expect(parseInput("10 AM", "@", "Range.values")).toEqual({ kind: "value", value: "10 AM" });
  });
});

describe("simulated Excel host: a cell holds at most 32,767 characters", () => {
  it("accepts 32,767 characters and refuses one more (InvalidArgument), also after an apostrophe", async () => {
    const host = new SimulatedExcelHost();
    const fits = "ạ".repeat(32_767);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[fits]];
    });
    expect(host.cell("Sheet1", "A1").value).toBe(fits);
    for (const input of [`${fits}x`, `'${fits}x`]) {
      let code = "";
      await host
        .run(async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[input]];
        })
        .catch((e: { code: string }) => (code = e.code));
      expect(code).toBe("InvalidArgument");
    }
    expect(host.cell("Sheet1", "A2").value).toBe("");
  });
});
