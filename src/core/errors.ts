/**
 * Errors for misuse and broken input: one class per condition, each with a Vietnamese and an English
 * message and, where known, the location (sheet and cell, or line of the plan, or file).
 * Problems found in units' data are findings (data), not exceptions.
 */
export interface ErrorLocation {
  file?: string;
  sheet?: string;
  cell?: string;
  line?: number;
}

export class AppError extends Error {
  readonly code: string;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly location: ErrorLocation;
  override readonly cause?: unknown;

  constructor(
    code: string,
    messageVi: string,
    messageEn: string,
    location: ErrorLocation = {},
    cause?: unknown,
  ) {
    super(`${messageVi} / ${messageEn}${formatLocation(location)}`);
    this.name = new.target.name;
    this.code = code;
    this.messageVi = messageVi;
    this.messageEn = messageEn;
    this.location = location;
    this.cause = cause;
  }
}

export function formatLocation(loc: ErrorLocation): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.sheet) parts.push(loc.cell ? `'${loc.sheet}'!${loc.cell}` : `'${loc.sheet}'`);
  else if (loc.cell) parts.push(loc.cell);
  if (loc.line !== undefined) parts.push(`dòng/line ${loc.line}`);
  return parts.length ? ` [${parts.join(", ")}]` : "";
}

export class EmptyPlanError extends AppError {
  constructor(location: ErrorLocation = {}) {
    super(
      "EMPTY_PLAN",
      "Văn bản trống, không có nội dung để đọc.",
      "The document is empty: nothing to read.",
      location,
    );
  }
}

export class UnreadableFileError extends AppError {
  constructor(file: string, reasonVi: string, reasonEn: string, cause?: unknown) {
    super(
      "UNREADABLE_FILE",
      `Không đọc được tệp: ${reasonVi}`,
      `Cannot read the file: ${reasonEn}`,
      { file },
      cause,
    );
  }
}

export class StateMissingError extends AppError {
  constructor() {
    super(
      "STATE_MISSING",
      "Sổ này chưa được tạo bằng Tổng hợp báo cáo, hoặc đã được lưu bằng một chương trình khác làm mất dữ liệu kế hoạch (không thấy phần dữ liệu, cũng không thấy bản sao trong trang theo dõi). Hãy tạo sổ theo dõi trước, hoặc mở bản gốc của sổ.",
      "This workbook was not created by Tổng hợp báo cáo, or another program saved it and lost the plan data (no data part, and no copy in the tracker sheet). Create the tracker first, or open the original workbook.",
    );
  }
}

export class StateCorruptError extends AppError {
  constructor(detailVi: string, detailEn: string, cause?: unknown) {
    super(
      "STATE_CORRUPT",
      `Dữ liệu kế hoạch trong sổ bị hỏng: ${detailVi}`,
      `The plan data in the workbook is corrupt: ${detailEn}`,
      {},
      cause,
    );
  }
}

export class StateVersionError extends AppError {
  constructor(found: number, supported: number) {
    super(
      "STATE_VERSION",
      `Sổ được tạo bằng phiên bản mới hơn (bố cục ${found}, phiên bản này hỗ trợ ${supported}). Hãy cập nhật add-in.`,
      `The workbook was made by a newer version (layout ${found}; this version supports ${supported}). Update the add-in.`,
    );
  }
}

export class SheetNameCollisionError extends AppError {
  constructor(sheet: string) {
    super(
      "SHEET_NAME_COLLISION",
      `Trang tính "${sheet}" đã có sẵn và không do add-in tạo; không ghi đè.`,
      `Sheet "${sheet}" already exists and was not made by the add-in; it is not overwritten.`,
      { sheet },
    );
  }
}

export class HostError extends AppError {
  constructor(operationVi: string, operationEn: string, location: ErrorLocation, cause?: unknown) {
    const detail = cause instanceof Error ? cause.message : cause === undefined ? "" : String(cause);
    super(
      "HOST_ERROR",
      `Excel báo lỗi khi ${operationVi}${detail ? `: ${detail}` : ""}`,
      `Excel failed while ${operationEn}${detail ? `: ${detail}` : ""}`,
      location,
      cause,
    );
  }
}

