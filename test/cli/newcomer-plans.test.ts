/**
 * The newcomer's two plans end to end (init → units fill in their tabs → summary --docx), and none of the
 * faults of the newcomer review: the issuer's name properly cased (H1), an invalid figure out of the totals
 * (H2), TM. for the state body and T/M for the Party cell (M2), no propaganda figure required of the police
 * (M3), no tab reporting to itself (M7), Nơi nhận punctuated and a report that keeps its closing with the
 * last paragraph (M6), dates as people read them (L1). The summary sheet's formulas recalculated by
 * LibreOffice agree with the core.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import mammoth from "mammoth";
import { main } from "../../src/cli/main";
import { EXIT } from "../../src/cli/exit-codes";
import type { SummaryJson } from "../../src/cli/commands/summary";
import { parseState } from "../../src/core/state/serialize-state";
import { adr } from "../../src/core/workbook/address";
import { firstRowByCode } from "../../src/core/workbook/plan-changes";
import {
  FIELD_VALUE_COLUMN,
  FOOTER_CODES,
  INDICATOR_COLUMNS,
  INFO_CODES,
  TASK_CODE_PREFIX,
  TASK_COLUMNS,
} from "../../src/core/workbook/unit-tab-schema";
import { TRACKER_COLUMNS } from "../../src/core/workbook/build-tracker";
import type { CellValue } from "../../src/core/workbook/model";
import { openWorkbookFile, saveWorkbook } from "../../src/file/workbook-file";
import { docxToPdf, ensureLibreOffice, pdfText, tempDir, xlsxToCsvSheets } from "../support/libreoffice";

const ROOT = resolve(__dirname, "../..");
const PLANS = join(ROOT, "test/fixtures/plans");

async function run(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

interface Outcome {
  json: SummaryJson;
  docxText: string;
  pdfPages: string[];
  reportTo: Record<string, string>;
  requiredNames: Record<string, string[]>;
  negative: { unit: string; code: string; cell: string };
  dir: string;
}

/**
 * Create the workbook from the plan with the CLI, let every unit fill in what its tab marks required (*)
 * and mark itself submitted on its deadline, the first unit typing -4 in its first figure; then summarise.
 */
async function throughTheCli(planFile: string, now: string): Promise<Outcome> {
  const dir = tempDir("newcomer-");
  const workbook = join(dir, "so.xlsx");
  const init = await run(
    dir,
    "init",
    join(PLANS, planFile),
    "-o",
    workbook,
    "--now",
    "2025-03-06T08:00:00+07:00",
  );
  expect(init.code).toBe(EXIT.OK);

  const port = await openWorkbookFile(workbook);
  const state = parseState((await port.readOverview()).stateXml!);
  const grids = await port.readGrids(state.units.map((u) => u.sheetId!));
  const reportTo: Record<string, string> = {};
  const requiredNames: Record<string, string[]> = {};
  let negative: Outcome["negative"] | null = null;
  state.units.forEach((unit, i) => {
    const grid = grids.find((g) => g.sheetId === unit.sheetId)!;
    const rows = firstRowByCode(grid);
    const at = (code: string, column: number) => {
      const r = rows.get(code)!;
      return {
        address: adr(r, column),
        value: grid.values[r - grid.origin.row]?.[column - grid.origin.column],
      };
    };
    reportTo[unit.name] = String(at(INFO_CODES.reportTo, FIELD_VALUE_COLUMN).value);
    const cells: Record<string, CellValue> = {};
    requiredNames[unit.name] = [];
    state.indicators.forEach((ind, k) => {
      const name = String(at(ind.code, INDICATOR_COLUMNS.name).value);
      const value = at(ind.code, INDICATOR_COLUMNS.value).address;
      if (!name.endsWith("(*)")) return;
      requiredNames[unit.name].push(name);
      if (i === 0 && negative === null) {
        cells[value] = -4;
        negative = { unit: unit.name, code: ind.code, cell: value };
      } else cells[value] = 2 + k + i;
    });
    for (const ref of unit.taskRefs) {
      cells[at(`${TASK_CODE_PREFIX}${ref}`, TASK_COLUMNS.status).address] = "Hoàn thành";
      cells[at(`${TASK_CODE_PREFIX}${ref}`, TASK_COLUMNS.result).address] = `Đã thực hiện nhiệm vụ ${ref}.`;
    }
    const [y, m, d] = unit.deadline!.split("-");
    cells[at(FOOTER_CODES.reportDate, FIELD_VALUE_COLUMN).address] = `${d}/${m}/${y}`;
    cells[at(FOOTER_CODES.manualSubmitted, FIELD_VALUE_COLUMN).address] = "Có";
    port.typeValues(grid.sheetId, cells);
  });
  await saveWorkbook(port, workbook);

  const out = join(dir, "tong-hop.xlsx");
  const docx = join(dir, "bao-cao.docx");
  const summary = await run(dir, "summary", workbook, "--now", now, "-o", out, "--docx", docx, "--json");
  expect(summary.code).toBe(EXIT.REFUSED); // the -4 is an error
  const json = JSON.parse(summary.stdout) as SummaryJson;
  const { value } = await mammoth.extractRawText({ buffer: readFileSync(docx) });
  const pdfPages = pdfText(docxToPdf(docx, dir))
    .normalize("NFC")
    .split("\f")
    .filter((p) => p.trim() !== "");
  return {
    json,
    docxText: value.replace(/\u00a0/g, " "),
    pdfPages,
    reportTo,
    requiredNames,
    negative: negative!,
    dir,
  };
}

