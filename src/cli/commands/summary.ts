/**
 * `summary <workbook.xlsx> [--now <ISO>] [-o <out.xlsx>] [--json] [--docx <report.docx>] [--in-place]
 * [--force]`: collect every unit's tab, check, track, write the "Tổng hợp" sheet — through the same use-case
 * as the task pane's one click. The input file is never modified unless --in-place; without -o the result
 * goes to "<name>.tong-hop.xlsx" beside it (with --json alone nothing is written); an output that is already
 * there is overwritten only with --force, like init.
 */
import { USAGE } from "./index";
import { existsSync } from "node:fs";
import { writeFile, mkdir } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { collectAndSummarise, type CollectAndSummariseResult } from "../../app/collect-and-summarise";
import { openWorkbookFile, saveWorkbook } from "../../file/workbook-file";
import { renderReportDocx } from "../../file/report-docx";
import { EXIT, reportError, UsageError } from "../exit-codes";
import type { CliIo } from "../io";
import { countOf, percentVi } from "../format-counts";
import { parseCommandArgs } from "../parse-args";

const SEVERITY = { error: "lỗi / error", warning: "cảnh báo / warning", info: "lưu ý / note" } as const;

export const SUMMARY_USAGE = USAGE.summary.split("\n")[0];

interface SummaryOptions {
  workbook: string;
  now: Date;
  out: string | null;
  json: boolean;
  docx: string | null;
  inPlace: boolean;
  force: boolean;
}

function parse(args: string[], cwd: string): SummaryOptions {
  const { positionals, values } = parseCommandArgs(
    {
      args,
      allowPositionals: true,
      options: {
        now: { type: "string" },
        out: { type: "string", short: "o" },
        json: { type: "boolean", default: false },
        docx: { type: "string" },
        "in-place": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
      },
    },
    SUMMARY_USAGE,
  );
  if (positionals.length !== 1) {
    throw new UsageError(
      `cần đúng một sổ .xlsx. Cách dùng: ${SUMMARY_USAGE}`,
      `need exactly one .xlsx workbook. Usage: ${SUMMARY_USAGE}`,
    );
  }
  if (values.out && values["in-place"]) {
    throw new UsageError("chỉ dùng một trong -o và --in-place", "use either -o or --in-place, not both");
  }
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    throw new UsageError(
      `--now "${values.now}" không phải thời điểm ISO (vd 2022-10-17T10:00:00+07:00)`,
      `--now "${values.now}" is not an ISO time (e.g. 2022-10-17T10:00:00+07:00)`,
    );
  }
  return {
    workbook: resolve(cwd, positionals[0]),
    now,
    out: values.out ? resolve(cwd, values.out) : null,
    json: values.json ?? false,
    docx: values.docx ? resolve(cwd, values.docx) : null,
    inPlace: values["in-place"] ?? false,
    force: values.force ?? false,
  };
}

/** The --json shape: units, totals and findings, plain values only. */
export interface SummaryJson {
  units: {
    name: string;
    sheet: string | null;
    status: string;
    submittedAt: string | null;
    values: Record<string, number | string | null>;
  }[];
  totals: Record<string, number | string | null>;
  /** Figures the checks call errors: typed in a unit's cell, left out of `values` and every total. */
  excluded: { unit: string; sheet: string; cell: string; indicator: string; typed: unknown }[];
  findings: { sheet: string | null; cell: string | null; severity: string; message: string }[];
}

