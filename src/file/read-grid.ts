/**
 * An ExcelJS worksheet's used range → SheetGrid, as Office.js would give it: values (dates as Excel serial
 * numbers, rich text as plain text, formula cells as their cached result, errors as "#N/A"-style text,
 * empty cells as "") and formulas ("=…" for formula cells, else the same literal).
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../core/workbook/model";
import type { SheetGrid } from "../core/workbook/grid";
import { nfc } from "../core/text/vietnamese";

const MS_PER_DAY = 86_400_000;
/** Days between the Excel epoch (1899-12-30) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;

/** ExcelJS reads date cells as UTC Dates of the serial's wall-clock time. */
export function excelSerialOf(date: Date): number {
  return date.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

function richTextOf(value: ExcelJS.CellRichTextValue): string {
  return value.richText.map((run) => run.text).join("");
}

/** A plain value (not a formula) → the grid's literal. */
export function literalOfCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return nfc(value);
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return excelSerialOf(value);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return nfc(richTextOf(v as unknown as ExcelJS.CellRichTextValue));
    if ("error" in v) return String(v.error);
    if ("hyperlink" in v) return literalOfCellValue(v.text);
    if ("text" in v) return literalOfCellValue(v.text);
  }
  return String(value);
}

interface CellRead {
  value: CellValue;
  formula: CellValue;
}

export function readCell(cell: ExcelJS.Cell): CellRead {
  if (cell.type === ExcelJS.ValueType.Merge) return { value: "", formula: "" };
  if (cell.type === ExcelJS.ValueType.Formula) {
    const formula = cell.formula;
    const result = (cell.value as ExcelJS.CellFormulaValue).result;
    return {
      value: literalOfCellValue(result),
      formula: formula ? `=${formula}` : literalOfCellValue(result),
    };
  }
  const value = literalOfCellValue(cell.value);
  return { value, formula: value };
}

/** Merged ranges of the sheet ("B5:E5"). */
export function mergesOf(ws: ExcelJS.Worksheet): string[] {
  return [...((ws.model as unknown as { merges?: string[] }).merges ?? [])];
}

/** The used range of the sheet (cells holding a value or formula), or an empty grid. */
export function readGrid(ws: ExcelJS.Worksheet, sheetId: string): SheetGrid {
  const found = new Map<string, CellRead>();
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const read = readCell(cell);
      if (read.value === "" && read.formula === "") return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      found.set(`${r}:${c}`, read);
      minRow = Math.min(minRow, r);
      minCol = Math.min(minCol, c);
      maxRow = Math.max(maxRow, r);
      maxCol = Math.max(maxCol, c);
    });
  });
  const merges = mergesOf(ws);
  if (maxRow < 0) {
    return { sheetId, name: nfc(ws.name), origin: { row: 0, column: 0 }, values: [], formulas: [], merges };
  }
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  for (let r = minRow; r <= maxRow; r++) {
    const vRow: CellValue[] = [];
    const fRow: CellValue[] = [];
    for (let c = minCol; c <= maxCol; c++) {
      const read = found.get(`${r}:${c}`);
      vRow.push(read ? read.value : "");
      fRow.push(read ? read.formula : "");
    }
    values.push(vRow);
    formulas.push(fRow);
  }
  return { sheetId, name: nfc(ws.name), origin: { row: minRow, column: minCol }, values, formulas, merges };
}
