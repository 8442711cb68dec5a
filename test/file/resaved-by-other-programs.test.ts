/**
 * Issue 14: units do not all have Excel. A workbook re-saved by another program — ExcelJS, SheetJS
 * (@e965/xlsx), LibreOffice (to .xlsx, and to .ods and back) — summarises to the same `summary --json` as
 * the original. Those that drop the custom XML part get the state rebuilt from the tracker's copy (one info
 * finding says so, and the part is written back); tabs renamed or reordered in that program are still found;
 * figures whose types the program changed (numbers and dates as text, formulas replaced by values) read the
 * same.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as XLSX from "@e965/xlsx";
import { createWorkbook } from "../../src/app/create-workbook";
import { submitUnitTab } from "../../src/app/submit-unit-tab";
import { summaryCommand, type SummaryJson } from "../../src/cli/commands/summary";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { parseState } from "../../src/core/state/serialize-state";
import type { WorkbookState } from "../../src/core/state/types";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import { newWorkbook, openWorkbookFile, saveWorkbook } from "../../src/file/workbook-file";
import { STATE_NAMESPACE } from "../../src/core/state/types";
import { rootNamespaceOf } from "../../src/file/ooxml-parts";
import { convert, ensureLibreOffice, freshProfile, tempDir } from "../support/libreoffice";
import { captureIo, CREATED_AT, fillFile, SUMMARY_AT } from "../cli/summary-support";

const SEED = parsePlan(readFileSync(join(__dirname, "../fixtures/plans/seed-334-KH-CB.txt"), "utf8"));
const REBUILT = "Sổ không còn phần dữ liệu kế hoạch";

let dir: string;
let original: string;
let state: WorkbookState;
let baseline: SummaryJson;

async function summaryOf(file: string, extra: string[] = []): Promise<SummaryJson> {
  const io = captureIo();
  const code = await summaryCommand([file, "--now", SUMMARY_AT, "--json", ...extra], io);
  if (code !== 0 && code !== 4) throw new Error(`summary exited ${code}: ${io.err.join("")}`);
  return JSON.parse(io.out.join("")) as SummaryJson;
}

/** The JSON without the rebuild notice (the one line a re-saved workbook adds). */
function withoutRebuild(json: SummaryJson): SummaryJson {
  return { ...json, findings: json.findings.filter((f) => !f.message.startsWith(REBUILT)) };
}

async function statePartsOf(file: string): Promise<string[]> {
  const port = await openWorkbookFile(file);
  return port.customXmlParts.filter((p) => rootNamespaceOf(p.xml) === STATE_NAMESPACE).map((p) => p.xml);
}

/** Summarise with -o: the part is written back; the output then summarises without the notice. */
async function expectWrittenBack(file: string): Promise<void> {
  const out = join(dir, `back-${Math.random().toString(36).slice(2)}.xlsx`);
  const io = captureIo();
  await summaryCommand([file, "--now", SUMMARY_AT, "-o", out], io);
  const parts = await statePartsOf(out);
  expect(parts).toHaveLength(1);
  expect(parseState(parts[0])).toMatchObject({ planId: state.planId, plan: state.plan });
  const again = await summaryOf(out);
  expect(again.findings.some((f) => f.message.startsWith(REBUILT))).toBe(false);
}

// ---- the programs ----

async function viaExcelJS(file: string, edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edit?.(wb);
  const out = join(dir, `exceljs-${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(out);
  return out;
}

function viaSheetJS(file: string, edit?: (wb: XLSX.WorkBook) => void): string {
  const wb = XLSX.read(readFileSync(file), { type: "buffer" });
  edit?.(wb);
  const out = join(dir, `sheetjs-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(out, XLSX.write(wb, { type: "buffer", bookType: "xlsx" }));
  return out;
}

function viaLibreOfficeXlsx(file: string): string {
  return convert(file, "xlsx:Calc MS Excel 2007 XML", tempDir("lo-xlsx-"));
}

function viaLibreOfficeOds(file: string): string {
  const ods = convert(file, "ods", tempDir("lo-ods-"));
  return convert(ods, "xlsx:Calc MS Excel 2007 XML", tempDir("lo-back-"));
}

/** Rename and move sheets in LibreOffice Calc (its own API, in a Basic macro), saved as .xlsx. */
function renameAndMoveInLibreOffice(file: string, rename: [string, string], moveFirst: string): string {
  const profile = freshProfile();
  const soffice = (args: string[]) =>
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args],
      {
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 120_000,
      },
    );
  soffice(["--terminate_after_init"]);
  const out = join(dir, "libreoffice-renamed.xlsx");
  const q = (t: string) => `"${t.replace(/"/g, '""')}"`;
  const basic = [
    "Sub RenameAndMove",
    "  Dim args(0) As New com.sun.star.beans.PropertyValue",
    '  args(0).Name = "Hidden"',
    "  args(0).Value = True",
    `  doc = StarDesktop.loadComponentFromURL(${q(`file://${encodeURI(file)}`)}, "_blank", 0, args())`,
    `  doc.Sheets.getByName(${q(rename[0])}).setName(${q(rename[1])})`,
    `  doc.Sheets.moveByName(${q(moveFirst)}, 0)`,
    "  Dim props(1) As New com.sun.star.beans.PropertyValue",
    '  props(0).Name = "FilterName"',
    '  props(0).Value = "Calc MS Excel 2007 XML"',
    '  props(1).Name = "Overwrite"',
    "  props(1).Value = True",
    `  doc.storeToURL(${q(`file://${encodeURI(out)}`)}, props())`,
    "  doc.close(True)",
    "End Sub",
  ].join("\n");
  const xml = (t: string) =>
    t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  writeFileSync(
    join(profile, "user", "basic", "Standard", "Module1.xba"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n` +
      `<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">\n${xml(basic)}\n</script:module>\n`,
  );
  soffice(["macro:///Standard.Module1.RenameAndMove"]);
  readFileSync(out);
  return out;
}

