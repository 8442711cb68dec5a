import { createWorkbook } from "../../src/app/create-workbook";
import type { WorkbookPort } from "../../src/app/workbook-port";
import type { WorkbookChanges } from "../../src/core/workbook/model";
import { generatePlan } from "../../src/core/workbook/generate-plan";
import { INDICATOR_CATALOGUE } from "../../src/core/workbook/indicator-catalogue";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { planWriteRequests } from "../../src/excel/write-requests";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";

const FEATURES = { api17: true, api18: true, api19: true };

describe("write requests measured before they are sent, against the simulated host's count", () => {
  it("per sync: the planned bytes are what the host counts (Office.js's request shape), all within the budget", async () => {
    const host = new SimulatedExcelHost();
    const budget = 200 * 1000; // small, so the create of 20 units takes several syncs
    const inner = createOfficeWorkbookPort(host.runner, {
      isSetSupported: () => true,
      requestBudgetBytes: budget,
    });
    const styles = new Set(host.model.styles.map((s) => s.name));
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
    const requests = planWriteRequests(applied[0], {
      features: FEATURES,
      existingStyles: styles,
      budget,
      limit: 5_000_000,
    });
    const syncs = host.syncs.slice(from);
    expect(syncs).toHaveLength(requests.length);
    expect(requests.length).toBeGreaterThan(2);
    requests.forEach((r, i) => {
      expect(syncs[i].requestBytes).toBeLessThanOrEqual(budget);
      expect(r.bytes).toBe(syncs[i].requestBytes);
    });
  });
});
