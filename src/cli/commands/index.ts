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
    "init <kế-hoạch .pdf|.docx|.doc|.txt|.md> -o <sổ.xlsx> [--force] [--now <ISO>] [--ocr]\n" +
    "  Tạo sổ theo dõi và trang của từng đơn vị. / Writes the tracker and one tab per unit.",
  summary:
    "summary <sổ.xlsx> [--now <ISO>] [-o <ra.xlsx>] [--json] [--docx <báo-cáo.docx>] [--in-place]\n" +
    "  Đọc trang các đơn vị, kiểm tra, ghi trang Tổng hợp và báo cáo. / Reads every unit's tab, checks it, writes the summary and the report.",
  import:
    "import <sổ.xlsx> <tệp-đơn-vị-gửi-lại.xlsx>… [--force] [-o <ra.xlsx>]\n" +
    "  Đưa trang đơn vị gửi lại qua thư vào sổ. / Brings units' tabs returned by e-mail into the workbook.",
} as const;

export const commands: Record<keyof typeof USAGE, Command> = {
  plan: lazy(async () => (await import("./plan")).planCommand),
  init: lazy(async () => (await import("./init")).initCommand),
  summary: lazy(async () => (await import("./summary")).summaryCommand),
  import: lazy(async () => (await import("./import")).importCommand),
};
