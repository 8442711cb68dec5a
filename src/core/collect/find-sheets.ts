/**
 * Finding our sheets when sheet ids are only hints (review B1). Excel keeps a worksheet's id within a
 * session; another session or host may number the sheets again (by tab position) or give new ids, and the
 * file adapter's ids are the file's sheet numbers, which other programs renumber. So a recorded id is
 * accepted only when the sheet it names proves to be the right one — a unit's tab carries the unit's key
 * (MA_DON_VI = unitId@planId), the tracker and the summary their codes in column A. Otherwise the sheet is
 * found by its recorded name (unless it carries another key or role), then by the key among every sheet read.
 *
 * The callers read the grids of `candidateSheetIds` first; when a unit is still not found and some sheets
 * were not read, they read those too (one more round trip, only then).
 */
import type { UnitLink, WorkbookState } from "../state/types";
import type { SheetGrid, SheetInfo } from "../workbook/grid";
import { CODE_COLUMN, INFO_CODES, unitKeyValue } from "../workbook/unit-tab-schema";
import { FIELD_VALUE_COLUMN } from "../workbook/unit-tab-schema";
import { TRACKER_CODES } from "../workbook/build-tracker";
import { SUMMARY_CODES } from "../summary/build-summary-layout";
import { caseKey, nfc } from "../text/vietnamese";

export type SheetRole = "tracker" | "summary" | "unit" | "empty" | "other";

interface GridFacts {
  role: SheetRole;
  /** The MA_DON_VI value, for a unit tab. */
  key: string | null;
}

const factsCache = new WeakMap<SheetGrid, GridFacts>();

/** What a grid is, from its codes in column A (computed once per grid). */
export function gridFacts(grid: SheetGrid): GridFacts {
  const cached = factsCache.get(grid);
  if (cached) return cached;
  let role: SheetRole = "other";
  let key: string | null = null;
  let anything = false;
  let trackerHeader = false;
  let trackerUnits = false;
  let summary = false;
  const col = CODE_COLUMN - grid.origin.column;
  for (let i = 0; i < grid.values.length; i++) {
    const row = grid.values[i];
    if (!anything && row?.some((v) => v !== null && v !== "" && v !== undefined)) anything = true;
    const v = col >= 0 ? row?.[col] : undefined;
    if (typeof v !== "string") continue;
    const code = nfc(v).trim();
    if (code === INFO_CODES.unitKey && key === null) {
      const k = row[FIELD_VALUE_COLUMN - grid.origin.column];
      key = k === null || k === undefined ? "" : nfc(String(k)).trim();
    } else if (code === TRACKER_CODES.header) trackerHeader = true;
    else if (code === TRACKER_CODES.units) trackerUnits = true;
    else if (code === SUMMARY_CODES.timestamp) summary = true;
  }
  // A unit tab carries its key; the tracker its header and unit table; the summary its timestamp row.
  if (key !== null) role = "unit";
  else if (summary) role = "summary";
  else if (trackerHeader && trackerUnits) role = "tracker";
  else if (!anything) role = "empty";
  const facts = { role, key };
  factsCache.set(grid, facts);
  return facts;
}

/** The ids and names recorded for our sheets: the sheets worth reading to find them. */
export function candidateSheetIds(
  state: WorkbookState,
  sheets: SheetInfo[],
  units = state.units,
  options: { ownSheets?: boolean } = {},
): string[] {
  const byName = new Map<string, SheetInfo>();
  for (const s of sheets) if (!byName.has(caseKey(s.name))) byName.set(caseKey(s.name), s);
  const ids = new Set(sheets.map((s) => s.id));
  const out = new Set<string>();
  const add = (sheetId: string | null, name: string | null) => {
    if (sheetId && ids.has(sheetId)) out.add(sheetId);
    const named = name ? byName.get(caseKey(name)) : undefined;
    if (named) out.add(named.id);
  };
  if (options.ownSheets !== false) {
    add(state.trackerSheet.sheetId, state.trackerSheet.sheetName);
    if (state.summarySheet) add(state.summarySheet.sheetId, state.summarySheet.sheetName);
  }
  for (const u of units) if (!u.removed) add(u.sheetId, u.sheetName);
  return [...out];
}

/** Indexes of the sheets and the read grids, shared by the lookups of one workbook. */
export class SheetIndex {
  private readonly byId = new Map<string, SheetInfo>();
  private readonly byName = new Map<string, SheetInfo>();
  private readonly gridById: Map<string, SheetGrid>;
  private byKey: Map<string, SheetInfo> | null = null;

  constructor(
    readonly sheets: SheetInfo[],
    grids: SheetGrid[] | Map<string, SheetGrid>,
  ) {
    for (const s of sheets) {
      if (!this.byId.has(s.id)) this.byId.set(s.id, s);
      const k = caseKey(s.name);
      if (!this.byName.has(k)) this.byName.set(k, s);
    }
    this.gridById = grids instanceof Map ? grids : new Map(grids.map((g) => [g.sheetId, g]));
  }

