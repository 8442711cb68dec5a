import type { CellValue } from "../../core/workbook/model";
import { ErrorCodes, SimulatedOfficeError, accessDenied, invalidArgument, itemNotFound } from "./errors";
import type { EvaluationResult, FormulaEvaluator } from "./evaluator";
import {
  type Box,
  type CellFormat,
  type StoredCell,
  type StoredPart,
  type StoredSheet,
  cellKey,
  checkSheetName,
  duplicateName,
  isCellDefault,
  isCellEmpty,
  newCell,
  parseInput,
  parseKey,
  rootNamespace,
  sameSheetName,
} from "./store";
import { XmlSyntaxError, parseXmlRoot } from "./xml-check";

/** Which protection option allows a kind of change on a protected sheet. */
export type ProtectedChange =
  | "formatCells"
  | "formatColumns"
  | "formatRows"
  | "insertHyperlinks"
  | "content"
  | "merge"
  | "validation"
  | "locking";

const OPTION_FOR: Partial<Record<ProtectedChange, string>> = {
  formatCells: "allowFormatCells",
  formatColumns: "allowFormatColumns",
  formatRows: "allowFormatRows",
  insertHyperlinks: "allowInsertHyperlinks",
};

/** The workbook's content: what Excel holds, independent of any request context. */
export class WorkbookModel {
  sheets: StoredSheet[] = [];
  parts: StoredPart[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; address: string } | null = null;
  /** Bumped on every content change (for formula re-evaluation). */
  version = 0;
  /** Told of every content change (the host raises `onChanged` from it). */
  contentObserver: ((sheet: StoredSheet, box: Box) => void) | null = null;
  /**
   * The next sheet and part numbers. A co-authoring session's view of the workbook (session.ts) shares this
   * object with the workbook, so ids made in two sessions never collide.
   */
  ids = { sheet: 1, part: 1 };
  private evaluated: { version: number; result: EvaluationResult } | null = null;

  constructor(public evaluator: FormulaEvaluator | null = null) {}

  // ---- sheets ----

