import {
  ClientObject,
  ClientResult,
  SimItemCollection,
  SimRequestContext,
  assertSameContext,
} from "./client-object";
import { ErrorCodes, SimulatedOfficeError, accessDenied, invalidArgument, itemNotFound } from "./errors";
import {
  type Box,
  type StoredPart,
  type StoredSheet,
  addressSheetName,
  boxAddress,
  boxCellCount,
  boxesIntersect,
  parseBox,
  MAX_COLUMNS,
  MAX_ROWS,
} from "./store";
import { SimRange, SimRangeAreas } from "./range";
import { SimEventHandlers, type SimWorksheetActivatedArgs, type SimWorksheetChangedArgs } from "./events";
import { SimStyleCollection } from "./styles";

/** Like `Excel.Workbook`. */
export class SimWorkbook extends ClientObject {
  private _worksheets: SimWorksheetCollection | undefined;
  private _customXmlParts: SimCustomXmlPartCollection | undefined;
  private _application: SimApplication | undefined;
  private _styles: SimStyleCollection | undefined;

  constructor(context: SimRequestContext) {
    super(context, "workbook", null);
  }

  // Created on first use, as Office.js does (each is an object path and an Instantiate action).
  get worksheets(): SimWorksheetCollection {
    this._worksheets ??= new SimWorksheetCollection(this.context, this);
    return this._worksheets;
  }
  /** ExcelApi 1.5. */
  get customXmlParts(): SimCustomXmlPartCollection {
    this._requireApi("1.5", "Workbook.customXmlParts");
    this._customXmlParts ??= new SimCustomXmlPartCollection(this.context, this);
    return this._customXmlParts;
  }
  get application(): SimApplication {
    this._application ??= new SimApplication(this.context, this);
    return this._application;
  }
  /** ExcelApi 1.7: the workbook's cell styles. */
  get styles(): SimStyleCollection {
    this._requireApi("1.7", "Workbook.styles");
    this._styles ??= new SimStyleCollection(this.context, this);
    return this._styles;
  }

  _resolveTarget(): unknown {
    return this.context._host.model;
  }
  _scalarNames(): string[] {
    return [];
  }
  _read(): unknown {
    throw invalidArgument("Workbook.load");
  }

  getSelectedRange(): SimRange {
    const model = this.context._host.model;
    return new SimRange(this.context, "workbook.getSelectedRange()", this, () => {
      const sel = model.selection;
      const sheet = sel
        ? model.findSheet(sel.sheetId)
        : model.sheets.find((s) => s.id === model.activeSheetId);
      if (!sheet) throw itemNotFound("Workbook.getSelectedRange");
      return { sheet, box: parseBox(sel?.address ?? "A1") };
    });
  }
}

/** Like `Excel.Application` (the calculation and screen-updating switches). */
export class SimApplication extends ClientObject {
  constructor(context: SimRequestContext, parent: ClientObject) {
    super(context, "workbook.application", parent);
  }
  _resolveTarget(): unknown {
    return this.context._host.model;
  }
  _scalarNames(): string[] {
    return ["calculationMode"];
  }
  _read(_t: unknown, name: string): unknown {
    if (name === "calculationMode") return "Automatic";
    throw invalidArgument(`Application.${name}`);
  }
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void {
    this._requireApi("1.6", "Application.suspendApiCalculationUntilNextSync");
    this._queue("Method", [], () => undefined, "SuspendApiCalculationUntilNextSync");
  }
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void {
    this._requireApi("1.9", "Application.suspendScreenUpdatingUntilNextSync");
    this._queue("Method", [], () => undefined, "SuspendScreenUpdatingUntilNextSync");
  }
}

/** Like `Excel.WorksheetCollection`. */
export class SimWorksheetCollection extends SimItemCollection<SimWorksheet> {
  constructor(context: SimRequestContext, parent: ClientObject) {
    super(context, "workbook.worksheets", parent);
  }

