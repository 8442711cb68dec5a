/**
 * One unit's input tab, following unit-tab-schema.ts: codes and block markers in column A (narrow, grey),
 * an info block, the task table (status from a list, completion date, result), the indicator table and a
 * footer. The add-in owns labels, task texts and deadlines; a unit types only into the yellow cells.
 *
 * The tab is described as logical rows (`unitTabRows`) so the same rows can be placed from scratch
 * (`buildUnitTabLayout`) or found again by their codes in a tab a unit has edited (plan-changes.ts).
 */
import { TAB_EVENTS_COLUMN } from "../state/tab-events";
import type { Plan, PlanTask } from "../plan/types";
import type { UnitLink, WorkbookState } from "../state/types";
import { foldVietnamese, nfc, sameNameLoose } from "../text/vietnamese";
import { issuerInText } from "../text/proper-case";
import { adr, parseRange, rangeAddress, type RangeRef } from "./address";
import { DATE_FORMAT, isoToDisplay, isoToSerial } from "./dates";
import type { Indicator } from "./indicators";
import { isRequiredFor, unitTopics } from "./indicator-catalogue";
import type { CellSpec, CellStyle, DataValidationSpec, SheetLayout } from "./model";
import {
  blockStyle,
  codeStyle,
  headerStyle,
  inputStyle,
  labelStyle,
  noteStyle,
  NUMBER_FORMATS,
  ownedStyle,
  TAB_COLOR_REMOVED,
  TAB_COLOR_UNIT,
  titleStyle,
} from "./styles";
import {
  CODE_COLUMN,
  FIELD_LABEL_COLUMN,
  FIELD_VALUE_COLUMN,
  FOOTER_CODES,
  INDICATOR_COLUMNS,
  INFO_CODES,
  MANUAL_SUBMITTED_CHOICES,
  YES_NO_CHOICES,
  MARKERS,
  TASK_CODE_PREFIX,
  TASK_COLUMNS,
  TASK_STATUSES,
  unitKeyValue,
} from "./unit-tab-schema";

/** Codes of the two rows above the info block ("#" codes are ignored by collection). */
export const UNIT_TAB_HEAD_CODES = { title: "#TIEU_DE", instruction: "#HUONG_DAN" } as const;

export const UNIT_TAB_INSTRUCTION = "Nhập số liệu vào các ô màu vàng, rồi bấm Nộp báo cáo.";

/** Columns A–G, in characters. A holds codes: narrow and grey. */
export const UNIT_TAB_COLUMN_WIDTHS = [5, 46, 12, 20, 16, 14, 34];
const LAST_COLUMN = UNIT_TAB_COLUMN_WIDTHS.length - 1;

export const TASK_HEADERS: Record<number, string> = {
  [TASK_COLUMNS.text]: "Nhiệm vụ được giao",
  [TASK_COLUMNS.deadline]: "Hạn",
  [TASK_COLUMNS.reportTo]: "Báo cáo về",
  [TASK_COLUMNS.status]: "Trạng thái",
  [TASK_COLUMNS.completedOn]: "Ngày hoàn thành",
  [TASK_COLUMNS.result]: "Kết quả thực hiện",
};

export const INDICATOR_HEADERS: Record<number, string> = {
  [INDICATOR_COLUMNS.name]: "Chỉ tiêu",
  [INDICATOR_COLUMNS.unit]: "Đơn vị tính",
  [INDICATOR_COLUMNS.value]: "Giá trị",
  [INDICATOR_COLUMNS.note]: "Ghi chú",
};

export const INFO_LABELS: Record<string, string> = {
  [INFO_CODES.unitKey]: "Mã đơn vị (add-in dùng, không sửa)",
  [INFO_CODES.unitName]: "Đơn vị báo cáo",
  [INFO_CODES.plan]: "Thực hiện",
  [INFO_CODES.deadline]: "Hạn nộp báo cáo",
  [INFO_CODES.reportTo]: "Báo cáo về",
};