  findSheet(key: string): StoredSheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => sameSheetName(s.name, key));
  }

  getSheet(key: string, location: string): StoredSheet {
    const s = this.findSheet(key);
    if (!s) throw itemNotFound(location);
    return s;
  }

  addSheet(name: string | undefined, location = "WorksheetCollection.add"): StoredSheet {
    let n = name;
    if (n === undefined || n === null) {
      let i = this.sheets.length + 1;
      while (this.findByName(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    checkSheetName(n, location);
    if (this.findByName(n)) throw duplicateName(location);
    const id = `{${String(this.ids.sheet++).padStart(8, "0")}-5EE7-4A11-8D00-000000000000}`;
    const sheet: StoredSheet = {
      id,
      name: n,
      visibility: "Visible",
      tabColor: "",
      cells: new Map(),
      merges: [],
      columnWidths: new Map(),
      hiddenColumns: new Set(),
      rowHeights: new Map(),
      protection: { protected: false, password: null, options: {} },
      freeze: { rows: 0, columns: 0 },
      pageLayout: {},
    };
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = id;
    this.version++;
    return sheet;
  }

  private findByName(name: string): StoredSheet | undefined {
    return this.sheets.find((s) => sameSheetName(s.name, name));
  }

  renameSheet(sheet: StoredSheet, name: unknown, location = "Worksheet.name"): void {
    const n = checkSheetName(name, location);
    const other = this.findByName(n);
    if (other && other !== sheet) throw duplicateName(location);
    sheet.name = n;
    this.version++;
  }

  deleteSheet(sheet: StoredSheet, location = "Worksheet.delete"): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw new SimulatedOfficeError(
        ErrorCodes.invalidOperation,
        "A workbook must contain at least one visible worksheet.",
        location,
      );
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheetId === sheet.id)
      this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")?.id ?? null;
    this.version++;
  }

  setPosition(sheet: StoredSheet, position: number, location = "Worksheet.position"): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length)
      throw invalidArgument(location);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position, 0, sheet);
  }

  position(sheet: StoredSheet): number {
    return this.sheets.indexOf(sheet);
  }

  // ---- protection ----

  assertChangeAllowed(sheet: StoredSheet, change: ProtectedChange, box: Box | null, location: string): void {
    if (!sheet.protection.protected) return;
    const option = OPTION_FOR[change];
    if (option && sheet.protection.options[option]) return;
    if (change === "content" && box) {
      for (let r = box.top; r <= box.bottom; r++) {
        for (let c = box.left; c <= box.right; c++) {
          const cell = sheet.cells.get(cellKey(r, c));
          if (!cell || cell.locked) throw accessDenied(location);
        }
      }
      return;
    }
    throw accessDenied(location);
  }

  /** Cells of `box` that a 2D input writes (non-null entries), for protection checks. */
  assertContentWritable(sheet: StoredSheet, box: Box, inputs: unknown[][] | null, location: string): void {
    if (!sheet.protection.protected) return;
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        if (
          inputs &&
          (inputs[r - box.top][c - box.left] === null || inputs[r - box.top][c - box.left] === undefined)
        )
          continue;
        const cell = sheet.cells.get(cellKey(r, c));
        if (!cell || cell.locked) throw accessDenied(location);
      }
    }
  }

  // ---- cells ----

  cell(sheet: StoredSheet, row: number, column: number): StoredCell {
    const k = cellKey(row, column);
    let c = sheet.cells.get(k);
    if (!c) {
      c = newCell();
      sheet.cells.set(k, c);
    }
    return c;
  }

  peek(sheet: StoredSheet, row: number, column: number): StoredCell | undefined {
    return sheet.cells.get(cellKey(row, column));
  }

  /** Store one input like Excel does (see parseInput). null/undefined leaves the cell unchanged. */
  writeInput(sheet: StoredSheet, row: number, column: number, input: unknown, location: string): void {
    if (input === null || input === undefined) return;
    const cell = this.cell(sheet, row, column);
    const parsed = parseInput(input, cell.numberFormat, location);
    if (parsed.kind === "clear") {
      cell.value = null;
      cell.formula = null;
    } else if (parsed.kind === "formula") {
      cell.formula = parsed.formula;
      cell.value = null;
    } else {
      cell.value = parsed.value;
      cell.formula = null;
    }
    this.version++;
    this.contentObserver?.(sheet, { top: row, left: column, bottom: row, right: column });
  }

  /** Write a 2D array (or one value for every cell) into a box. */
  writeGrid(
    sheet: StoredSheet,
    box: Box,
    input: unknown,
    location: string,
    apply: (row: number, column: number, v: unknown) => void,
  ): void {
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    if (Array.isArray(input)) {
      if (input.length !== rows || input.some((r) => !Array.isArray(r) || r.length !== cols)) {
        throw new SimulatedOfficeError(
          ErrorCodes.invalidArgument,
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
          location,
        );
      }
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) apply(box.top + r, box.left + c, (input[r] as unknown[])[c]);
    } else {
      if (input === null || input === undefined) throw invalidArgument(location);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) apply(box.top + r, box.left + c, input);
    }
  }

  formatCells(sheet: StoredSheet, box: Box, mutate: (f: CellFormat, cell: StoredCell) => void): void {
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        const cell = this.cell(sheet, r, c);
        mutate(cell.format, cell);
        // A format that leaves the cell as the Normal style (e.g. locking an empty cell) stores nothing.
        if (isCellDefault(cell)) sheet.cells.delete(cellKey(r, c));
      }
  }

  clear(sheet: StoredSheet, box: Box, applyTo: string): void {
    for (const [k, cell] of [...sheet.cells]) {
      const { row, column } = parseKey(k);
      if (row < box.top || row > box.bottom || column < box.left || column > box.right) continue;
      if (applyTo === "All" || applyTo === "Contents") {
        cell.value = null;
        cell.formula = null;
      }
      if (applyTo === "All" || applyTo === "Formats") {
        // Clearing formats returns the cell to the Normal style, which is locked.
        cell.format = {};
        cell.numberFormat = "General";
        cell.locked = true;
      }
      if (applyTo === "Hyperlinks" || applyTo === "All") delete cell.hyperlink;
      if (isCellDefault(cell)) sheet.cells.delete(k);
    }
    this.version++;
    if (applyTo === "All" || applyTo === "Contents") this.contentObserver?.(sheet, box);
  }

  /** The used range: cells with content (valuesOnly) or with content or formatting. */
  usedBox(sheet: StoredSheet, valuesOnly: boolean): Box | null {
    let box: Box | null = null;
    for (const [k, cell] of sheet.cells) {
      if (valuesOnly ? isCellEmpty(cell) : isCellDefault(cell)) continue;
      const { row, column } = parseKey(k);
      if (!box) box = { top: row, left: column, bottom: row, right: column };
      else {
        box.top = Math.min(box.top, row);
        box.left = Math.min(box.left, column);
        box.bottom = Math.max(box.bottom, row);
        box.right = Math.max(box.right, column);
      }
    }
    return box;
  }

  /** What `Range.values` reads for one cell. */
  valueOf(sheet: StoredSheet, row: number, column: number): CellValue {
    const cell = sheet.cells.get(cellKey(row, column));
    if (!cell) return "";
    if (cell.formula !== null) return this.evaluate(sheet, row, column);
    return cell.value ?? "";
  }

  /** What `Range.formulas` reads for one cell. */
  formulaOf(sheet: StoredSheet, row: number, column: number): CellValue {
    const cell = sheet.cells.get(cellKey(row, column));
    if (!cell) return "";
    return cell.formula ?? cell.value ?? "";
  }

  private evaluate(sheet: StoredSheet, row: number, column: number): CellValue {
    if (!this.evaluator) return null;
    if (!this.evaluated || this.evaluated.version !== this.version) {
      const sheets = this.sheets.map((s) => ({
        name: s.name,
        cells: [...s.cells]
          .filter(([, c]) => !isCellEmpty(c))
          .map(([k, c]) => ({ ...parseKey(k), value: c.value, formula: c.formula })),
      }));
      this.evaluated = { version: this.version, result: this.evaluator.evaluate(sheets) };
    }
    return this.evaluated.result.valueAt(sheet.name, row, column);
  }

  // ---- custom XML parts ----

  /** Like `CustomXmlPartCollection.add`: the XML must be well-formed (a strict parse, as a DOMParser would). */
  addPart(xml: unknown, location = "CustomXmlPartCollection.add"): StoredPart {
    const part: StoredPart = {
      id: this.newPartId(),
      xml: "",
      namespaceUri: "",
    };
    this.setPartXml(part, xml, location);
    this.parts.push(part);
    return part;
  }

  /**
   * A part as a damaged file may hold it, not checked (host side only: what Excel does when it opens such a
   * file is not documented; the add-in must refuse whatever it gets).
   */
  addUncheckedPart(xml: string): StoredPart {
    const part: StoredPart = {
      id: this.newPartId(),
      xml,
      namespaceUri: rootNamespace(xml),
    };
    this.parts.push(part);
    return part;
  }

  newPartId(): string {
    return `{PART-${String(this.ids.part++).padStart(4, "0")}}`;
  }

  setPartXml(part: StoredPart, xml: unknown, location = "CustomXmlPart.setXml"): void {
    if (typeof xml !== "string") throw invalidArgument(location);
    try {
      part.namespaceUri = parseXmlRoot(xml).namespaceUri;
    } catch (e) {
      if (e instanceof XmlSyntaxError) throw invalidArgument(`${location} (${e.message})`);
      throw e;
    }
    part.xml = xml;
  }

  deletePart(part: StoredPart): void {
    this.parts = this.parts.filter((p) => p !== part);
  }

  // ---- structure ----

  /** Insert an empty row above 0-based `row`, shifting cells, merges and heights down (formulas are not rewritten). */
  insertRow(sheet: StoredSheet, row: number): void {
    const moved = new Map<string, StoredCell>();
    for (const [k, c] of sheet.cells) {
      const p = parseKey(k);
      moved.set(p.row >= row ? cellKey(p.row + 1, p.column) : k, c);
    }
    sheet.cells = moved;
    sheet.merges = sheet.merges.map((m) =>
      m.top >= row
        ? { ...m, top: m.top + 1, bottom: m.bottom + 1 }
        : m.bottom >= row
          ? { ...m, bottom: m.bottom + 1 }
          : m,
    );
    const heights = new Map<number, number>();
    for (const [r, h] of sheet.rowHeights) heights.set(r >= row ? r + 1 : r, h);
    sheet.rowHeights = heights;
    this.version++;
  }
}
