import { ClientObject, SimRequestContext } from "./client-object";
import { ErrorCodes, SimulatedOfficeError, invalidArgument } from "./errors";
import {
  type BorderEdge,
  type Box,
  type CellFormat,
  type StoredCell,
  type StoredSheet,
  type StoredStyle,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  MAX_COLUMNS,
  MAX_ROWS,
  addressSheetName,
  boxAddress,
  boxCellCount,
  boxesIntersect,
  cellKey,
  newCell,
  parseBox,
  parseKey as parseKeyOf,
} from "./store";
import type { WorkbookModel } from "./workbook-model";

export interface RangeTarget {
  sheet: StoredSheet;
  box: Box;
}
export interface AreasTarget {
  sheet: StoredSheet;
  boxes: Box[];
}
/** A cell style's font, fill or borders (`Style.font` …) instead of cells'. */
export interface StyleTarget {
  style: StoredStyle;
}
export type FormatTarget = AreasTarget | StyleTarget;

const isStyleTarget = (t: unknown): t is StyleTarget => typeof t === "object" && t !== null && "style" in t;

/** Reading a whole-column range cell by cell would be absurd; reads are capped like a sane client. */
const MAX_READ_CELLS = 5_000_000;

function rows(b: Box): number {
  return b.bottom - b.top + 1;
}
function cols(b: Box): number {
  return b.right - b.left + 1;
}

