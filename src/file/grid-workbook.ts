/**
 * A read-only workbook of grids already read (from .xls, .ods, CSV …): what the import use-case needs of a
 * returned file (`WorkbookReader`), without a host behind it. Such files carry no state part.
 */
import type { WorkbookOverview, WorkbookReader } from "../app/workbook-port";
import type { SheetGrid, SheetInfo } from "../core/workbook/grid";

export class GridWorkbook implements WorkbookReader {
  constructor(
    readonly file: string,
    private readonly sheets: { grid: SheetGrid; visible: boolean }[],
  ) {}

  private info(): SheetInfo[] {
    return this.sheets.map(({ grid, visible }, position) => ({
      id: grid.sheetId,
      name: grid.name,
      position,
      visible,
    }));
  }

  async readOverview(gridSheetIds: string[] = []): Promise<WorkbookOverview> {
    return {
      stateXml: null,
      stateXmlCount: 0,
      sheets: this.info(),
      grids: await this.readGrids(gridSheetIds),
    };
  }

  async readGrids(sheetIds: string[]): Promise<SheetGrid[]> {
    const wanted = new Set(sheetIds);
    return this.sheets.map((s) => s.grid).filter((g) => wanted.has(g.sheetId));
  }
}
