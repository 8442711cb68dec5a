/**
 * `npm run demo`: the whole product in one command, without Excel.
 * Seed plan → tracker workbook (group members added as the secretary would) → units fill their tabs with
 * realistic figures (one on time, one late with "12 buổi", one with "nhiều", one missing) → one-click
 * summary at a fixed "now" → out/so-theo-doi.xlsx, out/bao-cao-tong-hop.xlsx, out/bao-cao-tong-hop.docx; then
 * the level above (the guidance the plan implements) imports that summary workbook and summarises in turn →
 * out/cap-tren-tong-hop.xlsx (multi-level roll-up).
 * Everything goes through the same use-cases as the task pane.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createWorkbook } from "../app/create-workbook";
import { collectAndSummarise, type CollectAndSummariseResult } from "../app/collect-and-summarise";
import { importReturnedTabs, type ImportItem } from "../app/import-returned-tabs";
import { openReturnedFile } from "../file/open-returned-file";
import { parsePlan } from "../core/plan/parse-plan";
import type { Plan } from "../core/plan/types";
import { parseState } from "../core/state/serialize-state";
import { foldVietnamese } from "../core/text/vietnamese";
import { defaultIndicators } from "../core/workbook/indicator-catalogue";
import { renderReportDocx } from "../file/report-docx";
import { newWorkbook, saveWorkbook } from "../file/workbook-file";
import type { FileWorkbookPort } from "../file/file-workbook-port";
import { readPlanText } from "./commands/init";
import { sampleFills, type UnitFill } from "./sample-figures";

const REPO_ROOT = resolve(__dirname, "../..");

/** The seed plan: the shared fixture when this checkout sits beside it, else the committed copy. */
export function seedPlanPath(): string {
  const shared = resolve(REPO_ROOT, "../shared/fixtures/plans/334-KH-CB.txt");
  return existsSync(shared) ? shared : join(REPO_ROOT, "examples/334-KH-CB.txt");
}

/** The demo's fixed moments: the tracker is made the day the plan is issued; the summary on 17/10/2022. */
export const DEMO_CREATED_AT = new Date("2022-10-12T15:00:00+07:00");
export const DEMO_NOW = new Date("2022-10-17T10:00:00+07:00");

/**
 * The level above (multi-level roll-up): the guidance 334-KH/CB implements ("Triển khai Hướng dẫn số
 * 16-HD/BTGĐUK … của Ban Tuyên giáo đảng ủy khối …"), which lists the Party cell among the bodies that report
 * to it. Its workbook is made on 04/10/2022 and summarised on 26/10/2022.
 */
export const UPPER_PLAN = join(REPO_ROOT, "examples/16-HD-BTGDUK.txt");
export const UPPER_CREATED_AT = new Date("2022-10-04T09:00:00+07:00");
export const UPPER_NOW = new Date("2022-10-26T09:00:00+07:00");

/** The members of "Các Tổ chức đoàn thể" that the secretary adds in the plan screen. */
export const DEMO_GROUP_MEMBERS = ["Chi đoàn Thanh niên", "Hội Cựu chiến binh", "Hội Phụ nữ"];

/** Give the plan's mass-organisation group its members (the plan names only the group). */
export function withGroupMembers(plan: Plan, members: string[] = DEMO_GROUP_MEMBERS): Plan {
  const isGroup = (name: string): boolean => foldVietnamese(name).includes("to chuc doan the");
  const groupName =
    plan.units.find((u) => isGroup(u.name))?.name ?? plan.tasks.flatMap((t) => t.units).find(isGroup);
  if (!groupName) return plan;
  const units = plan.units.some((u) => u.name === groupName)
    ? plan.units.map((u) =>
        u.name === groupName && u.members.length === 0 ? { ...u, members: [...members] } : u,
      )
    : [...plan.units, { name: groupName, members: [...members] }];
  return { ...plan, units };
}

/** Type every unit's sample figures into its tab, as the units would. */
export async function fillUnitTabs(port: FileWorkbookPort): Promise<UnitFill[]> {
  const overview = await port.readOverview();
  const state = parseState(overview.stateXml!);
  const ids = state.units.map((u) => u.sheetId).filter((id): id is string => id !== null);
  const grids = await port.readGrids(ids);
  const fills = sampleFills(state, grids);
  for (const fill of fills) port.typeValues(fill.sheetId, fill.cells);
  return fills;
}

export interface DemoResult {
  files: { tracker: string; summary: string; docx: string; upper: string };
  fills: UnitFill[];
  summary: CollectAndSummariseResult;
  /** The level above's summary, after it imported the Party cell's summary workbook. */
  upper: CollectAndSummariseResult;
  /** What the import said of the Party cell's file. */
  imported: ImportItem[];
  millis: number;
}

