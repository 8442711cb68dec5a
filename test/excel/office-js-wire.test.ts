/**
 * Finding A1 (Office.js conformance review): the write requests the adapter plans are replayed through the
 * real Office.js runtime (test/support/office-js-runtime.ts) and their real bytes compared with the
 * adapter's estimate and with Excel on the web's 5 MB limit.
 */
import { planWorkbookChanges } from "../../src/core/workbook/plan-changes";
import { generatePlan } from "../../src/core/workbook/generate-plan";
import type { WorkbookChanges } from "../../src/core/workbook/model";
import { EXCEL_PAYLOAD_LIMIT_BYTES } from "../../src/excel/office-workbook-port";
import { WriteSession } from "../../src/excel/queue-commands";
import { planWriteRequests, queueWriteRequest, type WriteRequest } from "../../src/excel/write-requests";
import { benchIndicators } from "../../bench/workload";
import { captureSync, officeJsContext } from "../support/office-js-runtime";

const FEATURES = { api17: true, api18: true, api19: true };
/** Excel on the web's documented limit, "5 MB", read as the smaller 5,000,000 bytes. */
const REAL_LIMIT = 5_000_000;
const BUDGET = Math.floor(EXCEL_PAYLOAD_LIMIT_BYTES * 0.97);

async function creation(units: number): Promise<WorkbookChanges> {
  return planWorkbookChanges({
    plan: generatePlan(units),
    indicators: await benchIndicators(50),
    previous: null,
    sheets: [{ id: "{00000000-0001-0000-0000-000000000000}", name: "Sheet1", position: 0, visible: true }],
    grids: [],
    planId: "wire-test",
  }).changes;
}

/**
 * The planned requests queued by the adapter's own code on one real Office.js context, in order, as one
 * Excel.run sends them (the ids go on growing from request to request); a sheet added by an earlier
 * request is then fetched by an id of Excel's length.
 */
async function replay(changes: WorkbookChanges, requests: WriteRequest[]): Promise<number[]> {
  const real: number[] = [];
  let sheetNo = 0;
  const session = new WriteSession(officeJsContext(), FEATURES);
  for (const [i, r] of requests.entries()) {
    queueWriteRequest(session, r.commands, changes, i === 0);
    real.push((await captureSync(session.context)).bytes);
    session.endRequest(() => `{${String(++sheetNo).padStart(8, "0")}-0001-0000-0000-000000000000}`);
  }
  return real;
}

/** The creation's tabs written again as existing sheets (fetched by id, unprotected, guarded reads). */
function update(changes: WorkbookChanges): WorkbookChanges {
  return {
    ...changes,
    patches: changes.patches.map((p, i) => ({
      ...p,
      create: false,
      sheetId: `{${String(i + 2).padStart(8, "0")}-0001-0000-0000-000000000000}`,
      replaceAll: p.layout.key === "tracker",
      mustBeEmpty: p.layout.role === "unit" ? ["A90:G90"] : undefined,
    })),
  };
}

describe("write requests through the real Office.js serializer (50 indicators)", () => {
  it.each([10, 100, 200, 500])(
    "creating %i unit tabs: every request's real bytes ≤ the estimate (within 15 %) and < 5 MB",
    async (units) => {
      const changes = await creation(units);
      const requests = planWriteRequests(changes, {
        features: FEATURES,
        existingStyles: new Set(["Normal"]),
        budget: BUDGET,
        limit: EXCEL_PAYLOAD_LIMIT_BYTES,
      });
      const real = await replay(changes, requests);
      requests.forEach((r, i) => {
        expect(real[i]).toBeLessThan(REAL_LIMIT);
        expect(real[i]).toBeLessThanOrEqual(r.bytes);
        expect(r.bytes).toBeLessThanOrEqual(real[i] * 1.15);
      });
    },
  );

  it("updating 200 existing tabs with formats set one by one (the workbook's styles not known): the same", async () => {
    const changes = update(await creation(200));
    const requests = planWriteRequests(changes, {
      features: FEATURES,
      existingStyles: null,
      budget: BUDGET,
      limit: EXCEL_PAYLOAD_LIMIT_BYTES,
    });
    expect(requests.length).toBeGreaterThan(1);
    const real = await replay(changes, requests);
    requests.forEach((r, i) => {
      expect(real[i]).toBeLessThan(REAL_LIMIT);
      expect(real[i]).toBeLessThanOrEqual(r.bytes);
      expect(r.bytes).toBeLessThanOrEqual(real[i] * 1.15);
    });
  });

  it("a summary's print setup (area, page header, page numbers) and a state part replacing two parts: the same", async () => {
    const created = await creation(10);
    const changes: WorkbookChanges = {
      ...created,
      patches: created.patches.map((p) =>
        p.layout.key === "tracker"
          ? {
              ...p,
              layout: {
                ...p.layout,
                print: {
                  ...p.layout.print,
                  area: "B1:G80",
                  pageHeader: "ỦY BAN NHÂN DÂN XÃ PHÚ LỘC — Báo cáo tổng hợp & theo dõi",
                  pageNumbers: true,
                },
              },
            }
          : p,
      ),
    };
    const requests = planWriteRequests(changes, {
      features: FEATURES,
      existingStyles: new Set(["Normal"]),
      budget: BUDGET,
      limit: EXCEL_PAYLOAD_LIMIT_BYTES,
      replacesParts: ["{6A1D0C6B-0F63-4C0B-9B9B-0C5E1B2A3F10}", "{0B5C2F0E-2F1D-4A39-8E11-7D4C3B2A1F00}"],
    });
    const ops = requests.flatMap((r) => r.commands.map((c) => c.command));
    expect(ops.find((c) => c.op === "printSetup")).toMatchObject({
      area: "B1:G80",
      pageFooter: "Trang &P/&N",
    });
    expect(ops.find((c) => c.op === "replaceStatePart")).toMatchObject({ replaces: expect.any(Array) });
    const real = await replay(changes, requests);
    requests.forEach((r, i) => {
      expect(real[i]).toBeLessThanOrEqual(r.bytes);
      expect(r.bytes).toBeLessThanOrEqual(real[i] * 1.15);
    });
  });
});
