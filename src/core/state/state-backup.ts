/**
 * A copy of the state in the tracker's cells, for programs that drop custom XML parts (issue 14): Google
 * Sheets' download, WPS, ExcelJS- or SheetJS-based tools, LibreOffice through .ods. They keep cell text,
 * so the tracker ("Kế hoạch") carries the state as versioned JSON in its column H (hidden, locked), split
 * into cells well under Excel's 32,767 characters, each cell saying which piece it is and of which copy:
 *
 *   #DU_LIEU_SO v1 3f9a0c1d 1/3 {"layoutVersion":1,"planId":…
 *
 * Every action of the secretary that writes the state part (create, update, summary) writes this copy with
 * it. When the part is missing, the use-cases rebuild the state from it (rebuildStateFromSheets), say so
 * with an info finding and write the part back. Per-unit passwords are not copied into cells.
 */
import type { SheetGrid, SheetInfo } from "../workbook/grid";
import type { CellSpec } from "../workbook/model";
import { adr } from "../workbook/address";
import { CODE_COLUMN, INFO_CODES, FIELD_VALUE_COLUMN } from "../workbook/unit-tab-schema";
import type { Finding } from "../collect/finding";
import { AppError } from "../errors";
import { nfc } from "../text/vietnamese";
import { fnv1a } from "./plan-id";
import { stateFromJson } from "./serialize-state";
import type { UnitLink, WorkbookState } from "./types";

/** Column H of the tracker: right of its last column (G), hidden. */
export const BACKUP_COLUMN = 7;
export const BACKUP_PREFIX = "#DU_LIEU_SO v1 ";
/** Characters of JSON per cell: well under Excel's 32,767 (and Google Sheets' 50,000). */
export const BACKUP_CHUNK_CHARS = 8_000;

const PIECE = /^#DU_LIEU_SO v1 ([0-9a-f]{8}) (\d+)\/(\d+) /;

/**
 * The JSON the tracker keeps: the state without per-unit passwords and without sheet ids (ids are only
 * hints, and the ids of new tabs are known only after the write that carries this copy).
 */
export function backupJson(state: WorkbookState): string {
  return JSON.stringify({
    ...state,
    units: state.units.map((u) => {
      // An old state part may still carry a clear password: never into the copy.
      const copy: UnitLink & { password?: string } = { ...u, sheetId: null };
      delete copy.password;
      return copy;
    }),
    trackerSheet: { ...state.trackerSheet, sheetId: null },
    summarySheet: state.summarySheet ? { ...state.summarySheet, sheetId: null } : null,
  });
}

function hashOf(json: string): string {
  return fnv1a(json).toString(16).padStart(8, "0");
}

/**
 * The tracker cells that hold the copy (column H, from row 1), and — given the tracker as it is — empty
 * values for the pieces of an older, longer copy below them.
 */
export function stateBackupCells(state: WorkbookState, tracker?: SheetGrid): Record<string, CellSpec> {
  const json = backupJson(state);
  const hash = hashOf(json);
  const pieces: string[] = [];
  for (let i = 0; i < json.length; i += BACKUP_CHUNK_CHARS)
    pieces.push(json.slice(i, i + BACKUP_CHUNK_CHARS));
  const cells: Record<string, CellSpec> = {};
  pieces.forEach((piece, i) => {
    cells[adr(i, BACKUP_COLUMN)] = { value: `${BACKUP_PREFIX}${hash} ${i + 1}/${pieces.length} ${piece}` };
  });
  if (tracker)
    for (const { row } of backupPieces(tracker)) {
      const a = adr(row, BACKUP_COLUMN);
      if (!(a in cells)) cells[a] = { value: null };
    }
  return cells;
}

interface Piece {
  row: number;
  hash: string;
  index: number;
  count: number;
  text: string;
}

function backupPieces(grid: SheetGrid): Piece[] {
  const col = BACKUP_COLUMN - grid.origin.column;
  if (col < 0) return [];
  const out: Piece[] = [];
  grid.values.forEach((r, i) => {
    const v = r?.[col];
    if (typeof v !== "string") return;
    const m = PIECE.exec(v);
    if (m)
      out.push({
        row: grid.origin.row + i,
        hash: m[1],
        index: Number(m[2]),
        count: Number(m[3]),
        text: v.slice(m[0].length),
      });
  });
  return out;
}

