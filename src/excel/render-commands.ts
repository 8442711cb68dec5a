/**
 * WorkbookChanges → a list of plain write commands, sheet by sheet, in the order Excel needs them
 * (unprotect, clear, number formats before values, formats, merges, widths, every cell locked then the
 * inputs unlocked, validation, links, freeze, print, tab colour, protect). Commands are data so the
 * request size can be estimated and split before anything is queued. Every decision comes from the
 * layout; this file only translates.
 */
import {
  adr,
  columnLetter,
  parseAddress,
  parseRange,
  rangeAddress,
  type RangeRef,
} from "../core/workbook/address";
import { hostInputOf } from "../core/workbook/cell-input";
import type { CellSpec, CellStyle, SheetLayout, SheetPatch, WorkbookChanges } from "../core/workbook/model";
import { fittedRowHeight } from "../core/workbook/model";
import { columnWidthPoints } from "./column-width";
import { coverWithRectangles } from "./rectangles";
import { printSetupCommand } from "./print-setup";

/** A sheet the commands act on: an existing one by id, or one created earlier in the same run by key. */
export type SheetRef = { sheetId: string } | { key: string };

/** Properties of a range's format, by their Office.js path. */
export type FormatProp =
  | "font.bold"
  | "font.italic"
  | "font.underline"
  | "font.size"
  | "font.name"
  | "font.color"
  | "fill.color"
  | "horizontalAlignment"
  | "verticalAlignment"
  | "wrapText";

export type HostInput = string | number | boolean | null;

export type Command =
  | { op: "addSheet"; key: string; name: string }
  | { op: "rename"; ref: SheetRef; name: string }
  | { op: "unprotect"; ref: SheetRef; password?: string }
  | { op: "clearAll"; ref: SheetRef }
  | { op: "numberFormat"; ref: SheetRef; address: string; formats: (string | null)[][] }
  | { op: "formulas"; ref: SheetRef; address: string; values: HostInput[][] }
  | { op: "format"; ref: SheetRef; prop: FormatProp; value: string | number | boolean; addresses: string[] }
  | { op: "borders"; ref: SheetRef; addresses: string[] }
  | { op: "merge"; ref: SheetRef; address: string }
  | { op: "columnWidth"; ref: SheetRef; address: string; points: number }
  | { op: "columnHidden"; ref: SheetRef; address: string }
  | { op: "rowHeight"; ref: SheetRef; address: string; points: number }
  /** Lock every cell of the sheet's used range (formats included), before the input ranges are unlocked. */
  | { op: "lockUsed"; ref: SheetRef }
  | { op: "unlock"; ref: SheetRef; address: string }
  | { op: "validation"; ref: SheetRef; address: string; source: string; errorMessage?: string }
  | { op: "link"; ref: SheetRef; address: string; target: string }
  | { op: "freeze"; ref: SheetRef; rows: number; columns: number }
  | { op: "print"; ref: SheetRef; orientation: "Portrait" | "Landscape"; fitToWidth: boolean }
  /** Print area and the text on every page (ExcelApi 1.9): queued by print-setup.ts. */
  | { op: "printSetup"; ref: SheetRef; area?: string; pageHeader?: string; pageFooter?: string }
  | { op: "tabColor"; ref: SheetRef; color: string }
  | { op: "protect"; ref: SheetRef; password?: string }
  /** Our state part: the parts of ours read before (by id) are deleted, the new one added. */
  | { op: "replaceStatePart"; xml: string; replaces?: string[] }
  | { op: "activate"; ref: SheetRef };

/** A command with the sheet it belongs to (for error messages) and its estimated request bytes. */
export interface PlannedCommand {
  command: Command;
  sheetName: string | null;
  bytes: number;
}

