import { ClientObject, ClientResult, SimItemCollection, SimRequestContext } from "./client-object";
import { invalidArgument, itemNotFound } from "./errors";
import {
  H_ALIGN,
  SimRangeBorderCollection,
  SimRangeFill,
  SimRangeFont,
  V_ALIGN,
  type StyleTarget,
} from "./range";
import type { StoredStyle } from "./store";

const INCLUDES = {
  includeAlignment: "alignment",
  includeBorder: "border",
  includeFont: "font",
  includeNumber: "number",
  includePatterns: "patterns",
  includeProtection: "protection",
} as const;
type IncludeName = keyof typeof INCLUDES;

/** Like `Excel.StyleCollection` (ExcelApi 1.7): the workbook's cell styles, built-in ones included. */
export class SimStyleCollection extends SimItemCollection<SimStyle> {
  constructor(context: SimRequestContext, parent: ClientObject) {
    super(context, "workbook.styles", parent);
  }

  override load(spec?: Parameters<ClientObject["load"]>[0]): this {
    const text = typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : "name";
    const names = text
      .split(",")
      .map((s) => s.trim().replace(/^items[/.]/, ""))
      .filter((s) => s && s !== "items");
    this._queueQuery(names, () => {
      this._items = this.context._host.model.styles.map((st) => {
        const item = new SimStyle(
          this.context,
          `${this._path}.getItem(${JSON.stringify(st.name)})`,
          this,
          () => st,
        );
        for (const n of names) {
          const v = item._read(st, n);
          this.context._host.countResponse(v);
          item._loaded.set(n, v);
        }
        item._isNull = false;
        return item;
      });
    });
    return this;
  }

  /** Adds a style with the Normal style's format; a name already used (case-insensitive) fails. */
  add(name: string): void {
    this._queue("Method", [name], () => void this.context._host.model.addStyle(name), "Add");
  }

  getItem(name: string): SimStyle {
    const model = this.context._host.model;
    return new SimStyle(this.context, `${this._path}.getItem(${JSON.stringify(name)})`, this, () => {
      const st = model.findStyle(name);
      if (!st) throw itemNotFound("StyleCollection.getItem");
      return st;
    });
  }

  /** ExcelApi 1.14. */
  getItemOrNullObject(name: string): SimStyle {
    this._requireApi("1.14", "StyleCollection.getItemOrNullObject");
    const model = this.context._host.model;
    return new SimStyle(
      this.context,
      `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`,
      this,
      () => model.findStyle(name) ?? null,
      true,
    );
  }

  /** ExcelApi 1.9. */
  getCount(): ClientResult<number> {
    this._requireApi("1.9", "StyleCollection.getCount");
    return this._invoke("GetCount", [], () => this.context._host.model.styles.length);
  }
}

/** Like `Excel.Style` (ExcelApi 1.7). Changing a style changes the cells that use it. */
export class SimStyle extends ClientObject {
  private _font: SimRangeFont | undefined;
  private _fill: SimRangeFill | undefined;
  private _borders: SimRangeBorderCollection | undefined;

  constructor(
    context: SimRequestContext,
    path: string,
    parent: ClientObject,
    private readonly _find: () => StoredStyle | null,
    nullable = false,
  ) {
    super(context, path, parent, nullable);
  }
  _resolveTarget(): StoredStyle | null {
    return this._find();
  }
  private _target = (): StyleTarget | null => {
    const style = this._find();
    return style ? { style } : null;
  };
  _scalarNames(): string[] {
    return [
      "name",
      "builtIn",
      "numberFormat",
      "horizontalAlignment",
      "verticalAlignment",
      "wrapText",
      "locked",
    ];
  }
  _read(t: unknown, name: string): unknown {
    const st = t as StoredStyle;
    if (name in INCLUDES) return st.include[INCLUDES[name as IncludeName]];
    switch (name) {
      case "name":
        return st.name;
      case "builtIn":
        return st.builtIn;
      case "numberFormat":
        return st.numberFormat;
      case "horizontalAlignment":
        return st.format.horizontalAlignment ?? "General";
      case "verticalAlignment":
        return st.format.verticalAlignment ?? "Bottom";
      case "wrapText":
        return st.format.wrapText ?? false;
      case "locked":
        return st.locked;
      default:
        throw invalidArgument(`Style.${name}`);
    }
  }
  override _nav(name: string): ClientObject | undefined {
    return ({ font: this.font, fill: this.fill, borders: this.borders } as Record<string, ClientObject>)[
      name
    ];
  }