export const FOOTER_LABELS: Record<string, string> = {
  [FOOTER_CODES.notes]: "Ghi chú, khó khăn, đề xuất",
  [FOOTER_CODES.reporter]: "Người báo cáo",
  [FOOTER_CODES.reportDate]: "Ngày báo cáo",
  [FOOTER_CODES.manualSubmitted]: "Đã nộp (Có/Không) — khi không dùng add-in",
  [FOOTER_CODES.stamp]: "Xác nhận nộp (add-in ghi)",
  [FOOTER_CODES.reopenComment]: "Ý kiến khi mở lại (add-in ghi)",
};

export type TabBlock = "head" | "info" | "tasks" | "indicators" | "footer";

/** One logical row of a unit tab. Columns are 0-based. */
export interface TabRow {
  /** Code in column A; null for a blank separator row. */
  code: string | null;
  block: TabBlock;
  marker: boolean;
  /** Cells the add-in owns and rewrites on every run (labels, task texts, deadlines, info values). */
  owned: Record<number, CellSpec>;
  /** Cells the add-in writes only when it creates the row (the stamp rows, written later by submit). */
  createOnly: Record<number, CellSpec>;
  /** Cells a person types into: written (empty, tinted) only when the row is created. */
  inputs: Record<number, CellSpec>;
  validation?: { column: number; list: string[]; errorMessage: string };
  /** Column spans to merge when the row is created: [from, to]. Never over input cells. */
  merges?: [number, number][];
  height?: number;
}

function sentenceCase(text: string): string {
  const t = nfc(text).trim().toLocaleLowerCase("vi");
  return t.charAt(0).toLocaleUpperCase("vi") + t.slice(1);
}

/** "Kế hoạch số 334-KH/CB ngày 12/10/2022" (what units are reporting on). */
export function planLabel(plan: Plan): string {
  const kind = plan.kind ? sentenceCase(plan.kind) : "Kế hoạch";
  const parts = [kind];
  if (plan.number) parts.push(`số ${plan.number}`);
  if (plan.issuedOn) parts.push(`ngày ${isoToDisplay(plan.issuedOn)}`);
  return parts.join(" ");
}

/** Where the plan's reports go by default: the summary's unit, else the issuer as running text names it. */
function defaultReportTo(plan: Plan): string {
  return plan.summary?.units[0] ?? issuerInText(plan);
}

/** Where one task of a unit reports: the task's "báo cáo về" unless it names the unit itself. */
function taskReportTo(plan: Plan, task: PlanTask, unitName: string): string {
  if (!task.reportTo || sameNameLoose(task.reportTo, unitName)) return defaultReportTo(plan);
  return namingTheIssuerInFull(plan, task.reportTo);
}

/**
 * A plan's text names its own issuer by kind only ("báo cáo Ủy ban nhân dân xã" in a plan of "Ủy ban nhân dân
 * xã Phú Lộc"); the unit's tab names it in full, so nobody wonders which commune is meant.
 */
function namingTheIssuerInFull(plan: Plan, reportTo: string): string {
  const issuer = issuerInText(plan);
  const short = foldVietnamese(reportTo);
  const full = foldVietnamese(issuer);
  return short.length > 0 && full.startsWith(`${short} `) ? issuer : reportTo;
}

/**
 * Where a unit's report goes: its tasks' "báo cáo về", else the plan's summary unit, else the issuer — never
 * the unit itself (a plan's "các đơn vị gửi kết quả về Trạm Y tế xã" inside Trạm Y tế xã's own task).
 */
export function unitReportTo(plan: Plan, unit: UnitLink): string {
  const names: string[] = [];
  for (const t of tasksOf(plan, unit)) {
    const to = taskReportTo(plan, t, unit.name);
    if (to && !names.includes(to)) names.push(to);
  }
  return names.length > 0 ? names.join("; ") : defaultReportTo(plan);
}

export function tasksOf(plan: Plan, unit: UnitLink): PlanTask[] {
  return unit.taskRefs
    .map((ref) => plan.tasks.find((t) => t.ref === ref))
    .filter((t): t is PlanTask => t !== undefined);
}

