/**
 * A unit's submission events live in its own tab (review B2): "Nộp báo cáo" and "Mở lại" write only the
 * unit's tab, never the shared state part, so two units submitting at the same time in a shared workbook
 * write different cells and lose nothing. The events are one machine-readable cell the add-in owns: the
 * row of the submission stamp (code XAC_NHAN_NOP), column H, hidden and locked, e.g.
 *
 *   #NHAT_KY_NOP v1 [{"k":"submit","at":"2022-10-16T09:30:00+07:00","by":"Lan","c":null}]
 *
 * A unit's history is the union of the state part's events (older workbooks, and the summary's dating of
 * a manual "Đã nộp: Có") and its tab's, in time order. The cell keeps the newest events that fit well
 * under Excel's 32,767 characters per cell.
 */
import type { SheetGrid } from "../workbook/grid";
import type { CellSpec } from "../workbook/model";
import { adr } from "../workbook/address";
import { CODE_COLUMN, FOOTER_CODES } from "../workbook/unit-tab-schema";
import { nfc } from "../text/vietnamese";
import type { SubmissionEvent, SubmissionEventKind, WorkbookState } from "./types";

/** Column H: right of the stamp's merged cells (D:G). Hidden in every unit tab. */
export const TAB_EVENTS_COLUMN = 7;
export const TAB_EVENTS_PREFIX = "#NHAT_KY_NOP v1 ";
/** Well under Excel's 32,767 characters per cell. */
export const TAB_EVENTS_MAX_CHARS = 30_000;

const KINDS: readonly SubmissionEventKind[] = ["submit", "reopen", "manual"];

/** The 0-based row of the stamp code in column A (its first occurrence), or null. */
export function stampRowOf(grid: SheetGrid): number | null {
  const col = CODE_COLUMN - grid.origin.column;
  if (col < 0) return null;
  for (let i = 0; i < grid.values.length; i++) {
    const v = grid.values[i]?.[col];
    if (typeof v === "string" && nfc(v).trim() === FOOTER_CODES.stamp) return grid.origin.row + i;
  }
  return null;
}

/** A1 address of a tab's event cell (stamp row, column H), or null when the stamp row is gone. */
export function tabEventsCell(grid: SheetGrid): string | null {
  const row = stampRowOf(grid);
  return row === null ? null : adr(row, TAB_EVENTS_COLUMN);
}

/** The text in a tab's event cell ("" when none). */
export function tabEventsText(grid: SheetGrid, row = stampRowOf(grid)): string {
  if (row === null) return "";
  const v = grid.values[row - grid.origin.row]?.[TAB_EVENTS_COLUMN - grid.origin.column];
  return typeof v === "string" ? v : "";
}

/** The events written in a tab's event cell, for its unit; [] when there are none or they are unreadable. */
export function parseTabEvents(text: string, unitId: string): SubmissionEvent[] {
  if (!text.startsWith(TAB_EVENTS_PREFIX)) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(TAB_EVENTS_PREFIX.length));
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: SubmissionEvent[] = [];
  for (const e of raw) {
    if (typeof e !== "object" || e === null) continue;
    const { k, at, by, c } = e as Record<string, unknown>;
    if (!KINDS.includes(k as SubmissionEventKind) || typeof at !== "string") continue;
    out.push({
      unitId,
      kind: k as SubmissionEventKind,
      at,
      by: typeof by === "string" ? nfc(by) : null,
      comment: typeof c === "string" ? nfc(c) : null,
    });
  }
  return out;
}

/** The events in a unit's tab grid. */
export function tabEvents(grid: SheetGrid, unitId: string): SubmissionEvent[] {
  return parseTabEvents(tabEventsText(grid), unitId);
}

/** The cell text for these events (the newest that fit). */
export function formatTabEvents(events: SubmissionEvent[]): string {
  const items = inTimeOrder(events).map((e) => ({ k: e.kind, at: e.at, by: e.by, c: e.comment }));
  for (let from = 0; ; from++) {
    const text = TAB_EVENTS_PREFIX + JSON.stringify(items.slice(from));
    if (text.length <= TAB_EVENTS_MAX_CHARS || from >= items.length) return text;
  }
}

/** Events in time order (input order among equal or unreadable times). */
export function inTimeOrder(events: SubmissionEvent[]): SubmissionEvent[] {
  return events
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => (a.t === b.t || Number.isNaN(a.t) || Number.isNaN(b.t) ? a.i - b.i : a.t - b.t))
    .map((x) => x.e);
}

const eventKey = (e: SubmissionEvent): string =>
  JSON.stringify([e.unitId, e.kind, e.at, e.by ?? null, e.comment ?? null]);

/** Several lists of events as one: each event once, in time order. */
export function mergeEvents(...lists: SubmissionEvent[][]): SubmissionEvent[] {
  const seen = new Set<string>();
  const out: SubmissionEvent[] = [];
  for (const list of lists)
    for (const e of list) {
      const k = eventKey(e);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(e);
    }
  return inTimeOrder(out);
}

/** A unit's events: the state part's and, when its tab's grid is given, the tab's. */
export function unitEvents(state: WorkbookState, unitId: string, grid?: SheetGrid): SubmissionEvent[] {
  const fromState = state.history.filter((e) => e.unitId === unitId);
  return grid ? mergeEvents(fromState, tabEvents(grid, unitId)) : inTimeOrder(fromState);
}

/**
 * The cell that records a unit's events in its tab (`events` the whole list to keep), or null when the tab
 * has no stamp row (then the caller keeps the events in the state part).
 */
export function tabEventsCellSpec(
  grid: SheetGrid,
  events: SubmissionEvent[],
): Record<string, CellSpec> | null {
  const cell = tabEventsCell(grid);
  return cell ? { [cell]: { value: formatTabEvents(events) } } : null;
}