function grid<T>(
  model: WorkbookModel,
  t: RangeTarget,
  f: (row: number, column: number) => T,
  location: string,
): T[][] {
  if (boxCellCount(t.box) > MAX_READ_CELLS) {
    throw new SimulatedOfficeError(
      ErrorCodes.responsePayloadSizeLimitExceeded,
      "The response payload size has exceeded the limit.",
      location,
    );
  }
  void model;
  const out: T[][] = [];
  for (let r = t.box.top; r <= t.box.bottom; r++) {
    const row: T[] = [];
    for (let c = t.box.left; c <= t.box.right; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

const RANGE_PROPS = [
  "address",
  "values",
  "formulas",
  "numberFormat",
  "rowCount",
  "columnCount",
  "rowIndex",
  "columnIndex",
  "cellCount",
];

/** Like `Excel.Range`. */
export class SimRange extends ClientObject {
  private _format: SimRangeFormat | undefined;
  private _dataValidation: SimDataValidation | undefined;

  constructor(
    context: SimRequestContext,
    path: string,
    parent: ClientObject | null,
    private readonly _find: () => RangeTarget | null,
    nullable = false,
  ) {
    super(context, path, parent, nullable);
  }

  _resolveTarget(): RangeTarget | null {
    return this._find();
  }
  _scalarNames(): string[] {
    return RANGE_PROPS;
  }
  _read(target: unknown, name: string): unknown {
    const t = target as RangeTarget;
    const model = this.context._host.model;
    switch (name) {
      case "address":
        return `${addressSheetName(t.sheet.name)}!${boxAddress(t.box)}`;
      case "values":
        return grid(model, t, (r, c) => model.valueOf(t.sheet, r, c), "Range.values");
      case "formulas":
        return grid(model, t, (r, c) => model.formulaOf(t.sheet, r, c), "Range.formulas");
      case "numberFormat":
        return grid(
          model,
          t,
          (r, c) => model.peek(t.sheet, r, c)?.numberFormat ?? "General",
          "Range.numberFormat",
        );
      case "rowCount":
        return rows(t.box);
      case "columnCount":
        return cols(t.box);
      case "rowIndex":
        return t.box.top;
      case "columnIndex":
        return t.box.left;
      case "cellCount":
        return boxCellCount(t.box);
      case "hyperlink":
        return model.peek(t.sheet, t.box.top, t.box.left)?.hyperlink ?? null;
      case "columnHidden":
        return allSame(range(t.box.left, t.box.right).map((c) => t.sheet.hiddenColumns.has(c)));
      case "style":
        return common(model, { sheet: t.sheet, boxes: [t.box] }, (c) => c?.style ?? "Normal");
      default:
        throw invalidArgument(`Range.${name}`);
    }
  }
  override _nav(name: string): ClientObject | undefined {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    return undefined;
  }

  get address(): string {
    return this._get("address");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }

  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._writeContent("values", v);
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this._writeContent("formulas", v);
  }

  /**
   * Office.js sends a 2D set of more than 1,500 cells in row chunks (setRangePropertiesInBulk in
   * excel-web-16.00.debug.js): `_ValidateArraySize(rows, columns)` on the range, then per chunk of
   * round(1500 / columns) rows a `getRow(first).getBoundingRect(getRow(last))` range that gets the slice.
   * The host applies the whole array at once; only the request is shaped that way. False when not bulk.
   */
  private _setInBulk(name: string, v: unknown, apply: (target: never) => void): boolean {
    if (!Array.isArray(v) || v.length === 0 || !Array.isArray(v[0])) return false;
    const columns = (v[0] as unknown[]).length;
    if (v.length * columns <= 1500) return false;
    this._loaded.set(name, v);
    this._wireAction(3, "_ValidateArraySize", [v.length, columns]);
    const chunk = Math.max(1, Math.round(1500 / columns));
    for (let start = 0; start < v.length; start += chunk) {
      const end = Math.min(start + chunk, v.length) - 1;
      const first = this.getRow(start);
      first._wirePath().dispose = true;
      const last = this.getRow(end);
      last._wirePath().dispose = true;
      const rect = new SimRange(this.context, `${first._path}.getBoundingRect()`, first, () => null);
      rect._wire = { type: 3, name: "GetBoundingRect", argObjects: [last], dispose: true };
      rect._wireAction(4, name.charAt(0).toUpperCase() + name.slice(1), [v.slice(start, end + 1)]);
    }
    this._queueRun(apply);
    return true;
  }

  private _writeContent(name: "values" | "formulas", v: unknown): void {
    const location = `Range.${name}`;
    const apply = (t: RangeTarget) => {
      const model = this.context._host.model;
      if (t.box.bottom === MAX_ROWS - 1 || t.box.right === MAX_COLUMNS - 1) throw invalidArgument(location);
      model.assertContentWritable(t.sheet, t.box, Array.isArray(v) ? (v as unknown[][]) : null, location);
      model.writeGrid(t.sheet, t.box, v, location, (r, c, x) => model.writeInput(t.sheet, r, c, x, location));
    };
    if (!this._setInBulk(name, v, apply)) this._set(name, v, apply);
  }

  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    const apply = (t: RangeTarget) => {
      const model = this.context._host.model;
      model.assertChangeAllowed(t.sheet, "formatCells", t.box, "Range.numberFormat");
      model.writeGrid(t.sheet, t.box, v, "Range.numberFormat", (r, c, x) => {
        if (x === null || x === undefined) return;
        if (typeof x !== "string") throw invalidArgument("Range.numberFormat");
        model.cell(t.sheet, r, c).numberFormat = x === "" ? "General" : x;
      });
    };
    if (!this._setInBulk("numberFormat", v, apply)) this._set("numberFormat", v, apply);
  }

  /** ExcelApi 1.7. */
  get hyperlink(): Record<string, string> | null {
    return this._get("hyperlink");
  }
  set hyperlink(v: Record<string, string> | null) {
    this._requireApi("1.7", "Range.hyperlink");
    this._set("hyperlink", v, (t: RangeTarget) => {
      const model = this.context._host.model;
      model.assertChangeAllowed(t.sheet, "insertHyperlinks", t.box, "Range.hyperlink");
      forEachCell(t.box, (r, c) => {
        const cell = model.cell(t.sheet, r, c);
        if (v === null) delete cell.hyperlink;
        else cell.hyperlink = { ...v };
        if (v?.textToDisplay !== undefined)
          model.writeInput(t.sheet, r, c, `'${v.textToDisplay}`, "Range.hyperlink");
      });
    });
  }

  /** ExcelApi 1.7: the cell style's name ("Normal" when none); setting applies a style of `Workbook.styles`. */
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._requireApi("1.7", "Range.style");
    this._set("style", v, (t: RangeTarget) =>
      this.context._host.model.applyStyle(t.sheet, t.box, v, "Range.style"),
    );
  }

  get columnHidden(): boolean {
    return this._get("columnHidden");
  }
  set columnHidden(v: boolean) {
    this._set("columnHidden", v, (t: RangeTarget) => {
      this.context._host.model.assertChangeAllowed(t.sheet, "formatColumns", t.box, "Range.columnHidden");
      for (let c = t.box.left; c <= t.box.right; c++) {
        if (v) t.sheet.hiddenColumns.add(c);
        else t.sheet.hiddenColumns.delete(c);
      }
    });
  }

  get format(): SimRangeFormat {
    this._format ??= new SimRangeFormat(this.context, `${this._path}.format`, this, () => {
      const t = this._find();
      return t ? { sheet: t.sheet, boxes: [t.box] } : null;
    });
    return this._format;
  }

  /** ExcelApi 1.8. */
  get dataValidation(): SimDataValidation {
    this._requireApi("1.8", "Range.dataValidation");
    this._dataValidation ??= new SimDataValidation(this.context, this);
    return this._dataValidation;
  }

  private _derived(name: string, f: (b: Box) => Box): SimRange {
    return new SimRange(this.context, `${this._path}.${name}`, this, () => {
      const t = this._find();
      if (!t) return null;
      const b = f(t.box);
      if (
        b.top < 0 ||
        b.left < 0 ||
        b.bottom >= MAX_ROWS ||
        b.right >= MAX_COLUMNS ||
        b.bottom < b.top ||
        b.right < b.left
      ) {
        throw invalidArgument(`Range.${name}`);
      }
      return { sheet: t.sheet, box: b };
    });
  }

  getCell(row: number, column: number): SimRange {
    return this._derived(`getCell(${row},${column})`, (b) => ({
      top: b.top + row,
      left: b.left + column,
      bottom: b.top + row,
      right: b.left + column,
    }));
  }
  /** ExcelApi 1.7. */
  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    this._requireApi("1.7", "Range.getResizedRange");
    return this._derived(`getResizedRange(${deltaRows},${deltaColumns})`, (b) => ({
      ...b,
      bottom: b.bottom + deltaRows,
      right: b.right + deltaColumns,
    }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this._derived(`getOffsetRange(${rowOffset},${columnOffset})`, (b) => ({
      top: b.top + rowOffset,
      left: b.left + columnOffset,
      bottom: b.bottom + rowOffset,
      right: b.right + columnOffset,
    }));
  }
  getRow(row: number): SimRange {
    return this._derived(`getRow(${row})`, (b) => ({ ...b, top: b.top + row, bottom: b.top + row }));
  }
  getColumn(column: number): SimRange {
    return this._derived(`getColumn(${column})`, (b) => ({
      ...b,
      left: b.left + column,
      right: b.left + column,
    }));
  }
  getEntireColumn(): SimRange {
    return this._derived("getEntireColumn()", (b) => ({ ...b, top: 0, bottom: MAX_ROWS - 1 }));
  }
  getEntireRow(): SimRange {
    return this._derived("getEntireRow()", (b) => ({ ...b, left: 0, right: MAX_COLUMNS - 1 }));
  }

  /** Merge the range (top-left value kept, the other cells cleared, as Excel does). */
  merge(across = false): void {
    this._queue(
      "Method",
      [across],
      (t: RangeTarget) => {
        const model = this.context._host.model;
        model.assertChangeAllowed(t.sheet, "merge", t.box, "Range.merge");
        const areas: Box[] = across
          ? range(t.box.top, t.box.bottom).map((r) => ({ ...t.box, top: r, bottom: r }))
          : [t.box];
        for (const a of areas) {
          if (boxCellCount(a) < 2) continue;
          t.sheet.merges = t.sheet.merges.filter((m) => !boxesIntersect(m, a));
          t.sheet.merges.push(a);
          forEachCell(a, (r, c) => {
            if (r === a.top && c === a.left) return;
            const cell = model.peek(t.sheet, r, c);
            if (cell) {
              cell.value = null;
              cell.formula = null;
            }
          });
        }
        model.version++;
      },
      "Merge",
    );
  }
  unmerge(): void {
    this._queue(
      "Method",
      [],
      (t: RangeTarget) => {
        this.context._host.model.assertChangeAllowed(t.sheet, "merge", t.box, "Range.unmerge");
        t.sheet.merges = t.sheet.merges.filter((m) => !boxesIntersect(m, t.box));
      },
      "Unmerge",
    );
  }
  clear(applyTo: string = "All"): void {
    this._queue(
      "Method",
      [applyTo],
      (t: RangeTarget) => {
        const model = this.context._host.model;
        if (applyTo === "Contents") model.assertContentWritable(t.sheet, t.box, null, "Range.clear");
        else model.assertChangeAllowed(t.sheet, "formatCells", t.box, "Range.clear");
        model.clear(t.sheet, t.box, applyTo);
      },
      "Clear",
    );
  }
  select(): void {
    this._queue(
      "Method",
      [],
      (t: RangeTarget) => {
        const model = this.context._host.model;
        model.activeSheetId = t.sheet.id;
        model.selection = { sheetId: t.sheet.id, address: boxAddress(t.box) };
      },
      "Select",
    );
  }
}

/** Like `Excel.RangeAreas` (ExcelApi 1.9): the format of several ranges at once. */
export class SimRangeAreas extends ClientObject {
  private _format: SimRangeFormat | undefined;
  constructor(
    context: SimRequestContext,
    path: string,
    parent: ClientObject,
    private readonly _find: () => AreasTarget | null,
  ) {
    super(context, path, parent);
  }
  get format(): SimRangeFormat {
    this._format ??= new SimRangeFormat(this.context, `${this._path}.format`, this, this._find);
    return this._format;
  }
  _resolveTarget(): AreasTarget | null {
    return this._find();
  }
  _scalarNames(): string[] {
    return ["address", "areaCount"];
  }
  _read(t: unknown, name: string): unknown {
    const a = t as AreasTarget;
    if (name === "address")
      return a.boxes.map((b) => `${addressSheetName(a.sheet.name)}!${boxAddress(b)}`).join(",");
    if (name === "areaCount") return a.boxes.length;
    if (name === "style") return common(this.context._host.model, a, (c) => c?.style ?? "Normal");
    throw invalidArgument(`RangeAreas.${name}`);
  }
  /** ExcelApi 1.9: one cell style for every area. */
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, (t: AreasTarget) => {
      for (const b of t.boxes) this.context._host.model.applyStyle(t.sheet, b, v, "RangeAreas.style");
    });
  }
  override _nav(name: string): ClientObject | undefined {
    return name === "format" ? this.format : undefined;
  }
  get address(): string {
    return this._get("address");
  }
}