  override load(spec?: Parameters<ClientObject["load"]>[0]): this {
    const names = normaliseItemLoad(spec, WORKSHEET_PROPS);
    const model = this.context._host.model;
    this._queueQuery(names, () => {
      this._items = model.sheets.map((s) => {
        const ws = new SimWorksheet(
          this.context,
          `${this._path}.getItem(${JSON.stringify(s.id)})`,
          this,
          () => s.id,
          false,
        );
        for (const n of names) {
          const v = ws._read(s, n);
          this.context._host.countResponse(v);
          ws._loaded.set(n, v);
        }
        ws._isNull = false;
        return ws;
      });
    });
    return this;
  }

  getItem(key: string): SimWorksheet {
    return this._item(key, false);
  }

  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): SimWorksheet {
    return this._item(key, true);
  }

  private _item(key: string, nullable: boolean): SimWorksheet {
    const model = this.context._host.model;
    let boundId: string | null = null;
    const name = nullable ? "getItemOrNullObject" : "getItem";
    return new SimWorksheet(
      this.context,
      `${this._path}.${name}(${JSON.stringify(key)})`,
      this,
      () => {
        if (boundId && model.sheets.some((s) => s.id === boundId)) return boundId;
        const s = model.findSheet(key);
        if (!s) {
          if (nullable) return null;
          throw itemNotFound(`WorksheetCollection.${name}`);
        }
        boundId = s.id;
        return s.id;
      },
      nullable,
    );
  }

  add(name?: string): SimWorksheet {
    const model = this.context._host.model;
    let createdId: string | null = null;
    const ws = new SimWorksheet(
      this.context,
      `${this._path}.add(${JSON.stringify(name ?? null)})`,
      this,
      () => {
        if (!createdId) throw itemNotFound("WorksheetCollection.add");
        return createdId;
      },
      false,
    );
    // On the wire, the new sheet's Instantiate action is the add.
    this.context._actions.push({
      run: () => {
        createdId = model.addSheet(name).id;
      },
    });
    return ws;
  }

  getActiveWorksheet(): SimWorksheet {
    const model = this.context._host.model;
    return new SimWorksheet(
      this.context,
      `${this._path}.getActiveWorksheet()`,
      this,
      () => {
        if (!model.activeSheetId) throw itemNotFound("WorksheetCollection.getActiveWorksheet");
        return model.activeSheetId;
      },
      false,
    );
  }

  getCount(): ClientResult<number> {
    return this._invoke("GetCount", [], () => this.context._host.model.sheets.length);
  }

  /** ExcelApi 1.7: a sheet was activated (by a person or by an add-in). */
  get onActivated(): SimEventHandlers<SimWorksheetActivatedArgs> {
    this._requireApi("1.7", "WorksheetCollection.onActivated");
    return (this._onActivated ??= new SimEventHandlers(this, "WorksheetActivated", () => null));
  }
  private _onActivated: SimEventHandlers<SimWorksheetActivatedArgs> | undefined;
}

const WORKSHEET_PROPS = ["id", "name", "position", "visibility", "tabColor"];

function normaliseItemLoad(spec: Parameters<ClientObject["load"]>[0], all: string[]): string[] {
  if (spec === undefined) return all;
  const text =
    typeof spec === "string"
      ? spec.split(",")
      : Array.isArray(spec)
        ? spec.flatMap((s) => s.split(","))
        : (spec.select ?? "").split(",");
  const names = text
    .map((s) => s.trim().replace(/^items[/.]/, ""))
    .filter((s) => s.length > 0 && s !== "items");
  return names.length ? names : all;
}

/** Like `Excel.Worksheet`. */
export class SimWorksheet extends ClientObject {
  private _protection: SimWorksheetProtection | undefined;
  private _freezePanes: SimFreezePanes | undefined;
  private _pageLayout: SimPageLayout | undefined;

  constructor(
    context: SimRequestContext,
    path: string,
    parent: ClientObject,
    /** @internal */ readonly _idOf: () => string | null,
    nullable: boolean,
  ) {
    super(context, path, parent, nullable);
  }

  get protection(): SimWorksheetProtection {
    this._protection ??= new SimWorksheetProtection(this.context, this);
    return this._protection;
  }
  get freezePanes(): SimFreezePanes {
    this._freezePanes ??= new SimFreezePanes(this.context, this);
    return this._freezePanes;
  }

