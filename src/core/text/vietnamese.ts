/** Vietnamese text helpers: every input boundary normalises to NFC; names compare case- and accent-aware. */

/** NFC-normalise text and unify line endings (CRLF/CR → LF). */
export function normaliseText(text: string): string {
  return text.normalize("NFC").replace(/\r\n?/g, "\n");
}

/** NFC only, for short values (names, cells). */
export function nfc(text: string): string {
  return text.normalize("NFC");
}

/**
 * Fold for accent-insensitive comparison: NFD, strip combining marks, map đ/Đ to d
 * (đ is a letter of its own, not d plus a mark), lower-case, collapse whitespace.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Case-insensitive but accent-aware key: "Tổ 1" and "tổ 1" match, "To 1" does not. */
export function caseKey(text: string): string {
  return nfc(text).toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
}

/** True when two names are the same ignoring case, accents and spacing. */
export function sameNameLoose(a: string, b: string): boolean {
  return foldVietnamese(a) === foldVietnamese(b);
}
