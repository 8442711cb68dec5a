/**
 * `split <workbook.xlsx> -o <folder> [--passwords <file>] [--force]`: one .xlsx per unit
 * (src/app/split-workbook.ts), named after the unit and the plan number, holding only that unit's tab and
 * an instruction sheet, structure and sheets protected. `--passwords` names a two-column table (CSV, or a
 * sheet) of unit or tab names and passwords; a password reaches only its unit's file, never the workbook.
 * Existing files in the folder are not overwritten without --force. Progress on stderr.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadWorkbookState } from "../../app/load-workbook-state";
import { splitWorkbook } from "../../app/split-workbook";
import { PasswordsTableError, UnreadableFileError } from "../../core/errors";
import type { UnitLink } from "../../core/state/types";
import { unitFilesToMake } from "../../core/workbook/build-unit-file";
import { matchUnitPasswords } from "../../core/workbook/unit-passwords";
import { detectFormat } from "../../file/detect-format";
import { renderUnitFile } from "../../file/unit-file";
import { openWorkbookFile } from "../../file/workbook-file";
import { EXIT, reportError, UsageError } from "../exit-codes";
import type { CliIo } from "../io";
import { USAGE } from "./index";

export const SPLIT_USAGE = USAGE.split.split("\n")[0];

function parse(
  args: string[],
  cwd: string,
): { workbook: string; out: string; passwords: string | null; force: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o" },
        passwords: { type: "string" },
        force: { type: "boolean", default: false },
      },
    });
  } catch (e) {
    const m = (e as Error).message;
    throw new UsageError(`${m}. Cách dùng: ${SPLIT_USAGE}`, `${m}. Usage: ${SPLIT_USAGE}`);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1 || !values.out) {
    throw new UsageError(
      `cần một sổ .xlsx và thư mục ra (-o). Cách dùng: ${SPLIT_USAGE}`,
      `need one workbook and the output folder (-o). Usage: ${SPLIT_USAGE}`,
    );
  }
  return {
    workbook: resolve(cwd, positionals[0]),
    out: resolve(cwd, values.out),
    passwords: values.passwords ? resolve(cwd, values.passwords) : null,
    force: values.force ?? false,
  };
}

async function readPasswords(path: string, units: UnitLink[]): Promise<Map<string, string>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new UnreadableFileError(
      path,
      "không đọc được bảng mật khẩu",
      "cannot read the passwords table",
      cause,
    );
  }
  const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const detected = detectFormat(data, path);
  if (detected.kind !== "spreadsheet")
    throw new UnreadableFileError(
      path,
      "bảng mật khẩu phải là tệp .csv hoặc bảng tính hai cột (tên đơn vị, mật khẩu)",
      "the passwords table must be a .csv or a spreadsheet of two columns (unit name, password)",
    );
  const { readTextRows } = await import("../../file/sheetjs-reader");
  const { passwords, problems } = matchUnitPasswords(units, readTextRows(data, detected.format));
  if (problems.length) throw new PasswordsTableError(path, problems[0].line, problems[0].vi, problems[0].en);
  return passwords;
}

export async function splitCommand(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  try {
    const opts = parse(args, io.cwd ?? process.cwd());
    file = opts.workbook;
    const port = await openWorkbookFile(opts.workbook);
    const { state } = await loadWorkbookState(port);
    file = undefined;
    const passwords = opts.passwords
      ? await readPasswords(opts.passwords, state.units)
      : new Map<string, string>();
    const existing = unitFilesToMake(state)
      .map((f) => join(opts.out, f.fileName))
      .filter((p) => existsSync(p));
    if (existing.length && !opts.force) {
      throw new UsageError(
        `đã có ${existing.length} tệp trong ${opts.out} (${existing[0]}…); thêm --force để ghi đè`,
        `${existing.length} files already exist in ${opts.out} (${existing[0]}…); add --force to overwrite them`,
      );
    }
    await mkdir(opts.out, { recursive: true });
    const result = await splitWorkbook(port, {
      passwords,
      write: async (layout) => {
        file = join(opts.out, layout.fileName);
        await writeFile(file, await renderUnitFile(layout));
      },
      onProgress: ({ done, total, unit }) => {
        if (done < total) io.stderr(`Tạo tệp / writing ${done + 1}/${total}: ${unit}\n`);
      },
    });
    file = undefined;
    for (const f of result.files) {
      const lock = f.withPassword ? " (có mật khẩu / with password)" : "";
      io.stdout(`✔ ${f.unit}: ${f.fileName}${lock}\n`);
    }
    io.stdout(
      `Đã tạo ${result.files.length} tệp cho ${result.files.length} đơn vị trong ${opts.out}.\n` +
        `Wrote ${result.files.length} files, one per unit, in ${opts.out}.\n`,
    );
    return EXIT.OK;
  } catch (error) {
    return reportError(io, error, file);
  }
}
