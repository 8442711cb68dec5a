/**
 * The "no data lost" harness shared by the property test and the regression tests it shrank to: a plan is
 * created on the simulated Excel host through the real Office.js adapter, people type into it
 * (`setCellByUser`, Excel's own input rules), the use-cases run, and two checks say what went wrong:
 *   - every cell a unit or the secretary typed still holds exactly what was stored when it was typed
 *     (value or formula, same type, same bytes), found again by its row code since rows may move;
 *   - the summary sheet's totals (computed by HyperFormula from the live formulas) equal the core's
 *     `aggregate` of the inputs as they are now.
 */
import { SimulatedExcelHost } from "../../../src/testing/simulated-excel";
import { createHyperFormulaEvaluator } from "../../../src/testing/simulated-excel/hyperformula-evaluator";
import { createOfficeWorkbookPort } from "../../../src/excel/office-workbook-port";
import { createWorkbook } from "../../../src/app/create-workbook";
import { collectAndSummarise, type CollectAndSummariseResult } from "../../../src/app/collect-and-summarise";
import { submitUnitTab } from "../../../src/app/submit-unit-tab";
import { reopenUnitTab } from "../../../src/app/reopen-unit-tab";
import type { WorkbookPort } from "../../../src/app/workbook-port";
import { loadWorkbookState } from "../../../src/app/load-workbook-state";
import { collectWorkbook } from "../../../src/core/collect/collect-workbook";
import { aggregate } from "../../../src/core/summary/aggregate";
import { SUMMARY_CODES } from "../../../src/core/summary/build-summary-layout";
import { DIRECTIONS_PROMPT } from "../../../src/core/summary/build-report";
import type { Plan, PlanTask } from "../../../src/core/plan/types";
import type { Indicator } from "../../../src/core/workbook/indicators";
import type { CellValue } from "../../../src/core/workbook/model";
import type { WorkbookState } from "../../../src/core/state/types";
import { adr } from "../../../src/core/workbook/address";
import {
  FIELD_VALUE_COLUMN,
  INDICATOR_COLUMNS,
  TASK_CODE_PREFIX,
  TASK_COLUMNS,
} from "../../../src/core/workbook/unit-tab-schema";

export const NOW = new Date("2022-10-20T09:00:00+07:00");

/** Where a unit types: a row found by its code in column A, and a column of that row. */
export type UnitTarget =
  | { kind: "indicator"; code: string; column: "value" | "note" }
  | { kind: "task"; ref: string; column: "status" | "completedOn" | "result" }
  | { kind: "footer"; code: "GHI_CHU" | "NGUOI_BAO_CAO" | "NGAY_BAO_CAO" | "DA_NOP" }
  /** Free typing in the first row under the indicator table (a note of the unit's own), column B or D. */
  | { kind: "free"; column: "B" | "D" };

export type Step =
  | { op: "type"; unit: number; target: UnitTarget; input: string | number }
  | { op: "secretary"; input: string }
  | { op: "summary" }
  /** "Cập nhật sổ", optionally after the secretary added an indicator or a task to the plan. */
  | { op: "recreate"; add?: "indicator" | "task" }
  /** The unit inserts an empty row (Insert > Row) above the row of this target. */
  | { op: "insertRow"; unit: number; above: UnitTarget }
  | { op: "reopen"; unit: number }
  | { op: "submit"; unit: number };

export interface Scenario {
  /** Unit names, 1–6. */
  units: string[];
  /** Per task, the indexes of the units it goes to (each unit gets at least one task). */
  tasks: number[][];
  indicators: Indicator[];
  steps: Step[];
}

/** The stored content of one cell, as compared byte for byte. */
interface Stored {
  value: CellValue;
  formula: string | null;
}

