/**
 * Workbooks for the multi-level roll-up tests: the plans of test/fixtures/rollup/ (a district's plan, the
 * commune Party committee's plan that implements it, two Party cells' plans that implement the committee's),
 * indicators of every aggregation, and helpers that type figures into units' tabs as a unit would (found by
 * the codes in column A) and mark them submitted ("Đã nộp: Có" with a report date).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createWorkbook } from "../../src/app/create-workbook";
import { parsePlan } from "../../src/core/plan/parse-plan";
import type { Plan } from "../../src/core/plan/types";
import { parseState } from "../../src/core/state/serialize-state";
import type { WorkbookState } from "../../src/core/state/types";
import { adr } from "../../src/core/workbook/address";
import { isoToSerial } from "../../src/core/workbook/dates";
import type { Indicator } from "../../src/core/workbook/indicators";
import type { CellValue } from "../../src/core/workbook/model";
import { firstRowByCode } from "../../src/core/workbook/plan-changes";
import { FIELD_VALUE_COLUMN, FOOTER_CODES, INDICATOR_COLUMNS } from "../../src/core/workbook/unit-tab-schema";
import type { FileWorkbookPort } from "../../src/file/file-workbook-port";
import { newWorkbook } from "../../src/file/workbook-bytes";

const DIR = join(__dirname, "../fixtures/rollup");

export const PLAN_FILES = {
  district: "40-KH-HU-huyen-uy.txt",
  commune: "12-KH-DU-dang-uy-xa.txt",
  banCo: "05-KH-CB-ban-co.txt",
  naSan: "07-KH-CB-na-san.txt",
} as const;

export function planText(which: keyof typeof PLAN_FILES): string {
  return readFileSync(join(DIR, PLAN_FILES[which]), "utf8");
}

export function rollupPlan(which: keyof typeof PLAN_FILES): Plan {
  return parsePlan(planText(which));
}

const ind = (
  code: string,
  name: string,
  unit: string,
  type: Indicator["type"],
  aggregation: Indicator["aggregation"],
): Indicator => ({ code, name, unit, type, aggregation, required: false });

/** Shared by every level. */
export const SHARED_INDICATORS: Indicator[] = [
  ind("SO_BUOI", "Số buổi tuyên truyền", "buổi", "integer", "sum"),
  ind("SO_NGUOI", "Số lượt người tham dự", "lượt người", "integer", "sum"),
  ind("DONG_NHAT", "Số người dự buổi đông nhất", "người", "integer", "max"),
  ind("DIEM_TB", "Điểm đánh giá bình quân", "điểm", "number", "average"),
  ind("CO_MO_HINH", "Có mô hình Dân vận khéo", "", "text", "yesno"),
  ind("SO_DV_BC", "Đơn vị có báo cáo ảnh", "đơn vị", "integer", "count"),
];

/** The commune's and the district's: the shared ones and "Số tin, bài" under its own code. */
export const UPPER_INDICATORS: Indicator[] = [
  ...SHARED_INDICATORS,
  ind("SO_TIN_BAI", "Số tin, bài", "tin, bài", "integer", "sum"),
];

/** Bản Cọ's: the shared ones and one of its own. */
export const BAN_CO_INDICATORS: Indicator[] = [
  ...SHARED_INDICATORS,
  ind("SO_PANO", "Số pano, áp phích", "cái", "integer", "sum"),
];

/** Nà Sản's: the shared ones and "Số tin, bài" under another code (matched by name only when confirmed). */
export const NA_SAN_INDICATORS: Indicator[] = [
  ...SHARED_INDICATORS,
  ind("TIN_BAI", "Số tin, bài", "tin, bài", "integer", "sum"),
];

export const CREATED = {
  district: new Date("2024-11-01T15:00:00+07:00"),
  commune: new Date("2024-11-05T15:00:00+07:00"),
  banCo: new Date("2024-11-08T15:00:00+07:00"),
  naSan: new Date("2024-11-09T15:00:00+07:00"),
};

export interface Built {
  port: FileWorkbookPort;
  state: WorkbookState;
}

export async function buildWorkbook(
  which: keyof typeof PLAN_FILES,
  indicators: Indicator[],
  planId: string,
): Promise<Built> {
  const port = newWorkbook();
  await createWorkbook(port, { plan: rollupPlan(which), indicators, planId, now: CREATED[which] });
  return { port, state: parseState((await port.readOverview()).stateXml!) };
}

export interface UnitFigures {
  /** Indicator code → what the unit types. */
  figures: Record<string, CellValue>;
  /** "Đã nộp: Có" with this report date (ISO); absent: not submitted. */
  submittedOn?: string;
}

/** Type each unit's figures into its tab (by unit name), as the unit would, and mark it submitted. */
export async function fillUnits(built: Built, byUnit: Record<string, UnitFigures>): Promise<void> {
  const { port, state } = built;
  for (const [name, fill] of Object.entries(byUnit)) {
    const unit = state.units.find((u) => u.name === name);
    if (!unit)
      throw new Error(`no unit "${name}" in ${state.plan.number}: ${state.units.map((u) => u.name)}`);
    const [grid] = await port.readGrids([unit.sheetId!]);
    const rows = firstRowByCode(grid);
    const cells: Record<string, CellValue> = {};
    for (const [code, value] of Object.entries(fill.figures)) {
      const row = rows.get(code);
      if (row === undefined) throw new Error(`no row ${code} in ${unit.sheetName}`);
      cells[adr(row, INDICATOR_COLUMNS.value)] = value;
    }
    if (fill.submittedOn) {
      cells[adr(rows.get(FOOTER_CODES.manualSubmitted)!, FIELD_VALUE_COLUMN)] = "Có";
      cells[adr(rows.get(FOOTER_CODES.reportDate)!, FIELD_VALUE_COLUMN)] = isoToSerial(fill.submittedOn);
    }
    port.typeValues(unit.sheetId!, cells);
  }
}
