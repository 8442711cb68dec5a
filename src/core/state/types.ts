import type { Plan, IsoDate } from "../plan/types";
import type { Indicator } from "../workbook/indicators";

/** A unit that has (or had) an input tab. */
export interface UnitLink {
  /** Stable id, never reused ("u1", "u2" …). */
  unitId: string;
  name: string;
  /** The plan's group the unit came from, e.g. "Các tổ chức đoàn thể", or null. */
  group: string | null;
  /** Host sheet id; the tab is found by id first, by name second. */
  sheetId: string | null;
  sheetName: string;
  /** Task refs this unit must report on. */
  taskRefs: string[];
  /** The unit's reporting deadline (earliest of its tasks), ISO. */
  deadline: IsoDate | null;
  /** True when the unit is no longer in the plan: its tab is kept and flagged. */
  removed: boolean;
  // No password here: a per-unit password is typed when the unit files are made (split) and never kept in
  // the workbook, not even hashed (Excel's own protection hash is the only trace, inside the unit's file).
}

export type SubmissionEventKind = "submit" | "reopen" | "manual";

export interface SubmissionEvent {
  unitId: string;
  kind: SubmissionEventKind;
  /** ISO timestamp with offset, Asia/Ho_Chi_Minh (+07:00). */
  at: string;
  by: string | null;
  comment: string | null;
}

/** Everything the add-in keeps in the workbook, in one custom XML part of our namespace. */
export interface WorkbookState {
  layoutVersion: number;
  /** Stable id of this plan's workbook; a returned file from another plan has another id. */
  planId: string;
  plan: Plan;
  indicators: Indicator[];
  units: UnitLink[];
  trackerSheet: { sheetId: string | null; sheetName: string };
  summarySheet: { sheetId: string | null; sheetName: string } | null;
  history: SubmissionEvent[];
  /** ISO timestamp of the last summary, if any. */
  summarisedAt: string | null;
  /**
   * When the secretary's action that wrote this state ran (ISO, +07:00): when a shared workbook holds
   * several parts of the same plan (two summaries at once), the newest wins field by field (merge-states.ts).
   */
  savedAt?: string | null;
}

export const STATE_NAMESPACE = "urn:tong-hop-bao-cao:state";
