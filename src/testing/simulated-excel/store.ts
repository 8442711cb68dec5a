import { adr, columnIndex, columnLetter } from "../../core/workbook/address";
import type { CellValue } from "../../core/workbook/model";
import { ErrorCodes, SimulatedOfficeError, invalidArgument } from "./errors";

/** Excel's grid size. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export interface Box {
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type BorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight";

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  fontSize?: number;
  fontName?: string;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Partial<Record<BorderEdge, string>>;
}

export interface Hyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface ValidationSpec {
  rule: unknown;
  errorAlert?: unknown;
}

export interface StoredCell {
  /** Literal value (text without the input apostrophe); null = empty. Ignored when `formula` is set. */
  value: CellValue;
  /** "=..." or null. */
  formula: string | null;
  numberFormat: string;
  format: CellFormat;
  locked: boolean;
  hyperlink?: Hyperlink;
  validation?: ValidationSpec;
  /** The cell style applied (`Range.style`); absent = Normal. */
  style?: string;
}

/** What a cell style covers: each category is applied with the style when its `include…` flag is set. */
export type StyleCategory = "alignment" | "border" | "font" | "number" | "patterns" | "protection";

/** A cell style of the workbook (`Workbook.styles`). */
export interface StoredStyle {
  name: string;
  builtIn: boolean;
  /** Format properties set on the style; those not set are the Normal style's. */
  format: CellFormat;
  numberFormat: string;
  locked: boolean;
  include: Record<StyleCategory, boolean>;
}

/** The format fields each style category covers. */
export const STYLE_CATEGORY_FIELDS: Record<
  Exclude<StyleCategory, "number" | "protection">,
  (keyof CellFormat)[]
> = {
  font: ["bold", "italic", "underline", "fontSize", "fontName", "fontColor"],
  patterns: ["fill"],
  border: ["borders"],
  alignment: ["horizontalAlignment", "verticalAlignment", "wrapText"],
};

/** The cell styles of a new Excel workbook (Home › Cell Styles). */
export const BUILT_IN_STYLE_NAMES = [
  "Normal",
  "Bad",
  "Good",
  "Neutral",
  "Calculation",
  "Check Cell",
  "Explanatory Text",
  "Input",
  "Linked Cell",
  "Note",
  "Output",
  "Warning Text",
  "Heading 1",
  "Heading 2",
  "Heading 3",
  "Heading 4",
  "Title",
  "Total",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [
    `20% - Accent${n}`,
    `40% - Accent${n}`,
    `60% - Accent${n}`,
    `Accent${n}`,
  ]),
  "Comma",
  "Comma [0]",
  "Currency",
  "Currency [0]",
  "Percent",
];

export function newStyle(name: string, builtIn: boolean): StoredStyle {
  return {
    name,
    builtIn,
    format: {},
    numberFormat: "General",
    locked: true,
    include: { alignment: true, border: true, font: true, number: true, patterns: true, protection: true },
  };
}

export interface ProtectionState {
  protected: boolean;
  password: string | null;
  options: Record<string, boolean>;
}

export interface StoredSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  cells: Map<string, StoredCell>;
  merges: Box[];
  /** Points, by 0-based column. */
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  /** Points, by 0-based row. */
  rowHeights: Map<number, number>;
  protection: ProtectionState;
  freeze: { rows: number; columns: number };
  pageLayout: Record<string, unknown>;
}

export interface StoredPart {
  id: string;
  xml: string;
  namespaceUri: string;
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export function cellKey(row: number, column: number): string {
  return `${row},${column}`;
}

export function parseKey(key: string): { row: number; column: number } {
  const i = key.indexOf(",");
  return { row: Number(key.slice(0, i)), column: Number(key.slice(i + 1)) };
}

export function newCell(): StoredCell {
  return { value: null, formula: null, numberFormat: "General", format: {}, locked: true };
}

export function isCellEmpty(c: StoredCell): boolean {
  return c.formula === null && (c.value === null || c.value === "");
}

export function isCellDefault(c: StoredCell): boolean {
  return (
    isCellEmpty(c) &&
    c.numberFormat === "General" &&
    Object.keys(c.format).length === 0 &&
    c.locked &&
    !c.hyperlink &&
    !c.validation &&
    !c.style
  );
}

/**
 * Parse an Excel address without sheet name: "B4", "A1:C3", "A:C" (whole columns), "2:5" (whole rows).
 * Throws InvalidArgument like Excel for anything else.
 */
export function parseBox(address: string, location = "Worksheet.getRange"): Box {
  const a = address.trim().replace(/\$/g, "");
  let m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = columnIndex(m[1]);
    const r2 = m[3] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? columnIndex(m[3]) : c1;
    return checkBox(
      { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) },
      location,
    );
  }
  m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(a);
  if (m) {
    const c1 = columnIndex(m[1]);
    const c2 = columnIndex(m[2]);
    return checkBox(
      { top: 0, left: Math.min(c1, c2), bottom: MAX_ROWS - 1, right: Math.max(c1, c2) },
      location,
    );
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) {
    const r1 = Number(m[1]) - 1;
    const r2 = Number(m[2]) - 1;
    return checkBox(
      { top: Math.min(r1, r2), left: 0, bottom: Math.max(r1, r2), right: MAX_COLUMNS - 1 },
      location,
    );
  }
  throw invalidArgument(location);
}

