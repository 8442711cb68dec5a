/**
 * A unit's own file (UnitFileLayout from the core) → .xlsx bytes: its sheets rendered like any layout,
 * the unit's tab active, the workbook structure locked. No Node APIs: the task pane makes the files too.
 */
import type { UnitFileLayout } from "../core/workbook/build-unit-file";
import { newWorkbook, workbookToBuffer } from "./workbook-bytes";

export async function renderUnitFile(file: UnitFileLayout): Promise<Uint8Array> {
  const port = newWorkbook();
  await port.applyChanges({
    patches: file.sheets.map((layout) => ({ sheetId: null, create: true, layout, cells: layout.cells })),
    activateKey: file.activeKey,
  });
  port.structureProtection = file.structure;
  return workbookToBuffer(port);
}
