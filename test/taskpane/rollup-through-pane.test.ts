/**
 * Multi-level roll-up through the pane's services on the simulated Excel host (as strict as Excel on the web):
 * the commune committee's workbook is made in "Excel", a Party cell's summary workbook (.xlsx made by the file
 * adapter, as the cell's secretary would send it) comes in through "Nhập tệp đơn vị gửi lại", and the pane's
 * summary shows the cell's totals; the cell's tab is locked and carries the #CAP_DUOI block.
 */
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { createAppServices } from "../../src/taskpane/services-from-port";
import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import { workbookToBuffer } from "../../src/file/workbook-bytes";
import {
  BAN_CO_INDICATORS,
  buildWorkbook,
  fillUnits,
  planText,
  UPPER_INDICATORS,
} from "../support/rollup-fixtures";

const NOW = "2024-12-03T08:00:00+07:00";

function setup() {
  const host = new SimulatedExcelHost({ sheets: ["Sheet1"], apiVersion: "1.7" });
  const port = createOfficeWorkbookPort(host.runner, {
    isSetSupported: (v) => host.isSetSupported("ExcelApi", v),
  });
  const services = createAppServices(port, {
    info: { kind: "playground", displayLanguage: "vi-VN", userName: "Thư ký" },
    activeSheet: async () => null,
    onActiveSheetChanged: () => () => undefined,
    saveFile: async () => undefined,
    now: () => new Date(NOW),
  });
  return { host, port, services };
}

async function banCoSummary(): Promise<File> {
  const built = await buildWorkbook("banCo", BAN_CO_INDICATORS, "p00000000b0c0003");
  await fillUnits(built, {
    "Tổ đảng số 1": { figures: { SO_BUOI: 3, DIEM_TB: 8, CO_MO_HINH: "Có" }, submittedOn: "2024-11-20" },
    "Tổ đảng số 2": { figures: { SO_BUOI: 2, DIEM_TB: 9, CO_MO_HINH: "Không" }, submittedOn: "2024-11-24" },
  });
  await collectAndSummarise(built.port, { now: new Date("2024-11-26T09:00:00+07:00") });
  return new File([(await workbookToBuffer(built.port)) as Uint8Array<ArrayBuffer>], "Chi bộ Bản Cọ.xlsx");
}

describe("multi-level roll-up through the pane's services (simulated Excel)", () => {
  it("imports a Party cell's summary workbook into its tab; the summary shows its totals", async () => {
    const { host, port, services } = setup();
    await services.createWorkbook({
      plan: services.parsePlan(planText("commune")),
      indicators: UPPER_INDICATORS,
    });

    const { items } = await services.importReturnedFiles([await banCoSummary()], false);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ outcome: "imported", unit: "Chi bộ thôn Bản Cọ" });
    expect(items[0].messageVi).toContain("Đã nhập bản tổng hợp của CHI BỘ THÔN BẢN CỌ");

    const tab = host.model.sheets.find((s) => s.name === "Chi bộ thôn Bản Cọ")!;
    const codes = Object.entries(host.values(tab.name)).filter(([a]) => /^A\d+$/.test(a));
    expect(codes.map(([, v]) => v)).toEqual(
      expect.arrayContaining(["#CAP_DUOI", "#CAP_DUOI_NGUON", "#CAP_DUOI_CT"]),
    );
    expect(tab.protection.protected).toBe(true);

    const summary = await services.collectAndSummarise();
    const total = (code: string) => summary.figures.find((f) => f.code === code)?.total;
    expect(total("SO_BUOI")).toBe(5);
    expect(total("DIEM_TB")).toBe(8.5);
    expect(total("CO_MO_HINH")).toBe("1/2 đơn vị");
    expect(summary.submittedCount).toBe(1);
    const result = await collectAndSummarise(port, { now: new Date(NOW), dryRun: true });
    expect(result.report.sections[0].blocks.some((b) => b.type === "table" && b.key === "bodies")).toBe(true);
  });
});