function forEachCell(b: Box, f: (row: number, column: number) => void): void {
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) f(r, c);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

function allSame<T>(xs: T[]): T | null {
  return xs.every((x) => x === xs[0]) ? xs[0] : null;
}

/** Read a format value over areas: the common value, or null when cells differ (as Excel reports). */
function common(model: WorkbookModel, t: AreasTarget, f: (cell: StoredCell | undefined) => unknown): unknown {
  let first: unknown;
  let seen = false;
  for (const b of t.boxes) {
    if (boxCellCount(b) > MAX_READ_CELLS) return null;
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const v = f(model.peek(t.sheet, r, c));
        if (!seen) {
          first = v;
          seen = true;
        } else if (JSON.stringify(v) !== JSON.stringify(first)) return null;
      }
    }
  }
  return first;
}

abstract class FormatPart extends ClientObject {
  constructor(
    context: SimRequestContext,
    path: string,
    parent: ClientObject,
    protected readonly _find: () => FormatTarget | null,
  ) {
    super(context, path, parent);
  }
  _resolveTarget(): FormatTarget | null {
    return this._find();
  }
  /** Queue a change to every cell of the target, after the protection check. */
  protected _setCells(
    name: string,
    v: unknown,
    change: "formatCells" | "locking",
    mutate: (f: CellFormat, cell: StoredCell) => void,
    validate?: (v: unknown) => boolean,
  ): void {
    this._set(name, v, (t: FormatTarget) => {
      if (validate && !validate(v))
        throw invalidArgument(`${this.constructor.name.replace(/^Sim/, "")}.${name}`);
      const model = this.context._host.model;
      if (isStyleTarget(t)) {
        model.changeStyle(t.style, (st) => mutate(st.format, newCell()));
        return;
      }
      for (const b of t.boxes) {
        model.assertChangeAllowed(t.sheet, change, b, `${name}`);
        model.formatCells(t.sheet, b, mutate);
      }
    });
  }
  protected _common(t: unknown, f: (cell: StoredCell | undefined) => unknown): unknown {
    if (isStyleTarget(t)) return f({ ...newCell(), format: t.style.format });
    return common(this.context._host.model, t as AreasTarget, f);
  }
}

