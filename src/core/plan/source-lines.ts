/**
 * The plan text as numbered, cleaned lines: NFC, LF, no markdown emphasis or heading marks; page numbers and
 * running headers of a copied PDF taken out; hard-wrapped paragraphs joined again (each keeps its first line's
 * number); columns laid side by side with runs of spaces or " | " separated by a tab.
 */
import { normaliseText } from "../text/vietnamese";
import { layoutTablesToRows } from "./layout-tables";
import { dropPageFurniture } from "./page-furniture";
import { reflow } from "./reflow";

export interface SourceLine {
  /** 1-based line number in the normalised input. */
  no: number;
  /** Cleaned and trimmed text. */
  text: string;
  /** Cleaned text with its tabs and leading cells kept (for tab-separated tables). */
  raw: string;
}

/** Remove markdown emphasis, heading marks, escapes and invisible characters from one line. */
export function cleanLine(line: string): string {
  let s = line.replace(/[\u00a0\u2007\u202f]/g, " ").replace(/[\u200b-\u200d\u2060\ufeff]/g, "");
  s = s.replace(/\*\*|__/g, "");
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, "$1");
  s = s.replace(/^[ ]{0,3}#{1,6}\s+/, "");
  s = s.replace(/^\s*>\s?/, "");
  s = s.replace(/(^|[\s(])\*(?!\s)([^*\n]*[^*\s])\*(?=$|[\s,.;:)])/g, "$1$2");
  s = s.replace(/(^|[\s(])_(?!\s)([^_\n]*[^_\s])_(?=$|[\s,.;:)])/g, "$1$2");
  // "ĐẢNG BỘ TỈNH BẮC KẠN | ĐẢNG CỘNG SẢN VIỆT NAM": two columns copied with a bar between them.
  // "      | Phù Yên, ngày …": the right column alone, its left cell empty (not a markdown row, which ends with "|").
  if (/^\s*\|\s/.test(s) && !/\|\s*$/.test(s)) s = s.replace(/^\s*\|\s*/, "\t");
  if (!/^\s*\|/.test(s) && /\S\s+\|(?:\s|$)/.test(s))
    s = s.replace(/\s+\|\s*$/, "").replace(/\s+\|\s+/g, "\t");
  return s.replace(/[ \r]+$/, "");
}

/** Where the document's kind line (KẾ HOẠCH …) is: the header above it is not reflowed. */
const KIND_LINE =
  /^[\s#*]*(?:KẾ HOẠCH|HƯỚNG DẪN|THÔNG BÁO|CHƯƠNG TRÌNH|QUYẾT ĐỊNH|CÔNG VĂN|BÁO CÁO|PHƯƠNG ÁN|ĐỀ ÁN|CHỈ THỊ|NGHỊ QUYẾT)(?:[\s*:]|$)/u;

export function toSourceLines(text: string): SourceLine[] {
  const physical = normaliseText(text)
    .split("\n")
    .map((line, i) => ({ no: i + 1, raw: cleanLine(line) }));
  const paged = layoutTablesToRows(dropPageFurniture(physical));
  const kindAt = paged.findIndex((l, i) => i < 60 && KIND_LINE.test(l.raw));
  return reflow(paged, kindAt).map(({ no, raw }) => ({
    no,
    // A run of three spaces or more between words separates columns (a header or a table laid out by spaces).
    text: raw.trim().replace(/\s+/g, (ws) => (ws.includes("\t") || ws.length >= 3 ? "\t" : " ")),
    raw,
  }));
}

/** Split a header/closing line whose two sides are separated by tabs or a wide run of spaces. */
export function splitSides(text: string): string[] {
  return text
    .split(/\t+| {3,}/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * The sides of a header or closing line: tab- or space-separated, or the cells of a markdown table row (a .docx
 * layout table converted to markdown), each cell's `<br>` lines apart.
 */
export function sideSegments(text: string): string[] {
  if (!/^\|.*\|$/u.test(text)) return splitSides(text);
  return text
    .slice(1, -1)
    .split("|")
    .flatMap((cell) => cell.split(/<br\s*\/?>/iu))
    .map((c) => c.trim())
    .filter((c) => c !== "" && !/^:?-{2,}:?$/u.test(c));
}

/** The line without tabs (cells joined by a space), for prose matching. */
export function prose(text: string): string {
  return text.replace(/\t+/g, " ").replace(/ {2,}/g, " ").trim();
}
