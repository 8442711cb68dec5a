/**
 * Multi-level roll-up (issue 15), through the files and the command line as secretaries would use them:
 * two Party cells (chi bộ) each make a workbook from their own plan, which implements the commune Party
 * committee's plan ("thực hiện Kế hoạch số 12 - KH/ĐU", "Căn cứ Kế hoạch số 12-KH/ĐU"), with their own
 * units and indicators partly shared with the committee's; their units fill them in; they summarise and send
 * the .xlsx up; the committee imports both (`import`), and `summary --json` gives the sums by code, the max of
 * the maxima and the mean over every unit below (not the mean of the means). The committee's summary is then
 * imported one level higher (the district) and gives the same grand totals.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import { importCommand } from "../../src/cli/commands/import";
import { splitCommand } from "../../src/cli/commands/split";
import { summaryCommand, type SummaryJson } from "../../src/cli/commands/summary";
import { newWorkbook, openWorkbookFile, saveWorkbook } from "../../src/file/workbook-file";
import { createWorkbook } from "../../src/app/create-workbook";
import { adr } from "../../src/core/workbook/address";
import { readRollupBlock } from "../../src/core/rollup/rollup-block";
import { firstRowByCode } from "../../src/core/workbook/plan-changes";
import { INDICATOR_COLUMNS } from "../../src/core/workbook/unit-tab-schema";
import mammoth from "mammoth";
import * as XLSX from "@e965/xlsx";
import {
  BAN_CO_INDICATORS,
  buildWorkbook,
  fillUnits,
  NA_SAN_INDICATORS,
  rollupPlan,
  UPPER_INDICATORS,
  type Built,
  type UnitFigures,
} from "../support/rollup-fixtures";
import { captureIo } from "./summary-support";

const BAN_CO_AT = "2024-11-26T09:00:00+07:00";
const NA_SAN_AT = "2024-11-27T10:00:00+07:00";
const COMMUNE_AT = "2024-12-03T08:00:00+07:00";
const DISTRICT_AT = "2024-12-11T08:00:00+07:00";

const BAN_CO_FILLS: Record<string, UnitFigures> = {
  "Tổ đảng số 1": {
    figures: {
      SO_BUOI: 3,
      SO_NGUOI: 120,
      DONG_NHAT: 60,
      DIEM_TB: 8,
      CO_MO_HINH: "Có",
      SO_DV_BC: 1,
      SO_PANO: 4,
    },
    submittedOn: "2024-11-20",
  },
  "Tổ đảng số 2": {
    figures: { SO_BUOI: 2, SO_NGUOI: 80, DONG_NHAT: 45, DIEM_TB: 9, CO_MO_HINH: "Không", SO_DV_BC: 1 },
    submittedOn: "2024-11-24",
  },
  "Chi đoàn thôn Bản Cọ": {
    figures: { SO_BUOI: 1, SO_NGUOI: 40, DONG_NHAT: 40, DIEM_TB: 7, CO_MO_HINH: "Có" },
    submittedOn: "2024-11-26",
  },
};

const NA_SAN_FILLS: Record<string, UnitFigures> = {
  "Tổ đảng Nà Sản 1": {
    figures: {
      SO_BUOI: 4,
      SO_NGUOI: 150,
      DONG_NHAT: 70,
      DIEM_TB: 8.5,
      CO_MO_HINH: "Có",
      SO_DV_BC: 1,
      TIN_BAI: 2,
    },
    submittedOn: "2024-11-21",
  },
  "Tổ đảng Nà Sản 2": {
    figures: { SO_BUOI: 2, SO_NGUOI: 60, DONG_NHAT: 30, DIEM_TB: 6, CO_MO_HINH: "Có", TIN_BAI: 1 },
    submittedOn: "2024-11-23",
  },
};

async function run(
  command: typeof importCommand,
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await command(args, io);
  return { code, out: io.out.join(""), err: io.err.join("") };
}

async function summaryJsonOf(path: string, now: string): Promise<SummaryJson> {
  const r = await run(summaryCommand, [path, "--json", "--now", now]);
  return JSON.parse(r.out) as SummaryJson;
}

/** Every cell's text of one sheet, one line per row. */
async function sheetText(file: string, sheet: string): Promise<string> {
  const port = await openWorkbookFile(file);
  const o = await port.readOverview();
  const [grid] = await port.readGrids([o.sheets.find((s) => s.name === sheet)!.id]);
  return grid.values.map((r) => r.filter((v) => v !== null && v !== "").join(" | ")).join("\n");
}

