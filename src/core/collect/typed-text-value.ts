/**
 * What a field of a CSV file stands for, as a cell value: a CSV holds only text, but a unit's figure written
 * as 12 must come in as the number 12 (a text "12" would not add up in the summary's formulas). A CSV's
 * numbers were written by a program ("3,050,000" from an English LibreOffice, "3.050.000" from a Vietnamese
 * one), so a field becomes a number when the Vietnamese number reading takes it whole and it can mean only
 * one number: "12", "2,5", "12.5", "1.234" (= 1234, the Vietnamese reading), "3,050,000". Left as text, for
 * the checks to read and report as typed: "1,234" (1234 or 1,234?), "0912…" (a phone number, a code),
 * "12 buổi", "15/10/2022" (dates are read by the date checks).
 */
import { nfc } from "../text/vietnamese";
import type { CellValue } from "../workbook/model";
import { parseVietnameseNumber } from "./parse-number";

/** One separator followed by exactly three digits: a thousands group or a decimal part. */
const AMBIGUOUS = /^[-+]?\d{1,3},\d{3}$/;

export function typedTextValue(field: string): CellValue {
  const text = nfc(field);
  const trimmed = text.trim();
  if (trimmed === "") return "";
  if (!/^[-+]?\d[\d.,]*$/.test(trimmed) || /^[-+]?0\d/.test(trimmed)) return text;
  const parsed = parseVietnameseNumber(trimmed);
  if (parsed.value === null) return text;
  if (parsed.issue === null) return parsed.value;
  return parsed.issue.kind === "NUMBER_FORMAT" && !AMBIGUOUS.test(trimmed) ? parsed.value : text;
}
