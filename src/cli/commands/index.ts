/**
 * Every CLI command by name. To add one: write `src/cli/commands/<name>.ts` and add one line here.
 * Commands load on first use, so `plan` starts without loading ExcelJS and docx.
 */
import type { CliIo } from "../io";

export type Command = (args: string[], io: CliIo) => Promise<number>;

function lazy(load: () => Promise<Command>): Command {
  return async (args, io) => (await load())(args, io);
}

/** One line per command, with what it does in Vietnamese and English: `<command> --help` prints it. */
export const USAGE = {
  plan:
    "plan <tệp .pdf|.docx|.doc|.txt|.md> [--json] [--ocr]\n" +
    "  Đọc kế hoạch, in nhiệm vụ, đơn vị, thời hạn và cảnh báo; --ocr: nhận dạng chữ PDF bản quét. / Reads a plan and prints its tasks, units, deadlines and warnings; --ocr: reads a scanned PDF.",
  init:
    "init <kế-hoạch .pdf|.docx|.doc|.txt|.md> -o <sổ.xlsx> [--indicators <chỉ-tiêu.json>] [--force] [--now <ISO>] [--ocr]\n" +
    "  Tạo sổ theo dõi và trang của từng đơn vị. / Writes the tracker and one tab per unit.",
  indicators:
    "indicators --list [--json] | indicators <kế-hoạch> [--json]\n" +
    "  In danh mục chỉ tiêu, hoặc chỉ tiêu đề xuất cho kế hoạch. / Prints the indicator catalogue, or the indicators suggested for a plan.",
  summary:
    "summary <sổ.xlsx> [--now <ISO>] [-o <ra.xlsx>] [--json] [--docx <báo-cáo.docx>] [--in-place] [--force]\n" +
    "  Đọc trang các đơn vị, kiểm tra, ghi trang Tổng hợp và báo cáo. / Reads every unit's tab, checks it, writes the summary and the report.",
  import:
    'import <sổ.xlsx> <tệp|thư-mục>… [--as "<đơn vị>"] [--match-names] [--force] [-o <ra.xlsx>]\n' +
    "  Đưa trang đơn vị gửi lại (.xlsx, .xlsm, .xls, .ods, .csv; cả thư mục) vào sổ, và sổ tổng hợp của cấp dưới (tổng hợp nhiều cấp). / Brings units' returned tabs (.xlsx, .xlsm, .xls, .ods, .csv; whole folders) into the workbook, and the summary workbooks of the bodies below (multi-level roll-up).",
  split:
    "split <sổ.xlsx> -o <thư-mục> [--passwords <tệp.csv>] [--force]\n" +
    "  Tạo tệp .xlsx riêng cho từng đơn vị (chỉ trang của đơn vị đó). / Writes one .xlsx per unit, holding only that unit's tab.",
} as const;

export const commands: Record<keyof typeof USAGE, Command> = {
  plan: lazy(async () => (await import("./plan")).planCommand),
  init: lazy(async () => (await import("./init")).initCommand),
  indicators: lazy(async () => (await import("./indicators")).indicatorsCommand),
  summary: lazy(async () => (await import("./summary")).summaryCommand),
  import: lazy(async () => (await import("./import")).importCommand),
  split: lazy(async () => (await import("./split")).splitCommand),
};