  _resolveTarget(): StoredSheet | null {
    const id = this._idOf();
    if (id === null) return null;
    const s = this.context._host.model.sheets.find((x) => x.id === id);
    if (!s) throw itemNotFound("Worksheet");
    return s;
  }
  _scalarNames(): string[] {
    return WORKSHEET_PROPS;
  }
  _read(t: unknown, name: string): unknown {
    const s = t as StoredSheet;
    switch (name) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "position":
        return this.context._host.model.position(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      default:
        throw invalidArgument(`Worksheet.${name}`);
    }
  }
  override _nav(name: string): ClientObject | undefined {
    if (name === "protection") return this.protection;
    if (name === "freezePanes") return this.freezePanes;
    return undefined;
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s: StoredSheet) => this.context._host.model.renameSheet(s, v));
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v, (s: StoredSheet) => this.context._host.model.setPosition(s, v));
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this._set("visibility", v, (s: StoredSheet) => {
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
        throw invalidArgument("Worksheet.visibility");
      s.visibility = v;
    });
  }
  /** ExcelApi 1.7. */
  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._requireApi("1.7", "Worksheet.tabColor");
    this._set("tabColor", v, (s: StoredSheet) => {
      if (v !== "" && !/^#[0-9A-Fa-f]{6}$/.test(v) && !/^[A-Za-z]+$/.test(v))
        throw invalidArgument("Worksheet.tabColor");
      s.tabColor = v.toUpperCase();
    });
  }
  /** ExcelApi 1.9. */
  get pageLayout(): SimPageLayout {
    this._requireApi("1.9", "Worksheet.pageLayout");
    this._pageLayout ??= new SimPageLayout(this.context, this);
    return this._pageLayout;
  }

  getRange(address?: string): SimRange {
    const box =
      address === undefined
        ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 }
        : parseBox(address);
    return new SimRange(
      this.context,
      `${this._path}.getRange(${JSON.stringify(address ?? "")})`,
      this,
      () => {
        const s = this._resolveTarget();
        return s ? { sheet: s, box } : null;
      },
    );
  }

  /** ExcelApi 1.7. */
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): SimRange {
    this._requireApi("1.7", "Worksheet.getRangeByIndexes");
    const box = { top: row, left: column, bottom: row + rowCount - 1, right: column + columnCount - 1 };
    if (rowCount < 1 || columnCount < 1) throw invalidArgument("Worksheet.getRangeByIndexes");
    return new SimRange(
      this.context,
      `${this._path}.getRangeByIndexes(${row},${column},${rowCount},${columnCount})`,
      this,
      () => {
        const s = this._resolveTarget();
        return s ? { sheet: s, box } : null;
      },
    );
  }

  /** ExcelApi 1.9: several ranges ("A1:B2, D4") as one object. */
  getRanges(addresses: string): SimRangeAreas {
    this._requireApi("1.9", "Worksheet.getRanges");
    const boxes = addresses.split(/[,;]/).map((a) => parseBox(a, "Worksheet.getRanges"));
    return new SimRangeAreas(
      this.context,
      `${this._path}.getRanges(${JSON.stringify(addresses)})`,
      this,
      () => {
        const s = this._resolveTarget();
        return s ? { sheet: s, boxes } : null;
      },
    );
  }

  getCell(row: number, column: number): SimRange {
    return new SimRange(this.context, `${this._path}.getCell(${row},${column})`, this, () => {
      const s = this._resolveTarget();
      return s ? { sheet: s, box: { top: row, left: column, bottom: row, right: column } } : null;
    });
  }

  getUsedRange(valuesOnly = false): SimRange {
    return this._used(valuesOnly, false);
  }

  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return this._used(valuesOnly, true);
  }

  private _used(valuesOnly: boolean, nullable: boolean): SimRange {
    let cached: { sheet: StoredSheet; box: Box } | null | undefined;
    const name = nullable ? "getUsedRangeOrNullObject" : "getUsedRange";
    return new SimRange(
      this.context,
      `${this._path}.${name}(${valuesOnly})`,
      this,
      () => {
        // The box is fixed when first resolved; the sheet is found again (a session's view is refreshed).
        if (cached !== undefined)
          return cached && { sheet: this._resolveTarget() ?? cached.sheet, box: cached.box };
        const s = this._resolveTarget();
        if (!s) return (cached = null);
        const box = this.context._host.model.usedBox(s, valuesOnly);
        if (box) return (cached = { sheet: s, box });
        if (nullable) return (cached = null);
        return (cached = { sheet: s, box: { top: 0, left: 0, bottom: 0, right: 0 } });
      },
      nullable,
    );
  }

  activate(): void {
    this._queue(
      "Method",
      [],
      (s: StoredSheet) => {
        const model = this.context._host.model;
        if (s.visibility !== "Visible")
          throw new SimulatedOfficeError(
            ErrorCodes.invalidOperation,
            "The operation is invalid for the object.",
            "Worksheet.activate",
          );
        model.activeSheetId = s.id;
        model.selection = { sheetId: s.id, address: "A1" };
      },
      "Activate",
    );
  }

  delete(): void {
    this._queue("Method", [], (s: StoredSheet) => this.context._host.model.deleteSheet(s), "Delete");
  }

  /** ExcelApi 1.7: cells of this sheet changed (typed, pasted, cleared, written by an add-in or a co-author). */
  get onChanged(): SimEventHandlers<SimWorksheetChangedArgs> {
    this._requireApi("1.7", "Worksheet.onChanged");
    return (this._onChanged ??= new SimEventHandlers(this, "WorksheetChanged", (s) => (s as StoredSheet).id));
  }
  private _onChanged: SimEventHandlers<SimWorksheetChangedArgs> | undefined;
}

