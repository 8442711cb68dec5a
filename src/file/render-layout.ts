/**
 * A SheetLayout / SheetPatch → an ExcelJS worksheet, element by element: cells, merges, column widths and
 * hidden columns, row heights, data-validation lists, input ranges unlocked, protection, freeze panes,
 * print setup, tab colour. Every decision comes from the layout model.
 */
import type ExcelJS from "exceljs";
import { parseRange, rangeAddress } from "../core/workbook/address";
import type { CellSpec, DataValidationSpec, SheetLayout } from "../core/workbook/model";
import { fittedRowHeight } from "../core/workbook/model";
import { argbOf, renderCell, setLocked } from "./render-cell";

/** Internal hyperlinks of one sheet: A1 address → location ("'Tổ 1'!D12"). */
export type SheetLinks = Map<string, string>;

/** Write the cells; a written cell keeps an internal link only if its spec has one. */
export function renderCells(ws: ExcelJS.Worksheet, cells: Record<string, CellSpec>, links: SheetLinks): void {
  for (const [address, spec] of Object.entries(cells)) {
    renderCell(ws.getCell(address), spec);
    const key = address.replace(/\$/g, "").toUpperCase();
    if (spec.link) links.set(key, spec.link.replace(/^#/, ""));
    else links.delete(key);
  }
}

/** Merges already present (ExcelJS keeps them as "A1:B2" strings in the model). */
function existingMerges(ws: ExcelJS.Worksheet): string[] {
  return (ws.model as unknown as { merges?: string[] }).merges ?? [];
}

function overlaps(a: string, b: string): boolean {
  const r = parseRange(a);
  const s = parseRange(b);
  return !(
    r.end.row < s.start.row ||
    s.end.row < r.start.row ||
    r.end.column < s.start.column ||
    s.end.column < r.start.column
  );
}

/**
 * Undo merges the layout no longer has, before any cell is written (a cell inside an old merge would
 * otherwise be written into the merge's first cell). Only for sheets the add-in owns whole (the summary).
 */
export function removeStaleMerges(ws: ExcelJS.Worksheet, merges: string[]): void {
  const wanted = new Set(merges.map((m) => rangeAddress(parseRange(m))));
  for (const m of existingMerges(ws)) if (!wanted.has(rangeAddress(parseRange(m)))) ws.unMergeCells(m);
}

export function renderMerges(ws: ExcelJS.Worksheet, merges: string[]): void {
  for (const merge of merges) {
    const normal = rangeAddress(parseRange(merge));
    if (!normal.includes(":")) continue;
    const current = existingMerges(ws).map((m) => rangeAddress(parseRange(m)));
    if (current.includes(normal)) continue;
    for (const other of current) if (overlaps(other, normal)) ws.unMergeCells(other);
    ws.mergeCells(normal);
  }
}

export function renderColumns(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  layout.columnWidths.forEach((width, index) => {
    if (width > 0) ws.getColumn(index + 1).width = width;
  });
  const hidden = new Set(layout.hiddenColumns ?? []);
  for (const index of hidden) ws.getColumn(index + 1).hidden = true;
}

export function renderRowHeights(
  ws: ExcelJS.Worksheet,
  rowHeights: Record<number, number> | undefined,
): void {
  for (const [row, height] of Object.entries(rowHeights ?? {}))
    ws.getRow(Number(row)).height = fittedRowHeight(height);
}

/** A list validation: Excel stores the list inline as one quoted, comma-separated formula. */
export function listValidationOf(spec: DataValidationSpec): ExcelJS.DataValidation {
  const list = spec.list.map((item) => item.replace(/"/g, '""')).join(",");
  const validation: ExcelJS.DataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [`"${list}"`],
    showErrorMessage: true,
  };
  if (spec.errorMessage) {
    validation.errorStyle = "stop";
    validation.error = spec.errorMessage;
  }
  return validation;
}

/** ExcelJS has range validations (`ws.dataValidations.add`) but its typings omit them. */
type WorksheetWithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

export function renderValidations(ws: ExcelJS.Worksheet, validations: DataValidationSpec[]): void {
  for (const spec of validations) {
    const range = rangeAddress(parseRange(spec.range));
    (ws as WorksheetWithValidations).dataValidations.add(range, listValidationOf(spec));
  }
}

function forEachCell(range: string, visit: (row: number, column: number) => void): void {
  const r = parseRange(range);
  for (let row = r.start.row; row <= r.end.row; row++)
    for (let column = r.start.column; column <= r.end.column; column++) visit(row, column);
}

/**
 * Lock again every cell unlocked before (inputs of a submitted tab, ranges whose rows moved), so that the
 * input ranges unlocked next are exactly the layout's. Only cells that exist can be unlocked.
 */
export function lockUnlockedCells(ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.style?.protection?.locked === false) setLocked(cell, true);
    }),
  );
}