function checkBox(b: Box, location: string): Box {
  if (b.top < 0 || b.left < 0 || b.bottom >= MAX_ROWS || b.right >= MAX_COLUMNS)
    throw invalidArgument(location);
  return b;
}

export function boxAddress(b: Box): string {
  if (b.top === 0 && b.bottom === MAX_ROWS - 1) return `${columnLetter(b.left)}:${columnLetter(b.right)}`;
  if (b.left === 0 && b.right === MAX_COLUMNS - 1) return `${b.top + 1}:${b.bottom + 1}`;
  const a = adr(b.top, b.left);
  const z = adr(b.bottom, b.right);
  return a === z ? a : `${a}:${z}`;
}

export function boxesIntersect(a: Box, b: Box): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function boxCellCount(b: Box): number {
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}

/** Sheet name as Excel prints it in addresses: quoted when it is not a plain identifier. */
export function addressSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const ILLEGAL_SHEET_CHARS = /[:\\/?*[\]]/;

/** Excel's sheet-name rules (the name alone; uniqueness is checked by the caller). */
export function checkSheetName(name: unknown, location: string): string {
  if (typeof name !== "string") throw invalidArgument(location);
  if (name.length < 1 || name.length > 31) throw invalidArgument(location);
  if (ILLEGAL_SHEET_CHARS.test(name)) throw invalidArgument(location);
  if (name.startsWith("'") || name.endsWith("'")) throw invalidArgument(location);
  if (name.toLowerCase() === "history") throw invalidArgument(location);
  return name;
}

/** Excel compares sheet names case-insensitively. */
export function sameSheetName(a: string, b: string): boolean {
  return a.normalize("NFC").toLocaleUpperCase() === b.normalize("NFC").toLocaleUpperCase();
}

export function duplicateName(location: string): SimulatedOfficeError {
  return new SimulatedOfficeError(
    ErrorCodes.itemAlreadyExists,
    "A resource with the same name or identifier already exists.",
    location,
  );
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function dateSerial(year: number, month: number, day: number): number | null {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round((t - EXCEL_EPOCH) / 86400000);
}

export type ParsedInput =
  { kind: "clear" } | { kind: "value"; value: CellValue } | { kind: "formula"; formula: string };

/** Excel's limit for the text of one cell. */
export const MAX_CELL_CHARACTERS = 32_767;

/**
 * What Excel stores when a value is written through `Range.values`/`Range.formulas` or typed (en-US):
 * "" clears; "=..." is a formula (and, as the Range.values reference says, a leading "+" or "-" that is
 * not a number also makes a formula); a leading apostrophe makes text (the apostrophe is not part of the
 * value); numeric text ("12", "1,234.5", "50%", "5e3") becomes a number, "TRUE"/"FALSE" a boolean, and
 * dates and times a serial number: m/d/yyyy, m/d, m-d, yyyy-mm-dd, month names ("May 5", "5-May-24",
 * "1-Jan", "May 2024"), times ("10 AM", "10:30", "7:05:30 PM") and a date followed by a time. In a cell
 * formatted as text ("@") every string stays text. Text over 32,767 characters is refused (InvalidArgument:
 * the service's exact error for it is not documented).
 */
export function parseInput(input: unknown, numberFormat: string, location: string): ParsedInput {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw invalidArgument(location);
    return { kind: "value", value: input };
  }
  if (typeof input === "boolean") return { kind: "value", value: input };
  if (typeof input !== "string") throw invalidArgument(location);
  if (input === "") return { kind: "clear" };
  if (input.length - (input.startsWith("'") ? 1 : 0) > MAX_CELL_CHARACTERS) throw invalidArgument(location);
  if (input.startsWith("'")) return { kind: "value", value: input.slice(1) };
  if (numberFormat === "@") return { kind: "value", value: input };
  const num = parseNumberText(input);
  if (num !== null) return { kind: "value", value: num };
  if (input.startsWith("=") && input.length > 1) return { kind: "formula", formula: input };
  if ((input.startsWith("+") || input.startsWith("-")) && input.length > 1)
    return { kind: "formula", formula: `=${input}` };
  if (/^true$/i.test(input)) return { kind: "value", value: true };
  if (/^false$/i.test(input)) return { kind: "value", value: false };
  const date = parseDateTimeText(input);
  if (date !== null) return { kind: "value", value: date };
  return { kind: "value", value: input };
}