function dateCell(iso: string | null, style: CellStyle): CellSpec {
  return iso
    ? { value: isoToSerial(iso), style: { ...style, numberFormat: DATE_FORMAT, hAlign: "center" } }
    : { value: "", style };
}

function textHeight(text: string, width: number): number {
  const lines = text
    .split("\n")
    .reduce((n, line) => n + Math.max(1, Math.ceil(Array.from(line).length / Math.max(1, width - 2))), 0);
  return Math.max(1, lines) * 16 + 4;
}

function codeCell(code: string): CellSpec {
  return { value: code, style: codeStyle };
}

function headerRow(code: string, block: TabBlock, headers: Record<number, string>): TabRow {
  const owned: Record<number, CellSpec> = {};
  for (const [col, text] of Object.entries(headers)) owned[Number(col)] = { value: text, style: headerStyle };
  return { code, block, marker: true, owned, createOnly: {}, inputs: {}, height: 32 };
}

function blockTitleRow(code: string, block: TabBlock, title: string): TabRow {
  const owned: Record<number, CellSpec> = { [FIELD_LABEL_COLUMN]: { value: title, style: blockStyle } };
  const createOnly: Record<number, CellSpec> = {};
  for (let c = FIELD_LABEL_COLUMN + 1; c <= LAST_COLUMN; c++)
    createOnly[c] = { value: "", style: blockStyle };
  return {
    code,
    block,
    marker: true,
    owned,
    createOnly,
    inputs: {},
    merges: [[FIELD_LABEL_COLUMN, LAST_COLUMN]],
  };
}

/** Empty, styled cells under the hidden part of a merge (borders drawn on the whole merged area). */
function mergeFillers(...spans: (number | CellStyle)[]): Record<number, CellSpec> {
  const out: Record<number, CellSpec> = {};
  for (let i = 0; i + 2 < spans.length; i += 3) {
    const [from, to, style] = [spans[i] as number, spans[i + 1] as number, spans[i + 2] as CellStyle];
    for (let c = from; c <= to; c++) out[c] = { value: "", style };
  }
  return out;
}

function infoRow(code: string, value: CellSpec): TabRow {
  return {
    code,
    block: "info",
    marker: false,
    owned: {
      [FIELD_LABEL_COLUMN]: { value: INFO_LABELS[code], style: labelStyle },
      [FIELD_VALUE_COLUMN]: value,
    },
    createOnly: mergeFillers(
      FIELD_LABEL_COLUMN + 1,
      FIELD_VALUE_COLUMN - 1,
      labelStyle,
      FIELD_VALUE_COLUMN + 1,
      LAST_COLUMN,
      value.style ?? ownedStyle,
    ),
    inputs: {},
    merges: [
      [FIELD_LABEL_COLUMN, FIELD_VALUE_COLUMN - 1],
      [FIELD_VALUE_COLUMN, LAST_COLUMN],
    ],
  };
}

/** The task row of one task for this unit. */
export function taskRow(plan: Plan, task: PlanTask, unit: UnitLink): TabRow {
  const text = nfc(task.text).trim();
  return {
    code: `${TASK_CODE_PREFIX}${task.ref}`,
    block: "tasks",
    marker: false,
    owned: {
      [TASK_COLUMNS.text]: { value: text, style: ownedStyle },
      [TASK_COLUMNS.deadline]: dateCell(task.deadline, ownedStyle),
      [TASK_COLUMNS.reportTo]: { value: taskReportTo(plan, task, unit.name), style: ownedStyle },
    },
    createOnly: {},
    inputs: {
      [TASK_COLUMNS.status]: { value: null, style: { ...inputStyle, hAlign: "center" } },
      [TASK_COLUMNS.completedOn]: {
        value: null,
        style: { ...inputStyle, numberFormat: DATE_FORMAT, hAlign: "center" },
      },
      [TASK_COLUMNS.result]: { value: null, style: inputStyle },
    },
    validation: {
      column: TASK_COLUMNS.status,
      list: [...TASK_STATUSES],
      errorMessage: `Chọn một trong: ${TASK_STATUSES.join(", ")}.`,
    },
    height: Math.max(textHeight(text, UNIT_TAB_COLUMN_WIDTHS[TASK_COLUMNS.text]), 36),
  };
}

