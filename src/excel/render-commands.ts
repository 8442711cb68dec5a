/**
 * WorkbookChanges → a list of plain write commands, sheet by sheet, in the order Excel needs them
 * (unprotect, clear, formats before values, merges, widths, every cell locked then the inputs unlocked,
 * validation, links, freeze, print, tab colour, protect). Commands are data so the request size can be
 * measured and split before anything is sent (write-requests.ts). Every decision comes from the layout;
 * this file only translates.
 *
 * Formats: with ExcelApi 1.7 and the workbook's style names known, each distinct cell style becomes a
 * named style (named-styles.ts), defined once per write and applied with one call per rectangle list;
 * otherwise each format property is set on the rectangles that share its value (the result is the same).
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
import { utf8Length } from "./estimate-size";
import { isEmptyStyle, styleKey, styleName } from "./named-styles";
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
  /** Add (unless `add` is false: it exists) and set a named style: `workbook.styles`. */
  | { op: "defineStyle"; name: string; style: CellStyle; add: boolean }
  /** Apply a named style to these rectangles. */
  | { op: "applyStyle"; ref: SheetRef; name: string; addresses: string[] }
  | { op: "numberFormat"; ref: SheetRef; address: string; formats: (string | null)[][] }
  | { op: "formulas"; ref: SheetRef; address: string; values: HostInput[][] }
  | { op: "format"; ref: SheetRef; prop: FormatProp; value: string | number | boolean; addresses: string[] }
  | { op: "borders"; ref: SheetRef; addresses: string[] }
  /** `across`: merge each row of the range on its own (several one-row merges in one call). */
  | { op: "merge"; ref: SheetRef; address: string; across: boolean }
  | { op: "columnWidth"; ref: SheetRef; address: string; points: number }
  | { op: "columnHidden"; ref: SheetRef; address: string }
  /** `address`: whole rows ("15:64"), all of the same height. */
  | { op: "rowHeight"; ref: SheetRef; address: string; points: number }
  /** Lock every cell of the sheet's used range (formats included), before the input ranges are unlocked. */
  | { op: "lockUsed"; ref: SheetRef }
  | { op: "unlock"; ref: SheetRef; addresses: string[] }
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

/** A command with the sheet it belongs to (for error messages). */
export interface PlannedCommand {
  command: Command;
  sheetName: string | null;
}

/** What the host supports, asked once per write. */
export interface HostFeatures {
  /** ExcelApi 1.7: freeze panes, tab colour, hyperlinks, protection passwords, cell styles. */
  api17: boolean;
  /** ExcelApi 1.8: data validation. */
  api18: boolean;
  /** ExcelApi 1.9: range areas, page layout, screen updating. */
  api19: boolean;
}

export interface RenderOptions {
  features: HostFeatures;
  /**
   * The cell styles the workbook holds (their names), read with the overview; null when not known in this
   * session: then formats are set property by property, as no style can be added without knowing.
   */
  existingStyles: ReadonlySet<string> | null;
}

/** Named styles are used when the host has them (1.7) and the workbook's style names are known. */
export const usesNamedStyles = (o: RenderOptions): boolean => o.features.api17 && o.existingStyles !== null;

/** Layout key of the patch (what ApplyResult.sheetIds is keyed by). */
export function refOf(patch: SheetPatch): SheetRef {
  return patch.create || !patch.sheetId ? { key: patch.layout.key } : { sheetId: patch.sheetId };
}

