/** `plan <file> [--json]`: read a plan and print its tasks, units, deadlines and warnings. */
import { USAGE } from "./index";
import { AppError } from "../../core/errors";
import { parsePlanDocument } from "../../core/plan/plan-document";
import { planToJson } from "../../core/plan/plan-json";
import { planWarnings } from "../../core/plan/warnings";
import { formatPlanTable } from "../format-plan-table";
import { printError, type CliIo } from "../io";
import { readDocument } from "../read-document";
import { EXIT } from "../exit-codes";
import { resolve } from "node:path";

export const PLAN_USAGE = `Cách dùng / Usage: tong-hop-bao-cao ${USAGE.plan}\n`;

export async function planCommand(args: string[], io: CliIo): Promise<number> {
  let json = false;
  let ocr = false;
  const files: string[] = [];
  for (const arg of args) {
    if (arg === "--json") json = true;
    else if (arg === "--ocr") ocr = true;
    else if (arg === "--help" || arg === "-h") {
      io.stdout(PLAN_USAGE);
      return EXIT.OK;
    } else if (arg.startsWith("-") && arg !== "-") {
      printError(io, `không có tùy chọn "${arg}"`, `unknown option "${arg}"`);
      io.stderr(PLAN_USAGE);
      return EXIT.USAGE;
    } else files.push(arg);
  }
  if (files.length !== 1) {
    printError(io, "cần đúng một tệp kế hoạch", "exactly one plan file is needed");
    io.stderr(PLAN_USAGE);
    return EXIT.USAGE;
  }
  const file = files[0];
  try {
    if (ocr) io.stderr("Nhận dạng chữ (OCR) nếu tệp là bản quét… / OCR when the file is a scan…\n");
    const document = await readDocument(io.cwd ? resolve(io.cwd, file) : file, { ocr });
    const plan = planToJson(parsePlanDocument(document));
    io.stdout(json ? `${JSON.stringify(plan, null, 2)}\n` : formatPlanTable(plan));
    if (plan.tasks.length === 0) {
      const w = planWarnings.noTasks();
      io.stderr(`${w.message} [${file}]\n${w.messageEn} [${file}]\n`);
      return EXIT.NO_TASKS;
    }
    return EXIT.OK;
  } catch (error) {
    if (error instanceof AppError) {
      printError(io, `${error.messageVi} [${file}]`, `${error.messageEn} [${file}]`);
      return EXIT.FILE_ERROR;
    }
    throw error;
  }
}
