/**
 * The only module of the pane that touches Office.js: turns Office.context into our HostInfo, builds the
 * workbook port over Excel.run (src/excel), and listens for sheet activation and a unit tab's changes.
 * Everything else receives the AppServices built here. `Excel` and `Office` are parameters (the globals by
 * default) so that the playground and the tests drive this same code with the simulated host.
 */
import { createOfficeWorkbookPort, type ExcelRun } from "../excel/office-workbook-port";
import { DownloadNotSupportedError } from "../core/errors";
import type { AppServices, HostInfo } from "./services";
import { createAppServices, downloadInBrowser, type HostHooks } from "./services-from-port";

/** What this module uses of the `Excel` namespace. */
export interface ExcelNamespace {
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** What this module uses of `Office.context` (every member may be missing outside Office). */
export interface OfficeContextFacts {
  displayLanguage?: string;
  /** `Office.PlatformType`; at run time a string: "PC", "OfficeOnline", "Mac", "iOS", "Android", "Universal". */
  platform?: Office.PlatformType | string;
  diagnostics?: { platform?: Office.PlatformType | string };
  requirements?: { isSetSupported(name: string, version?: string): boolean };
}

/** Excel for Mac and iPad show the pane in WKWebView, which ignores downloads (office-js#2700: by design). */
function cannotDownload(office: OfficeContextFacts | undefined): boolean {
  const platform = String(office?.platform ?? office?.diagnostics?.platform ?? "");
  return platform === "Mac" || platform === "iOS";
}

export function officeHostInfo(office: OfficeContextFacts | undefined): HostInfo {
  // Excel tells no signed-in user's name (`userProfile` is Outlook's); the unit types the reporter's name.
  return {
    kind: "excel",
    displayLanguage: office?.displayLanguage ?? "vi-VN",
    userName: null,
    canSaveFiles: !cannotDownload(office),
  };
}

async function refuseDownload(_bytes: Uint8Array, fileName: string): Promise<void> {
  throw new DownloadNotSupportedError(fileName);
}

type EventHandlers<A> = OfficeExtension.EventHandlers<A>;

/**
 * Register `listener` on an Excel event and return the unsubscribe function. The registration and the
 * removal are Excel.run batches of their own; unsubscribing while the registration is still on its way
 * removes the handler as soon as it exists, and the listener is never called after unsubscribing.
 */
function subscribe<A>(
  excel: ExcelNamespace,
  eventOf: (context: Excel.RequestContext) => EventHandlers<A>,
  listener: () => void,
): () => void {
  let unsubscribed = false;
  let removal: Promise<void> | null = null;
  const remove = (handler: OfficeExtension.EventHandlerResult<A>) =>
    excel.run({ previousObjects: handler.context, delayForCellEdit: true }, async (context) => {
      handler.remove();
      await context.sync();
    });
  const registration = excel.run({ delayForCellEdit: true }, async (context) => {
    const handler = eventOf(context).add(async () => {
      if (!unsubscribed) listener();
    });
    await context.sync();
    return handler;
  });
  return () => {
    if (unsubscribed) return;
    unsubscribed = true;
    removal ??= registration.then(remove).catch(() => undefined);
  };
}

/** The host hooks of Excel (or of anything shaped like it, such as the simulated host). */
export function officeHostHooks(excel: ExcelNamespace, office: OfficeContextFacts | undefined): HostHooks {
  return {
    info: officeHostInfo(office),
    activeSheet: () =>
      excel.run({ delayForCellEdit: true }, async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load("id,name");
        await context.sync();
        return { id: sheet.id, name: sheet.name };
      }),
    onActiveSheetChanged: (listener) =>
      subscribe(excel, (context) => context.workbook.worksheets.onActivated, listener),
    onSheetChanged: (sheetId, listener) =>
      subscribe(excel, (context) => context.workbook.worksheets.getItem(sheetId).onChanged, listener),
    saveFile: cannotDownload(office) ? refuseDownload : downloadInBrowser,
  };
}

/** Every Excel.run of the pane waits for cell-edit mode to end instead of failing. */
export function delayedRun(excel: ExcelNamespace): ExcelRun {
  return (batch) => excel.run({ delayForCellEdit: true }, batch);
}

export function createOfficeServices(
  excel: ExcelNamespace = Excel,
  office: OfficeContextFacts | undefined = typeof Office !== "undefined" ? Office.context : undefined,
): AppServices {
  const isSetSupported = office?.requirements
    ? (version: string) => office.requirements!.isSetSupported("ExcelApi", version)
    : undefined;
  const port = createOfficeWorkbookPort(delayedRun(excel), { isSetSupported });
  return createAppServices(port, officeHostHooks(excel, office));
}
