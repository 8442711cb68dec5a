/**
 * Use-case: bring units' tabs back from the .xlsx copies they returned (by e-mail or Zalo) into the
 * secretary's workbook. The CLI's `import` and the task pane's "Nhập tệp đơn vị gửi lại" both call it.
 *
 * A returned tab is recognised by its MA_DON_VI cell (`unitId@planId`) and, when the file still holds it,
 * the state part's planId — never by the file name. A file of another plan, of a newer layout, or whose
 * tab cannot be mapped row by row (codes in column A) is refused with a clear message. A tab already
 * submitted in the workbook is not overwritten without `force`. Only the input cells of the unit's tab
 * are copied (found by code, so a tab whose rows moved still maps); the add-in's own cells are untouched.
 * A formula the unit typed in an input cell comes in as its value; the message names the cell and formula.
 */
import type { WorkbookPort } from "./workbook-port";
import { loadWorkbookState } from "./load-workbook-state";
import { analyseUnitTab } from "../core/collect/analyse-unit-tab";
import { unitKeyOfGrid } from "../core/collect/collect-workbook";
import { findUnitTabs } from "./find-unit-tabs";
import { StateVersionError } from "../core/errors";
import { parseState, serializeState } from "../core/state/serialize-state";
import type { UnitLink, WorkbookState } from "../core/state/types";
import { adr, parseRange } from "../core/workbook/address";
import { buildUnitTabLayout } from "../core/workbook/build-unit-tab";
import type { SheetGrid } from "../core/workbook/grid";
import type { CellSpec, CellValue, SheetPatch } from "../core/workbook/model";
import { CODE_COLUMN, INFO_CODES, MARKERS } from "../core/workbook/unit-tab-schema";
import { GridView } from "../core/collect/grid-view";
import { firstRowByCode } from "../core/workbook/plan-changes";

/** The file's name without its folder (a path from the CLI, a plain name from the pane). */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

export type ImportOutcome = "imported" | "refused" | "skipped";

export interface ImportItem {
  file: string;
  /** Sheet in the returned file. */
  sheet: string | null;
  unit: string | null;
  outcome: ImportOutcome;
  /** Input cells written into the workbook. */
  cells: number;
  messageVi: string;
  messageEn: string;
}

export interface ReturnedFile {
  file: string;
  port: WorkbookPort;
}

/**
 * What the returned cell holds, as a literal (a formula's computed value; never a formula: the message
 * names each such cell).
 */
function literalAt(view: GridView, row: number, column: number): CellValue {
  const v = view.value(row, column);
  return v === undefined || v === "" ? null : v;
}

interface MappedCells {
  cells: Record<string, CellSpec>;
  changed: number;
  /** Codes of the workbook's tab that the returned tab lacks. */
  missingCodes: string[];
  /** Input cells written from a formula in the returned tab (its value was taken, not the formula). */
  formulas: FormulaTaken[];
}

interface FormulaTaken {
  /** Where the unit typed it, in the returned tab. */
  cell: string;
  /** Where its value went in the workbook (differs when the rows moved). */
  targetCell: string;
  formula: string;
  value: CellValue;
}

/** The input cells of the unit's tab, copied from the returned tab by row code. */
export function mapInputCells(
  state: WorkbookState,
  unit: UnitLink,
  target: SheetGrid,
  returned: SheetGrid,
): MappedCells {
  const layout = buildUnitTabLayout(state, unit);
  const targetView = new GridView(target);
  const sourceView = new GridView(returned);
  const sourceRows = firstRowByCode(returned);
  const cells: Record<string, CellSpec> = {};
  const missing = new Set<string>();
  const formulas: FormulaTaken[] = [];
  let changed = 0;
  for (const range of layout.inputRanges) {
    const r = parseRange(range);
    for (let row = r.start.row; row <= r.end.row; row++) {
      const code = targetView.text(row, CODE_COLUMN);
      if (code === "") continue;
      const sourceRow = sourceRows.get(code);
      if (sourceRow === undefined) {
        missing.add(code);
        continue;
      }
      for (let column = r.start.column; column <= r.end.column; column++) {
        const value = literalAt(sourceView, sourceRow, column);
        const before = literalAt(targetView, row, column);
        if (value === before) continue;
        cells[adr(row, column)] = { value };
        changed++;
        // Even a formula over the unit's own tab would point at other rows once the rows have moved here.
        const formula = sourceView.formula(sourceRow, column);
        if (formula)
          formulas.push({ cell: adr(sourceRow, column), targetCell: adr(row, column), formula, value });
      }
    }
  }
  return { cells, changed, missingCodes: [...missing], formulas };
}

