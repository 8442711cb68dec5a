import { typedTextValue } from "../../../src/core/collect/typed-text-value";

describe("typedTextValue: a CSV field as the cell a person typed", () => {
  test.each([
    ["12", 12],
    ["-4", -4],
    ["0", 0],
    ["2,5", 2.5],
    ["12.5", 12.5],
    ["1.234", 1234],
    ["3,050,000", 3050000],
    ["3.050.000", 3050000],
    ["1,234.5", 1234.5],
    ["1.234,5", 1234.5],
    [" 7 ", 7],
    ["1,234", "1,234"],
    ["0912345678", "0912345678"],
    ["12 buổi", "12 buổi"],
    ["15/10/2022", "15/10/2022"],
    ["1.2.3", "1.2.3"],
    ["Có", "Có"],
    ["To\u0302\u0309 1", "Tổ 1"],
    ["", ""],
  ])("%j → %j", (field, value) => {
    expect(typedTextValue(field)).toEqual(value);
  });
});