export function renderInputRanges(ws: ExcelJS.Worksheet, inputRanges: string[]): void {
  for (const range of inputRanges)
    forEachCell(range, (row, column) => setLocked(ws.getCell(row + 1, column + 1), false));
}

/**
 * Spin count of the password hashes the file adapter writes. Excel's own default is 100,000; the protection
 * is a guard against mistakes, not security (docs/reliability.md), and 1,000 keeps a file with passwords
 * quick to write, in the pane too (ExcelJS hashes in JavaScript there).
 */
export const PASSWORD_SPIN_COUNT = 1000;

/** Sheet protection: everything locked except the input ranges (unlocked above). */
export async function renderProtection(
  ws: ExcelJS.Worksheet,
  protection: SheetLayout["protection"],
): Promise<void> {
  if (!protection.protect) {
    ws.unprotect();
    return;
  }
  await ws.protect(protection.password ?? "", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    spinCount: protection.password ? PASSWORD_SPIN_COUNT : 0,
  });
}

export function renderFreeze(ws: ExcelJS.Worksheet, freeze: SheetLayout["freeze"]): void {
  if (!freeze || (freeze.rows === 0 && freeze.columns === 0)) {
    ws.views = [{ state: "normal" }];
    return;
  }
  ws.views = [{ state: "frozen", xSplit: freeze.columns, ySplit: freeze.rows }];
}

/** Text in an Excel header/footer: "&" starts a code, so a literal one is doubled. */
function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}

/**
 * A4 (paper size 9), orientation, fit to one page wide (any number of pages tall); the print area, the
 * centred page header and "Trang 1/3" at the bottom when the layout asks.
 */
export function renderPrint(ws: ExcelJS.Worksheet, print: SheetLayout["print"]): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: print.orientation,
    fitToPage: print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(print.area ? { printArea: print.area } : {}),
  };
  if (print.pageHeader) ws.headerFooter.oddHeader = `&C${headerText(print.pageHeader)}`;
  if (print.pageNumbers) ws.headerFooter.oddFooter = "&CTrang &P/&N";
}

export function renderTabColor(ws: ExcelJS.Worksheet, tabColor: string | undefined): void {
  if (tabColor) ws.properties.tabColor = { argb: argbOf(tabColor) };
}

/**
 * Render a sheet: the given cells, then the sheet-wide elements of the layout. For a new sheet `cells`
 * is the whole layout; for an update only the patch's cells are written, every other cell is untouched.
 */
export async function renderSheet(
  ws: ExcelJS.Worksheet,
  layout: SheetLayout,
  cells: Record<string, CellSpec>,
  links: SheetLinks,
): Promise<void> {
  if (layout.role === "summary") removeStaleMerges(ws, layout.merges);
  renderCells(ws, cells, links);
  renderMerges(ws, layout.merges);
  renderColumns(ws, layout);
  renderRowHeights(ws, layout.rowHeights);
  renderValidations(ws, layout.validations);
  if (layout.protection.protect) lockUnlockedCells(ws);
  renderInputRanges(ws, layout.inputRanges);
  renderFreeze(ws, layout.freeze);
  renderPrint(ws, layout.print);
  renderTabColor(ws, layout.tabColor);
  await renderProtection(ws, layout.protection);
}