function commonChecks(o: Outcome) {
  // H2: the -4 is left out of the total, listed, and shown as not counted.
  const { unit, code, cell } = o.negative;
  expect(o.json.excluded).toEqual([expect.objectContaining({ unit, indicator: code, cell, typed: -4 })]);
  const counted = o.json.units.map((u) => u.values[code]).filter((v): v is number => typeof v === "number");
  expect(o.json.totals[code]).toBe(counted.length ? counted.reduce((a, b) => a + b, 0) : null);
  expect(o.docxText).toContain("(không tính)");
  expect(o.docxText).toContain("Không tính vào tổng cộng 1 số liệu có lỗi:");
  // The tabs' (*) and the checks agree: nothing required is missing although every unit filled its (*).
  expect(o.json.findings.filter((f) => /bắt buộc/.test(f.message))).toEqual([]);
  // M7: no tab reports to itself.
  for (const [name, to] of Object.entries(o.reportTo)) expect(to).not.toBe(name);
  // M6: Nơi nhận punctuated; the closing never alone on its page; pages numbered.
  const closing = o.pdfPages.find((p) => p.includes("Nơi nhận:"))!;
  const before = closing.slice(0, closing.indexOf("Nơi nhận:")).replace(/^\s*\d+\s*$/m, "");
  expect(before.trim()).not.toBe("");
  // H1: no lower-cased proper names or acronyms anywhere in the report.
  expect(o.docxText).not.toMatch(/\b(thcs|ubnd|phú lộc|tân hòa)\b/u);
}

describe("the newcomer's plans, end to end", () => {
  beforeAll(() => ensureLibreOffice());

  test("commune food-safety plan (UBND xã Phú Lộc)", async () => {
    const o = await throughTheCli("commune-food-safety.txt", "2025-05-22T10:00:00+07:00");
    commonChecks(o);
    // H1: the issuer as the body writes it.
    expect(o.docxText).toContain(
      "Kết quả thực hiện Kế hoạch số 52/KH-UBND ngày 10/04/2025 của Ủy ban nhân dân xã Phú Lộc",
    );
    expect(o.docxText).toContain(", Ủy ban nhân dân xã Phú Lộc báo cáo kết quả như sau:");
    // M2: a state body signs TM.
    expect(o.docxText).toContain("TM. ỦY BAN NHÂN DÂN");
    expect(o.docxText).not.toContain("T/M");
    // M3: the police unit is asked for its inspections, not for propaganda.
    expect(o.requiredNames["Công an xã"]).not.toContain("Số buổi tuyên truyền (*)");
    expect(o.requiredNames["Công an xã"]).toContain("Số cuộc kiểm tra, giám sát (*)");
    expect(o.requiredNames["Văn phòng - Thống kê xã"]).toContain("Số buổi tuyên truyền (*)");
    // M7: Trạm Y tế xã reports to the commune, by its own deadline.
    expect(o.reportTo["Trạm Y tế xã"]).toBe("Ủy ban nhân dân xã Phú Lộc");
    // M6: Nơi nhận lines.
    expect(o.docxText).toContain("- UBND huyện (b/c);");
    expect(o.docxText).toContain("- Lưu: VT.");

    // L1: the tracker's "Nộp lúc" of a unit that marked itself submitted reads dd/mm/yyyy.
    const port = await openWorkbookFile(join(o.dir, "tong-hop.xlsx"));
    const overview = await port.readOverview();
    const tracker = (await port.readGrids([overview.sheets.find((s) => s.name === "Kế hoạch")!.id]))[0];
    const at = tracker.values
      .map((r) => r[TRACKER_COLUMNS.unitSubmittedAt])
      .filter((v) => typeof v === "string");
    expect(at).toContain("15/05/2025");
    expect(at.some((v) => /^\d{4}-\d{2}-\d{2}/.test(String(v)))).toBe(false);

    // The summary sheet's live formulas agree with the core once LibreOffice recalculates them.
    const csv = xlsxToCsvSheets(join(o.dir, "tong-hop.xlsx"), ["Tổng hợp"]).get("Tổng hợp")!;
    const totalsRow = csv.find((r) => r.includes("Tổng cộng"))!;
    const first = totalsRow.indexOf("Tổng cộng") + 1;
    const { code } = o.negative;
    const column = first + Object.keys(o.json.totals).indexOf(code);
    expect(Number(totalsRow[column])).toBe(o.json.totals[code]);
  });

  test("school Party cell plan whose body says only 'Chi bộ'", async () => {
    const o = await throughTheCli("party-cell-school-own-name.txt", "2025-03-28T10:00:00+07:00");
    commonChecks(o);
    expect(o.docxText).toContain("của Chi bộ Trường THCS Tân Hòa");
    expect(o.docxText).toContain(", Chi bộ Trường THCS Tân Hòa báo cáo kết quả như sau:");
    expect(o.docxText).toContain("T/M CHI BỘ");
    // Tổ đảng 2's task is member development: it is asked for new members, not for propaganda.
    expect(o.requiredNames["Tổ đảng 2"]).toContain("Số đảng viên, đoàn viên mới kết nạp (*)");
    expect(o.requiredNames["Tổ đảng 2"]).not.toContain("Số buổi tuyên truyền (*)");
    expect(o.docxText).toContain("- Đảng ủy xã (b/c);");
    expect(o.docxText).toContain("- Lưu Chi bộ.");
  });
});
