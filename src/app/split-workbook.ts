/**
 * Use-case "Tạo tệp cho từng đơn vị" (the pane) / `split` (the CLI): one file per unit, holding only that
 * unit's tab (with what it typed in the shared workbook so far) and a short instruction sheet, the workbook
 * structure and the sheets protected, only the unit's input cells unlocked. The files come back through
 * `importReturnedTabs`, recognised by the unit key in the tab, like a copy of the whole workbook.
 *
 * Two round trips whatever the number of units (state + sheet list; the unit tabs' grids), one more only when
 * a unit's tab is not where the state recorded it (or the state part had to be rebuilt from the tracker). Each file is
 * handed to `write` as soon as it is laid out, so only one is held at a time (the CLI writes it to disk, the
 * pane adds it to a zip). Per-unit passwords are given here and go only into the unit's file, hashed by
 * Excel's protection; they are not kept in the workbook or returned.
 */
import { buildUnitFile, unitFilesToMake, type UnitFileLayout } from "../core/workbook/build-unit-file";
import { nfc } from "../core/text/vietnamese";
import { findUnitTabs } from "./find-unit-tabs";
import { loadWorkbookState } from "./load-workbook-state";
import type { WorkbookPort } from "./workbook-port";

export interface SplitWorkbookOptions {
  /** Password per unit id; units not in it (or with "") get no password. */
  passwords?: ReadonlyMap<string, string>;
  /** Receives each unit's file, in order; the next one is laid out once it resolves. */
  write(file: UnitFileLayout): Promise<void>;
  onProgress?(progress: { done: number; total: number; unit: string }): void;
}

export interface SplitFileItem {
  unitId: string;
  unit: string;
  fileName: string;
  /** The unit's tab was found in the workbook (its typed cells were carried into the file). */
  fromTab: boolean;
  withPassword: boolean;
}

export interface SplitWorkbookResult {
  planNumber: string | null;
  files: SplitFileItem[];
  roundTrips: number;
}

export async function splitWorkbook(
  port: WorkbookPort,
  options: SplitWorkbookOptions,
): Promise<SplitWorkbookResult> {
  const { state, overview } = await loadWorkbookState(port);
  const toMake = unitFilesToMake(state);
  // The units' tabs, checked by the key each carries (sheet ids are only hints).
  const found = await findUnitTabs(
    port,
    state,
    overview,
    toMake.map(({ unit }) => unit),
  );
  const files: SplitFileItem[] = [];
  for (const [index, { unit, fileName }] of toMake.entries()) {
    options.onProgress?.({ done: index, total: toMake.length, unit: unit.name });
    const current = found.tabs.get(unit.unitId)?.grid ?? null;
    const password = nfc(options.passwords?.get(unit.unitId) ?? "");
    await options.write(buildUnitFile(state, unit, { current, password, fileName }));
    files.push({
      unitId: unit.unitId,
      unit: unit.name,
      fileName,
      fromTab: current !== null,
      withPassword: password !== "",
    });
  }
  options.onProgress?.({ done: toMake.length, total: toMake.length, unit: "" });
  return { planNumber: state.plan.number, files, roundTrips: (overview.roundTrips ?? 1) + found.roundTrips };
}
