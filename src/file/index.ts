/** The ExcelJS file adapter: a WorkbookPort over .xlsx files, and the Word report renderer. */
export { FileWorkbookPort } from "./file-workbook-port";
export {
  newWorkbook,
  openWorkbookBuffer,
  openWorkbookFile,
  saveWorkbook,
  workbookToBuffer,
} from "./workbook-file";
export { readGrid, excelSerialOf } from "./read-grid";
