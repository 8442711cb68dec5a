/**
 * Read one unit's tab and check it in one pass: rows are found by their codes in column A (anywhere),
 * columns are fixed per block (unit-tab-schema.ts). Returns the submission and the findings.
 */
import type { WorkbookState, UnitLink, SubmissionEvent } from "../state/types";
import type { Indicator } from "../workbook/indicators";
import type { SheetGrid } from "../workbook/grid";
import type { CellValue } from "../workbook/model";
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
import { adr, parseRange } from "../workbook/address";
import { foldVietnamese, nfc } from "../text/vietnamese";
import { displayDate } from "../tracking/hcm-time";
import type { Finding, FindingKind, FindingSeverity } from "./finding";
import type { CollectedTask, CollectedValue, UnitSubmission } from "./unit-submission";
import { GridView, formulaSheetRefs } from "./grid-view";
import { parseVietnameseNumber, formatVietnameseNumber } from "./parse-number";
import { parseCellDate } from "./parse-date";
import { parseStamp } from "./stamp";

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

/** Events of this unit, in time order. */
function eventsOf(state: WorkbookState, unitId: string): SubmissionEvent[] {
  return state.history
    .filter((e) => e.unitId === unitId)
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => (a.t === b.t || Number.isNaN(a.t) || Number.isNaN(b.t) ? a.i - b.i : a.t - b.t))
    .map((x) => x.e);
}