/** Like `Excel.WorksheetProtection`. */
export class SimWorksheetProtection extends ClientObject {
  constructor(context: SimRequestContext, parent: SimWorksheet) {
    super(context, `${parent._path}.protection`, parent);
  }
  _resolveTarget(): unknown {
    return (this._parent as SimWorksheet)._resolveTarget();
  }
  _scalarNames(): string[] {
    return ["protected", "options"];
  }
  _read(t: unknown, name: string): unknown {
    const s = t as StoredSheet;
    if (name === "protected") return s.protection.protected;
    if (name === "options") return { ...s.protection.options };
    throw invalidArgument(`WorksheetProtection.${name}`);
  }
  get protected(): boolean {
    return this._get("protected");
  }
  get options(): Record<string, boolean> {
    return this._get("options");
  }
  /** ExcelApi 1.2; the password argument is ExcelApi 1.7. Fails when the sheet is already protected. */
  protect(options?: Record<string, boolean>, password?: string): void {
    if (password !== undefined) this._requireApi("1.7", "WorksheetProtection.protect(password)");
    this._queue(
      "Method",
      [options ?? null, password ?? null],
      (s: StoredSheet) => {
        if (s.protection.protected) throw accessDenied("WorksheetProtection.protect");
        s.protection = { protected: true, password: password ?? null, options: { ...(options ?? {}) } };
      },
      "Protect",
    );
  }
  /** The password argument is ExcelApi 1.7. Does nothing on an unprotected sheet. */
  unprotect(password?: string): void {
    if (password !== undefined) this._requireApi("1.7", "WorksheetProtection.unprotect(password)");
    this._queue(
      "Method",
      [password ?? null],
      (s: StoredSheet) => {
        if (!s.protection.protected) return;
        if (s.protection.password !== null && s.protection.password !== (password ?? null))
          throw invalidArgument("WorksheetProtection.unprotect");
        s.protection = { protected: false, password: null, options: {} };
      },
      "Unprotect",
    );
  }
}

