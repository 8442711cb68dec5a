/**
 * `import <workbook.xlsx> <returned.xlsx>… [--force] [-o <out.xlsx>]`: the command line over the
 * `importReturnedTabs` use-case (src/app/import-returned-tabs.ts): opens the files, prints what each tab
 * gave, saves the workbook.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { importReturnedTabs, type ReturnedFile } from "../../app/import-returned-tabs";
import { openWorkbookFile, saveWorkbook } from "../../file/workbook-file";
import { EXIT, reportError, UsageError } from "../exit-codes";
import type { CliIo } from "../io";
import { usageErrorOf } from "../parse-args";
import { USAGE } from "./index";

export const IMPORT_USAGE = USAGE.import.split("\n")[0];

function parse(
  args: string[],
  cwd: string,
): { workbook: string; files: string[]; force: boolean; out: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { force: { type: "boolean", default: false }, out: { type: "string", short: "o" } },
    });
  } catch (e) {
    throw usageErrorOf(e, IMPORT_USAGE);
  }
  const { positionals, values } = parsed;
  if (positionals.length < 2) {
    throw new UsageError(
      `cần sổ .xlsx và ít nhất một tệp đơn vị gửi lại. Cách dùng: ${IMPORT_USAGE}`,
      `need the workbook and at least one returned file. Usage: ${IMPORT_USAGE}`,
    );
  }
  const workbook = resolve(cwd, positionals[0]);
  return {
    workbook,
    files: positionals.slice(1).map((f) => resolve(cwd, f)),
    force: values.force ?? false,
    out: values.out ? resolve(cwd, values.out) : workbook,
  };
}

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  try {
    const opts = parse(args, io.cwd ?? process.cwd());
    file = opts.workbook;
    const target = await openWorkbookFile(opts.workbook);
    const returned: ReturnedFile[] = [];
    for (const f of opts.files) {
      file = f;
      io.stderr(`Đọc / reading ${f}\n`);
      returned.push({ file: f, port: await openWorkbookFile(f) });
    }
    file = opts.workbook;
    const items = await importReturnedTabs(target, returned, { force: opts.force });
    for (const it of items) {
      const where = `${it.file}${it.sheet ? ` › ${it.sheet}` : ""}`;
      const mark = it.outcome === "imported" ? "✔" : it.outcome === "skipped" ? "·" : "✘";
      io.stdout(`${mark} ${where}: ${it.messageVi}\n  ${it.messageEn}\n`);
    }
    if (items.some((i) => i.outcome === "imported")) {
      file = opts.out;
      await saveWorkbook(target, opts.out);
      io.stderr(`Đã ghi / wrote ${opts.out}\n`);
    }
    return items.some((i) => i.outcome === "refused") ? EXIT.REFUSED : EXIT.OK;
  } catch (error) {
    return reportError(io, error, file);
  }
}
