/**
 * The simulated host's Excel.run rules that Office.js enforces outside a single batch: cell-edit mode,
 * how long a proxy lives, unsupported APIs reported at sync, and the events the pane listens to.
 */
import {
  SimulatedExcelHost,
  SimulatedOfficeError,
  SimRequestContext,
} from "../../src/testing/simulated-excel";
import type { SimRange } from "../../src/testing/simulated-excel/range";

async function errorOf(p: Promise<unknown>): Promise<SimulatedOfficeError | null> {
  try {
    await p;
  } catch (e) {
    return e as SimulatedOfficeError;
  }
  return null;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("simulated Excel host: cell-edit mode", () => {
  it("fails a run without delayForCellEdit while a cell is being edited, with Excel's code and text", async () => {
    const host = new SimulatedExcelHost();
    host.enterCellEditMode();
    const e = await errorOf(
      host.run(async (context) => {
        const s = context.workbook.worksheets.getActiveWorksheet();
        s.load("name");
        await context.sync();
      }),
    );
    expect(e?.code).toBe("InvalidOperationInCellEditMode");
    expect(e?.message).toBe(
      "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
    );
  });

  it("delays a run with delayForCellEdit until the edit ends, then runs it", async () => {
    const host = new SimulatedExcelHost();
    host.enterCellEditMode();
    let done = false;
    const run = host
      .run({ delayForCellEdit: true }, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
        await context.sync();
      })
      .then(() => (done = true));
    await tick();
    await tick();
    expect(done).toBe(false);
    expect(host.cell("Sheet1", "A1").value).toBe("");
    host.exitCellEditMode();
    await run;
    expect(host.cell("Sheet1", "A1").value).toBe("x");
  });

  it("clears the delay flag of a context reused without the option, as Office.js does", async () => {
    const host = new SimulatedExcelHost();
    const context = await host.run({ delayForCellEdit: true }, async (c) => c);
    host.enterCellEditMode();
    const e = await errorOf(
      host.run(context, async (c) => {
        c.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
        await c.sync();
      }),
    );
    expect(e?.code).toBe("InvalidOperationInCellEditMode");
    host.exitCellEditMode();
  });
});

describe("simulated Excel host: a proxy lives as long as its Excel.run", () => {
  it("refuses a command queued on a proxy after its run ended (InvalidObjectPath, Office.js's text)", async () => {
    const host = new SimulatedExcelHost();
    const range = await host.run(async (context) =>
      context.workbook.worksheets.getItem("Sheet1").getRange("A1"),
    );
    let thrown: SimulatedOfficeError | null = null;
    try {
      range.values = [["late"]];
    } catch (e) {
      thrown = e as SimulatedOfficeError;
    }
    expect(thrown?.code).toBe("InvalidObjectPath");
    expect(thrown?.message).toContain(`If you're using the object across multiple "context.sync" calls`);
    expect(host.cell("Sheet1", "A1").value).toBe("");
  });

  it("accepts it again inside a run on the same context (previousObjects, or the context itself)", async () => {
    const host = new SimulatedExcelHost();
    const range = await host.run(async (context) =>
      context.workbook.worksheets.getItem("Sheet1").getRange("A1"),
    );
    await host.run({ previousObjects: range }, async (context) => {
      range.values = [["again"]];
      await context.sync();
    });
    expect(host.cell("Sheet1", "A1").value).toBe("again");
    await host.run(range.context, async () => {
      range.values = [["once more"]];
    });
    expect(host.cell("Sheet1", "A1").value).toBe("once more");
  });

  it("keeps tracked objects usable after the run", async () => {
    const host = new SimulatedExcelHost();
    const range = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("B2");
      context.trackedObjects.add(r);
      return r;
    });
    range.values = [[7]];
    await range.context.sync();
    expect(host.cell("Sheet1", "B2").value).toBe(7);
  });

  it("refuses a proxy of another request context as an argument (InvalidRequestContext)", async () => {
    const host = new SimulatedExcelHost();
    let first: SimRange | null = null;
    const e = await errorOf(
      host.run(async (a) => {
        first = a.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
        await host.run(async (b) => {
          b.workbook.worksheets.getItem("Sheet1").freezePanes.freezeAt(first!);
        });
      }),
    );
    expect(e?.code).toBe("InvalidRequestContext");
    expect(e?.message).toBe("Cannot use the object across different request contexts.");
  });

  it("gives each plain run a new context", async () => {
    const host = new SimulatedExcelHost();
    const a = await host.run(async (c) => c);
    const b = await host.run(async (c) => c);
    expect(a).toBeInstanceOf(SimRequestContext);
    expect(a).not.toBe(b);
  });
});

