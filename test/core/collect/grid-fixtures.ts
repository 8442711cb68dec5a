/**
 * Hand-made fixtures: the seed plan 334-KH/CB as a WorkbookState with three units, and unit-tab grids laid
 * out by the unit-tab contract (codes in column A, fixed columns per block).
 *
 * Layout of a tab with one task and the six seed indicators (1-based rows):
 *   1 #THONG_TIN · 2 MA_DON_VI · 3 DON_VI · 4 KE_HOACH · 5 HAN_NOP · 6 BAO_CAO_VE · 7 blank
 *   8 #NHIEM_VU · 9 header · 10 NV:<ref> (E status, F completed on, G result) · 11 blank
 *   12 #CHI_TIEU · 13 header · 14 SO_BUOI · 15 SO_LUOT · 16 SO_TIN_BAI · 17 MO_HINH · 18 KINH_PHI · 19 TEN_MO_HINH
 *   20 blank · 21 #CHUNG · 22 GHI_CHU · 23 NGUOI_BAO_CAO · 24 NGAY_BAO_CAO · 25 DA_NOP · 26 XAC_NHAN_NOP · 27 Y_KIEN_MO_LAI
 */
import type { Plan } from "../../../src/core/plan/types";
import type { WorkbookState, UnitLink } from "../../../src/core/state/types";
import type { Indicator } from "../../../src/core/workbook/indicators";
import type { SheetGrid } from "../../../src/core/workbook/grid";
import type { CellValue } from "../../../src/core/workbook/model";
import { parseAddress } from "../../../src/core/workbook/address";
import {
  MARKERS,
  INFO_CODES,
  FOOTER_CODES,
  TASK_CODE_PREFIX,
  unitKeyValue,
} from "../../../src/core/workbook/unit-tab-schema";

export const PLAN_ID = "plan-334";
/** 17/10/2022 10:00 in Sơn La. */
export const NOW = new Date("2022-10-17T10:00:00+07:00");

export const seedPlan: Plan = {
  number: "334-KH/CB",
  kind: "KẾ HOẠCH",
  issuer: "CHI BỘ CƠ SỞ ĐIỀU TRỊ NGHIỆN MA TÚY TỈNH",
  parentBody: "ĐẢNG ỦY SỞ LAO ĐỘNG - TB&XH SƠN LA",
  place: "Sơn La",
  issuedOn: "2022-10-12",
  title:
    "Triển khai hướng dẫn tuyên truyền kỷ niệm 92 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930-15/10/2022); 23 năm Ngày Dân vận của cả nước (15/10/1999-15/10/2022)",
  deadline: "2022-10-15",
  summary: { units: ["Ban Chi ủy Chi bộ"], deadline: "2022-10-17", reportTo: null, taskRef: "III.1" },
  tasks: [
    {
      ref: "III.1",
      text: "Tổng hợp báo cáo kết quả tổ chức các hoạt động kỷ niệm và báo cáo kết quả công tác dân vận",
      units: ["Ban Chi ủy Chi bộ"],
      deadline: "2022-10-17",
      deadlineInherited: false,
      reportTo: null,
      line: 40,
      isSummary: true,
    },
    {
      ref: "III.2",
      text: "Báo cáo kết quả triển khai xây dựng mô hình Dân vận khéo đã đăng ký năm 2022",
      units: ["Ban Chấp hành Công đoàn", "Tổ đảng tổ 1"],
      deadline: "2022-10-16",
      deadlineInherited: false,
      reportTo: "Ban Chi ủy",
      line: 42,
      isSummary: false,
    },
    {
      ref: "III.3",
      text: "Tổ chức triển khai kế hoạch tuyên truyền các hoạt động kỷ niệm 92 năm Ngày công tác Dân vận",
      units: ["Các Tổ chức đoàn thể"],
      deadline: "2022-10-15",
      deadlineInherited: true,
      reportTo: null,
      line: 44,
      isSummary: false,
    },
  ],
  units: [
    { name: "Ban Chấp hành Công đoàn", members: [] },
    { name: "Tổ đảng tổ 1", members: [] },
    { name: "Các Tổ chức đoàn thể", members: [] },
  ],
  warnings: [],
  style: "party",
  recipients: [
    "Đảng ủy SLĐT BXH Sơn La (b/c)",
    "Ban Chi ủy, Chi bộ",
    "Các Tổ đảng",
    "Các Tổ chức đoàn thể",
    "Lưu: CB",
  ],
  signature: { authority: "TM. CHI BỘ", title: "BÍ THƯ", name: "Đoàn Văn Tú" },
};

