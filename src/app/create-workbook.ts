/**
 * "Tạo sổ" / "Cập nhật sổ": write the tracker and one input tab per unit, or bring them up to date after the
 * plan changed, never touching what a unit typed. At most 3 round trips whatever the number of units:
 *   1. state part + sheet list;
 *   2. (re-run only) the grids of our linked tabs;
 *   3. the write, state part included.
 * Sheets created on a first run get their host ids only after the write; the state is completed with them
 * in a further round trip when the budget allows (always on a first run: 1 + 1 + 1). When it does not, the
 * stored state keeps the new tabs by name and the next run links them (it reads the unlinked sheets then).
 */
import type { Plan } from "../core/plan/types";
import { newPlanId } from "../core/state/plan-id";
import { hcmTimestamp } from "../core/tracking/hcm-time";
import { stateOf } from "./load-workbook-state";
import { rebuildStateFromSheets } from "../core/state/state-backup";
import { TRACKER_SHEET_NAME } from "../core/state/create-state";
import { caseKey } from "../core/text/vietnamese";
import { SheetIndex, candidateSheetIds } from "../core/collect/find-sheets";
import { sameSheetName } from "../core/workbook/sheet-names";
import type { WorkbookState } from "../core/state/types";
import type { SheetGrid } from "../core/workbook/grid";
import type { Indicator } from "../core/workbook/indicators";
import { completeState, planWorkbookChanges, type Notice } from "../core/workbook/plan-changes";
import { gridWithCells, restoreCells } from "../core/workbook/write-conflicts";
import type { WorkbookPort } from "./workbook-port";

export const MAX_CREATE_ROUND_TRIPS = 3;

export interface CreateWorkbookInput {
  plan: Plan;
  indicators: Indicator[];
  /** Keep a known plan id (tests, re-runs); otherwise the stored one, else a new one. */
  planId?: string;
  /** For the new plan id (injected in tests). */
  now?: Date;
}

export interface CreateWorkbookResult {
  state: WorkbookState;
  notices: Notice[];
  /** Round trips to the host this run used (≤ 3). */
  roundTrips: number;
}

function planSeedText(plan: Plan): string {
  return [plan.number, plan.issuer, plan.issuedOn, plan.title].map((x) => x ?? "").join("\u0001");
}

export async function createWorkbook(
  port: WorkbookPort,
  input: CreateWorkbookInput,
): Promise<CreateWorkbookResult> {
  let roundTrips = 0;
  const overview = await port.readOverview();
  roundTrips += overview.roundTrips ?? 1;
  let previous = stateOf(overview);
  let grids: SheetGrid[] = [];
  const rebuiltNotices: Notice[] = [];
  if (!previous && overview.sheets.some((s) => caseKey(s.name).startsWith(caseKey(TRACKER_SHEET_NAME)))) {
    // No state part, but a sheet named like our tracker: another program may have dropped the part. Every
    // sheet is read (the round trip a re-run spends on its tabs) and the state rebuilt from the tracker's copy.
    grids = await port.readGrids(overview.sheets.map((s) => s.id));
    roundTrips++;
    const rebuilt = rebuildStateFromSheets(overview.sheets, grids);
    if (rebuilt) {
      previous = rebuilt.state;
      rebuiltNotices.push({
        vi: rebuilt.finding.messageVi,
        en: rebuilt.finding.messageEn,
        sheet: rebuilt.finding.sheet ?? undefined,
      });
    }
  } else if (previous) {
    // Our sheets where the state recorded them (ids and names; ids are only hints: find-sheets.ts). A
    // tracker or a unit with neither its id nor its name in the workbook may still be here under another
    // name: then every sheet is read, so the core can recognise a tab by its unit-key cell.
    const { sheets } = overview;
    const units = previous.units.map((u) => ({ ...u, removed: false }));
    const candidates = candidateSheetIds(previous, sheets, units);
    const present = (id: string | null, name: string) =>
      (id !== null && sheets.some((s) => s.id === id)) || sheets.some((s) => sameSheetName(s.name, name));
    const unresolved =
      !present(previous.trackerSheet.sheetId, previous.trackerSheet.sheetName) ||
      previous.units.some((u) => !u.removed && !present(u.sheetId, u.sheetName));
    grids = await port.readGrids(unresolved ? sheets.map((s) => s.id) : candidates);
    roundTrips++;
    // Where the recorded places proved wrong (ids renumbered and tabs renamed), search the other sheets.
    const index = new SheetIndex(sheets, grids);
    const lost = [...index.unitSheets(previous).values()].some((s) => s === null);
    if (lost && index.unread().length > 0) {
      grids = [...grids, ...(await port.readGrids(index.unread().map((s) => s.id)))];
      roundTrips++;
    }
  }

  const planId =
    input.planId ??
    previous?.planId ??
    newPlanId(planSeedText(input.plan), (input.now ?? new Date()).toISOString());
  const planned = planWorkbookChanges({
    plan: input.plan,
    indicators: input.indicators,
    previous,
    sheets: overview.sheets,
    grids,
    planId,
    savedAt: hcmTimestamp(input.now ?? new Date()),
  });
  let applied = await port.applyChanges(planned.changes);
  roundTrips += applied.roundTrips;

  // Someone typed into a row the new rows were written to, between our read and write: put back what they
  // typed and place those rows again below it (at most twice; each write is guarded the same way).
  let written = planned.changes;
  for (let attempt = 0; attempt < 2 && applied.conflicts?.length; attempt++) {
    const conflicts = applied.conflicts;
    const hit = new Set(conflicts.map((c) => c.sheetId));
    const fresh = new Map((await port.readGrids([...hit])).map((g) => [g.sheetId, g]));
    roundTrips++;
    const restore = new Map(
      written.patches
        .filter((p) => p.sheetId && hit.has(p.sheetId))
        .map((p) => [p.sheetId!, restoreCells(p, conflicts)]),
    );
    const replanned = planWorkbookChanges({
      plan: input.plan,
      indicators: input.indicators,
      previous: planned.state,
      sheets: overview.sheets,
      grids: [
        ...grids.filter((g) => !hit.has(g.sheetId)),
        ...[...fresh.values()].map((g) => gridWithCells(g, restore.get(g.sheetId) ?? {})),
      ],
      planId,
    });
    written = {
      patches: replanned.changes.patches
        .filter((p) => p.sheetId && hit.has(p.sheetId))
        .map((p) => ({ ...p, cells: { ...restore.get(p.sheetId!), ...p.cells } })),
    };
    applied = { ...(await port.applyChanges(written)), sheetIds: applied.sheetIds };
    roundTrips += applied.roundTrips;
  }

  const createdKeys = planned.changes.patches.filter((p) => p.create || !p.sheetId).map((p) => p.layout.key);
  const completed = completeState(planned.state, applied.sheetIds);
  if (createdKeys.length > 0 && roundTrips < MAX_CREATE_ROUND_TRIPS) {
    const stored = await port.applyChanges({ patches: [], stateXml: completed.stateXml });
    roundTrips += stored.roundTrips;
  }
  return { state: completed.state, notices: [...rebuiltNotices, ...planned.notices], roundTrips };
}
