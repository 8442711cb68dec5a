/**
 * The contract between the unit-tab layout (build) and collection (read back).
 * Rows are found by the code in column A, never by fixed address; columns are fixed per table.
 * Column indexes are 0-based (0 = A).
 */
export const CODE_COLUMN = 0;

/** Markers in column A that open each block. */
export const MARKERS = {
  info: "#THONG_TIN",
  tasks: "#NHIEM_VU",
  indicators: "#CHI_TIEU",
  footer: "#CHUNG",
} as const;

/** Task rows: code `NV:<ref>`. */
export const TASK_CODE_PREFIX = "NV:";
export const TASK_COLUMNS = {
  text: 1, // B  owned: the task as written
  deadline: 2, // C  owned: dd/mm/yyyy
  reportTo: 3, // D  owned
  status: 4, // E  input: one of TASK_STATUSES
  completedOn: 5, // F  input: date
  result: 6, // G  input: free text
} as const;

export const TASK_STATUSES = ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Indicator rows: code = Indicator.code. */
export const INDICATOR_COLUMNS = {
  name: 1, // B owned
  unit: 2, // C owned (đơn vị tính)
  value: 3, // D input
  note: 4, // E input
} as const;

/** Single-value rows (info and footer): label in B, value in D. */
export const FIELD_LABEL_COLUMN = 1;
export const FIELD_VALUE_COLUMN = 3;

/** Info rows, owned by the add-in. `MA_DON_VI` holds `${unitId}@${planId}` to recognise the tab in returned files. */
export const INFO_CODES = {
  unitKey: "MA_DON_VI",
  unitName: "DON_VI",
  plan: "KE_HOACH",
  deadline: "HAN_NOP",
  reportTo: "BAO_CAO_VE",
} as const;

/** Footer rows. Input: notes, reporter, report date, manual "Đã nộp". Owned: stamp and reopen comment. */
export const FOOTER_CODES = {
  notes: "GHI_CHU",
  reporter: "NGUOI_BAO_CAO",
  reportDate: "NGAY_BAO_CAO",
  manualSubmitted: "DA_NOP",
  stamp: "XAC_NHAN_NOP",
  reopenComment: "Y_KIEN_MO_LAI",
} as const;

export const MANUAL_SUBMITTED_CHOICES = ["Có", "Không"] as const;

/** What a unit chooses in the cell of a yes/no indicator (aggregation "yesno"). */
export const YES_NO_CHOICES = ["Có", "Không"] as const;

export function unitKeyValue(unitId: string, planId: string): string {
  return `${unitId}@${planId}`;
}