/** What the host supports, asked once per write. */
export interface HostFeatures {
  /** ExcelApi 1.7: freeze panes, tab colour, hyperlinks, protection passwords. */
  api17: boolean;
  /** ExcelApi 1.8: data validation. */
  api18: boolean;
  /** ExcelApi 1.9: range areas, page layout, screen updating. */
  api19: boolean;
}

/** Layout key of the patch (what ApplyResult.sheetIds is keyed by). */
export function refOf(patch: SheetPatch): SheetRef {
  return patch.create || !patch.sheetId ? { key: patch.layout.key } : { sheetId: patch.sheetId };
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** The format properties one cell style sets (undefined style fields set nothing). */
function formatPropsOf(style: CellStyle): [FormatProp, string | number | boolean][] {
  const out: [FormatProp, string | number | boolean][] = [];
  if (style.bold !== undefined) out.push(["font.bold", style.bold]);
  if (style.italic !== undefined) out.push(["font.italic", style.italic]);
  if (style.underline !== undefined) out.push(["font.underline", style.underline ? "Single" : "None"]);
  if (style.fontSize !== undefined) out.push(["font.size", style.fontSize]);
  if (style.fontName !== undefined) out.push(["font.name", style.fontName]);
  if (style.fontColor !== undefined) out.push(["font.color", style.fontColor]);
  if (style.fill !== undefined) out.push(["fill.color", style.fill]);
  if (style.hAlign !== undefined) out.push(["horizontalAlignment", H_ALIGN[style.hAlign]]);
  if (style.vAlign !== undefined) out.push(["verticalAlignment", V_ALIGN[style.vAlign]]);
  if (style.wrap !== undefined) out.push(["wrapText", style.wrap]);
  return out;
}

interface Placed {
  row: number;
  column: number;
  spec: CellSpec;
}

function placedCells(cells: Record<string, CellSpec>): Placed[] {
  return Object.entries(cells).map(([address, spec]) => ({ ...parseAddress(address), spec }));
}

function boundingBox(cells: Placed[]): RangeRef {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.column);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.column);
  }
  return { start: { row: top, column: left }, end: { row: bottom, column: right } };
}

/** One 2D array over the patch's bounding box; cells not in the patch stay null (left unchanged by Excel). */
function grids(
  cells: Placed[],
): { address: string; values: HostInput[][]; formats: (string | null)[][] | null } | null {
  if (cells.length === 0) return null;
  const box = boundingBox(cells);
  const rows = box.end.row - box.start.row + 1;
  const cols = box.end.column - box.start.column + 1;
  const values: HostInput[][] = Array.from({ length: rows }, () => new Array<HostInput>(cols).fill(null));
  const formats: (string | null)[][] = Array.from({ length: rows }, () =>
    new Array<string | null>(cols).fill(null),
  );
  let anyFormat = false;
  for (const c of cells) {
    values[c.row - box.start.row][c.column - box.start.column] = hostInputOf(c.spec);
    const nf = c.spec.style?.numberFormat;
    if (nf !== undefined) {
      formats[c.row - box.start.row][c.column - box.start.column] = nf;
      anyFormat = true;
    }
  }
  return { address: rangeAddress(box), values, formats: anyFormat ? formats : null };
}

const addressOf = (r: RangeRef): string => rangeAddress(r);

/** Group cells by (format property, value) and cover each group with rectangles. */
function formatCommands(ref: SheetRef, cells: Placed[]): Command[] {
  const groups = new Map<string, { prop: FormatProp; value: string | number | boolean; cells: Placed[] }>();
  const bordered: Placed[] = [];
  for (const c of cells) {
    const style = c.spec.style;
    if (!style) continue;
    for (const [prop, value] of formatPropsOf(style)) {
      const k = `${prop}\u0000${typeof value}\u0000${String(value)}`;
      const g = groups.get(k);
      if (g) g.cells.push(c);
      else groups.set(k, { prop, value, cells: [c] });
    }
    if (style.border) bordered.push(c);
  }
  const out: Command[] = [];
  for (const g of groups.values())
    out.push({
      op: "format",
      ref,
      prop: g.prop,
      value: g.value,
      addresses: coverWithRectangles(g.cells).map(addressOf),
    });
  if (bordered.length)
    out.push({ op: "borders", ref, addresses: coverWithRectangles(bordered).map(addressOf) });
  return out;
}

