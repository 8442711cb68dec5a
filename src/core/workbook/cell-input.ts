import type { CellSpec, CellValue } from "./model";

/**
 * Text that a spreadsheet would otherwise interpret on input: formulas (= + - @), a leading apostrophe,
 * numbers, dates, percentages, booleans. Such text is written with an apostrophe prefix so it stays text.
 */
export function needsTextGuard(text: string): boolean {
  if (text === "") return false;
  if (/^[=+\-@'\t\r\n]/.test(text)) return true;
  if (/^\s*[\d.,:/%$€₫()\s-]+\s*$/.test(text) && /\d/.test(text)) return true;
  if (/^(true|false|đúng|sai)$/i.test(text.trim())) return true;
  return false;
}

/**
 * The en-US input a spreadsheet host (Office.js `Range.formulas`) receives for one cell:
 * "=..." only for formulas the core produced; text guarded so it is never parsed as a formula or number.
 * `undefined`/absent means "leave the cell alone" and is handled by the caller (null in the 2D array).
 */
export function hostInputOf(cell: CellSpec): string | number | boolean {
  if (cell.formula !== undefined) return `=${cell.formula}`;
  const v: CellValue | undefined = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return needsTextGuard(v) ? `'${v}` : v;
  if (typeof v === "number" && !Number.isFinite(v)) return "";
  return v;
}
