/** @jest-environment jsdom */
import { screen, fireEvent, act, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { HostError } from "../../src/core/errors";
import type { ReportDocument } from "../../src/core/summary/report-model";
import type { SummaryView } from "../../src/taskpane/services";
import { fakeServices, memoryStore, renderApp } from "./fake-services";

function summaryView(overrides: Partial<SummaryView> = {}): SummaryView {
  return {
    unitCount: 4,
    submittedCount: 1,
    onTimeCount: 0,
    lateCount: 1,
    missingCount: 3,
    figures: [{ code: "SO_BUOI", name: "Số buổi tuyên truyền", unit: "buổi", total: 3 }],
    findings: [],
    followUp: [
      {
        unitId: "u2",
        name: "Tổ đảng tổ 2",
        sheetId: "s2",
        sheetName: "Tổ 2",
        deadline: "2022-10-16",
        status: "missing",
        daysLate: 3,
        daysLeft: null,
      },
      {
        unitId: "u3",
        name: "Chi đoàn",
        sheetId: "s3",
        sheetName: "Chi đoàn",
        deadline: "2022-10-25",
        status: "not-due",
        daysLate: 0,
        daysLeft: 6,
      },
      {
        unitId: "u1",
        name: "Ban Chấp hành Công đoàn",
        sheetId: "s1",
        sheetName: "BCH Công đoàn",
        deadline: "2022-10-16",
        status: "late",
        daysLate: 1,
        daysLeft: null,
      },
    ],
    summarySheetName: "Tổng hợp",
    summarySheetId: "sum",
    report: {} as ReportDocument,
    generatedAt: "2022-10-19T09:00:00+07:00",
    ...overrides,
  };
}

async function summarise() {
  const button = await screen.findByRole("button", { name: /^(Tổng hợp báo cáo|Compile the report)$/ });
  await act(async () => {
    fireEvent.click(button);
  });
}

describe("the summary screen", () => {
  it("names the units still to chase, with their deadline and days overdue, instead of 'nothing to review'", async () => {
    const { services, calls } = fakeServices({
      workbookHasPlan: async () => true,
      collectAndSummarise: async () => summaryView(),
    });
    await renderApp(<App services={services} draftStore={memoryStore()} initialScreen="summary" />);
    await summarise();
    const list = screen.getByRole("list", { name: "Đơn vị cần nhắc" });
    const items = within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual([
      "Tổ đảng tổ 2: chưa nộp, hạn 16/10/2022, quá hạn 3 ngày",
      "Chi đoàn: chưa nộp, hạn 25/10/2022, còn 6 ngày",
      "Ban Chấp hành Công đoàn: nộp trễ 1 ngày (hạn 16/10/2022)",
    ]);
    expect(screen.queryByText("Không có điểm nào cần xem.")).toBeNull();
    // Each name opens the unit's tab.
    await act(async () => {
      fireEvent.click(within(list).getByRole("button", { name: "Tổ đảng tổ 2" }));
    });
    expect(calls.activated).toEqual([{ sheetName: "Tổ 2", cell: undefined }]);
  });

  it("says so in English too", async () => {
    const { services } = fakeServices(
      { workbookHasPlan: async () => true, collectAndSummarise: async () => summaryView() },
      "en-US",
    );
    await renderApp(<App services={services} draftStore={memoryStore()} initialScreen="summary" />);
    await summarise();
    const items = within(screen.getByRole("list", { name: "Units to follow up" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual([
      "Tổ đảng tổ 2: not submitted, due 16/10/2022, 3 days overdue",
      "Chi đoàn: not submitted, due 25/10/2022, 6 days left",
      "Ban Chấp hành Công đoàn: submitted 1 day late (due 16/10/2022)",
    ]);
  });

  it("says there is nothing to review only when every unit is on time and nothing was found", async () => {
    const { services } = fakeServices({
      workbookHasPlan: async () => true,
      collectAndSummarise: async () =>
        summaryView({ followUp: [], lateCount: 0, missingCount: 0, onTimeCount: 4, submittedCount: 4 }),
    });
    await renderApp(<App services={services} draftStore={memoryStore()} initialScreen="summary" />);
    await summarise();
    expect(screen.queryByRole("list", { name: "Đơn vị cần nhắc" })).toBeNull();
    expect(screen.getByText("Không có điểm nào cần xem.")).toBeTruthy();
  });

  it("on a workbook without a plan, the button is disabled and the screen says what to do first", async () => {
    let summarised = 0;
    const { services } = fakeServices({
      workbookHasPlan: async () => false,
      collectAndSummarise: async () => {
        summarised++;
        return summaryView();
      },
    });
    await renderApp(<App services={services} draftStore={memoryStore()} initialScreen="summary" />);
    const button = await screen.findByRole("button", { name: "Tổng hợp báo cáo" });
    expect(button.hasAttribute("disabled") || button.getAttribute("aria-disabled") === "true").toBe(true);
    expect(screen.getByText(/Sổ này chưa có kế hoạch nên chưa có gì để tổng hợp/)).toBeTruthy();
    fireEvent.click(button);
    expect(summarised).toBe(0);
    // The way out: the plan step, one click away.
    fireEvent.click(screen.getByRole("button", { name: "Đến bước Kế hoạch" }));
    expect(screen.getByRole("tab", { name: "Kế hoạch" }).getAttribute("aria-selected")).toBe("true");
  });

  it("an error while summarising does not claim typed input was kept when nothing was typed", async () => {
    const { services } = fakeServices({
      workbookHasPlan: async () => true,
      collectAndSummarise: async () => {
        throw new HostError("đọc trang tính", "reading the sheets", { sheet: "Tổ 2" }, new Error("Busy"));
      },
    });
    await renderApp(<App services={services} draftStore={memoryStore()} initialScreen="summary" />);
    await summarise();
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Excel báo lỗi khi đọc trang tính");
    expect(alert.textContent).not.toContain("Nội dung bạn đã nhập vẫn được giữ nguyên");
  });
});
