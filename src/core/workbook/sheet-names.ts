/**
 * Sheet names derived from unit names: short and readable ("BCH Công đoàn", "Tổ đảng 1"), legal in Excel
 * (1–31 characters, none of : \ / ? * [ ], no leading/trailing apostrophe, not "History"), and unique
 * against the names already taken, ignoring case AND accents (so "Tổ 1" and "To 1" never sit side by side).
 */
import { SheetNameCollisionError } from "../errors";
import { foldVietnamese, nfc } from "../text/vietnamese";

export const MAX_SHEET_NAME_LENGTH = 31;
const ILLEGAL_CHARS = /[:\\/?*[\]]/;
/** Control characters Excel refuses in names (and that no one means to type). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
const CONTROL_CHARS_G = /[\u0000-\u001f\u007f]/g;

/** A message about a name the add-in had to change: Vietnamese first, English alongside, with the sheet. */
export interface SheetNameNotice {
  vi: string;
  en: string;
  sheet: string;
}

export interface SheetNameChoice {
  name: string;
  notices: SheetNameNotice[];
}

/** A whole-word, case-insensitive pattern (\\b is ASCII-only in JavaScript, so letters are spelled out). */
function w(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, "giu");
}

/** Shortenings always applied: they are how these bodies are written on tabs and in reports. */
const ALWAYS: [RegExp, string][] = [
  [w("Ban Chấp hành"), "BCH"],
  [w("Ban Thường vụ"), "BTV"],
  // "Tổ đảng tổ 1", "Tổ đảng số 2", "Tổ Đảng tổ số 3" → "Tổ đảng 1"
  [w("(Tổ đảng)\\s+(?:tổ\\s+)?(?:số\\s+)?(\\d+)"), "Tổ đảng $2"],
  // "… số 2" → "… 2" ("Tổ Công đoàn số 1" → "Tổ Công đoàn 1")
  [w("số\\s+(\\d+)"), "$1"],
];

/** Shortenings applied only when the name is still too long (domain.md). */
const WHEN_LONG: [RegExp, string][] = [
  [w("Công đoàn"), "CĐ"],
  [w("Đoàn Thanh niên(?: Cộng sản Hồ Chí Minh)?"), "ĐTN"],
  [w("Hội Cựu chiến binh"), "Hội CCB"],
  [w("Cựu chiến binh"), "CCB"],
  [w("Hội Liên hiệp Phụ nữ"), "HPN"],
  [w("Hội Phụ nữ"), "HPN"],
  [w("Trung tâm"), "TT"],
  [w("Văn phòng"), "VP"],
  [w("Thanh tra"), "TTr"],
  [w("Ủy ban nhân dân"), "UBND"],
  [w("Hội đồng nhân dân"), "HĐND"],
  [w("Cơ sở"), "CS"],
];

/** True when Excel accepts the name as a sheet name (uniqueness aside). */
export function isLegalSheetName(name: string): boolean {
  if (name.length < 1 || name.length > MAX_SHEET_NAME_LENGTH) return false;
  if (ILLEGAL_CHARS.test(name)) return false;
  if (new RegExp(CONTROL_CHARS_G.source).test(name)) return false;
  if (name.startsWith("'") || name.endsWith("'")) return false;
  if (name.trim().toLowerCase() === "history") return false;
  return true;
}

/** The key two sheet names collide on: case-, accent- and spacing-insensitive (đ = d). */
export function sheetNameKey(name: string): string {
  return foldVietnamese(nfc(name));
}

/** True when two sheet names are the same for the add-in (ignoring case, accents and spacing). */
export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}

/** Cut at a word boundary when one is near, else hard; never leaves trailing spaces or punctuation. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const hard = chars.slice(0, max).join("");
  const space = hard.lastIndexOf(" ");
  const soft = space >= Math.floor(max * 0.6) ? hard.slice(0, space) : hard;
  return soft.replace(/[\s\-–.,;']+$/u, "");
}

/** Words that read badly at the end of a cut name. */
const TRAILING_WORDS = /(?:\s+(?:và|của|các|cho|với|tại|thuộc|về|số|khu vực|-|–))+$/iu;

/**
 * Shorten to `max` characters keeping what tells units apart: a trailing number ("… khu vực 34") stays,
 * the cut falls on a word boundary and drops dangling words ("và", "của" …).
 */
function shorten(text: string, max: number): string {
  if (Array.from(text).length <= max) return text;
  const tail = /\s(\(?\d+\)?|[IVXLC]+)$/u.exec(text);
  if (tail) {
    const head = tidy(cut(text.slice(0, tail.index), max - tail[1].length - 1).replace(TRAILING_WORDS, ""));
    if (head !== "") return `${head} ${tail[1]}`;
  }
  return tidy(cut(text, max).replace(TRAILING_WORDS, ""));
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/\s*-\s*-\s*/g, " - ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
}

