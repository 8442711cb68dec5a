/**
 * @jest-environment jsdom
 *
 * The pane's Office host module (office-host.ts) over the simulated Excel, reached through the same globals as
 * in Excel (`Excel`, `Office`): cell-edit mode, event registration and removal, the host's facts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import { createOfficeServices, officeHostHooks } from "../../src/taskpane/office-host";
import type { AppServices } from "../../src/taskpane/services";

const SEED = readFileSync(join(__dirname, "../fixtures/plans/seed-334-KH-CB.txt"), "utf8");

interface FakeOfficeContext {
  displayLanguage: string;
  platform?: string;
  partitionKey?: string;
  userProfile?: { displayName: string };
  requirements: { isSetSupported(name: string, version: string): boolean };
}

/** Excel's globals, driven by the simulated host. */
function install(context: Partial<FakeOfficeContext> = {}) {
  const host = new SimulatedExcelHost({ sheets: ["Sheet1"], apiVersion: "1.7" });
  const office: { context: FakeOfficeContext } = {
    context: {
      displayLanguage: "vi-VN",
      requirements: { isSetSupported: (name, version) => host.isSetSupported(name, version) },
      ...context,
    },
  };
  Object.assign(globalThis, { Excel: host.excel, Office: office });
  return { host, services: createOfficeServices() };
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
});

/** Let queued runs, syncs and event handlers finish. */
async function settle(host: SimulatedExcelHost): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await host.flushEvents();
  }
}

/** The cell where a unit types its first figure (column D of the first indicator's row). */
function figureCell(host: SimulatedExcelHost, sheet: string): string {
  const codes = Object.entries(host.values(sheet))
    .filter(([a, v]) => /^A\d+$/.test(a) && typeof v === "string")
    .map(([a, v]) => ({ row: Number(a.slice(1)), code: v as string }))
    .sort((x, y) => x.row - y.row);
  const start = codes.findIndex((c) => c.code === "#CHI_TIEU");
  return `D${codes[start + 1].row}`;
}

async function withUnitTabs(services: AppServices) {
  const plan = services.parsePlan(SEED);
  await services.createWorkbook({ plan, indicators: services.defaultIndicators(plan) });
  return (await services.loadTracker())!.units;
}

describe("office-host: cell-edit mode (B5)", () => {
  it("waits for the person to leave cell-edit mode instead of failing (the active sheet, a tab link)", async () => {
    const { host, services } = install();
    const units = await withUnitTabs(services);
    host.enterCellEditMode();
    let failed: unknown = null;
    const reading = services.activeUnitTab().catch((e: unknown) => (failed = e));
    const activating = services
      .activate(units[0].sheetId, units[0].sheetName)
      .catch((e: unknown) => (failed = e));
    await settle(host);
    expect(failed).toBeNull();
    host.exitCellEditMode();
    await Promise.all([reading, activating]);
    expect(failed).toBeNull();
    expect(host.model.activeSheetId).toBe(units[0].sheetId);
  });

  it("registers the sheet-activation listener once cell-edit mode ends", async () => {
    const { host, services } = install({});
    const units = await withUnitTabs(services);
    host.enterCellEditMode();
    let calls = 0;
    const off = services.onActiveSheetChanged(() => calls++);
    await settle(host);
    host.exitCellEditMode();
    await settle(host);
    host.activateSheetByUser(units[1].sheetName);
    await settle(host);
    expect(calls).toBe(1);
    off();
  });
});

describe("office-host: event handlers are removed, also when unsubscribed early (C11)", () => {
  it("removes the activation handler when the pane unsubscribes before the registration has synced", async () => {
    const { host, services } = install();
    const units = await withUnitTabs(services);
    let calls = 0;
    const off = services.onActiveSheetChanged(() => calls++);
    off(); // the screen unmounted at once, while Excel.run was still registering
    await settle(host);
    expect(host.events.handlerCount).toBe(0);
    host.activateSheetByUser(units[1].sheetName);
    await settle(host);
    expect(calls).toBe(0);
  });

  it("removes a registered activation handler when unsubscribed later", async () => {
    const { host, services } = install();
    const units = await withUnitTabs(services);
    let calls = 0;
    const off = services.onActiveSheetChanged(() => calls++);
    await settle(host);
    expect(host.events.handlerCount).toBe(1);
    host.activateSheetByUser(units[1].sheetName);
    await settle(host);
    expect(calls).toBe(1);
    off();
    off();
    await settle(host);
    expect(host.events.handlerCount).toBe(0);
    host.activateSheetByUser(units[2].sheetName);
    await settle(host);
    expect(calls).toBe(1);
  });
});

describe("office-host: a unit tab's changes (M1)", () => {
  it("tells the pane when cells of that tab change, not of another tab; unsubscribing removes the handler", async () => {
    const { host, services } = install();
    const [first, second] = await withUnitTabs(services);
    let calls = 0;
    const off = services.onUnitTabChanged(first.sheetId!, () => calls++);
    await settle(host);
    host.setCellByUser(second.sheetName, figureCell(host, second.sheetName), 5);
    await settle(host);
    expect(calls).toBe(0);
    host.setCellByUser(first.sheetName, figureCell(host, first.sheetName), 12);
    await settle(host);
    expect(calls).toBe(1);
    off();
    await settle(host);
    expect(host.events.handlerCount).toBe(0);
    host.setCellByUser(first.sheetName, figureCell(host, first.sheetName), 13);
    await settle(host);
    expect(calls).toBe(1);
  });

  it("leaves no handler behind when unsubscribed before the registration has synced", async () => {
    const { host, services } = install();
    const [first] = await withUnitTabs(services);
    services.onUnitTabChanged(first.sheetId!, () => undefined)();
    await settle(host);
    expect(host.events.handlerCount).toBe(0);
  });
});

describe("office-host: what Excel tells about itself", () => {
  it("has no signed-in user's name: Office.context.userProfile belongs to Outlook's Mailbox (C9)", () => {
    const { services } = install({ userProfile: { displayName: "Nguyễn Văn A" } });
    expect(services.host.userName).toBeNull();
    expect(services.host.kind).toBe("excel");
  });

  it("on Excel for Mac, offers no download and never reports an export that did not happen (B3)", async () => {
    const { services } = install({ platform: "Mac" });
    expect(services.host.canSaveFiles).toBe(false);
    const plan = services.parsePlan(SEED);
    await services.createWorkbook({ plan, indicators: services.defaultIndicators(plan) });
    const summary = await services.collectAndSummarise();
    await expect(services.exportReportDocx(summary.report)).rejects.toMatchObject({
      code: "DOWNLOAD_NOT_SUPPORTED",
    });
  });

  it("on Windows and the web, saves files through the browser", () => {
    expect(install({ platform: "PC" }).services.host.canSaveFiles).not.toBe(false);
    expect(install({ platform: "OfficeOnline" }).services.host.canSaveFiles).not.toBe(false);
  });
});

describe("office-host: the Mac route", () => {
  it("refuses to 'save' a file on Mac and iPad instead of pretending (the anchor download does nothing there)", async () => {
    const { host } = install();
    for (const platform of ["Mac", "iOS"]) {
      const hooks = officeHostHooks(host.excel, { platform });
      await expect(hooks.saveFile(new Uint8Array([1]), "r.docx", "x")).rejects.toMatchObject({
        code: "DOWNLOAD_NOT_SUPPORTED",
        messageEn: expect.stringContaining("Excel for Mac"),
      });
    }
  });
});