/** The row of one indicator; `required`: this unit must fill it in (marked "(*)"). */
export function indicatorRow(ind: Indicator, required: boolean): TabRow {
  const name = nfc(ind.name).trim();
  return {
    code: ind.code,
    block: "indicators",
    marker: false,
    owned: {
      [INDICATOR_COLUMNS.name]: { value: required ? `${name} (*)` : name, style: ownedStyle },
      [INDICATOR_COLUMNS.unit]: { value: nfc(ind.unit), style: { ...ownedStyle, hAlign: "center" } },
    },
    createOnly: {},
    inputs: {
      [INDICATOR_COLUMNS.value]: {
        value: null,
        style: {
          ...inputStyle,
          numberFormat: NUMBER_FORMATS[ind.type],
          hAlign: ind.type === "text" ? "left" : "right",
        },
      },
      [INDICATOR_COLUMNS.note]: { value: null, style: inputStyle },
    },
    height: textHeight(name, UNIT_TAB_COLUMN_WIDTHS[INDICATOR_COLUMNS.name]),
    ...(ind.aggregation === "yesno"
      ? {
          validation: {
            column: INDICATOR_COLUMNS.value,
            list: [...YES_NO_CHOICES],
            errorMessage: `Chọn ${YES_NO_CHOICES.join(" hoặc ")}.`,
          },
        }
      : {}),
  };
}

function footerRow(code: string, kind: "input" | "stamp", style: CellStyle = {}): TabRow {
  const row: TabRow = {
    code,
    block: "footer",
    marker: false,
    owned: {
      [FIELD_LABEL_COLUMN]: { value: FOOTER_LABELS[code], style: labelStyle },
    },
    createOnly: mergeFillers(FIELD_LABEL_COLUMN + 1, FIELD_VALUE_COLUMN - 1, labelStyle),
    inputs: {},
    merges: [[FIELD_LABEL_COLUMN, FIELD_VALUE_COLUMN - 1]],
  };
  if (kind === "input") row.inputs[FIELD_VALUE_COLUMN] = { value: null, style: { ...inputStyle, ...style } };
  else {
    const stampStyle: CellStyle = { ...ownedStyle, italic: true };
    row.createOnly[FIELD_VALUE_COLUMN] = { value: "", style: stampStyle };
    Object.assign(row.createOnly, mergeFillers(FIELD_VALUE_COLUMN + 1, LAST_COLUMN, stampStyle));
    row.merges!.push([FIELD_VALUE_COLUMN, LAST_COLUMN]);
  }
  return row;
}

function blank(block: TabBlock): TabRow {
  return { code: null, block, marker: false, owned: {}, createOnly: {}, inputs: {} };
}

/** The header rows of a block (the marker row): used both when creating and when appending a block. */
export function blockMarkerRow(block: "tasks" | "indicators"): TabRow {
  return block === "tasks"
    ? headerRow(MARKERS.tasks, "tasks", TASK_HEADERS)
    : headerRow(MARKERS.indicators, "indicators", INDICATOR_HEADERS);
}

/** Title and instruction rows. */
export function headRows(state: WorkbookState): TabRow[] {
  const title = `BÁO CÁO KẾT QUẢ THỰC HIỆN ${planLabel(state.plan).toLocaleUpperCase("vi")}`;
  return [
    {
      code: UNIT_TAB_HEAD_CODES.title,
      block: "head",
      marker: true,
      owned: { [FIELD_LABEL_COLUMN]: { value: title, style: titleStyle } },
      createOnly: mergeFillers(FIELD_LABEL_COLUMN + 1, LAST_COLUMN, titleStyle),
      inputs: {},
      merges: [[FIELD_LABEL_COLUMN, LAST_COLUMN]],
      height: 36,
    },
    {
      code: UNIT_TAB_HEAD_CODES.instruction,
      block: "head",
      marker: true,
      owned: {
        [FIELD_LABEL_COLUMN]: { value: UNIT_TAB_INSTRUCTION, style: { ...noteStyle, fontColor: "#C00000" } },
      },
      createOnly: {},
      inputs: {},
      merges: [[FIELD_LABEL_COLUMN, LAST_COLUMN]],
    },
  ];
}