/** The Excel host cannot hand a file to the user (Excel for Mac and iPad: the webview ignores downloads). */
export class DownloadNotSupportedError extends AppError {
  constructor(file: string) {
    super(
      "DOWNLOAD_NOT_SUPPORTED",
      "Excel cho Mac và iPad không cho add-in tải tệp xuống, nên tệp chưa được lưu.",
      "Excel for Mac and iPad does not let add-ins download files, so the file was not saved.",
      { file },
    );
  }
}

/** One write request would pass the host's payload limit (Excel on the web: 5 MB) and cannot be split. */
export class RequestTooLargeError extends AppError {
  constructor(bytes: number, limitBytes: number, sheet?: string) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    super(
      "REQUEST_TOO_LARGE",
      `Dữ liệu cần ghi quá lớn cho một lần gửi tới Excel (${mb(bytes)} MB, giới hạn ${mb(limitBytes)} MB) và không chia nhỏ được; không ghi gì.`,
      `The data to write is too large for one request to Excel (${mb(bytes)} MB, limit ${mb(limitBytes)} MB) and cannot be split; nothing was written.`,
      sheet ? { sheet } : {},
    );
  }
}

/** A file handed to import that is no spreadsheet at all (a .docx, a PDF, a photo): skipped, not refused. */
export class NotASpreadsheetError extends AppError {
  constructor(file: string, whatVi: string, whatEn: string) {
    super(
      "NOT_A_SPREADSHEET",
      `Không phải bảng tính (${whatVi}); bỏ qua.`,
      `Not a spreadsheet (${whatEn}); skipped.`,
      { file },
    );
  }
}

/** A list of indicators (the CLI's --indicators file) that cannot be used: every problem with its JSON path. */
export class IndicatorListError extends AppError {
  constructor(file: string, problems: { path: string; vi: string; en: string }[]) {
    super(
      "INDICATOR_LIST",
      `Tệp chỉ tiêu không dùng được: ${problems.map((p) => `${p.path}: ${p.vi}`).join("; ")}`,
      `The indicators file cannot be used: ${problems.map((p) => `${p.path}: ${p.en}`).join("; ")}`,
      { file },
    );
  }
}

/** A PDF with no text layer: a scan. */
export class ScannedPdfError extends AppError {
  constructor(file: string) {
    super(
      "SCANNED_PDF",
      "Tệp PDF là bản quét (chỉ có ảnh), không có chữ để đọc. Hãy dùng bản Word (.docx) hoặc bản PDF có chữ của kế hoạch; " +
        "hoặc nhận dạng chữ (OCR) bằng dòng lệnh: tong-hop-bao-cao plan <tệp.pdf> --ocr",
      "The PDF is a scan (images only): it has no text to read. Use the plan's Word (.docx) file or a PDF with text; " +
        "or read it with OCR from the command line: tong-hop-bao-cao plan <file.pdf> --ocr",
      { file },
    );
  }
}

/** A line of the per-unit passwords table (`split --passwords`) that names no unit, or one twice. */
export class PasswordsTableError extends AppError {
  constructor(file: string, line: number, detailVi: string, detailEn: string) {
    super("PASSWORDS_TABLE", `Bảng mật khẩu: ${detailVi}`, `Passwords table: ${detailEn}`, { file, line });
  }
}

/** A kind of document this host cannot read, with what to do instead. */
export class UnsupportedDocumentError extends AppError {
  constructor(file: string, whatVi: string, whatEn: string) {
    super("UNSUPPORTED_DOCUMENT", whatVi, whatEn, { file });
  }
}

/** OCR was asked for but Tesseract (with its Vietnamese data) or poppler's pdftoppm is not installed. */
export class OcrUnavailableError extends AppError {
  constructor(missing: string) {
    super(
      "OCR_UNAVAILABLE",
      `Chưa cài chương trình nhận dạng chữ (${missing}). Cài bằng: bash scripts/ensure-tesseract.sh ` +
        "(hoặc apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils).",
      `The OCR programs are not installed (${missing}). Install them with: bash scripts/ensure-tesseract.sh ` +
        "(or apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils).",
    );
  }
}
