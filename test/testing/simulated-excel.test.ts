/* The tests below read proxies before load/sync on purpose, to prove the host throws like Excel. */
/* eslint-disable office-addins/call-sync-after-load */
import { SimulatedExcelHost, SimulatedOfficeError } from "../../src/testing/simulated-excel";
import { createHyperFormulaEvaluator } from "../../src/testing/simulated-excel/hyperformula-evaluator";

const NOT_LOADED = (p: string) =>
  `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as SimulatedOfficeError).code;
  }
  return "no error";
}

describe("simulated Excel host: load before read", () => {
  it("throws Excel's PropertyNotLoaded text before load + sync, and gives the value after", async () => {
    const host = new SimulatedExcelHost();
    host.setCellByUser("Sheet1", "A1", 5);
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      expect(() => range.values).toThrow(NOT_LOADED("values"));
      range.load("values");
      expect(() => range.values).toThrow(NOT_LOADED("values"));
      await context.sync();
      expect(range.values).toEqual([[5, ""]]);
      expect(() => range.formulas).toThrow(NOT_LOADED("formulas"));
    });
  });

  it("gives isNullObject only after a sync", async () => {
    const host = new SimulatedExcelHost();
    await host.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(() => missing.isNullObject).toThrow(NOT_LOADED("isNullObject"));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it("ClientResult values exist only after sync", async () => {
    const host = new SimulatedExcelHost();
    await host.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(/has not been loaded yet/);
      await context.sync();
      expect(count.value).toBe(1);
    });
  });

  it("missing items fail at sync with ItemNotFound", async () => {
    const host = new SimulatedExcelHost();
    const code = await codeOf(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Nope").load("name");
        await context.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
  });
});

describe("simulated Excel host: writes", () => {
  it("queues writes until sync and counts syncs (Excel.run syncs what is left)", async () => {
    const host = new SimulatedExcelHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
      expect(host.cell("Sheet1", "A1").value).toBe("");
      await context.sync();
      expect(host.cell("Sheet1", "A1").value).toBe("x");
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["y"]];
    });
    expect(host.cell("Sheet1", "A2").value).toBe("y");
    expect(host.syncCount).toBe(2);
  });

  it("applies Excel's input rules: formulas, apostrophe text, numbers, booleans, dates, text format", async () => {
    const host = new SimulatedExcelHost();
    await host.run(async (context) => {
      const s = context.workbook.worksheets.getItem("Sheet1");
      s.getRange("H1").numberFormat = [["@"]];
      s.getRange("A1:H1").values = [["=1+2", "'=abc", "12", "'12", "TRUE", "1,234.5", "10/17/2022", "007"]];
    });
    expect(host.cell("Sheet1", "A1")).toMatchObject({ formula: "=1+2", value: null });
    expect(host.cell("Sheet1", "B1").value).toBe("=abc");
    expect(host.cell("Sheet1", "B1").formula).toBeUndefined();
    expect(host.cell("Sheet1", "C1").value).toBe(12);
    expect(host.cell("Sheet1", "D1").value).toBe("12");
    expect(host.cell("Sheet1", "E1").value).toBe(true);
    expect(host.cell("Sheet1", "F1").value).toBe(1234.5);
    expect(host.cell("Sheet1", "G1").value).toBe(44851);
    expect(host.cell("Sheet1", "H1").value).toBe("007");
  });

  it("leaves a cell unchanged where the 2D array holds null", async () => {
    const host = new SimulatedExcelHost();
    host.setCellByUser("Sheet1", "B1", "typed by a person");
    host.setCellByUser("Sheet1", "B2", 42);
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      r.formulas = [
        ["a", null],
        [null, ""],
      ];
      r.numberFormat = [
        [null, "0.00"],
        [null, null],
      ];
    });
    expect(host.cell("Sheet1", "A1").value).toBe("a");
    expect(host.cell("Sheet1", "B1").value).toBe("typed by a person");
    expect(host.cell("Sheet1", "B2").value).toBe("");
    expect(host.cell("Sheet1", "B1").numberFormat).toBe("0.00");
    expect(host.cell("Sheet1", "A2").value).toBe("");
  });

  it("refuses an array whose size differs from the range", async () => {
    const host = new SimulatedExcelHost();
    const code = await codeOf(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [["a", "b"]];
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("reads null for formula cells without an evaluator and computed values with HyperFormula", async () => {
    const plain = new SimulatedExcelHost({ sheets: ["Tổ 1", "Sum"] });
    const computed = new SimulatedExcelHost({
      sheets: ["Tổ 1", "Sum"],
      evaluator: createHyperFormulaEvaluator(),
    });
    for (const host of [plain, computed]) {
      host.setCellByUser("Tổ 1", "B2", 7);
      host.setCellByUser("Tổ 1", "B3", "'=not a formula");
      host.setCellByUser("Sum", "A1", "=SUM('Tổ 1'!B2,'Tổ 1'!B2)");
    }
    const read = (host: SimulatedExcelHost) =>
      host.run(async (context) => {
        const r = context.workbook.worksheets.getItem("Sum").getRange("A1").load("values,formulas");
        await context.sync();
        return [r.values[0][0], r.formulas[0][0]];
      });
    expect(await read(plain)).toEqual([null, "=SUM('Tổ 1'!B2,'Tổ 1'!B2)"]);
    expect(await read(computed)).toEqual([14, "=SUM('Tổ 1'!B2,'Tổ 1'!B2)"]);
    expect(computed.cell("Tổ 1", "B3").value).toBe("=not a formula");
  });
});

describe("simulated Excel host: protection", () => {
  it("refuses writes to locked cells of a protected sheet and accepts unlocked ones", async () => {
    const host = new SimulatedExcelHost();
    await host.run(async (context) => {
      const s = context.workbook.worksheets.getItem("Sheet1");
      s.getRange("B2").format.protection.locked = false;
      s.protection.protect({ allowFormatColumns: true }, "pw");
    });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B2").values = [[3]];
    });
    expect(host.cell("Sheet1", "B2").value).toBe(3);
    const locked = await codeOf(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      }),
    );
    expect(locked).toBe("AccessDenied");
    const format = await codeOf(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("B2").format.font.bold = true;
      }),
    );
    expect(format).toBe("AccessDenied");
    const wrongPassword = await codeOf(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").protection.unprotect("nope");
      }),
    );
    expect(wrongPassword).toBe("InvalidArgument");
    expect(() => host.setCellByUser("Sheet1", "A1", 1)).toThrow(/protected/);
    host.setCellByUser("Sheet1", "B2", 4);
    await host.run(async (context) => {
      const s = context.workbook.worksheets.getItem("Sheet1");
      s.protection.unprotect("pw");
      s.getRange("A1").values = [[1]];
      s.protection.protect(undefined, "pw");
    });
    expect(host.snapshot().sheets[0]).toMatchObject({ protected: true, password: "pw" });
    expect(host.cell("Sheet1", "A1").value).toBe(1);
  });

  it("reports APIs above the host's requirement set as ApiNotFound (at sync, as Office.js)", async () => {
    const host = new SimulatedExcelHost({ apiVersion: "1.7" });
    expect(host.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(host.isSetSupported("ExcelApi", "1.9")).toBe(false);
    const code = await codeOf(
      host.run(async (context) => {
        context.workbook.application.suspendScreenUpdatingUntilNextSync();
      }),
    );
    expect(code).toBe("ApiNotFound");
  });
});

describe("simulated Excel host: payload limit", () => {
  it("refuses a request over 5 MB with Excel's code and message, applying nothing", async () => {
    const host = new SimulatedExcelHost();
    const row = Array.from({ length: 100 }, () => "x".repeat(600));
    const big = Array.from({ length: 100 }, () => row);
    let error: SimulatedOfficeError | undefined;
    try {
      await host.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:CV100").values = big;
        await context.sync();
      });
    } catch (e) {
      error = e as SimulatedOfficeError;
    }
    expect(error?.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(error?.message).toMatch(/The request payload size has exceeded the limit/);
    expect(host.cell("Sheet1", "A1").value).toBe("");
    expect(host.syncs[0].requestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it("measures request bytes as UTF-8", async () => {
    const host = new SimulatedExcelHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["ệ".repeat(1000)]];
    });
    expect(host.syncs[0].requestBytes).toBeGreaterThan(3000);
  });
});

describe("simulated Excel host: sheet names", () => {
  it.each([
    ["a:b"],
    ["a/b"],
    ["a\\b"],
    ["a?b"],
    ["a*b"],
    ["[a]"],
    ["'a"],
    ["a'"],
    ["History"],
    ["x".repeat(32)],
    [""],
  ])("refuses %j with InvalidArgument", async (name) => {
    const host = new SimulatedExcelHost();
    const code = await codeOf(
      host.run(async (context) => {
        context.workbook.worksheets.add(name);
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("refuses a duplicate name case-insensitively (ItemAlreadyExists, as Excel), on add and on rename", async () => {
    const host = new SimulatedExcelHost({ sheets: ["Tổ 1", "Other"] });
    expect(
      await codeOf(
        host.run(async (context) => {
          context.workbook.worksheets.add("TỔ 1");
        }),
      ),
    ).toBe("ItemAlreadyExists");
    expect(
      await codeOf(
        host.run(async (context) => {
          context.workbook.worksheets.getItem("Other").name = "tổ 1";
        }),
      ),
    ).toBe("ItemAlreadyExists");
    await host.run(async (context) => {
      context.workbook.worksheets.add("x".repeat(31));
    });
    expect(host.snapshot().sheets.map((s) => s.name)).toEqual(["Tổ 1", "Other", "x".repeat(31)]);
  });

  it("finds a sheet by id after a rename", async () => {
    const host = new SimulatedExcelHost();
    const id = host.sheetId("Sheet1");
    host.renameSheet("Sheet1", "Renamed");
    const name = await host.run(async (context) => {
      const s = context.workbook.worksheets.getItem(id).load("name");
      await context.sync();
      return s.name;
    });
    expect(name).toBe("Renamed");
  });
});

describe("simulated Excel host: collections, used range, custom XML parts", () => {
  it("loads worksheet items and the used range (values only or with formats)", async () => {
    const host = new SimulatedExcelHost({ sheets: ["A", "B"] });
    host.setCellByUser("B", "C3", "x");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("B").getRange("E5").format.fill.color = "#FF0000";
    });
    const result = await host.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/id,items/position");
      const empty = context.workbook.worksheets.getItem("A").getUsedRangeOrNullObject(true);
      const used = context.workbook.worksheets
        .getItem("B")
        .getUsedRangeOrNullObject(true)
        .load("address,values");
      const withFormats = context.workbook.worksheets
        .getItem("B")
        .getUsedRangeOrNullObject(false)
        .load("address");
      await context.sync();
      return {
        names: sheets.items.map((s) => s.name),
        empty: empty.isNullObject,
        used: used.address,
        values: used.values,
        all: withFormats.address,
      };
    });
    expect(result).toEqual({ names: ["A", "B"], empty: true, used: "B!C3", values: [["x"]], all: "B!C3:E5" });
  });

  it("adds, finds by namespace, reads, replaces and deletes custom XML parts", async () => {
    const host = new SimulatedExcelHost();
    host.addCustomXmlPart('<other xmlns="urn:other"/>');
    const ns = "urn:tong-hop-bao-cao:state";
    await host.run(async (context) => {
      context.workbook.customXmlParts.add(`<?xml version="1.0"?><s:state xmlns:s="${ns}"><a>1</a></s:state>`);
    });
    const read = () =>
      host.run(async (context) => {
        const scoped = context.workbook.customXmlParts.getByNamespace(ns);
        const count = scoped.getCount();
        const only = scoped.getOnlyItemOrNullObject();
        only.load("id");
        scoped.load("items/id");
        await context.sync();
        const xml = scoped.items.map((p) => p.getXml());
        await context.sync();
        return { count: count.value, isNull: only.isNullObject, xml: xml.map((x) => x.value) };
      });
    expect(await read()).toEqual({ count: 1, isNull: false, xml: [expect.stringContaining("<a>1</a>")] });
    await host.run(async (context) => {
      context.workbook.customXmlParts.getByNamespace(ns).getOnlyItemOrNullObject().delete();
      context.workbook.customXmlParts.add(`<state xmlns="${ns}"><a>2</a></state>`);
      context.workbook.customXmlParts.add(`<state xmlns="${ns}"><a>3</a></state>`);
    });
    expect(await read()).toEqual({
      count: 2,
      isNull: true,
      xml: [expect.stringContaining("<a>2</a>"), expect.stringContaining("<a>3</a>")],
    });
    expect(host.snapshot().parts.map((p) => p.namespaceUri)).toEqual(["urn:other", ns, ns]);
  });

  // Office.js documents void methods on a null object (Microsoft's own sample deletes through
  // getItemOrNullObject) but not value-returning ones: the simulator refuses those, so nothing relies on them.
  it("refuses getXml() on a null object; delete() on one does nothing", async () => {
    const host = new SimulatedExcelHost();
    const ns = "urn:tong-hop-bao-cao:state";
    const code = await codeOf(
      host.run(async (context) => {
        const xml = context.workbook.customXmlParts.getByNamespace(ns).getOnlyItemOrNullObject().getXml();
        await context.sync();
        return xml.value;
      }),
    );
    expect(code).toBe("InvalidOperation");
    await host.run(async (context) => {
      context.workbook.customXmlParts.getByNamespace(ns).getItemOrNullObject("{NONE}").delete();
      await context.sync();
    });
    expect(host.snapshot().parts).toEqual([]);
  });

  it.each([
    ["a truncated part", `<state xmlns="urn:x"><![CDATA[{"a":1}`],
    ["mismatched end tag", `<state xmlns="urn:x"><a></b></state>`],
    ["two roots", `<a xmlns="urn:x"/><b/>`],
    ["an undeclared prefix", `<s:state xmlns="urn:x"/>`],
    ["a bare ampersand", `<state xmlns="urn:x">R&D</state>`],
    ["an unknown entity", `<state xmlns="urn:x">&nbsp;</state>`],
    ["a control character", `<state xmlns="urn:x">\u0001</state>`],
    ["'--' in a comment", `<state xmlns="urn:x"><!-- a -- b --></state>`],
    ["a declaration not at the start", ` <?xml version="1.0"?><state xmlns="urn:x"/>`],
    ["a repeated attribute", `<state xmlns="urn:x" a="1" a="2"/>`],
    ["an unquoted attribute", `<state xmlns="urn:x" version=1/>`],
    ["a document type declaration", `<!DOCTYPE state [<!ENTITY e "x">]><state xmlns="urn:x">&e;</state>`],
    ["text after the root", `<state xmlns="urn:x"/>tail`],
  ])("refuses a malformed part (%s) with InvalidArgument; nothing is added", async (_name, xml) => {
    const host = new SimulatedExcelHost();
    const code = await codeOf(
      host.run(async (context) => {
        context.workbook.customXmlParts.add(xml);
      }),
    );
    expect(code).toBe("InvalidArgument");
    expect(host.snapshot().parts).toEqual([]);
  });

  it("accepts well-formed parts: declaration at the start, prefixes, CDATA, references, comments", async () => {
    const host = new SimulatedExcelHost();
    const parts = [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<state xmlns="urn:a" version="1"><![CDATA[{"x":"<]]]]><![CDATA[>"}]]></state>`,
      `<ns0:state xmlns:ns0="urn:b" version="1">a &amp; b &#x1F600; &#233;<!-- note --><ns0:x ns0:y="1" y="2"/></ns0:state>`,
      `\uFEFF<state xmlns="urn:c"/><!-- after -->\n`,
    ];
    await host.run(async (context) => {
      for (const xml of parts) context.workbook.customXmlParts.add(xml);
    });
    expect(host.snapshot().parts.map((p) => p.namespaceUri)).toEqual(["urn:a", "urn:b", "urn:c"]);
  });
});

describe("simulated Excel host: fault injection", () => {
  it("fails a chosen sync after some actions (mid-way) and keeps what was applied, like Excel", async () => {
    const host = new SimulatedExcelHost();
    host.failOnSync(1, undefined, { afterActions: 1 });
    const code = await codeOf(
      host.run(async (context) => {
        const s = context.workbook.worksheets.getItem("Sheet1");
        s.getRange("A1").values = [[1]];
        s.getRange("A2").values = [[2]];
      }),
    );
    expect(code).toBe("GeneralException");
    expect(host.cell("Sheet1", "A1").value).toBe(1);
    expect(host.cell("Sheet1", "A2").value).toBe("");
    expect(host.syncs[0].error).toBe("GeneralException");
  });

  it("runs beforeSync hooks between the queueing and the execution (a co-author's edit)", async () => {
    const host = new SimulatedExcelHost();
    host.beforeSync((h, n) => {
      if (n === 1) h.setCellByUser("Sheet1", "A1", "remote");
    });
    const v = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
      return r.values[0][0];
    });
    expect(v).toBe("remote");
  });
});
