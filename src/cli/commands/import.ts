/**
 * `import <workbook.xlsx> <file|folder>… [--as "<unit>"] [--match-names] [--force] [-o <out.xlsx>]`: the command line over the
 * `importReturnedTabs` use-case (src/app/import-returned-tabs.ts). A folder stands for every file in it
 * (not its subfolders; hidden files and Office lock files left out), in name order. Files are read one at a
 * time, whatever their format (.xlsx, .xlsm, .xls, .ods, .csv: src/file/open-returned-file.ts); progress
 * goes to stderr, what each tab gave and a table of every file's outcome to stdout, then the workbook is
 * saved when anything came in. Exit 4 when a file or tab was refused (the others are still imported).
 * A body below's summary workbook comes in the same way (multi-level roll-up: src/app/import-summary.ts);
 * `--as` names the unit it belongs to when its plan's issuer does not, `--match-names` takes its indicators
 * named like ours under another code.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  importReturnedTabs,
  outcomesByFile,
  type FileOutcome,
  type ReturnedFile,
} from "../../app/import-returned-tabs";
import { UnreadableFileError } from "../../core/errors";
import { openReturnedFile } from "../../file/open-returned-file";
import { openWorkbookFile, saveWorkbook } from "../../file/workbook-file";
import { EXIT, reportError, UsageError } from "../exit-codes";
import type { CliIo } from "../io";
import { usageErrorOf } from "../parse-args";
import { USAGE } from "./index";

export const IMPORT_USAGE = USAGE.import.split("\n")[0];

function parse(
  args: string[],
  cwd: string,
): {
  workbook: string;
  inputs: string[];
  force: boolean;
  out: string;
  as: string | undefined;
  matchNames: boolean;
} {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        force: { type: "boolean", default: false },
        out: { type: "string", short: "o" },
        as: { type: "string" },
        "match-names": { type: "boolean", default: false },
      },
    });
  } catch (e) {
    throw usageErrorOf(e, IMPORT_USAGE);
  }
  const { positionals, values } = parsed;
  if (positionals.length < 2) {
    throw new UsageError(
      `cần sổ .xlsx và ít nhất một tệp hoặc thư mục đơn vị gửi lại. Cách dùng: ${IMPORT_USAGE}`,
      `need the workbook and at least one returned file or folder. Usage: ${IMPORT_USAGE}`,
    );
  }
  const workbook = resolve(cwd, positionals[0]);
  return {
    workbook,
    inputs: positionals.slice(1).map((f) => resolve(cwd, f)),
    force: values.force ?? false,
    out: values.out ? resolve(cwd, values.out) : workbook,
    as: values.as === undefined ? undefined : values.as.normalize("NFC").trim(),
    matchNames: values["match-names"] ?? false,
  };
}

/** Excel's "~$Book.xlsx" and LibreOffice's ".~lock.Book.xlsx#" lock files, and hidden files. */
function isLockOrHidden(name: string): boolean {
  return name.startsWith(".") || name.startsWith("~$");
}

/** Files named on the command line, folders expanded; a path that does not exist is an error (exit 1). */
async function returnedPaths(inputs: string[], workbook: string, out: string): Promise<string[]> {
  const paths: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (cause) {
      throw new UnreadableFileError(
        input,
        "không tìm thấy tệp hoặc thư mục",
        "file or folder not found",
        cause,
      );
    }
    if (!info.isDirectory()) {
      paths.push(input);
      continue;
    }
    const entries = await readdir(input, { withFileTypes: true });
    const names = entries
      .filter((e) => e.isFile() && !isLockOrHidden(e.name))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b, "vi"));
    // The workbook itself (or the output) may sit in the same folder: it is no unit's return.
    const files = names.map((n) => join(input, n)).filter((p) => p !== workbook && p !== out);
    if (files.length === 0)
      throw new UnreadableFileError(
        input,
        "thư mục không có tệp nào để nhập",
        "the folder holds no file to import",
      );
    paths.push(...files);
  }
  return paths;
}

const MARK = { imported: "✔", skipped: "·", refused: "✘" } as const;
const OUTCOME = {
  imported: "đã nhập / imported",
  skipped: "bỏ qua / skipped",
  refused: "từ chối / refused",
} as const;

/** The per-file table: file, outcome, cells, and the first reason for a file that gave nothing. */
export function formatOutcomeTable(files: FileOutcome[]): string {
  const rows = files.map((f) => {
    const reason = f.outcome === "imported" ? undefined : f.items.find((i) => i.outcome === f.outcome);
    const why = reason ? `${reason.messageVi} / ${reason.messageEn}` : "";
    return [f.file, OUTCOME[f.outcome], f.cells ? String(f.cells) : "", why];
  });
  const header = ["Tệp / File", "Kết quả / Outcome", "Ô / Cells", "Lý do / Reason"];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  widths[3] = 0;
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 3 ? cell : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  const count = (o: keyof typeof OUTCOME) => files.filter((f) => f.outcome === o).length;
  return [
    line(header),
    ...rows.map(line),
    `Tổng / Total: ${files.length} tệp / files — ${count("imported")} đã nhập / imported, ` +
      `${count("skipped")} bỏ qua / skipped, ${count("refused")} từ chối / refused`,
  ].join("\n");
}

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  try {
    const opts = parse(args, io.cwd ?? process.cwd());
    file = opts.workbook;
    const target = await openWorkbookFile(opts.workbook);
    file = undefined;
    const paths = await returnedPaths(opts.inputs, opts.workbook, opts.out);
    const returned: ReturnedFile[] = paths.map((path) => ({
      file: path,
      open: async () => {
        let bytes: Buffer;
        try {
          bytes = await readFile(path);
        } catch (cause) {
          const code = (cause as NodeJS.ErrnoException).code ?? "?";
          throw new UnreadableFileError(path, `lỗi đọc tệp (${code})`, `read error (${code})`, cause);
        }
        return openReturnedFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path);
      },
    }));
    const items = await importReturnedTabs(target, returned, {
      force: opts.force,
      ...(opts.as !== undefined ? { as: opts.as } : {}),
      matchNames: opts.matchNames,
      onProgress: ({ done, total, file: name }) => {
        if (done < total) io.stderr(`Đọc / reading ${done + 1}/${total}: ${name}\n`);
      },
    });
    for (const it of items) {
      const where = `${it.file}${it.sheet ? ` › ${it.sheet}` : ""}`;
      io.stdout(`${MARK[it.outcome]} ${where}: ${it.messageVi}\n  ${it.messageEn}\n`);
    }
    io.stdout(`\n${formatOutcomeTable(outcomesByFile(items))}\n`);
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
