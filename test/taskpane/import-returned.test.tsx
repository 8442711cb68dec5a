/** @jest-environment jsdom */
import { screen, fireEvent, act, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import type { ImportItemView, TrackerView } from "../../src/taskpane/services";
import { fakeServices, memoryStore, renderApp } from "./fake-services";

const tracker = (status: "missing" | "on-time"): TrackerView => ({
  planNumber: "334-KH/CB",
  planTitle: "Kế hoạch",
  reportTo: null,
  reminder: null,
  units: [
    {
      unitId: "to-1",
      name: "Tổ đảng tổ 1",
      sheetId: "s1",
      sheetName: "Tổ 1",
      deadline: "2022-10-16",
      status,
      submittedAt: status === "on-time" ? "2022-10-15T08:00:00+07:00" : null,
      removed: false,
    },
  ],
});

describe("Nhập tệp đơn vị gửi lại (tracker)", () => {
  it("passes the chosen files and the overwrite choice, lists each outcome, and reloads the tracker", async () => {
    const calls: { names: string[]; overwrite: boolean }[] = [];
    let imported = false;
    const result: ImportItemView[] = [
      {
        file: "to1.xlsx",
        sheet: "Tổ 1",
        unit: "Tổ đảng tổ 1",
        outcome: "imported",
        cells: 7,
        messageVi: 'Đã nhập 7 ô của Tổ đảng tổ 1 vào trang "Tổ 1".',
        messageEn: "Imported 7 cells.",
      },
      {
        file: "hong.xlsx",
        sheet: null,
        unit: null,
        outcome: "refused",
        cells: 0,
        messageVi: "Không đọc được tệp: không phải tệp .xlsx",
        messageEn: "Cannot read the file",
      },
    ];
    const { services } = fakeServices({
      loadTracker: async () => tracker(imported ? "on-time" : "missing"),
      importReturnedFiles: async (files, overwrite) => {
        calls.push({ names: files.map((f) => f.name), overwrite });
        imported = true;
        return result;
      },
    });
    await renderApp(<App services={services} draftStore={memoryStore()} initialScreen="tracker" />);
    await screen.findByText("Tổ đảng tổ 1");
    expect(screen.getByText("Chưa nộp")).toBeTruthy();

    fireEvent.click(screen.getByRole("checkbox", { name: "Ghi đè cả trang đơn vị đã nộp" }));
    const input = screen.getByLabelText("Chọn tệp .xlsx…", { selector: "input" });
    await act(async () => {
      fireEvent.change(input, {
        target: { files: [new File(["x"], "to1.xlsx"), new File(["y"], "hong.xlsx")] },
      });
    });
    expect(calls).toEqual([{ names: ["to1.xlsx", "hong.xlsx"], overwrite: true }]);
    const list = await screen.findByRole("list", { name: "Kết quả nhập" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-outcome"))).toEqual(["imported", "refused"]);
    expect(items[0].textContent).toContain("Đã nhập 7 ô");
    expect(items[1].textContent).toContain("Không đọc được tệp");
    // Something was imported: the tracker reads the workbook again.
    expect(await screen.findByText("Đúng hạn")).toBeTruthy();
  });
});
