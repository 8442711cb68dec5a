/**
 * The pane's AppServices over the real use-cases and the Office.js port, driven by the simulated Excel host:
 * the same wiring as the playground and Excel, without a browser.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { createAppServices } from "../../src/taskpane/services-from-port";
import type { ProgressStage } from "../../src/taskpane/services";
import { createWorkbook } from "../../src/app/create-workbook";
import { parseState } from "../../src/core/state/serialize-state";
import JSZip from "jszip";
import { newWorkbook, openWorkbookBuffer, workbookToBuffer } from "../../src/file/workbook-bytes";
import { sampleFills } from "../../src/cli/sample-figures";

const SEED = readFileSync(join(__dirname, "../fixtures/plans/seed-334-KH-CB.txt"), "utf8");

function setup(nowIso: string) {
  const host = new SimulatedExcelHost({ sheets: ["Sheet1"], apiVersion: "1.7" });
  const port = createOfficeWorkbookPort(host.runner, {
    isSetSupported: (v) => host.isSetSupported("ExcelApi", v),
  });
  const saved: { fileName: string; bytes: Uint8Array }[] = [];
  const activationListeners = new Set<() => void>();
  const services = createAppServices(port, {
    info: { kind: "playground", displayLanguage: "vi-VN", userName: "Thư ký" },
    activeSheet: async () => {
      const s = host.model.sheets.find((x) => x.id === host.model.activeSheetId);
      return s ? { id: s.id, name: s.name } : null;
    },
    onActiveSheetChanged: (listener) => {
      activationListeners.add(listener);
      return () => activationListeners.delete(listener);
    },
    saveFile: async (bytes, fileName) => {
      saved.push({ fileName, bytes });
    },
    now: () => new Date(nowIso),
  });
  /** What Excel does a moment after any activation: tell the subscribers. */
  const fireActivated = () => activationListeners.forEach((l) => l());
  return { host, services, saved, fireActivated };
}

/** Column-A code → row number of a sheet. */
function rows(host: SimulatedExcelHost, sheet: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [a, v] of Object.entries(host.values(sheet))) {
    const m = /^A(\d+)$/.exec(a);
    if (m && typeof v === "string") out.set(v, Number(m[1]));
  }
  return out;
}