/** Excel.HorizontalAlignment and Excel.VerticalAlignment: what a range format or a style accepts. */
export const H_ALIGN = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
export const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];

/** Like `Excel.RangeFormat`. */
export class SimRangeFormat extends FormatPart {
  private _font: SimRangeFont | undefined;
  private _fill: SimRangeFill | undefined;
  private _borders: SimRangeBorderCollection | undefined;
  private _protection: SimFormatProtection | undefined;

  constructor(
    context: SimRequestContext,
    path: string,
    parent: ClientObject,
    find: () => FormatTarget | null,
  ) {
    super(context, path, parent, find);
  }
  // Created on first use, as Office.js does (each is an object path and an Instantiate action).
  get font(): SimRangeFont {
    this._font ??= new SimRangeFont(this.context, `${this._path}.font`, this, this._find);
    return this._font;
  }
  get fill(): SimRangeFill {
    this._fill ??= new SimRangeFill(this.context, `${this._path}.fill`, this, this._find);
    return this._fill;
  }
  get borders(): SimRangeBorderCollection {
    this._borders ??= new SimRangeBorderCollection(this.context, `${this._path}.borders`, this, this._find);
    return this._borders;
  }
  get protection(): SimFormatProtection {
    this._protection ??= new SimFormatProtection(this.context, `${this._path}.protection`, this, this._find);
    return this._protection;
  }
  _scalarNames(): string[] {
    return ["columnWidth", "rowHeight", "horizontalAlignment", "verticalAlignment", "wrapText"];
  }
  _read(target: unknown, name: string): unknown {
    const t = target as AreasTarget;
    switch (name) {
      case "columnWidth":
        return allSame(
          t.boxes.flatMap((b) =>
            range(b.left, Math.min(b.right, b.left + 500)).map(
              (c) => t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH,
            ),
          ),
        );
      case "rowHeight":
        return allSame(
          t.boxes.flatMap((b) =>
            range(b.top, Math.min(b.bottom, b.top + 5000)).map(
              (r) => t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT,
            ),
          ),
        );
      case "horizontalAlignment":
        return this._common(t, (c) => c?.format.horizontalAlignment ?? "General");
      case "verticalAlignment":
        return this._common(t, (c) => c?.format.verticalAlignment ?? "Bottom");
      case "wrapText":
        return this._common(t, (c) => c?.format.wrapText ?? false);
      default:
        throw invalidArgument(`RangeFormat.${name}`);
    }
  }
  override _nav(name: string): ClientObject | undefined {
    return (
      { font: this.font, fill: this.fill, borders: this.borders, protection: this.protection } as Record<
        string,
        ClientObject
      >
    )[name];
  }