/** Like `Excel.WorksheetFreezePanes` (ExcelApi 1.7). */
export class SimFreezePanes extends ClientObject {
  constructor(context: SimRequestContext, parent: SimWorksheet) {
    super(context, `${parent._path}.freezePanes`, parent);
  }
  _resolveTarget(): unknown {
    return (this._parent as SimWorksheet)._resolveTarget();
  }
  _scalarNames(): string[] {
    return [];
  }
  _read(): unknown {
    return null;
  }
  freezeRows(count = 1): void {
    this._requireApi("1.7", "WorksheetFreezePanes.freezeRows");
    this._queue(
      "Method",
      [count],
      (s: StoredSheet) => {
        s.freeze = { rows: count, columns: 0 };
      },
      "FreezeRows",
    );
  }
  freezeColumns(count = 1): void {
    this._requireApi("1.7", "WorksheetFreezePanes.freezeColumns");
    this._queue(
      "Method",
      [count],
      (s: StoredSheet) => {
        s.freeze = { rows: 0, columns: count };
      },
      "FreezeColumns",
    );
  }
  freezeAt(frozenRange: string | SimRange): void {
    this._requireApi("1.7", "WorksheetFreezePanes.freezeAt");
    if (typeof frozenRange !== "string") assertSameContext(this.context, frozenRange);
    const byRange = typeof frozenRange !== "string";
    this._queue(
      "Method",
      [byRange ? frozenRange._wireId : frozenRange],
      (s: StoredSheet) => {
        const b =
          typeof frozenRange === "string"
            ? parseBox(frozenRange, "WorksheetFreezePanes.freezeAt")
            : frozenRange._resolveTarget()?.box;
        if (!b) throw invalidArgument("WorksheetFreezePanes.freezeAt");
        s.freeze = { rows: b.bottom + 1, columns: b.right + 1 };
      },
      "FreezeAt",
      byRange ? [frozenRange] : undefined,
    );
  }
  unfreeze(): void {
    this._requireApi("1.7", "WorksheetFreezePanes.unfreeze");
    this._queue(
      "Method",
      [],
      (s: StoredSheet) => {
        s.freeze = { rows: 0, columns: 0 };
      },
      "Unfreeze",
    );
  }
}

const PAGE_LAYOUT_PROPS = [
  "orientation",
  "paperSize",
  "zoom",
  "centerHorizontally",
  "centerVertically",
  "printGridlines",
];

/** Like `Excel.PageLayout` (ExcelApi 1.9), storing what is set. */
export class SimPageLayout extends ClientObject {
  constructor(context: SimRequestContext, parent: SimWorksheet) {
    super(context, `${parent._path}.pageLayout`, parent);
    for (const p of PAGE_LAYOUT_PROPS) {
      Object.defineProperty(this, p, {
        get: () => this._get(p),
        set: (v: unknown) => {
          this._set(p, v, (s: StoredSheet) => {
            s.pageLayout[p] = v;
          });
        },
      });
    }
  }
  _resolveTarget(): unknown {
    return (this._parent as SimWorksheet)._resolveTarget();
  }
  _scalarNames(): string[] {
    return PAGE_LAYOUT_PROPS;
  }
  _read(t: unknown, name: string): unknown {
    if (!PAGE_LAYOUT_PROPS.includes(name)) throw invalidArgument(`PageLayout.${name}`);
    return (t as StoredSheet).pageLayout[name] ?? null;
  }
  declare orientation?: string;
  declare paperSize?: string;
  declare zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };

  private _headersFooters: SimHeaderFooterGroup | undefined;

  /** `PageLayout.setPrintArea(address)` (ExcelApi 1.9): an A1 range of this sheet. */
  setPrintArea(printArea: string): void {
    this._requireApi("1.9", "PageLayout.setPrintArea");
    this._queue(
      "Method",
      [printArea],
      (s: StoredSheet) => {
        parseBox(printArea, "PageLayout.setPrintArea");
        s.pageLayout.printArea = printArea;
      },
      "SetPrintArea",
    );
  }

  get headersFooters(): SimHeaderFooterGroup {
    this._headersFooters ??= new SimHeaderFooterGroup(this.context, this);
    return this._headersFooters;
  }
}

