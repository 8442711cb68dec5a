/** A problem found in a unit's tab: data, not an exception. Vietnamese first, English alongside. */
export type FindingSeverity = "error" | "warning" | "info";

export type FindingKind =
  | "TAB_MISSING"
  | "TAB_RENAMED"
  | "TAB_COPIED"
  | "UNIT_KEY_MISMATCH"
  | "CODE_MISSING"
  | "CODE_DUPLICATE"
  | "CODE_UNKNOWN"
  | "EXTRA_ROWS"
  | "TEXT_IN_NUMBER"
  | "NUMBER_FORMAT"
  | "NOT_A_NUMBER"
  | "NEGATIVE"
  | "NOT_INTEGER"
  | "IMPLAUSIBLE"
  | "TOO_LARGE"
  | "REQUIRED_EMPTY"
  | "STATUS_INVALID"
  | "DATE_INVALID"
  | "DATE_AFTER_DEADLINE"
  | "DATE_READ_AS"
  | "SUBMITTED_EMPTY"
  | "FORMULA_EXTERNAL"
  | "FORMULA_IN_TEXT"
  | "MERGED_INPUT"
  | "MANUAL_NO_DATE"
  | "MANUAL_BEFORE_REOPEN"
  | "LEGACY_ENCODING"
  | "STATE_REBUILT"
  | "NOT_YES_NO"
  | "ROLLUP_CHANGED";

export interface Finding {
  unitId: string;
  /** The unit's name. */
  unit: string;
  /** Sheet name, or null when the unit has no tab at all. */
  sheet: string | null;
  /** A1 address inside `sheet`, or null when the finding is about the whole tab. */
  cell: string | null;
  severity: FindingSeverity;
  kind: FindingKind;
  messageVi: string;
  messageEn: string;
}

/** Internal-workbook link target of a finding: "'Tổ 1'!D12" (or the sheet's A1). */
export function findingLocation(f: Finding): { sheet: string; cell: string } | null {
  if (!f.sheet) return null;
  return { sheet: f.sheet, cell: f.cell ?? "A1" };
}

const ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; stable otherwise. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}