describe("simulated Excel host: an API above the requirement set fails at sync", () => {
  it("queues the call without throwing; the sync fails with ApiNotFound after the earlier commands", async () => {
    const host = new SimulatedExcelHost({ apiVersion: "1.7" });
    let queued = false;
    const e = await errorOf(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["before"]];
        context.workbook.application.suspendScreenUpdatingUntilNextSync();
        queued = true;
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["after"]];
        await context.sync();
      }),
    );
    expect(queued).toBe(true);
    expect(e?.code).toBe("ApiNotFound");
    expect(e?.message).toBe(
      "The method or property Application.suspendScreenUpdatingUntilNextSync is part of the ExcelApi 1.9 requirement set, which is not available in your version of Excel.",
    );
    expect(host.cell("Sheet1", "A1").value).toBe("before");
    expect(host.cell("Sheet1", "A2").value).toBe("");
  });
});

describe("simulated Excel host: events", () => {
  it("calls onActivated handlers after a person or an add-in activates another sheet", async () => {
    const host = new SimulatedExcelHost({ sheets: ["Sheet1", "Sheet2"] });
    const seen: string[] = [];
    await host.run(async (context) => {
      context.workbook.worksheets.onActivated.add(async (args) => void seen.push(args.worksheetId));
      await context.sync();
    });
    host.activateSheetByUser("Sheet2");
    await host.flushEvents();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").activate();
    });
    await host.flushEvents();
    expect(seen).toEqual([host.sheetId("Sheet2"), host.sheetId("Sheet1")]);
  });

  it("registers a handler only at sync, and calls it after the change, not during it", async () => {
    const host = new SimulatedExcelHost();
    const seen: string[] = [];
    await host.run(async (context) => {
      context.workbook.worksheets
        .getItem("Sheet1")
        .onChanged.add(async (args) => void seen.push(args.address));
      host.setCellByUser("Sheet1", "A1", "before the sync");
      await context.sync();
    });
    await host.flushEvents();
    expect(seen).toEqual([]);
    host.setCellByUser("Sheet1", "D12", "12");
    expect(seen).toEqual([]);
    await host.flushEvents();
    expect(seen).toEqual(["D12"]);
  });

  it("raises onChanged for the add-in's own writes (one event per sheet and sync) and for co-authors", async () => {
    const host = new SimulatedExcelHost({ sheets: ["Sheet1", "Sheet2"] });
    const seen: { sheet: string; address: string; source: string }[] = [];
    await host.run(async (context) => {
      for (const name of ["Sheet1", "Sheet2"])
        context.workbook.worksheets
          .getItem(name)
          .onChanged.add(async (a) => void seen.push({ sheet: name, address: a.address, source: a.source }));
      await context.sync();
    });
    await host.run(async (context) => {
      const s = context.workbook.worksheets.getItem("Sheet1");
      s.getRange("B2:C3").values = [
        [1, 2],
        [3, 4],
      ];
      s.getRange("E5").values = [["x"]];
    });
    host.setCellByUser("Sheet2", "A1", "from a co-author", "Remote");
    await host.flushEvents();
    expect(seen).toEqual([
      { sheet: "Sheet1", address: "B2:E5", source: "Local" },
      { sheet: "Sheet2", address: "A1", source: "Remote" },
    ]);
  });

  it("removes a handler through its own context, after its run ended", async () => {
    const host = new SimulatedExcelHost();
    let calls = 0;
    const handler = await host.run(async (context) => {
      const h = context.workbook.worksheets.getItem("Sheet1").onChanged.add(async () => void calls++);
      await context.sync();
      return h;
    });
    expect(host.events.handlerCount).toBe(1);
    expect(() => handler.remove()).toThrow(/isn't working for what you're trying to do/);
    await host.run({ previousObjects: handler.context, delayForCellEdit: true }, async (context) => {
      handler.remove();
      await context.sync();
    });
    expect(host.events.handlerCount).toBe(0);
    host.setCellByUser("Sheet1", "A1", 1);
    await host.flushEvents();
    expect(calls).toBe(0);
  });

  it("offers the events from ExcelApi 1.7 only (ApiNotFound at sync below it)", async () => {
    const host = new SimulatedExcelHost({ apiVersion: "1.6" });
    const e = await errorOf(
      host.run(async (context) => {
        context.workbook.worksheets.onActivated.add(async () => undefined);
        await context.sync();
      }),
    );
    expect(e?.code).toBe("ApiNotFound");
    expect(host.events.handlerCount).toBe(0);
  });
});