/** Like `Excel.HeaderFooterGroup` (ExcelApi 1.9): only the headers and footers of every page. */
export class SimHeaderFooterGroup extends ClientObject {
  private _default: SimHeaderFooter | undefined;
  constructor(context: SimRequestContext, parent: SimPageLayout) {
    super(context, `${parent._path}.headersFooters`, parent);
  }
  get defaultForAllPages(): SimHeaderFooter {
    this._default ??= new SimHeaderFooter(this.context, this);
    return this._default;
  }
  _resolveTarget(): unknown {
    return (this._parent as SimPageLayout)._resolveTarget();
  }
  _scalarNames(): string[] {
    return [];
  }
  _read(): unknown {
    throw invalidArgument("HeaderFooterGroup");
  }
}

const HEADER_FOOTER_PROPS = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
];

/** Like `Excel.HeaderFooter`: each part at most 255 characters, as Excel allows. */
export class SimHeaderFooter extends ClientObject {
  constructor(context: SimRequestContext, parent: SimHeaderFooterGroup) {
    super(context, `${parent._path}.defaultForAllPages`, parent);
    for (const p of HEADER_FOOTER_PROPS) {
      Object.defineProperty(this, p, {
        get: () => this._get(p),
        set: (v: unknown) => {
          this._requireApi("1.9", `HeaderFooter.${p}`);
          this._set(p, v, (s: StoredSheet) => {
            if (typeof v !== "string" || v.length > 255) throw invalidArgument(`HeaderFooter.${p}`);
            s.pageLayout[p] = v;
          });
        },
      });
    }
  }
  _resolveTarget(): unknown {
    return (this._parent as SimHeaderFooterGroup)._resolveTarget();
  }
  _scalarNames(): string[] {
    return HEADER_FOOTER_PROPS;
  }
  _read(t: unknown, name: string): unknown {
    if (!HEADER_FOOTER_PROPS.includes(name)) throw invalidArgument(`HeaderFooter.${name}`);
    return (t as StoredSheet).pageLayout[name] ?? "";
  }
  declare centerHeader?: string;
  declare centerFooter?: string;
}

/** Like `Excel.CustomXmlPartCollection` (ExcelApi 1.5), optionally scoped to a namespace. */
export class SimCustomXmlPartCollection extends SimItemCollection<SimCustomXmlPart> {
  constructor(
    context: SimRequestContext,
    parent: ClientObject,
    private readonly _ns: string | null = null,
  ) {
    super(
      context,
      _ns === null
        ? "workbook.customXmlParts"
        : `workbook.customXmlParts.getByNamespace(${JSON.stringify(_ns)})`,
      parent,
    );
  }
  private _parts(): StoredPart[] {
    const parts = this.context._host.model.parts;
    return this._ns === null ? parts : parts.filter((p) => p.namespaceUri === this._ns);
  }

  override load(spec?: Parameters<ClientObject["load"]>[0]): this {
    const names = normaliseItemLoad(spec, ["id", "namespaceUri"]);
    this._queueQuery(names, () => {
      this._items = this._parts().map((p) => {
        const part = new SimCustomXmlPart(
          this.context,
          `workbook.customXmlParts.getItem(${JSON.stringify(p.id)})`,
          this,
          () => this._parts().find((x) => x.id === p.id) ?? null,
          false,
        );
        for (const n of names) {
          const v = part._read(p, n);
          this.context._host.countResponse(v);
          part._loaded.set(n, v);
        }
        part._isNull = false;
        return part;
      });
    });
    return this;
  }

  add(xml: string): SimCustomXmlPart {
    if (this._ns !== null) throw invalidArgument("CustomXmlPartScopedCollection.add");
    let created: string | null = null;
    const part = new SimCustomXmlPart(
      this.context,
      `${this._path}.add(${JSON.stringify(xml)})`,
      this,
      () => {
        const p = created && this.context._host.model.parts.find((x) => x.id === created);
        if (!p) throw itemNotFound("CustomXmlPartCollection.add");
        return p;
      },
      false,
    );
    // On the wire, the new part's Instantiate action is the add.
    this.context._actions.push({
      run: () => {
        created = this.context._host.model.addPart(xml).id;
      },
    });
    return part;
  }

