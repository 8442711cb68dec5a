/**
 * .xlsx bytes ⇄ FileWorkbookPort (ExcelJS + the zip parts ExcelJS does not know). No Node APIs: the task pane
 * uses it too, to read a unit's returned file in the browser.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { UnreadableFileError } from "../core/errors";
import { FileWorkbookPort } from "./file-workbook-port";
import {
  readCustomXmlParts,
  readInternalHyperlinks,
  writeCustomXmlParts,
  writeInternalHyperlinks,
  writeWorkbookProtection,
  type ProtectionHash,
} from "./ooxml-parts";
import { PASSWORD_SPIN_COUNT } from "./render-layout";

/** An empty workbook (no sheets yet: the layout creates them). */
export function newWorkbook(): FileWorkbookPort {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tổng hợp báo cáo";
  return new FileWorkbookPort(workbook, []);
}

/** Open .xlsx bytes; `file` names the file in errors. */
export async function openWorkbookBuffer(
  bytes: Uint8Array,
  file = "workbook.xlsx",
): Promise<FileWorkbookPort> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (cause) {
    throw new UnreadableFileError(
      file,
      "không phải tệp .xlsx (không mở được dạng zip)",
      "not an .xlsx file (not a zip)",
      cause,
    );
  }
  if (!zip.file("xl/workbook.xml")) {
    throw new UnreadableFileError(file, "không phải sổ Excel .xlsx", "not an Excel .xlsx workbook");
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw new UnreadableFileError(
      file,
      "ExcelJS không đọc được sổ",
      "ExcelJS could not read the workbook",
      cause,
    );
  }
  const parts = await readCustomXmlParts(zip);
  const links = new Map<string, Map<string, string>>();
  for (const [sheetName, list] of await readInternalHyperlinks(zip)) {
    const ws = workbook.getWorksheet(sheetName);
    if (ws) links.set(String(ws.id), new Map(list.map(({ ref, location }) => [ref.split(":")[0], location])));
  }
  return new FileWorkbookPort(workbook, parts, file, links);
}

/** The .xlsx bytes of the workbook, with its custom XML parts and Excel-style internal hyperlinks. */
export async function workbookToBuffer(port: FileWorkbookPort): Promise<Uint8Array> {
  port.workbook.calcProperties = { ...port.workbook.calcProperties, fullCalcOnLoad: true };
  // Stored, not deflated: the zip is opened again below for the parts ExcelJS does not write, and deflated
  // once when generated (compressing twice made saving several times slower).
  const written = await port.workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  const zip = await JSZip.loadAsync(written as ArrayBuffer);
  const bySheetName = new Map<string, Map<string, string>>();
  for (const ws of port.workbook.worksheets) {
    const links = port.links.get(port.sheetIdOf(ws));
    if (links?.size) bySheetName.set(ws.name, links);
  }
  await writeInternalHyperlinks(zip, bySheetName);
  await writeCustomXmlParts(zip, port.customXmlParts);
  if (port.structureProtection) {
    const { password } = port.structureProtection;
    await writeWorkbookProtection(zip, password ? await excelPasswordHash(password) : null);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * Excel's salted password hash, computed by ExcelJS's own sheet protection (the workbook's is the same
 * algorithm), so no crypto code of ours runs in the pane or the CLI.
 */
async function excelPasswordHash(password: string): Promise<ProtectionHash> {
  const ws = new ExcelJS.Workbook().addWorksheet("hash");
  await ws.protect(password, { spinCount: PASSWORD_SPIN_COUNT });
  const p = (ws as unknown as { sheetProtection: ProtectionHash }).sheetProtection;
  return {
    algorithmName: p.algorithmName,
    hashValue: p.hashValue,
    saltValue: p.saltValue,
    spinCount: p.spinCount,
  };
}
