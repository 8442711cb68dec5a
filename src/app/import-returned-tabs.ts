/**
 * Use-case: bring units' tabs back from the files they returned (by e-mail or Zalo: a copy of the whole
 * workbook, the unit's own file from `split`, as .xlsx, .xls, .ods or CSV) into the secretary's workbook.
 * The CLI's `import` (files and folders) and the task pane's "Nhập tệp đơn vị gửi lại" both call it.
 *
 * Files are opened one at a time (only the unit tabs found are kept), so hundreds can come in at once. A
 * file that cannot be read is refused with its reason and one that is no spreadsheet skipped; the others
 * still go through. When two files carry different new figures for the same unit, neither is imported.
 *
 * A returned tab is recognised by its MA_DON_VI cell (`unitId@planId`) and, when the file still holds it,
 * the state part's planId — never by the file name. A file of another plan, of a newer layout, or whose
 * tab cannot be mapped row by row (codes in column A) is refused with a clear message. A tab already
 * submitted in the workbook is not overwritten without `force`. Only the input cells of the unit's tab
 * are copied (found by code, so a tab whose rows moved still maps); the add-in's own cells are untouched.
 * A formula the unit typed in an input cell comes in as its value; the message names the cell and formula.
 */
import type { WorkbookPort, WorkbookReader } from "./workbook-port";
import { loadWorkbookState } from "./load-workbook-state";
import { analyseUnitTab } from "../core/collect/analyse-unit-tab";
import { unitKeyOfGrid } from "../core/collect/collect-workbook";
import { findUnitTabs, type FoundUnitTab } from "./find-unit-tabs";
import { examineSummary, rollupWrite, type PlannedRollup } from "./import-summary";
import { AppError, NotASpreadsheetError, StateVersionError } from "../core/errors";
import { parseState, serializeState } from "../core/state/serialize-state";
import { rebuildStateFromSheets } from "../core/state/state-backup";
import type { SubmissionEvent, UnitLink, WorkbookState } from "../core/state/types";
import { buildUnitTabLayout } from "../core/workbook/build-unit-tab";
import type { SheetGrid } from "../core/workbook/grid";
import type { CellSpec, CellValue, SheetPatch } from "../core/workbook/model";
import { mapInputCells, type FormulaTaken, type MappedCells } from "../core/workbook/map-input-cells";
import { INFO_CODES, MARKERS } from "../core/workbook/unit-tab-schema";
import { firstRowByCode } from "../core/workbook/plan-changes";
import { displayDateOrTime } from "../core/tracking/hcm-time";

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
  /** Opens the file when its turn comes (so only one is held at a time); throws AppError when unreadable. */
  open(): Promise<WorkbookReader>;
}

export interface ImportProgress {
  /** Files done so far (the one named is next). */
  done: number;
  total: number;
  file: string;
}

