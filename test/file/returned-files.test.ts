/**
 * Files units send back, in every format the import takes: a unit's own file (split) filled in, then saved
 * as .xlsx by ExcelJS, converted by LibreOffice (what a unit using it would send: .xls, .ods, a CSV of its
 * tab) and by SheetJS (.xls, .ods, .xlsm). Each is recognised by its bytes, not its name, and reads back to
 * the same unit tab: codes, typed figures, dates as serials. Broken, encrypted and foreign files are told
 * apart with a clear reason.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import JSZip from "jszip";
import { createWorkbook } from "../../src/app/create-workbook";
import { splitWorkbook } from "../../src/app/split-workbook";
import type { WorkbookReader } from "../../src/app/workbook-port";
import { withGroupMembers } from "../../src/cli/demo";
import { sampleFills, type UnitFill } from "../../src/cli/sample-figures";
import { NotASpreadsheetError, UnreadableFileError } from "../../src/core/errors";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { parseState } from "../../src/core/state/serialize-state";
import { parseAddress } from "../../src/core/workbook/address";
import type { UnitFileLayout } from "../../src/core/workbook/build-unit-file";
import type { SheetGrid } from "../../src/core/workbook/grid";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import { INFO_CODES } from "../../src/core/workbook/unit-tab-schema";
import { DATE_FORMAT, isoToDisplay, serialToIso } from "../../src/core/workbook/dates";
import { detectFormat, decodeText } from "../../src/file/detect-format";
import { openReturnedFile } from "../../src/file/open-returned-file";
import { renderUnitFile } from "../../src/file/unit-file";
import { newWorkbook, openWorkbookBuffer, workbookToBuffer } from "../../src/file/workbook-bytes";
import { convertAll, ensureLibreOffice, tempDir } from "../support/libreoffice";

const SEED = join(__dirname, "../../examples/334-KH-CB.txt");

function valueAt(grid: SheetGrid, address: string): unknown {
  const { row, column } = parseAddress(address);
  const v = grid.values[row - grid.origin.row]?.[column - grid.origin.column];
  return v === "" || v === undefined ? null : v;
}

async function unitTab(reader: WorkbookReader): Promise<SheetGrid> {
  const o = await reader.readOverview();
  const grids = await reader.readGrids(o.sheets.map((s) => s.id));
  const tab = grids.find((g) => g.values.some((r) => r.includes(INFO_CODES.unitKey)));
  if (!tab) throw new Error(`no unit tab among ${o.sheets.map((s) => s.name).join(", ")}`);
  return tab;
}

const bytesOf = (path: string) => new Uint8Array(readFileSync(path));

describe("returned files in every format", () => {
  let dir: string;
  let fill: UnitFill;
  let unitKey: string;
  let filled: string;
  let dateCells: Set<string>;
  const made: Record<string, string> = {};

  beforeAll(async () => {
    ensureLibreOffice();
    dir = tempDir("returns-");
    const plan = withGroupMembers(parsePlan(readFileSync(SEED, "utf8")));
    const port = newWorkbook();
    await createWorkbook(port, {
      plan,
      indicators: defaultIndicators(plan),
      now: new Date("2022-10-13T08:00:00+07:00"),
    });
    const state = parseState((await port.readOverview()).stateXml!);
    const files: UnitFileLayout[] = [];
    await splitWorkbook(port, { write: async (f) => void files.push(f) });
    // The second unit's own file, filled in by the unit (its late scenario: "12 buổi", a date typed as text).
    const layout = files[1];
    dateCells = new Set(
      Object.entries(layout.sheets[1].cells)
        .filter(([, c]) => c.style?.numberFormat === DATE_FORMAT)
        .map(([a]) => a),
    );
    const unitFile = await openWorkbookBuffer(await renderUnitFile(layout), layout.fileName);
    const o = await unitFile.readOverview();
    const tabId = o.sheets[1].id;
    fill = sampleFills(state, await unitFile.readGrids([tabId]))[0];
    unitFile.typeValues(tabId, fill.cells);
    unitKey = `${layout.unitId}@${state.planId}`;
    filled = join(dir, "Tổ đảng 1 gửi lại.xlsx");
    writeFileSync(filled, await workbookToBuffer(unitFile));

    const wb = XLSX.read(readFileSync(filled), { cellFormula: true });
    for (const [bookType, ext] of [
      ["biff8", "xls"],
      ["ods", "ods"],
      ["xlsm", "xlsm"],
    ] as const) {
      made[`sheetjs.${ext}`] = join(dir, `sheetjs.${ext}`);
      writeFileSync(made[`sheetjs.${ext}`], XLSX.write(wb, { bookType, type: "buffer" }));
    }
    const source = join(dir, "lo.xlsx");
    copyFileSync(filled, source);
    [made["lo.xls"]] = convertAll([source], "xls:MS Excel 97", dir);
    [made["lo.ods"]] = convertAll([source], "ods", dir);
    // CSV of the unit's tab (sheet 2), as LibreOffice's "Save as CSV" writes it: as shown, UTF-8.
    [made["lo.csv"]] = convertAll(
      [source],
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,2",
      dir,
    );
  }, 120_000);

  test.each([
    ["ExcelJS .xlsx", () => filled, "xlsx"],
    ["SheetJS .xls", () => made["sheetjs.xls"], "xls"],
    ["SheetJS .ods", () => made["sheetjs.ods"], "ods"],
    ["SheetJS .xlsm", () => made["sheetjs.xlsm"], "xlsm"],
    ["LibreOffice .xls", () => made["lo.xls"], "xls"],
    ["LibreOffice .ods", () => made["lo.ods"], "ods"],
    ["LibreOffice .csv of the tab", () => made["lo.csv"], "csv"],
  ])("%s: recognised by content and read to the same unit tab", async (_label, path, format) => {
    const bytes = bytesOf(path());
    expect(detectFormat(bytes, "tên-bất-kỳ.dat")).toEqual(
      format === "csv"
        ? { kind: "other", whatVi: "tệp văn bản", whatEn: "a text file" }
        : { kind: "spreadsheet", format: format === "xlsm" ? "xlsx" : format },
    );
    expect(detectFormat(bytes, `x.${format}`)).toEqual({ kind: "spreadsheet", format });
    const tab = await unitTab(await openReturnedFile(bytes, `Tổ đảng 1.${format}`));
    expect(valueAt(tab, "A5")).toBe(INFO_CODES.unitKey);
    expect(valueAt(tab, "D5")).toBe(unitKey);
    for (const [address, typed] of Object.entries(fill.cells)) {
      const read = valueAt(tab, address);
      // A CSV saved "as shown" writes a date as the text the cell shows (the date checks read it).
      const isDate = dateCells.has(address) && typeof typed === "number";
      const expected = format === "csv" && isDate ? isoToDisplay(serialToIso(typed)!) : typed;
      expect({ address, read }).toEqual({ address, read: expected });
    }
  });

  test("a CSV in Windows-1258 (Excel's 'CSV' on a Vietnamese Windows), with semicolons, reads to NFC text and numbers", async () => {
    // Windows-1258 spells "ã" as a + combining tilde (0xDE) and "ổ" as ô (0xF4) + combining hook (0xD2).
    const cp1258 = (text: string) =>
      [...text].flatMap((c) => (c === "ã" ? [0x61, 0xde] : c === "ổ" ? [0xf4, 0xd2] : [c.charCodeAt(0)]));
    const bytes = new Uint8Array(
      cp1258("MA_DON_VI;Mã;;u1@p1\nTT_SO_BUOI;Tổ 1;buổi;12\nX;;;1.234\nY;;;0912\nZ;;;12 buổi\n"),
    );
    expect(decodeText(bytes)).toContain("Tổ 1");
    const [grid] = await (await openReturnedFile(bytes, "to-1.csv")).readGrids(["1"]);
    expect(grid.name).toBe("to-1");
    expect(grid.values).toEqual([
      ["MA_DON_VI", "Mã", "", "u1@p1"],
      ["TT_SO_BUOI", "Tổ 1", "buổi", 12],
      ["X", "", "", 1234],
      ["Y", "", "", "0912"],
      ["Z", "", "", "12 buổi"],
    ]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from("MA_DON_VI\tTổ 1\t3,5\n", "utf16le")]);
    const [g16] = await (await openReturnedFile(utf16, "to-1.txt")).readGrids(["1"]);
    expect(g16.values).toEqual([["MA_DON_VI", "Tổ 1", 3.5]]);
  });

  test("what is not a spreadsheet is told apart from a broken one", async () => {
    const docx = await new JSZip()
      .file("[Content_Types].xml", "<Types/>")
      .file("word/document.xml", "<w:document/>")
      .generateAsync({ type: "uint8array" });
    const encrypted = (() => {
      const cfb = XLSX.CFB.utils.cfb_new();
      XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", new Uint8Array(64));
      XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", new Uint8Array(64));
      return new Uint8Array(XLSX.CFB.write(cfb, { type: "array" }) as ArrayLike<number>);
    })();
    const truncated = bytesOf(filled).subarray(0, 400);
    const cases: [string, Uint8Array, string][] = [
      ["ghi-chu.docx", docx, "NOT_A_SPREADSHEET"],
      ["bao-cao.pdf", new Uint8Array(Buffer.from("%PDF-1.7\n%âãÏÓ")), "NOT_A_SPREADSHEET"],
      ["ghi-chu.txt", new Uint8Array(Buffer.from("Nhớ gửi trước thứ Sáu.")), "NOT_A_SPREADSHEET"],
      ["anh.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), "NOT_A_SPREADSHEET"],
      ["rong.xlsx", new Uint8Array(0), "UNREADABLE_FILE"],
      ["hong.xlsx", new Uint8Array([1, 2, 3]), "UNREADABLE_FILE"],
      ["cut.xlsx", truncated, "UNREADABLE_FILE"],
      ["mat-khau.xlsx", encrypted, "UNREADABLE_FILE"],
      [
        "hong.xls",
        new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 1, 2]),
        "UNREADABLE_FILE",
      ],
    ];
    for (const [name, bytes, code] of cases) {
      const error = await openReturnedFile(bytes, name).then(
        () => null,
        (e: unknown) => e,
      );
      expect({ name, code: (error as { code?: string } | null)?.code, error: String(error) }).toMatchObject({
        name,
        code,
      });
      const typed = code === "UNREADABLE_FILE" ? UnreadableFileError : NotASpreadsheetError;
      expect(error).toBeInstanceOf(typed);
      expect((error as UnreadableFileError).location.file).toBe(name);
    }
    const pw = await openReturnedFile(encrypted, "mat-khau.xlsx").catch((e: UnreadableFileError) => e);
    expect((pw as UnreadableFileError).messageVi).toContain("mật khẩu mở tệp");
    expect((pw as UnreadableFileError).messageEn).toContain("password to open");
  });
});