  get columnWidth(): number {
    return this._get("columnWidth");
  }
  /** Points, for every column of the range. */
  set columnWidth(v: number) {
    this._set("columnWidth", v, (t: AreasTarget) => {
      if (typeof v !== "number" || v < 0 || v > 255 * 7.5) throw invalidArgument("RangeFormat.columnWidth");
      for (const b of t.boxes) {
        this.context._host.model.assertChangeAllowed(t.sheet, "formatColumns", b, "RangeFormat.columnWidth");
        for (let c = b.left; c <= b.right; c++) t.sheet.columnWidths.set(c, v);
      }
    });
  }
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  /** Points, for every row of the range. */
  set rowHeight(v: number) {
    this._set("rowHeight", v, (t: AreasTarget) => {
      if (typeof v !== "number" || v < 0 || v > 409) throw invalidArgument("RangeFormat.rowHeight");
      for (const b of t.boxes) {
        this.context._host.model.assertChangeAllowed(t.sheet, "formatRows", b, "RangeFormat.rowHeight");
        for (let r = b.top; r <= b.bottom; r++) t.sheet.rowHeights.set(r, v);
      }
    });
  }
  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._setCells(
      "horizontalAlignment",
      v,
      "formatCells",
      (f) => void (f.horizontalAlignment = v),
      (x) => H_ALIGN.includes(x as string),
    );
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._setCells(
      "verticalAlignment",
      v,
      "formatCells",
      (f) => void (f.verticalAlignment = v),
      (x) => V_ALIGN.includes(x as string),
    );
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._setCells(
      "wrapText",
      v,
      "formatCells",
      (f) => void (f.wrapText = v),
      (x) => typeof x === "boolean",
    );
  }
  autofitColumns(): void {
    this._queue("Method", [], () => undefined, "AutofitColumns");
  }
  autofitRows(): void {
    this._queue("Method", [], () => undefined, "AutofitRows");
  }
}