/** A body below: its workbook filled by its units, summarised at `at`, saved to `path`. */
async function lowerSummary(
  built: Built,
  fills: Record<string, UnitFigures>,
  at: string,
  path: string,
): Promise<void> {
  await fillUnits(built, fills);
  await collectAndSummarise(built.port, { now: new Date(at) });
  await saveWorkbook(built.port, path);
}

describe("multi-level roll-up: Party cells → commune committee → district", () => {
  let dir: string;
  const path = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rollup-"));
    await lowerSummary(
      await buildWorkbook("banCo", BAN_CO_INDICATORS, "p00000000b0c0001"),
      BAN_CO_FILLS,
      BAN_CO_AT,
      path("ban-co.xlsx"),
    );
    await lowerSummary(
      await buildWorkbook("naSan", NA_SAN_INDICATORS, "p00000000a5a0001"),
      NA_SAN_FILLS,
      NA_SAN_AT,
      path("na-san.xlsx"),
    );
    for (const [which, name, id] of [
      ["commune", "xa.xlsx", "p000000000c0e001"],
      ["district", "huyen.xlsx", "p000000000d15001"],
    ] as const) {
      const built = await buildWorkbook(which, UPPER_INDICATORS, id);
      await saveWorkbook(built.port, path(name));
    }
  });

  test("the committee's totals are the sums by code, the max, the mean over all units; a third level gives the same", async () => {
    const banCo = await summaryJsonOf(path("ban-co.xlsx"), BAN_CO_AT);
    const naSan = await summaryJsonOf(path("na-san.xlsx"), NA_SAN_AT);
    expect(banCo.totals).toMatchObject({ SO_BUOI: 6, DONG_NHAT: 60, DIEM_TB: 8, CO_MO_HINH: "2/3 đơn vị" });
    expect(naSan.totals).toMatchObject({
      SO_BUOI: 6,
      DONG_NHAT: 70,
      DIEM_TB: 7.25,
      CO_MO_HINH: "2/2 đơn vị",
    });

    const imported = await run(importCommand, [path("xa.xlsx"), path("ban-co.xlsx"), path("na-san.xlsx")]);
    expect(imported.err).not.toMatch(/Error|lỗi đọc/);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(
      `Đã nhập bản tổng hợp của CHI BỘ THÔN BẢN CỌ (Kế hoạch số 05-KH/CB, tổng hợp lúc`,
    );
    expect(imported.out).toContain("3/3 đơn vị đã nộp (2 đúng hạn, 1 trễ, 0 chưa nộp)");
    // Nà Sản's "Số tin, bài" is under another code: proposed, not taken without --match-names.
    expect(imported.out).toContain(
      'Chỉ tiêu "Số tin, bài" (TIN_BAI) trùng tên với SO_TIN_BAI của sổ này nhưng khác mã: chưa lấy',
    );
    expect(imported.out).toContain("Chỉ tiêu không có trong sổ này, không lấy: SO_PANO.");

    // The body's detail is kept in its tab: per unit, its status and figures; the totals with their parts.
    const xa = await openWorkbookFile(path("xa.xlsx"));
    const banCoTab = (await xa.readOverview()).sheets.find((x) => x.name === "Chi bộ thôn Bản Cọ")!;
    const { block } = readRollupBlock((await xa.readGrids([banCoTab.id]))[0])!;
    expect(block.source).toMatchObject({
      planNumber: "05-KH/CB",
      summarisedAt: BAN_CO_AT,
      file: "ban-co.xlsx",
    });
    expect(block.stats).toEqual({ units: 3, submitted: 3, onTime: 2, late: 1, missing: 0, openFindings: 0 });
    expect(block.totals.find((t) => t.code === "DIEM_TB")).toMatchObject({
      value: 8,
      numerator: 24,
      denominator: 3,
      units: 3,
    });
    const column = (code: string) => block.totals.findIndex((t) => t.code === code);
    const late = block.units.find((u) => u.name === "Chi đoàn thôn Bản Cọ")!;
    expect(late).toMatchObject({ status: "Trễ hạn", daysLate: 1 });
    expect(late.values[column("SO_NGUOI")]).toBe(40);
    expect(late.values[column("CO_MO_HINH")]).toBe("Có");

    const commune = await summaryJsonOf(path("xa.xlsx"), COMMUNE_AT);
    for (const code of ["SO_BUOI", "SO_NGUOI"])
      expect(commune.totals[code]).toBe((banCo.totals[code] as number) + (naSan.totals[code] as number));
    expect(commune.totals.SO_BUOI).toBe(12);
    expect(commune.totals.SO_NGUOI).toBe(450);
    expect(commune.totals.DONG_NHAT).toBe(
      Math.max(banCo.totals.DONG_NHAT as number, naSan.totals.DONG_NHAT as number),
    );
    // (8 + 9 + 7 + 8.5 + 6) / 5 units, not (8 + 7.25) / 2.
    expect(commune.totals.DIEM_TB).toBeCloseTo(7.7, 12);
    expect(commune.totals.CO_MO_HINH).toBe("4/5 đơn vị");
    expect(commune.totals.SO_DV_BC).toBe(3);
    expect(commune.totals.SO_TIN_BAI).toBeNull();
    const body = commune.units.find((u) => u.name === "Chi bộ thôn Bản Cọ")!;
    expect(body).toMatchObject({ status: "dung-han", submittedAt: BAN_CO_AT });
    expect(commune.units.find((u) => u.name === "Chi bộ Trường Tiểu học Chiềng Mung")).toMatchObject({
      status: "chua-nop",
    });
    expect(commune.findings.filter((f) => f.severity === "error")).toEqual([]);

    // The committee summarises and sends its workbook to the district.
    const sent = await run(summaryCommand, [
      path("xa.xlsx"),
      "--now",
      COMMUNE_AT,
      "-o",
      path("xa-tong-hop.xlsx"),
      "--docx",
      path("xa.docx"),
    ]);
    expect(sent.code).toBe(0);
    // The upper report says what a higher level needs of the bodies below, in the sheet and the .docx.
    const { value: docx } = await mammoth.extractRawText({ path: path("xa.docx") });
    const sheet = await sheetText(path("xa-tong-hop.xlsx"), "Tổng hợp");
    for (const text of [docx, sheet]) {
      expect(text).toContain(
        "Cơ quan cấp dưới đã gửi báo cáo tổng hợp: 2/3; các đơn vị trực thuộc của họ đã nộp 5/5.",
      );
      expect(text).toContain("Chưa gửi báo cáo: Chi bộ Trường Tiểu học Chiềng Mung.");
      expect(text).toContain("05-KH/CB");
      expect(text).toContain("26/11/2024 09:00");
      expect(text).toContain("3/3 (100%)");
    }
    const up = await run(importCommand, [path("huyen.xlsx"), path("xa-tong-hop.xlsx")]);
    expect(up.code).toBe(0);
    expect(up.out).toContain("Đã nhập bản tổng hợp của ĐẢNG ỦY XÃ CHIỀNG MUNG");
    const district = await summaryJsonOf(path("huyen.xlsx"), DISTRICT_AT);
    expect(district.totals).toEqual(commune.totals);
  });

  test("--match-names takes an indicator named like ours under another code", async () => {
    const upper = await buildWorkbook("commune", UPPER_INDICATORS, "p000000000c0e002");
    await saveWorkbook(upper.port, path("xa-2.xlsx"));
    const r = await run(importCommand, [path("xa-2.xlsx"), path("na-san.xlsx"), "--match-names"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Chỉ tiêu "Số tin, bài" (TIN_BAI) lấy vào SO_TIN_BAI theo tên.');
    const s = await summaryJsonOf(path("xa-2.xlsx"), COMMUNE_AT);
    expect(s.totals.SO_TIN_BAI).toBe(3);
  });

  test("'Cập nhật sổ' on the upper workbook keeps each body's rolled-up block and totals", async () => {
    const upper = await buildWorkbook("commune", UPPER_INDICATORS, "p000000000c0e003");
    await saveWorkbook(upper.port, path("xa-3.xlsx"));
    expect((await run(importCommand, [path("xa-3.xlsx"), path("ban-co.xlsx")])).code).toBe(0);
    const before = await summaryJsonOf(path("xa-3.xlsx"), COMMUNE_AT);
    const port = await openWorkbookFile(path("xa-3.xlsx"));
    await createWorkbook(port, {
      plan: rollupPlan("commune"),
      indicators: UPPER_INDICATORS,
      planId: "p000000000c0e003",
      now: new Date(COMMUNE_AT),
    });
    await saveWorkbook(port, path("xa-3.xlsx"));
    const after = await summaryJsonOf(path("xa-3.xlsx"), COMMUNE_AT);
    expect(after.totals).toEqual(before.totals);
    expect(after.totals.SO_BUOI).toBe(6);
    const again = await openWorkbookFile(path("xa-3.xlsx"));
    const tab = (await again.readOverview()).sheets.find((x) => x.name === "Chi bộ thôn Bản Cọ")!;
    expect(readRollupBlock((await again.readGrids([tab.id]))[0])?.block.source.planNumber).toBe("05-KH/CB");
  });

  test("a body's summary re-saved by a program that drops custom XML parts (SheetJS) still rolls up", async () => {
    const resaved = path("ban-co-sheetjs.xlsx");
    writeFileSync(
      resaved,
      XLSX.write(XLSX.read(readFileSync(path("ban-co.xlsx")), { type: "buffer" }), {
        type: "buffer",
        bookType: "xlsx",
      }),
    );
    const stateParts = (await (await openWorkbookFile(resaved)).readOverview()).stateXmlCount;
    expect(stateParts).toBe(0);
    const upper = await buildWorkbook("commune", UPPER_INDICATORS, "p000000000c0e004");
    await saveWorkbook(upper.port, path("xa-4.xlsx"));
    const r = await run(importCommand, [path("xa-4.xlsx"), resaved]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Đã nhập bản tổng hợp của CHI BỘ THÔN BẢN CỌ (Kế hoạch số 05-KH/CB");
    const banCo = await summaryJsonOf(path("ban-co.xlsx"), BAN_CO_AT);
    const s = await summaryJsonOf(path("xa-4.xlsx"), COMMUNE_AT);
    for (const code of ["SO_BUOI", "SO_NGUOI", "DONG_NHAT", "DIEM_TB", "CO_MO_HINH"])
      expect(s.totals[code]).toEqual(banCo.totals[code]);
  });
});

describe("multi-level roll-up: refusals leave the workbook as it was; a newer summary replaces the older", () => {
  let dir: string;
  const path = (name: string) => join(dir, name);
  const bytes = (name: string) => readFileSync(path(name));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rollup-refusals-"));
    const banCo = await buildWorkbook("banCo", BAN_CO_INDICATORS, "p00000000b0c0002");
    await saveWorkbook(banCo.port, path("ban-co-chua-tong-hop.xlsx"));
    const { "Chi đoàn thôn Bản Cọ": late, ...onTime } = BAN_CO_FILLS;
    await lowerSummary(banCo, onTime, BAN_CO_AT, path("ban-co-26.xlsx"));
    // Two days later the youth union's figures came in too: a newer summary.
    await lowerSummary(
      banCo,
      { "Chi đoàn thôn Bản Cọ": late },
      "2024-11-28T09:00:00+07:00",
      path("ban-co-28.xlsx"),
    );
    const district = await buildWorkbook("district", UPPER_INDICATORS, "p000000000d15002");
    await collectAndSummarise(district.port, { now: new Date(DISTRICT_AT) });
    await saveWorkbook(district.port, path("huyen.xlsx"));
    const commune = await buildWorkbook("commune", UPPER_INDICATORS, "p000000000c0e003");
    await saveWorkbook(commune.port, path("xa.xlsx"));
    expect(await run(splitCommand, [path("ban-co-26.xlsx"), "-o", path("tach")])).toMatchObject({ code: 0 });
  });

  async function refused(file: string, extra: string[] = []): Promise<string> {
    const before = bytes("xa.xlsx");
    const mtime = statSync(path("xa.xlsx")).mtimeMs;
    const r = await run(importCommand, [path("xa.xlsx"), file, ...extra]);
    expect(r.code).toBe(4);
    expect(bytes("xa.xlsx").equals(before)).toBe(true);
    expect(statSync(path("xa.xlsx")).mtimeMs).toBe(mtime);
    return r.out;
  }

  test("a summary of an unrelated plan", async () => {
    const out = await refused(path("huyen.xlsx"));
    expect(out).toContain(
      "Tệp thuộc kế hoạch khác: sổ của Kế hoạch số 40-KH/HU của HUYỆN ỦY MAI SƠN, không thực hiện Kế hoạch số 12-KH/ĐU của sổ này",
    );
    expect(out).toContain(
      "The file belongs to another plan: the workbook of plan 40-KH/HU of HUYỆN ỦY MAI SƠN, which does not implement this workbook's plan 12-KH/ĐU",
    );
  });

  test("a unit's tab where a summary is expected", async () => {
    const out = await refused(path("tach"));
    expect(out).toMatch(
      /là trang báo cáo của một đơn vị thuộc kế hoạch khác \(ô [A-Z]+\d+: u\d+@p00000000b0c0002\), không phải bản tổng hợp/,
    );
    expect(out).toContain("is a unit's report tab of another plan");
  });

  test("a body's workbook not summarised yet", async () => {
    const out = await refused(path("ban-co-chua-tong-hop.xlsx"));
    expect(out).toContain(
      "Tệp là sổ của Kế hoạch số 05-KH/CB của CHI BỘ THÔN BẢN CỌ nhưng chưa được tổng hợp",
    );
  });

  test("an issuer that is none of our units, unless --as names the tab", async () => {
    const upper = await buildWorkbook("district", UPPER_INDICATORS, "p000000000d15003");
    await saveWorkbook(upper.port, path("huyen-2.xlsx"));
    const r = await run(importCommand, [path("huyen-2.xlsx"), path("ban-co-26.xlsx")]);
    // Bản Cọ's plan implements the commune's, not the district's.
    expect(r.code).toBe(4);
    expect(r.out).toContain("không thực hiện Kế hoạch số 40-KH/HU");
    const unknown = await run(importCommand, [
      path("huyen-2.xlsx"),
      path("ban-co-26.xlsx"),
      "--as",
      "Chi bộ X",
    ]);
    expect(unknown.code).toBe(4);
    expect(unknown.out).toContain(
      'Không có đơn vị "Chi bộ X" trong kế hoạch 40-KH/HU; các đơn vị: "Đảng ủy xã Chiềng Mung"',
    );
    const as = await run(importCommand, [
      path("huyen-2.xlsx"),
      path("ban-co-26.xlsx"),
      "--as",
      "dang uy xa hat lot",
    ]);
    expect(as.code).toBe(0);
    expect(as.out).toContain('vào trang "Đảng ủy xã Hát Lót"');
  });

  test("newer replaces and says so; older is refused unless --force", async () => {
    expect((await run(importCommand, [path("xa.xlsx"), path("ban-co-26.xlsx")])).code).toBe(0);
    const first = await summaryJsonOf(path("xa.xlsx"), COMMUNE_AT);
    expect(first.totals).toMatchObject({ SO_BUOI: 5, DIEM_TB: 8.5 });

    const newer = await run(importCommand, [path("xa.xlsx"), path("ban-co-28.xlsx")]);
    expect(newer.code).toBe(0);
    expect(newer.out).toContain("Đã thay bản tổng hợp lúc");
    const second = await summaryJsonOf(path("xa.xlsx"), COMMUNE_AT);
    expect(second.totals).toMatchObject({ SO_BUOI: 6, DIEM_TB: 8 });

    const again = await run(importCommand, [path("xa.xlsx"), path("ban-co-28.xlsx")]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("đã có trong trang");

    const out = await refused(path("ban-co-26.xlsx"));
    expect(out).toContain("cũ hơn bản đã nhập vào trang");
    expect(out).toContain("Use --force if you are sure.");
    const forced = await run(importCommand, [path("xa.xlsx"), path("ban-co-26.xlsx"), "--force"]);
    expect(forced.code).toBe(0);
    expect((await summaryJsonOf(path("xa.xlsx"), COMMUNE_AT)).totals).toMatchObject({
      SO_BUOI: 5,
      DIEM_TB: 8.5,
    });
  });

  test("a rolled-up figure edited by hand counts as one unit's figure, with a warning naming the cell", async () => {
    const port = await openWorkbookFile(path("xa.xlsx"));
    const o = await port.readOverview();
    const tab = o.sheets.find((x) => x.name === "Chi bộ thôn Bản Cọ")!;
    const [grid] = await port.readGrids([tab.id]);
    const row = firstRowByCode(grid).get("SO_BUOI")!;
    const cell = adr(row, INDICATOR_COLUMNS.value);
    port.typeValues(tab.id, { [cell]: 99 });
    const result = await collectAndSummarise(port, { now: new Date(COMMUNE_AT), dryRun: true });
    expect(result.findings).toContainEqual(
      expect.objectContaining({ kind: "ROLLUP_CHANGED", severity: "warning", sheet: tab.name, cell }),
    );
    expect(result.totals.SO_BUOI).toMatchObject({ value: 99, count: 1 });
    // The other figures still stand for the units below.
    expect(result.totals.DIEM_TB).toMatchObject({ value: 8.5, count: 2 });
  });

  test("a summary citing our plan from an issuer that is none of our units: refused, then --as puts it in a tab", async () => {
    // The commune's plan as another secretary wrote it: Bản Cọ's cell is listed under its old name.
    const plan = rollupPlan("commune");
    const rename = (n: string) => (n === "Chi bộ thôn Bản Cọ" ? "Chi bộ bản Cọ cũ" : n);
    const renamed = {
      ...plan,
      units: plan.units.map((u) => ({ ...u, name: rename(u.name) })),
      tasks: plan.tasks.map((t) => ({ ...t, units: t.units.map(rename) })),
    };
    const port = newWorkbook();
    await createWorkbook(port, { plan: renamed, indicators: UPPER_INDICATORS, now: new Date(COMMUNE_AT) });
    await saveWorkbook(port, path("xa-cu.xlsx"));
    const before = bytes("xa-cu.xlsx");
    const r = await run(importCommand, [path("xa-cu.xlsx"), path("ban-co-26.xlsx")]);
    expect(r.code).toBe(4);
    expect(r.out).toContain(
      'Cơ quan ban hành "CHI BỘ THÔN BẢN CỌ" không phải đơn vị nào của kế hoạch 12-KH/ĐU ("Chi bộ bản Cọ cũ", "Chi bộ thôn Nà Sản"',
    );
    expect(r.out).toContain(
      'hãy chọn trang: --as "<tên đơn vị>" (ngăn tác vụ: "Chọn trang cho sổ tổng hợp cấp dưới")',
    );
    expect(bytes("xa-cu.xlsx").equals(before)).toBe(true);
    const as = await run(importCommand, [
      path("xa-cu.xlsx"),
      path("ban-co-26.xlsx"),
      "--as",
      "Chi bộ bản Cọ cũ",
    ]);
    expect(as.code).toBe(0);
    expect((await summaryJsonOf(path("xa-cu.xlsx"), COMMUNE_AT)).totals).toMatchObject({ SO_BUOI: 5 });
  });
});