beforeAll(async () => {
  ensureLibreOffice();
  dir = tempDir("resaved-");
  const port = newWorkbook();
  const created = await createWorkbook(port, {
    plan: SEED,
    indicators: defaultIndicators(SEED),
    now: CREATED_AT,
  });
  state = created.state;
  await fillFile(port);
  // The first unit also submits through the add-in (the stamp and the event cell in its tab).
  const r = await submitUnitTab(port, {
    sheetId: state.units[0].sheetId!,
    now: new Date("2022-10-15T09:30:00+07:00"),
    user: "Nguyễn Thị Lan",
    confirmWarnings: true,
  });
  expect(r.outcome).toBe("submitted");
  original = join(dir, "so-theo-doi.xlsx");
  await saveWorkbook(port, original);
  baseline = await summaryOf(original);
  expect(baseline.findings.some((f) => f.message.startsWith(REBUILT))).toBe(false);
  expect(baseline.units.map((u) => u.status)).toContain("dung-han");
}, 180_000);

describe("a workbook re-saved by another program summarises to the same JSON as the original", () => {
  test("ExcelJS (drops the custom XML part)", async () => {
    const file = await viaExcelJS(original);
    expect(await statePartsOf(file)).toEqual([]);
    const json = await summaryOf(file);
    expect(json.findings[0]).toMatchObject({ sheet: "Kế hoạch", cell: "H1", severity: "info" });
    expect(withoutRebuild(json)).toEqual(baseline);
    await expectWrittenBack(file);
  });

  test("SheetJS @e965/xlsx (drops the part, the column widths and hidden flags, the validation lists)", async () => {
    const file = viaSheetJS(original);
    expect(await statePartsOf(file)).toEqual([]);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const sheetsXml = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async("string")),
    );
    expect(sheetsXml.some((x) => x.includes("<dataValidation") || x.includes('hidden="1"'))).toBe(false);
    expect(withoutRebuild(await summaryOf(file))).toEqual(baseline);
    await expectWrittenBack(file);
  });

  test("LibreOffice to .xlsx", async () => {
    const file = viaLibreOfficeXlsx(original);
    expect(await statePartsOf(file)).toHaveLength(1); // LibreOffice keeps the custom XML part
    const json = await summaryOf(file);
    expect(withoutRebuild(json)).toEqual(baseline);
    await expectWrittenBack(file);
  }, 120_000);

  test("LibreOffice to .ods and back to .xlsx", async () => {
    const file = viaLibreOfficeOds(original);
    expect(await statePartsOf(file)).toEqual([]);
    const json = await summaryOf(file);
    expect(json.findings[0].message.startsWith(REBUILT)).toBe(true);
    expect(withoutRebuild(json)).toEqual(baseline);
    await expectWrittenBack(file);
  }, 180_000);
});

/** The baseline as it reads once `from` was renamed `to`: the unit's sheet, its findings, one rename notice. */
function renamedBaseline(json: SummaryJson, from: string, to: string) {
  const strip = (j: SummaryJson) => ({
    units: j.units.map((u) => ({ ...u, sheet: u.sheet === from ? to : u.sheet })),
    totals: j.totals,
    findings: j.findings
      .filter((f) => !f.message.startsWith(REBUILT) && !f.message.includes("đã được đổi tên"))
      .map((f) => ({ ...f, sheet: f.sheet === from ? to : f.sheet })),
  });
  return strip(json);
}