export function planOf(s: Pick<Scenario, "units" | "tasks">): Plan {
  const tasks: PlanTask[] = s.tasks.map((units, i) => ({
    ref: `III.${i + 1}`,
    text: `Nhiệm vụ số ${i + 1}: tuyên truyền, báo cáo kết quả về Ban Chi ủy trước ngày ${15 + i}/10/2022.`,
    units: units.map((u) => s.units[u]),
    deadline: `2022-10-${15 + i}`,
    deadlineInherited: false,
    reportTo: "Ban Chi ủy",
    line: 30 + i,
    isSummary: false,
  }));
  return {
    number: "99-KH/CB",
    kind: "KẾ HOẠCH",
    issuer: "Chi bộ Thử nghiệm",
    parentBody: "Đảng ủy Khối",
    place: "Sơn La",
    issuedOn: "2022-10-12",
    title: "Kế hoạch thử nghiệm tính chất không mất dữ liệu",
    deadline: "2022-10-20",
    summary: null,
    tasks,
    units: s.units.map((name) => ({ name, members: [] })),
    warnings: [],
    style: "party",
    recipients: ["Lưu: CB."],
    signature: { authority: "TM. CHI BỘ", title: "BÍ THƯ", name: "Nguyễn Văn A" },
  };
}

function key(unitId: string, t: UnitTarget): string {
  if (t.kind === "free") return `${unitId}|free|${t.column}`;
  return t.kind === "indicator"
    ? `${unitId}|${t.code}|${t.column}`
    : t.kind === "task"
      ? `${unitId}|${TASK_CODE_PREFIX}${t.ref}|${t.column}`
      : `${unitId}|${t.code}`;
}

function codeOf(t: UnitTarget): string {
  if (t.kind === "free") return "";
  return t.kind === "indicator" ? t.code : t.kind === "task" ? `${TASK_CODE_PREFIX}${t.ref}` : t.code;
}

function columnOf(t: UnitTarget): number {
  if (t.kind === "indicator") return INDICATOR_COLUMNS[t.column];
  if (t.kind === "task") return TASK_COLUMNS[t.column];
  if (t.kind === "free") return t.column === "B" ? 1 : 3;
  return FIELD_VALUE_COLUMN;
}

export interface Problem {
  step: number;
  what: string;
}

export class Harness {
  readonly host = new SimulatedExcelHost({ sheets: ["Sheet1"], evaluator: createHyperFormulaEvaluator() });
  readonly port: WorkbookPort = createOfficeWorkbookPort(this.host.runner, {
    isSetSupported: (v) => this.host.isSetSupported("ExcelApi", v),
  });
  state!: WorkbookState;
  /** Unit cell key → what was stored when it was typed. */
  readonly typed = new Map<string, { unitId: string; target: UnitTarget; stored: Stored; row: number }>();
  /** Section V lines, in order, as stored when typed. */
  readonly secretary: Stored[] = [];
  readonly problems: Problem[] = [];
  lastSummary: CollectAndSummariseResult | null = null;
  private step = 0;

  constructor(readonly scenario: Scenario) {
    this.tasks = scenario.tasks.map((t) => [...t]);
    this.indicators = scenario.indicators.map((i) => ({ ...i }));
  }

  private tasks: number[][];
  private indicators: Indicator[];

  private plan(): Plan {
    return planOf({ units: this.scenario.units, tasks: this.tasks });
  }

  private stored(sheetId: string, row: number, column: number): Stored {
    const s = this.host.model.findSheet(sheetId)!;
    const c = this.host.model.peek(s, row, column);
    return { value: c?.formula ? null : (c?.value ?? null), formula: c?.formula ?? null };
  }

  /** 0-based rows whose column A holds `code` on a sheet. */
  rowsOfCode(sheetId: string, code: string): number[] {
    const s = this.host.model.findSheet(sheetId);
    if (!s) return [];
    const rows: number[] = [];
    for (const [k, c] of s.cells) {
      const [row, column] = k.split(",").map(Number);
      if (column === 0 && typeof c.value === "string" && c.value.trim() === code) rows.push(row);
    }
    return rows.sort((a, b) => a - b);
  }

  async create(): Promise<void> {
    const r = await createWorkbook(this.port, {
      plan: this.plan(),
      indicators: this.indicators,
      planId: "p00000000000000aa",
    });
    this.state = r.state;
  }

