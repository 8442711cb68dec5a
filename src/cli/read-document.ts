/**
 * Read a plan file in the CLI: the Node file reading, then the same reader as the task pane
 * (src/file/read-plan-document.ts) with Node's readers: pdf.js in a worker thread, mammoth, word-extractor for
 * Word 97–2003 .doc, and Tesseract OCR for scanned PDFs when --ocr is given.
 */
import { readFile, stat } from "node:fs/promises";
import { UnreadableFileError } from "../core/errors";
import type { PlanDocument } from "../core/plan/plan-document";
import { readPlanDocument, type DocumentReaders } from "../file/read-plan-document";
import { ocrPdfPages } from "./ocr";
import { readRawPdfInWorker } from "./read-pdf-node";

export interface ReadDocumentOptions {
  /** Read a scanned PDF with Tesseract (Vietnamese). */
  ocr?: boolean;
}

const nodeReaders = (options: ReadDocumentOptions): DocumentReaders => ({
  pdf: readRawPdfInWorker,
  async docxHtml(bytes) {
    const { default: mammoth } = await import("mammoth");
    return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  },
  async docText(bytes) {
    const { default: WordExtractor } = await import("word-extractor");
    const document = await new WordExtractor().extract(Buffer.from(bytes));
    return document.getBody();
  },
  ocr: options.ocr ? ocrPdfPages : undefined,
});

export async function readDocument(file: string, options: ReadDocumentOptions = {}): Promise<PlanDocument> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory())
      throw new UnreadableFileError(file, "đây là thư mục, không phải tệp", "this is a folder, not a file");
    bytes = await readFile(file);
  } catch (cause) {
    if (cause instanceof UnreadableFileError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UnreadableFileError(file, "không tìm thấy tệp", "file not found", cause);
    if (code === "EACCES" || code === "EPERM")
      throw new UnreadableFileError(file, "không có quyền đọc tệp", "permission denied", cause);
    throw new UnreadableFileError(file, "lỗi khi đọc tệp", "error while reading the file", cause);
  }
  return readPlanDocument(
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    file,
    nodeReaders(options),
  );
}
