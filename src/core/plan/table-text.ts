/**
 * A table as plan text, the same for every source (.docx through mammoth, PDF, pasted HTML): a table whose
 * header names the task columns (nội dung / đơn vị / thời gian) becomes tab-separated rows, which the reader
 * takes as a task table; any other table (the two-cell header of issuing body and "ĐẢNG CỘNG SẢN VIỆT NAM",
 * the closing of Nơi nhận and signature) gives its cells' paragraphs, cell by cell, a blank line after each.
 */
import { convertLegacyValue } from "../text/legacy-encoding";
import { foldVietnamese } from "../text/vietnamese";

/** row → cell → the cell's paragraphs */
export type TableCells = string[][][];

export function isTaskTable(rows: TableCells): boolean {
  // The header may still be in a legacy font code ("Néi dung" in .VnTime): it is converted with the rest later.
  const header = rows[0]?.map((cell) => foldVietnamese(convertLegacyValue(cell.join(" ")).text)) ?? [];
  if (header.length < 3 || rows.length < 2) return false;
  const has = (re: RegExp) => header.some((h) => re.test(h));
  return has(/noi dung|nhiem vu|cong viec/) && (has(/don vi/) || has(/thoi gian|thoi han|han /));
}

export function tableLines(rows: TableCells): string[] {
  if (isTaskTable(rows)) {
    return rows.map((row) => row.map((cell) => cell.join(" ").replace(/\t/g, " ")).join("\t"));
  }
  return rows.flatMap((row) => row.flatMap((cell) => [...cell, ""]));
}
