/**
 * Collect every unit: find each unit's tab (find-sheets.ts: a recorded id only when the tab carries the
 * unit's key, else by name, else by key), read and check it, and flag missing, renamed and copied tabs.
 * Sheets that are not ours are ignored.
 */
import type { WorkbookState } from "../state/types";
import type { SheetGrid, SheetInfo } from "../workbook/grid";
import { CODE_COLUMN, FIELD_VALUE_COLUMN, INFO_CODES, unitKeyValue } from "../workbook/unit-tab-schema";
import { adr } from "../workbook/address";
import { caseKey } from "../text/vietnamese";
import type { Finding } from "./finding";
import type { UnitSubmission } from "./unit-submission";
import { analyseContext, analyseUnitTabIn, emptySubmission } from "./analyse-unit-tab";
import { GridView } from "./grid-view";
import { SheetIndex } from "./find-sheets";

export interface CollectedWorkbook {
  units: UnitSubmission[];
  findings: Finding[];
}

/** The unit key (MA_DON_VI value) a grid carries, if any. */
export function unitKeyOfGrid(grid: SheetGrid): { key: string; cell: string } | null {
  const view = new GridView(grid);
  for (let r = view.startRow; r < view.endRow; r++) {
    if (view.text(r, CODE_COLUMN) === INFO_CODES.unitKey) {
      return { key: view.text(r, FIELD_VALUE_COLUMN), cell: adr(r, FIELD_VALUE_COLUMN) };
    }
  }
  return null;
}

/** Names of sheets that look like Excel's copies of a unit tab ("Tổ 1 (2)"): worth reading to flag them. */
export function likelyCopies(state: WorkbookState, sheets: SheetInfo[]): SheetInfo[] {
  const names = new Set(state.units.map((u) => caseKey(u.sheetName)));
  return sheets.filter((s) => {
    const m = /^(.*) \(\d+\)$/.exec(s.name);
    return m !== null && names.has(caseKey(m[1]));
  });
}

export function collectWorkbook(
  state: WorkbookState,
  sheets: SheetInfo[],
  grids: SheetGrid[],
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  _now: Date = new Date(),
): CollectedWorkbook {
  const gridById = new Map(grids.map((g) => [g.sheetId, g]));
  const units: UnitSubmission[] = [];
  const findings: Finding[] = [];
  const linkedIds = new Set<string>();
  const context = analyseContext(state);
  // Sheet ids are hints: a tab is taken by id only when it carries the unit's key (find-sheets.ts).
  const sheetOf = new SheetIndex(sheets, gridById).unitSheets(state, { namesLast: true });

  for (const unit of state.units) {
    if (unit.removed) continue;
    const info = sheetOf.get(unit.unitId) ?? null;
    if (!info) {
      findings.push({
        unitId: unit.unitId,
        unit: unit.name,
        sheet: unit.sheetName,
        cell: null,
        severity: "error",
        kind: "TAB_MISSING",
        messageVi: `Không tìm thấy trang "${unit.sheetName}" của đơn vị "${unit.name}": trang có thể đã bị xoá. Hãy tạo lại trang cho đơn vị (Tạo sổ theo dõi).`,
        messageEn: `The tab "${unit.sheetName}" of unit "${unit.name}" was not found: it may have been deleted. Recreate the unit's tab (Create tracker).`,
      });
      units.push(emptySubmission(unit, state));
      continue;
    }
    linkedIds.add(info.id);
    if (info.name !== unit.sheetName) {
      findings.push({
        unitId: unit.unitId,
        unit: unit.name,
        sheet: info.name,
        cell: null,
        severity: "info",
        kind: "TAB_RENAMED",
        messageVi: `Trang của đơn vị "${unit.name}" đã được đổi tên từ "${unit.sheetName}" thành "${info.name}".`,
        messageEn: `The tab of unit "${unit.name}" was renamed from "${unit.sheetName}" to "${info.name}".`,
      });
    }
    const grid = gridById.get(info.id) ?? {
      sheetId: info.id,
      name: info.name,
      origin: { row: 0, column: 0 },
      values: [],
      formulas: [],
    };
    const analysis = analyseUnitTabIn(context, { ...grid, name: info.name }, unit);
    units.push(analysis.submission);
    for (const f of analysis.findings) findings.push(f);
  }

  // Copies of a unit's tab: the linked one wins.
  const ignored = new Set(
    [state.trackerSheet.sheetId, state.summarySheet?.sheetId].filter((x): x is string => !!x),
  );
  for (const grid of grids) {
    if (linkedIds.has(grid.sheetId) || ignored.has(grid.sheetId)) continue;
    const key = unitKeyOfGrid(grid);
    if (!key) continue;
    const unit = state.units.find((u) => unitKeyValue(u.unitId, state.planId) === key.key);
    if (!unit) continue;
    const linked = units.find((u) => u.unitId === unit.unitId);
    const name = sheets.find((s) => s.id === grid.sheetId)?.name ?? grid.name;
    findings.push({
      unitId: unit.unitId,
      unit: unit.name,
      sheet: name,
      cell: key.cell,
      severity: "warning",
      kind: "TAB_COPIED",
      messageVi: `Trang "${name}" là bản sao của trang đơn vị "${unit.name}": không được tổng hợp${linked?.sheet ? `; chỉ dùng trang "${linked.sheet}"` : ""}. Hãy xoá bản sao hoặc chép số liệu vào trang chính.`,
      messageEn: `Tab "${name}" is a copy of unit "${unit.name}"'s tab: it is not collected${linked?.sheet ? `; only "${linked.sheet}" is used` : ""}. Delete the copy or move its figures into the main tab.`,
    });
  }
  return { units, findings };
}
