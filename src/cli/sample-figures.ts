/**
 * Realistic sample figures for the demo and the two-adapter tests: what units would type into their tabs.
 * Deterministic (no randomness), found by the codes in column A (never fixed addresses), and expressed as
 * plain typed values per cell so any host (ExcelJS file, simulated Excel) can type them the same way.
 *
 * Scenarios by unit position: the first unit submits on time; the second is late and writes "12 buổi" in a
 * number cell; the third types "nhiều" where a number is due; the last one sends nothing; the others submit
 * on time (some with the date as text, some as a real date).
 */
import type { IsoDate } from "../core/plan/types";
import type { WorkbookState, UnitLink } from "../core/state/types";
import type { SheetGrid } from "../core/workbook/grid";
import type { CellValue } from "../core/workbook/model";
import type { Indicator } from "../core/workbook/indicators";
import { adr } from "../core/workbook/address";
import { isoToSerial, isoToDisplay } from "../core/workbook/dates";
import {
  FIELD_VALUE_COLUMN,
  FOOTER_CODES,
  INDICATOR_COLUMNS,
  TASK_CODE_PREFIX,
  TASK_COLUMNS,
} from "../core/workbook/unit-tab-schema";
import { firstRowByCode } from "../core/workbook/plan-changes";

export type SampleScenario = "on-time" | "late-text-number" | "mistake" | "missing";

export interface UnitFill {
  unitId: string;
  unit: string;
  sheetId: string;
  sheetName: string;
  scenario: SampleScenario;
  /** The unit's deadline (ISO), as in the state. */
  deadline: IsoDate | null;
  /** Indicator code → the A1 address of its value cell. */
  indicatorCells: Record<string, string>;
  /** A1 address → what the person types (numbers as numbers, text as text, dates as serials or text). */
  cells: Record<string, CellValue>;
}

export function scenarioOf(index: number, count: number): SampleScenario {
  if (count >= 4 && index === count - 1) return "missing";
  if (index === 1) return "late-text-number";
  if (index === 2) return "mistake";
  return "on-time";
}

/** A small deterministic hash of text → 0..1. */
function unitNoise(seed: string): number {
  let h = 2166136261;
  for (const ch of seed) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 16777619);
  }
  return ((h >>> 0) % 1000) / 1000;
}

const FIGURES: Record<string, [number, number, number]> = {
  // code: [min, max, step]
  TT_SO_BUOI: [1, 4, 1],
  TT_LUOT_NGUOI: [25, 160, 1],
  TT_TIN_BAI: [1, 8, 1],
  TT_BANG_RON: [1, 5, 1],
  DVK_DANG_KY: [1, 3, 1],
  DVK_DA_THUC_HIEN: [1, 2, 1],
  KINH_PHI: [500_000, 4_000_000, 50_000],
};

function sampleNumber(ind: Indicator, seed: string): number {
  const [min, max, step] =
    FIGURES[ind.code] ??
    (ind.type === "money" ? [500_000, 5_000_000, 50_000] : [1, 30, ind.type === "number" ? 0.5 : 1]);
  const steps = Math.floor((max - min) / step);
  return min + Math.round(unitNoise(`${seed}:${ind.code}`) * steps) * step;
}

function addDays(iso: IsoDate, days: number): IsoDate {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const RESULTS = [
  "Đã tổ chức sinh hoạt chuyên đề ôn lại lịch sử 92 năm Ngày truyền thống công tác Dân vận của Đảng.",
  "Đã triển khai tuyên truyền trong đoàn viên, hội viên; treo băng rôn tại cơ quan.",
  "Đã đăng ký và triển khai mô hình “Dân vận khéo” năm 2022.",
];

const REPORTERS = [
  "Nguyễn Thị Hoa",
  "Lò Văn Minh",
  "Cầm Thị Lan",
  "Hoàng Văn Nam",
  "Quàng Thị Mai",
  "Vì Văn Sơn",
];

function fillFor(
  state: WorkbookState,
  unit: UnitLink,
  grid: SheetGrid,
  index: number,
  count: number,
): UnitFill {
  const scenario = scenarioOf(index, count);
  const cells: Record<string, CellValue> = {};
  const fill: UnitFill = {
    unitId: unit.unitId,
    unit: unit.name,
    sheetId: grid.sheetId,
    sheetName: grid.name,
    scenario,
    deadline: unit.deadline,
    indicatorCells: {},
    cells,
  };
  const rows = firstRowByCode(grid);
  for (const ind of state.indicators) {
    const r = rows.get(ind.code);
    if (r !== undefined) fill.indicatorCells[ind.code] = adr(r, INDICATOR_COLUMNS.value);
  }
  if (scenario === "missing") return fill;

  const at = (code: string, column: number, value: CellValue): void => {
    const r = rows.get(code);
    if (r !== undefined) cells[adr(r, column)] = value;
  };
  const deadline = unit.deadline ?? state.plan.deadline ?? state.plan.issuedOn ?? "2022-10-15";
  const late = scenario === "late-text-number";
  const reportDate = late ? addDays(deadline, 1) : addDays(deadline, -(index % 2));

  for (const task of state.plan.tasks.filter((t) => unit.taskRefs.includes(t.ref))) {
    const code = `${TASK_CODE_PREFIX}${task.ref}`;
    const done = scenario !== "mistake";
    at(code, TASK_COLUMNS.status, done ? "Hoàn thành" : "Đang thực hiện");
    if (done) at(code, TASK_COLUMNS.completedOn, isoToSerial(addDays(reportDate, -1)));
    at(code, TASK_COLUMNS.result, RESULTS[(index + task.ref.length) % RESULTS.length]);
  }

  const integers = state.indicators.filter((i) => i.type === "integer");
  for (const ind of state.indicators) {
    let value: CellValue;
    if (ind.type === "text") value = "Tuyên truyền trực tiếp và trên nhóm Zalo của đơn vị";
    else if (ind.type === "date") value = isoToSerial(reportDate);
    else value = sampleNumber(ind, unit.name);
    if (late && ind === integers[0]) value = "12 buổi";
    if (scenario === "mistake" && ind === (integers[1] ?? integers[0])) value = "nhiều";
    at(ind.code, INDICATOR_COLUMNS.value, value);
  }

  at(
    FOOTER_CODES.notes,
    FIELD_VALUE_COLUMN,
    late ? "Báo cáo chậm do đơn vị tổ chức hoạt động sát ngày kỷ niệm." : "",
  );
  at(FOOTER_CODES.reporter, FIELD_VALUE_COLUMN, REPORTERS[index % REPORTERS.length]);
  // Some type a real date, some type the date as text ("16/10/2022"), as people do.
  at(
    FOOTER_CODES.reportDate,
    FIELD_VALUE_COLUMN,
    index % 2 === 0 ? isoToSerial(reportDate) : isoToDisplay(reportDate),
  );
  at(FOOTER_CODES.manualSubmitted, FIELD_VALUE_COLUMN, "Có");
  for (const [address, value] of Object.entries(cells)) if (value === "") delete cells[address];
  return fill;
}

/** The sample figures of every unit that has a tab (grids of the unit tabs, by sheet id). */
export function sampleFills(state: WorkbookState, grids: SheetGrid[]): UnitFill[] {
  const units = state.units.filter((u) => !u.removed);
  const out: UnitFill[] = [];
  units.forEach((unit, index) => {
    const grid =
      grids.find((g) => g.sheetId === unit.sheetId) ?? grids.find((g) => g.name === unit.sheetName);
    if (grid) out.push(fillFor(state, unit, grid, index, units.length));
  });
  return out;
}
