/**
 * Co-authoring and reopening, for the simulated host.
 *
 * A session is one co-author's Excel on the shared workbook. It works on its own view of the workbook, the
 * workbook as it was at the end of the session's last sync: its reads, and the objects its commands resolve
 * (a sheet by name, "the only part" of a namespace), see that view. At each sync the session's changes
 * (what its commands changed in its view: cells, sheet settings, sheets added, deleted or moved, custom XML
 * parts added or deleted) are merged into the shared workbook, cell by cell (the last writer wins), and the
 * view is refreshed from the shared workbook. Two sessions that each read one custom XML part, then delete
 * "it" and add their own, leave two parts, as Excel's co-authoring does when both start from the same copy.
 *
 * Reopening gives every sheet a new id (Excel keeps a worksheet's id only within a session): in tab order
 * (`{00000000-0001-0000-000N-000000000000}`, as Excel on the web was seen to number them) or fresh ones.
 */
import { ErrorCodes, SimulatedOfficeError } from "./errors";
import type { StoredPart, StoredSheet } from "./store";
import type { WorkbookModel } from "./workbook-model";

/** What the host calls around the actions of one sync run in a session. */
export interface SessionView {
  readonly model: WorkbookModel;
  /** Awaited before the sync runs (tests use it to interleave sessions). */
  beforeSync(): Promise<void>;
  beforeActions(): void;
  /** Merge what the actions changed into the shared workbook, then refresh the view. */
  afterActions(): void;
}

type ModelContent = { sheets: StoredSheet[]; parts: StoredPart[] };

/** Sheet settings merged as a whole when a session changed them. */
const SHEET_SETTINGS = [
  "name",
  "visibility",
  "tabColor",
  "merges",
  "columnWidths",
  "hiddenColumns",
  "rowHeights",
  "protection",
  "freeze",
  "pageLayout",
] as const;

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Deep equality of plain data (objects in any key order, arrays, Maps and Sets). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !sameData(v, b.get(k))) return false;
    return true;
  }
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
    for (const v of a) if (!b.has(v)) return false;
    return true;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A name not used by another sheet of `sheets` ("Tổ 1" → "Tổ 1 (2)"). */
function freeName(name: string, sheets: StoredSheet[], self: StoredSheet): string {
  const taken = (n: string) => sheets.some((s) => s !== self && s.name.toUpperCase() === n.toUpperCase());
  if (!taken(name)) return name;
  for (let i = 2; ; i++) if (!taken(`${name} (${i})`)) return `${name} (${i})`;
}

/** Apply what changed from `base` to `mine` onto `shared` (a three-way merge, the session's edits winning). */
export function mergeInto(shared: WorkbookModel, base: ModelContent, mine: ModelContent): void {
  const baseSheets = new Map(base.sheets.map((s) => [s.id, s]));
  const mineIds = new Set(mine.sheets.map((s) => s.id));
  shared.sheets = shared.sheets.filter((s) => !baseSheets.has(s.id) || mineIds.has(s.id));
  mine.sheets.forEach((s, position) => {
    const b = baseSheets.get(s.id);
    const target = shared.sheets.find((x) => x.id === s.id);
    if (!b) {
      if (target) return;
      // After the sheet it followed in this session's view (at the end when it was added last).
      const added = clone(s);
      const last = position === mine.sheets.length - 1;
      const after =
        position === 0 ? -1 : shared.sheets.findIndex((x) => x.id === mine.sheets[position - 1].id);
      shared.sheets.splice(last || (position > 0 && after < 0) ? shared.sheets.length : after + 1, 0, added);
      added.name = freeName(added.name, shared.sheets, added);
      return;
    }
    // A sheet someone else deleted meanwhile: this session's edits to it are lost, as in Excel.
    if (!target) return;
    for (const key of SHEET_SETTINGS)
      if (!sameData(b[key], s[key])) (target as unknown as Record<string, unknown>)[key] = clone(s[key]);
    target.name = freeName(target.name, shared.sheets, target);
    for (const k of new Set([...b.cells.keys(), ...s.cells.keys()])) {
      const before = b.cells.get(k);
      const after = s.cells.get(k);
      if (sameData(before, after)) continue;
      if (after) target.cells.set(k, clone(after));
      else target.cells.delete(k);
    }
  });
  // Tabs this session moved: its order wins for the sheets it knows.
  const baseOrder = base.sheets.map((s) => s.id).filter((id) => mineIds.has(id));
  const mineOrder = mine.sheets.map((s) => s.id).filter((id) => baseSheets.has(id));
  if (!sameData(baseOrder, mineOrder)) {
    const rank = new Map(mine.sheets.map((s, i) => [s.id, i]));
    const known = shared.sheets
      .filter((s) => rank.has(s.id))
      .sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
    shared.sheets = [...known, ...shared.sheets.filter((s) => !rank.has(s.id))];
  }

  const baseParts = new Map(base.parts.map((p) => [p.id, p]));
  const mineParts = new Set(mine.parts.map((p) => p.id));
  shared.parts = shared.parts.filter((p) => !baseParts.has(p.id) || mineParts.has(p.id));
  for (const p of mine.parts) {
    const b = baseParts.get(p.id);
    const target = shared.parts.find((x) => x.id === p.id);
    if (!b && !target) shared.parts.push(clone(p));
    else if (b && target && b.xml !== p.xml) Object.assign(target, clone(p));
  }
  shared.version++;
}

