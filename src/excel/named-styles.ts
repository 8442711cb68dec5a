/**
 * Cell styles the adapter adds to the workbook (ExcelApi 1.7, `workbook.styles`): one named style per
 * distinct CellStyle of the layout, so a rectangle of cells is formatted by one `range.style = name` call
 * instead of one call per property and six per border (the request is several times smaller). The name is
 * derived from the style's content, so the same look always has the same name and a style already in the
 * workbook is used as it is (not defined again); a different look never shares a name.
 */
import type { CellStyle } from "../core/workbook/model";

/** The fields of a CellStyle in a fixed order (the name must not depend on key order). */
const FIELDS: (keyof CellStyle)[] = [
  "bold",
  "italic",
  "underline",
  "fontSize",
  "fontName",
  "fontColor",
  "fill",
  "hAlign",
  "vAlign",
  "wrap",
  "border",
  "numberFormat",
];

/**
 * How a style is defined (queue-commands.ts): part of every name, so a change there gives new names and
 * workbooks made before get the new definitions instead of keeping the old ones.
 */
const DEFINITION_VERSION = 1;

/** The style's defined fields, in FIELDS order (colours upper-cased: Excel stores them so). */
export function canonicalStyle(style: CellStyle): string {
  const parts: unknown[] = [DEFINITION_VERSION];
  for (const f of FIELDS) {
    const v = style[f];
    if (v === undefined) continue;
    parts.push(f, typeof v === "string" && (f === "fontColor" || f === "fill") ? v.toUpperCase() : v);
  }
  return JSON.stringify(parts);
}

/** True when the style sets nothing (such cells get no style, as they got no format before). */
export function isEmptyStyle(style: CellStyle | undefined): boolean {
  return !style || FIELDS.every((f) => style[f] === undefined);
}

/** FNV-1a over UTF-16 code units, 32 bits. */
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Prefix of the styles this add-in adds ("Tổng hợp báo cáo"), shown in Excel's Cell Styles gallery. */
export const STYLE_PREFIX = "THBC";

/** Names by style object, and by a quick key of its fields (layouts have few looks over many cells). */
const byObject = new WeakMap<CellStyle, string>();
const byKey = new Map<string, string>();

/** The named style of a look: "THBC-" and 12 hex digits of its content's hash. */
export function styleName(style: CellStyle): string {
  const known = byObject.get(style);
  if (known !== undefined) return known;
  const key = FIELDS.map((f) => {
    const v = style[f];
    return v === undefined ? "" : `${typeof v}:${String(v)}`;
  }).join("\u0001");
  let name = byKey.get(key);
  if (name === undefined) {
    const text = canonicalStyle(style);
    const a = fnv1a(text, 0x811c9dc5).toString(16).padStart(8, "0");
    const b = fnv1a(text, 0x01000193).toString(16).padStart(8, "0").slice(0, 4);
    name = `${STYLE_PREFIX}-${a}${b}`;
    if (byKey.size > 10_000) byKey.clear();
    byKey.set(key, name);
  }
  byObject.set(style, name);
  return name;
}

/** Style names compare as Excel compares them: case-insensitively. */
export const styleKey = (name: string): string => name.normalize("NFC").toLocaleUpperCase();
