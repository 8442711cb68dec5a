/** Plain write commands → Office.js calls queued on a request context (no sync here). */
import { adr, parseRange } from "../core/workbook/address";
import type { CellStyle } from "../core/workbook/model";
import {
  ADDRESS_LIST_CHARS,
  type Command,
  type FormatProp,
  type HostFeatures,
  type SheetRef,
  formatPropsOf,
} from "./render-commands";
import { queuePrintSetup } from "./print-setup";

/** State parts added by a write, with their XML (their ids are loaded with the request that adds them). */
export type AddedParts = { part: Excel.CustomXmlPart; xml: string }[];
/** Protection options shared with the file adapter's choice: columns and rows may be resized. */
const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
};

/**
 * The sheets of one write (one Excel.run, one or more requests). A sheet is fetched once per request
 * (`getItem(id)`: one object path shared by all its commands). A sheet added in the current request is
 * used through its proxy; one added in an earlier request by its id, loaded with that request.
 */
export class WriteSession {
  private added = new Map<string, Excel.Worksheet>();
  private byId = new Map<string, Excel.Worksheet>();
  private partsNow: AddedParts = [];
  /** Ids of the sheets added by earlier requests of this write, by layout key. */
  readonly createdIds = new Map<string, string>();
  /** State parts added by the requests of this write that went through (their ids loaded). */
  readonly addedParts: AddedParts = [];

  constructor(
    readonly context: Excel.RequestContext,
    readonly features: HostFeatures,
  ) {}

  /** A new request starts: proxies of the last one are fetched again. */
  beginRequest(): void {
    this.added.clear();
    this.byId.clear();
    this.partsNow = [];
  }

  /** The request was sent: remember the ids of the sheets it added (`readId` reads a loaded id). */
  endRequest(readId: (sheet: Excel.Worksheet) => string): void {
    for (const [key, sheet] of this.added) this.createdIds.set(key, readId(sheet));
    this.addedParts.push(...this.partsNow);
    this.partsNow = [];
  }

  /** Sheets added in the current request, by layout key. */
  get addedNow(): ReadonlyMap<string, Excel.Worksheet> {
    return this.added;
  }

  add(key: string, name: string): void {
    const sheet = this.context.workbook.worksheets.add(name);
    sheet.load("id");
    this.added.set(key, sheet);
  }

  /**
   * Our state part: the parts of ours this session read, and merged into the state written here, are
   * deleted by id; a part a co-author added meanwhile is kept (it is merged on the next read). Never "the
   * only item": under co-authoring that resolves against a stale copy. delete() on a null object (a part
   * already deleted by someone else) does nothing, as in Microsoft's own getItemOrNullObject(…).delete()
   * sample. The new part's id is loaded with the request.
   */
  replaceStatePart(xml: string, replaces: readonly string[]): void {
    const parts = this.context.workbook.customXmlParts;
    for (const id of replaces) parts.getItemOrNullObject(id).delete();
    const part = parts.add(xml);
    part.load("id");
    this.partsNow.push({ part, xml });
  }

  sheet(ref: SheetRef): Excel.Worksheet {
    if ("key" in ref) {
      const added = this.added.get(ref.key);
      if (added) return added;
      const id = this.createdIds.get(ref.key);
      if (id === undefined) throw new Error(`Sheet "${ref.key}" is used before it is created`);
      return this.byIdOnce(id);
    }
    return this.byIdOnce(ref.sheetId);
  }

  private byIdOnce(id: string): Excel.Worksheet {
    let sheet = this.byId.get(id);
    if (!sheet) {
      sheet = this.context.workbook.worksheets.getItem(id);
      this.byId.set(id, sheet);
    }
    return sheet;
  }
}

/** What a RangeFormat and a Style have in common for the properties the layout sets. */
type Formattable = Pick<
  Excel.RangeFormat,
  "font" | "fill" | "horizontalAlignment" | "verticalAlignment" | "wrapText"
>;

function setFormat(format: Formattable, prop: FormatProp, value: string | number | boolean): void {
  switch (prop) {
    case "font.bold":
      format.font.bold = value as boolean;
      break;
    case "font.italic":
      format.font.italic = value as boolean;
      break;
    case "font.underline":
      format.font.underline = value as Excel.RangeUnderlineStyle;
      break;
    case "font.size":
      format.font.size = value as number;
      break;
    case "font.name":
      format.font.name = value as string;
      break;
    case "font.color":
      format.font.color = value as string;
      break;
    case "fill.color":
      format.fill.color = value as string;
      break;
    case "horizontalAlignment":
      format.horizontalAlignment = value as Excel.HorizontalAlignment;
      break;
    case "verticalAlignment":
      format.verticalAlignment = value as Excel.VerticalAlignment;
      break;
    case "wrapText":
      format.wrapText = value as boolean;
      break;
  }
}

/** Address lists no longer than `max` characters each. */
function addressLists(addresses: string[], max: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > max) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

/** The ranges covering these addresses: one range list per ≤ 2,000 characters (1.9) or one per range. */
function rangesOf(
  sheet: Excel.Worksheet,
  addresses: string[],
  features: HostFeatures,
): (Excel.Range | Excel.RangeAreas)[] {
  if (features.api19) return addressLists(addresses, ADDRESS_LIST_CHARS).map((list) => sheet.getRanges(list));
  return addresses.map((a) => sheet.getRange(a));
}