/** The sheet a command acts on, or null (the state part, style definitions). */
export function refOfCommand(c: Command): SheetRef | null {
  if (c.op === "addSheet") return { key: c.key };
  return "ref" in c ? c.ref : null;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** The format properties one cell style sets (undefined style fields set nothing). */
export function formatPropsOf(style: CellStyle): [FormatProp, string | number | boolean][] {
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

/** One applyStyle command per named style, over the rectangles of the cells that have it. */
function styleCommands(ref: SheetRef, cells: Placed[]): Command[] {
  const groups = new Map<string, Placed[]>();
  for (const c of cells) {
    if (isEmptyStyle(c.spec.style)) continue;
    const name = styleName(c.spec.style!);
    const g = groups.get(name);
    if (g) g.push(c);
    else groups.set(name, [c]);
  }
  return [...groups].map(([name, g]) => ({
    op: "applyStyle",
    ref,
    name,
    addresses: coverWithRectangles(g).map(addressOf),
  }));
}

/** Runs of consecutive indexes with the same value: [first, last, value]. */
function runs<T>(entries: [number, T][]): [number, number, T][] {
  const out: [number, number, T][] = [];
  for (const [i, v] of [...entries].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === v) last[1] = i;
    else out.push([i, i, v]);
  }
  return out;
}

/** Widths of equal consecutive columns in one call ("B:D"), heights of equal consecutive rows ("15:64"). */
function columnAndRowCommands(ref: SheetRef, layout: SheetLayout): Command[] {
  const out: Command[] = [];
  for (const [a, b, w] of runs(layout.columnWidths.map((w, i) => [i, w] as [number, number])))
    if (w > 0)
      out.push({
        op: "columnWidth",
        ref,
        address: `${columnLetter(a)}:${columnLetter(b)}`,
        points: columnWidthPoints(w),
      });
  for (const c of layout.hiddenColumns ?? [])
    out.push({ op: "columnHidden", ref, address: `${columnLetter(c)}:${columnLetter(c)}` });
  const heights = Object.entries(layout.rowHeights ?? {}).map(
    ([r, h]) => [Number(r), fittedRowHeight(h)] as [number, number],
  );
  for (const [a, b, h] of runs(heights)) out.push({ op: "rowHeight", ref, address: `${a}:${b}`, points: h });
  return out;
}

/**
 * Merges: one-row merges over the same columns on consecutive rows become one "merge across" call
 * (`Range.merge(true)` merges each row of the range on its own); the others one call each.
 */
function mergeCommands(ref: SheetRef, merges: string[]): Command[] {
  const out: Command[] = [];
  const oneRow = new Map<string, [number, boolean][]>();
  for (const m of merges) {
    if (!m.includes(":")) continue;
    const r = parseRange(m);
    if (r.start.row !== r.end.row) {
      out.push({ op: "merge", ref, address: rangeAddress(r), across: false });
      continue;
    }
    const k = `${r.start.column}:${r.end.column}`;
    oneRow.set(k, [...(oneRow.get(k) ?? []), [r.start.row, true]]);
  }
  for (const [k, rows] of oneRow) {
    const [c1, c2] = k.split(":").map(Number);
    for (const [a, b] of runs(rows))
      out.push({
        op: "merge",
        ref,
        address: rangeAddress({ start: { row: a, column: c1 }, end: { row: b, column: c2 } }),
        across: b > a,
      });
  }
  return out;
}

/** The commands of one sheet patch (its cells formatted through named styles when `styled`). */
export function sheetCommands(patch: SheetPatch, features: HostFeatures, styled = false): Command[] {
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
  if (styled) {
    // Number formats come with the styles, before the values (a text format must be there first).
    out.push(...styleCommands(ref, cells));
    if (g) out.push({ op: "formulas", ref, address: g.address, values: g.values });
  } else {
    if (g?.formats) out.push({ op: "numberFormat", ref, address: g.address, formats: g.formats });
    if (g) out.push({ op: "formulas", ref, address: g.address, values: g.values });
    out.push(...formatCommands(ref, cells));
  }
  out.push(...mergeCommands(ref, layout.merges));
  out.push(...columnAndRowCommands(ref, layout));
  // Protection is exact: on an existing sheet, cells unlocked before (inputs of a submitted tab, ranges
  // whose rows moved) are locked again, then exactly the layout's input ranges are unlocked. A new sheet
  // starts with every cell locked.
  if (layout.protection.protect && !patch.create && patch.sheetId) out.push({ op: "lockUsed", ref });
  if (layout.inputRanges.length)
    out.push({ op: "unlock", ref, addresses: layout.inputRanges.map((r) => rangeAddress(parseRange(r))) });
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

/**
 * The named styles the changes' cells use that the workbook does not have yet, in first use order. A style
 * the workbook has is used as it is: its name comes from its content (named-styles.ts).
 */
function styleDefinitions(changes: WorkbookChanges, existing: ReadonlySet<string>): Command[] {
  const have = new Set([...existing].map(styleKey));
  const missing = new Map<string, CellStyle>();
  for (const p of changes.patches)
    for (const spec of Object.values(p.cells))
      if (!isEmptyStyle(spec.style)) {
        const name = styleName(spec.style!);
        if (!have.has(styleKey(name)) && !missing.has(name)) missing.set(name, spec.style!);
      }
  return [...missing].map(([name, style]) => ({ op: "defineStyle", name, style, add: true }));
}

/** Split a 2D command into row bands whose JSON stays within `maxBytes` each (a band is at least one row). */
export function splitByRows(
  c: Extract<Command, { op: "formulas" | "numberFormat" }>,
  maxBytes: number,
): Command[] {
  const box = parseRange(c.address);
  const rows: unknown[][] = c.op === "formulas" ? c.values : c.formats;
  const out: Command[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = utf8Length(JSON.stringify(rows[start])) + 2;
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
  return out;
}

/**
 * Every command of the changes, in order, with its sheet: the state part first (if a later command fails,
 * the next run still knows its sheets by name), the named styles, each sheet's commands, the activation.
 * A 2D write whose values pass `maxArrayBytes` (JSON) is split into row bands.
 */
export function planCommands(
  changes: WorkbookChanges,
  options: RenderOptions,
  maxArrayBytes: number,
): PlannedCommand[] {
  const out: PlannedCommand[] = [];
  const push = (command: Command, sheetName: string | null): void => {
    if (command.op === "formulas" || command.op === "numberFormat") {
      const data = command.op === "formulas" ? command.values : command.formats;
      if (utf8Length(JSON.stringify(data)) > maxArrayBytes) {
        for (const part of splitByRows(command, Math.floor(maxArrayBytes / 2)))
          out.push({ command: part, sheetName });
        return;
      }
    }
    out.push({ command, sheetName });
  };
  const styled = usesNamedStyles(options);
  if (changes.stateXml !== undefined) push({ op: "replaceStatePart", xml: changes.stateXml }, null);
  if (styled) for (const c of styleDefinitions(changes, options.existingStyles!)) push(c, null);
  for (const patch of changes.patches)
    for (const c of sheetCommands(patch, options.features, styled)) push(c, patch.layout.name);
  const active = changes.activateKey
    ? changes.patches.find((p) => p.layout.key === changes.activateKey)
    : undefined;
  if (active) push({ op: "activate", ref: refOf(active) }, active.layout.name);
  return out;
}

/** Longest address list passed to one `getRanges` call. */
export const ADDRESS_LIST_CHARS = 2000;