export async function runDemo(outDir: string, log: (line: string) => void = () => {}): Promise<DemoResult> {
  const started = Date.now();
  const planPath = seedPlanPath();
  log(`Kế hoạch mẫu / seed plan: ${relative(process.cwd(), planPath) || planPath}`);
  const plan = withGroupMembers(parsePlan(await readPlanText(planPath)));
  const port = newWorkbook();
  await createWorkbook(port, { plan, indicators: defaultIndicators(plan), now: DEMO_CREATED_AT });
  const fills = await fillUnitTabs(port);
  await mkdir(outDir, { recursive: true });
  const files = {
    tracker: join(outDir, "so-theo-doi.xlsx"),
    summary: join(outDir, "bao-cao-tong-hop.xlsx"),
    docx: join(outDir, "bao-cao-tong-hop.docx"),
    upper: join(outDir, "cap-tren-tong-hop.xlsx"),
  };
  await saveWorkbook(port, files.tracker);
  const summary = await collectAndSummarise(port, { now: DEMO_NOW });
  await saveWorkbook(port, files.summary);
  await writeFile(files.docx, await renderReportDocx(summary.report));

  // The level above imports the Party cell's summary workbook as it was sent, and summarises in turn.
  const upperPort = newWorkbook();
  await createWorkbook(upperPort, {
    plan: parsePlan(await readPlanText(UPPER_PLAN)),
    indicators: summary.state.indicators,
    now: UPPER_CREATED_AT,
  });
  const imported = await importReturnedTabs(
    upperPort,
    [
      {
        file: files.summary,
        open: async () => {
          const bytes = await readFile(files.summary);
          return openReturnedFile(
            new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
            files.summary,
          );
        },
      },
    ],
    { force: false },
  );
  const upper = await collectAndSummarise(upperPort, { now: UPPER_NOW });
  await saveWorkbook(upperPort, files.upper);
  return { files, fills, summary, upper, imported, millis: Date.now() - started };
}

const SCENARIO_VI: Record<UnitFill["scenario"], string> = {
  "on-time": "nộp đúng hạn",
  "late-text-number": 'nộp trễ, ghi "12 buổi" vào ô số',
  mistake: 'ghi "nhiều" vào ô số lượt người',
  missing: "chưa nộp",
};

export function demoReport(result: DemoResult, cwd = process.cwd()): string {
  const { summary, fills, files } = result;
  const r = summary.tracking.rates;
  const errors = summary.findings.filter((f) => f.severity === "error").length;
  const warnings = summary.findings.filter((f) => f.severity === "warning").length;
  const rel = (p: string): string => relative(cwd, p) || p;
  const u = result.upper.tracking.rates;
  const upperName = result.upper.state.plan.issuer ?? "cấp trên";
  const bodies = result.upper.submissions.filter((s) => s.rollup).length;
  const firstTotal = result.upper.state.indicators
    .filter((i) => typeof result.upper.totals[i.code]?.value === "number")
    .slice(0, 3)
    .map((i) => `${i.name} ${String(result.upper.totals[i.code].value)}`)
    .join(", ");
  const lines = [
    `Tổng hợp báo cáo — chạy thử với Kế hoạch 334-KH/CB (Chi bộ Cơ sở Điều trị nghiện ma túy tỉnh)`,
    `Demo of "Tổng hợp báo cáo" on plan 334-KH/CB`,
    ``,
    `1. Đọc kế hoạch, tạo sổ theo dõi với ${fills.length} trang đơn vị và ${summary.state.indicators.length} chỉ tiêu.`,
    `   Read the plan; created the tracker with ${fills.length} unit tabs and ${summary.state.indicators.length} indicators.`,
    `2. Các đơn vị điền số liệu mẫu / units filled in sample figures:`,
    ...fills.map((f) => `   - ${f.unit}: ${SCENARIO_VI[f.scenario]}`),
    `3. Tổng hợp lúc 10:00 ngày 17/10/2022: đã nộp ${r.submitted}/${r.expected} (đúng hạn ${r.onTime}, trễ hạn ${r.late}, chưa nộp ${r.missing}); ${errors} lỗi, ${warnings} cảnh báo được chỉ rõ ô.`,
    `   Summary at 10:00 on 17/10/2022: ${r.submitted}/${r.expected} submitted (${r.onTime} on time, ${r.late} late, ${r.missing} missing); ${count(errors, "error")} and ${count(warnings, "warning")}, each pointing at its cell.`,
    `4. Tổng hợp nhiều cấp: ${upperName} nhập sổ tổng hợp của chi bộ và tổng hợp lúc 09:00 ngày 26/10/2022: ${bodies}/${u.expected} cơ quan cấp dưới đã gửi; tổng số ${firstTotal}.`,
    `   Multi-level roll-up: ${upperName} imported the cell's summary workbook and summarised at 09:00 on 26/10/2022: ${bodies}/${u.expected} bodies below reported; totals ${firstTotal}.`,
    ``,
    `Tệp đã ghi / files written:`,
    `   ${rel(files.tracker)}   sổ theo dõi sau khi đơn vị điền / the tracker as the units filled it`,
    `   ${rel(files.summary)}   sổ có trang "Tổng hợp" / the workbook with the summary sheet`,
    `   ${rel(files.docx)}   báo cáo tổng hợp (Word) / the summary report (Word)`,
    `   ${rel(files.upper)}   cấp trên đã nhập sổ tổng hợp của chi bộ / the level above with the cell's summary imported`,
    `(${(result.millis / 1000).toFixed(1)} giây / seconds)`,
  ];
  return `${lines.join("\n")}\n`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: "string", default: "out" } } });
  const outDir = resolve(process.cwd(), values.out ?? "out");
  try {
    const result = await runDemo(outDir, (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(demoReport(result));
    return 0;
  } catch (error) {
    const e = error as { messageVi?: string; messageEn?: string; message?: string };
    process.stderr.write(`Lỗi: ${e.messageVi ?? e.message}\nError: ${e.messageEn ?? e.message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
