/**
 * Read one unit's tab and check it in one pass: rows are found by their codes in column A (anywhere),
 * columns are fixed per block (unit-tab-schema.ts). Returns the submission and the findings.
 *
 * Hot path (bench: collect + aggregate 1000 tabs × 100 indicators < 100 ms): what tabs share is worked out
 * once per workbook (analyseContext); per cell, text is normalised only when not ASCII and message text is
 * built only for a finding.
 */
import type { WorkbookState, UnitLink, SubmissionEvent } from "../state/types";
import type { Indicator } from "../workbook/indicators";
import type { SheetGrid } from "../workbook/grid";
import type { CellValue } from "../workbook/model";
import { readRollupBlock, rollupParts, ROLLUP_CODE_LIST, ROLLUP_CODES } from "../rollup/rollup-block";
import {
  CODE_COLUMN,
  MARKERS,
  TASK_CODE_PREFIX,
  TASK_COLUMNS,
  TASK_STATUSES,
  INDICATOR_COLUMNS,
  FIELD_VALUE_COLUMN,
  INFO_CODES,
  FOOTER_CODES,
  unitKeyValue,
  type TaskStatus,
} from "../workbook/unit-tab-schema";
import { adr, columnLetter, parseRange } from "../workbook/address";
import { foldVietnamese } from "../text/vietnamese";
import { displayDate, localDateOf } from "../tracking/hcm-time";
import { manualCountsAfterReopen } from "../workbook/submission-lock";
import { isRequiredFor, unitTopics } from "../workbook/indicator-catalogue";
import type { Finding, FindingKind, FindingSeverity } from "./finding";
import type { CollectedTask, CollectedValue, UnitSubmission } from "./unit-submission";
import { GridView, formulaSheetRefs, nfcCell } from "./grid-view";
import { convertLegacyValue, LEGACY_ENCODING_NAMES } from "../text/legacy-encoding";
import { parseVietnameseNumber, formatVietnameseNumber } from "./parse-number";
import { parseCellDate } from "./parse-date";
import { parseStamp } from "./stamp";
import { TAB_EVENTS_COLUMN, inTimeOrder, mergeEvents, parseTabEvents } from "../state/tab-events";

export interface AnalyseOptions {
  /** Checking before a submission: required indicators must be filled, an empty tab is refused. */
  submitting?: boolean;
}

export interface UnitTabAnalysis {
  submission: UnitSubmission;
  findings: Finding[];
}

/** Values above this are implausible for any count or amount typed by a unit (warning). */
export const HUGE_VALUE = 1e12;

const FORMULA_ERROR = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!)/;

