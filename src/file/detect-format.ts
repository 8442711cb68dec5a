/**
 * What kind of file a unit sent back, from its bytes (the name's extension only breaks ties: a text file is
 * read as CSV when it is named like a spreadsheet or a CSV, a damaged file counts as a spreadsheet when it
 * is named like one). No library and no Node APIs: the pane checks a file before loading a reader for it.
 *
 *   zip  → .xlsx / .xlsm (xl/workbook.xml), .xlsb (xl/workbook.bin), .ods (mimetype first); a .docx, .odt … is
 *          no spreadsheet
 *   CFB  → .xls (a Workbook or Book stream); an .xlsx encrypted with a password to open (EncryptionInfo);
 *          a .doc or .ppt is no spreadsheet
 *   XML  → flat ODS (.fods), Excel 2003 XML; HTML named .xls (some systems export that)
 *   text → CSV / tab-separated
 */

export type SpreadsheetFormat =
  "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" | "fods" | "xml2003" | "html" | "csv";

export type DetectedFile =
  | { kind: "spreadsheet"; format: SpreadsheetFormat }
  | { kind: "encrypted" }
  | { kind: "empty" }
  /** Named like a spreadsheet but none of the above: damaged or cut short. */
  | { kind: "damaged" }
  | { kind: "other"; whatVi: string; whatEn: string };

const SPREADSHEET_EXTENSIONS = new Set([
  "xlsx",
  "xlsm",
  "xltx",
  "xltm",
  "xlsb",
  "xls",
  "xlt",
  "ods",
  "fods",
  "csv",
  "tsv",
]);

export function extensionOf(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1].toLowerCase() : "";
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Index of an ASCII or UTF-16LE string in the bytes (zip entry names, CFB directory entries). */
function contains(bytes: Uint8Array, text: string, utf16 = false): boolean {
  const needle = utf16
    ? [...text].flatMap((c) => [c.charCodeAt(0), 0])
    : [...text].map((c) => c.charCodeAt(0));
  const end = bytes.length - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function detectZip(bytes: Uint8Array, ext: string): DetectedFile {
  // ODF stores its "mimetype" entry uncompressed (first, as LibreOffice writes it, or later, as SheetJS does).
  if (contains(bytes, "application/vnd.oasis.opendocument.spreadsheet"))
    return { kind: "spreadsheet", format: "ods" };
  if (contains(bytes, "xl/workbook.xml"))
    return { kind: "spreadsheet", format: ext === "xlsm" ? "xlsm" : "xlsx" };
  if (contains(bytes, "xl/workbook.bin")) return { kind: "spreadsheet", format: "xlsb" };
  if (contains(bytes, "word/document.xml"))
    return { kind: "other", whatVi: "tài liệu Word", whatEn: "a Word document" };
  if (contains(bytes, "ppt/presentation.xml"))
    return { kind: "other", whatVi: "bản trình chiếu", whatEn: "a presentation" };
  if (contains(bytes, "application/vnd.oasis.opendocument"))
    return { kind: "other", whatVi: "tài liệu OpenDocument", whatEn: "an OpenDocument file" };
  if (ext === "ods" && contains(bytes, "content.xml")) return { kind: "spreadsheet", format: "ods" };
  return SPREADSHEET_EXTENSIONS.has(ext)
    ? { kind: "damaged" }
    : { kind: "other", whatVi: "tệp nén", whatEn: "an archive" };
}

function detectCfb(bytes: Uint8Array, ext: string): DetectedFile {
  if (contains(bytes, "EncryptionInfo", true)) return { kind: "encrypted" };
  if (contains(bytes, "Workbook", true) || contains(bytes, "Book", true))
    return { kind: "spreadsheet", format: "xls" };
  if (contains(bytes, "WordDocument", true))
    return { kind: "other", whatVi: "tài liệu Word", whatEn: "a Word document" };
  if (contains(bytes, "PowerPoint Document", true))
    return { kind: "other", whatVi: "bản trình chiếu", whatEn: "a presentation" };
  return SPREADSHEET_EXTENSIONS.has(ext)
    ? { kind: "damaged" }
    : { kind: "other", whatVi: "tệp Office", whatEn: "an Office file" };
}

/** Names under which a text file is a table: CSV and tab-separated exports (web systems often say .xls). */
const TEXT_TABLE_EXTENSIONS = new Set(["csv", "tsv", "txt", "xls"]);

/**
 * Text when no control character other than tab, line feed, carriage return and form feed is among the
 * first 4 KB (UTF-16 is recognised by its byte-order mark).
 */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  }
  return true;
}

export function detectFormat(bytes: Uint8Array, name: string): DetectedFile {
  const ext = extensionOf(name);
  if (bytes.length === 0) return { kind: "empty" };
  if (startsWith(bytes, ZIP)) return detectZip(bytes, ext);
  if (startsWith(bytes, CFB)) return detectCfb(bytes, ext);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]))
    return { kind: "other", whatVi: "tệp PDF", whatEn: "a PDF" };
  if (looksLikeText(bytes)) {
    const head = decodeText(bytes.subarray(0, 4096)).trimStart().slice(0, 4000).toLowerCase();
    if (head.startsWith("<")) {
      if (head.includes("urn:oasis:names:tc:opendocument:xmlns:office") && head.includes("spreadsheet"))
        return { kind: "spreadsheet", format: "fods" };
      if (head.includes("urn:schemas-microsoft-com:office:spreadsheet"))
        return { kind: "spreadsheet", format: "xml2003" };
      if (/<(html|table)\b/.test(head) && SPREADSHEET_EXTENSIONS.has(ext))
        return { kind: "spreadsheet", format: "html" };
      return { kind: "other", whatVi: "tệp XML/HTML", whatEn: "an XML/HTML file" };
    }
    // A .txt is a table only when it is a unit's (its MA_DON_VI row); any other note is not.
    if (TEXT_TABLE_EXTENSIONS.has(ext) && (ext !== "txt" || decodeText(bytes).includes("MA_DON_VI")))
      return { kind: "spreadsheet", format: "csv" };
    if (SPREADSHEET_EXTENSIONS.has(ext)) return { kind: "damaged" };
    return { kind: "other", whatVi: "tệp văn bản", whatEn: "a text file" };
  }
  if (SPREADSHEET_EXTENSIONS.has(ext)) return { kind: "damaged" };
  return { kind: "other", whatVi: "định dạng khác", whatEn: "another format" };
}

/**
 * Text of a CSV file: UTF-8 or UTF-16 (by byte-order mark); otherwise UTF-8 when valid, else Windows-1258
 * (what Excel on a Vietnamese Windows saves as "CSV"), which spells accents as combining marks: NFC after.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) text = new TextDecoder("utf-8").decode(bytes.subarray(3));
  else if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder("windows-1258").decode(bytes);
    }
  }
  return text.normalize("NFC");
}
