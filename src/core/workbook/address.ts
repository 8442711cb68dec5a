/** A1 address maths, in one place. Rows/columns 0-based in code. */

export function columnLetter(column: number): string {
  let n = column + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** adr(0, 0) = "A1". */
export function adr(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

export interface CellRef {
  row: number;
  column: number;
}

export function parseAddress(address: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Invalid cell address: ${address}`);
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]) };
}

export interface RangeRef {
  start: CellRef;
  end: CellRef;
}

export function parseRange(range: string): RangeRef {
  const [a, b] = range.split(":");
  const start = parseAddress(a);
  const end = b ? parseAddress(b) : start;
  return {
    start: { row: Math.min(start.row, end.row), column: Math.min(start.column, end.column) },
    end: { row: Math.max(start.row, end.row), column: Math.max(start.column, end.column) },
  };
}

export function rangeAddress(r: RangeRef): string {
  const a = adr(r.start.row, r.start.column);
  const b = adr(r.end.row, r.end.column);
  return a === b ? a : `${a}:${b}`;
}

/** Quote a sheet name for formulas and links: always quoted, inner apostrophes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Tổ 1'!B4" */
export function sheetRef(sheetName: string, address: string): string {
  return `${quoteSheetName(sheetName)}!${address}`;
}
