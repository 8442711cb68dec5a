/**
 * The "#CAP_DUOI" block: what a body below sent up, kept in its tab of the upper workbook (multi-level
 * roll-up, issue 15). The import writes it below the tab's footer, in cells the add-in owns (codes in
 * column A): the source plan and when it was summarised, the body's submission figures, its totals with
 * their numerators and denominators (so an average or a yes/no climbs levels exactly), and its units' status.
 * The indicator value cells of the tab get the totals too, so the ordinary collection reads them; the block
 * tells it what those figures stand for (analyse-unit-tab.ts).
 */
import { adr } from "../workbook/address";
import type { SheetGrid } from "../workbook/grid";
import type { CellSpec, CellValue } from "../workbook/model";
import type { ValueParts } from "../collect/unit-submission";

export const ROLLUP_CODES = {
  head: "#CAP_DUOI",
  source: "#CAP_DUOI_NGUON",
  stats: "#CAP_DUOI_NOP",
  totalsHeading: "#CAP_DUOI_CT_TIEU_DE",
  total: "#CAP_DUOI_CT",
  unitsHeading: "#CAP_DUOI_DV_TIEU_DE",
  unit: "#CAP_DUOI_DV",
} as const;

export const ROLLUP_CODE_LIST: readonly string[] = Object.values(ROLLUP_CODES);

export interface RollupSource {
  planNumber: string;
  planId: string;
  /** The body below that issued the plan and summarised it. */
  issuer: string;
  /** When the body's summary was made (ISO, +07:00): a newer one replaces it, an older one is refused. */
  summarisedAt: string;
  /** The file it came in. */
  file: string;
}

export interface RollupStats {
  units: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  /** The body's findings still open (errors and warnings) when it summarised. */
  openFindings: number;
}

export interface RollupTotal extends ValueParts {
  code: string;
  name: string;
  value: number | string | null;
}

export interface RollupUnit {
  name: string;
  status: string;
  submittedAt: string | null;
  daysLate: number;
  /** The unit's figure for each of the block's totals (same order as `totals`), null when none. */
  values: (number | string | null)[];
}

export interface RollupBlock {
  source: RollupSource;
  stats: RollupStats;
  totals: RollupTotal[];
  units: RollupUnit[];
}

const HEADING_STYLE = { bold: true } as const;

/** Column (0-based) of a unit's first figure in its "#CAP_DUOI_DV" row; the heading row names the codes. */
export const UNIT_VALUES_COLUMN = 5;

/** Columns the block takes: its widest row. */
export function rollupBlockWidth(block: RollupBlock): number {
  return Math.max(8, UNIT_VALUES_COLUMN + block.totals.length);
}

/** The block's cells, from `startRow` (0-based) down; every cell of its width is written. */
export function rollupBlockCells(block: RollupBlock, startRow: number): Record<string, CellSpec> {
  const rows: CellValue[][] = [
    [
      ROLLUP_CODES.head,
      "SỐ LIỆU TỔNG HỢP CỦA CẤP DƯỚI / FIGURES OF THE LEVEL BELOW (Tổng hợp báo cáo ghi khi nhập; không sửa tay / written on import; do not edit)",
    ],
    [
      ROLLUP_CODES.source,
      "Kế hoạch, mã, cơ quan, tổng hợp lúc, tệp / plan, id, body, summarised at, file",
      block.source.planNumber,
      block.source.planId,
      block.source.issuer,
      block.source.summarisedAt,
      block.source.file,
    ],
    [
      ROLLUP_CODES.stats,
      "Đơn vị, đã nộp, đúng hạn, trễ hạn, chưa nộp, tồn tại / units, submitted, on time, late, missing, open findings",
      block.stats.units,
      block.stats.submitted,
      block.stats.onTime,
      block.stats.late,
      block.stats.missing,
      block.stats.openFindings,
    ],
    [
      ROLLUP_CODES.totalsHeading,
      "Mã / code",
      "Chỉ tiêu / indicator",
      "Số liệu / total",
      "Tử số / numerator",
      "Mẫu số / denominator",
      "Số đơn vị / units",
    ],
    ...block.totals.map((t) => [
      ROLLUP_CODES.total,
      t.code,
      t.name,
      t.value,
      t.numerator,
      t.denominator,
      t.units,
    ]),
    [
      ROLLUP_CODES.unitsHeading,
      "Đơn vị / unit",
      "Tình trạng / status",
      "Nộp lúc / submitted",
      "Trễ (ngày) / days late",
      ...block.totals.map((t) => t.code),
    ],
    ...block.units.map((u) => [ROLLUP_CODES.unit, u.name, u.status, u.submittedAt, u.daysLate, ...u.values]),
  ];
  const width = Math.max(...rows.map((r) => r.length));
  const cells: Record<string, CellSpec> = {};
  rows.forEach((row, i) => {
    const heading = i === 0 || row[0] === ROLLUP_CODES.totalsHeading || row[0] === ROLLUP_CODES.unitsHeading;
    for (let c = 0; c < width; c++) {
      const value = row[c] ?? null;
      // Text the body typed (names, plan numbers) is written as text, never as a formula.
      cells[adr(startRow + i, c)] = heading ? { value, style: HEADING_STYLE } : { value };
    }
  });
  return cells;
}

