import { parseVietnameseNumber, formatVietnameseNumber } from "../../../src/core/collect/parse-number";

describe("parseVietnameseNumber", () => {
  test.each([
    ["1.234", 1234],
    ["1.234.567", 1234567],
    ["1.234,5", 1234.5],
    ["1.234.567,89", 1234567.89],
    ["1,5", 1.5],
    ["0,25", 0.25],
    ["12", 12],
    ["  42 ", 42],
    ["1 234 567", 1234567],
    ["-5", -5],
    ["−7", -7],
    ["(300)", -300],
    ["9.007.199.254.740.991", 9007199254740991],
    ["0", 0],
  ])("%s reads as %p with no issue", (text, expected) => {
    const r = parseVietnameseNumber(text);
    expect(r.value).toBe(expected);
    expect(r.issue).toBeNull();
  });

  test.each([
    ["12 buổi", 12],
    ["khoảng 30", 30],
    ["1.500.000 đồng", 1500000],
    ["85 lượt", 85],
  ])("%s reads as %p with a text-in-number warning", (text, expected) => {
    const r = parseVietnameseNumber(text);
    expect(r.value).toBe(expected);
    expect(r.issue).toMatchObject({ kind: "TEXT_IN_NUMBER", severity: "warning" });
  });

  test.each([
    ["2 triệu", 2000000],
    ["2,5 triệu", 2500000],
    ["1 tỷ", 1000000000],
    ["500 nghìn", 500000],
    ["1,2 tr", 1200000],
  ])("money scale %s = %p đồng with a warning", (text, expected) => {
    const r = parseVietnameseNumber(text);
    expect(r.value).toBe(expected);
    expect(r.issue?.kind).toBe("TEXT_IN_NUMBER");
    expect(r.issue?.messageVi).toContain("đồng");
  });

  test.each([
    ["1,234", 1.234],
    ["1,234,567", 1234567],
    ["1,234.5", 1234.5],
    ["1.5", 1.5],
  ])("ambiguous or English %s reads as %p with a format warning", (text, expected) => {
    const r = parseVietnameseNumber(text);
    expect(r.value).toBe(expected);
    expect(r.issue).toMatchObject({ kind: "NUMBER_FORMAT", severity: "warning" });
  });

  test.each(["nhiều", "không có", "12-15", "3/4", "1.23.4", "abc1,2,3def4", "1..2"])(
    "%s is not a number",
    (text) => {
      const r = parseVietnameseNumber(text);
      expect(r.value).toBeNull();
      expect(r.issue).toMatchObject({ kind: "NOT_A_NUMBER", severity: "error" });
      expect(r.issue?.messageVi).toContain(`"${text}" không phải là số`);
      expect(r.issue?.messageEn).toContain(`"${text}" is not a number`);
    },
  );

  test("huge numbers are refused rather than rounded", () => {
    const r = parseVietnameseNumber("123.456.789.012.345.678");
    expect(r.value).toBeNull();
    expect(r.issue?.kind).toBe("TOO_LARGE");
  });

  test("empty text is no value and no issue", () => {
    expect(parseVietnameseNumber("   ")).toEqual({ value: null, issue: null });
  });

  test("NFD input is normalised", () => {
    expect(parseVietnameseNumber("2 triệu".normalize("NFD")).value).toBe(2000000);
  });

  test("formatVietnameseNumber groups thousands with dots and uses a decimal comma", () => {
    expect(formatVietnameseNumber(1234567.5)).toBe("1.234.567,5");
    expect(formatVietnameseNumber(-1000)).toBe("-1.000");
    expect(formatVietnameseNumber(12)).toBe("12");
  });
});