const FORMULAS_NAMED = 5;

/** " Ô D16 trang "Tổ 2" là công thức (=D15*2): đã nhập giá trị 4, không nhập công thức." and in English. */
function formulaNote(sheet: string, taken: FormulaTaken[]): { vi: string; en: string } {
  const shown = (v: CellValue, empty: string) =>
    v === null ? empty : typeof v === "string" ? `"${v}"` : String(v);
  const named = taken.slice(0, FORMULAS_NAMED);
  const vi = named.map(
    (f) =>
      ` Ô ${f.cell} trang "${sheet}" là công thức (${f.formula}): đã nhập giá trị ${shown(f.value, "trống")}` +
      `${f.targetCell !== f.cell ? ` vào ô ${f.targetCell}` : ""}, không nhập công thức.`,
  );
  const en = named.map(
    (f) =>
      ` Cell ${f.cell} of "${sheet}" is a formula (${f.formula}): its value ${shown(f.value, "(empty)")} was imported` +
      `${f.targetCell !== f.cell ? ` into ${f.targetCell}` : ""}, not the formula.`,
  );
  const more = taken.length - named.length;
  if (more > 0) {
    vi.push(` Và ${more} ô công thức khác, cũng chỉ nhập giá trị.`);
    en.push(` And ${more} more formula cells, also imported as values.`);
  }
  return { vi: vi.join(""), en: en.join("") };
}

function item(
  file: string,
  sheet: string | null,
  unit: string | null,
  outcome: ImportOutcome,
  vi: string,
  en: string,
  cells = 0,
): ImportItem {
  return { file, sheet, unit, outcome, cells, messageVi: vi, messageEn: en };
}

function noUnitTab(sheet: string, key: { key: string; cell: string }): [string, string] {
  return [
    `Trang "${sheet}" (ô ${key.cell}: ${key.key}) không ứng với trang đơn vị nào trong sổ; hãy cập nhật sổ theo dõi trước.`,
    `Sheet "${sheet}" (cell ${key.cell}: ${key.key}) matches no unit tab in the workbook; update the tracker first.`,
  ];
}