/** One co-author's Excel: `runner` is its `Excel.run`. */
export class SimSession implements SessionView {
  readonly model: WorkbookModel;
  private base: ModelContent | null = null;
  private ended = false;
  private syncs = 0;
  /** Awaited before each sync of this session with its 1-based number (to interleave sessions in tests). */
  gate: ((syncNumber: number) => Promise<void>) | null = null;

  constructor(
    private readonly shared: WorkbookModel,
    makeView: () => WorkbookModel,
    private readonly runIn: <T>(view: SessionView, batch: (context: never) => Promise<T>) => Promise<T>,
  ) {
    this.model = makeView();
    this.refresh();
  }

  /** `Excel.run` in this session. */
  get runner(): <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> {
    return ((batch: (c: never) => Promise<unknown>) => this.run(batch)) as never;
  }

  run<T>(batch: (context: never) => Promise<T>): Promise<T> {
    if (this.ended)
      return Promise.reject(
        new SimulatedOfficeError(
          ErrorCodes.generalException,
          "The workbook was closed: this session has ended.",
          "Excel.run",
        ),
      );
    return this.runIn(this, batch);
  }

  /** The workbook was closed (reopened): this session can no longer run. */
  end(): void {
    this.ended = true;
  }

  async beforeSync(): Promise<void> {
    this.syncs++;
    if (this.gate) await this.gate(this.syncs);
  }

  beforeActions(): void {
    this.base = { sheets: clone(this.model.sheets), parts: clone(this.model.parts) };
  }

  afterActions(): void {
    if (this.base) mergeInto(this.shared, this.base, { sheets: this.model.sheets, parts: this.model.parts });
    this.base = null;
    this.refresh();
  }

  /** The view becomes the shared workbook as it is now (its own active sheet and selection kept). */
  private refresh(): void {
    this.model.sheets = clone(this.shared.sheets);
    this.model.parts = clone(this.shared.parts);
    if (!this.model.activeSheetId || !this.model.sheets.some((s) => s.id === this.model.activeSheetId))
      this.model.activeSheetId = this.shared.activeSheetId;
    this.model.version++;
  }
}

/** Give every sheet a new id, as reopening the workbook in another session or host may. */
export function reassignSheetIds(model: WorkbookModel, ids: "positional" | "fresh"): Map<string, string> {
  const renamed = new Map<string, string>();
  model.sheets.forEach((s, i) => {
    const id =
      ids === "positional"
        ? `{00000000-0001-0000-${i.toString(16).toUpperCase().padStart(4, "0")}-000000000000}`
        : `{${String(model.ids.sheet++).padStart(8, "0")}-5EE7-4A11-8D00-000000000000}`;
    renamed.set(s.id, id);
  });
  for (const s of model.sheets) s.id = renamed.get(s.id)!;
  if (model.activeSheetId) model.activeSheetId = renamed.get(model.activeSheetId) ?? null;
  if (model.selection)
    model.selection = renamed.has(model.selection.sheetId)
      ? { ...model.selection, sheetId: renamed.get(model.selection.sheetId)! }
      : null;
  model.version++;
  return renamed;
}
