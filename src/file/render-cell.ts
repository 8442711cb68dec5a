/**
 * One cell of the layout model → one ExcelJS cell, in small converters (value, font, fill, border,
 * alignment, number format). No layout decision is made here: the CellSpec says everything.
 */
import type ExcelJS from "exceljs";
import type { CellSpec, CellStyle, CellValue } from "../core/workbook/model";
import { cellText } from "../core/workbook/cell-input";

/** "#RRGGBB" → ExcelJS ARGB "FFRRGGBB". */
export function argbOf(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  return h.length === 8 ? h : `FF${h.padStart(6, "0")}`;
}

/**
 * A literal value of the model → an ExcelJS literal. A string is ALWAYS a plain string cell, cut to what a
 * cell holds (cellText).
 */
export function literalOf(value: CellValue | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return typeof value === "string" ? cellText(value) : value;
}

/**
 * The ExcelJS value of a cell spec: a formula with its cached result, or a literal. An internal link is
 * not part of the value (numbers stay numbers): the port keeps it and writes Excel's `<hyperlink>`.
 */
export function cellValueOf(spec: CellSpec): ExcelJS.CellValue {
  if (spec.formula !== undefined) {
    const formula = spec.formula.replace(/^=/, "");
    const result = literalOf(spec.cachedValue);
    return (result === null ? { formula } : { formula, result }) as ExcelJS.CellFormulaValue;
  }
  return literalOf(spec.value);
}

export function fontOf(style: CellStyle, base: Partial<ExcelJS.Font> | undefined): Partial<ExcelJS.Font> {
  const font: Partial<ExcelJS.Font> = { ...(base ?? {}) };
  if (style.fontName !== undefined) font.name = style.fontName;
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.underline !== undefined) font.underline = style.underline;
  if (style.fontColor !== undefined) font.color = { argb: argbOf(style.fontColor) };
  return font;
}

export function fillOf(color: string): ExcelJS.Fill {
  return {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: argbOf(color) },
    bgColor: { argb: argbOf(color) },
  };
}

export function thinBorder(): Partial<ExcelJS.Borders> {
  const side: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
  return { top: { ...side }, left: { ...side }, bottom: { ...side }, right: { ...side } };
}

const V_ALIGN: Record<NonNullable<CellStyle["vAlign"]>, ExcelJS.Alignment["vertical"]> = {
  top: "top",
  middle: "middle",
  bottom: "bottom",
};

export function alignmentOf(
  style: CellStyle,
  base: Partial<ExcelJS.Alignment> | undefined,
): Partial<ExcelJS.Alignment> | undefined {
  if (style.hAlign === undefined && style.vAlign === undefined && style.wrap === undefined) return base;
  const alignment: Partial<ExcelJS.Alignment> = { ...(base ?? {}) };
  if (style.hAlign !== undefined) alignment.horizontal = style.hAlign;
  if (style.vAlign !== undefined) alignment.vertical = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) alignment.wrapText = style.wrap;
  return alignment;
}

/**
 * A fresh style object for the cell (ExcelJS may share style objects between cells of a loaded file,
 * so we never mutate the one it holds).
 */
export function styleOf(style: CellStyle, current: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  const next: Partial<ExcelJS.Style> = structuredClone(current ?? {});
  const hasFont =
    style.fontName !== undefined ||
    style.fontSize !== undefined ||
    style.bold !== undefined ||
    style.italic !== undefined ||
    style.underline !== undefined ||
    style.fontColor !== undefined;
  if (hasFont) next.font = fontOf(style, next.font);
  if (style.fill !== undefined) next.fill = fillOf(style.fill);
  if (style.border !== undefined) {
    if (style.border) next.border = thinBorder();
    else delete next.border;
  }
  const alignment = alignmentOf(style, next.alignment);
  if (alignment) next.alignment = alignment;
  if (style.numberFormat !== undefined) next.numFmt = style.numberFormat;
  return next;
}

/** Write one cell spec into an ExcelJS cell: value (or formula + cached value) and style. */
export function renderCell(cell: ExcelJS.Cell, spec: CellSpec): void {
  cell.value = cellValueOf(spec);
  if (spec.style) cell.style = styleOf(spec.style, cell.style);
}

/** Lock or unlock one cell for sheet protection, without touching its other style parts. */
export function setLocked(cell: ExcelJS.Cell, locked: boolean): void {
  const next: Partial<ExcelJS.Style> = structuredClone(cell.style ?? {});
  next.protection = { ...(next.protection ?? {}), locked };
  cell.style = next;
}