/** Consecutive columns of equal width share one command ("B:D"). */
function columnCommands(ref: SheetRef, layout: SheetLayout): Command[] {
  const out: Command[] = [];
  const widths = layout.columnWidths;
  let i = 0;
  while (i < widths.length) {
    const w = widths[i];
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === w) j++;
    if (w > 0)
      out.push({
        op: "columnWidth",
        ref,
        address: `${columnLetter(i)}:${columnLetter(j)}`,
        points: columnWidthPoints(w),
      });
    i = j + 1;
  }
  for (const c of layout.hiddenColumns ?? [])
    out.push({ op: "columnHidden", ref, address: `${columnLetter(c)}:${columnLetter(c)}` });
  for (const [row, h] of Object.entries(layout.rowHeights ?? {}))
    out.push({ op: "rowHeight", ref, address: `${row}:${row}`, points: fittedRowHeight(h) });
  return out;
}

/** The commands of one sheet patch. */
export function sheetCommands(patch: SheetPatch, features: HostFeatures): Command[] {
  const layout = patch.layout;
  const ref = refOf(patch);
  const password = features.api17 ? layout.protection.password : undefined;
  const out: Command[] = [];
  if (patch.create || !patch.sheetId) out.push({ op: "addSheet", key: layout.key, name: layout.name });
  else {
    if (patch.rename) out.push({ op: "rename", ref, name: layout.name });
    out.push({ op: "unprotect", ref, password });
    if (patch.replaceAll) out.push({ op: "clearAll", ref });
  }
  const cells = placedCells(patch.cells);
  const g = grids(cells);
  if (g?.formats) out.push({ op: "numberFormat", ref, address: g.address, formats: g.formats });
  if (g) out.push({ op: "formulas", ref, address: g.address, values: g.values });
  out.push(...formatCommands(ref, cells));
  for (const m of layout.merges)
    if (m.includes(":")) out.push({ op: "merge", ref, address: rangeAddress(parseRange(m)) });
  out.push(...columnCommands(ref, layout));
  // Protection is exact: on an existing sheet, cells unlocked before (inputs of a submitted tab, ranges
  // whose rows moved) are locked again, then exactly the layout's input ranges are unlocked. A new sheet
  // starts with every cell locked.
  if (layout.protection.protect && !patch.create && patch.sheetId) out.push({ op: "lockUsed", ref });
  for (const r of layout.inputRanges) out.push({ op: "unlock", ref, address: rangeAddress(parseRange(r)) });
  if (features.api18) {
    for (const v of layout.validations) {
      out.push({
        op: "validation",
        ref,
        address: rangeAddress(parseRange(v.range)),
        source: v.list.join(","),
        errorMessage: v.errorMessage,
      });
    }
  }
  if (features.api17) {
    for (const c of cells)
      if (c.spec.link) out.push({ op: "link", ref, address: adr(c.row, c.column), target: c.spec.link });
    if (layout.freeze)
      out.push({ op: "freeze", ref, rows: layout.freeze.rows, columns: layout.freeze.columns });
    if (layout.tabColor) out.push({ op: "tabColor", ref, color: layout.tabColor });
  }
  if (features.api19)
    out.push({
      op: "print",
      ref,
      orientation: layout.print.orientation === "landscape" ? "Landscape" : "Portrait",
      fitToWidth: layout.print.fitToWidth,
    });
  if (features.api19) {
    const setup = printSetupCommand(ref, layout.print);
    if (setup) out.push(setup);
  }
  if (layout.protection.protect) out.push({ op: "protect", ref, password });
  return out;
}