const isColor = (x: unknown): boolean =>
  typeof x === "string" && (/^#[0-9A-Fa-f]{6}$/.test(x) || /^[A-Za-z]+$/.test(x));

/** Like `Excel.RangeFont`. */
export class SimRangeFont extends FormatPart {
  _scalarNames(): string[] {
    return ["bold", "italic", "underline", "size", "name", "color"];
  }
  _read(t: unknown, name: string): unknown {
    const f = (c: StoredCell | undefined): CellFormat => c?.format ?? {};
    switch (name) {
      case "bold":
        return this._common(t, (c) => f(c).bold ?? false);
      case "italic":
        return this._common(t, (c) => f(c).italic ?? false);
      case "underline":
        return this._common(t, (c) => f(c).underline ?? "None");
      case "size":
        return this._common(t, (c) => f(c).fontSize ?? 11);
      case "name":
        return this._common(t, (c) => f(c).fontName ?? "Calibri");
      case "color":
        return this._common(t, (c) => f(c).fontColor ?? "#000000");
      default:
        throw invalidArgument(`RangeFont.${name}`);
    }
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._setCells(
      "bold",
      v,
      "formatCells",
      (f) => void (f.bold = v),
      (x) => typeof x === "boolean",
    );
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._setCells(
      "italic",
      v,
      "formatCells",
      (f) => void (f.italic = v),
      (x) => typeof x === "boolean",
    );
  }
  get underline(): string {
    return this._get("underline");
  }
  set underline(v: string) {
    this._setCells(
      "underline",
      v,
      "formatCells",
      (f) => void (f.underline = v),
      (x) => ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"].includes(x as string),
    );
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._setCells(
      "size",
      v,
      "formatCells",
      (f) => void (f.fontSize = v),
      (x) => typeof x === "number" && x >= 1 && x <= 409,
    );
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._setCells(
      "name",
      v,
      "formatCells",
      (f) => void (f.fontName = v),
      (x) => typeof x === "string" && x.length > 0,
    );
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._setCells("color", v, "formatCells", (f) => void (f.fontColor = v.toUpperCase()), isColor);
  }
}

/** Like `Excel.RangeFill`. */
export class SimRangeFill extends FormatPart {
  _scalarNames(): string[] {
    return ["color"];
  }
  _read(t: unknown, name: string): unknown {
    if (name === "color") return this._common(t, (c) => c?.format.fill ?? "#FFFFFF");
    throw invalidArgument(`RangeFill.${name}`);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._setCells("color", v, "formatCells", (f) => void (f.fill = v.toUpperCase()), isColor);
  }
  clear(): void {
    this._queue(
      "Method",
      [],
      (t: FormatTarget) => {
        if (isStyleTarget(t)) {
          this.context._host.model.changeStyle(t.style, (st) => void delete st.format.fill);
          return;
        }
        for (const b of t.boxes) {
          this.context._host.model.assertChangeAllowed(t.sheet, "formatCells", b, "RangeFill.clear");
          this.context._host.model.formatCells(t.sheet, b, (f) => void delete f.fill);
        }
      },
      "Clear",
    );
  }
}

const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

/** Like `Excel.RangeBorderCollection`. */
export class SimRangeBorderCollection extends FormatPart {
  _scalarNames(): string[] {
    return [];
  }
  _read(): unknown {
    return null;
  }
  getItem(index: string): SimRangeBorder {
    if (!EDGES.includes(index)) throw invalidArgument("RangeBorderCollection.getItem");
    return new SimRangeBorder(
      this.context,
      `${this._path}.getItem(${JSON.stringify(index)})`,
      this,
      this._find,
      index,
    );
  }
}

/** Like `Excel.RangeBorder`: style per cell edge ("Continuous", "None", …). */
export class SimRangeBorder extends FormatPart {
  constructor(
    context: SimRequestContext,
    path: string,
    parent: ClientObject,
    find: () => FormatTarget | null,
    readonly sideIndex: string,
  ) {
    super(context, path, parent, find);
  }
  _scalarNames(): string[] {
    return ["style", "color", "weight"];
  }
  _read(target: unknown, name: string): unknown {
    if (isStyleTarget(target) && name === "style")
      return target.style.format.borders?.[this.sideIndex as BorderEdge] ?? "None";
    const t = target as AreasTarget;
    if (name === "style") {
      const edge = this.sideIndex as BorderEdge;
      const model = this.context._host.model;
      const vals: unknown[] = [];
      for (const b of t.boxes) {
        forEachCell(this._edgeCells(b), (r, c) =>
          vals.push(model.peek(t.sheet, r, c)?.format.borders?.[edge] ?? "None"),
        );
      }
      return allSame(vals);
    }
    if (name === "color") return "#000000";
    if (name === "weight") return "Thin";
    throw invalidArgument(`RangeBorder.${name}`);
  }
  private _edgeCells(b: Box): Box {
    switch (this.sideIndex) {
      case "EdgeTop":
        return { ...b, bottom: b.top };
      case "EdgeBottom":
        return { ...b, top: b.bottom };
      case "EdgeLeft":
        return { ...b, right: b.left };
      case "EdgeRight":
        return { ...b, left: b.right };
      default:
        return b;
    }
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, (t: FormatTarget) => {
      const model = this.context._host.model;
      if (isStyleTarget(t)) {
        // A style has the four edges of a cell only.
        if (!["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"].includes(this.sideIndex))
          throw invalidArgument("RangeBorder.style");
        const edge = this.sideIndex as BorderEdge;
        model.changeStyle(t.style, (st) => {
          st.format.borders = { ...(st.format.borders ?? {}), [edge]: v };
        });
        return;
      }
      for (const b of t.boxes) {
        model.assertChangeAllowed(t.sheet, "formatCells", b, "RangeBorder.style");
        const set = (r: number, c: number, e: BorderEdge): void => {
          const f = model.cell(t.sheet, r, c).format;
          f.borders = { ...(f.borders ?? {}), [e]: v };
        };
        switch (this.sideIndex) {
          case "EdgeTop":
            forEachCell({ ...b, bottom: b.top }, (r, c) => set(r, c, "EdgeTop"));
            break;
          case "EdgeBottom":
            forEachCell({ ...b, top: b.bottom }, (r, c) => set(r, c, "EdgeBottom"));
            break;
          case "EdgeLeft":
            forEachCell({ ...b, right: b.left }, (r, c) => set(r, c, "EdgeLeft"));
            break;
          case "EdgeRight":
            forEachCell({ ...b, left: b.right }, (r, c) => set(r, c, "EdgeRight"));
            break;
          case "InsideHorizontal":
            forEachCell(b, (r, c) => {
              if (r < b.bottom) set(r, c, "EdgeBottom");
              if (r > b.top) set(r, c, "EdgeTop");
            });
            break;
          case "InsideVertical":
            forEachCell(b, (r, c) => {
              if (c < b.right) set(r, c, "EdgeRight");
              if (c > b.left) set(r, c, "EdgeLeft");
            });
            break;
          default:
            break;
        }
      }
    });
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () => undefined);
  }
  get weight(): string {
    return this._get("weight");
  }
  set weight(v: string) {
    this._set("weight", v, () => undefined);
  }
}

