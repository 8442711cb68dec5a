/** @jest-environment jsdom */
import { act, fireEvent, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { DownloadNotSupportedError } from "../../src/core/errors";
import type { ReportDocument } from "../../src/core/summary/report-model";
import type { SummaryView, TrackerView } from "../../src/taskpane/services";
import { fakeServices, memoryStore, renderApp } from "./fake-services";

// Built untyped and then cast, so the fixture also fits a SummaryView with more fields (units to chase).
const summary = {
  unitCount: 3,
  submittedCount: 1,
  onTimeCount: 1,
  lateCount: 0,
  missingCount: 2,
  figures: [],
  findings: [],
  summarySheetName: "Tổng hợp",
  summarySheetId: "{summary}",
  report: {} as ReportDocument,
  generatedAt: "2022-10-17T09:00:00+07:00",
  followUp: [],
} as unknown as SummaryView;

async function summarise(canSaveFiles: boolean | undefined, exportReportDocx: () => Promise<never>) {
  let exports = 0;
  const { services } = fakeServices({
    // The workbook has a plan (a tracker can be read), so Tổng hợp is enabled.
    loadTracker: async () =>
      ({
        planNumber: "334-KH/CB",
        planTitle: null,
        reportTo: null,
        units: [],
        reminder: null,
      }) as unknown as TrackerView,
    collectAndSummarise: async () => summary,
    exportReportDocx: async () => {
      exports++;
      return exportReportDocx();
    },
  });
  services.host.canSaveFiles = canSaveFiles;
  await renderApp(<App services={services} draftStore={memoryStore()} initialScreen="summary" />);
  await act(async () => {
    fireEvent.click(await screen.findByRole("button", { name: "Tổng hợp báo cáo" }));
  });
  await screen.findByTestId("summary-totals");
  return { exports: () => exports };
}

/** What the pane offers where Excel cannot download (B3). */
function expectTheRoutesThatWork(): void {
  const text = document.body.textContent ?? "";
  expect(text).toContain("Excel cho Mac");
  expect(text).toContain("Excel trên web");
  expect(text).toContain("summary");
  expect(text).toContain("--docx");
  expect(text).not.toMatch(/Đã xuất/);
}

describe("exporting the report where Excel cannot download (Excel for Mac, B3)", () => {
  it("offers the routes that work instead of an export button that would do nothing", async () => {
    const { exports } = await summarise(false, async () => {
      throw new Error("must not be called");
    });
    expect(screen.queryByRole("button", { name: "Xuất Word (.docx)" })).toBeNull();
    expectTheRoutesThatWork();
    expect(exports()).toBe(0);
  });

  it("shows the same routes, never 'Đã xuất', when the host refuses the download", async () => {
    await summarise(undefined, async () => {
      throw new DownloadNotSupportedError("bao-cao.docx");
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Xuất Word (.docx)" }));
    });
    expectTheRoutesThatWork();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
