/**
 * `splitWorkbook` through the file adapter: one .xlsx per unit holding only its instruction sheet and its
 * tab (with what it typed so far), the structure and both sheets protected, only the inputs unlocked, no
 * state part, and a unit's password nowhere in clear (only Excel's salted hash).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import JSZip from "jszip";
import { createWorkbook } from "../../src/app/create-workbook";
import { splitWorkbook } from "../../src/app/split-workbook";
import { withGroupMembers } from "../../src/cli/demo";
import { sampleFills } from "../../src/cli/sample-figures";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { parseState } from "../../src/core/state/serialize-state";
import { INSTRUCTION_SHEET_NAME, type UnitFileLayout } from "../../src/core/workbook/build-unit-file";
import { parseAddress } from "../../src/core/workbook/address";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import { readWorkbookProtection } from "../../src/file/ooxml-parts";
import { renderUnitFile } from "../../src/file/unit-file";
import { newWorkbook, openWorkbookBuffer } from "../../src/file/workbook-bytes";

const SEED = join(__dirname, "../../examples/334-KH-CB.txt");

async function zipText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).map((f) => (f.dir ? "" : f.async("string"))));
  return parts.join("\n");
}

describe("one file per unit (file adapter)", () => {
  let files: Map<string, { layout: UnitFileLayout; bytes: Uint8Array }>;
  let result: Awaited<ReturnType<typeof splitWorkbook>>;
  let fills: ReturnType<typeof sampleFills>;
  let state: ReturnType<typeof parseState>;
  const progress: string[] = [];

  beforeAll(async () => {
    const plan = withGroupMembers(parsePlan(readFileSync(SEED, "utf8")));
    const port = newWorkbook();
    await createWorkbook(port, {
      plan,
      indicators: defaultIndicators(plan),
      now: new Date("2022-10-13T08:00:00+07:00"),
    });
    state = parseState((await port.readOverview()).stateXml!);
    fills = sampleFills(state, await port.readGrids(state.units.map((u) => u.sheetId!)));
    // Two units have typed already in the shared workbook.
    for (const f of fills.slice(0, 2)) port.typeValues(f.sheetId, f.cells);
    files = new Map();
    result = await splitWorkbook(port, {
      passwords: new Map([[state.units[0].unitId, "Mật-khẩu-Tổ-1"]]),
      write: async (layout) => {
        files.set(layout.unitId, { layout, bytes: await renderUnitFile(layout) });
      },
      onProgress: (p) => progress.push(`${p.done}/${p.total}`),
    });
  });

  it("makes one file per unit, named after the unit and the plan number, in two round trips", () => {
    expect(result.files.map((f) => f.fileName)).toEqual(state.units.map((u) => `${u.name} - 334-KH-CB.xlsx`));
    expect(result.files.map((f) => f.withPassword)).toEqual(state.units.map((_, i) => i === 0));
    expect(result.files.every((f) => f.fromTab)).toBe(true);
    expect(result.roundTrips).toBe(2);
    expect(progress[0]).toBe(`0/${state.units.length}`);
    expect(progress.at(-1)).toBe(`${state.units.length}/${state.units.length}`);
  });

  it("each file holds only its instruction sheet and its own tab, with what the unit typed, and no state part", async () => {
    for (const [i, unit] of state.units.entries()) {
      const { bytes } = files.get(unit.unitId)!;
      const port = await openWorkbookBuffer(bytes, `${unit.name}.xlsx`);
      const overview = await port.readOverview();
      expect(overview.stateXml).toBeNull();
      expect(port.customXmlParts).toEqual([]);
      expect(overview.sheets.map((s) => s.name)).toEqual([INSTRUCTION_SHEET_NAME, unit.sheetName]);
      expect(port.workbook.views[0]?.activeTab).toBe(1);
      const [grid] = await port.readGrids([overview.sheets[1].id]);
      for (const [address, value] of Object.entries(fills[i].cells)) {
        const { row, column } = parseAddress(address);
        const v = grid.values[row - grid.origin.row]?.[column - grid.origin.column] || null;
        expect({ address, v }).toEqual({ address, v: i < 2 ? value : null });
      }
      // Nothing of any other unit: neither its key, nor its sheet, nor what it typed.
      const text = await zipText(bytes);
      expect(text).toContain(`${unit.unitId}@${state.planId}`);
      for (const [j, other] of state.units.entries()) {
        if (j === i) continue;
        expect(text).not.toContain(`${other.unitId}@${state.planId}`);
        expect(overview.sheets.map((s) => s.name)).not.toContain(other.sheetName);
        if (j < 2)
          for (const v of Object.values(fills[j].cells))
            if (typeof v === "string" && v.length > 20) expect(text).not.toContain(v);
      }
    }
  });

  it("the structure and both sheets are protected; only the unit's input cells are unlocked", async () => {
    for (const unit of state.units) {
      const { layout, bytes } = files.get(unit.unitId)!;
      const zip = await JSZip.loadAsync(bytes);
      expect(await readWorkbookProtection(zip)).toEqual({
        lockStructure: true,
        hashed: unit === state.units[0],
      });
      const port = await openWorkbookBuffer(bytes);
      for (const ws of port.workbook.worksheets) {
        const protection = (ws as unknown as { sheetProtection: Record<string, unknown> | null })
          .sheetProtection;
        expect(protection).toMatchObject({ sheet: true });
        expect(Boolean(protection?.hashValue)).toBe(unit === state.units[0]);
      }
      const tabLayout = layout.sheets[1];
      const tab = port.workbook.getWorksheet(unit.sheetName)!;
      const unlocked: string[] = [];
      tab.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (cell.protection?.locked === false) unlocked.push(cell.address);
        }),
      );
      const inputs = new Set(
        tabLayout.inputRanges.flatMap((r) => {
          const [a, b = a] = r.split(":");
          const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(a)!;
          const [, c2, r2] = /^([A-Z]+)(\d+)$/.exec(b)!;
          const out: string[] = [];
          for (let row = Number(r1); row <= Number(r2); row++)
            for (let c = c1.charCodeAt(0); c <= c2.charCodeAt(0); c++)
              out.push(`${String.fromCharCode(c)}${row}`);
          return out;
        }),
      );
      expect(unlocked.length).toBeGreaterThan(5);
      expect(unlocked.filter((a) => !inputs.has(a))).toEqual([]);
      const instruction = port.workbook.getWorksheet(INSTRUCTION_SHEET_NAME)!;
      instruction.eachRow((row) => row.eachCell((cell) => expect(cell.protection?.locked).not.toBe(false)));
    }
  });

  it("the password is nowhere in the file in clear, and not in the workbook it came from", async () => {
    for (const { bytes } of files.values()) {
      const text = await zipText(bytes);
      expect(text).not.toContain("Mật-khẩu-Tổ-1");
      expect(text).not.toMatch(/password="/i);
    }
  });

  it("the structure's password hash is Excel's: SHA-512 of salt + UTF-16LE password, iterated with the counter", async () => {
    const { bytes } = files.get(state.units[0].unitId)!;
    const xml = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string");
    const tag = /<workbookProtection\b[^>]*>/.exec(xml)![0];
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)![1];
    expect(attr("lockStructure")).toBe("1");
    expect(attr("workbookAlgorithmName")).toBe("SHA-512");
    // Recomputed here with Node's own crypto, as ECMA-376 Part 1 §18.2.29 describes it (Excel's check).
    const excelHash = (password: string) => {
      let h = createHash("sha512")
        .update(
          Buffer.concat([Buffer.from(attr("workbookSaltValue"), "base64"), Buffer.from(password, "utf16le")]),
        )
        .digest();
      for (let i = 0; i < Number(attr("workbookSpinCount")); i++) {
        const counter = Buffer.alloc(4);
        counter.writeUInt32LE(i);
        h = createHash("sha512")
          .update(Buffer.concat([h, counter]))
          .digest();
      }
      return h.toString("base64");
    };
    expect(excelHash("Mật-khẩu-Tổ-1")).toBe(attr("workbookHashValue"));
    expect(excelHash("mật-khẩu-tổ-1")).not.toBe(attr("workbookHashValue"));
  });
});
