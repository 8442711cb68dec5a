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
      "Sổ này chưa được tạo bằng Tổng hợp báo cáo (không thấy dữ liệu kế hoạch). Hãy tạo sổ theo dõi trước.",
      "This workbook was not created by Tổng hợp báo cáo (no plan data found). Create the tracker first.",
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

/** One write request would pass the host's payload limit (Excel on the web: 5 MB) and cannot be split. */
export class RequestTooLargeError extends AppError {
  constructor(bytes: number, limitBytes: number, sheet?: string) {
    // Decimal megabytes, as Excel's documented "5 MB" limit (5,000,000 bytes) reads.
    const mb = (n: number) => (n / 1_000_000).toFixed(1);
    super(
      "REQUEST_TOO_LARGE",
      `Dữ liệu cần ghi quá lớn cho một lần gửi tới Excel (${mb(bytes)} MB, giới hạn ${mb(limitBytes)} MB) và không chia nhỏ được; không ghi gì.`,
      `The data to write is too large for one request to Excel (${mb(bytes)} MB, limit ${mb(limitBytes)} MB) and cannot be split; nothing was written.`,
      sheet ? { sheet } : {},
    );
  }
}
