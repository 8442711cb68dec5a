/**
 * `init <plan> -o <workbook.xlsx> [--force]`: read the plan, create the tracker sheet and one input tab per
 * unit in a new .xlsx, through the same use-case as the task pane's "Tạo sổ theo dõi".
 */
import { USAGE } from "./index";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createWorkbook } from "../../app/create-workbook";
import { parsePlanDocument } from "../../core/plan/plan-document";
import type { Plan } from "../../core/plan/types";
import { defaultIndicators } from "../../core/workbook/indicator-catalogue";
import { newWorkbook, saveWorkbook } from "../../file/workbook-file";
import { EXIT, reportError, UsageError } from "../exit-codes";
import type { CliIo } from "../io";
import { readDocument } from "../read-document";

export const INIT_USAGE = USAGE.init.split("\n")[0];

/** The text of a plan file (.pdf/.docx/.doc/.txt/.md), NFC, legacy font codes converted. */
export async function readPlanText(path: string): Promise<string> {
  return (await readDocument(path)).text;
}

export function assignedUnitCount(plan: Plan): number {
  return plan.tasks.filter((t) => !t.isSummary && t.units.length > 0).length;
}

function parse(args: string[]): { plan: string; out: string; force: boolean; now: Date; ocr: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o" },
        force: { type: "boolean", default: false },
        now: { type: "string" },
        ocr: { type: "boolean", default: false },
      },
    });
  } catch (e) {
    throw new UsageError(
      `${(e as Error).message}. Cách dùng: ${INIT_USAGE}`,
      `${(e as Error).message}. Usage: ${INIT_USAGE}`,
    );
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1 || !values.out) {
    throw new UsageError(
      `cần một tệp kế hoạch và -o <sổ.xlsx>. Cách dùng: ${INIT_USAGE}`,
      `need one plan file and -o <workbook.xlsx>. Usage: ${INIT_USAGE}`,
    );
  }
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime()))
    throw new UsageError(
      `--now "${values.now}" không phải thời điểm ISO`,
      `--now "${values.now}" is not an ISO time`,
    );
  return {
    plan: positionals[0],
    out: values.out,
    force: values.force ?? false,
    now,
    ocr: values.ocr ?? false,
  };
}

export async function initCommand(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  try {
    const opts = parse(args);
    const out = resolve(io.cwd ?? process.cwd(), opts.out);
    const planPath = resolve(io.cwd ?? process.cwd(), opts.plan);
    file = planPath;
    if (existsSync(out) && !opts.force) {
      throw new UsageError(
        `tệp ${out} đã có; thêm --force để ghi đè`,
        `${out} already exists; add --force to overwrite it`,
      );
    }
    io.stderr(`Đọc kế hoạch / reading the plan: ${planPath}\n`);
    const document = await readDocument(planPath, { ocr: opts.ocr });
    for (const w of document.warnings) io.stderr(`${w.message}\n${w.messageEn}\n`);
    const plan = parsePlanDocument(document);
    if (assignedUnitCount(plan) === 0) {
      io.stderr(
        `Kế hoạch không giao nhiệm vụ cho đơn vị nào: không có gì để tạo. [${planPath}]\n` +
          `The plan assigns no task to any unit: nothing to create. [${planPath}]\n`,
      );
      return EXIT.NO_TASKS;
    }
    const indicators = defaultIndicators(plan);
    const port = newWorkbook();
    io.stderr(`Tạo sổ theo dõi / creating the tracker…\n`);
    const result = await createWorkbook(port, { plan, indicators, now: opts.now });
    file = out;
    await saveWorkbook(port, out);
    const units = result.state.units.filter((u) => !u.removed);
    io.stdout(
      `Đã tạo sổ theo dõi ${out}: ${units.length} đơn vị, ${indicators.length} chỉ tiêu.\n` +
        `Created the tracker ${out}: ${units.length} units, ${indicators.length} indicators.\n`,
    );
    return EXIT.OK;
  } catch (error) {
    return reportError(io, error, file);
  }
}