export function summaryJson(result: CollectAndSummariseResult): SummaryJson {
  const trackingById = new Map(result.tracking.units.map((t) => [t.unitId, t]));
  return {
    units: result.submissions.map((s) => ({
      name: s.unit,
      sheet: s.sheet,
      status: trackingById.get(s.unitId)?.status ?? "chua-nop",
      submittedAt: s.submittedAt,
      values: Object.fromEntries(
        result.state.indicators.map((i) => [i.code, s.values[i.code]?.value ?? null]),
      ),
    })),
    totals: Object.fromEntries(
      result.state.indicators.map((i) => [i.code, result.totals[i.code]?.value ?? null]),
    ),
    excluded: result.submissions.flatMap((s) =>
      result.state.indicators.flatMap((i) => {
        const v = s.values[i.code];
        return v?.excluded && s.sheet && v.cell
          ? [{ unit: s.unit, sheet: s.sheet, cell: v.cell, indicator: i.code, typed: v.raw }]
          : [];
      }),
    ),
    findings: result.findings.map((f) => ({
      sheet: f.sheet,
      cell: f.cell,
      severity: f.severity,
      message: f.messageVi,
    })),
  };
}

/** Where the summarised workbook goes: -o, the input itself (--in-place), or "<name>.tong-hop.xlsx". */
export function summaryOutputPath(opts: SummaryOptions): string | null {
  if (opts.inPlace) return opts.workbook;
  if (opts.out) return opts.out;
  if (opts.json && !opts.docx) return null;
  const stem = basename(opts.workbook, extname(opts.workbook));
  return join(dirname(opts.workbook), `${stem}.tong-hop.xlsx`);
}

export async function summaryCommand(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  try {
    const opts = parse(args, io.cwd ?? process.cwd());
    file = opts.workbook;
    const out = summaryOutputPath(opts);
    // Like init: an output that is already there is replaced only when asked (--in-place asks for it).
    for (const target of [opts.inPlace ? null : out, opts.docx])
      if (target && existsSync(target) && !opts.force)
        throw new UsageError(
          `tệp ${target} đã có; thêm --force để ghi đè`,
          `${target} already exists; add --force to overwrite it`,
        );
    io.stderr(`Mở sổ / opening ${opts.workbook}\n`);
    const port = await openWorkbookFile(opts.workbook);
    io.stderr(`Thu thập, kiểm tra, tổng hợp / collecting, checking, summarising…\n`);
    const result = await collectAndSummarise(port, { now: opts.now, dryRun: out === null });
    if (out) {
      file = out;
      await saveWorkbook(port, out);
      io.stderr(`Đã ghi / wrote ${out}\n`);
    }
    if (opts.docx) {
      file = opts.docx;
      const folder = dirname(opts.docx);
      if (!existsSync(folder)) {
        await mkdir(folder, { recursive: true });
        io.stderr(`Tạo thư mục / created the folder ${folder}\n`);
      }
      await writeFile(opts.docx, await renderReportDocx(result.report));
      io.stderr(`Đã ghi báo cáo Word / wrote the Word report ${opts.docx}\n`);
    }
    const errors = result.findings.filter((f) => f.severity === "error").length;
    if (opts.json) {
      io.stdout(`${JSON.stringify(summaryJson(result), null, 2)}\n`);
    } else {
      const r = result.tracking.rates;
      const units = result.submissions.length;
      const findings = result.findings.length;
      io.stdout(
        `Tổng hợp ${units} đơn vị: ${findings} vấn đề (${errors} lỗi).\n` +
          `Summarised ${countOf(units, "unit")}: ${countOf(findings, "finding")} (${countOf(errors, "error")}).\n` +
          `Đã nộp ${r.submitted}/${r.expected} (${percentVi(r.rate)}): đúng hạn ${r.onTime}, trễ hạn ${r.late}, chưa nộp ${r.missing}, chưa đến hạn ${r.notYetDue}.\n` +
          `Submitted ${r.submitted}/${r.expected} (${r.rate}%): on time ${r.onTime}, late ${r.late}, missing ${r.missing}, not yet due ${r.notYetDue}.\n`,
      );
      for (const f of result.findings) {
        const where = f.sheet ? `'${f.sheet}'${f.cell ? `!${f.cell}` : ""}` : f.unit;
        io.stdout(`  [${SEVERITY[f.severity]}] ${where}: ${f.messageVi}\n    ${f.messageEn}\n`);
      }
    }
    return errors > 0 ? EXIT.REFUSED : EXIT.OK;
  } catch (error) {
    return reportError(io, error, file);
  }
}