/** Rows the block takes. */
export function rollupBlockHeight(block: RollupBlock): number {
  return 5 + block.totals.length + block.units.length;
}

function cellOf(grid: SheetGrid, row: number, column: number): CellValue {
  return grid.values[row - grid.origin.row]?.[column - grid.origin.column] ?? null;
}

const text = (v: CellValue): string => (v === null ? "" : String(v));
const num = (v: CellValue): number => (typeof v === "number" ? v : Number(v) || 0);

export interface FoundRollupBlock {
  block: RollupBlock;
  /** First and last row (0-based) of the block in the tab. */
  firstRow: number;
  lastRow: number;
}

/** The block a tab carries, or null when it has none (an ordinary unit's tab). */
export function readRollupBlock(grid: SheetGrid): FoundRollupBlock | null {
  let firstRow = -1;
  let lastRow = -1;
  let source: RollupSource | null = null;
  let stats: RollupStats | null = null;
  const totals: RollupTotal[] = [];
  const units: RollupUnit[] = [];
  for (let i = 0; i < grid.values.length; i++) {
    const r = grid.origin.row + i;
    const code = text(cellOf(grid, r, 0)).trim();
    if (!code.startsWith(ROLLUP_CODES.head)) continue;
    const at = (c: number) => cellOf(grid, r, c);
    if (code === ROLLUP_CODES.head) firstRow = r;
    else if (code === ROLLUP_CODES.source)
      source = {
        planNumber: text(at(2)),
        planId: text(at(3)),
        issuer: text(at(4)),
        summarisedAt: text(at(5)),
        file: text(at(6)),
      };
    else if (code === ROLLUP_CODES.stats)
      stats = {
        units: num(at(2)),
        submitted: num(at(3)),
        onTime: num(at(4)),
        late: num(at(5)),
        missing: num(at(6)),
        openFindings: num(at(7)),
      };
    else if (code === ROLLUP_CODES.total) {
      const v = at(3);
      totals.push({
        code: text(at(1)),
        name: text(at(2)),
        value: v === "" ? null : v === null ? null : typeof v === "number" ? v : String(v),
        numerator: num(at(4)),
        denominator: num(at(5)),
        units: num(at(6)),
      });
    } else if (code === ROLLUP_CODES.unit) {
      const s = at(3);
      units.push({
        name: text(at(1)),
        status: text(at(2)),
        submittedAt: s === null ? null : text(s),
        daysLate: num(at(4)),
        values: totals.map((_t, k) => {
          const v = at(UNIT_VALUES_COLUMN + k);
          return v === null || v === "" ? null : typeof v === "number" ? v : String(v);
        }),
      });
    } else if (code !== ROLLUP_CODES.totalsHeading && code !== ROLLUP_CODES.unitsHeading) continue;
    lastRow = r;
  }
  if (firstRow < 0 || !source || !stats) return null;
  return { block: { source, stats, totals, units }, firstRow, lastRow };
}

/** Parts by code, for the collection: what each rolled-up figure stands for. */
export function rollupParts(block: RollupBlock): Map<string, RollupTotal> {
  return new Map(block.totals.map((t) => [t.code, t]));
}