/** Like `Excel.FormatProtection`. */
export class SimFormatProtection extends FormatPart {
  _scalarNames(): string[] {
    return ["locked", "formulaHidden"];
  }
  _read(t: unknown, name: string): unknown {
    if (name === "locked") return this._common(t, (c) => c?.locked ?? true);
    if (name === "formulaHidden") return false;
    throw invalidArgument(`FormatProtection.${name}`);
  }
  get locked(): boolean {
    return this._get("locked");
  }
  set locked(v: boolean) {
    this._setCells(
      "locked",
      v,
      "locking",
      (_f, cell) => void (cell.locked = v),
      (x) => typeof x === "boolean",
    );
  }
}

/** Like `Excel.DataValidation` (ExcelApi 1.8); setting a rule replaces the rule of the range's cells. */
export class SimDataValidation extends ClientObject {
  constructor(context: SimRequestContext, parent: SimRange) {
    super(context, `${parent._path}.dataValidation`, parent);
  }
  _resolveTarget(): RangeTarget | null {
    return (this._parent as SimRange)._resolveTarget();
  }
  _scalarNames(): string[] {
    return ["rule", "errorAlert", "type"];
  }
  _read(target: unknown, name: string): unknown {
    const t = target as RangeTarget;
    const v = this.context._host.model.peek(t.sheet, t.box.top, t.box.left)?.validation;
    if (name === "rule") return v?.rule ?? null;
    if (name === "errorAlert") return v?.errorAlert ?? null;
    if (name === "type") return v ? "List" : "None";
    throw invalidArgument(`DataValidation.${name}`);
  }
  get rule(): unknown {
    return this._get("rule");
  }
  set rule(v: unknown) {
    this._set("rule", v, (t: RangeTarget) => {
      const model = this.context._host.model;
      model.assertChangeAllowed(t.sheet, "validation", t.box, "DataValidation.rule");
      const list = (v as { list?: { source?: unknown } } | null)?.list;
      if (!list || typeof list.source !== "string" || list.source.length > 255)
        throw invalidArgument("DataValidation.rule");
      forEachCell(t.box, (r, c) => {
        const cell = model.cell(t.sheet, r, c);
        cell.validation = { rule: v, errorAlert: cell.validation?.errorAlert };
      });
    });
  }
  get errorAlert(): unknown {
    return this._get("errorAlert");
  }
  set errorAlert(v: unknown) {
    this._set("errorAlert", v, (t: RangeTarget) => {
      const model = this.context._host.model;
      model.assertChangeAllowed(t.sheet, "validation", t.box, "DataValidation.errorAlert");
      forEachCell(t.box, (r, c) => {
        const cell = model.cell(t.sheet, r, c);
        cell.validation = { rule: cell.validation?.rule ?? null, errorAlert: v };
      });
    });
  }
  clear(): void {
    this._queue(
      "Method",
      [],
      (t: RangeTarget) => {
        const model = this.context._host.model;
        model.assertChangeAllowed(t.sheet, "validation", t.box, "DataValidation.clear");
        // Only stored cells can hold a rule: visit those (a whole-sheet clear stays cheap).
        for (const [k, cell] of t.sheet.cells) {
          const p = parseKeyOf(k);
          if (
            p.row >= t.box.top &&
            p.row <= t.box.bottom &&
            p.column >= t.box.left &&
            p.column <= t.box.right
          )
            delete cell.validation;
        }
      },
      "Clear",
    );
  }
}

export { cellKey, parseBox };
