/**
 * `init <plan> -o <workbook.xlsx> [--indicators <file.json>] [--force]`: read the plan, create the tracker
 * sheet and one input tab per unit in a new .xlsx, through the same use-case as the task pane's "Tạo sổ theo
 * dõi"; with the indicators of the file (docs/indicators.md) or those suggested for the plan.
 */
import { USAGE } from "./index";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { readFile } from "node:fs/promises";
import { createWorkbook } from "../../app/create-workbook";
import { parsePlanDocument } from "../../core/plan/plan-document";
import type { Plan } from "../../core/plan/types";
import { defaultIndicators } from "../../core/workbook/indicator-catalogue";
import { newWorkbook, saveWorkbook } from "../../file/workbook-file";
import { IndicatorListError, UnreadableFileError } from "../../core/errors";
import type { Indicator } from "../../core/workbook/indicators";
import { readIndicatorList } from "../../core/workbook/indicator-list";
import { EXIT, reportError, UsageError } from "../exit-codes";
import { parseCommandArgs } from "../parse-args";
import { countOf } from "../format-counts";
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

interface InitOptions {
  plan: string;
  out: string;
  force: boolean;
  now: Date;
  indicators: string | null;
  ocr: boolean;
}

function parse(args: string[]): InitOptions {
  const { positionals, values } = parseCommandArgs(
    {
      args,
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o" },
        force: { type: "boolean", default: false },
        now: { type: "string" },
        indicators: { type: "string" },
        ocr: { type: "boolean", default: false },
      },
    },
    INIT_USAGE,
  );
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
    indicators: values.indicators ?? null,
    ocr: values.ocr ?? false,
  };
}

/** The indicators of a --indicators file, checked (IndicatorListError with every JSON path). */
export async function readIndicatorFile(path: string): Promise<Indicator[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new UnreadableFileError(path, (e as Error).message, (e as Error).message, e);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new IndicatorListError(path, [
      {
        path: "$",
        vi: `tệp không phải JSON hợp lệ (${(e as Error).message})`,
        en: `the file is not valid JSON (${(e as Error).message})`,
      },
    ]);
  }
  const { indicators, problems } = readIndicatorList(json);
  if (problems.length) throw new IndicatorListError(path, problems);
  return indicators;
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
    let indicators = defaultIndicators(plan);
    if (opts.indicators) {
      file = resolve(io.cwd ?? process.cwd(), opts.indicators);
      indicators = await readIndicatorFile(file);
    }
    const port = newWorkbook();
    io.stderr(`Tạo sổ theo dõi / creating the tracker…\n`);
    const result = await createWorkbook(port, { plan, indicators, now: opts.now });
    file = out;
    await saveWorkbook(port, out);
    const units = result.state.units.filter((u) => !u.removed);
    io.stdout(
      `Đã tạo sổ theo dõi ${out}: ${units.length} đơn vị, ${indicators.length} chỉ tiêu.\n` +
        `Created the tracker ${out}: ${countOf(units.length, "unit")}, ${countOf(indicators.length, "indicator")}.\n`,
    );
    return EXIT.OK;
  } catch (error) {
    return reportError(io, error, file);
  }
}
