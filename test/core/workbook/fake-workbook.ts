/**
 * A tiny in-memory workbook for the plan-changes tests: applies WorkbookChanges the way an adapter must
 * (create → whole layout; update → only the patch's cells; replaceAll → clear first) and reads grids back.
 */
import type { SheetGrid, SheetInfo } from "../../../src/core/workbook/grid";
import type { CellValue, WorkbookChanges } from "../../../src/core/workbook/model";
import { parseAddress } from "../../../src/core/workbook/address";
import { gridFromLayout, typeInto } from "./fixtures";

export class FakeWorkbook {
  sheets: { id: string; name: string; grid: SheetGrid }[] = [];
  stateXml: string | null = null;
  private next = 1;

  addForeign(name: string, cells: Record<string, CellValue> = {}): string {
    const id = `F${this.next++}`;
    const grid: SheetGrid = { sheetId: id, name, origin: { row: 0, column: 0 }, values: [], formulas: [] };
    for (const [a, v] of Object.entries(cells)) typeInto(grid, a, v);
    this.sheets.push({ id, name, grid });
    return id;
  }

  info(): SheetInfo[] {
    return this.sheets.map((s, position) => ({ id: s.id, name: s.name, position }));
  }

  grids(ids?: string[]): SheetGrid[] {
    return this.sheets
      .filter((s) => !ids || ids.includes(s.id))
      .map((s) => structuredClone({ ...s.grid, name: s.name, sheetId: s.id }));
  }

  sheet(id: string) {
    const s = this.sheets.find((x) => x.id === id);
    if (!s) throw new Error(`no sheet ${id}`);
    return s;
  }

  byName(name: string) {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  apply(changes: WorkbookChanges): Record<string, string> {
    const ids: Record<string, string> = {};
    for (const p of changes.patches) {
      if (p.create) {
        if (this.sheets.some((s) => s.name.toLowerCase() === p.layout.name.toLowerCase()))
          throw new Error(`duplicate sheet name ${p.layout.name}`);
        const id = `S${this.next++}`;
        this.sheets.push({ id, name: p.layout.name, grid: gridFromLayout(p.layout, id) });
        ids[p.layout.key] = id;
      } else {
        const s = this.sheet(p.sheetId!);
        if (p.replaceAll) {
          s.grid.values = [];
          s.grid.formulas = [];
        }
        for (const [a, spec] of Object.entries(p.cells)) {
          const v = spec.value ?? null;
          typeInto(s.grid, a, v === "" ? null : v);
        }
        if (p.rename) s.name = p.layout.name;
        ids[p.layout.key] = s.id;
      }
    }
    if (changes.stateXml !== undefined) this.stateXml = changes.stateXml;
    return ids;
  }

  rename(id: string, name: string) {
    this.sheet(id).name = name;
  }

  remove(id: string) {
    this.sheets = this.sheets.filter((s) => s.id !== id);
  }

  /** Every non-empty cell of a sheet: address → value. */
  snapshot(id: string): Record<string, CellValue> {
    const g = this.sheet(id).grid;
    const out: Record<string, CellValue> = {};
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== "") out[`${colLetter(c + g.origin.column)}${r + g.origin.row + 1}`] = v;
      }),
    );
    return out;
  }

  value(id: string, address: string): CellValue {
    const { row, column } = parseAddress(address);
    const g = this.sheet(id).grid;
    return g.values[row - g.origin.row]?.[column - g.origin.column] ?? null;
  }
}

function colLetter(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