/**
 * The state kept in a grid's copy, with the cell of its first piece; null when the grid has no complete
 * copy (a piece missing, or pieces of two copies mixed by co-authors' writes: the hash tells).
 */
export function readStateBackup(grid: SheetGrid): { state: WorkbookState; cell: string } | null {
  const byHash = new Map<string, Piece[]>();
  for (const p of backupPieces(grid)) byHash.set(p.hash, [...(byHash.get(p.hash) ?? []), p]);
  for (const [hash, pieces] of byHash) {
    const count = pieces[0].count;
    const ordered: Piece[] = [];
    for (let i = 1; i <= count; i++) {
      const p = pieces.find((x) => x.index === i && x.count === count);
      if (!p) break;
      ordered.push(p);
    }
    if (ordered.length !== count) continue;
    const json = ordered.map((p) => p.text).join("");
    if (hashOf(json) !== hash) continue;
    try {
      return { state: stateFromJson(JSON.parse(json)), cell: adr(ordered[0].row, BACKUP_COLUMN) };
    } catch (e) {
      if (e instanceof AppError && e.code === "STATE_VERSION") throw e;
      continue;
    }
  }
  return null;
}

/** The plan id of the unit keys (MA_DON_VI = unitId@planId) in column A/D of a grid, if it is a unit tab. */
function planIdOfTab(grid: SheetGrid): string | null {
  const col = CODE_COLUMN - grid.origin.column;
  for (const r of grid.values) {
    const v = col >= 0 ? r?.[col] : undefined;
    if (typeof v === "string" && nfc(v).trim() === INFO_CODES.unitKey) {
      const key = String(r[FIELD_VALUE_COLUMN - grid.origin.column] ?? "");
      const at = key.indexOf("@");
      return at > 0 ? key.slice(at + 1).trim() : null;
    }
  }
  return null;
}

export interface RebuiltState {
  state: WorkbookState;
  finding: Finding;
}

/**
 * The state rebuilt from the sheets when the part is missing: the tracker's copy (the one whose plan the
 * most unit tabs carry, when several sheets hold one), with the tracker found where the copy is. Null when
 * no sheet holds a complete copy.
 */
export function rebuildStateFromSheets(sheets: SheetInfo[], grids: SheetGrid[]): RebuiltState | null {
  const copies: { sheet: SheetInfo; state: WorkbookState; cell: string }[] = [];
  for (const g of grids) {
    const sheet = sheets.find((s) => s.id === g.sheetId);
    if (!sheet) continue;
    const copy = readStateBackup(g);
    if (copy) copies.push({ sheet, ...copy });
  }
  if (copies.length === 0) return null;
  const tabsOf = new Map<string, number>();
  for (const g of grids) {
    const id = planIdOfTab(g);
    if (id) tabsOf.set(id, (tabsOf.get(id) ?? 0) + 1);
  }
  const best = copies.reduce((a, b) =>
    (tabsOf.get(b.state.planId) ?? 0) > (tabsOf.get(a.state.planId) ?? 0) ? b : a,
  );
  const name = best.sheet.name;
  return {
    state: { ...best.state, trackerSheet: { sheetId: best.sheet.id, sheetName: name } },
    finding: {
      unitId: "",
      unit: "",
      sheet: name,
      cell: best.cell,
      severity: "info",
      kind: "STATE_REBUILT",
      messageVi: `Sổ không còn phần dữ liệu kế hoạch (phần XML riêng của add-in), có lẽ vì đã được lưu bằng một chương trình khác (Google Sheets, WPS, LibreOffice, một công cụ .xlsx…): đã dựng lại từ bản sao trong trang "${name}" (cột H ẩn) và các trang đơn vị; khi ghi, add-in ghi lại phần dữ liệu này vào sổ.`,
      messageEn: `The workbook no longer has its plan data (the add-in's custom XML part), probably because another program saved it (Google Sheets, WPS, LibreOffice, an .xlsx tool…): it was rebuilt from the copy in sheet "${name}" (hidden column H) and the unit tabs; the add-in writes that part back when it writes.`,
    },
  };
}
