/**
 * A plan file's bytes → its text, whatever it is: PDF (pdf.js; a scan is refused, or read by OCR where the
 * host can), .docx (mammoth), Word 97–2003 .doc (where the host has a reader), a Word "web page" saved as .doc
 * or .htm, and text files (UTF-8/UTF-16 with or without BOM, else the single-byte Windows code pages). The kind
 * is told by the content (%PDF-, zip, the CFB signature D0CF11E0), not by the name: a PDF is never read as
 * text. No Node APIs: the CLI and the task pane pass their own readers and get the same document.
 */
import { ScannedPdfError, UnreadableFileError, UnsupportedDocumentError } from "../core/errors";
import { docxHtmlToPlanText } from "../core/plan/docx-html-to-text";
import { pdfPagesToPlanText, type PdfPageContent } from "../core/plan/pdf-layout";
import { planDocument, type PlanDocument } from "../core/plan/plan-document";
import type { PlanWarning } from "../core/plan/types";
import { planWarnings } from "../core/plan/warnings";
import { isVietnameseSyllable } from "../core/text/legacy-encoding";
import { pageContents, type RawPdf } from "./pdf-pages";

export interface DocumentReaders {
  /** pdf.js's raw pages */
  pdf(bytes: Uint8Array): Promise<RawPdf>;
  /** mammoth's HTML of a .docx */
  docxHtml(bytes: Uint8Array): Promise<string>;
  /** The text of a Word 97–2003 file; absent where no reader runs (the task pane). */
  docText?(bytes: Uint8Array): Promise<string>;
  /** OCR of a scanned PDF's pages; absent unless asked for (the CLI's --ocr). */
  ocr?(bytes: Uint8Array): Promise<PdfPageContent[]>;
}

type Kind = "pdf" | "zip" | "cfb" | "rtf" | "other";

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

function kindOf(bytes: Uint8Array): Kind {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (startsWith(bytes, CFB)) return "cfb";
  if (head.startsWith("{\\rtf")) return "rtf";
  return "other";
}

function extensionOf(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? m[1].toLowerCase() : "";
}

/** Non-ASCII words that read as Vietnamese syllables: how well a decoding of a single-byte file explains it. */
function vietnameseScore(text: string): number {
  const words = text.split(/[\s.,;:!?()"'/\\\-–—0-9]+/).filter((w) => /[\u0080-\uffff]/.test(w));
  return words.filter((w) => isVietnameseSyllable(w)).length - 0.5 * words.length;
}

/** The text of a text file: BOM, else strict UTF-8, else the Windows code page (1258 or 1252) that reads better. */
export function decodeTextBytes(file: string, bytes: Uint8Array): { text: string; warnings: PlanWarning[] } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), warnings: [] };
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), warnings: [] };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), warnings: [] };
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new UnreadableFileError(
      file,
      "tệp không phải văn bản (dữ liệu nhị phân); kế hoạch đọc được từ tệp .pdf, .docx, .doc, .txt hoặc .md",
      "the file is not text (binary data); plans can be read from .pdf, .docx, .doc, .txt or .md files",
    );
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    // A single-byte file: Notepad's "ANSI" on a Vietnamese Windows is 1258 (tones as combining marks); a file
    // typed in a TCVN3/VNI font is 1252 bytes, converted afterwards by planDocument.
    const cp1258 = new TextDecoder("windows-1258").decode(bytes).normalize("NFC");
    const cp1252 = new TextDecoder("windows-1252").decode(bytes);
    const legacy = planDocument(cp1252, "text").text;
    if (vietnameseScore(cp1258) > vietnameseScore(legacy))
      return { text: cp1258, warnings: [planWarnings.singleByteText("Windows-1258")] };
    const isLegacy = legacy !== cp1252.normalize("NFC").replace(/\r\n?/g, "\n");
    return { text: cp1252, warnings: isLegacy ? [] : [planWarnings.singleByteText("Windows-1252")] };
  }
}

function looksLikeHtml(text: string): boolean {
  return /^\s*</.test(text) && /<(html|body|p|table|div)[\s>]/i.test(text.slice(0, 4096));
}

