/** @jest-environment jsdom */
import { screen, fireEvent, within, waitFor, act } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { fakeServices, memoryStore, samplePlan, renderApp } from "./fake-services";

async function setup() {
  const { services, calls } = fakeServices();
  const store = memoryStore();
  const view = await renderApp(<App services={services} draftStore={store} />);
  fireEvent.change(screen.getByLabelText("Văn bản kế hoạch"), { target: { value: "KẾ HOẠCH …" } });
  fireEvent.click(screen.getByRole("button", { name: "Đọc kế hoạch" }));
  return { services, calls, store, view };
}

function taskRow(ref: string): HTMLElement {
  return screen.getByText(`Mục ${ref}`, { exact: false }).closest("li") as HTMLElement;
}

describe("the plan's editable table", () => {
  it("shows the header, every task with its units and deadline dd/mm/yyyy, and warnings beside their rows", async () => {
    await setup();
    expect(screen.getByText("334-KH/CB")).toBeTruthy();
    expect(screen.getByText("12/10/2022")).toBeTruthy();
    const row2 = taskRow("III.2");
    expect(within(row2).getByDisplayValue("Ban Chấp hành Công đoàn; Tổ đảng tổ 1")).toBeTruthy();
    expect(within(row2).getByDisplayValue("16/10/2022")).toBeTruthy();
    expect(within(row2).queryByRole("list", { name: "Lưu ý" })).toBeNull();
    const row3 = taskRow("III.3");
    const warnings = within(row3).getByRole("list", { name: "Lưu ý" });
    expect(warnings.textContent).toContain("lấy thời hạn chung");
    expect(warnings.textContent).toContain("dòng 46");
    expect(within(row3).getByText("theo thời hạn chung")).toBeTruthy();
    expect(within(taskRow("III.1")).getByText("Báo cáo tổng hợp")).toBeTruthy();
  });

  it("renames a unit everywhere and sends the edited plan to createWorkbook", async () => {
    const { calls } = await setup();
    const input = screen.getByLabelText("Tên đơn vị 1");
    fireEvent.change(input, { target: { value: "BCH Công đoàn cơ sở" } });
    fireEvent.blur(input);
    expect(within(taskRow("III.2")).getByDisplayValue("BCH Công đoàn cơ sở; Tổ đảng tổ 1")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Tạo sổ theo dõi" }));
    await screen.findByText("Đã tạo sổ theo dõi với 3 đơn vị.");
    expect(calls.created).toHaveLength(1);
    const sent = calls.created[0].plan;
    expect(sent.units.map((u) => u.name)).toEqual([
      "BCH Công đoàn cơ sở",
      "Tổ đảng tổ 1",
      "Các Tổ chức đoàn thể",
    ]);
    expect(sent.tasks[1].units).toEqual(["BCH Công đoàn cơ sở", "Tổ đảng tổ 1"]);
    expect(calls.created[0].indicators.map((i) => i.code)).toEqual(["SO_BUOI"]);
  });

  it("edits a deadline, refuses an invalid date with a message, and keeps the typed text", async () => {
    await setup();
    const date = within(taskRow("III.2")).getByDisplayValue("16/10/2022");
    fireEvent.change(date, { target: { value: "31/02/2022" } });
    fireEvent.blur(date);
    expect(within(taskRow("III.2")).getByText("Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy.")).toBeTruthy();
    expect((date as HTMLInputElement).value).toBe("31/02/2022");
    fireEvent.change(date, { target: { value: "20/10/2022" } });
    fireEvent.blur(date);
    expect(within(taskRow("III.2")).queryByText("Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy.")).toBeNull();
  });

  it("adds and removes tasks; a task without a unit gets a warning beside it", async () => {
    await setup();
    fireEvent.click(screen.getByRole("button", { name: "Thêm nhiệm vụ" }));
    const added = taskRow("M4");
    expect(within(added).getByText("Nhiệm vụ chưa có đơn vị thực hiện.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Xóa nhiệm vụ III.3" }));
    expect(screen.queryByText("Mục III.3", { exact: false })).toBeNull();
    expect(screen.queryByLabelText("Tên đơn vị 3")).toBeNull(); // its only unit went with it
  });

  it("edits the indicator set", async () => {
    const { calls } = await setup();
    fireEvent.click(screen.getByRole("button", { name: "Thêm chỉ tiêu" }));
    expect(screen.getAllByLabelText("Tên chỉ tiêu")).toHaveLength(2);
    fireEvent.click(screen.getByRole("button", { name: "Xóa chỉ tiêu Số buổi tuyên truyền" }));
    expect(screen.getAllByLabelText("Tên chỉ tiêu")).toHaveLength(1);
    expect(calls.created).toHaveLength(0);
  });

  it("saves the draft on every edit and restores it when the pane opens again", async () => {
    const { store, view } = await setup();
    expect(store.value?.text).toBe("KẾ HOẠCH …");
    expect(store.value?.plan?.number).toBe("334-KH/CB");
    view.unmount();
    const { services } = fakeServices();
    await renderApp(<App services={services} draftStore={store} />);
    expect(screen.getByText("Đã khôi phục bản nháp lần trước.")).toBeTruthy();
    expect((screen.getByLabelText("Văn bản kế hoạch") as HTMLTextAreaElement).value).toBe("KẾ HOẠCH …");
    expect(screen.getByLabelText("Tên đơn vị 1")).toBeTruthy();
  });

  it("keeps the plan being edited when switching screens and back", async () => {
    await setup();
    const input = screen.getByLabelText("Tên đơn vị 2");
    fireEvent.change(input, { target: { value: "Tổ 1" } });
    fireEvent.blur(input);
    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "Theo dõi" }));
    });
    await waitFor(() => screen.getByText(/Sổ này chưa có kế hoạch/));
    fireEvent.click(screen.getByRole("tab", { name: "Kế hoạch" }));
    expect((screen.getByLabelText("Tên đơn vị 2") as HTMLInputElement).value).toBe("Tổ 1");
  });

  it("says plainly when the plan assigns no task and does not offer to create sheets", async () => {
    const plan = { ...samplePlan(), tasks: [], units: [], summary: null, warnings: [] };
    const { services } = fakeServices({ parsePlan: () => plan });
    await renderApp(<App services={services} draftStore={memoryStore()} />);
    fireEvent.change(screen.getByLabelText("Văn bản kế hoạch"), { target: { value: "Thông báo" } });
    fireEvent.click(screen.getByRole("button", { name: "Đọc kế hoạch" }));
    expect(screen.getByText(/không giao nhiệm vụ nào/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Tạo sổ theo dõi" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});
