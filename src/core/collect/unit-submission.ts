/** What one unit reported, as read back from its tab (plus the submission facts from the state). */
import type { IsoDate } from "../plan/types";
import type { CellValue } from "../workbook/model";
import type { RollupSource, RollupStats } from "../rollup/rollup-block";
import type { TaskStatus } from "../workbook/unit-tab-schema";

/**
 * What a figure stands for when it is itself a total of the level below (a body's summary, imported into its
 * tab): the sum of the leaf units' figures (or the count of "Có", or the max), how many leaf units answered,
 * and how many leaf units contributed a value. An ordinary unit's figure has none: it counts as one unit.
 */
export interface ValueParts {
  numerator: number;
  denominator: number;
  units: number;
}

export interface CollectedValue {
  code: string;
  /** The value read (numbers at full precision; text NFC; dates ISO), or null when empty/unreadable. */
  value: number | string | null;
  /** The cell's raw value as the host gave it. */
  raw: CellValue;
  /** "=…" when the cell holds a formula. */
  formula: string | null;
  /** A1 address of the value cell in the unit's tab, or null when the row is missing. */
  cell: string | null;
  /**
   * True when the cell holds a real number or is blank, so the summary can link a live formula to it;
   * false when the figure had to be read out of text ("12 buổi"), where a formula would give text.
   */
  linkable: boolean;
  /**
   * Something was typed, but the checks call it an error (a negative count, a word where a number is due, a
   * formula error): `value` is null, so no total counts it, and the report lists the cell as left out.
   * A figure with only a warning ("12 buổi") is not excluded.
   */
  excluded: boolean;
  /** The level below's numerator and denominator, for a body's rolled-up figure (src/core/rollup/). */
  parts?: ValueParts;
}

export interface CollectedTask {
  ref: string;
  status: TaskStatus | null;
  /** What was typed in the status cell, when it is not one of the list. */
  statusRaw: string | null;
  completedOn: IsoDate | null;
  result: string | null;
  /** A1 addresses of the row's input cells, or null when the row is missing. */
  cells: { status: string; completedOn: string; result: string } | null;
}

export type SubmissionKind = "addin" | "manual";

export interface UnitSubmission {
  unitId: string;
  unit: string;
  /** Current sheet name and id, or null when the tab is missing. */
  sheet: string | null;
  sheetId: string | null;
  found: boolean;
  /** Indicator code → value. Every indicator of the state has an entry. */
  values: Record<string, CollectedValue>;
  tasks: CollectedTask[];
  notes: string | null;
  reporter: string | null;
  reportDate: IsoDate | null;
  /** "Đã nộp: Có" typed by the unit. */
  manualSubmitted: boolean;
  /** The stamp text in XAC_NHAN_NOP, read back. */
  stamp: { at: string; by: string | null } | null;
  reopenComment: string | null;
  /** Anything typed at all (figures, task statuses/results, notes). */
  hasContent: boolean;
  submitted: boolean;
  /** ISO timestamp (+07:00) for add-in submissions; ISO date (or timestamp) for manual ones; null if unknown. */
  submittedAt: string | null;
  submittedBy: string | null;
  submissionKind: SubmissionKind | null;
  /** Footer/info code → A1 address of its value cell (where the stamp and comments are written). */
  fieldCells: Record<string, string>;
  /** A body below's tab: the summary it sent up (multi-level roll-up, src/core/rollup/rollup-block.ts). */
  rollup?: { source: RollupSource; stats: RollupStats };
}