async function readPdf(file: string, bytes: Uint8Array, readers: DocumentReaders): Promise<PlanDocument> {
  let pages: PdfPageContent[];
  try {
    pages = pageContents(await readers.pdf(bytes));
  } catch (cause) {
    const name = (cause as { pdfjsName?: string; name?: string }).pdfjsName ?? (cause as Error).name;
    if (name === "PasswordException")
      throw new UnreadableFileError(
        file,
        "tệp PDF có mật khẩu; hãy mở khóa hoặc dùng bản Word (.docx)",
        "the PDF is password-protected; unlock it or use the Word (.docx) file",
        cause,
      );
    throw new UnreadableFileError(
      file,
      "tệp PDF bị hỏng hoặc không đọc được",
      "the PDF is damaged or unreadable",
      cause,
    );
  }
  const text = pdfPagesToPlanText(pages);
  if (text.replace(/\s/g, "").length >= 20) return planDocument(text, "pdf");
  if (!readers.ocr) throw new ScannedPdfError(file);
  return planDocument(pdfPagesToPlanText(await readers.ocr(bytes)), "ocr");
}

async function readDocx(file: string, bytes: Uint8Array, readers: DocumentReaders): Promise<PlanDocument> {
  try {
    return planDocument(docxHtmlToPlanText(await readers.docxHtml(bytes)), "docx");
  } catch (cause) {
    throw new UnreadableFileError(
      file,
      "không đọc được nội dung tệp Word (.docx): tệp bị hỏng hoặc không phải tệp Word",
      "cannot read the Word (.docx) content: the file is damaged or not a Word file",
      cause,
    );
  }
}

async function readDoc(file: string, bytes: Uint8Array, readers: DocumentReaders): Promise<PlanDocument> {
  if (!readers.docText) {
    throw new UnsupportedDocumentError(
      file,
      "Tệp Word 97–2003 (.doc) chưa đọc được trong ngăn tác vụ. Hãy mở tệp bằng Word và lưu thành .docx (Tệp → Lưu thành → " +
        "Tài liệu Word), hoặc đọc bằng dòng lệnh: tong-hop-bao-cao plan <tệp.doc>",
      "Word 97–2003 (.doc) files cannot be read in the task pane. Open the file in Word and save it as .docx (File → " +
        "Save As → Word Document), or read it from the command line: tong-hop-bao-cao plan <file.doc>",
    );
  }
  try {
    return planDocument(await readers.docText(bytes), "doc");
  } catch (cause) {
    throw new UnreadableFileError(
      file,
      "không đọc được tệp Word 97–2003 (.doc): tệp bị hỏng, có mật khẩu hoặc không phải tệp Word",
      "cannot read the Word 97–2003 (.doc) file: it is damaged, password-protected or not a Word file",
      cause,
    );
  }
}

export async function readPlanDocument(
  bytes: Uint8Array,
  file: string,
  readers: DocumentReaders,
): Promise<PlanDocument> {
  const ext = extensionOf(file);
  const kind = kindOf(bytes);
  if (kind === "pdf") return readPdf(file, bytes, readers);
  if (kind === "zip") return readDocx(file, bytes, readers);
  if (kind === "cfb") return readDoc(file, bytes, readers);
  if (kind === "rtf") {
    throw new UnsupportedDocumentError(
      file,
      "Tệp RTF chưa đọc được: hãy mở bằng Word và lưu thành .docx.",
      "RTF files cannot be read: open the file in Word and save it as .docx.",
    );
  }
  if (ext === "pdf")
    throw new UnreadableFileError(
      file,
      "tệp .pdf bị hỏng hoặc không phải tệp PDF",
      "the .pdf file is damaged or not a PDF",
    );
  if (ext === "docx")
    throw new UnreadableFileError(
      file,
      "tệp .docx bị hỏng hoặc không phải tệp Word (.docx)",
      "the .docx file is damaged or not a Word (.docx) file",
    );
  const { text, warnings } = decodeTextBytes(file, bytes);
  // Word's "Web Page" format is often saved with a .doc name.
  if (looksLikeHtml(text)) return planDocument(docxHtmlToPlanText(text), "html", warnings);
  if (ext === "doc")
    throw new UnreadableFileError(
      file,
      "tệp .doc bị hỏng hoặc không phải tệp Word",
      "the .doc file is damaged or not a Word file",
    );
  return planDocument(text, "text", warnings);
}
