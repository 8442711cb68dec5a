/**
 * The tracker sheet ("Kế hoạch"): the plan header (number, date, place, issuer, title), the task table
 * (STT, nhiệm vụ, đơn vị thực hiện, hạn, báo cáo về) and the unit table (đơn vị, tab with an internal link,
 * hạn nộp, nộp lúc, tình trạng). Owned entirely by the add-in: protected, rewritten on every run.
 * Rows carry codes in column A like unit tabs: task rows `NV:<ref>`, unit rows the unit id ("u1").
 */
import type { Plan } from "../plan/types";
import type { UnitLink, WorkbookState } from "../state/types";
import { nfc } from "../text/vietnamese";
import { displayDateOrTime } from "../tracking/hcm-time";
import { adr, sheetRef } from "./address";
import { DATE_FORMAT, isoToSerial } from "./dates";
import type { SheetGrid } from "./grid";
import type { CellSpec, CellStyle, SheetLayout } from "./model";
import { planLabel } from "./build-unit-tab";
import {
  base,
  codeStyle,
  headerStyle,
  noteStyle,
  ownedStyle,
  REMOVED_COLOR,
  TAB_COLOR_TRACKER,
} from "./styles";
import { CODE_COLUMN, TASK_CODE_PREFIX } from "./unit-tab-schema";
import { BACKUP_COLUMN, stateBackupCells } from "../state/state-backup";

/** What the tracking core tells the tracker about one unit (issue 8). */
export interface TrackerUnitRow {
  unitId: string;
  /** When the unit submitted: ISO timestamp (shown as dd/mm/yyyy hh:mm in Hồ Chí Minh time) or display text. */
  submittedAt: string | null;
  /** "Đúng hạn", "Trễ hạn 2 ngày", "Chưa nộp", "Chưa đến hạn" … */
  status: string;
  tone?: "ok" | "late" | "missing" | "pending";
}

export const TRACKER_CODES = {
  tasks: "#NHIEM_VU",
  units: "#DON_VI",
  header: "#TIEU_DE",
} as const;

/** Columns of the tracker (0-based). A holds codes. */
export const TRACKER_COLUMNS = {
  no: 1,
  taskText: 2,
  taskUnits: 3,
  taskDeadline: 4,
  taskReportTo: 5,
  unitName: 2,
  unitSheet: 3,
  unitDeadline: 4,
  unitSubmittedAt: 5,
  unitStatus: 6,
} as const;

export const TRACKER_COLUMN_WIDTHS = [5, 7, 50, 26, 13, 20, 22];
const LAST = TRACKER_COLUMN_WIDTHS.length - 1;

const TONE_FILL: Record<NonNullable<TrackerUnitRow["tone"]>, string> = {
  ok: "#C6EFCE",
  late: "#FFEB9C",
  missing: "#FFC7CE",
  pending: "#F2F2F2",
};

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** ISO timestamp → "16/10/2022 09:30" in Hồ Chí Minh time, ISO date → "16/10/2022"; other text is kept. */
export function displayTimestamp(text: string): string {
  return displayDateOrTime(text);
}

/** "Sơn La, ngày 12 tháng 10 năm 2022" (days 1–9 and months 1–2 with a leading zero). */
export function placeAndDate(plan: Plan): string {
  if (!plan.issuedOn) return plan.place ? `${plan.place}, ngày … tháng … năm …` : "";
  const [y, m, d] = plan.issuedOn.split("-").map(Number);
  const date = `ngày ${pad(d)} tháng ${m <= 2 ? pad(m) : m} năm ${y}`;
  return plan.place ? `${nfc(plan.place)}, ${date}` : date.charAt(0).toUpperCase() + date.slice(1);
}

function merge(layout: SheetLayout, r: number, c1: number, c2: number, cell: CellSpec): void {
  layout.cells[adr(r, c1)] = cell;
  for (let c = c1 + 1; c <= c2; c++) layout.cells[adr(r, c)] = { value: "", style: cell.style };
  if (c2 > c1) layout.merges.push(`${adr(r, c1)}:${adr(r, c2)}`);
}

