/**
 * The simulated host's co-authoring sessions (each with its own view of the workbook as of its last sync)
 * and its reopen (sheet ids reassigned): the strictness the state fixes of issue 12 (B1, B2) are tested on.
 */
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import type { SimSession } from "../../src/testing/simulated-excel/session";

const NS = "urn:tong-hop-bao-cao:state";

function readA1(session: SimSession | SimulatedExcelHost): Promise<unknown> {
  return session.runner(async (context) => {
    const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
    await context.sync();
    return r.values[0][0];
  });
}

function write(session: SimSession | SimulatedExcelHost, address: string, value: unknown): Promise<void> {
  return session.runner(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange(address).values = [[value]];
    await context.sync();
  });
}

describe("co-authoring sessions", () => {
  it("a session sees the workbook as of its last sync: another's change shows from its next sync on", async () => {
    const host = new SimulatedExcelHost();
    const a = host.session();
    const b = host.session();
    await write(a, "A1", "from A");
    expect(host.cell("Sheet1", "A1").value).toBe("from A");
    expect(await readA1(b)).toBe(""); // B's view dates from its last sync (when it was opened)
    expect(await readA1(b)).toBe("from A");
  });

  it("edits of different cells both reach the workbook; the same cell: the last writer wins", async () => {
    const host = new SimulatedExcelHost();
    const a = host.session();
    const b = host.session();
    await write(a, "A1", 1);
    await write(b, "B1", 2);
    await write(b, "A1", 3);
    expect(host.values("Sheet1")).toEqual({ A1: 3, B1: 2 });
  });

  it("two sessions replacing 'the only part' from the same copy leave two parts (Excel's race)", async () => {
    const host = new SimulatedExcelHost();
    host.addCustomXmlPart(`<state xmlns="${NS}">0</state>`);
    const a = host.session();
    const b = host.session();
    const replace = (s: SimSession, n: number) =>
      s.runner(async (context) => {
        context.workbook.customXmlParts.getByNamespace(NS).getOnlyItemOrNullObject().delete();
        context.workbook.customXmlParts.add(`<state xmlns="${NS}">${n}</state>`);
        await context.sync();
      });
    await replace(a, 1);
    await replace(b, 2); // B's view still holds part 0: it deletes that one (already gone), and adds its own
    expect(host.snapshot().parts.map((p) => p.xml)).toEqual([
      `<state xmlns="${NS}">1</state>`,
      `<state xmlns="${NS}">2</state>`,
    ]);
  });

  it("ids made in two sessions never collide; sheets added, renamed and moved reach the workbook", async () => {
    const host = new SimulatedExcelHost();
    const a = host.session();
    const b = host.session();
    const add = (s: SimSession, name: string) =>
      s.runner(async (context) => {
        const ws = context.workbook.worksheets.add(name);
        ws.load("id");
        await context.sync();
        return ws.id;
      });
    const idA = await add(a, "Tổ 1");
    const idB = await add(b, "Tổ 2");
    expect(idA).not.toBe(idB);
    await a.runner(async (context) => {
      context.workbook.worksheets.getItem(idA).name = "Tổ một";
      await context.sync();
    });
    expect(host.snapshot().sheets.map((s) => s.name)).toEqual(["Sheet1", "Tổ một", "Tổ 2"]);
  });

  it("a gate interleaves the syncs of several sessions in a chosen order", async () => {
    const host = new SimulatedExcelHost();
    const a = host.session();
    const b = host.session();
    const order = ["b1", "a1", "b2"];
    const seen: string[] = [];
    let turn = 0;
    const waiters: (() => void)[] = [];
    const gate = (name: string) => async (n: number) => {
      while (order[turn] !== `${name}${n}`) await new Promise<void>((r) => waiters.push(r));
      seen.push(`${name}${n}`);
      turn++;
      setTimeout(() => waiters.splice(0).forEach((w) => w()), 0);
    };
    a.gate = gate("a");
    b.gate = gate("b");
    await Promise.all([
      write(a, "A1", "a"),
      (async () => {
        await write(b, "A1", "b");
        await write(b, "B1", "b2");
      })(),
    ]);
    expect(seen).toEqual(order);
    expect(host.values("Sheet1")).toEqual({ A1: "a", B1: "b2" });
  });
});

describe("reopening the workbook", () => {
  it.each(["positional", "fresh"] as const)(
    "%s ids: every sheet gets a new id; names, cells and parts are kept; sessions opened before end",
    async (ids) => {
      const host = new SimulatedExcelHost({ sheets: ["A", "B", "C"] });
      host.setCellByUser("B", "A1", "b");
      host.addCustomXmlPart(`<state xmlns="${NS}">0</state>`);
      const before = host.snapshot();
      const old = host.session();
      const map = host.reopen({ ids });
      const after = host.snapshot();
      expect(after.sheets.map((s) => s.name)).toEqual(["A", "B", "C"]);
      expect(after.sheets.every((s, i) => s.id !== before.sheets[i].id)).toBe(true);
      expect(after.sheets.map((s) => ({ ...s, id: "" }))).toEqual(
        before.sheets.map((s) => ({ ...s, id: "" })),
      );
      expect(after.parts).toEqual(before.parts);
      expect([...map.values()]).toEqual(after.sheets.map((s) => s.id));
      if (ids === "positional")
        expect(after.sheets.map((s) => s.id)).toEqual([
          "{00000000-0001-0000-0000-000000000000}",
          "{00000000-0001-0000-0001-000000000000}",
          "{00000000-0001-0000-0002-000000000000}",
        ]);
      await expect(readA1(old)).rejects.toThrow("this session has ended");
    },
  );

  it("positional ids follow the tab order: after two tabs swap, each id names the other tab", async () => {
    const host = new SimulatedExcelHost({ sheets: ["A", "B"] });
    host.reopen({ ids: "positional" });
    const [idA, idB] = [host.sheetId("A"), host.sheetId("B")];
    host.model.setPosition(host.model.findSheet("B")!, 0);
    host.reopen({ ids: "positional" });
    expect(host.sheetId("B")).toBe(idA);
    expect(host.sheetId("A")).toBe(idB);
  });
});
