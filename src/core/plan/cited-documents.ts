/**
 * The documents a plan says it implements: its grounds near the top ("Thực hiện / Căn cứ / Triển khai Kế
 * hoạch số 12-KH/ĐU ngày 05/01/2024 của Đảng ủy xã Tân Hòa …"), and its subject line when that is the
 * citation ("Thực hiện Kế hoạch số 12-KH/ĐU của Đảng ủy xã"). A body below writes its own plan this way, so
 * the level above recognises the summary it sends up (src/core/rollup/): its plan cites the upper plan's
 * number.
 *
 * Only the preamble is read: from the top to the first Roman-numbered section ("I. MỤC ĐÍCH, YÊU CẦU"); a date
 * or number further down is a task's business. Plan numbers compare tolerant of spacing, dash and Đ variants
 * (`samePlanNumber`: "12-KH/ĐU" = "12 - KH/ĐU" = "12–KH/ÐU").
 */
import { nfc } from "../text/vietnamese";
import { findDateMentions, isoDate } from "./dates";
import { toSourceLines, type SourceLine } from "./source-lines";
import type { CitedDocument } from "./types";

/** Document kinds a plan cites, as running text writes them (matched case-insensitively). */
const KINDS = [
  "Chương trình hành động",
  "Kế hoạch liên tịch",
  "Hướng dẫn liên tịch",
  "Kế hoạch",
  "Hướng dẫn",
  "Nghị quyết",
  "Chỉ thị",
  "Quyết định",
  "Công văn",
  "Thông báo",
  "Thông tri",
  "Kết luận",
  "Chương trình",
  "Thông tư",
  "Nghị định",
  "Quy định",
  "Đề án",
  "Văn bản",
];

/** Dashes people type in document numbers: hyphen, non-breaking hyphen, en/em dash, minus. */
const DASHES = /[‐‑‒–—−]/gu;

/**
 * A document number as compared: NFC, capitals (Vietnamese), no spaces, one kind of dash, and the Icelandic
 * Ð (U+00D0, a frequent stand-in for Đ in old fonts) read as Đ. "12 - kh/đu" → "12-KH/ĐU".
 */
export function planNumberKey(number: string): string {
  return nfc(number)
    .replace(DASHES, "-")
    .replace(/\u00d0/gu, "Đ")
    .replace(/\u00f0/gu, "đ")
    .toLocaleUpperCase("vi")
    .replace(/^SỐ\s*:?\s*/u, "")
    .replace(/\s+/gu, "")
    .replace(/[.,;:]+$/u, "");
}

/** True when two document numbers are the same number, whatever their spacing, dashes or case. */
export function samePlanNumber(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const ka = planNumberKey(a);
  return ka !== "" && ka === planNumberKey(b);
}

const KIND_PATTERN = KINDS.map((k) => k.replace(/ /g, "\\s+")).join("|");
/** "12-KH/ĐU", "12 - KH/ĐU", "2150/KH-SLĐTBXH", "35/HD-MTTW-BTT", "05": digits, then letter/digit groups. */
const NUMBER_PATTERN = String.raw`\d+[\p{L}]?(?:\s*[-‐‑‒–—−/.]\s*[\p{L}\d]+)*`;
const CITATION = new RegExp(String.raw`(?<![\p{L}])(${KIND_PATTERN})\s+số\s*:?\s*(${NUMBER_PATTERN})`, "giu");
/** Where an issuer's name ends: " về …", a comma or semicolon, " và <another document>", ")" or the end. */
const ISSUER_END = new RegExp(
  String.raw`\s+về\s|\s+(?:và|cùng)\s+(?:${KIND_PATTERN})\b|\s*[,;:)]|\s+(?:nhằm|để|xây dựng|ban hành)\s|$`,
  "iu",
);

function kindOf(written: string): string {
  const folded = written.replace(/\s+/g, " ").toLocaleLowerCase("vi");
  return KINDS.find((k) => k.toLocaleLowerCase("vi") === folded) ?? written;
}

/** A Roman-numbered section heading ("I. MỤC ĐÍCH", "II- NỘI DUNG", "Phần I"): the preamble ends there. */
function isSectionHeading(text: string): boolean {
  return /^(?:[IVX]{1,4}\s*[.\-–:)/]|PHẦN\s+(?:[IVX]+|THỨ)|Phần\s+(?:[IVX]+|thứ))/u.test(text);
}

/** The date right after the number ("ngày 05/01/2024", ", ngày 5 tháng 1 năm 2024"), ISO, and where it ends. */
function dateAfter(text: string, from: number): { iso: string | null; end: number } {
  const m = /^\s*,?\s*(?:ban hành\s+)?ngày\s+/iu.exec(text.slice(from));
  if (!m) return { iso: null, end: from };
  const rest = text.slice(from);
  const mention = findDateMentions(rest).find((d) => d.start <= m[0].length + 1);
  if (!mention || mention.kind !== "full" || !mention.valid || mention.year === null || mention.day === null)
    return { iso: null, end: from };
  return { iso: isoDate(mention.year, mention.month, mention.day), end: from + mention.end };
}

/** The issuer after "của", up to where its name ends. */
function issuerAfter(text: string, from: number): string | null {
  const m = /^\s*,?\s*của\s+/iu.exec(text.slice(from));
  if (!m) return null;
  const rest = text.slice(from + m[0].length);
  const end = ISSUER_END.exec(rest);
  const name = rest
    .slice(0, end ? end.index : rest.length)
    .trim()
    .replace(/[.,;]+$/u, "");
  return name === "" ? null : name;
}

/** The documents cited in one line of text. */
export function citationsIn(text: string, line: number): CitedDocument[] {
  const out: CitedDocument[] = [];
  CITATION.lastIndex = 0;
  for (let m = CITATION.exec(text); m; m = CITATION.exec(text)) {
    const after = m.index + m[0].length;
    const date = dateAfter(text, after);
    out.push({
      kind: kindOf(m[1]),
      number: m[2].replace(/\s+/gu, " ").trim(),
      issuedOn: date.iso,
      issuer: issuerAfter(text, date.end),
      line,
    });
  }
  return out;
}

/** Every document the plan's preamble cites, in order (a number cited twice is kept once). */
export function findCitedDocuments(lines: SourceLine[]): CitedDocument[] {
  const out: CitedDocument[] = [];
  for (const l of lines) {
    if (isSectionHeading(l.text)) break;
    for (const c of citationsIn(l.text.replace(/\t+/g, " "), l.no))
      if (!out.some((o) => samePlanNumber(o.number, c.number))) out.push(c);
  }
  return out;
}

/** `findCitedDocuments` over plan text. */
export function citedDocumentsOf(text: string): CitedDocument[] {
  return findCitedDocuments(toSourceLines(text));
}
