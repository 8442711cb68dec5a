import { HostError } from "../../src/core/errors";
import type { SheetGrid } from "../../src/core/workbook/grid";
import { gridResponseBytes } from "../../src/excel/estimate-size";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";

/** A host with a small payload limit, so a few sheets pass it (the real limit is 5 MB). */
const LIMIT = 64 * 1024;

function portOn(host: SimulatedExcelHost) {
  return createOfficeWorkbookPort(host.runner, { isSetSupported: () => true, payloadLimitBytes: LIMIT });
}

/** A host refusing requests and responses over LIMIT, as Excel on the web does over 5 MB. */
const newHost = () => new SimulatedExcelHost({ payloadLimitBytes: LIMIT });

/** Add `n` sheets of `rows` × 6 cells of text (one sync each, to stay under the request limit). */
async function addSheets(
  host: SimulatedExcelHost,
  n: number,
  rows: number,
  text = "Báo cáo",
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      await host.run(async (context) => {
        const s = context.workbook.worksheets.add(`${text.slice(0, 10)} ${i + 1}`);
        s.load("id");
        s.getRange(`A1:F${rows}`).values = Array.from({ length: rows }, (_, r) =>
          Array.from({ length: 6 }, (_, c) => `${text} ${i}.${r}.${c}`),
        );
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- test setup, one sheet per request
        await context.sync();
        return s.id;
      }),
    );
  }
  return ids;
}

/** The syncs since `from`, and the checks every read must pass: no response over the limit. */
function syncsSince(host: SimulatedExcelHost, from: number) {
  const syncs = host.syncs.slice(from);
  for (const s of syncs) if (!s.error) expect(s.responseBytes).toBeLessThan(LIMIT);
  return syncs;
}

function byId(grids: SheetGrid[]): Map<string, SheetGrid> {
  return new Map(grids.map((g) => [g.sheetId, g]));
}