/** Import every returned file's unit tabs into the target workbook (one write for all of them). */
export async function importReturnedTabs(
  target: WorkbookPort,
  returned: ReturnedFile[],
  options: { force: boolean },
): Promise<ImportItem[]> {
  const { state, overview, rebuilt } = await loadWorkbookState(target);
  const items: ImportItem[] = [];
  const planned: { unit: UnitLink; source: SheetGrid; file: string; key: { key: string; cell: string } }[] =
    [];

  for (const { file, port } of returned) {
    const name = baseName(file);
    const o = await port.readOverview();
    if (o.stateXml !== null) {
      let planId: string;
      try {
        planId = parseState(o.stateXml).planId;
      } catch (e) {
        if (e instanceof StateVersionError) {
          items.push(item(name, null, null, "refused", e.messageVi, e.messageEn));
          continue;
        }
        planId = "";
      }
      if (planId && planId !== state.planId) {
        items.push(
          item(
            name,
            null,
            null,
            "refused",
            `Tệp thuộc kế hoạch khác (mã ${planId}, sổ này là ${state.planId}); không nhập.`,
            `The file belongs to another plan (id ${planId}; this workbook is ${state.planId}); not imported.`,
          ),
        );
        continue;
      }
    }
    const grids = await port.readGrids(o.sheets.map((s) => s.id));
    let found = 0;
    for (const grid of grids) {
      const key = unitKeyOfGrid(grid);
      if (!key) continue;
      found++;
      const at = key.key.indexOf("@");
      const unitId = at > 0 ? key.key.slice(0, at) : key.key;
      const planId = at > 0 ? key.key.slice(at + 1) : "";
      if (planId !== state.planId) {
        items.push(
          item(
            name,
            grid.name,
            null,
            "refused",
            `Trang "${grid.name}" thuộc kế hoạch khác (ô ${key.cell}: ${key.key}); không nhập.`,
            `Sheet "${grid.name}" belongs to another plan (cell ${key.cell}: ${key.key}); not imported.`,
          ),
        );
        continue;
      }
      const unit = state.units.find((u) => u.unitId === unitId && !u.removed);
      if (!unit) {
        items.push(item(name, grid.name, null, "refused", ...noUnitTab(grid.name, key)));
        continue;
      }
      const codes = firstRowByCode(grid);
      if (!codes.has(MARKERS.indicators) && !codes.has(MARKERS.tasks)) {
        items.push(
          item(
            name,
            grid.name,
            unit.name,
            "refused",
            `Trang "${grid.name}" có bố cục không nhận ra (không thấy ${MARKERS.tasks} / ${MARKERS.indicators} ở cột A); không nhập.`,
            `Sheet "${grid.name}" has a layout that cannot be mapped (no ${MARKERS.tasks} / ${MARKERS.indicators} in column A); not imported.`,
          ),
        );
        continue;
      }
      const typed = analyseUnitTab(grid, unit, state).submission;
      if (!typed.hasContent && !typed.submitted) {
        // A whole-workbook copy carries every unit's tab: the empty ones must not wipe others' figures.
        items.push(
          item(
            name,
            grid.name,
            unit.name,
            "skipped",
            `Trang "${grid.name}" trong tệp chưa có số liệu; bỏ qua.`,
            `Sheet "${grid.name}" in the file holds no figures; skipped.`,
          ),
        );
        continue;
      }
      planned.push({ unit, source: grid, file: name, key });
    }
    if (found === 0) {
      items.push(
        item(
          name,
          null,
          null,
          "refused",
          `Tệp không có trang đơn vị nào của Tổng hợp báo cáo (không thấy ô ${INFO_CODES.unitKey}); không nhập.`,
          `The file holds no Tổng hợp báo cáo unit tab (no ${INFO_CODES.unitKey} cell); not imported.`,
        ),
      );
    }
  }

  if (planned.length === 0) return items;
  // The units' tabs in the workbook, checked by their key (sheet ids are only hints).
  const units = [...new Map(planned.map((p) => [p.unit.unitId, p.unit])).values()];
  const found = await findUnitTabs(target, state, overview, units);
  const patches = new Map<string, SheetPatch>();
  for (const p of planned) {
    const tab = found.tabs.get(p.unit.unitId);
    if (!tab) {
      items.push(item(p.file, p.source.name, p.unit.name, "refused", ...noUnitTab(p.source.name, p.key)));
      continue;
    }
    const grid = tab.grid;
    const sheetId = tab.info.id;
    const current = analyseUnitTab(grid, p.unit, state).submission;
    if (current.submitted && !options.force) {
      items.push(
        item(
          p.file,
          p.source.name,
          p.unit.name,
          "refused",
          `Trang "${grid.name}" của ${p.unit.name} đã nộp${current.submittedAt ? ` (${current.submittedAt})` : ""}; không ghi đè. Dùng --force nếu chắc chắn.`,
          `The tab "${grid.name}" of ${p.unit.name} is already submitted${current.submittedAt ? ` (${current.submittedAt})` : ""}; not overwritten. Use --force if you are sure.`,
        ),
      );
      continue;
    }
    const mapped = mapInputCells(state, p.unit, grid, p.source);
    const note =
      mapped.missingCodes.length > 0
        ? {
            vi: ` Không thấy các dòng ${mapped.missingCodes.join(", ")} trong tệp.`,
            en: ` Rows ${mapped.missingCodes.join(", ")} are not in the file.`,
          }
        : { vi: "", en: "" };
    const formulas = formulaNote(p.source.name, mapped.formulas);
    note.vi += formulas.vi;
    note.en += formulas.en;
    const existing = patches.get(sheetId);
    const cells = { ...(existing?.cells ?? {}), ...mapped.cells };
    patches.set(sheetId, {
      sheetId,
      create: false,
      layout: buildUnitTabLayout(state, p.unit),
      cells,
    });
    items.push(
      item(
        p.file,
        p.source.name,
        p.unit.name,
        mapped.changed > 0 ? "imported" : "skipped",
        mapped.changed > 0
          ? `Đã nhập ${mapped.changed} ô của ${p.unit.name} vào trang "${grid.name}".${note.vi}`
          : `Trang của ${p.unit.name} không có gì mới.${note.vi}`,
        mapped.changed > 0
          ? `Imported ${mapped.changed} cells of ${p.unit.name} into "${grid.name}".${note.en}`
          : `Nothing new in ${p.unit.name}'s tab.${note.en}`,
        mapped.changed,
      ),
    );
  }
  const writes = [...patches.values()].filter((p) => Object.keys(p.cells).length > 0);
  // A part another program dropped is written back with the figures (the state rebuilt from the tracker).
  if (writes.length)
    await target.applyChanges({ patches: writes, ...(rebuilt ? { stateXml: serializeState(state) } : {}) });
  return items;
}
