/** Plain write commands → Office.js calls queued on a request context (no sync here). */
import { adr, parseRange } from "../core/workbook/address";
import {
  ADDRESS_LIST_CHARS,
  type Command,
  type FormatProp,
  type HostFeatures,
  type SheetRef,
} from "./render-commands";
import { queuePrintSetup } from "./print-setup";

/** Sheets created in this run, by layout key (their ids are loaded with the write). */
export type CreatedSheets = Map<string, Excel.Worksheet>;

/** State parts added in this run, with their XML (their ids are loaded with the write). */
export type AddedParts = { part: Excel.CustomXmlPart; xml: string }[];

/** Protection options shared with the file adapter's choice: columns and rows may be resized. */
const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
};

function sheetOf(context: Excel.RequestContext, ref: SheetRef, created: CreatedSheets): Excel.Worksheet {
  if ("sheetId" in ref) return context.workbook.worksheets.getItem(ref.sheetId);
  const sheet = created.get(ref.key);
  if (!sheet) throw new Error(`Sheet "${ref.key}" is used before it is created`);
  return sheet;
}

function setFormat(format: Excel.RangeFormat, prop: FormatProp, value: string | number | boolean): void {
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

/** The RangeFormat objects covering these addresses: one per range list (1.9) or one per range. */
function formatsOf(sheet: Excel.Worksheet, addresses: string[], features: HostFeatures): Excel.RangeFormat[] {
  if (features.api19)
    return addressLists(addresses, ADDRESS_LIST_CHARS).map((list) => sheet.getRanges(list).format);
  return addresses.map((a) => sheet.getRange(a).format);
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
    for (const format of formatsOf(sheet, list, features)) {
      for (const e of edges)
        format.borders.getItem(e as Excel.BorderIndex).style = "Continuous" as Excel.BorderLineStyle;
    }
  }
}

/** Queue one command. */
export function queueCommand(
  context: Excel.RequestContext,
  c: Command,
  created: CreatedSheets,
  features: HostFeatures,
  addedParts: AddedParts = [],
): void {
  if (c.op === "addSheet") {
    const sheet = context.workbook.worksheets.add(c.name);
    sheet.load("id");
    created.set(c.key, sheet);
    return;
  }
  if (c.op === "replaceStatePart") {
    // The parts of ours this session read, and merged into the state written here, are deleted by id;
    // a part a co-author added meanwhile is kept (it is merged on the next read). Never "the only item":
    // under co-authoring that resolves against a stale copy. delete() on a null object (a part already
    // deleted by someone else) does nothing, as in Microsoft's own getItemOrNullObject(…).delete() sample.
    for (const id of c.replaces ?? []) context.workbook.customXmlParts.getItemOrNullObject(id).delete();
    const part = context.workbook.customXmlParts.add(c.xml);
    part.load("id");
    addedParts.push({ part, xml: c.xml });
    return;
  }
  const sheet = sheetOf(context, c.ref, created);
  switch (c.op) {
    case "rename":
      sheet.name = c.name;
      break;
    case "unprotect":
      if (c.password !== undefined) sheet.protection.unprotect(c.password);
      else sheet.protection.unprotect();
      break;
    case "clearAll": {
      const used = sheet.getUsedRange(false);
      used.unmerge();
      used.clear("All" as Excel.ClearApplyTo);
      if (features.api18) used.dataValidation.clear();
      break;
    }
    case "numberFormat":
      sheet.getRange(c.address).numberFormat = c.formats as unknown as string[][];
      break;
    case "formulas":
      sheet.getRange(c.address).formulas = c.values as unknown as string[][];
      break;
    case "format":
      for (const format of formatsOf(sheet, c.addresses, features)) setFormat(format, c.prop, c.value);
      break;
    case "borders":
      queueBorders(sheet, c.addresses, features);
      break;
    case "merge":
      sheet.getRange(c.address).merge(false);
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
      sheet.getRange(c.address).format.protection.locked = false;
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
      if (c.password !== undefined) sheet.protection.protect(PROTECTION_OPTIONS, c.password);
      else sheet.protection.protect(PROTECTION_OPTIONS);
      break;
    case "activate":
      sheet.activate();
      break;
  }
}
