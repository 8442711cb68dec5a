/**
 * The command line's own words (newcomer review L1, L3): findings in Vietnamese and English as the README
 * promises; counts that agree in number ("1 error"); percentages with a decimal comma in Vietnamese;
 * argument errors in our words in both languages (not node's English in the Vietnamese line); `summary`
 * refuses to overwrite an existing output without --force, like `init`; the folder --docx creates is named;
 * file locations always in [brackets].
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/main";
import { EXIT } from "../../src/cli/exit-codes";
import { countOf } from "../../src/cli/format-counts";
import { tempDir } from "../support/libreoffice";
import { CREATED_AT, SUMMARY_AT } from "./summary-support";

const ROOT = resolve(__dirname, "../..");
const SEED = join(ROOT, "examples/334-KH-CB.txt");

async function run(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

/** A workbook of the seed plan whose units typed the demo's sample figures (one error, one warning). */
async function filledWorkbook(dir: string): Promise<string> {
  const { fileWorkbookWithFigures } = await import("./summary-support");
  const { parsePlan } = await import("../../src/core/plan/parse-plan");
  const { withGroupMembers } = await import("../../src/cli/demo");
  const plan = withGroupMembers(parsePlan(readFileSync(SEED, "utf8")));
  return (await fileWorkbookWithFigures(plan, dir, "so.xlsx")).path;
}

describe("summary's text", () => {
  let dir: string;
  let workbook: string;
  beforeAll(async () => {
    dir = tempDir("cli-text-");
    workbook = await filledWorkbook(dir);
  });

  it("findings in both languages, counts in agreement, the rate with a decimal comma in Vietnamese", async () => {
    const r = await run(dir, "summary", workbook, "--now", SUMMARY_AT, "-o", join(dir, "a.xlsx"));
    expect(r.code).toBe(EXIT.REFUSED); // the sample has one error
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^Tổng hợp 5 đơn vị: 2 vấn đề \(1 lỗi\)\.$/);
    expect(lines[1]).toBe("Summarised 5 units: 2 findings (1 error).");
    expect(lines[2]).toContain("(80%)");
    const error = lines.findIndex((l) => l.includes("[lỗi / error]"));
    expect(lines[error]).toContain("không phải là số");
    expect(lines[error + 1]).toMatch(/^ {4}.*is not a number/);
    const warning = lines.findIndex((l) => l.includes("[cảnh báo / warning]"));
    expect(lines[warning + 1]).toMatch(/^ {4}.*Text in a number cell/);
  });

  it("a rate with a fraction: '66,7%' in Vietnamese, '66.7%' in English", async () => {
    const d = tempDir("cli-rate-");
    const wb = join(d, "so.xlsx");
    expect((await run(d, "init", SEED, "-o", wb, "--now", CREATED_AT.toISOString())).code).toBe(EXIT.OK);
    // Two of the seed's three units mark themselves submitted.
    const { openWorkbookFile, saveWorkbook } = await import("../../src/file/workbook-file");
    const { parseState } = await import("../../src/core/state/serialize-state");
    const { firstRowByCode } = await import("../../src/core/workbook/plan-changes");
    const { FOOTER_CODES, FIELD_VALUE_COLUMN, INDICATOR_COLUMNS } =
      await import("../../src/core/workbook/unit-tab-schema");
    const { adr } = await import("../../src/core/workbook/address");
    const port = await openWorkbookFile(wb);
    const state = parseState((await port.readOverview()).stateXml!);
    const grids = await port.readGrids(state.units.map((u) => u.sheetId!));
    for (const g of grids.slice(0, 2)) {
      const rows = firstRowByCode(g);
      port.typeValues(g.sheetId, {
        [adr(rows.get(FOOTER_CODES.manualSubmitted)!, FIELD_VALUE_COLUMN)]: "Có",
        [adr(rows.get(FOOTER_CODES.reportDate)!, FIELD_VALUE_COLUMN)]: "14/10/2022",
        [adr(rows.get(state.indicators[0].code)!, INDICATOR_COLUMNS.value)]: 2,
      });
    }
    await saveWorkbook(port, wb);
    const r = await run(d, "summary", wb, "--now", SUMMARY_AT, "-o", join(d, "b.xlsx"));
    expect(r.stdout).toContain("Đã nộp 2/3 (66,7%)");
    expect(r.stdout).toContain("Submitted 2/3 (66.7%)");
  });

  it("refuses to overwrite an existing output without --force (the default <name>.tong-hop.xlsx too)", async () => {
    const first = await run(dir, "summary", workbook, "--now", SUMMARY_AT);
    const out = join(dir, "so.tong-hop.xlsx");
    expect(existsSync(out)).toBe(true);
    const before = readFileSync(out);
    const again = await run(dir, "summary", workbook, "--now", SUMMARY_AT);
    expect(again.code).toBe(EXIT.USAGE);
    expect(again.stderr).toContain("--force");
    expect(again.stderr).toMatch(/Lỗi cú pháp: .*đã có/);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect((await run(dir, "summary", workbook, "--now", SUMMARY_AT, "--force")).code).toBe(first.code);
    const named = join(dir, "ra.xlsx");
    writeFileSync(named, "x");
    expect((await run(dir, "summary", workbook, "-o", named)).code).toBe(EXIT.USAGE);
  });

  it("says so when --docx creates its folder", async () => {
    const r = await run(
      dir,
      "summary",
      workbook,
      "-o",
      join(dir, "c.xlsx"),
      "--docx",
      join(dir, "moi/bc.docx"),
    );
    expect(r.stderr).toContain(`Tạo thư mục / created the folder ${join(dir, "moi")}`);
  });
});

describe("argument errors in our words, in both languages", () => {
  it.each([
    [["summary", "x.xlsx", "-o"], 'tùy chọn "-o, --out" cần một giá trị', 'option "-o, --out" needs a value'],
    [["summary", "x.xlsx", "--bogus"], 'không có tùy chọn "--bogus"', 'unknown option "--bogus"'],
    [
      ["init", "p.txt", "-o", "x.xlsx", "--force=1"],
      'tùy chọn "--force" không nhận giá trị',
      'option "--force" takes no value',
    ],
    [["import", "a.xlsx", "b.xlsx", "--bogus"], 'không có tùy chọn "--bogus"', 'unknown option "--bogus"'],
    [["plan", "a.txt", "--bogus"], 'không có tùy chọn "--bogus"', 'unknown option "--bogus"'],
  ])("%j", async (argv, vi, en) => {
    const r = await run(ROOT, ...argv);
    expect(r.code).toBe(EXIT.USAGE);
    const [viLine, enLine] = r.stderr.split("\n");
    expect(viLine).toContain(vi);
    expect(viLine).not.toMatch(/Option '|Unknown option|argument missing/);
    expect(enLine).toContain(en);
  });
});

test("a file's location is in [brackets] in every command's errors", async () => {
  const plan = await run(ROOT, "plan", "khong-co.txt");
  expect(plan.code).toBe(EXIT.FILE_ERROR);
  expect(plan.stderr).toMatch(/\[.*khong-co\.txt\]/);
  expect(plan.stderr).not.toMatch(/\(khong-co\.txt\)/);
});

test.each([
  [0, "finding", "0 findings"],
  [1, "finding", "1 finding"],
  [2, "error", "2 errors"],
  [1, "unit", "1 unit"],
  [21, "indicator", "21 indicators"],
])("countOf(%d, %s) → %s", (n, noun, text) => {
  expect(countOf(n, noun)).toBe(text);
});
