/**
 * The only module of the pane that touches Office.js: turns Office.context into our HostInfo, builds the
 * workbook port over Excel.run (src/excel), and listens for sheet activation. Everything else receives
 * the AppServices built here.
 */
import { createOfficeWorkbookPort } from "../excel/office-workbook-port";
import type { AppServices, HostInfo } from "./services";
import { createAppServices, downloadInBrowser } from "./services-from-port";

export function officeHostInfo(): HostInfo {
  const ctx = typeof Office !== "undefined" ? Office.context : undefined;
  let userName: string | null = null;
  try {
    // Not every host exposes the signed-in user; missing is fine (the unit types the reporter's name).
    const profile = (ctx as unknown as { userProfile?: { displayName?: string } } | undefined)?.userProfile;
    userName = profile?.displayName ?? null;
  } catch {
    userName = null;
  }
  return { kind: "excel", displayLanguage: ctx?.displayLanguage ?? "vi-VN", userName };
}

export function createOfficeServices(): AppServices {
  const port = createOfficeWorkbookPort();
  return createAppServices(port, {
    info: officeHostInfo(),
    async activeSheet() {
      return Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load("id,name");
        await context.sync();
        return { id: sheet.id, name: sheet.name };
      });
    },
    onActiveSheetChanged(listener) {
      let removed = false;
      let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetActivatedEventArgs> | null = null;
      Excel.run(async (context) => {
        handler = context.workbook.worksheets.onActivated.add(async () => listener());
        await context.sync();
      }).catch(() => undefined);
      return () => {
        if (removed || !handler) return;
        removed = true;
        const h = handler;
        Excel.run(h.context, async (context) => {
          h.remove();
          await context.sync();
        }).catch(() => undefined);
      };
    },
    saveFile: downloadInBrowser,
  });
}
