/**
 * Finding A1, second part: when Excel refuses a write request as too large (RequestPayloadSizeLimitExceeded)
 * the adapter splits it and sends it again, and that is safe whether or not Excel applied part of it.
 */
import { readFileSync } from "fs";
import { createWorkbook } from "../../src/app/create-workbook";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { adr } from "../../src/core/workbook/address";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import type { CellSpec, SheetLayout } from "../../src/core/workbook/model";
import { buildWorkbookLayout } from "../../src/core/workbook/plan-changes";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { Messages, SimulatedExcelHost, SimulatedOfficeError } from "../../src/testing/simulated-excel";
import type { SheetSnapshot } from "../../src/testing/simulated-excel";

const SEED = readFileSync(`${__dirname}/../fixtures/plans/seed-334-KH-CB.txt`, "utf8");
const NOW = new Date("2022-10-13T08:00:00+07:00");
const plan = parsePlan(SEED);
const indicators = defaultIndicators(plan);
const REFUSED = "RequestPayloadSizeLimitExceeded";

const portOn = (host: SimulatedExcelHost) =>
  createOfficeWorkbookPort(host.runner, { isSetSupported: (v) => host.isSetSupported("ExcelApi", v) });

/** What a person sees of a sheet (ids and the order of the state part aside). */
const look = (s: SheetSnapshot) => {
  const { id: _id, ...rest } = s;
  void _id;
  return rest;
};

/** The seed workbook as a host without surprises holds it after one create. */
async function reference(): Promise<SheetSnapshot[]> {
  const host = new SimulatedExcelHost();
  await createWorkbook(portOn(host), { plan, indicators, now: NOW });
  return host.snapshot().sheets;
}

describe("a write request Excel refuses as too large is split and sent again", () => {
  it("a host whose limit is far below what the adapter plans for: refused requests are halved until each gets through", async () => {
    const host = new SimulatedExcelHost({ payloadLimitBytes: 40_000 });
    const result = await createWorkbook(portOn(host), { plan, indicators, now: NOW });
    const refused = host.syncs.filter((s) => s.error === REFUSED);
    expect(refused.length).toBeGreaterThan(0);
    expect(host.syncs.every((s) => s.error === REFUSED || (s.requestBytes <= 40_000 && !s.error))).toBe(true);
    expect(result.roundTrips).toBe(host.syncCount);
    expect(host.snapshot().sheets.map(look)).toEqual((await reference()).map(look));
    // The next run finds every tab (by name: the write took too many round trips to store the new ids).
    const again = await createWorkbook(portOn(host), { plan, indicators, now: NOW });
    expect(host.snapshot().sheets).toHaveLength(5);
    for (const u of again.state.units) expect(u.sheetId).toBe(host.sheetId(u.sheetName));
  });

  it("one 2-D write alone over the host's limit is split into row bands", async () => {
    const host = new SimulatedExcelHost({ payloadLimitBytes: 1_000_000 });
    const cells: Record<string, CellSpec> = {};
    for (let r = 0; r < 300; r++)
      for (let c = 0; c < 10; c++) cells[adr(r, c)] = { value: `ô ${adr(r, c)} ${"ệ".repeat(200)}` };
    const layout: SheetLayout = {
      key: "unit:big",
      role: "unit",
      name: "Tổ lớn",
      cells,
      merges: [],
      columnWidths: [],
      inputRanges: [],
      validations: [],
      print: { paper: "A4", orientation: "portrait", fitToWidth: false },
      protection: { protect: true },
    };
    const result = await portOn(host).applyChanges({
      patches: [{ sheetId: null, create: true, layout, cells }],
    });
    expect(host.syncs.filter((s) => s.error === REFUSED).length).toBeGreaterThan(0);
    expect(host.snapshot().sheets.filter((s) => s.name === "Tổ lớn")).toHaveLength(1);
    expect(host.cell("Tổ lớn", "A1").value).toBe(cells.A1.value);
    expect(host.cell("Tổ lớn", "J300").value).toBe(cells.J300.value);
    expect(host.snapshot().sheets.find((s) => s.name === "Tổ lớn")!.protected).toBe(true);
    expect(result.sheetIds["unit:big"]).toBe(host.sheetId("Tổ lớn"));
  });

  // Excel's documents do not say whether a refused request applied nothing. The simulated host applies
  // nothing of an oversized request; here it applies the first N actions of the first write and then
  // refuses it, so the resend meets sheets and styles that exist and a tab that is protected already.
  it.each([3, 60, 250, 100_000])(
    "safe when Excel had applied %i actions of the refused request: no sheet or style added twice, the same workbook",
    async (afterActions) => {
      const host = new SimulatedExcelHost();
      host.failOnSync(2, new SimulatedOfficeError(REFUSED, Messages.requestPayloadSizeLimitExceeded), {
        afterActions,
      });
      const result = await createWorkbook(portOn(host), { plan, indicators, now: NOW });
      expect(host.syncs[1].error).toBe(REFUSED);
      expect(host.snapshot().sheets.map(look)).toEqual((await reference()).map(look));
      const names = host.model.styles.map((s) => s.name.toUpperCase());
      expect(new Set(names).size).toBe(names.length);
      for (const u of result.state.units) expect(u.sheetId).toBe(host.sheetId(u.sheetName));
      const layouts = buildWorkbookLayout(result.state).sheets;
      expect(layouts.filter((l) => l.role === "unit")).toHaveLength(3);
    },
  );
});