export const seedIndicators: Indicator[] = [
  {
    code: "SO_BUOI",
    name: "Số buổi tuyên truyền",
    unit: "buổi",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 500,
  },
  {
    code: "SO_LUOT",
    name: "Số lượt người tham dự",
    unit: "lượt người",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 100000,
  },
  {
    code: "SO_TIN_BAI",
    name: "Số tin, bài đăng",
    unit: "tin, bài",
    type: "integer",
    aggregation: "sum",
    required: false,
  },
  {
    code: "MO_HINH",
    name: "Số mô hình Dân vận khéo",
    unit: "mô hình",
    type: "integer",
    aggregation: "max",
    required: false,
  },
  { code: "KINH_PHI", name: "Kinh phí", unit: "đồng", type: "money", aggregation: "sum", required: false },
  { code: "TEN_MO_HINH", name: "Tên mô hình", unit: "", type: "text", aggregation: "list", required: false },
];

export function seedUnits(): UnitLink[] {
  return [
    {
      unitId: "u1",
      name: "Ban Chấp hành Công đoàn",
      group: null,
      sheetId: "s-u1",
      sheetName: "BCH CĐ",
      taskRefs: ["III.2"],
      deadline: "2022-10-16",
      removed: false,
    },
    {
      unitId: "u2",
      name: "Tổ đảng tổ 1",
      group: null,
      sheetId: "s-u2",
      sheetName: "Tổ 1",
      taskRefs: ["III.2"],
      deadline: "2022-10-16",
      removed: false,
    },
    {
      unitId: "u3",
      name: "Các Tổ chức đoàn thể",
      group: null,
      sheetId: "s-u3",
      sheetName: "Đoàn thể",
      taskRefs: ["III.3"],
      deadline: "2022-10-15",
      removed: false,
    },
  ];
}

export function seedState(overrides: Partial<WorkbookState> = {}): WorkbookState {
  return {
    layoutVersion: 1,
    planId: PLAN_ID,
    plan: seedPlan,
    indicators: seedIndicators,
    units: seedUnits(),
    trackerSheet: { sheetId: "s-tracker", sheetName: "Theo dõi" },
    summarySheet: null,
    history: [],
    summarisedAt: null,
    ...overrides,
  };
}

export interface TaskInput {
  status?: CellValue;
  completedOn?: CellValue;
  result?: CellValue;
}

export interface TabInput {
  values?: Record<string, CellValue>;
  /** Indicator code → formula ("=…"); the value comes from `values`. */
  formulas?: Record<string, string>;
  tasks?: Record<string, TaskInput>;
  notes?: CellValue;
  reporter?: CellValue;
  reportDate?: CellValue;
  manual?: CellValue;
  stamp?: CellValue;
  reopenComment?: CellValue;
}