function parseNumberText(s: string): number | null {
  const m = /^\s*([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?\s*(%?)\s*$/.exec(s);
  if (!m) return null;
  let n = Number(m[2].replace(/,/g, "")) * (m[3] ? 10 ** Number(m[3]) : 1);
  if (m[1] === "-") n = -n;
  if (m[4]) n /= 100;
  return Number.isFinite(n) ? n : null;
}

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** 1–12 for an English month name or its abbreviation of three letters or more ("Sep", "Sept"), else null. */
function monthOf(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = MONTH_NAMES.findIndex((m) => m.startsWith(w));
  return i >= 0 ? i + 1 : null;
}

/** A two-digit year as Excel reads it: 00–29 → 20xx, 30–99 → 19xx. */
function fullYear(text: string): number {
  const y = Number(text);
  return text.length <= 2 ? (y < 30 ? 2000 + y : 1900 + y) : y;
}

function parseDateText(s: string): number | null {
  const text = s.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return dateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
  // Numbers only, month first: m/d/yyyy, m/d/yy, m/d, m-d-yyyy, m-d (the year is this year's).
  m = /^(\d{1,2})([/-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/.exec(text);
  if (m) return dateSerial(m[4] ? fullYear(m[4]) : new Date().getFullYear(), Number(m[1]), Number(m[3]));
  // With a month name: "May 5", "May 5, 2024", "5 May 2024", "5-May-24", "Jan-1", "May 2024", "Sep-2024".
  const parts = text.split(/[\s,/-]+/).filter((p) => p !== "");
  const month = parts.findIndex((p) => monthOf(p) !== null);
  if (month < 0 || parts.length > 3 || parts.some((p, i) => i !== month && !/^\d{1,4}$/.test(p))) return null;
  const mo = monthOf(parts[month])!;
  const numbers = parts.filter((_, i) => i !== month);
  const thisYear = new Date().getFullYear();
  if (numbers.length === 0) return null;
  if (numbers.length === 2) {
    if (month > 1 || numbers[0].length > 2) return null;
    return dateSerial(fullYear(numbers[1]), mo, Number(numbers[0]));
  }
  const n = numbers[0];
  // "May 2024": a month and a year; "May 5"/"5 May": a day of this year.
  if (n.length > 2 || Number(n) > 31) return month === 0 ? dateSerial(fullYear(n), mo, 1) : null;
  return dateSerial(thisYear, mo, Number(n));
}

/** A time of day as a fraction of a day: "10 AM", "10am", "10 p", "10:30", "10:30 PM", "7:05:30". */
function parseTimeText(s: string): number | null {
  const m = /^(\d{1,2})(?::(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?)?\s*(am|pm|a|p)?$/i.exec(s.trim());
  if (!m || (m[2] === undefined && m[4] === undefined)) return null;
  let hours = Number(m[1]);
  const minutes = Number(m[2] ?? 0);
  const seconds = Number(m[3] ?? 0);
  if (minutes > 59 || seconds >= 60) return null;
  if (m[4] !== undefined) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (/^p/i.test(m[4]) ? 12 : 0);
  } else if (hours > 23) return null;
  return (hours + minutes / 60 + seconds / 3600) / 24;
}

/** A date, a time, or a date followed by a time, as Excel's en-US input reads them; null for text. */
function parseDateTimeText(s: string): number | null {
  const whole = parseDateText(s) ?? parseTimeText(s);
  if (whole !== null) return whole;
  for (let i = s.indexOf(" "); i > 0; i = s.indexOf(" ", i + 1)) {
    const date = parseDateText(s.slice(0, i));
    const time = date === null ? null : parseTimeText(s.slice(i + 1));
    if (date !== null && time !== null) return date + time;
  }
  return null;
}

/** The root element's namespace of an XML document (what `CustomXmlPart.namespaceUri` reports). */
export function rootNamespace(xml: string): string {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const m = /<([A-Za-z_][\w.-]*)(?::([\w.-]+))?([^>]*)>/.exec(body);
  if (!m) return "";
  const prefix = m[2] ? m[1] : null;
  const attrs = m[3];
  const re = prefix ? new RegExp(`xmlns:${prefix}\\s*=\\s*["']([^"']*)["']`) : /xmlns\s*=\s*["']([^"']*)["']/;
  const ns = re.exec(attrs);
  return ns ? ns[1] : "";
}

/** UTF-8 byte length of a string, without Node or TextEncoder. */
export function utf8Length(s: string): number {
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
