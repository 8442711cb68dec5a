/** Open and save .xlsx files on disk for the FileWorkbookPort (the bytes themselves: ./workbook-bytes). */
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { UnreadableFileError } from "../core/errors";
import type { FileWorkbookPort } from "./file-workbook-port";
import { openWorkbookBuffer, workbookToBuffer } from "./workbook-bytes";

export { newWorkbook, openWorkbookBuffer, workbookToBuffer } from "./workbook-bytes";

export async function openWorkbookFile(path: string): Promise<FileWorkbookPort> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const vi = code === "ENOENT" ? "không tìm thấy tệp" : `lỗi đọc tệp (${code ?? "?"})`;
    const en = code === "ENOENT" ? "file not found" : `read error (${code ?? "?"})`;
    throw new UnreadableFileError(path, vi, en, cause);
  }
  return openWorkbookBuffer(bytes, path);
}

export async function saveWorkbook(port: FileWorkbookPort, path: string): Promise<void> {
  const bytes = await workbookToBuffer(port);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
}