/** The logical rows of a unit's tab, in order, blank separators included. */
export function unitTabRows(state: WorkbookState, unit: UnitLink): TabRow[] {
  const plan = state.plan;
  const rows: TabRow[] = [...headRows(state), blank("head")];
  rows.push(blockTitleRow(MARKERS.info, "info", "THÔNG TIN CHUNG"));
  rows.push(
    infoRow(INFO_CODES.unitKey, {
      value: unitKeyValue(unit.unitId, state.planId),
      style: { ...ownedStyle, fontColor: "#808080" },
    }),
  );
  rows.push(infoRow(INFO_CODES.unitName, { value: nfc(unit.name), style: { ...ownedStyle, bold: true } }));
  rows.push(
    infoRow(INFO_CODES.plan, {
      value: planLabel(plan) + (plan.title ? ` — ${nfc(plan.title)}` : ""),
      style: ownedStyle,
    }),
  );
  rows.push(
    infoRow(INFO_CODES.deadline, dateCell(unit.deadline, { ...ownedStyle, bold: true, hAlign: "left" })),
  );
  rows.push(infoRow(INFO_CODES.reportTo, { value: unitReportTo(plan, unit), style: ownedStyle }));
  rows[rows.length - 3].height = textHeight(
    String(rows[rows.length - 3].owned[FIELD_VALUE_COLUMN].value),
    80,
  );
  rows.push(blank("info"));
  rows.push(blockMarkerRow("tasks"));
  for (const task of tasksOf(plan, unit)) rows.push(taskRow(plan, task, unit));
  rows.push(blank("tasks"));
  rows.push(blockMarkerRow("indicators"));
  const topics = unitTopics(plan, unit);
  for (const ind of state.indicators) rows.push(indicatorRow(ind, isRequiredFor(ind, topics)));
  rows.push(blank("indicators"));
  rows.push(blockTitleRow(MARKERS.footer, "footer", "XÁC NHẬN BÁO CÁO"));
  rows.push(footerRow(FOOTER_CODES.notes, "input"));
  rows[rows.length - 1].height = 48;
  rows.push(footerRow(FOOTER_CODES.reporter, "input"));
  rows.push(footerRow(FOOTER_CODES.reportDate, "input", { numberFormat: DATE_FORMAT, hAlign: "left" }));
  const manual = footerRow(FOOTER_CODES.manualSubmitted, "input", { hAlign: "center" });
  manual.validation = {
    column: FIELD_VALUE_COLUMN,
    list: [...MANUAL_SUBMITTED_CHOICES],
    errorMessage: `Chọn ${MANUAL_SUBMITTED_CHOICES.join(" hoặc ")}.`,
  };
  rows.push(manual);
  rows.push(footerRow(FOOTER_CODES.stamp, "stamp"));
  rows.push(footerRow(FOOTER_CODES.reopenComment, "stamp"));
  return rows;
}

export interface PlacedRow {
  cells: Record<string, CellSpec>;
  inputRanges: string[];
  validations: DataValidationSpec[];
  merges: string[];
}

export interface PlaceOptions {
  /** A new row: write the code, the create-only and the (empty, tinted) input cells, and merges. */
  create: boolean;
}

