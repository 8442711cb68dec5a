import { createWorkbook } from "../../src/app/create-workbook";
import type { WorkbookPort } from "../../src/app/workbook-port";
import type { WorkbookChanges } from "../../src/core/workbook/model";
import { generatePlan } from "../../src/core/workbook/generate-plan";
import { INDICATOR_CATALOGUE } from "../../src/core/workbook/indicator-catalogue";
import { createOfficeWorkbookPort, planWriteRequests } from "../../src/excel/office-workbook-port";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";

const FEATURES = { api17: true, api18: true, api19: true };

describe("write-size estimate against the simulated host's counted request bytes", () => {
  test("per sync: never below what the host counts, and within 25 % above it", async () => {
    const host = new SimulatedExcelHost();
    const budget = 200 * 1024; // small, so the create of 20 units takes several syncs
    const inner = createOfficeWorkbookPort(host.runner, {
      isSetSupported: () => true,
      requestBudgetBytes: budget,
    });
    const applied: WorkbookChanges[] = [];
    const port: WorkbookPort = {
      ...inner,
      applyChanges: (changes) => {
        applied.push(changes);
        return inner.applyChanges(changes);
      },
    };
    const from = host.syncCount + 1; // the overview read comes first
    await createWorkbook(port, {
      plan: generatePlan(20),
      indicators: INDICATOR_CATALOGUE.slice(0, 20),
      now: new Date("2022-10-12T09:00:00+07:00"),
    });
    expect(applied).toHaveLength(1);
    const chunks = planWriteRequests(applied[0], FEATURES, budget);
    const syncs = host.syncs.slice(from);
    expect(syncs).toHaveLength(chunks.length);
    expect(chunks.length).toBeGreaterThan(2);
    chunks.forEach((chunk, i) => {
      const estimated = chunk.reduce((n, c) => n + c.bytes, 0);
      const counted = syncs[i].requestBytes;
      expect(counted).toBeLessThanOrEqual(budget);
      expect(estimated).toBeGreaterThanOrEqual(counted);
      expect(estimated).toBeLessThanOrEqual(counted * 1.25);
    });
  });
});