/** Rough request bytes of one queued Office.js call (object path + action envelope). */
export const CALL_OVERHEAD_BYTES = 200;

/** How many Office.js calls a command becomes (range lists become one call with ExcelApi 1.9). */
export function callCount(c: Command, features: HostFeatures): number {
  switch (c.op) {
    case "format":
    case "borders": {
      const perArea = c.op === "borders" ? 6 : 1;
      return features.api19
        ? Math.ceil(c.addresses.join(",").length / ADDRESS_LIST_CHARS) * perArea
        : c.addresses.length * perArea;
    }
    case "validation":
      return 3;
    case "replaceStatePart":
      return 2 + (c.replaces?.length ?? 0);
    case "addSheet":
      return 2;
    default:
      return 1;
  }
}

/** Longest address list passed to one `getRanges` call. */
export const ADDRESS_LIST_CHARS = 2000;

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function estimateBytes(c: Command, features: HostFeatures): number {
  return utf8Length(JSON.stringify(c)) + CALL_OVERHEAD_BYTES * callCount(c, features);
}

/** Split a 2D command into row bands of at most `maxBytes` each (a band is at least one row). */
function splitByRows(
  c: Extract<Command, { op: "formulas" | "numberFormat" }>,
  maxBytes: number,
  features: HostFeatures,
): Command[] {
  const box = parseRange(c.address);
  const rows: unknown[][] = c.op === "formulas" ? c.values : c.formats;
  const out: Command[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = utf8Length(JSON.stringify(rows[start])) + 200;
    while (end + 1 < rows.length) {
      const b = utf8Length(JSON.stringify(rows[end + 1])) + 1;
      if (bytes + b > maxBytes) break;
      bytes += b;
      end++;
    }
    const address = rangeAddress({
      start: { row: box.start.row + start, column: box.start.column },
      end: { row: box.start.row + end, column: box.end.column },
    });
    out.push(
      c.op === "formulas"
        ? { op: "formulas", ref: c.ref, address, values: c.values.slice(start, end + 1) }
        : { op: "numberFormat", ref: c.ref, address, formats: c.formats.slice(start, end + 1) },
    );
    start = end + 1;
  }
  void features;
  return out;
}

/** Every command of the changes, in order, with its sheet and size; large 2D writes split into row bands. */
export function planCommands(
  changes: WorkbookChanges,
  features: HostFeatures,
  maxCommandBytes: number,
): PlannedCommand[] {
  const out: PlannedCommand[] = [];
  const push = (command: Command, sheetName: string | null): void => {
    const bytes = estimateBytes(command, features);
    if (bytes > maxCommandBytes && (command.op === "formulas" || command.op === "numberFormat")) {
      for (const part of splitByRows(command, Math.floor(maxCommandBytes / 2), features))
        out.push({ command: part, sheetName, bytes: estimateBytes(part, features) });
    } else out.push({ command, sheetName, bytes });
  };
  // The state part goes first: if a later command fails, the next run still knows its sheets by name.
  if (changes.stateXml !== undefined) push({ op: "replaceStatePart", xml: changes.stateXml }, null);
  for (const patch of changes.patches)
    for (const c of sheetCommands(patch, features)) push(c, patch.layout.name);
  const active = changes.activateKey
    ? changes.patches.find((p) => p.layout.key === changes.activateKey)
    : undefined;
  if (active) push({ op: "activate", ref: refOf(active) }, active.layout.name);
  return out;
}

/** Pack commands, in order, into requests of at most `budget` bytes each. */
export function packRequests(commands: PlannedCommand[], budget: number): PlannedCommand[][] {
  const chunks: PlannedCommand[][] = [];
  let current: PlannedCommand[] = [];
  let size = 0;
  for (const c of commands) {
    if (current.length > 0 && size + c.bytes > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(c);
    size += c.bytes;
  }
  if (current.length) chunks.push(current);
  return chunks;
}