/** Cells, input ranges, validations and merges of a logical row placed at a 0-based sheet row. */
export function placeRow(row: TabRow, r: number, opts: PlaceOptions): PlacedRow {
  const cells: Record<string, CellSpec> = {};
  if (opts.create && row.code !== null) cells[adr(r, CODE_COLUMN)] = codeCell(row.code);
  for (const [c, spec] of Object.entries(row.owned)) cells[adr(r, Number(c))] = spec;
  if (opts.create) {
    for (const [c, spec] of Object.entries(row.createOnly)) cells[adr(r, Number(c))] = spec;
    for (const [c, spec] of Object.entries(row.inputs)) cells[adr(r, Number(c))] = spec;
  }
  const inputCols = Object.keys(row.inputs)
    .map(Number)
    .sort((a, b) => a - b);
  const inputRanges: string[] = [];
  for (let i = 0; i < inputCols.length;) {
    let j = i;
    while (j + 1 < inputCols.length && inputCols[j + 1] === inputCols[j] + 1) j++;
    inputRanges.push(i === j ? adr(r, inputCols[i]) : `${adr(r, inputCols[i])}:${adr(r, inputCols[j])}`);
    i = j + 1;
  }
  const validations: DataValidationSpec[] = row.validation
    ? [
        {
          range: adr(r, row.validation.column),
          list: row.validation.list,
          errorMessage: row.validation.errorMessage,
        },
      ]
    : [];
  const merges = opts.create ? (row.merges ?? []).map(([a, b]) => `${adr(r, a)}:${adr(r, b)}`) : [];
  return { cells, inputRanges, validations, merges };
}

/** Join ranges over the same columns on consecutive rows into rectangles (fewer ranges for adapters). */
export function compactRanges(ranges: string[]): string[] {
  const byColumns = new Map<string, RangeRef[]>();
  for (const range of ranges) {
    const r = parseRange(range);
    const key = `${r.start.column}:${r.end.column}`;
    const list = byColumns.get(key) ?? [];
    list.push(r);
    byColumns.set(key, list);
  }
  const out: RangeRef[] = [];
  for (const list of byColumns.values()) {
    const sorted = [...list].sort((a, b) => a.start.row - b.start.row);
    let current = sorted[0];
    for (const next of sorted.slice(1)) {
      if (next.start.row <= current.end.row + 1)
        current = {
          start: current.start,
          end: { row: Math.max(current.end.row, next.end.row), column: current.end.column },
        };
      else {
        out.push(current);
        current = next;
      }
    }
    out.push(current);
  }
  return out.sort((a, b) => a.start.row - b.start.row || a.start.column - b.start.column).map(rangeAddress);
}

/** Validations with the same list on adjacent cells of one column, joined. */
export function compactValidations(validations: DataValidationSpec[]): DataValidationSpec[] {
  const groups = new Map<string, DataValidationSpec[]>();
  for (const v of validations) {
    const key = JSON.stringify([v.list, v.errorMessage ?? ""]);
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const out: DataValidationSpec[] = [];
  for (const list of groups.values()) {
    for (const range of compactRanges(list.map((v) => v.range))) out.push({ ...list[0], range });
  }
  return out;
}

/** The sheet-level settings of a unit tab (everything but cells, ranges and merges). */
export function unitTabShell(unit: UnitLink): SheetLayout {
  return {
    key: `unit:${unit.unitId}`,
    role: "unit",
    name: unit.sheetName,
    unitId: unit.unitId,
    cells: {},
    merges: [],
    columnWidths: [...UNIT_TAB_COLUMN_WIDTHS],
    // The codes of column A (the add-in's, neither shown nor printed) and the unit's submission events
    // (core/state/tab-events.ts): kept, not shown.
    hiddenColumns: [CODE_COLUMN, TAB_EVENTS_COLUMN],
    rowHeights: {},
    inputRanges: [],
    validations: [],
    freeze: { rows: 2, columns: 0 },
    print: { paper: "A4", orientation: "landscape", fitToWidth: true },
    protection: { protect: true },
    tabColor: unit.removed ? TAB_COLOR_REMOVED : TAB_COLOR_UNIT,
  };
}

/** A unit's tab from scratch. */
export function buildUnitTabLayout(state: WorkbookState, unit: UnitLink): SheetLayout {
  const layout = unitTabShell(unit);
  const ranges: string[] = [];
  unitTabRows(state, unit).forEach((row, r) => {
    const placed = placeRow(row, r, { create: true });
    Object.assign(layout.cells, placed.cells);
    ranges.push(...placed.inputRanges);
    layout.validations.push(...placed.validations);
    layout.merges.push(...placed.merges);
    if (row.height) layout.rowHeights![r + 1] = row.height;
  });
  layout.inputRanges = compactRanges(ranges);
  layout.validations = compactValidations(layout.validations);
  return layout;
}