  private unitSheet(unit: number): { unitId: string; sheetId: string } | null {
    const link = this.state.units[unit % this.state.units.length];
    return link?.sheetId ? { unitId: link.unitId, sheetId: link.sheetId } : null;
  }

  typeUnit(unit: number, target: UnitTarget, input: string | number): void {
    const at = this.unitSheet(unit);
    if (!at) return;
    const row =
      target.kind === "free" ? this.freeRow(at.sheetId) : this.rowsOfCode(at.sheetId, codeOf(target))[0];
    if (row === undefined) return;
    const column = columnOf(target);
    try {
      this.host.setCellByUser(at.sheetId, adr(row, column), input);
    } catch (e) {
      // A submitted (locked) tab refuses typing, as Excel does: nothing was stored.
      if (/protected/.test(String(e))) return;
      throw e;
    }
    const k = key(at.unitId, target);
    const stored = this.stored(at.sheetId, row, column);
    if (stored.value === null && stored.formula === null) this.typed.delete(k);
    else this.typed.set(k, { unitId: at.unitId, target, stored, row });
  }

  /** The row right under the last indicator row (free typing stays at its address: nothing moves rows). */
  private freeRow(sheetId: string): number | undefined {
    const rows = this.indicators.flatMap((i) => this.rowsOfCode(sheetId, i.code));
    return rows.length ? Math.max(...rows) + 1 : undefined;
  }

  private summarySheetId(): string | null {
    return this.lastSummary?.state.summarySheet?.sheetId ?? this.state.summarySheet?.sheetId ?? null;
  }

  /** The secretary types the next line of section V (only once a summary sheet exists). */
  typeSecretary(input: string): void {
    const id = this.summarySheetId();
    if (!id || !this.host.model.findSheet(id)) return;
    const rows = this.rowsOfCode(id, SUMMARY_CODES.directions);
    const free = rows.find((r) => {
      const c = this.stored(id, r, 1);
      return c.value === null && c.formula === null;
    });
    if (free === undefined) return;
    this.host.setCellByUser(id, adr(free, 1), input);
    const stored = this.stored(id, free, 1);
    if (stored.value !== null || stored.formula !== null) this.secretary.push(stored);
  }

  async run(step: Step): Promise<void> {
    this.step++;
    switch (step.op) {
      case "type":
        this.typeUnit(step.unit, step.target, step.input);
        break;
      case "secretary":
        this.typeSecretary(step.input);
        break;
      case "insertRow": {
        const at = this.unitSheet(step.unit);
        const row =
          at &&
          (step.above.kind === "free"
            ? this.freeRow(at.sheetId)
            : this.rowsOfCode(at.sheetId, codeOf(step.above))[0]);
        if (!at || row === undefined || row === null) break;
        // Review > Unprotect Sheet works without a password when none was set; then Insert > Row.
        const sheet = this.host.model.findSheet(at.sheetId)!;
        if (sheet.protection.password) break;
        sheet.protection = { protected: false, password: null, options: {} };
        this.host.insertRow(at.sheetId, row + 1);
        for (const t of this.typed.values()) if (t.unitId === at.unitId && t.row >= row) t.row++;
        break;
      }
      case "summary": {
        const r = await collectAndSummarise(this.port, { now: NOW });
        this.lastSummary = r;
        this.state = r.state;
        await this.checkTotals(r);
        break;
      }
      case "recreate":
        if (step.add === "indicator") {
          const n = this.indicators.length + 1;
          this.indicators.push({
            code: `THEM_${n}`,
            name: `Chỉ tiêu thêm số ${n}`,
            unit: "lượt",
            type: "integer",
            aggregation: "sum",
            required: false,
          });
        } else if (step.add === "task") this.tasks.push(this.scenario.units.map((_u, i) => i));
        await this.create();
        break;
      case "reopen": {
        const at = this.unitSheet(step.unit);
        if (at) await reopenUnitTab(this.port, { unitId: at.unitId, comment: "Bổ sung số liệu.", now: NOW });
        break;
      }
      case "submit": {
        const at = this.unitSheet(step.unit);
        if (at)
          await submitUnitTab(this.port, {
            sheetId: at.sheetId,
            now: NOW,
            user: "Lan",
            confirmWarnings: true,
          });
        break;
      }
    }
    this.checkTyped();
  }