function isCode(text: string): boolean {
  return /^(#[A-Z_]+|NV:\S+|[A-Z][A-Z0-9_]*|[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)+)$/.test(text);
}

const INFO_CODE_LIST: readonly string[] = Object.values(INFO_CODES);
const VALUE_LETTER = columnLetter(INDICATOR_COLUMNS.value);
const FOLDED_STATUSES: readonly string[] = TASK_STATUSES.map((s) => foldVietnamese(s));

/**
 * What every unit of one workbook shares, worked out once per collection instead of once per tab:
 * the codes a tab is expected to hold, the plan's tasks by ref and each unit's submission history.
 */
export interface AnalyseContext {
  state: WorkbookState;
  /** Markers, info and footer codes, and every indicator code (task codes are per unit). */
  expectedCodes: Set<string>;
  /** The plan's task by ref (the first one when a ref repeats). */
  taskByRef: Map<string, WorkbookState["plan"]["tasks"][number]>;
  /** Unit id → its events in time order. */
  eventsByUnit: Map<string, SubmissionEvent[]>;
  /**
   * Every indicator code as a key, in the indicators' order, to copy per unit: a copy shares the object's
   * shape, so filling it in is a plain write per code instead of growing a 100-key object one key at a time.
   */
  valuesTemplate: Record<string, CollectedValue>;
  /** A1 address of the indicator value cell by row, shared by the tabs (they share their layout). */
  valueCells: string[];
}

export function analyseContext(state: WorkbookState): AnalyseContext {
  const expectedCodes = new Set<string>([
    ...Object.values(MARKERS),
    ...INFO_CODE_LIST,
    ...Object.values(FOOTER_CODES),
    ...state.indicators.map((i) => i.code),
    ...ROLLUP_CODE_LIST,
  ]);
  const taskByRef = new Map<string, WorkbookState["plan"]["tasks"][number]>();
  for (const t of state.plan.tasks) if (!taskByRef.has(t.ref)) taskByRef.set(t.ref, t);
  const grouped = new Map<string, SubmissionEvent[]>();
  for (const e of state.history) {
    const list = grouped.get(e.unitId);
    if (list) list.push(e);
    else grouped.set(e.unitId, [e]);
  }
  const eventsByUnit = new Map<string, SubmissionEvent[]>();
  for (const [unitId, list] of grouped) eventsByUnit.set(unitId, inTimeOrder(list));
  // Built in one go (not key by key), so the engine keeps it as a fixed shape that copies share.
  // Its entries are values already (not null), so writing a unit's values keeps the shape as it is.
  const valuesTemplate: Record<string, CollectedValue> = Object.fromEntries(
    state.indicators.map((i) => [i.code, emptyValue(i.code)]),
  );
  return { state, expectedCodes, taskByRef, eventsByUnit, valuesTemplate, valueCells: [] };
}

function emptyValue(code: string): CollectedValue {
  return { code, value: null, raw: null, formula: null, cell: null, linkable: false, excluded: false };
}

export function emptySubmission(unit: UnitLink, state: WorkbookState, withValues = true): UnitSubmission {
  const values: Record<string, CollectedValue> = {};
  if (withValues) for (const ind of state.indicators) values[ind.code] = emptyValue(ind.code);
  return {
    unitId: unit.unitId,
    unit: unit.name,
    sheet: null,
    sheetId: null,
    found: false,
    values,
    tasks: unit.taskRefs.map((ref) => ({
      ref,
      status: null,
      statusRaw: null,
      completedOn: null,
      result: null,
      cells: null,
    })),
    notes: null,
    reporter: null,
    reportDate: null,
    manualSubmitted: false,
    stamp: null,
    reopenComment: null,
    hasContent: false,
    submitted: false,
    submittedAt: null,
    submittedBy: null,
    submissionKind: null,
    fieldCells: {},
  };
}

export function analyseUnitTab(
  grid: SheetGrid,
  unit: UnitLink,
  state: WorkbookState,
  options: AnalyseOptions = {},
): UnitTabAnalysis {
  return analyseUnitTabIn(analyseContext(state), grid, unit, options);
}

/** `analyseUnitTab` with the workbook's shared lookups already worked out (see `analyseContext`). */
export function analyseUnitTabIn(
  context: AnalyseContext,
  grid: SheetGrid,
  unit: UnitLink,
  options: AnalyseOptions = {},
): UnitTabAnalysis {
  const state = context.state;
  const view = new GridView(grid);
  const sheet = grid.name;
  const findings: Finding[] = [];
  const add = (cell: string | null, severity: FindingSeverity, kind: FindingKind, vi: string, en: string) =>
    findings.push({
      unitId: unit.unitId,
      unit: unit.name,
      sheet,
      cell,
      severity,
      kind,
      messageVi: vi,
      messageEn: en,
    });

  const submission = emptySubmission(unit, state, false);
  // Every key is written below, in the indicators' order (the template's order), before it is read.
  const values = { ...context.valuesTemplate };
  submission.values = values;
  submission.sheet = sheet;
  submission.sheetId = grid.sheetId;
  submission.found = true;

  // 1. Index column A in one pass (text as GridView.text reads it): the first row of each code, in the
  // order codes first appear, and every row only for codes that appear more than once.
  const taskCodes = new Set(unit.taskRefs.map((ref) => `${TASK_CODE_PREFIX}${ref}`));
  const isExpected = (code: string) => context.expectedCodes.has(code) || taskCodes.has(code);
  const firstRow = new Map<string, number>();
  const repeatedRows = new Map<string, number[]>();
  let lastCodeRow = -1;
  const gridRows = grid.values;
  const codeIndex = CODE_COLUMN - grid.origin.column;
  for (let i = 0; i < gridRows.length; i++) {
    const v = gridRows[i]?.[codeIndex];
    if (v === undefined || v === null) continue;
    const code = (typeof v === "string" ? nfcCell(v) : String(v)).trim();
    if (code === "") continue;
    const r = grid.origin.row + i;
    const first = firstRow.get(code);
    if (first === undefined) firstRow.set(code, r);
    else {
      const rows = repeatedRows.get(code);
      if (rows) rows.push(r);
      else repeatedRows.set(code, [first, r]);
    }
    if (isExpected(code)) lastCodeRow = r;
  }
  /** Every row holding a code, top to bottom. */
  const rowsOf = (code: string): number[] | undefined => {
    const rows = repeatedRows.get(code);
    if (rows) return rows;
    const first = firstRow.get(code);
    return first === undefined ? undefined : [first];
  };

  /** Row of a code; findings for missing and duplicated codes. */
  const rowOf = (
    code: string,
    whatVi: string,
    whatEn: string,
    severity: FindingSeverity = "error",
  ): number | null => {
    const rows = rowsOf(code);
    if (!rows || rows.length === 0) {
      add(
        null,
        severity,
        "CODE_MISSING",
        `Không thấy dòng ${whatVi} (mã ${code} ở cột A): dòng có thể đã bị xoá hoặc mã ở cột A đã bị sửa. Hãy khôi phục dòng hoặc tạo lại trang.`,
        `Row for ${whatEn} (code ${code} in column A) not found: the row may have been deleted or its code in column A edited. Restore the row or recreate the tab.`,
      );
      return null;
    }
    if (rows.length > 1) {
      const cells = rows.map((r) => adr(r, CODE_COLUMN));
      add(
        cells[1],
        "error",
        "CODE_DUPLICATE",
        `Mã ${code} (${whatVi}) xuất hiện ${rows.length} lần (${cells.join(", ")}): khối bị sao chép? Chỉ lấy dòng ${rows[0] + 1}; hãy xoá dòng thừa.`,
        `Code ${code} (${whatEn}) appears ${rows.length} times (${cells.join(", ")}): a copied block? Only row ${rows[0] + 1} is used; delete the extra rows.`,
      );
    }
    return rows[0];
  };
  /** The row of a code found exactly once (no finding to make), else undefined. */
  const singleRow = (code: string): number | undefined =>
    repeatedRows.has(code) ? undefined : firstRow.get(code);

  /** The formula of an input cell, with its findings (a formula reaching outside, a formula in text). */
  const checkFormula = (row: number, column: number, textField: boolean, at?: string): string | null => {
    const formula = view.formula(row, column);
    if (formula) {
      const cell = at ?? adr(row, column);
      const refs = formulaSheetRefs(formula);
      const outside = refs.external || refs.sheets.some((s) => s !== sheet);
      if (outside) {
        add(
          cell,
          "warning",
          "FORMULA_EXTERNAL",
          `Ô ${cell} là công thức lấy số từ ngoài trang này (${formula}): số liệu của đơn vị phải nhập trực tiếp. Đã dùng giá trị hiện tại.`,
          `Cell ${cell} is a formula that takes its value from outside this tab (${formula}): a unit's figures must be typed in. Its current value was used.`,
        );
      } else if (textField) {
        add(
          cell,
          "warning",
          "FORMULA_IN_TEXT",
          `Ô ${cell} chứa công thức (${formula}) thay vì chữ: chỉ lấy phần chữ hiển thị, không chạy công thức.`,
          `Cell ${cell} holds a formula (${formula}) instead of text: only the displayed text is taken; the formula is not run.`,
        );
      }
    }
    return formula;
  };

  /** Displayed value of an input cell, with checks on formulas. */
  const readRaw = (row: number, column: number, textField: boolean): CellValue => {
    const raw = view.value(row, column);
    checkFormula(row, column, textField);
    return raw;
  };

  /** Text typed in a TCVN3 or VNI font: read as Unicode, with a note at its cell. */
  const unicodeOf = (raw: CellValue, cell: string): CellValue => {
    if (typeof raw !== "string") return raw;
    const converted = convertLegacyValue(nfcCell(raw));
    if (!converted.encoding) return raw;
    const name = LEGACY_ENCODING_NAMES[converted.encoding];
    add(
      cell,
      "info",
      "LEGACY_ENCODING",
      `Chữ ở ô ${cell} gõ bằng bảng mã ${name}, đã chuyển sang Unicode: "${converted.text}".`,
      `The text in ${cell} was typed in the legacy ${name} code and was converted to Unicode: "${converted.text}".`,
    );
    return converted.text;
  };

  const textOf = (raw: CellValue, cell?: string): string | null => {
    if (raw === null) return null;
    if (cell !== undefined) raw = unicodeOf(raw, cell);
    // Numbers and booleans print as ASCII, which is NFC already.
    const t = (typeof raw === "string" ? nfcCell(raw) : String(raw)).trim();
    return t === "" ? null : t;
  };

  // 2. Info block: is this the unit's own tab?
  const keyRow = rowOf(INFO_CODES.unitKey, "mã đơn vị", "the unit key", "warning");
  if (keyRow !== null) {
    const key = view.text(keyRow, FIELD_VALUE_COLUMN);
    const want = unitKeyValue(unit.unitId, state.planId);
    if (key !== want) {
      add(
        adr(keyRow, FIELD_VALUE_COLUMN),
        "error",
        "UNIT_KEY_MISMATCH",
        `Trang "${sheet}" mang mã "${key}" không phải của đơn vị "${unit.name}" (${want}): trang bị thay bằng trang khác?`,
        `Tab "${sheet}" carries the key "${key}", not that of unit "${unit.name}" (${want}): was the tab replaced by another one?`,
      );
    }
  }

  // 3. Indicators.
  const indicatorNotes: string[] = [];
  /** Some indicator holds a value or anything typed (what `hasContent` asks of the values). */
  let anyValue = false;
  let reportCell = "";
  const reportAtCell: Report = (sev, kind, vi, en) => add(reportCell, sev, kind, vi, en);
  // A body below's tab (multi-level roll-up): its figures are totals of its units, with their parts.
  const rolledUp = firstRow.has(ROLLUP_CODES.head) ? readRollupBlock(grid) : null;
  const partsByCode = rolledUp ? rollupParts(rolledUp.block) : null;
  if (rolledUp) submission.rollup = { source: rolledUp.block.source, stats: rolledUp.block.stats };
  for (const ind of state.indicators) {
    const row = singleRow(ind.code) ?? rowOf(ind.code, `chỉ tiêu "${ind.name}"`, `indicator "${ind.name}"`);
    if (row === null) {
      values[ind.code] = emptyValue(ind.code);
      continue;
    }
    const cell = (context.valueCells[row] ??= `${VALUE_LETTER}${row + 1}`);
    const typed = view.value(row, INDICATOR_COLUMNS.value);
    const raw = ind.type === "text" ? unicodeOf(typed, cell) : typed;
    const formula = checkFormula(row, INDICATOR_COLUMNS.value, ind.type === "text", cell);
    let value: number | string | null;
    let linkable: boolean;
    let excluded = false;
    const part = partsByCode?.get(ind.code);
    if (part && part.value !== null) {
      if (sameFigure(raw, part.value)) {
        anyValue = true;
        values[ind.code] = {
          code: ind.code,
          value: part.value,
          raw,
          formula,
          cell,
          linkable: typeof part.value === "number",
          excluded: false,
          parts: { numerator: part.numerator, denominator: part.denominator, units: part.units },
        };
        continue;
      }
      add(
        cell,
        "warning",
        "ROLLUP_CHANGED",
        `Ô ${cell} (${ind.name}) đã bị sửa khác số liệu cấp dưới gửi lên (${String(part.value)}): lấy số đã sửa như số của một đơn vị.`,
        `Cell ${cell} (${ind.name}) was changed from the figure the level below sent (${String(part.value)}): the changed figure counts as one unit's.`,
      );
    }
    if (isPlainFigure(ind, raw)) {
      // What readIndicatorValue gives for a figure with nothing to report, without its result object.
      value = raw;
      linkable = true;
    } else {
      reportCell = cell;
      const cv = readIndicatorValue(ind, raw, cell, reportAtCell);
      value = cv.value;
      linkable = cv.linkable;
      excluded = cv.excluded;
    }
    if (value !== null || (raw !== null && raw !== "")) anyValue = true;
    values[ind.code] = { code: ind.code, value, raw, formula, cell, linkable, excluded };
    const note = textOf(readRaw(row, INDICATOR_COLUMNS.note, true), adr(row, INDICATOR_COLUMNS.note));
    if (note) indicatorNotes.push(`${ind.name}: ${note}`);
  }

  // 4. Tasks.
  const tasks: CollectedTask[] = [];
  for (const ref of unit.taskRefs) {
    const planTask = context.taskByRef.get(ref);
    const row = rowOf(`${TASK_CODE_PREFIX}${ref}`, `nhiệm vụ ${ref}`, `task ${ref}`);
    if (row === null) {
      tasks.push({ ref, status: null, statusRaw: null, completedOn: null, result: null, cells: null });
      continue;
    }
    const cells = {
      status: adr(row, TASK_COLUMNS.status),
      completedOn: adr(row, TASK_COLUMNS.completedOn),
      result: adr(row, TASK_COLUMNS.result),
    };
    const statusText = textOf(readRaw(row, TASK_COLUMNS.status, true), cells.status);
    let status: TaskStatus | null = null;
    let statusRaw: string | null = null;
    if (statusText) {
      const folded = foldVietnamese(statusText);
      const at = FOLDED_STATUSES.indexOf(folded);
      status = at >= 0 ? TASK_STATUSES[at] : null;
      if (!status) {
        statusRaw = statusText;
        add(
          cells.status,
          "error",
          "STATUS_INVALID",
          `Trạng thái "${statusText}" không có trong danh sách (${TASK_STATUSES.join(", ")}).`,
          `Status "${statusText}" is not one of the list (${TASK_STATUSES.join(", ")}).`,
        );
      }
    }
    const parsed = parseCellDate(readRaw(row, TASK_COLUMNS.completedOn, false));
    if (parsed.issue) {
      add(
        cells.completedOn,
        parsed.issue.severity,
        parsed.issue.kind,
        `Ngày hoàn thành: ${parsed.issue.messageVi}`,
        `Completion date: ${parsed.issue.messageEn}`,
      );
    }
    const deadline = planTask?.deadline ?? null;
    if (parsed.value && deadline && parsed.value > deadline) {
      add(
        cells.completedOn,
        "warning",
        "DATE_AFTER_DEADLINE",
        `Ngày hoàn thành ${displayDate(parsed.value)} sau hạn ${displayDate(deadline)} của nhiệm vụ ${ref}.`,
        `Completion date ${parsed.value} is after the deadline ${deadline} of task ${ref}.`,
      );
    }
    const result = textOf(readRaw(row, TASK_COLUMNS.result, true), cells.result);
    tasks.push({ ref, status, statusRaw, completedOn: parsed.value, result, cells });
  }
  submission.tasks = tasks;

  // 5. Footer.
  const field = (code: string, vi: string, en: string): number | null => {
    const row = rowOf(code, vi, en);
    if (row !== null) submission.fieldCells[code] = adr(row, FIELD_VALUE_COLUMN);
    return row;
  };
  const notesRow = field(FOOTER_CODES.notes, "ghi chú", "notes");
  const reporterRow = field(FOOTER_CODES.reporter, "người báo cáo", "reporter");
  const dateRow = field(FOOTER_CODES.reportDate, "ngày báo cáo", "report date");
  const manualRow = field(FOOTER_CODES.manualSubmitted, "đã nộp", "submitted");
  const stampRow = field(FOOTER_CODES.stamp, "xác nhận nộp", "submission stamp");
  const reopenRow = field(FOOTER_CODES.reopenComment, "ý kiến mở lại", "reopening comment");
  for (const code of INFO_CODE_LIST) {
    const first = firstRow.get(code);
    if (first !== undefined) submission.fieldCells[code] = adr(first, FIELD_VALUE_COLUMN);
  }

  const ownNotes =
    notesRow === null
      ? null
      : textOf(readRaw(notesRow, FIELD_VALUE_COLUMN, true), adr(notesRow, FIELD_VALUE_COLUMN));
  const allNotes = [...(ownNotes ? [ownNotes] : []), ...indicatorNotes];
  submission.notes = allNotes.length ? allNotes.join("\n") : null;
  submission.reporter =
    reporterRow === null
      ? null
      : textOf(readRaw(reporterRow, FIELD_VALUE_COLUMN, true), adr(reporterRow, FIELD_VALUE_COLUMN));
  if (dateRow !== null) {
    const p = parseCellDate(readRaw(dateRow, FIELD_VALUE_COLUMN, false));
    if (p.issue) {
      add(
        adr(dateRow, FIELD_VALUE_COLUMN),
        p.issue.severity,
        p.issue.kind,
        `Ngày báo cáo: ${p.issue.messageVi}`,
        `Report date: ${p.issue.messageEn}`,
      );
    }
    submission.reportDate = p.value;
  }
  if (manualRow !== null) {
    const t = view.text(manualRow, FIELD_VALUE_COLUMN);
    submission.manualSubmitted = t !== "" && foldVietnamese(t) === "co";
  }
  if (stampRow !== null) {
    const t = view.text(stampRow, FIELD_VALUE_COLUMN);
    submission.stamp = t ? parseStamp(t) : null;
  }
  if (reopenRow !== null) submission.reopenComment = textOf(view.value(reopenRow, FIELD_VALUE_COLUMN));

  submission.hasContent =
    anyValue ||
    tasks.some(
      (t) => t.status !== null || t.statusRaw !== null || t.completedOn !== null || t.result !== null,
    ) ||
    submission.notes !== null;

  // 6. Submission facts: the events (the state part's and the tab's own), then the stamp, then "Đã nộp: Có".
  const stateEvents = context.eventsByUnit.get(unit.unitId) ?? [];
  const logText = stampRow === null ? "" : view.text(stampRow, TAB_EVENTS_COLUMN);
  const events = logText ? mergeEvents(stateEvents, parseTabEvents(logText, unit.unitId)) : stateEvents;
  const last = [...events].reverse().find((e) => e.kind === "submit" || e.kind === "reopen");
  if (last?.kind === "submit") {
    Object.assign(submission, {
      submitted: true,
      submittedAt: last.at,
      submittedBy: last.by,
      submissionKind: "addin",
    });
  } else if (!last && submission.stamp) {
    Object.assign(submission, {
      submitted: true,
      submittedAt: submission.stamp.at,
      submittedBy: submission.stamp.by,
      submissionKind: "addin",
    });
  } else if (submission.manualSubmitted && !manualCountsAfterReopen(submission.reportDate, last ?? null)) {
    // A "Có" from before the last "Mở lại" (the reopen leaves the unit's cell as typed): not a submission
    // until the unit types a report date on or after the reopen (see manualCountsAfterReopen).
    const reopenedOn = displayDate(localDateOf(last!.at)!);
    add(
      dateRow !== null ? adr(dateRow, FIELD_VALUE_COLUMN) : adr(manualRow!, FIELD_VALUE_COLUMN),
      "info",
      "MANUAL_BEFORE_REOPEN",
      `Trang đã được mở lại ngày ${reopenedOn}: "Đã nộp: Có" chỉ được tính khi "Ngày báo cáo" từ ngày ${reopenedOn} trở đi. Nộp lại thì ghi ngày báo cáo mới (hoặc bấm "Nộp báo cáo").`,
      `The tab was reopened on ${reopenedOn}: "Submitted: Yes" counts only with a report date on or after ${reopenedOn}. To resubmit, update the report date (or use "Submit report").`,
    );
  } else if (submission.manualSubmitted) {
    const lastReopen = last?.kind === "reopen" ? Date.parse(last.at) : -Infinity;
    // The first time a summary saw the "Có" (two summaries at once may each have dated it).
    const manualEvent = events.find((e) => e.kind === "manual" && Date.parse(e.at) > lastReopen);
    Object.assign(submission, {
      submitted: true,
      submittedAt: submission.reportDate ?? manualEvent?.at ?? null,
      submittedBy: submission.reporter,
      submissionKind: "manual",
    });
    if (!submission.reportDate && manualRow !== null) {
      add(
        dateRow !== null ? adr(dateRow, FIELD_VALUE_COLUMN) : adr(manualRow, FIELD_VALUE_COLUMN),
        "warning",
        "MANUAL_NO_DATE",
        `Đơn vị ghi "Đã nộp: Có" nhưng chưa ghi ngày báo cáo: tính ngày nộp là lúc tổng hợp phát hiện.`,
        `The unit marked "Submitted: Yes" without a report date: the submission is dated when the summary first saw it.`,
      );
    }
  }

  // 7. Required and empty, once submitted (or being submitted).
  if (submission.submitted || options.submitting) {
    if (!submission.hasContent) {
      const at =
        submission.fieldCells[FOOTER_CODES.stamp] ??
        submission.fieldCells[FOOTER_CODES.manualSubmitted] ??
        null;
      add(
        options.submitting ? null : at,
        "error",
        "SUBMITTED_EMPTY",
        options.submitting
          ? `Trang "${sheet}" chưa có số liệu hay kết quả nào: chưa thể nộp.`
          : `Trang "${sheet}" được đánh dấu đã nộp nhưng không có số liệu hay kết quả nào.`,
        options.submitting
          ? `Tab "${sheet}" has no figures or results yet: it cannot be submitted.`
          : `Tab "${sheet}" is marked as submitted but holds no figures or results.`,
      );
    } else {
      // Required of this unit: a topic's indicator only where the unit's own tasks are about that topic.
      const topics = unitTopics(state.plan, unit);
      for (const ind of state.indicators) {
        const v = submission.values[ind.code];
        if (v.cell && v.value === null && (v.raw === null || v.raw === "") && isRequiredFor(ind, topics)) {
          add(
            v.cell,
            "error",
            "REQUIRED_EMPTY",
            `Chưa nhập chỉ tiêu bắt buộc "${ind.name}" (${ind.unit}).`,
            `Required indicator "${ind.name}" (${ind.unit}) is empty.`,
          );
        }
      }
    }
  }

  // 8. Merged cells over the input area, when the host reports merges.
  if (grid.merges?.length) {
    const inputs = new Set<string>([
      ...Object.values(submission.values).flatMap((v) => (v.cell ? [v.cell] : [])),
      ...tasks.flatMap((t) => (t.cells ? [t.cells.status, t.cells.completedOn, t.cells.result] : [])),
      ...[
        FOOTER_CODES.notes,
        FOOTER_CODES.reporter,
        FOOTER_CODES.reportDate,
        FOOTER_CODES.manualSubmitted,
      ].flatMap((c) => (submission.fieldCells[c] ? [submission.fieldCells[c]] : [])),
    ]);
    for (const merge of grid.merges) {
      const r = parseRange(merge);
      const hit: string[] = [];
      for (let row = r.start.row; row <= r.end.row && hit.length < 50; row++) {
        for (let col = r.start.column; col <= r.end.column; col++)
          if (inputs.has(adr(row, col))) hit.push(adr(row, col));
      }
      const spansInput =
        hit.length > 1 ||
        (hit.length === 1 && (r.start.row !== r.end.row || r.start.column !== r.end.column));
      if (spansInput) {
        add(
          merge.split(":")[0],
          "warning",
          "MERGED_INPUT",
          `Vùng ${merge} bị gộp ô đè lên ô nhập liệu (${hit.join(", ")}): chỉ đọc được ô đầu; hãy bỏ gộp ô.`,
          `Range ${merge} is merged over input cells (${hit.join(", ")}): only its first cell can be read; unmerge it.`,
        );
      }
    }
  }

  // 9. Anything typed below the tab's last row is not collected: say so once.
  if (lastCodeRow >= 0) {
    let count = 0;
    let first = -1;
    for (let r = lastCodeRow + 1; r < view.endRow; r++) {
      if (!view.isEmptyRow(r)) {
        count++;
        if (first < 0) first = r;
      }
    }
    if (count > 0) {
      add(
        adr(first, 0),
        "info",
        "EXTRA_ROWS",
        `Có ${formatVietnameseNumber(count)} dòng có dữ liệu ngoài mẫu (từ dòng ${first + 1}): không được tổng hợp.`,
        `${count} row(s) with data outside the template (from row ${first + 1}): not collected.`,
      );
    }
  }
  for (const [code, first] of firstRow) {
    if (!isExpected(code) && isCode(code) && !code.startsWith("#")) {
      add(
        adr(first, CODE_COLUMN),
        "warning",
        "CODE_UNKNOWN",
        `Mã lạ "${code}" ở cột A (dòng ${first + 1}): mã có thể đã bị sửa; dòng này không được tổng hợp.`,
        `Unknown code "${code}" in column A (row ${first + 1}): it may have been edited; the row is not collected.`,
      );
    }
  }

  return { submission, findings };
}

/**
 * A number cell readIndicatorValue takes as it is, with no finding: a finite figure, not negative, whole
 * when the indicator counts, within the plausible limit.
 */
function isPlainFigure(ind: Indicator, raw: CellValue): raw is number {
  return (
    typeof raw === "number" &&
    ind.type !== "text" &&
    ind.aggregation !== "yesno" &&
    ind.type !== "date" &&
    Number.isFinite(raw) &&
    raw >= 0 &&
    (ind.type !== "integer" || Number.isInteger(raw)) &&
    raw <= (ind.plausibleMax ?? HUGE_VALUE)
  );
}

function indicatorLabel(ind: Indicator, cell: string): string {
  return `"${ind.name}" (${cell})`;
}

type Report = (severity: FindingSeverity, kind: FindingKind, vi: string, en: string) => void;

/**
 * The value of one indicator cell, by the indicator's type, with its findings. A value the checks call an
 * error is `excluded`: its value is null, so it is in no total (`figureCounts` is the same rule for a
 * number cell, as the summary sheet's live formulas apply it).
 */
export function readIndicatorValue(
  ind: Indicator,
  raw: CellValue,
  cell: string,
  report: Report,
): { value: number | string | null; linkable: boolean; excluded: boolean } {
  let error = false;
  const result = readIndicatorValueChecked(ind, raw, cell, (severity, kind, vi, en) => {
    if (severity === "error") error = true;
    report(severity, kind, vi, en);
  });
  return error
    ? { value: null, linkable: result.linkable, excluded: raw !== null && raw !== "" }
    : { ...result, excluded: false };
}

const YES_WORDS = new Set(["co", "yes", "x", "1"]);
const NO_WORDS = new Set(["khong", "no", "0"]);

/** A yes/no cell: "Có" or "Không" (any case or accents, or yes/no, x, 1/0); anything else is an error. */
function readYesNo(
  ind: Indicator,
  raw: CellValue,
  cell: string,
  report: Report,
): { value: string | null; linkable: boolean } {
  const text = nfcCell(String(raw)).trim();
  const folded = foldVietnamese(text);
  if (YES_WORDS.has(folded)) return { value: "Có", linkable: false };
  if (NO_WORDS.has(folded)) return { value: "Không", linkable: false };
  report(
    "error",
    "NOT_YES_NO",
    `${indicatorLabel(ind, cell)}: "${text}" — hãy chọn Có hoặc Không.`,
    `${indicatorLabel(ind, cell)}: "${text}" — choose Có (yes) or Không (no).`,
  );
  return { value: null, linkable: false };
}

/** A rolled-up figure still as the import wrote it (numbers as doubles, text NFC and trimmed). */
function sameFigure(raw: CellValue, written: number | string): boolean {
  if (typeof written === "number") return typeof raw === "number" && raw === written;
  return typeof raw === "string" && nfcCell(raw).trim() === nfcCell(written).trim();
}

/** A number typed in an indicator cell counts in the totals unless it is negative (an error). */
export function figureCounts(value: number): boolean {
  return value >= 0;
}

function readIndicatorValueChecked(
  ind: Indicator,
  raw: CellValue,
  cell: string,
  report: Report,
): { value: number | string | null; linkable: boolean } {
  // Labels and formatted figures are built only when a finding needs them.
  if (raw === null || raw === "") return { value: null, linkable: true };
  if (typeof raw === "string" && FORMULA_ERROR.test(raw.trim())) {
    report(
      "error",
      "NOT_A_NUMBER",
      `Ô ${indicatorLabel(ind, cell)} có lỗi công thức ${raw.trim()}: hãy nhập lại số liệu.`,
      `Cell ${indicatorLabel(ind, cell)} shows the formula error ${raw.trim()}: type the figure again.`,
    );
    return { value: null, linkable: false };
  }
  if (ind.aggregation === "yesno") return readYesNo(ind, raw, cell, report);
  if (ind.type === "text") return { value: nfcCell(String(raw)).trim() || null, linkable: false };
  if (ind.type === "date") {
    const p = parseCellDate(raw);
    if (p.issue)
      report(
        p.issue.severity,
        p.issue.kind,
        `${indicatorLabel(ind, cell)}: ${p.issue.messageVi}`,
        `${indicatorLabel(ind, cell)}: ${p.issue.messageEn}`,
      );
    return { value: p.value, linkable: false };
  }
  let value: number | null;
  let linkable = true;
  if (typeof raw === "number") {
    value = Number.isFinite(raw) ? raw : null;
  } else if (typeof raw === "boolean") {
    report(
      "error",
      "NOT_A_NUMBER",
      `${indicatorLabel(ind, cell)}: "${String(raw)}" không phải là số.`,
      `${indicatorLabel(ind, cell)}: "${String(raw)}" is not a number.`,
    );
    return { value: null, linkable: false };
  } else {
    linkable = false;
    const p = parseVietnameseNumber(raw);
    value = p.value;
    if (p.issue)
      report(
        p.issue.severity,
        p.issue.kind,
        `${indicatorLabel(ind, cell)}: ${p.issue.messageVi}`,
        `${indicatorLabel(ind, cell)}: ${p.issue.messageEn}`,
      );
  }
  if (value === null) return { value: null, linkable };
  if (!figureCounts(value)) {
    report(
      "error",
      "NEGATIVE",
      `${indicatorLabel(ind, cell)}: số âm (${formatVietnameseNumber(value)}) không hợp lệ.`,
      `${indicatorLabel(ind, cell)}: a negative figure (${value}) is not valid.`,
    );
  } else if (ind.type === "integer" && !Number.isInteger(value)) {
    report(
      "warning",
      "NOT_INTEGER",
      `${indicatorLabel(ind, cell)}: ${formatVietnameseNumber(value)} không phải số nguyên (${ind.unit}).`,
      `${indicatorLabel(ind, cell)}: ${value} is not a whole number (${ind.unit}).`,
    );
  }
  const limit = ind.plausibleMax ?? HUGE_VALUE;
  if (Math.abs(value) > limit) {
    report(
      "warning",
      "IMPLAUSIBLE",
      `${indicatorLabel(ind, cell)}: ${formatVietnameseNumber(value)} ${ind.unit} lớn bất thường (quá ${formatVietnameseNumber(limit)}); kiểm tra lại.`,
      `${indicatorLabel(ind, cell)}: ${value} ${ind.unit} is implausibly large (over ${limit}); please check.`,
    );
  }
  return { value, linkable };
}