describe("reads split under the response limit", () => {
  test("a read that fits takes one sync", async () => {
    const host = newHost();
    const ids = await addSheets(host, 3, 20);
    const from = host.syncCount;
    const grids = await portOn(host).readGrids(ids);
    expect(grids.map((g) => g.sheetId)).toEqual(ids);
    expect(syncsSince(host, from)).toHaveLength(1);
  });

  test("cold: many sheets are read in several syncs, none refused, same grids as one by one", async () => {
    const host = newHost();
    const ids = await addSheets(host, 24, 40); // ≈ 7 KB each, ≈ 170 KB in all
    const from = host.syncCount;
    const port = portOn(host);
    const grids = await port.readGrids(ids);
    const syncs = syncsSince(host, from);
    expect(syncs.every((s) => !s.error)).toBe(true);
    const total = grids.reduce((n, g) => n + gridResponseBytes(g), 0);
    expect(total).toBeGreaterThan(2 * LIMIT);
    // Close to the fewest the total allows: the first sync is sized by a guess (and loads the others'
    // dimensions), the later ones by estimates with a margin.
    expect(syncs.length).toBeLessThanOrEqual(Math.ceil(total / (0.9 * LIMIT)) + 2);
    expect(syncs.length).toBeLessThan(ids.length / 3);
    expect(grids.map((g) => g.sheetId)).toEqual(ids);
    // The same content as reading each sheet alone.
    const single = byId([]);
    for (const id of ids.slice(0, 3)) single.set(id, (await portOn(host).readGrids([id]))[0]);
    for (const [id, g] of single) expect(byId(grids).get(id)).toEqual(g);
  });

  test("warm: the overview carries the grids that fit, readGrids the rest, no response refused", async () => {
    const host = newHost();
    const ids = await addSheets(host, 24, 40);
    const port = portOn(host);
    await port.readGrids(ids); // sizes measured
    const from = host.syncCount;
    const overview = await port.readOverview(ids);
    expect(overview.grids.length).toBeGreaterThan(0);
    expect(overview.grids.length).toBeLessThan(ids.length);
    const have = new Set(overview.grids.map((g) => g.sheetId));
    const rest = await port.readGrids(ids.filter((id) => !have.has(id)));
    expect(overview.grids.length + rest.length).toBe(ids.length);
    const syncs = syncsSince(host, from);
    expect(syncs.every((s) => !s.error)).toBe(true);
    const total = [...overview.grids, ...rest].reduce((n, g) => n + gridResponseBytes(g), 0);
    expect(syncs.length).toBeLessThanOrEqual(Math.ceil(total / (0.9 * LIMIT)) + 1);
  });

  test("safety net: sheets larger than guessed are refused once, then read in halves", async () => {
    const host = newHost();
    // ≈ 30 KB each: two fit under the limit, the first guess (16 KB each) takes three.
    const ids = await addSheets(host, 5, 60, "Nội dung dài hơn dự kiến của đơn vị");
    const from = host.syncCount;
    const grids = await portOn(host).readGrids(ids);
    expect(grids.map((g) => g.sheetId)).toEqual(ids);
    const syncs = syncsSince(host, from);
    expect(syncs.some((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(syncs.length).toBeLessThanOrEqual(8);
  });

  /** A sheet written in slices (each request under the limit) whose used range is read as one (over it). */
  async function addBigSheet(
    host: SimulatedExcelHost,
    rows: number,
    text = "Ô có nội dung",
    slice = 100,
  ): Promise<string> {
    const big = await host.run(async (context) => {
      const s = context.workbook.worksheets.add("Trang rất lớn");
      s.load("id");
      await context.sync();
      return s.id;
    });
    for (let top = 1; top <= rows; top += slice)
      await host.run(async (context) => {
        context.workbook.worksheets.getItem(big).getRange(`A${top}:F${top + slice - 1}`).values = Array.from(
          { length: slice },
          (_, r) => Array.from({ length: 6 }, (_, c) => `${text} ${top + r}.${c}`),
        );
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- test setup, under the request limit
        await context.sync();
      });
    return big;
  }

  test("one sheet alone over the limit (a summary sheet of 500 units): read in row bands, the same grid", async () => {
    const host = newHost();
    const [small] = await addSheets(host, 1, 5);
    const big = await addBigSheet(host, 400); // ≈ 150 KB: two to four bands of the 64 KB limit
    const port = portOn(host);
    await port.readOverview(); // the sheet names
    const from = host.syncCount;
    const grids = await port.readGrids([small, big]);
    const syncs = syncsSince(host, from);
    expect(grids.map((g) => g.sheetId)).toEqual([small, big]);
    const written = Array.from({ length: 400 }, (_, r) =>
      Array.from({ length: 6 }, (_, c) => `Ô có nội dung ${r + 1}.${c}`),
    );
    expect(grids[1]).toEqual({
      sheetId: big,
      name: "Trang rất lớn",
      origin: { row: 0, column: 0 },
      values: written,
      formulas: written,
    });
    expect(syncs.length).toBeLessThanOrEqual(8);
  });

  test("warm: a sheet of many times the others' cells, over the limit, goes straight to bands — no refused read", async () => {
    const host = newHost();
    const small = await addSheets(host, 12, 8);
    const big = await addBigSheet(host, 400);
    const port = portOn(host);
    const ids = [...small, big];
    const from = host.syncCount;
    const overview = await port.readOverview(ids);
    const have = new Set(overview.grids.map((g) => g.sheetId));
    const rest = await port.readGrids(ids.filter((id) => !have.has(id)));
    const syncs = syncsSince(host, from);
    expect(syncs.filter((s) => s.error)).toEqual([]);
    const grids = byId([...overview.grids, ...rest]);
    expect(grids.size).toBe(ids.length);
    expect(grids.get(big)!.values).toHaveLength(400);
    expect(grids.get(big)!.values[399][5]).toBe("Ô có nội dung 400.5");
  });

  test("a sheet read in bands is framed by its used range as of this read, not by dimensions an earlier read loaded", async () => {
    const host = newHost();
    const small = await addSheets(host, 12, 8);
    const big = await addBigSheet(host, 400);
    const port = portOn(host);
    await port.readOverview([...small, big]); // loads the big sheet's dimensions: 400 rows
    // Meanwhile the sheet grows (the next summary writes more rows).
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(big).getRange("A401:F420").values = Array.from(
        { length: 20 },
        (_, r) => Array.from({ length: 6 }, (_, c) => `Ô có nội dung ${401 + r}.${c}`),
      );
      await context.sync();
    });
    await port.readOverview();
    const [grid] = await port.readGrids([big]);
    expect(grid.values).toHaveLength(420);
    expect(grid.values[419][5]).toBe("Ô có nội dung 420.5");
  });

  test("one row alone over the limit: a bilingual HostError naming the sheet, after a bounded number of syncs", async () => {
    const host = newHost();
    const [small] = await addSheets(host, 1, 5);
    const big = await addBigSheet(host, 3, "x".repeat(6000), 1); // one row ≈ 72 KB read back
    const port = portOn(host);
    await port.readOverview();
    const from = host.syncCount;
    const error = await port.readGrids([small, big]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    const e = error as HostError;
    expect(e.messageVi).toContain("Trang rất lớn");
    expect(e.messageEn).toContain("Trang rất lớn");
    expect(e.messageVi).toMatch(/vượt giới hạn/);
    expect(e.messageEn).toMatch(/passes Excel's/);
    expect(host.syncCount - from).toBeLessThanOrEqual(12);
  });
});