describe("createAppServices over the simulated host", () => {
  it("runs the whole flow: plan → tracker → fill and submit → summary → .docx → reopen", async () => {
    const { host, services, saved } = setup("2022-10-14T09:00:00+07:00");
    expect(await services.loadTracker()).toBeNull();

    const plan = services.parsePlan(SEED);
    const indicators = services.defaultIndicators(plan);
    expect(indicators.length).toBeGreaterThan(0);
    const created = await services.createWorkbook({ plan, indicators });
    expect(created.updated).toBe(false);
    expect(created.unitCount).toBeGreaterThanOrEqual(3);

    const tracker = await services.loadTracker();
    expect(tracker?.planNumber).toBe("334-KH/CB");
    expect(tracker?.units.every((u) => u.status === "not-due")).toBe(true);
    expect(tracker?.reminder).toContain("Kính gửi:");

    // The first unit fills its tab and submits.
    const unit = tracker!.units[0];
    const r = rows(host, unit.sheetName);
    const typed: Record<string, number> = {};
    indicators.forEach((ind, i) => {
      const row = r.get(ind.code);
      if (!row) return;
      typed[ind.code] = (i + 1) * 5;
      host.setCellByUser(unit.sheetName, `D${row}`, typed[ind.code]);
    });
    expect(Object.keys(typed).length).toBe(indicators.length);
    await services.activate(unit.sheetId, unit.sheetName);
    const tab = await services.activeUnitTab();
    expect(tab?.name).toBe(unit.name);
    expect(tab?.submittedAt).toBeNull();
    expect(tab?.canSubmit).toBe(true);
    const submitted = await services.submitUnitTab(tab!.sheetId);
    expect(submitted.submittedAt).not.toBeNull();

    const stages: ProgressStage["stage"][] = [];
    const summary = await services.collectAndSummarise((p) => stages.push(p.stage));
    expect(stages).toContain("reading");
    expect(stages[stages.length - 1]).toBe("writing");
    expect(summary.submittedCount).toBe(1);
    expect(summary.onTimeCount).toBe(1);
    expect(summary.unitCount).toBe(tracker!.units.length);
    for (const f of summary.figures) expect(f.total).toBe(typed[f.code]);
    expect(host.snapshot().sheets.some((s) => s.name === summary.summarySheetName)).toBe(true);

    const exported = await services.exportReportDocx(summary.report);
    expect(exported.fileName).toMatch(/^bao-cao-tong-hop-334-KH-CB-.*\.docx$/);
    expect(Buffer.from(saved[0].bytes.slice(0, 2)).toString()).toBe("PK");

    await services.reopenUnitTab(unit.unitId, "Bổ sung kinh phí");
    const after = await services.loadTracker();
    expect(after?.units.find((u) => u.unitId === unit.unitId)?.submittedAt).toBeNull();

    const again = await services.createWorkbook({ plan, indicators });
    expect(again.updated).toBe(true);
  });

  it("after the deadlines, the summary names every unit still to chase, with its tab, deadline and days overdue", async () => {
    const { host, services } = setup("2022-10-20T09:00:00+07:00");
    expect(await services.workbookHasPlan()).toBe(false);
    const syncsBefore = host.syncCount;
    await services.workbookHasPlan();
    expect(host.syncCount - syncsBefore).toBe(1);

    const plan = services.parsePlan(SEED);
    await services.createWorkbook({ plan, indicators: services.defaultIndicators(plan) });
    expect(await services.workbookHasPlan()).toBe(true);
    const tracker = (await services.loadTracker())!;

    const summary = await services.collectAndSummarise();
    expect(summary.followUp.length).toBe(tracker.units.length);
    for (const u of summary.followUp) {
      const row = tracker.units.find((r) => r.unitId === u.unitId)!;
      expect(u).toMatchObject({
        name: row.name,
        sheetId: row.sheetId,
        sheetName: row.sheetName,
        status: "missing",
      });
      expect(u.deadline).toBe(row.deadline);
      // 20/10 against deadlines of 15–17/10.
      expect(u.daysLate).toBe(
        Math.round((Date.parse("2022-10-20") - Date.parse(row.deadline!)) / 86_400_000),
      );
    }
    // Longest overdue first.
    const days = summary.followUp.map((u) => u.daysLate);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
  });

  it("says the active sheet is not a unit tab, and refuses an unknown file type with an AppError", async () => {
    const { services } = setup("2022-10-14T09:00:00+07:00");
    expect(await services.activeUnitTab()).toBeNull();
    const file = (name: string, bytes: number[]) =>
      ({ name, arrayBuffer: async () => new Uint8Array(bytes).buffer }) as unknown as File;
    await expect(services.readPlanFile(file("kh.pdf", [1, 2, 3]))).rejects.toMatchObject({
      code: "UNREADABLE_FILE",
      messageVi: expect.stringContaining("tệp .pdf bị hỏng hoặc không phải tệp PDF"),
    });
    // Word 97–2003 has no reader in the pane: it says to save as .docx or use the command line.
    const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0];
    await expect(services.readPlanFile(file("kh.doc", cfb))).rejects.toMatchObject({
      code: "UNSUPPORTED_DOCUMENT",
      messageVi: expect.stringContaining("lưu thành .docx"),
      messageEn: expect.stringContaining("save it as .docx"),
    });
  });

  it("a sheet the pane activates (tracker row, finding) is not reported as the user switching tabs", async () => {
    const { host, services, fireActivated } = setup("2022-10-14T09:00:00+07:00");
    await services.createWorkbook({ plan: services.parsePlan(SEED), indicators: [] });
    const units = (await services.loadTracker())!.units;
    const [first, second] = units;
    let switches = 0;
    const unsubscribe = services.onActiveSheetChanged(() => switches++);
    const settle = () => new Promise((r) => setTimeout(r, 0));

    await services.activate(first.sheetId, first.sheetName);
    expect(host.model.activeSheetId).toBe(first.sheetId);
    fireActivated();
    await settle();
    expect(switches).toBe(0);

    // The user then goes to another tab themselves: that one is reported.
    host.model.activeSheetId = second.sheetId!;
    fireActivated();
    await settle();
    expect(switches).toBe(1);

    // Activating the sheet that is already active fires no event in Excel, so nothing stays pending.
    await services.activate(second.sheetId, second.sheetName);
    host.model.activeSheetId = first.sheetId!;
    fireActivated();
    await settle();
    expect(switches).toBe(2);
    unsubscribe();
  });

  it("imports a unit's tab from the .xlsx copy it sent back; an unreadable file is refused, the others go on", async () => {
    const { host, services } = setup("2022-10-15T09:00:00+07:00");
    const plan = services.parsePlan(SEED);
    const indicators = services.defaultIndicators(plan);
    await services.createWorkbook({ plan, indicators });
    const port = createOfficeWorkbookPort(host.runner, { isSetSupported: () => true });
    const planId = parseState((await port.readOverview()).stateXml!).planId;

    // The copy the unit filled in: the same plan, written by the file adapter, figures typed in one tab.
    const copy = newWorkbook();
    await createWorkbook(copy, { plan, indicators, planId, now: new Date("2022-10-13T08:00:00+07:00") });
    const copyState = parseState((await copy.readOverview()).stateXml!);
    const grids = await copy.readGrids(copyState.units.map((u) => u.sheetId!));
    const fill = sampleFills(copyState, grids).find((f) => f.scenario === "on-time")!;
    copy.typeValues(fill.sheetId, fill.cells);
    const returned = new File(
      [(await workbookToBuffer(copy)) as Uint8Array<ArrayBuffer>],
      `${fill.sheetName} gửi lại.xlsx`,
    );
    const broken = new File([new Uint8Array([1, 2, 3])], "hỏng.xlsx");

    const { items } = await services.importReturnedFiles([broken, returned], false);
    expect(items.find((i) => i.file === "hỏng.xlsx")).toMatchObject({ outcome: "refused" });
    expect(items.find((i) => i.file === "hỏng.xlsx")!.messageVi).toContain("Không đọc được tệp");
    const imported = items.filter((i) => i.outcome === "imported");
    expect(imported).toHaveLength(1);
    expect(imported[0].cells).toBeGreaterThan(0);
    const unitSheet = host.model.sheets.find((s) => s.name === fill.sheetName)!;
    for (const [address, value] of Object.entries(fill.cells))
      expect(host.cell(unitSheet.id, address)).toMatchObject({ value });
  });

  it("makes a file per unit from the open workbook and hands them over as one .zip; the password stays out of the workbook", async () => {
    const { host, services, saved } = setup("2022-10-14T09:00:00+07:00");
    const plan = services.parsePlan(SEED);
    await services.createWorkbook({ plan, indicators: services.defaultIndicators(plan) });
    const units = (await services.loadTracker())!.units;
    const before = JSON.stringify(host.snapshot());
    const steps: string[] = [];
    const made = await services.createUnitFiles(
      { [units[0].unitId]: "Mật khẩu 1", [units[1].unitId]: "" },
      (p) => steps.push(`${p.done}/${p.total}`),
    );
    expect(made.zipName).toBe("tep-don-vi-334-KH-CB.zip");
    expect(made.files.map((f) => [f.unit, f.withPassword])).toEqual(units.map((u, i) => [u.name, i === 0]));
    expect(steps.at(-1)).toBe(`${units.length}/${units.length}`);
    expect(saved.map((s) => s.fileName)).toEqual([made.zipName]);
    const zip = await JSZip.loadAsync(saved[0].bytes);
    expect(Object.keys(zip.files).sort()).toEqual(made.files.map((f) => f.fileName).sort());
    for (const f of made.files) {
      const port = await openWorkbookBuffer(await zip.file(f.fileName)!.async("uint8array"), f.fileName);
      const sheets = (await port.readOverview()).sheets.map((s) => s.name);
      expect(sheets).toEqual(["Hướng dẫn", units.find((u) => u.unitId === f.unitId)!.sheetName]);
    }
    // Making the files reads the workbook and writes nothing into it (no password, no state change).
    expect(JSON.stringify(host.snapshot())).toBe(before);
    expect(before).not.toContain("Mật khẩu 1");
  });
});
