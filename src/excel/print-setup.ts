/**
 * The print area and the text on every page (ExcelApi 1.9: `pageLayout.setPrintArea`,
 * `pageLayout.headersFooters.defaultForAllPages`), from the layout's PrintSetup: one command, queued
 * beside the page setup, left out below 1.9 (render-commands.ts asks for it only behind `features.api19`).
 */
import type { PrintSetup } from "../core/workbook/model";
import type { Command, SheetRef } from "./render-commands";

type PrintSetupCommand = Extract<Command, { op: "printSetup" }>;

/** Excel's header and footer parts hold at most 255 characters; "&" starts a code, so text doubles it. */
function headerText(text: string): string {
  const escaped = text.replace(/&/g, "&&");
  return escaped.length <= 255 ? escaped : `${escaped.slice(0, 254)}…`;
}

export function printSetupCommand(ref: SheetRef, print: PrintSetup): PrintSetupCommand | null {
  if (!print.area && !print.pageHeader && !print.pageNumbers) return null;
  return {
    op: "printSetup",
    ref,
    ...(print.area ? { area: print.area } : {}),
    ...(print.pageHeader ? { pageHeader: headerText(print.pageHeader) } : {}),
    ...(print.pageNumbers ? { pageFooter: "Trang &P/&N" } : {}),
  };
}

export function queuePrintSetup(sheet: Excel.Worksheet, c: PrintSetupCommand): void {
  if (c.area) sheet.pageLayout.setPrintArea(c.area);
  const every = sheet.pageLayout.headersFooters.defaultForAllPages;
  if (c.pageHeader !== undefined) every.centerHeader = c.pageHeader;
  if (c.pageFooter !== undefined) every.centerFooter = c.pageFooter;
}