  grid(id: string): SheetGrid | undefined {
    return this.gridById.get(id);
  }

  /** Sheets whose grid was not read. */
  unread(): SheetInfo[] {
    return this.sheets.filter((s) => !this.gridById.has(s.id));
  }

  facts(id: string): GridFacts | null {
    const g = this.gridById.get(id);
    return g ? gridFacts(g) : null;
  }

  private keyIndex(): Map<string, SheetInfo> {
    if (!this.byKey) {
      this.byKey = new Map();
      for (const s of this.sheets) {
        const f = this.facts(s.id);
        if (f?.key && !this.byKey.has(f.key)) this.byKey.set(f.key, s);
      }
    }
    return this.byKey;
  }

  /**
   * A unit's tab: the sheet of its recorded id when that carries the unit's key; else the sheet carrying
   * its key; else the sheet of its recorded name when that carries no key (nor is the tracker or the
   * summary); else an empty sheet at its recorded id (a tab whose creation was cut short). Sheets in
   * `claimed` are skipped.
   */
  unitSheet(unit: UnitLink, planId: string, claimed: ReadonlySet<string> = new Set()): SheetInfo | null {
    const want = unitKeyValue(unit.unitId, planId);
    const free = (x: SheetInfo | undefined): x is SheetInfo => x !== undefined && !claimed.has(x.id);
    const byId = unit.sheetId ? this.byId.get(unit.sheetId) : undefined;
    if (free(byId) && this.facts(byId.id)?.key === want) return byId;
    const byKey = this.keyIndex().get(want);
    if (free(byKey)) return byKey;
    // No sheet carries the key: a sheet under its name that carries no key (its key row deleted, or not
    // read), then an empty sheet at its recorded id (a tab whose creation was cut short).
    const byName = unit.sheetName ? this.byName.get(caseKey(unit.sheetName)) : undefined;
    if (free(byName)) {
      const f = this.facts(byName.id);
      if (!f || f.role === "empty" || (f.role === "other" && f.key === null)) return byName;
    }
    if (free(byId) && this.facts(byId.id)?.role === "empty") return byId;
    return null;
  }

  /**
   * The tracker or the summary: its recorded id's sheet when it has that role; else its recorded name's when
   * it has that role (or, with `acceptEmpty`, is empty); null otherwise.
   */
  ownSheet(
    role: "tracker" | "summary",
    ref: { sheetId: string | null; sheetName: string } | null,
    options: { acceptEmpty?: boolean; claimed?: ReadonlySet<string> } = {},
  ): SheetInfo | null {
    if (!ref) return null;
    const ok = (s: SheetInfo | undefined): s is SheetInfo => {
      if (!s || options.claimed?.has(s.id)) return false;
      const f = this.facts(s.id);
      return f !== null && (f.role === role || (options.acceptEmpty === true && f.role === "empty"));
    };
    const byId = ref.sheetId ? this.byId.get(ref.sheetId) : undefined;
    if (ok(byId)) return byId;
    const byName = this.byName.get(caseKey(ref.sheetName));
    return ok(byName) ? byName : null;
  }

  /**
   * Every live unit's tab, claimed in turn: ids that prove right first (so no name lookup steals them),
   * then names and keys; last, for reporting only (`namesLast`), a sheet under the unit's name that carries
   * another key (analysis then says the tab was replaced).
   */
  unitSheets(state: WorkbookState, options: { namesLast?: boolean } = {}): Map<string, SheetInfo | null> {
    const claimed = new Set<string>();
    const out = new Map<string, SheetInfo | null>();
    const live = state.units.filter((u) => !u.removed);
    // First the units whose recorded id proves right, then the others.
    for (const u of live) {
      const byId = u.sheetId ? this.byId.get(u.sheetId) : undefined;
      const f = byId ? this.facts(byId.id) : null;
      if (byId && f?.key === unitKeyValue(u.unitId, state.planId) && !claimed.has(byId.id)) {
        claimed.add(byId.id);
        out.set(u.unitId, byId);
      }
    }
    for (const u of live) {
      if (out.has(u.unitId)) continue;
      const s = this.unitSheet(u, state.planId, claimed);
      if (s) {
        claimed.add(s.id);
        out.set(u.unitId, s);
      }
    }
    if (options.namesLast)
      for (const u of live) {
        if (out.has(u.unitId)) continue;
        const s = this.byName.get(caseKey(u.sheetName));
        if (s && !claimed.has(s.id)) {
          claimed.add(s.id);
          out.set(u.unitId, s);
        }
      }
    return new Map(live.map((u) => [u.unitId, out.get(u.unitId) ?? null]));
  }
}
