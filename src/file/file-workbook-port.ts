/**
 * The WorkbookPort over an in-memory ExcelJS workbook: the CLI, the demo and the tests run the same
 * use-cases as the task pane, with an .xlsx file instead of Excel. Every call is one "round trip".
 */
import ExcelJS from "exceljs";
import type { ApplyResult, WorkbookOverview, WorkbookPort } from "../app/workbook-port";
import { SheetNameCollisionError } from "../core/errors";
import type { SheetGrid, SheetInfo } from "../core/workbook/grid";
import type { CellValue, WorkbookChanges } from "../core/workbook/model";
import { STATE_NAMESPACE } from "../core/state/types";
import { caseKey } from "../core/text/vietnamese";
import { newCustomXmlPart, rootNamespaceOf, type CustomXmlPart } from "./ooxml-parts";
import { readGrid } from "./read-grid";
import { renderSheet, type SheetLinks } from "./render-layout";
import { literalOf } from "./render-cell";

function typeInto(cell: ExcelJS.Cell, value: CellValue): void {
  cell.value = literalOf(value);
}

export class FileWorkbookPort implements WorkbookPort {
  /** Round trips used so far (each port call counts one). */
  roundTrips = 0;
  /** Lock the workbook structure when saved (a unit's own file), with a password or none. */
  structureProtection: { protect: true; password?: string } | null = null;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    /** Every custom XML part of the file, ours and others' (others are kept as they were). */
    public customXmlParts: CustomXmlPart[] = [],
    /** The file this workbook came from, for error messages. */
    readonly file?: string,
    /** Internal hyperlinks by sheet id (ExcelJS has no model for them). */
    readonly links: Map<string, SheetLinks> = new Map(),
  ) {}

  /** The internal hyperlinks of a sheet (created on first use). */
  linksOf(sheetId: string): SheetLinks {
    let links = this.links.get(sheetId);
    if (!links) {
      links = new Map();
      this.links.set(sheetId, links);
    }
    return links;
  }

  /** Our state parts (custom XML in our namespace). */
  get stateParts(): CustomXmlPart[] {
    return this.customXmlParts.filter((p) => rootNamespaceOf(p.xml) === STATE_NAMESPACE);
  }

  sheetIdOf(ws: ExcelJS.Worksheet): string {
    return String(ws.id);
  }

  worksheetById(sheetId: string): ExcelJS.Worksheet | undefined {
    const id = Number(sheetId);
    return Number.isInteger(id) ? this.workbook.getWorksheet(id) : undefined;
  }

  worksheetByName(name: string): ExcelJS.Worksheet | undefined {
    const key = caseKey(name);
    return this.workbook.worksheets.find((ws) => caseKey(ws.name) === key);
  }

  listSheets(): SheetInfo[] {
    return this.workbook.worksheets.map((ws, position) => ({
      id: this.sheetIdOf(ws),
      name: ws.name.normalize("NFC"),
      position,
      visible: ws.state === "visible" || ws.state === undefined,
    }));
  }

  private grids(sheetIds: string[]): SheetGrid[] {
    const grids: SheetGrid[] = [];
    for (const id of sheetIds) {
      const ws = this.worksheetById(id);
      if (ws) grids.push(readGrid(ws, id));
    }
    return grids;
  }

  async readOverview(gridSheetIds: string[] = []): Promise<WorkbookOverview> {
    this.roundTrips++;
    const ours = this.stateParts;
    return {
      stateXml: ours.length ? ours[0].xml : null,
      stateXmlCount: ours.length,
      ...(ours.length > 1 ? { allStateXml: ours.map((p) => p.xml) } : {}),
      sheets: this.listSheets(),
      grids: this.grids(gridSheetIds),
    };
  }

  async readGrids(sheetIds: string[]): Promise<SheetGrid[]> {
    this.roundTrips++;
    return this.grids(sheetIds);
  }

  async applyChanges(changes: WorkbookChanges): Promise<ApplyResult> {
    this.roundTrips++;
    const sheetIds: Record<string, string> = {};
    for (const patch of changes.patches) {
      const { layout } = patch;
      let ws: ExcelJS.Worksheet | undefined;
      if (patch.create) {
        if (this.worksheetByName(layout.name)) throw new SheetNameCollisionError(layout.name);
        ws = this.workbook.addWorksheet(layout.name);
      } else {
        ws = patch.sheetId !== null ? this.worksheetById(patch.sheetId) : undefined;
        ws ??= this.worksheetByName(layout.name);
        if (!ws) {
          ws = this.workbook.addWorksheet(layout.name);
        } else if (patch.rename && ws.name !== layout.name) {
          const other = this.worksheetByName(layout.name);
          if (other && other !== ws) throw new SheetNameCollisionError(layout.name);
          ws.name = layout.name;
        }
      }
      const cells = patch.create ? { ...layout.cells, ...patch.cells } : patch.cells;
      await renderSheet(ws, layout, cells, this.linksOf(this.sheetIdOf(ws)));
      sheetIds[layout.key] = this.sheetIdOf(ws);
    }
    if (changes.stateXml !== undefined) {
      const others = this.customXmlParts.filter((p) => rootNamespaceOf(p.xml) !== STATE_NAMESPACE);
      const previous = this.stateParts[0];
      const part = previous ? { ...previous, xml: changes.stateXml } : newCustomXmlPart(changes.stateXml);
      this.customXmlParts = [...others, part];
    }
    if (changes.activateKey && sheetIds[changes.activateKey]) {
      this.activateSheet(sheetIds[changes.activateKey]);
    }
    return { sheetIds, roundTrips: 1 };
  }

  /**
   * Type values into cells as a person would in Excel (tests and the demo): numbers stay numbers, text
   * stays text, the cell's format is kept. Not part of the WorkbookPort.
   */
  typeValues(sheetId: string, cells: Record<string, CellValue>): void {
    const ws = this.worksheetById(sheetId);
    if (!ws) throw new Error(`No sheet with id ${sheetId}`);
    for (const [address, value] of Object.entries(cells)) typeInto(ws.getCell(address), value);
  }

  async activate(sheetId: string): Promise<void> {
    this.activateSheet(sheetId);
  }

  private activateSheet(sheetId: string): void {
    const index = this.workbook.worksheets.findIndex((ws) => this.sheetIdOf(ws) === sheetId);
    if (index < 0) return;
    this.workbook.views = [
      { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: "visible" },
    ];
  }
}
