/** Reading a SheetGrid by absolute 0-based row/column (the grid starts at its used range's origin). */
import type { SheetGrid } from "../workbook/grid";
import type { CellValue } from "../workbook/model";
import { nfc } from "../text/vietnamese";

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * NFC of a cell's text, without the cost of normalising when it cannot change anything: pure ASCII text
 * is already NFC (most cells: codes, figures typed as text, addresses).
 */
export function nfcCell(text: string): string {
  return NON_ASCII.test(text) ? nfc(text) : text;
}

export class GridView {
  constructor(readonly grid: SheetGrid) {}

  get name(): string {
    return this.grid.name;
  }

  /** One past the last absolute row. */
  get endRow(): number {
    return this.grid.origin.row + this.grid.values.length;
  }

  get startRow(): number {
    return this.grid.origin.row;
  }

  value(row: number, column: number): CellValue {
    const v = this.grid.values[row - this.grid.origin.row]?.[column - this.grid.origin.column];
    return v === undefined ? null : typeof v === "string" ? nfcCell(v) : v;
  }

  /**
   * The formula ("=…") of a formula cell, else null. Text that merely starts with "=" (typed with an
   * apostrophe) reads back with the same value and formula: that is text, not a formula.
   */
  formula(row: number, column: number): string | null {
    const f = this.grid.formulas[row - this.grid.origin.row]?.[column - this.grid.origin.column];
    if (typeof f !== "string" || !f.startsWith("=")) return null;
    const v = this.grid.values[row - this.grid.origin.row]?.[column - this.grid.origin.column];
    return v === f ? null : f;
  }

  /** Trimmed text of a cell ("" for empty; numbers as their plain string). */
  text(row: number, column: number): string {
    const v = this.value(row, column);
    if (v === null) return "";
    return String(v).trim();
  }

  isEmptyRow(row: number, fromColumn = 0): boolean {
    const r = this.grid.values[row - this.grid.origin.row];
    if (!r) return true;
    for (let c = Math.max(0, fromColumn - this.grid.origin.column); c < r.length; c++) {
      const v = r[c];
      if (v !== null && v !== "" && v !== undefined) return false;
    }
    return true;
  }
}

/**
 * Sheet names referenced by a formula ("='Tổ 2'!D5+Sheet3!A1" → ["Tổ 2", "Sheet3"]); string literals are
 * ignored. `external` is true for references into another workbook ("[Book2]Sheet1!A1").
 */
export function formulaSheetRefs(formula: string): { sheets: string[]; external: boolean } {
  const body = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const sheets: string[] = [];
  const re = /'((?:[^']|'')+)'!|([\p{L}\p{N}_.[\]]+)!/gu;
  let m: RegExpExecArray | null;
  let external = false;
  while ((m = re.exec(body))) {
    const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    if (/^\[.*\]/.test(name) || /\.xls[xmb]?\]/i.test(name)) external = true;
    sheets.push(nfc(name));
  }
  if (/\[[^\]]+\.xls/i.test(body)) external = true;
  return { sheets, external };
}