  get font(): SimRangeFont {
    this._font ??= new SimRangeFont(this.context, `${this._path}.font`, this, this._target);
    return this._font;
  }
  get fill(): SimRangeFill {
    this._fill ??= new SimRangeFill(this.context, `${this._path}.fill`, this, this._target);
    return this._fill;
  }
  get borders(): SimRangeBorderCollection {
    this._borders ??= new SimRangeBorderCollection(this.context, `${this._path}.borders`, this, this._target);
    return this._borders;
  }

  get name(): string {
    return this._get("name");
  }
  get builtIn(): boolean {
    return this._get("builtIn");
  }

  /** Set one property of the style after checking it, then let the cells that use the style follow. */
  private _change(name: string, v: unknown, ok: boolean, mutate: (st: StoredStyle) => void): void {
    this._set(name, v, (st: StoredStyle) => {
      if (!ok) throw invalidArgument(`Style.${name}`);
      this.context._host.model.changeStyle(st, mutate);
    });
  }

  get numberFormat(): string {
    return this._get("numberFormat");
  }
  set numberFormat(v: string) {
    this._change(
      "numberFormat",
      v,
      typeof v === "string",
      (st) => void (st.numberFormat = v === "" ? "General" : v),
    );
  }
  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._change(
      "horizontalAlignment",
      v,
      H_ALIGN.includes(v),
      (st) => void (st.format.horizontalAlignment = v),
    );
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._change("verticalAlignment", v, V_ALIGN.includes(v), (st) => void (st.format.verticalAlignment = v));
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._change("wrapText", v, typeof v === "boolean", (st) => void (st.format.wrapText = v));
  }
  get locked(): boolean {
    return this._get("locked");
  }
  set locked(v: boolean) {
    this._change("locked", v, typeof v === "boolean", (st) => void (st.locked = v));
  }

  private _include(name: IncludeName, v: boolean): void {
    this._change(name, v, typeof v === "boolean", (st) => void (st.include[INCLUDES[name]] = v));
  }
  get includeAlignment(): boolean {
    return this._get("includeAlignment");
  }
  set includeAlignment(v: boolean) {
    this._include("includeAlignment", v);
  }
  get includeBorder(): boolean {
    return this._get("includeBorder");
  }
  set includeBorder(v: boolean) {
    this._include("includeBorder", v);
  }
  get includeFont(): boolean {
    return this._get("includeFont");
  }
  set includeFont(v: boolean) {
    this._include("includeFont", v);
  }
  get includeNumber(): boolean {
    return this._get("includeNumber");
  }
  set includeNumber(v: boolean) {
    this._include("includeNumber", v);
  }
  get includePatterns(): boolean {
    return this._get("includePatterns");
  }
  set includePatterns(v: boolean) {
    this._include("includePatterns", v);
  }
  get includeProtection(): boolean {
    return this._get("includeProtection");
  }
  set includeProtection(v: boolean) {
    this._include("includeProtection", v);
  }

  delete(): void {
    this._queue(
      "Method",
      [],
      (st: StoredStyle) => {
        const model = this.context._host.model;
        if (st.builtIn) throw invalidArgument("Style.delete");
        model.styles = model.styles.filter((x) => x !== st);
        // Cells that used a deleted style go back to Normal's look.
        for (const sheet of model.sheets)
          for (const cell of sheet.cells.values())
            if (cell.style === st.name) {
              delete cell.style;
              cell.format = {};
              cell.numberFormat = "General";
              cell.locked = true;
            }
      },
      "Delete",
    );
  }
}