const OUTER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/** Thin borders on every side of every cell: outer edges, plus inside edges where the range has them. */
function queueBorders(sheet: Excel.Worksheet, addresses: string[], features: HostFeatures): void {
  const classes = new Map<string, string[]>();
  for (const a of addresses) {
    const r = parseRange(a);
    const k = `${r.end.row > r.start.row ? "R" : ""}${r.end.column > r.start.column ? "C" : ""}`;
    classes.set(k, [...(classes.get(k) ?? []), a]);
  }
  for (const [k, list] of classes) {
    const edges: string[] = [...OUTER_EDGES];
    if (k.includes("R")) edges.push("InsideHorizontal");
    if (k.includes("C")) edges.push("InsideVertical");
    for (const range of rangesOf(sheet, list, features)) {
      const borders = range.format.borders;
      for (const e of edges)
        borders.getItem(e as Excel.BorderIndex).style = "Continuous" as Excel.BorderLineStyle;
    }
  }
}

/**
 * A named style as the layout's CellStyle says: font, fill, alignment, wrapping, number format and thin
 * borders on the four edges of each cell. It carries no locking (includeProtection off): the sheets' lock
 * and unlock commands stay the only ones deciding which cells are editable.
 */
function queueDefineStyle(context: Excel.RequestContext, name: string, add: boolean, style: CellStyle): void {
  if (add) context.workbook.styles.add(name);
  const st = context.workbook.styles.getItem(name);
  st.includeFont = true;
  st.includePatterns = true;
  st.includeBorder = true;
  st.includeAlignment = true;
  st.includeNumber = true;
  st.includeProtection = false;
  for (const [prop, value] of formatPropsOf(style)) setFormat(st, prop, value);
  if (style.numberFormat !== undefined) st.numberFormat = style.numberFormat;
  if (style.border) {
    // `borders` is a navigation property (a proxy), not a value: nothing is read before a sync.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const borders = st.borders;
    for (const e of OUTER_EDGES) borders.getItem(e).style = "Continuous" as Excel.BorderLineStyle;
  }
}

/** Queue one command. */
export function queueCommand(context: Excel.RequestContext, c: Command, session: WriteSession): void {
  const features = session.features;
  switch (c.op) {
    case "addSheet":
      session.add(c.key, c.name);
      return;
    case "replaceStatePart":
      session.replaceStatePart(c.xml, c.replaces ?? []);
      return;
    case "defineStyle":
      queueDefineStyle(context, c.name, c.add, c.style);
      return;
  }
  const sheet = session.sheet(c.ref);
  switch (c.op) {
    case "rename":
      sheet.name = c.name;
      break;
    case "unprotect":
      sheet.protection.unprotect(c.password);
      break;
    case "clearAll": {
      const used = sheet.getUsedRange(false);
      used.unmerge();
      used.clear("All" as Excel.ClearApplyTo);
      if (features.api18) used.dataValidation.clear();
      break;
    }
    case "applyStyle":
      for (const range of rangesOf(sheet, c.addresses, features)) range.style = c.name;
      break;
    case "numberFormat":
      sheet.getRange(c.address).numberFormat = c.formats as unknown as string[][];
      break;
    case "formulas":
      sheet.getRange(c.address).formulas = c.values as unknown as string[][];
      break;
    case "format":
      for (const range of rangesOf(sheet, c.addresses, features)) setFormat(range.format, c.prop, c.value);
      break;
    case "borders":
      queueBorders(sheet, c.addresses, features);
      break;
    case "merge":
      sheet.getRange(c.address).merge(c.across);
      break;
    case "columnWidth":
      sheet.getRange(c.address).format.columnWidth = c.points;
      break;
    case "columnHidden":
      sheet.getRange(c.address).columnHidden = true;
      break;
    case "rowHeight":
      sheet.getRange(c.address).format.rowHeight = c.points;
      break;
    case "lockUsed":
      // Formats count: cells unlocked earlier are inside the used range even when empty.
      sheet.getUsedRange(false).format.protection.locked = true;
      break;
    case "unlock":
      for (const range of rangesOf(sheet, c.addresses, features)) range.format.protection.locked = false;
      break;
    case "validation": {
      const dv = sheet.getRange(c.address).dataValidation;
      dv.clear();
      dv.rule = { list: { inCellDropDown: true, source: c.source } };
      if (c.errorMessage)
        dv.errorAlert = {
          showAlert: true,
          style: "Stop" as Excel.DataValidationAlertStyle,
          title: "",
          message: c.errorMessage,
        };
      break;
    }
    case "link":
      sheet.getRange(c.address).hyperlink = { documentReference: c.target };
      break;
    case "freeze":
      if (c.rows > 0 && c.columns > 0)
        sheet.freezePanes.freezeAt(sheet.getRange(`A1:${adr(c.rows - 1, c.columns - 1)}`));
      else if (c.rows > 0) sheet.freezePanes.freezeRows(c.rows);
      else if (c.columns > 0) sheet.freezePanes.freezeColumns(c.columns);
      break;
    case "print":
      sheet.pageLayout.orientation = c.orientation as Excel.PageOrientation;
      sheet.pageLayout.paperSize = "A4" as Excel.PaperType;
      if (c.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      break;
    case "printSetup":
      queuePrintSetup(sheet, c);
      break;
    case "tabColor":
      sheet.tabColor = c.color;
      break;
    case "protect":
      sheet.protection.protect(PROTECTION_OPTIONS, c.password);
      break;
    case "activate":
      sheet.activate();
      break;
  }
}