  getByNamespace(namespaceUri: string): SimCustomXmlPartCollection {
    return new SimCustomXmlPartCollection(this.context, this, namespaceUri);
  }

  getCount(): ClientResult<number> {
    return this._invoke("GetCount", [], () => this._parts().length);
  }

  getItem(id: string): SimCustomXmlPart {
    return this._byId(id, false);
  }

  getItemOrNullObject(id: string): SimCustomXmlPart {
    return this._byId(id, true);
  }

  private _byId(id: string, nullable: boolean): SimCustomXmlPart {
    return new SimCustomXmlPart(
      this.context,
      `${this._path}.${nullable ? "getItemOrNullObject" : "getItem"}(${JSON.stringify(id)})`,
      this,
      () => {
        const p = this._parts().find((x) => x.id === id);
        if (p) return p;
        if (nullable) return null;
        throw itemNotFound("CustomXmlPartCollection.getItem");
      },
      nullable,
    );
  }

  /** The only part of the (scoped) collection; fails unless there is exactly one. */
  getOnlyItem(): SimCustomXmlPart {
    return this._only(false);
  }

  /** The only part, or a null object when there are none or several. */
  getOnlyItemOrNullObject(): SimCustomXmlPart {
    return this._only(true);
  }

  private _only(nullable: boolean): SimCustomXmlPart {
    return new SimCustomXmlPart(
      this.context,
      `${this._path}.${nullable ? "getOnlyItemOrNullObject" : "getOnlyItem"}()`,
      this,
      () => {
        const parts = this._parts();
        if (parts.length === 1) return parts[0];
        if (nullable) return null;
        throw new SimulatedOfficeError(
          ErrorCodes.invalidOperation,
          "The operation is invalid for the object.",
          "CustomXmlPartScopedCollection.getOnlyItem",
        );
      },
      nullable,
    );
  }
}

/** Like `Excel.CustomXmlPart`. Methods on a null object do nothing; getXml() then gives null. */
export class SimCustomXmlPart extends ClientObject {
  /** The id of the part this proxy stands for, once resolved (parts are found by id, like sheets). */
  private _boundId: string | null | undefined;
  constructor(
    context: SimRequestContext,
    path: string,
    parent: ClientObject,
    private readonly _find: () => StoredPart | null,
    nullable: boolean,
  ) {
    super(context, path, parent, nullable);
  }
  _resolveTarget(): StoredPart | null {
    if (this._boundId) {
      const bound = this.context._host.model.parts.find((x) => x.id === this._boundId);
      if (!bound) throw itemNotFound("CustomXmlPart");
      return bound;
    }
    const p = this._find();
    this._boundId = p ? p.id : null;
    return p;
  }
  _scalarNames(): string[] {
    return ["id", "namespaceUri"];
  }
  _read(t: unknown, name: string): unknown {
    const p = t as StoredPart;
    if (name === "id") return p.id;
    if (name === "namespaceUri") return p.namespaceUri;
    throw invalidArgument(`CustomXmlPart.${name}`);
  }
  get id(): string {
    return this._get("id");
  }
  get namespaceUri(): string {
    return this._get("namespaceUri");
  }
  getXml(): ClientResult<string> {
    return this._invoke("GetXml", [], (p: StoredPart) => p.xml);
  }
  /** Excel's setXml makes a new part and deletes the old one (office-js#3564): the part gets a new id. */
  setXml(xml: string): void {
    this._queue(
      "Method",
      [xml],
      (p: StoredPart) => {
        const model = this.context._host.model;
        model.setPartXml(p, xml);
        p.id = model.newPartId();
        this._boundId = p.id;
      },
      "SetXml",
    );
  }
  delete(): void {
    this._queue(
      "Method",
      [],
      (p: StoredPart) => {
        this.context._host.model.deletePart(p);
      },
      "Delete",
    );
  }
}

export function rangeAddressText(sheet: StoredSheet, box: Box): string {
  return `${addressSheetName(sheet.name)}!${boxAddress(box)}`;
}

export { boxCellCount, boxesIntersect };