function trackingCells(
  row: TrackerUnitRow | undefined,
  unit: UnitLink | null,
): { at: CellSpec; status: CellSpec } {
  const style: CellStyle = { ...ownedStyle, hAlign: "center" };
  if (unit?.removed)
    return {
      at: { value: row?.submittedAt ? displayTimestamp(row.submittedAt) : "", style },
      status: { value: "Đã bỏ khỏi kế hoạch", style: { ...style, fontColor: REMOVED_COLOR, italic: true } },
    };
  if (!row) return { at: { value: "", style }, status: { value: "", style } };
  return {
    at: { value: row.submittedAt ? displayTimestamp(nfc(row.submittedAt)) : "", style },
    status: { value: nfc(row.status), style: row.tone ? { ...style, fill: TONE_FILL[row.tone] } : style },
  };
}

function dateSpec(iso: string | null): CellSpec {
  return iso
    ? { value: isoToSerial(iso), style: { ...ownedStyle, numberFormat: DATE_FORMAT, hAlign: "center" } }
    : { value: "", style: ownedStyle };
}

export function buildTrackerLayout(state: WorkbookState, tracking?: TrackerUnitRow[]): SheetLayout {
  const plan = state.plan;
  const layout: SheetLayout = {
    key: "tracker",
    role: "tracker",
    name: state.trackerSheet.sheetName,
    cells: {},
    merges: [],
    columnWidths: [...TRACKER_COLUMN_WIDTHS],
    // The codes of column A (neither shown nor printed), and the copy of the state for programs that drop
    // custom XML parts (core/state/state-backup.ts).
    hiddenColumns: [CODE_COLUMN, BACKUP_COLUMN],
    rowHeights: {},
    inputRanges: [],
    validations: [],
    freeze: undefined,
    print: { paper: "A4", orientation: "portrait", fitToWidth: true },
    protection: { protect: true },
    tabColor: TAB_COLOR_TRACKER,
  };
  const C = TRACKER_COLUMNS;
  const cap = (t: string | null) => (t ? nfc(t).toLocaleUpperCase("vi") : "");
  const center: CellStyle = { ...base, hAlign: "center", wrap: true };

  // Header: issuing body left, national/party line right; number; place and date; kind; title.
  layout.cells[adr(0, CODE_COLUMN)] = { value: TRACKER_CODES.header, style: codeStyle };
  // With a parent body: parent, then the issuer in bold; without: the issuer, then Party documents' "*".
  const [line1, line2]: CellSpec[] = plan.parentBody
    ? [
        { value: cap(plan.parentBody), style: center },
        { value: cap(plan.issuer), style: { ...center, bold: true } },
      ]
    : [
        { value: cap(plan.issuer), style: { ...center, bold: true } },
        { value: plan.style === "party" ? "*" : "", style: center },
      ];
  merge(layout, 0, 1, 3, line1);
  merge(layout, 0, 4, LAST, {
    value: plan.style === "state" ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "ĐẢNG CỘNG SẢN VIỆT NAM",
    style: { ...center, bold: true },
  });
  merge(layout, 1, 1, 3, line2);
  merge(layout, 1, 4, LAST, {
    value: plan.style === "state" ? "Độc lập - Tự do - Hạnh phúc" : "",
    style: { ...center, bold: true },
  });
  merge(layout, 2, 1, 3, { value: plan.number ? `Số ${plan.number}` : "", style: center });
  merge(layout, 2, 4, LAST, { value: placeAndDate(plan), style: { ...center, italic: true } });
  merge(layout, 4, 1, LAST, {
    value: cap(plan.kind ?? "Kế hoạch"),
    style: { ...center, bold: true, fontSize: 14 },
  });
  merge(layout, 5, 1, LAST, { value: nfc(plan.title ?? ""), style: { ...center, bold: true } });
  layout.rowHeights![6] = Math.max(20, Math.ceil(Array.from(plan.title ?? "").length / 110) * 17 + 4);
  const summary = plan.summary;
  merge(layout, 6, 1, LAST, {
    value:
      `Sổ theo dõi ${planLabel(plan).replace(/^./, (c) => c.toLocaleLowerCase("vi"))}` +
      (summary?.deadline
        ? `; báo cáo tổng hợp hoàn thành trước ngày ${summary.deadline.split("-").reverse().join("/")}` +
          (summary.reportTo ? ` (về ${summary.reportTo})` : "")
        : "") +
      ".",
    style: noteStyle,
  });

  // Task table.
  let r = 8;
  layout.cells[adr(r, CODE_COLUMN)] = { value: TRACKER_CODES.tasks, style: codeStyle };
  const taskHeads: [number, string][] = [
    [C.no, "STT"],
    [C.taskText, "Nhiệm vụ"],
    [C.taskUnits, "Đơn vị thực hiện"],
    [C.taskDeadline, "Hạn"],
    [C.taskReportTo, "Báo cáo về"],
  ];
  for (const [c, text] of taskHeads) layout.cells[adr(r, c)] = { value: text, style: headerStyle };
  layout.rowHeights![r + 1] = 30;
  for (const task of plan.tasks) {
    r++;
    const text = nfc(task.text).trim();
    layout.cells[adr(r, CODE_COLUMN)] = { value: `${TASK_CODE_PREFIX}${task.ref}`, style: codeStyle };
    layout.cells[adr(r, C.no)] = { value: task.ref, style: { ...ownedStyle, hAlign: "center" } };
    layout.cells[adr(r, C.taskText)] = { value: text, style: ownedStyle };
    layout.cells[adr(r, C.taskUnits)] = {
      value: task.isSummary ? `${task.units.join("; ")} (tổng hợp)` : task.units.join("; "),
      style: ownedStyle,
    };
    layout.cells[adr(r, C.taskDeadline)] = dateSpec(task.deadline);
    layout.cells[adr(r, C.taskReportTo)] = { value: task.reportTo ?? "", style: ownedStyle };
    layout.rowHeights![r + 1] = Math.max(1, Math.ceil(Array.from(text).length / 48)) * 16 + 4;
  }

  // Unit table.
  r += 2;
  layout.cells[adr(r, CODE_COLUMN)] = { value: TRACKER_CODES.units, style: codeStyle };
  const unitHeads: [number, string][] = [
    [C.no, "STT"],
    [C.unitName, "Đơn vị"],
    [C.unitSheet, "Trang báo cáo (bấm để mở)"],
    [C.unitDeadline, "Hạn nộp"],
    [C.unitSubmittedAt, "Nộp lúc"],
    [C.unitStatus, "Tình trạng"],
  ];
  for (const [c, text] of unitHeads) layout.cells[adr(r, c)] = { value: text, style: headerStyle };
  layout.rowHeights![r + 1] = 30;
  const byId = new Map((tracking ?? []).map((t) => [t.unitId, t]));
  state.units.forEach((unit, i) => {
    r++;
    layout.cells[adr(r, CODE_COLUMN)] = { value: unit.unitId, style: codeStyle };
    layout.cells[adr(r, C.no)] = { value: i + 1, style: { ...ownedStyle, hAlign: "center" } };
    layout.cells[adr(r, C.unitName)] = {
      value: unit.group ? `${unit.name} (${unit.group})` : unit.name,
      style: unit.removed ? { ...ownedStyle, fontColor: REMOVED_COLOR } : ownedStyle,
    };
    layout.cells[adr(r, C.unitSheet)] = {
      value: unit.sheetName,
      link: sheetRef(unit.sheetName, "A1"),
      style: { ...ownedStyle, fontColor: "#0563C1", underline: true },
    };
    layout.cells[adr(r, C.unitDeadline)] = dateSpec(unit.deadline);
    const t = trackingCells(byId.get(unit.unitId), unit);
    layout.cells[adr(r, C.unitSubmittedAt)] = t.at;
    layout.cells[adr(r, C.unitStatus)] = t.status;
  });
  r += 2;
  merge(layout, r, 1, LAST, {
    value: "Trang này do add-in Tổng hợp báo cáo tạo và cập nhật; không sửa trực tiếp.",
    style: { ...noteStyle, fontColor: "#808080" },
  });
  Object.assign(layout.cells, stateBackupCells(state));
  return layout;
}

/**
 * The cells that refresh the last two columns of the unit table in an existing tracker, rows found by
 * the unit id in column A (so nothing else of the tracker is touched).
 */
export function trackerTrackingCells(
  grid: SheetGrid,
  state: WorkbookState,
  tracking: TrackerUnitRow[],
): Record<string, CellSpec> {
  const cells: Record<string, CellSpec> = {};
  const units = new Map(state.units.map((u) => [u.unitId, u]));
  const byId = new Map(tracking.map((t) => [t.unitId, t]));
  grid.values.forEach((row, i) => {
    const code = row[CODE_COLUMN - grid.origin.column];
    if (typeof code !== "string") return;
    const unit = units.get(code.trim());
    if (!unit) return;
    const r = grid.origin.row + i;
    const t = trackingCells(byId.get(unit.unitId), unit);
    cells[adr(r, TRACKER_COLUMNS.unitSubmittedAt)] = t.at;
    cells[adr(r, TRACKER_COLUMNS.unitStatus)] = t.status;
  });
  return cells;
}