/** Rows of a unit tab as 2D arrays (values, formulas), columns A..G. */
export function unitTabRows(
  state: WorkbookState,
  unit: UnitLink,
  input: TabInput = {},
): { values: CellValue[][]; formulas: CellValue[][] } {
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  const row = (cells: CellValue[], f: Record<number, string> = {}) => {
    const r = [...cells];
    while (r.length < 7) r.push(null);
    values.push(r);
    formulas.push(r.map((v, i) => f[i] ?? v));
  };
  const deadline = unit.deadline ? unit.deadline.split("-").reverse().join("/") : "";
  row([MARKERS.info, "THÔNG TIN BÁO CÁO"]);
  row([INFO_CODES.unitKey, "Mã đơn vị", null, unitKeyValue(unit.unitId, state.planId)]);
  row([INFO_CODES.unitName, "Đơn vị", null, unit.name]);
  row([INFO_CODES.plan, "Kế hoạch", null, state.plan.number]);
  row([INFO_CODES.deadline, "Hạn nộp", null, deadline]);
  row([INFO_CODES.reportTo, "Báo cáo về", null, "Ban Chi ủy"]);
  row([]);
  row([MARKERS.tasks, "NHIỆM VỤ"]);
  row([null, "Nhiệm vụ", "Hạn", "Báo cáo về", "Trạng thái", "Ngày hoàn thành", "Kết quả"]);
  for (const ref of unit.taskRefs) {
    const t = state.plan.tasks.find((x) => x.ref === ref);
    const i = input.tasks?.[ref] ?? {};
    row([
      `${TASK_CODE_PREFIX}${ref}`,
      t?.text ?? "",
      deadline,
      t?.reportTo ?? "",
      i.status ?? null,
      i.completedOn ?? null,
      i.result ?? null,
    ]);
  }
  row([]);
  row([MARKERS.indicators, "CHỈ TIÊU"]);
  row([null, "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]);
  for (const ind of state.indicators) {
    const f = input.formulas?.[ind.code];
    row([ind.code, ind.name, ind.unit, input.values?.[ind.code] ?? null, null], f ? { 3: f } : {});
  }
  row([]);
  row([MARKERS.footer, "CHUNG"]);
  row([FOOTER_CODES.notes, "Ghi chú", null, input.notes ?? null]);
  row([FOOTER_CODES.reporter, "Người báo cáo", null, input.reporter ?? null]);
  row([FOOTER_CODES.reportDate, "Ngày báo cáo", null, input.reportDate ?? null]);
  row([FOOTER_CODES.manualSubmitted, "Đã nộp", null, input.manual ?? null]);
  row([FOOTER_CODES.stamp, "Xác nhận nộp", null, input.stamp ?? null]);
  row([FOOTER_CODES.reopenComment, "Ý kiến mở lại", null, input.reopenComment ?? null]);
  return { values, formulas };
}

export function unitTabGrid(state: WorkbookState, unit: UnitLink, input: TabInput = {}): SheetGrid {
  const { values, formulas } = unitTabRows(state, unit, input);
  return {
    sheetId: unit.sheetId ?? `s-${unit.unitId}`,
    name: unit.sheetName,
    origin: { row: 0, column: 0 },
    values,
    formulas,
  };
}

/** A copy of a grid with one cell set (value, and formula when given). */
export function setCell(grid: SheetGrid, address: string, value: CellValue, formula?: string): SheetGrid {
  const { row, column } = parseAddress(address);
  const values = grid.values.map((r) => [...r]);
  const formulas = grid.formulas.map((r) => [...r]);
  while (values.length <= row) {
    values.push([]);
    formulas.push([]);
  }
  while (values[row].length <= column) values[row].push(null);
  while (formulas[row].length <= column) formulas[row].push(null);
  values[row][column] = value;
  formulas[row][column] = formula ?? value;
  return { ...grid, values, formulas };
}

/** Insert empty rows before 1-based row `before`. */
export function insertRows(grid: SheetGrid, before: number, count = 1): SheetGrid {
  const blank = () => Array.from({ length: 7 }, () => null as CellValue);
  const values = [...grid.values];
  const formulas = [...grid.formulas];
  values.splice(before - 1, 0, ...Array.from({ length: count }, blank));
  formulas.splice(before - 1, 0, ...Array.from({ length: count }, blank));
  return { ...grid, values, formulas };
}

/** Delete 1-based row `row`. */
export function deleteRow(grid: SheetGrid, row: number): SheetGrid {
  const values = [...grid.values];
  const formulas = [...grid.formulas];
  values.splice(row - 1, 1);
  formulas.splice(row - 1, 1);
  return { ...grid, values, formulas };
}

/** The three seed units filled in: u1 on time, u2 late with "12 buổi" in a number cell, u3 missing. */
export function seedScenario(): { state: WorkbookState; grids: SheetGrid[] } {
  const state = seedState({
    history: [
      { unitId: "u1", kind: "submit", at: "2022-10-16T09:30:00+07:00", by: "Nguyễn Thị Lan", comment: null },
      { unitId: "u2", kind: "submit", at: "2022-10-17T08:15:00+07:00", by: "Trần Văn Hùng", comment: null },
    ],
  });
  const [u1, u2, u3] = state.units;
  const g1 = unitTabGrid(state, u1, {
    values: {
      SO_BUOI: 3,
      SO_LUOT: 85,
      SO_TIN_BAI: 4,
      MO_HINH: 2,
      KINH_PHI: 1500000,
      TEN_MO_HINH: "Dân vận khéo trong công tác cai nghiện",
    },
    tasks: { "III.2": { status: "Hoàn thành", completedOn: 44849, result: "Đã xây dựng 2 mô hình" } },
    reporter: "Nguyễn Thị Lan",
    reportDate: 44850,
    stamp: "Đã nộp lúc 09:30 ngày 16/10/2022 — Nguyễn Thị Lan",
  });
  const g2 = unitTabGrid(state, u2, {
    values: { SO_BUOI: "12 buổi", SO_LUOT: "1.234", SO_TIN_BAI: 7, MO_HINH: 1, KINH_PHI: "2.500.000" },
    tasks: { "III.2": { status: "Đang thực hiện", result: "Đang hoàn thiện hồ sơ mô hình" } },
    notes: "Thiếu kinh phí in tài liệu",
    reporter: "Trần Văn Hùng",
    reportDate: "17/10/2022",
    stamp: "Đã nộp lúc 08:15 ngày 17/10/2022 — Trần Văn Hùng",
  });
  const g3 = unitTabGrid(state, u3, {});
  return { state, grids: [g1, g2, g3] };
}

/**
 * A minimal in-memory WorkbookPort for use-case tests until/besides the simulated Excel host: counts round
 * trips, applies patches cell by cell (formulas keep the core's cached value), keeps protection per sheet.
 */
export class MemoryPort {
  roundTrips = 0;
  stateXml: string | null = null;
  private nextId = 1;
  sheets = new Map<
    string,
    {
      name: string;
      position: number;
      cells: Map<string, { value: CellValue; formula: CellValue }>;
      protection?: { protect: boolean; password?: string };
      inputRanges?: string[];
    }
  >();

  addGrid(grid: SheetGrid): void {
    const cells = new Map<string, { value: CellValue; formula: CellValue }>();
    grid.values.forEach((r, i) =>
      r.forEach((v, j) => {
        const f = grid.formulas[i]?.[j] ?? v;
        if (v !== null && v !== "")
          cells.set(adrOf(grid.origin.row + i, grid.origin.column + j), { value: v, formula: f });
      }),
    );
    this.sheets.set(grid.sheetId, { name: grid.name, position: this.sheets.size, cells });
  }

  grid(id: string): SheetGrid {
    const s = this.sheets.get(id)!;
    let maxR = 0;
    let maxC = 0;
    for (const a of s.cells.keys()) {
      const { row, column } = parseAddress(a);
      maxR = Math.max(maxR, row + 1);
      maxC = Math.max(maxC, column + 1);
    }
    const values: CellValue[][] = Array.from({ length: maxR }, () =>
      Array.from({ length: maxC }, () => null),
    );
    const formulas: CellValue[][] = Array.from({ length: maxR }, () =>
      Array.from({ length: maxC }, () => null),
    );
    for (const [a, c] of s.cells) {
      const { row, column } = parseAddress(a);
      values[row][column] = c.value;
      formulas[row][column] = c.formula;
    }
    return { sheetId: id, name: s.name, origin: { row: 0, column: 0 }, values, formulas };
  }

  gridByName(name: string): SheetGrid {
    const id = [...this.sheets].find(([, s]) => s.name === name)![0];
    return this.grid(id);
  }

  async readOverview(ids?: string[]) {
    this.roundTrips++;
    return {
      stateXml: this.stateXml,
      stateXmlCount: this.stateXml ? 1 : 0,
      sheets: [...this.sheets].map(([id, s]) => ({ id, name: s.name, position: s.position })),
      grids: (ids ?? []).filter((id) => this.sheets.has(id)).map((id) => this.grid(id)),
    };
  }

  async readGrids(ids: string[]) {
    this.roundTrips++;
    return ids.filter((id) => this.sheets.has(id)).map((id) => this.grid(id));
  }

  async applyChanges(changes: import("../../../src/core/workbook/model").WorkbookChanges) {
    this.roundTrips++;
    const sheetIds: Record<string, string> = {};
    for (const p of changes.patches) {
      let id = p.sheetId;
      if (p.create || !id) {
        id = `new-${this.nextId++}`;
        this.sheets.set(id, { name: p.layout.name, position: this.sheets.size, cells: new Map() });
      }
      const s = this.sheets.get(id)!;
      if (p.rename) s.name = p.layout.name;
      s.protection = p.layout.protection;
      s.inputRanges = p.layout.inputRanges;
      for (const [a, c] of Object.entries(p.cells)) {
        if (c.formula !== undefined)
          s.cells.set(a, { value: c.cachedValue ?? null, formula: `=${c.formula}` });
        else if (c.value === null || c.value === undefined || c.value === "") s.cells.delete(a);
        else s.cells.set(a, { value: c.value, formula: c.value });
      }
      sheetIds[p.layout.key] = id;
    }
    if (changes.stateXml !== undefined) this.stateXml = changes.stateXml;
    return { sheetIds, roundTrips: 1 };
  }
}

function adrOf(row: number, column: number): string {
  let n = column + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row + 1}`;
}
