/**
 * Open any file a unit sent back, by what its bytes are (detect-format.ts): .xlsx/.xlsm through ExcelJS
 * (the file adapter, state part included), everything else through SheetJS, loaded only when needed (a lazy
 * chunk in the pane). No Node APIs: the CLI and the pane both use it.
 *
 * Throws NotASpreadsheetError for a file that is no spreadsheet (the import skips it) and
 * UnreadableFileError for a spreadsheet that cannot be read (the import refuses it, naming the file).
 */
import type { WorkbookReader } from "../app/workbook-port";
import { AppError, NotASpreadsheetError, UnreadableFileError } from "../core/errors";
import { detectFormat } from "./detect-format";

async function sheetJs() {
  return import(/* webpackChunkName: "sheetjs" */ "./sheetjs-reader");
}

export async function openReturnedFile(bytes: Uint8Array, name: string): Promise<WorkbookReader> {
  const detected = detectFormat(bytes, name);
  switch (detected.kind) {
    case "empty":
      throw new UnreadableFileError(name, "tệp rỗng (0 byte)", "the file is empty (0 bytes)");
    case "encrypted":
      throw new UnreadableFileError(
        name,
        "tệp có mật khẩu mở tệp; hãy lưu lại không đặt mật khẩu mở rồi gửi lại",
        "the file needs a password to open; save it without one and send it again",
      );
    case "damaged":
      throw new UnreadableFileError(
        name,
        "tệp bị hỏng hoặc không phải bảng tính (.xlsx, .xls, .ods, .csv)",
        "the file is damaged or not a spreadsheet (.xlsx, .xls, .ods, .csv)",
      );
    case "other":
      throw new NotASpreadsheetError(name, detected.whatVi, detected.whatEn);
    case "spreadsheet":
      break;
  }
  if (detected.format === "xlsx" || detected.format === "xlsm") {
    const { openWorkbookBuffer } = await import(/* webpackChunkName: "exceljs" */ "./workbook-bytes");
    try {
      return await openWorkbookBuffer(bytes, name);
    } catch (e) {
      // A workbook ExcelJS trips over (Strict Open XML, an unusual writer) may still read with SheetJS.
      if (!(e instanceof AppError)) throw e;
      try {
        return (await sheetJs()).readWithSheetJs(bytes, name, detected.format);
      } catch {
        throw e;
      }
    }
  }
  return (await sheetJs()).readWithSheetJs(bytes, name, detected.format);
}