export interface ImportOptions {
  force: boolean;
  /** A body below's summary workbook belongs to this unit's tab (`--as "<unit>"`; the pane's choice). */
  as?: string;
  /** Take a lower summary's indicator named like one of ours under another code (`--match-names`). */
  matchNames?: boolean;
  onProgress?(progress: ImportProgress): void;
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

interface PlannedTab {
  unit: UnitLink;
  source: SheetGrid;
  file: string;
  /** The unit key the returned tab carries, and its cell. */
  key: { key: string; cell: string };
}

/** The unit tabs of one returned file worth importing, and what was said about the others. */
async function examineFile(
  state: WorkbookState,
  name: string,
  reader: WorkbookReader,
  options: ImportOptions,
): Promise<{ items: ImportItem[]; planned: PlannedTab[]; rollup?: PlannedRollup }> {
  const items: ImportItem[] = [];
  const planned: PlannedTab[] = [];
  // Another plan's workbook: a body below's summary to roll up (import-summary.ts), or refused.
  const otherPlan = async (fileState: WorkbookState) => {
    const examined = await examineSummary(state, name, reader, fileState, options);
    if ("unit" in examined) return { items, planned, rollup: examined };
    return { items: [item(name, null, null, "refused", examined.vi, examined.en)], planned };
  };
  const o = await reader.readOverview();
  if (o.stateXml !== null) {
    let fileState: WorkbookState | null;
    try {
      fileState = parseState(o.stateXml);
    } catch (e) {
      if (e instanceof StateVersionError)
        return { items: [item(name, null, null, "refused", e.messageVi, e.messageEn)], planned };
      fileState = null;
    }
    if (fileState && fileState.planId !== state.planId) return otherPlan(fileState);
    if (fileState && options.as !== undefined)
      return {
        items: [
          item(
            name,
            null,
            null,
            "refused",
            `Tệp là bản sao sổ của chính kế hoạch này (${state.plan.number}), không phải bản tổng hợp của cấp dưới; bỏ --as để nhập như tệp đơn vị gửi lại.`,
            `The file is a copy of this plan's own workbook (${state.plan.number}), not a body below's summary; leave out --as to import it as a unit's return.`,
          ),
        ],
        planned,
      };
  }
  const grids = await reader.readGrids(o.sheets.map((s) => s.id));
  if (o.stateXml === null) {
    // Re-saved by a program that drops custom XML parts (WPS, Google Sheets …): the tracker's copy tells
    // whether it is another plan's workbook — a body below's summary to roll up.
    const rebuilt = rebuildStateFromSheets(o.sheets, grids);
    if (rebuilt && rebuilt.state.planId !== state.planId) return otherPlan(rebuilt.state);
  }
  let found = 0;
  for (const grid of grids) {
    const key = unitKeyOfGrid(grid);
    if (!key) continue;
    found++;
    const at = key.key.indexOf("@");
    const unitId = at > 0 ? key.key.slice(0, at) : key.key;
    const planId = at > 0 ? key.key.slice(at + 1) : "";
    if (planId !== state.planId) {
      // A unit's tab of another plan (say, a body below's own unit's file): no summary, nothing to roll up.
      items.push(
        item(
          name,
          grid.name,
          null,
          "refused",
          `Trang "${grid.name}" là trang báo cáo của một đơn vị thuộc kế hoạch khác (ô ${key.cell}: ${key.key}), không phải bản tổng hợp; không nhập. Cấp dưới cần gửi sổ đã tổng hợp (có trang "Tổng hợp").`,
          `Sheet "${grid.name}" is a unit's report tab of another plan (cell ${key.cell}: ${key.key}), not a summary; not imported. The level below must send its summarised workbook (with the "Tổng hợp" sheet).`,
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
  return { items, planned };
}

/** Same figures, whatever the order the cells were found in. */
function sameCells(a: Record<string, CellSpec>, b: Record<string, CellSpec>): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => b[k] !== undefined && b[k].value === a[k].value)
  );
}

/** Import every returned file's unit tabs into the target workbook (one write for all of them). */
export async function importReturnedTabs(
  target: WorkbookPort,
  returned: ReturnedFile[],
  options: ImportOptions,
): Promise<ImportItem[]> {
  const { state, overview, rebuilt } = await loadWorkbookState(target);
  const items: ImportItem[] = [];
  const planned: PlannedTab[] = [];
  const rollups: PlannedRollup[] = [];

  for (const [index, returnedFile] of returned.entries()) {
    const name = baseName(returnedFile.file);
    options.onProgress?.({ done: index, total: returned.length, file: name });
    try {
      const examined = await examineFile(state, name, await returnedFile.open(), options);
      items.push(...examined.items);
      planned.push(...examined.planned);
      if (examined.rollup) rollups.push(examined.rollup);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const outcome = e instanceof NotASpreadsheetError ? "skipped" : "refused";
      items.push(item(name, null, null, outcome, e.messageVi, e.messageEn));
    }
  }
  options.onProgress?.({ done: returned.length, total: returned.length, file: "" });

  if (planned.length === 0 && rollups.length === 0) return items;
  // The units' tabs in the workbook, checked by their key (sheet ids are only hints).
  const units = [...new Map([...planned, ...rollups].map((p) => [p.unit.unitId, p.unit])).values()];
  const found = await findUnitTabs(target, state, overview, units);
  const byUnit = new Map<string, PlannedTab[]>();
  for (const p of planned) byUnit.set(p.unit.unitId, [...(byUnit.get(p.unit.unitId) ?? []), p]);
  const patches: SheetPatch[] = [];
  for (const tabs of byUnit.values()) {
    const { unit } = tabs[0];
    const tab = found.tabs.get(unit.unitId);
    if (!tab) {
      for (const p of tabs)
        items.push(item(p.file, p.source.name, unit.name, "refused", ...noUnitTab(p.source.name, p.key)));
      continue;
    }
    const grid = tab.grid;
    const sheetId = tab.info.id;
    const current = analyseUnitTab(grid, unit, state).submission;
    if (current.submitted && !options.force) {
      for (const p of tabs)
        items.push(
          item(
            p.file,
            p.source.name,
            unit.name,
            "refused",
            `Trang "${grid.name}" của ${unit.name} đã nộp${current.submittedAt ? ` (${displayDateOrTime(current.submittedAt)})` : ""}; không ghi đè. Dùng --force nếu chắc chắn.`,
            `The tab "${grid.name}" of ${unit.name} is already submitted${current.submittedAt ? ` (${displayDateOrTime(current.submittedAt)})` : ""}; not overwritten. Use --force if you are sure.`,
          ),
        );
      continue;
    }
    const mapped = tabs.map((p) => ({ p, m: mapInputCells(state, unit, grid, p.source) }));
    const news = mapped.filter(({ m }) => m.changed > 0);
    const agree = news.every(({ m }) => sameCells(m.cells, news[0].m.cells));
    // Two files that say different things about the same unit: which is right is for the secretary to say.
    const chosen = agree ? (news[0] ?? null) : null;
    if (!agree) {
      const files = [...new Set(news.map(({ p }) => p.file))];
      for (const { p } of news)
        items.push(
          item(
            p.file,
            p.source.name,
            unit.name,
            "refused",
            `Số liệu của ${unit.name} có trong ${files.length} tệp khác nhau (${files.join(", ")}); không nhập tệp nào. Hãy nhập riêng tệp đúng.`,
            `${unit.name}'s figures come in ${files.length} files that differ (${files.join(", ")}); none imported. Import the right one on its own.`,
          ),
        );
    }
    for (const { p, m } of mapped) {
      if (p === chosen?.p || (!agree && m.changed > 0)) continue;
      const note = notes(m, p.source.name);
      items.push(
        item(
          p.file,
          p.source.name,
          unit.name,
          "skipped",
          chosen && m.changed > 0
            ? `Trang của ${unit.name} giống trong tệp ${chosen.p.file}; chỉ nhập một lần.`
            : `Trang của ${unit.name} không có gì mới.${note.vi}`,
          chosen && m.changed > 0
            ? `${unit.name}'s tab is the same as in ${chosen.p.file}; imported once.`
            : `Nothing new in ${unit.name}'s tab.${note.en}`,
        ),
      );
    }
    if (!chosen) continue;
    const { p, m } = chosen;
    patches.push({ sheetId, create: false, layout: buildUnitTabLayout(state, unit), cells: m.cells });
    const note = notes(m, p.source.name);
    items.push(
      item(
        p.file,
        p.source.name,
        unit.name,
        "imported",
        `Đã nhập ${m.changed} ô của ${unit.name} vào trang "${grid.name}".${note.vi}`,
        `Imported ${m.changed} cells of ${unit.name} into "${grid.name}".${note.en}`,
        m.changed,
      ),
    );
  }
  const stateEvents = rollupPatches(state, rollups, found.tabs, options, patches, items);
  // A part another program dropped is written back with the figures (the state rebuilt from the tracker).
  if (patches.length)
    await target.applyChanges({
      patches,
      ...(rebuilt || stateEvents.length
        ? { stateXml: serializeState({ ...state, history: [...state.history, ...stateEvents] }) }
        : {}),
    });
  return items;
}

/**
 * The bodies' summaries into their tabs: one per body (two files for the same body in one go: the newest
 * wins, the other is said to be skipped). Returns the submission events to keep in the state part.
 */
function rollupPatches(
  state: WorkbookState,
  rollups: PlannedRollup[],
  tabs: Map<string, FoundUnitTab | null>,
  options: ImportOptions,
  patches: SheetPatch[],
  items: ImportItem[],
): SubmissionEvent[] {
  const events: SubmissionEvent[] = [];
  const byUnit = new Map<string, PlannedRollup[]>();
  for (const r of rollups) byUnit.set(r.unit.unitId, [...(byUnit.get(r.unit.unitId) ?? []), r]);
  for (const list of byUnit.values()) {
    const newest = list.reduce((a, b) =>
      Date.parse(b.block.source.summarisedAt) > Date.parse(a.block.source.summarisedAt) ? b : a,
    );
    for (const r of list)
      if (r !== newest)
        items.push(
          item(
            r.file,
            null,
            r.unit.name,
            "skipped",
            `Có bản tổng hợp mới hơn của ${r.unit.name} trong tệp ${newest.file}; chỉ nhập bản đó.`,
            `A newer summary of ${r.unit.name} is in ${newest.file}; only that one is imported.`,
          ),
        );
    const tab = tabs.get(newest.unit.unitId);
    if (!tab) {
      items.push(
        item(
          newest.file,
          null,
          newest.unit.name,
          "refused",
          `Không thấy trang của ${newest.unit.name} trong sổ; hãy cập nhật sổ theo dõi trước.`,
          `${newest.unit.name}'s tab is not in the workbook; update the tracker first.`,
        ),
      );
      continue;
    }
    const w = rollupWrite(state, newest, tab.grid, options.force);
    items.push(item(newest.file, tab.grid.name, newest.unit.name, w.outcome, w.vi, w.en, w.cells));
    if (w.patch) patches.push(w.patch);
    if (w.stateEvent) events.push(w.stateEvent);
  }
  return events;
}

/** What the import says besides the count: rows missing from the file, formulas taken as values. */
function notes(mapped: MappedCells, sourceSheet: string): { vi: string; en: string } {
  const note =
    mapped.missingCodes.length > 0
      ? {
          vi: ` Không thấy các dòng ${mapped.missingCodes.join(", ")} trong tệp.`,
          en: ` Rows ${mapped.missingCodes.join(", ")} are not in the file.`,
        }
      : { vi: "", en: "" };
  const formulas = formulaNote(sourceSheet, mapped.formulas);
  return { vi: note.vi + formulas.vi, en: note.en + formulas.en };
}

/** One line per file: imported when any of its tabs was, else refused when any was, else skipped. */
export interface FileOutcome {
  file: string;
  outcome: ImportOutcome;
  /** Cells written from this file. */
  cells: number;
  items: ImportItem[];
}

export function outcomesByFile(items: ImportItem[]): FileOutcome[] {
  const byFile = new Map<string, ImportItem[]>();
  for (const i of items) byFile.set(i.file, [...(byFile.get(i.file) ?? []), i]);
  return [...byFile].map(([file, list]) => ({
    file,
    outcome: list.some((i) => i.outcome === "imported")
      ? "imported"
      : list.some((i) => i.outcome === "refused")
        ? "refused"
        : "skipped",
    cells: list.reduce((n, i) => n + i.cells, 0),
    items: list,
  }));
}
