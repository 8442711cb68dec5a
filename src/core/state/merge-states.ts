/**
 * Several state parts of the same plan in one workbook: what co-authoring leaves when two secretaries'
 * actions (two summaries, a summary and "Cập nhật sổ") write at the same time, each replacing the parts it
 * read (review B2). They are merged, never refused: the newest (by `savedAt`) wins field by field, units
 * are kept from every part (a unit is never deleted from a state, only flagged `removed`), the histories are
 * unioned. Parts of two different plans are refused by the caller.
 */
import { mergeEvents } from "./tab-events";
import type { UnitLink, WorkbookState } from "./types";

function newestFirst(states: WorkbookState[]): WorkbookState[] {
  return states
    .map((s, i) => ({ s, i, t: Date.parse(s.savedAt ?? "") }))
    .sort((a, b) => {
      const ta = Number.isNaN(a.t) ? -Infinity : a.t;
      const tb = Number.isNaN(b.t) ? -Infinity : b.t;
      return tb - ta || b.i - a.i;
    })
    .map((x) => x.s);
}

function latest(values: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  let bestT = -Infinity;
  for (const v of values) {
    if (!v) continue;
    const t = Date.parse(v);
    if (best === null || (!Number.isNaN(t) && t > bestT)) {
      best = v;
      bestT = Number.isNaN(t) ? bestT : t;
    }
  }
  return best;
}

/** One state from several parts of the same plan (`states` non-empty, all with one planId). */
export function mergeStates(states: WorkbookState[]): WorkbookState {
  if (states.length === 1) return states[0];
  const ordered = newestFirst(states);
  const newest = ordered[0];
  const units: UnitLink[] = [...newest.units];
  const ids = new Set(units.map((u) => u.unitId));
  for (const s of ordered.slice(1))
    for (const u of s.units)
      if (!ids.has(u.unitId)) {
        ids.add(u.unitId);
        units.push(u);
      }
  return {
    ...newest,
    units,
    history: mergeEvents(...ordered.map((s) => s.history)),
    summarisedAt: latest(ordered.map((s) => s.summarisedAt)),
    savedAt: latest(ordered.map((s) => s.savedAt)),
  };
}