interface BaseName {
  name: string;
  illegal: boolean;
  apostrophe: boolean;
  long: boolean;
  history: boolean;
  empty: boolean;
}

/** The readable, legal base name of a unit (before uniqueness). */
function baseSheetName(unitName: string): BaseName {
  const original = nfc(unitName).replace(CONTROL_CHARS_G, " ");
  let name = original.replace(/\s+/g, " ").trim();
  const illegal = ILLEGAL_CHARS.test(name);
  name = name
    .replace(/\[/g, "(")
    .replace(/\]/g, ")")
    .replace(/\s*[:\\/?*]+\s*/g, " - ");
  for (const [re, to] of ALWAYS) name = name.replace(re, to);
  name = tidy(name.replace(/^\s*-\s*|\s*-\s*$/g, ""));
  const apostrophe = /^'|'$/.test(original.trim());
  let long = false;
  if (Array.from(name).length > MAX_SHEET_NAME_LENGTH) {
    long = true;
    for (const [re, to] of WHEN_LONG) {
      if (Array.from(name).length <= MAX_SHEET_NAME_LENGTH) break;
      name = name.replace(re, to);
    }
    name = shorten(name, MAX_SHEET_NAME_LENGTH);
  }
  let empty = false;
  if (name === "") {
    empty = true;
    name = "Đơn vị";
  }
  let history = false;
  if (name.toLowerCase() === "history") {
    history = true;
    name = `Đơn vị ${name}`;
  }
  return { name, illegal, apostrophe, long, history, empty };
}

/**
 * The sheet name for a unit, with the reasons the add-in changed it. `taken` are names already in the
 * workbook or chosen for other units; `foreign` (optional) are those of sheets the add-in did not make,
 * which are never overwritten (a collision with one of them gets its own message).
 */
export function chooseSheetName(
  unitName: string,
  taken: readonly string[],
  foreign: readonly string[] = [],
): SheetNameChoice {
  const base = baseSheetName(unitName);
  const takenKeys = new Set(taken.map(sheetNameKey));
  let name = base.name;
  let n = 1;
  while (takenKeys.has(sheetNameKey(name))) {
    n += 1;
    const suffix = ` (${n})`;
    name = `${shorten(base.name, MAX_SHEET_NAME_LENGTH - suffix.length)}${suffix}`;
  }
  const unit = nfc(unitName).trim();
  const notices: SheetNameNotice[] = [];
  const add = (vi: string, en: string) => notices.push({ vi, en, sheet: name });
  if (base.empty)
    add(
      `Tên đơn vị trống; đặt tên trang là "${name}".`,
      `The unit name is empty; the sheet is named "${name}".`,
    );
  if (base.illegal)
    add(
      `Tên đơn vị "${unit}" có ký tự không dùng được trong tên trang tính (: \\ / ? * [ ]); đặt tên trang là "${name}".`,
      `The unit name "${unit}" has characters not allowed in sheet names (: \\ / ? * [ ]); the sheet is named "${name}".`,
    );
  if (base.apostrophe)
    add(
      `Tên trang tính không được bắt đầu hay kết thúc bằng dấu nháy ('); đặt tên trang là "${name}".`,
      `A sheet name cannot begin or end with an apostrophe ('); the sheet is named "${name}".`,
    );
  if (base.long)
    add(
      `Tên đơn vị "${unit}" dài hơn 31 ký tự; tên trang được rút gọn thành "${name}".`,
      `The unit name "${unit}" is longer than 31 characters; the sheet name is shortened to "${name}".`,
    );
  if (base.history)
    add(
      `"History" là tên Excel dành riêng; đặt tên trang là "${name}".`,
      `"History" is a name Excel reserves; the sheet is named "${name}".`,
    );
  if (n > 1) {
    const clash = taken.find((t) => sameSheetName(t, base.name)) ?? base.name;
    const foreignClash = foreign.find((t) => sameSheetName(t, base.name));
    if (foreignClash !== undefined) {
      const e = new SheetNameCollisionError(foreignClash);
      add(`${e.messageVi} Đặt tên trang là "${name}".`, `${e.messageEn} The sheet is named "${name}".`);
    } else {
      add(
        `Tên trang "${base.name}" trùng với trang "${clash}" (không phân biệt chữ hoa/thường và dấu); đặt tên trang là "${name}".`,
        `The sheet name "${base.name}" collides with sheet "${clash}" (ignoring case and accents); the sheet is named "${name}".`,
      );
    }
  }
  return { name, notices };
}

/** A short, readable, legal sheet name for a unit, unique against `taken` (case- and accent-insensitive). */
export function makeSheetName(unitName: string, taken: readonly string[]): string {
  return chooseSheetName(unitName, taken).name;
}
