/** Read a plan file as text: .txt/.md (UTF-8 or UTF-16 with BOM) and .docx (through mammoth). */
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { UnreadableFileError } from "../core/errors";
import { docxHtmlToPlanText } from "../core/plan/docx-html-to-text";

function decodeText(file: string, bytes: Buffer): string {
  let text: string;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    text = bytes.subarray(2).toString("utf16le");
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    text = swapped.toString("utf16le");
  } else {
    const sample = bytes.subarray(0, 8192);
    if (sample.includes(0)) {
      throw new UnreadableFileError(
        file,
        "tệp không phải văn bản (dữ liệu nhị phân)",
        "the file is not text (binary data)",
      );
    }
    text = bytes.toString("utf8");
  }
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  if (bad > 0 && bad > text.length / 50) {
    throw new UnreadableFileError(file, "tệp không phải văn bản UTF-8", "the file is not UTF-8 text");
  }
  return text.replace(/^\uFEFF/, "");
}

async function readDocx(file: string, bytes: Buffer): Promise<string> {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    throw new UnreadableFileError(
      file,
      "tệp .docx bị hỏng hoặc không phải tệp Word (.docx)",
      "the .docx file is damaged or not a Word (.docx) file",
    );
  }
  try {
    const { default: mammoth } = await import("mammoth");
    const result = await mammoth.convertToHtml({ buffer: bytes });
    return docxHtmlToPlanText(result.value);
  } catch (cause) {
    throw new UnreadableFileError(
      file,
      "không đọc được nội dung tệp Word (.docx)",
      "cannot read the Word (.docx) content",
      cause,
    );
  }
}

export async function readDocument(file: string): Promise<string> {
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
  const ext = extname(file).toLowerCase();
  if (ext === ".docx") return readDocx(file, bytes);
  if (ext === ".doc") {
    throw new UnreadableFileError(
      file,
      "định dạng Word cũ (.doc) chưa hỗ trợ; hãy lưu lại thành .docx",
      "the old Word format (.doc) is not supported; save it as .docx",
    );
  }
  return decodeText(file, bytes);
}
