import { AppError, formatLocation } from "../core/errors";
import type { CliIo } from "./io";

/**
 * Exit codes of the command line (`npm run --silent cli -- …`, `tong-hop-bao-cao …`). The README cites
 * this table.
 *
 * | code | name        | meaning                                                                                 |
 * |------|-------------|-----------------------------------------------------------------------------------------|
 * | 0    | OK          | done                                                                                    |
 * | 1    | FILE_ERROR  | a file cannot be read or written, is not an .xlsx/plan, or has no/corrupt plan data,    |
 * |      |             | or a passwords table (split) names no unit, or an indicators file (--indicators) cannot |
 * |      |             | be used                                                                                 |
 * | 2    | USAGE       | wrong arguments or options; split would overwrite files without --force                 |
 * | 3    | NO_TASKS    | the plan has no task assigned to a unit: nothing to create                             |
 * | 4    | REFUSED     | a returned file or tab was refused (unreadable, another plan, unmappable layout,        |
 * |      |             | submitted tab without --force; the others are still imported), or the summary found     |
 * |      |             | errors in units' data (the outputs are still written)                                   |
 */
export const EXIT = {
  OK: 0,
  FILE_ERROR: 1,
  USAGE: 2,
  NO_TASKS: 3,
  REFUSED: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The same table as data (for --help and the README). */
export const EXIT_CODE_TABLE: { code: ExitCode; vi: string; en: string }[] = [
  { code: EXIT.OK, vi: "Thành công", en: "Done" },
  {
    code: EXIT.FILE_ERROR,
    vi: "Lỗi tệp: không đọc/ghi được, không phải .xlsx hay kế hoạch, sổ không có/hỏng dữ liệu kế hoạch, hoặc tệp chỉ tiêu sai",
    en: "File error: cannot read/write, not an .xlsx or plan, the workbook has no/corrupt plan data, or a wrong indicators file",
  },
  { code: EXIT.USAGE, vi: "Sai cú pháp lệnh hoặc tuỳ chọn", en: "Wrong arguments or options" },
  {
    code: EXIT.NO_TASKS,
    vi: "Kế hoạch không giao nhiệm vụ cho đơn vị nào",
    en: "The plan assigns no task to any unit",
  },
  {
    code: EXIT.REFUSED,
    vi: "Từ chối nhập một tệp (không đọc được, kế hoạch khác, bố cục không khớp, trang đã nộp mà không có --force; các tệp khác vẫn được nhập) hoặc số liệu đơn vị có lỗi",
    en: "A returned file was refused (unreadable, another plan, unmappable layout, submitted tab without --force; the others are still imported) or units' data has errors",
  },
];

/** The exit code for an error thrown by a command: file/state problems → 1, anything else → 1 too. */
export function exitCodeOf(error: unknown): ExitCode {
  const code = (error as { exitCode?: unknown })?.exitCode;
  if (code === EXIT.USAGE || code === EXIT.NO_TASKS || code === EXIT.REFUSED) return code;
  return EXIT.FILE_ERROR;
}

/** A wrong command line: exit code 2. */
export class UsageError extends Error {
  readonly exitCode = EXIT.USAGE;
  constructor(
    readonly messageVi: string,
    readonly messageEn: string,
  ) {
    super(`${messageVi} / ${messageEn}`);
    this.name = "UsageError";
  }
}

/** Print an error with its file, sheet and cell on stderr; return its exit code. */
export function reportError(io: CliIo, error: unknown, file?: string): number {
  if (error instanceof UsageError) {
    io.stderr(`Lỗi cú pháp: ${error.messageVi}\nUsage error: ${error.messageEn}\n`);
    return EXIT.USAGE;
  }
  if (error instanceof AppError) {
    const location = formatLocation({ file, ...error.location });
    io.stderr(`Lỗi: ${error.messageVi}${location}\nError: ${error.messageEn}${location}\n`);
    return exitCodeOf(error);
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`Lỗi: ${message}${file ? ` [${file}]` : ""}\nError: ${message}\n`);
  return exitCodeOf(error);
}