export function emptySubmission(unit: UnitLink, state: WorkbookState): UnitSubmission {
  const values: Record<string, CollectedValue> = {};
  for (const ind of state.indicators) {
    values[ind.code] = { code: ind.code, value: null, raw: null, formula: null, cell: null, linkable: false };
  }
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

  const submission = emptySubmission(unit, state);
  submission.sheet = sheet;
  submission.sheetId = grid.sheetId;
  submission.found = true;

  // 1. Index column A.
  const codeRows = new Map<string, number[]>();
  for (let r = view.startRow; r < view.endRow; r++) {
    const code = view.text(r, CODE_COLUMN);
    if (code === "") continue;
    const rows = codeRows.get(code);
    if (rows) rows.push(r);
    else codeRows.set(code, [r]);
  }

  const expected = new Set<string>([
    ...Object.values(MARKERS),
    ...Object.values(INFO_CODES),
    ...Object.values(FOOTER_CODES),
    ...state.indicators.map((i) => i.code),
    ...unit.taskRefs.map((ref) => `${TASK_CODE_PREFIX}${ref}`),
  ]);
  let lastCodeRow = -1;
  for (const [code, rows] of codeRows) {
    if (expected.has(code)) lastCodeRow = Math.max(lastCodeRow, ...rows);
  }

  /** Row of a code; findings for missing and duplicated codes. */
  const rowOf = (
    code: string,
    whatVi: string,
    whatEn: string,
    severity: FindingSeverity = "error",
  ): number | null => {
    const rows = codeRows.get(code);
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

  /** Displayed value of an input cell, with checks on formulas. */
  const readInput = (
    row: number,
    column: number,
    textField: boolean,
  ): { raw: CellValue; formula: string | null } => {
    const raw = view.value(row, column);
    const formula = view.formula(row, column);
    const cell = adr(row, column);
    if (formula) {
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
    return { raw, formula };
  };

  const textOf = (raw: CellValue): string | null => {
    if (raw === null) return null;
    const t = nfc(String(raw)).trim();
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
  for (const ind of state.indicators) {
    const row = rowOf(ind.code, `chỉ tiêu "${ind.name}"`, `indicator "${ind.name}"`);
    if (row === null) continue;
    const cell = adr(row, INDICATOR_COLUMNS.value);
    const { raw, formula } = readInput(row, INDICATOR_COLUMNS.value, ind.type === "text");
    const cv = readIndicatorValue(ind, raw, cell, (sev, kind, vi, en) => add(cell, sev, kind, vi, en));
    submission.values[ind.code] = {
      code: ind.code,
      value: cv.value,
      raw,
      formula,
      cell,
      linkable: cv.linkable,
    };
    const note = textOf(readInput(row, INDICATOR_COLUMNS.note, true).raw);
    if (note) indicatorNotes.push(`${ind.name}: ${note}`);
  }

  // 4. Tasks.
  const tasks: CollectedTask[] = [];
  for (const ref of unit.taskRefs) {
    const planTask = state.plan.tasks.find((t) => t.ref === ref);
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
    const statusText = textOf(readInput(row, TASK_COLUMNS.status, true).raw);
    let status: TaskStatus | null = null;
    let statusRaw: string | null = null;
    if (statusText) {
      status = TASK_STATUSES.find((s) => foldVietnamese(s) === foldVietnamese(statusText)) ?? null;
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
    const dateIn = readInput(row, TASK_COLUMNS.completedOn, false);
    const parsed = parseCellDate(dateIn.raw);
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
    const result = textOf(readInput(row, TASK_COLUMNS.result, true).raw);
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
  for (const code of Object.values(INFO_CODES)) {
    const rows = codeRows.get(code);
    if (rows?.length) submission.fieldCells[code] = adr(rows[0], FIELD_VALUE_COLUMN);
  }

  const ownNotes = notesRow === null ? null : textOf(readInput(notesRow, FIELD_VALUE_COLUMN, true).raw);
  const allNotes = [...(ownNotes ? [ownNotes] : []), ...indicatorNotes];
  submission.notes = allNotes.length ? allNotes.join("\n") : null;
  submission.reporter =
    reporterRow === null ? null : textOf(readInput(reporterRow, FIELD_VALUE_COLUMN, true).raw);
  if (dateRow !== null) {
    const p = parseCellDate(readInput(dateRow, FIELD_VALUE_COLUMN, false).raw);
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
    Object.values(submission.values).some((v) => v.value !== null || (v.raw !== null && v.raw !== "")) ||
    tasks.some(
      (t) => t.status !== null || t.statusRaw !== null || t.completedOn !== null || t.result !== null,
    ) ||
    submission.notes !== null;

  // 6. Submission facts: the state's history first, then the stamp in the tab, then "Đã nộp: Có".
  const events = eventsOf(state, unit.unitId);
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
  } else if (submission.manualSubmitted) {
    const lastReopen = last?.kind === "reopen" ? Date.parse(last.at) : -Infinity;
    const manualEvent = [...events]
      .reverse()
      .find((e) => e.kind === "manual" && Date.parse(e.at) > lastReopen);
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
      for (const ind of state.indicators) {
        const v = submission.values[ind.code];
        if (ind.required && v.cell && v.value === null && (v.raw === null || v.raw === "")) {
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
  for (const [code, rows] of codeRows) {
    if (!expected.has(code) && isCode(code) && !code.startsWith("#")) {
      add(
        adr(rows[0], CODE_COLUMN),
        "warning",
        "CODE_UNKNOWN",
        `Mã lạ "${code}" ở cột A (dòng ${rows[0] + 1}): mã có thể đã bị sửa; dòng này không được tổng hợp.`,
        `Unknown code "${code}" in column A (row ${rows[0] + 1}): it may have been edited; the row is not collected.`,
      );
    }
  }

  return { submission, findings };
}

type Report = (severity: FindingSeverity, kind: FindingKind, vi: string, en: string) => void;

/** The value of one indicator cell, by the indicator's type, with its findings. */
export function readIndicatorValue(
  ind: Indicator,
  raw: CellValue,
  cell: string,
  report: Report,
): { value: number | string | null; linkable: boolean } {
  const label = `"${ind.name}" (${cell})`;
  if (raw === null || raw === "") return { value: null, linkable: true };
  if (typeof raw === "string" && FORMULA_ERROR.test(raw.trim())) {
    report(
      "error",
      "NOT_A_NUMBER",
      `Ô ${label} có lỗi công thức ${raw.trim()}: hãy nhập lại số liệu.`,
      `Cell ${label} shows the formula error ${raw.trim()}: type the figure again.`,
    );
    return { value: null, linkable: false };
  }
  if (ind.type === "text") return { value: nfc(String(raw)).trim() || null, linkable: false };
  if (ind.type === "date") {
    const p = parseCellDate(raw);
    if (p.issue)
      report(
        p.issue.severity,
        p.issue.kind,
        `${label}: ${p.issue.messageVi}`,
        `${label}: ${p.issue.messageEn}`,
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
      `${label}: "${String(raw)}" không phải là số.`,
      `${label}: "${String(raw)}" is not a number.`,
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
        `${label}: ${p.issue.messageVi}`,
        `${label}: ${p.issue.messageEn}`,
      );
  }
  if (value === null) return { value: null, linkable };
  const shown = formatVietnameseNumber(value);
  if (value < 0) {
    report(
      "error",
      "NEGATIVE",
      `${label}: số âm (${shown}) không hợp lệ.`,
      `${label}: a negative figure (${value}) is not valid.`,
    );
  } else if (ind.type === "integer" && !Number.isInteger(value)) {
    report(
      "warning",
      "NOT_INTEGER",
      `${label}: ${shown} không phải số nguyên (${ind.unit}).`,
      `${label}: ${value} is not a whole number (${ind.unit}).`,
    );
  }
  const limit = ind.plausibleMax ?? HUGE_VALUE;
  if (Math.abs(value) > limit) {
    report(
      "warning",
      "IMPLAUSIBLE",
      `${label}: ${shown} ${ind.unit} lớn bất thường (quá ${formatVietnameseNumber(limit)}); kiểm tra lại.`,
      `${label}: ${value} ${ind.unit} is implausibly large (over ${limit}); please check.`,
    );
  }
  return { value, linkable };
}