describe("a unit renamed and reordered tabs in that program", () => {
  const [from, to] = ["Tổ đảng 1", "Tổ Đảng số 1 (đã sửa)"];

  test("ExcelJS", async () => {
    const file = await viaExcelJS(original, (wb) => {
      wb.getWorksheet(from)!.name = to;
      // ExcelJS writes sheets in `orderNo` order (not in its typings): the first and the last swap places.
      const [first, last] = [wb.worksheets[0], wb.worksheets[wb.worksheets.length - 1]] as unknown as {
        orderNo: number;
      }[];
      [last.orderNo, first.orderNo] = [first.orderNo, last.orderNo];
    });
    const names = (await openWorkbookFile(file)).workbook.worksheets.map((w) => w.name);
    expect(names[0]).toBe(state.units[state.units.length - 1].sheetName);
    expect(names).toContain(to);
    const json = await summaryOf(file);
    expect(json.findings.some((f) => f.sheet === to && f.message.includes("đã được đổi tên"))).toBe(true);
    expect(renamedBaseline(json, from, to)).toEqual(renamedBaseline(baseline, from, to));
  });

  test("SheetJS", async () => {
    const file = viaSheetJS(original, (wb) => {
      wb.Sheets[to] = wb.Sheets[from];
      delete wb.Sheets[from];
      wb.SheetNames = wb.SheetNames.map((n) => (n === from ? to : n)).reverse();
    });
    const json = await summaryOf(file);
    expect(renamedBaseline(json, from, to)).toEqual(renamedBaseline(baseline, from, to));
  });

  test("LibreOffice", async () => {
    const last = state.units[state.units.length - 1].sheetName;
    const file = renameAndMoveInLibreOffice(original, [from, to], last);
    const json = await summaryOf(file);
    expect(renamedBaseline(json, from, to)).toEqual(renamedBaseline(baseline, from, to));
  }, 180_000);
});

describe("a program that changed the values' types", () => {
  test("numbers and dates as text, formulas replaced by their values, validation lost: the same figures", async () => {
    // A unit typed a formula in a figure cell (in Excel); then a tool saved every figure and date as text.
    const withFormula = join(dir, "with-formula.xlsx");
    copyFileSync(original, withFormula);
    const port = await openWorkbookFile(withFormula);
    const ws = port.workbook.getWorksheet(state.units[1].sheetName)!;
    let formulaCell = "";
    ws.eachRow((row, r) => {
      if (!formulaCell && row.getCell(1).value === state.indicators[0].code) formulaCell = `D${r}`;
    });
    const before = ws.getCell(formulaCell).value;
    ws.getCell(formulaCell).value = { formula: `${before}+0`, result: before } as ExcelJS.CellFormulaValue;
    await saveWorkbook(port, withFormula);
    const typed = await summaryOf(withFormula);

    let converted = 0;
    let replacedFormulas = 0;
    const file = viaSheetJS(withFormula, (wb) => {
      for (const u of state.units) {
        const sheet = wb.Sheets[u.sheetName];
        for (const [address, cell] of Object.entries(sheet)) {
          if (address.startsWith("!") || !/^[DF]\d+$/.test(address)) continue;
          const c = cell as XLSX.CellObject;
          if (c.f) replacedFormulas++;
          delete c.f;
          if (c.t === "n") {
            const serial = Number(c.v);
            const asDate = serial > 40000 && serial < 50000 && Number.isInteger(serial);
            const d = XLSX.SSF.parse_date_code(serial);
            c.v = asDate
              ? `${String(d.d).padStart(2, "0")}/${String(d.m).padStart(2, "0")}/${d.y}`
              : String(c.v);
            c.t = "s";
            converted++;
            delete c.w;
            delete c.z;
          }
        }
      }
    });
    expect(replacedFormulas).toBe(1);
    expect(converted).toBeGreaterThan(10);
    const json = await summaryOf(file);
    expect(json.units.map((u) => [u.name, u.status, u.submittedAt, u.values])).toEqual(
      typed.units.map((u) => [u.name, u.status, u.submittedAt, u.values]),
    );
    expect(json.totals).toEqual(typed.totals);
    // Anything the changed types made the checks say names its sheet and cell.
    const known = new Set(typed.findings.map((f) => JSON.stringify(f)));
    for (const f of withoutRebuild(json).findings.filter((x) => !known.has(JSON.stringify(x))))
      expect({ sheet: f.sheet, cell: f.cell }).toEqual({
        sheet: expect.any(String),
        cell: expect.any(String),
      });
  });
});
