/**
 * Returned files ExcelJS cannot read — .xls (Excel 97–2003), .ods, .xlsb, flat ODS, Excel 2003 XML, HTML
 * tables, CSV — through SheetJS CE (`@e965/xlsx`, 0.20.3: the SheetJS release served from its own CDN,
 * republished on npm; npm's own `xlsx` stops at 0.18.5, which has CVE-2023-30533 and CVE-2024-22363). Read
 * into SheetGrids the way the ExcelJS adapter reads .xlsx (read-grid.ts): values with dates as Excel
 * serials, formula cells as their cached value and "=…" formula, errors as "#DIV/0!" text, text in NFC.
 * No Node APIs; the pane loads this module (and SheetJS) only when such a file is chosen.
 */
import * as XLSX from "@e965/xlsx";
import { UnreadableFileError } from "../core/errors";
import { typedTextValue } from "../core/collect/typed-text-value";
import { nfc } from "../core/text/vietnamese";
import { parseAddress } from "../core/workbook/address";
import type { SheetGrid } from "../core/workbook/grid";
import type { CellValue } from "../core/workbook/model";
import type { SpreadsheetFormat } from "./detect-format";
import { decodeText } from "./detect-format";
import { GridWorkbook } from "./grid-workbook";

/** Excel's error codes as SheetJS gives them (BIFF numbers) → the text Excel shows. */
const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_OFFSET = 25_569;

function valueOf(cell: XLSX.CellObject, csv: boolean): CellValue {
  switch (cell.t) {
    case "n":
      return typeof cell.v === "number" ? cell.v : "";
    case "b":
      return cell.v === true;
    case "s":
      return csv ? typedTextValue(String(cell.v ?? "")) : nfc(String(cell.v ?? ""));
    case "e":
      return ERRORS[Number(cell.v)] ?? (typeof cell.w === "string" ? cell.w : "#VALUE!");
    case "d":
      return cell.v instanceof Date ? cell.v.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET : "";
    default:
      return "";
  }
}

/** One SheetJS sheet → a grid of its used cells (not of its "!ref", which may span empty formatted cells). */
function gridOf(ws: XLSX.WorkSheet, sheetId: string, name: string, csv: boolean): SheetGrid {
  const found: { row: number; column: number; value: CellValue; formula: CellValue }[] = [];
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;
  for (const key of Object.keys(ws)) {
    if (key.startsWith("!")) continue;
    const cell = ws[key] as XLSX.CellObject;
    const value = valueOf(cell, csv);
    const formula: CellValue = cell.f ? `=${cell.f}` : value;
    if (value === "" && formula === "") continue;
    const { row, column } = parseAddress(key);
    found.push({ row, column, value, formula });
    minRow = Math.min(minRow, row);
    minCol = Math.min(minCol, column);
    maxRow = Math.max(maxRow, row);
    maxCol = Math.max(maxCol, column);
  }
  const merges = (ws["!merges"] ?? []).map((m) => XLSX.utils.encode_range(m));
  if (maxRow < 0) return { sheetId, name, origin: { row: 0, column: 0 }, values: [], formulas: [], merges };
  const width = maxCol - minCol + 1;
  const values: CellValue[][] = Array.from({ length: maxRow - minRow + 1 }, () =>
    Array<CellValue>(width).fill(""),
  );
  const formulas: CellValue[][] = values.map((r) => [...r]);
  for (const c of found) {
    values[c.row - minRow][c.column - minCol] = c.value;
    formulas[c.row - minRow][c.column - minCol] = c.formula;
  }
  return { sheetId, name, origin: { row: minRow, column: minCol }, values, formulas, merges };
}

const FORMAT_NAMES: Record<SpreadsheetFormat, string> = {
  xlsx: ".xlsx",
  xlsm: ".xlsm",
  xlsb: ".xlsb",
  xls: ".xls",
  ods: ".ods",
  fods: ".fods",
  xml2003: "Excel 2003 XML",
  html: "HTML",
  csv: "CSV",
};

/** SheetJS warns on the console about number formats it does not need here; keep the CLI's output clean. */
function quietly<T>(read: () => T): T {
  const error = console.error;
  console.error = () => undefined;
  try {
    return read();
  } finally {
    console.error = error;
  }
}

/**
 * Read a returned file SheetJS understands. `name` names the file in errors; a CSV's one sheet is named
 * after the file. Throws UnreadableFileError for anything SheetJS cannot read.
 */
export function readWithSheetJs(bytes: Uint8Array, name: string, format: SpreadsheetFormat): GridWorkbook {
  const csv = format === "csv";
  let wb: XLSX.WorkBook;
  try {
    const options: XLSX.ParsingOptions = {
      cellFormula: !csv,
      cellHTML: false,
      cellNF: false,
      cellStyles: false,
      cellText: false,
      cellDates: false,
      dense: false,
    };
    wb = quietly(() =>
      csv
        ? XLSX.read(decodeText(bytes), { ...options, type: "string", raw: true })
        : XLSX.read(bytes, { ...options, type: "array" }),
    );
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const encrypted = /password|encrypt/i.test(message);
    throw new UnreadableFileError(
      name,
      encrypted
        ? "tệp có mật khẩu mở tệp; hãy lưu lại không đặt mật khẩu mở rồi gửi lại"
        : `tệp ${FORMAT_NAMES[format]} bị hỏng hoặc không đọc được (${message})`,
      encrypted
        ? "the file needs a password to open; save it without one and send it again"
        : `the ${FORMAT_NAMES[format]} file is damaged or cannot be read (${message})`,
      cause,
    );
  }
  const stem = nfc(name.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "")) || "CSV";
  const hidden = wb.Workbook?.Sheets ?? [];
  const sheets = wb.SheetNames.map((sheetName, i) => ({
    grid: gridOf(wb.Sheets[sheetName], String(i + 1), csv ? stem : nfc(sheetName), csv),
    visible: !hidden[i]?.Hidden,
  }));
  return new GridWorkbook(name, sheets);
}

/**
 * The rows of a small table (a CSV or a sheet: the first one) as the text shown in each cell, for tables of
 * settings such as `split --passwords`; a CSV's fields are kept exactly as typed.
 */
export function readTextRows(bytes: Uint8Array, format: SpreadsheetFormat): string[][] {
  const wb = quietly(() =>
    format === "csv"
      ? XLSX.read(decodeText(bytes), { type: "string", raw: true, dense: false })
      : XLSX.read(bytes, { type: "array", cellText: true, cellDates: false, dense: false }),
  );
  const ws = wb.Sheets[wb.SheetNames[0]];
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, {
    header: 1,
    raw: false,
    defval: "",
    blankrows: true,
  });
  return rows.map((r) => r.map((v) => nfc(String(v ?? ""))));
}
