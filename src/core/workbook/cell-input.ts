import type { CellSpec, CellValue } from "./model";

/** Excel's limit for the text of one cell. */
export const MAX_CELL_TEXT = 32_767;

/**
 * English month names and abbreviations, and the AM/PM markers, as separate words: Excel's en-US input
 * reads "May 5", "5-May-24", "1-Jan", "May 2024", "10 AM", "10am" or "7:05 p" as a date or a time.
 */
const DATE_TIME_WORDS =
  /(?<!\p{L})(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|[ap]\.?m?\.?)(?!\p{L})/giu;

/**
 * Text that a spreadsheet would otherwise interpret on input: formulas (= + - @), a leading apostrophe,
 * numbers (also "5e3"), dates and times (also with English month names or AM/PM), percentages, booleans.
 * Such text is written with an apostrophe prefix so it stays text.
 */
export function needsTextGuard(text: string): boolean {
  if (text === "") return false;
  if (/^[=+\-@'\t\r\n]/.test(text)) return true;
  if (/^\s*[\d.,:/%$€₫()\s-]+\s*$/.test(text) && /\d/.test(text)) return true;
  if (/^\s*(\d+\.?\d*|\.\d+)e[+-]?\d+\s*$/i.test(text)) return true;
  const withoutWords = text.replace(DATE_TIME_WORDS, " ");
  if (withoutWords !== text && /\d/.test(withoutWords) && /^[\d\s.,:/-]*$/.test(withoutWords)) return true;
  if (/^(true|false|đúng|sai)$/i.test(text.trim())) return true;
  return false;
}

function grouped(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * The text of one cell as a spreadsheet can hold it: text over 32,767 characters is cut, and the cell says
 * so (in Vietnamese and English, with the full length) instead of the write failing. Shorter text is kept.
 */
export function cellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const note =
    ` … [đã cắt: một ô Excel chứa tối đa ${grouped(MAX_CELL_TEXT, ".")} ký tự, văn bản đầy đủ dài ` +
    `${grouped(text.length, ".")} ký tự / cut: an Excel cell holds at most ${grouped(MAX_CELL_TEXT, ",")} ` +
    `characters, the full text has ${grouped(text.length, ",")}]`;
  let end = MAX_CELL_TEXT - note.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never split a surrogate pair
  return text.slice(0, end) + note;
}

/**
 * The en-US input a spreadsheet host (Office.js `Range.formulas`) receives for one cell:
 * "=..." only for formulas the core produced; text cut to fit a cell and guarded so it is never parsed as a
 * formula, number, date or time. `undefined`/absent means "leave the cell alone" and is handled by the
 * caller (null in the 2D array).
 */
export function hostInputOf(cell: CellSpec): string | number | boolean {
  if (cell.formula !== undefined) return `=${cell.formula}`;
  const v: CellValue | undefined = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") {
    const text = cellText(v);
    return needsTextGuard(text) ? `'${text}` : text;
  }
  if (typeof v === "number" && !Number.isFinite(v)) return "";
  return v;
}
