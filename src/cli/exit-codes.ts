/**
 * Exit codes of the command line (`npm run --silent cli -- …`, `tong-hop-bao-cao …`). The README cites
 * this table.
 *
 * | code | name        | meaning                                                                                 |
 * |------|-------------|-----------------------------------------------------------------------------------------|
 * | 0    | OK          | done                                                                                    |
 * | 1    | FILE_ERROR  | a file cannot be read or written, is not an .xlsx/plan, or has no/corrupt plan data     |
 * | 2    | USAGE       | wrong arguments or options                                                              |
 * | 3    | NO_TASKS    | the plan has no task assigned to a unit: nothing to create                             |
 * | 4    | REFUSED     | an import was refused (another plan, unmappable layout, submitted tab without --force), |
 * |      |             | or the summary found errors in units' data (the outputs are still written)              |
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
    vi: "Lỗi tệp: không đọc/ghi được, không phải .xlsx hay kế hoạch, hoặc sổ không có/hỏng dữ liệu kế hoạch",
    en: "File error: cannot read/write, not an .xlsx or plan, or the workbook has no/corrupt plan data",
  },
  { code: EXIT.USAGE, vi: "Sai cú pháp lệnh hoặc tuỳ chọn", en: "Wrong arguments or options" },
  {
    code: EXIT.NO_TASKS,
    vi: "Kế hoạch không giao nhiệm vụ cho đơn vị nào",
    en: "The plan assigns no task to any unit",
  },
  {
    code: EXIT.REFUSED,
    vi: "Từ chối nhập tệp (kế hoạch khác, bố cục không khớp, trang đã nộp mà không có --force) hoặc số liệu đơn vị có lỗi",
    en: "Import refused (another plan, unmappable layout, submitted tab without --force) or units' data has errors",
  },
];
