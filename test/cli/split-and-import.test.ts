/**
 * Issue 14's "done when", through the command line:
 * - `split` then `import` of every unit's file, filled in, gives the same summary as filling the shared
 *   workbook; the returns come back as .xlsx, and as .xls and .ods saved by LibreOffice, in one folder;
 * - each split file, opened by ExcelJS and by LibreOffice, holds only its own unit's data; LibreOffice sees
 *   both sheets protected, and the unit's password (and only it) unprotects its tab;
 * - `split`'s own contract: names, --force, --passwords (a table with a header, names matched like sheet
 *   names), errors naming the line.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import { createWorkbook } from "../../src/app/create-workbook";
import { importCommand } from "../../src/cli/commands/import";
import { splitCommand } from "../../src/cli/commands/split";
import { summaryJson } from "../../src/cli/commands/summary";
import { withGroupMembers } from "../../src/cli/demo";
import { sampleFills } from "../../src/cli/sample-figures";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { parseState } from "../../src/core/state/serialize-state";
import type { UnitLink } from "../../src/core/state/types";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import { openWorkbookFile, saveWorkbook } from "../../src/file/workbook-file";
import { newWorkbook } from "../../src/file/workbook-bytes";
import { convertAll, ensureLibreOffice, runBasic, tempDir } from "../support/libreoffice";
import { captureIo, CREATED_AT, SUMMARY_AT } from "./summary-support";

const SEED = join(__dirname, "../../examples/334-KH-CB.txt");

async function summaryOf(path: string) {
  const port = await openWorkbookFile(path);
  return summaryJson(await collectAndSummarise(port, { now: new Date(SUMMARY_AT), dryRun: true }));
}

describe("split, fill, import: the same summary as the shared workbook", () => {
  let dir: string;
  let workbook: string;
  let units: UnitLink[];

  beforeAll(async () => {
    ensureLibreOffice();
    dir = tempDir("split-");
    workbook = join(dir, "so-theo-doi.xlsx");
    const plan = withGroupMembers(parsePlan(readFileSync(SEED, "utf8")));
    const port = newWorkbook();
    await createWorkbook(port, { plan, indicators: defaultIndicators(plan), now: CREATED_AT });
    await saveWorkbook(port, workbook);
    units = parseState((await port.readOverview()).stateXml!).units;
  });

  it("split writes one file per unit; split again refuses to overwrite without --force", async () => {
    const out = join(dir, "gui-don-vi");
    const io = captureIo();
    expect(await splitCommand([workbook, "-o", out], io)).toBe(0);
    const names = readdirSync(out).sort();
    expect(names).toEqual(units.map((u) => `${u.name} - 334-KH-CB.xlsx`).sort());
    expect(io.out.join("")).toContain(`Đã tạo ${units.length} tệp cho ${units.length} đơn vị`);
    expect(io.err.join("")).toContain(`Tạo tệp / writing 1/${units.length}: ${units[0].name}`);

    const again = captureIo();
    expect(await splitCommand([workbook, "-o", out], again)).toBe(2);
    expect(again.err.join("")).toContain("--force");
    expect(await splitCommand([workbook, "-o", out, "--force"], captureIo())).toBe(0);
    expect(await splitCommand([workbook], captureIo())).toBe(2);
  });

  it("fills every unit's own file, returns them as .xlsx, .xls and .ods in one folder: same summary as the shared workbook", async () => {
    const out = join(dir, "gui-don-vi-2");
    expect(await splitCommand([workbook, "-o", out], captureIo())).toBe(0);

    // Reference: the same units typing the same figures straight into the shared workbook.
    const shared = await openWorkbookFile(workbook);
    const state = parseState((await shared.readOverview()).stateXml!);
    const fills = sampleFills(state, await shared.readGrids(state.units.map((u) => u.sheetId!)));
    for (const f of fills) shared.typeValues(f.sheetId, f.cells);
    const reference = join(dir, "so-dien-chung.xlsx");
    await saveWorkbook(shared, reference);

    // Each unit fills its own file (found by its tab's codes, like any unit would by eye) and sends it back.
    const returned = join(dir, "nhan-ve");
    mkdirSync(returned);
    const toConvert: string[] = [];
    for (const [i, name] of readdirSync(out).sort().entries()) {
      const port = await openWorkbookFile(join(out, name));
      const tab = (await port.readOverview()).sheets[1];
      const unit = state.units.find((u) => u.sheetName === tab.name)!;
      const [grid] = await port.readGrids([tab.id]);
      const [sharedGrid] = await shared.readGrids([unit.sheetId!]);
      // The unit's file lays its tab out row for row like the shared workbook's (same codes in column A), so
      // the unit types the same figures at the same addresses.
      expect(grid.values.map((r) => r[0])).toEqual(sharedGrid.values.map((r) => r[0]));
      const mine = fills.find((f) => f.unitId === unit.unitId)!;
      port.typeValues(tab.id, mine.cells);
      const saved = join(i % 3 === 0 ? returned : dir, name);
      await saveWorkbook(port, saved);
      if (i % 3 !== 0) toConvert.push(saved);
    }
    // Two thirds come back through LibreOffice, as a unit using it would save them: .xls and .ods.
    const xls = toConvert.filter((_, i) => i % 2 === 0);
    const ods = toConvert.filter((_, i) => i % 2 === 1);
    if (xls.length) convertAll(xls, "xls:MS Excel 97", returned);
    if (ods.length) convertAll(ods, "ods", returned);
    const kinds = readdirSync(returned)
      .map((n) => n.split(".").pop())
      .sort();
    expect(new Set(kinds)).toEqual(new Set(["ods", "xls", "xlsx"].slice(0, Math.min(3, units.length))));
    expect(kinds).toHaveLength(units.length);

    const merged = join(dir, "so-tong-hop.xlsx");
    const io = captureIo();
    expect(await importCommand([workbook, returned, "-o", merged], io)).toBe(0);
    const table = io.out.join("");
    // The unit that sends nothing (sample scenario "missing") returns its file empty: skipped, not an error.
    const sent = fills.filter((f) => Object.keys(f.cells).length > 0).length;
    expect(sent).toBe(units.length - 1);
    expect(table).toContain(
      `Tổng / Total: ${units.length} tệp / files — ${sent} đã nhập / imported, 1 bỏ qua / skipped, 0 từ chối / refused`,
    );
    expect(io.err.join("")).toContain(`Đọc / reading ${units.length}/${units.length}:`);

    const fromFiles = await summaryOf(merged);
    const fromShared = await summaryOf(reference);
    expect(fromFiles.units).toEqual(fromShared.units);
    expect(fromFiles.totals).toEqual(fromShared.totals);
    expect(fromFiles.findings).toEqual(fromShared.findings);
    // Not a vacuous equality: units submitted and figures added up.
    expect(fromShared.units.filter((u) => u.status === "dung-han").length).toBeGreaterThan(0);
    expect(Object.values(fromShared.totals).some((t) => typeof t === "number" && t > 0)).toBe(true);
  });

  it("each file opened by LibreOffice holds only its own unit; its sheets are protected; the unit's password unprotects", async () => {
    const out = join(dir, "co-mat-khau");
    const table = join(dir, "mat-khau.csv");
    // A header, a name given by its tab name in other case and without accents, another unit without one.
    writeFileSync(
      table,
      `Đơn vị,Mật khẩu\n${units[1].sheetName.toUpperCase()},Bí-mật 1\n${units[0].name},\n`,
    );
    const io = captureIo();
    expect(await splitCommand([workbook, "-o", out, "--passwords", table], io)).toBe(0);
    expect(io.out.join("")).toContain(`${units[1].name} - 334-KH-CB.xlsx (có mật khẩu / with password)`);

    // Fill the shared workbook first, so every unit has figures another unit's file must not show.
    const shared = await openWorkbookFile(workbook);
    const state = parseState((await shared.readOverview()).stateXml!);
    const fills = sampleFills(state, await shared.readGrids(state.units.map((u) => u.sheetId!)));
    for (const f of fills) shared.typeValues(f.sheetId, f.cells);
    const filledShared = join(dir, "so-da-dien.xlsx");
    await saveWorkbook(shared, filledShared);
    const out2 = join(dir, "sau-khi-dien");
    expect(await splitCommand([filledShared, "-o", out2, "--passwords", table], captureIo())).toBe(0);

    const files = readdirSync(out2)
      .sort()
      .map((n) => join(out2, n));
    const unitOf = (file: string) => state.units.find((u) => file.endsWith(`/${u.name} - 334-KH-CB.xlsx`))!;
    const PASSWORD = "Bí-mật 1";
    const report = runBasic(
      files.map((file) => {
        const locked = unitOf(file).unitId === units[1].unitId;
        const tab = `doc.Sheets.getByIndex(1)`;
        return {
          file,
          lines: [
            `out = doc.Sheets.getCount()`,
            `For s = 0 To doc.Sheets.getCount() - 1`,
            `  out = out & "|" & doc.Sheets.getByIndex(s).getName() & ":" & doc.Sheets.getByIndex(s).isProtected()`,
            `Next s`,
            `On Error Resume Next`,
            ...(locked
              ? [
                  `${tab}.unprotect("sai")`,
                  `out = out & "|wrong:" & ${tab}.isProtected()`,
                  `Err.Clear`,
                  `${tab}.unprotect("${PASSWORD}")`,
                  `out = out & "|right:" & ${tab}.isProtected()`,
                ]
              : [`${tab}.unprotect("")`, `out = out & "|none:" & ${tab}.isProtected()`]),
            `On Error GoTo 0`,
          ],
        };
      }),
    );
    for (const [i, file] of files.entries()) {
      const unit = unitOf(file);
      const locked = unit.unitId === units[1].unitId;
      const head = `2|Hướng dẫn:True|${unit.sheetName}:True`;
      // With a password, a wrong one leaves the tab locked and the right one opens it; without, none is needed.
      // (LibreOffice 7.4 neither reads nor writes an .xlsx's workbook structure protection, so it is not
      // asked here; test/file/unit-files.test.ts checks that element and its hash.)
      expect(report[i]).toBe(locked ? `${head}|wrong:True|right:False` : `${head}|none:False`);
    }
    // LibreOffice's own reading of every sheet: only this unit's key and figures.
    const csvDir = tempDir("split-csv-");
    for (const file of files) {
      const stem = file
        .split("/")
        .pop()!
        .replace(/\.xlsx$/, "");
      const copy = join(csvDir, `${stem.replace(/[^\p{L}\p{N}]+/gu, "_")}.xlsx`);
      copyFileSync(file, copy);
    }
    convertAll(
      readdirSync(csvDir).map((n) => join(csvDir, n)),
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1",
      csvDir,
    );
    for (const unit of state.units) {
      const stem = `${unit.name} - 334-KH-CB`.replace(/[^\p{L}\p{N}]+/gu, "_");
      const sheets = readdirSync(csvDir).filter((n) => n.startsWith(`${stem}-`) && n.endsWith(".csv"));
      expect(sheets.sort()).toEqual([`${stem}-Hướng dẫn.csv`, `${stem}-${unit.sheetName}.csv`].sort());
      const text = sheets.map((n) => readFileSync(join(csvDir, n), "utf8")).join("\n");
      expect(text).toContain(`${unit.unitId}@${state.planId}`);
      const mine = fills.find((f) => f.unitId === unit.unitId)!;
      for (const v of Object.values(mine.cells))
        if (typeof v === "string" && v.length > 12) expect(text).toContain(v);
      for (const other of fills.filter((f) => f.unitId !== unit.unitId)) {
        expect(text).not.toContain(`${other.unitId}@${state.planId}`);
        for (const v of Object.values(other.cells))
          if (typeof v === "string" && v.length > 12 && !Object.values(mine.cells).includes(v))
            expect(text).not.toContain(v);
      }
    }
    rmSync(csvDir, { recursive: true, force: true });
  });

  it("a passwords table naming no unit is refused with its line; nothing is written", async () => {
    const out = join(dir, "khong-tao");
    const table = join(dir, "sai.csv");
    writeFileSync(table, `${units[0].name},a\nTổ không có,b\n`);
    const io = captureIo();
    expect(await splitCommand([workbook, "-o", out, "--passwords", table], io)).toBe(1);
    expect(io.err.join("")).toContain('"Tổ không có" không phải tên đơn vị');
    expect(io.err.join("")).toContain("dòng/line 2");
    expect(existsSync(out)).toBe(false);
  });
});