  /** Every typed cell still holds what was stored when it was typed. */
  checkTyped(): void {
    for (const [k, t] of this.typed) {
      const link = this.state.units.find((u) => u.unitId === t.unitId);
      const rows = !link?.sheetId
        ? []
        : t.target.kind === "free"
          ? [t.row]
          : this.rowsOfCode(link.sheetId, codeOf(t.target));
      if (rows.length !== 1) {
        this.problems.push({ step: this.step, what: `${k}: row found ${rows.length} times` });
        continue;
      }
      const now = this.stored(link!.sheetId!, rows[0], columnOf(t.target));
      if (!sameStored(now, t.stored))
        this.problems.push({
          step: this.step,
          what: `${k} at ${adr(rows[0], columnOf(t.target))}: typed ${show(t.stored)}, now ${show(now)}`,
        });
    }
    const id = this.summarySheetId();
    if (this.secretary.length && id) {
      const lines = this.rowsOfCode(id, SUMMARY_CODES.directions)
        .map((r) => this.stored(id, r, 1))
        .filter((s) => (s.value !== null && s.value !== DIRECTIONS_PROMPT) || s.formula !== null);
      if (JSON.stringify(lines) !== JSON.stringify(this.secretary))
        this.problems.push({
          step: this.step,
          what: `section V: typed ${this.secretary.map(show).join(" | ")}, now ${lines.map(show).join(" | ")}`,
        });
    }
  }

  /** The summary's totals (HyperFormula over the live formulas) equal the core's aggregate of the inputs now. */
  async checkTotals(r: CollectAndSummariseResult): Promise<void> {
    const { state, overview } = await loadWorkbookState(this.port);
    const grids = await this.port.readGrids(overview.sheets.map((s) => s.id));
    const expected = aggregate(state.indicators, collectWorkbook(state, overview.sheets, grids, NOW).units);
    const id = r.state.summarySheet?.sheetId;
    if (!id) {
      this.problems.push({ step: this.step, what: "summary sheet id unknown after the summary" });
      return;
    }
    const [tableRow] = this.rowsOfCode(id, `${SUMMARY_CODES.table}figures`);
    const totalsRow = tableRow + 1 + r.submissions.length;
    const s = this.host.model.findSheet(id)!;
    state.indicators.forEach((ind, j) => {
      const got = this.host.model.valueOf(s, totalsRow, 3 + j);
      const want = expected[ind.code].value;
      const core = r.totals[ind.code].value;
      if (!sameTotal(got, want) || !sameTotal(core, want))
        this.problems.push({
          step: this.step,
          what: `total ${ind.code}: sheet ${JSON.stringify(got)}, core at summary ${JSON.stringify(core)}, core now ${JSON.stringify(want)}`,
        });
    });
  }
}

function sameStored(a: Stored, b: Stored): boolean {
  return a.formula === b.formula && typeof a.value === typeof b.value && Object.is(a.value, b.value);
}

function show(s: Stored): string {
  if (s.formula !== null) return s.formula;
  const nfd = typeof s.value === "string" && s.value !== s.value.normalize("NFC");
  return `${JSON.stringify(s.value)}${nfd ? " (NFD)" : ""}`;
}

function sameTotal(sheet: CellValue, core: number | string | null): boolean {
  if (core === null) return sheet === "" || sheet === null;
  if (typeof core === "number" && typeof sheet === "number")
    return Math.abs(sheet - core) <= 1e-9 * Math.max(1, Math.abs(core));
  return sheet === core;
}

/** Run a scenario from creation; returns the problems found (empty = no data lost, totals right). */
export async function runScenario(s: Scenario): Promise<Problem[]> {
  const h = new Harness(s);
  await h.create();
  for (const step of s.steps) await h.run(step);
  return h.problems;
}
