/**
 * `import <workbook> <folder>`: a folder of 50 returns — the units' own files, some saved as .xls or .ods —
 * with one corrupt file among them: the corrupt one is reported by name and refused (exit 4), the 49 others
 * are imported and saved. A note in another format is skipped, Office lock files and the workbook itself
 * are left out, and the per-file table says what happened to each.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import { createWorkbook } from "../../src/app/create-workbook";
import { splitWorkbook } from "../../src/app/split-workbook";
import { importCommand } from "../../src/cli/commands/import";
import { summaryJson } from "../../src/cli/commands/summary";
import { parseState } from "../../src/core/state/serialize-state";
import { generatePlan } from "../../src/core/workbook/generate-plan";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import { INDICATOR_COLUMNS } from "../../src/core/workbook/unit-tab-schema";
import { adr } from "../../src/core/workbook/address";
import { firstRowByCode } from "../../src/core/workbook/plan-changes";
import { renderUnitFile } from "../../src/file/unit-file";
import { openWorkbookBuffer, workbookToBuffer } from "../../src/file/workbook-bytes";
import { newWorkbook, openWorkbookFile, saveWorkbook } from "../../src/file/workbook-file";
import { tempDir } from "../support/libreoffice";
import { captureIo, CREATED_AT, SUMMARY_AT } from "./summary-support";

describe("import of a folder of 50 returns with one corrupt file", () => {
  let dir: string;
  let workbook: string;
  let state: ReturnType<typeof parseState>;

  beforeAll(async () => {
    dir = tempDir("import-folder-");
    const folder = join(dir, "nhan-ve");
    const plan = generatePlan(49);
    const port = newWorkbook();
    await createWorkbook(port, { plan, indicators: defaultIndicators(plan), now: CREATED_AT });
    workbook = join(folder, "so-theo-doi.xlsx");
    await saveWorkbook(port, workbook);
    state = parseState((await port.readOverview()).stateXml!);
    expect(state.units.filter((u) => !u.removed)).toHaveLength(49);
    let n = 0;
    await splitWorkbook(port, {
      write: async (layout) => {
        // The unit types one figure per indicator (its index + 1 for the first one), and saves.
        const file = await openWorkbookBuffer(await renderUnitFile(layout), layout.fileName);
        const tab = (await file.readOverview()).sheets[1];
        const [grid] = await file.readGrids([tab.id]);
        const rows = firstRowByCode(grid);
        const cells = Object.fromEntries(
          state.indicators
            .filter((i) => i.type !== "text" && i.type !== "date")
            .map((ind, k) => [adr(rows.get(ind.code)!, INDICATOR_COLUMNS.value), k === 0 ? n + 1 : 2]),
        );
        file.typeValues(tab.id, cells);
        const bytes = await workbookToBuffer(file);
        const stem = layout.fileName.replace(/\.xlsx$/, "");
        if (n % 3 === 1) {
          const wb = XLSX.read(bytes, { cellFormula: true });
          writeFileSync(join(folder, `${stem}.xls`), XLSX.write(wb, { bookType: "biff8", type: "buffer" }));
        } else if (n % 3 === 2) {
          const wb = XLSX.read(bytes, { cellFormula: true });
          writeFileSync(join(folder, `${stem}.ods`), XLSX.write(wb, { bookType: "ods", type: "buffer" }));
        } else writeFileSync(join(folder, layout.fileName), bytes);
        n++;
      },
    });
    // The 50th file: an .xlsx cut short in transit.
    writeFileSync(join(folder, "Tổ gửi lỗi.xlsx"), readFileSync(workbook).subarray(0, 2000));
    // Not returns: a note, Excel's and LibreOffice's lock files.
    writeFileSync(join(folder, "ghi-chú.docx"), Buffer.from("PK\u0003\u0004word/document.xml"));
    writeFileSync(join(folder, "~$so-theo-doi.xlsx"), "lock");
    writeFileSync(join(folder, ".~lock.so-theo-doi.xlsx#"), "lock");
  }, 180_000);

  it("reports the corrupt file by name, imports the 49 others and saves them (exit 4)", async () => {
    const merged = join(dir, "so-tong-hop.xlsx");
    const io = captureIo();
    expect(await importCommand([workbook, join(dir, "nhan-ve"), "-o", merged], io)).toBe(4);
    const out = io.out.join("");
    expect(out).toContain("✘ Tổ gửi lỗi.xlsx: Không đọc được tệp");
    expect(out).toContain("Cannot read the file");
    expect(out).toContain("· ghi-chú.docx: Không phải bảng tính");
    expect(out).toContain(
      "Tổng / Total: 51 tệp / files — 49 đã nhập / imported, 1 bỏ qua / skipped, 1 từ chối / refused",
    );
    expect(out).not.toContain("~$");
    expect(out).not.toContain(".~lock");
    expect(out).not.toContain("so-theo-doi.xlsx");
    const table = out.slice(out.indexOf("Tệp / File"));
    expect(table.split("\n").filter((l) => l.includes("đã nhập / imported  ")).length).toBe(49);
    expect(table).toMatch(/Tổ gửi lỗi\.xlsx\s+từ chối \/ refused\s+Không đọc được tệp/);
    expect(io.err.join("")).toContain("Đọc / reading 51/51:");

    const json = summaryJson(
      await collectAndSummarise(await openWorkbookFile(merged), { now: new Date(SUMMARY_AT), dryRun: true }),
    );
    const first = state.indicators.find((i) => i.type !== "text" && i.type !== "date")!;
    const withFigures = json.units.filter((u) => typeof u.values[first.code] === "number");
    expect(withFigures).toHaveLength(49);
    // Each unit's own figure landed in its own tab: 1 + 2 + … + 49.
    expect(json.totals[first.code]).toBe((49 * 50) / 2);
  });
});
