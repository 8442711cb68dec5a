/** @jest-environment jsdom */
import { screen, fireEvent, within, act } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { fakeServices, memoryStore, renderApp } from "./fake-services";

async function readSamplePlan(displayLanguage = "vi-VN") {
  const fake = fakeServices({}, displayLanguage);
  await renderApp(<App services={fake.services} draftStore={memoryStore()} />);
  fireEvent.change(screen.getByLabelText(/^(Văn bản kế hoạch|Plan text)$/), {
    target: { value: "KẾ HOẠCH …" },
  });
  fireEvent.click(screen.getByRole("button", { name: /^(Đọc kế hoạch|Read the plan)$/ }));
  return fake;
}

function follows(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

describe("the plan review: what will be created, and what comes next", () => {
  it("sums up near the top what will be created (unit tabs by the core's rule, indicators), and follows edits", async () => {
    await readSamplePlan();
    const summary = screen.getByTestId("creation-summary");
    // The summary task's unit (Ban Chi ủy Chi bộ) compiles the report: it gets no tab.
    expect(summary.textContent).toBe(
      "Sẽ tạo: sổ theo dõi, 3 trang đơn vị, 1 chỉ tiêu." +
        "Đơn vị: Ban Chấp hành Công đoàn; Tổ đảng tổ 1; Các Tổ chức đoàn thể.",
    );
    expect(follows(summary, screen.getByRole("heading", { name: "Nhiệm vụ" }))).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Xóa chỉ tiêu Số buổi tuyên truyền" }));
    fireEvent.click(screen.getByRole("button", { name: "Xóa nhiệm vụ III.3" }));
    expect(screen.getByTestId("creation-summary").textContent).toBe(
      "Sẽ tạo: sổ theo dõi, 2 trang đơn vị, 0 chỉ tiêu." + "Đơn vị: Ban Chấp hành Công đoàn; Tổ đảng tổ 1.",
    );
  });

  it("keeps the main button in a footer at the end of the review, after the editors", async () => {
    await readSamplePlan();
    const footer = screen.getByRole("group", { name: "Tạo sổ theo dõi" });
    expect(within(footer).getByRole("button", { name: "Tạo sổ theo dõi" })).toBeTruthy();
    expect(follows(screen.getByRole("heading", { name: "Chỉ tiêu báo cáo" }), footer)).toBe(true);
  });

  it("after creating, says what happens next (share or send files, then Tổng hợp) and leads there", async () => {
    await readSamplePlan();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Tạo sổ theo dõi" }));
    });
    const next = screen.getByRole("region", { name: "Bước tiếp theo" });
    expect(next.textContent).toContain("Đã tạo sổ theo dõi với 3 đơn vị.");
    const steps = within(next)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(steps).toHaveLength(2);
    expect(steps[0]).toContain("Chia sẻ");
    expect(steps[0]).toContain("Tạo tệp cho từng đơn vị");
    expect(steps[1]).toContain("Tổng hợp báo cáo");
    // Focus goes to the new panel, so a keyboard or screen-reader user lands on it.
    expect(document.activeElement).toBe(within(next).getByRole("heading", { name: "Bước tiếp theo" }));
    fireEvent.click(within(next).getByRole("button", { name: "Đến bước Theo dõi" }));
    expect(screen.getByRole("tab", { name: "Theo dõi" }).getAttribute("aria-selected")).toBe("true");
    fireEvent.click(screen.getByRole("tab", { name: "Kế hoạch" }));
    fireEvent.click(
      within(screen.getByRole("region", { name: "Bước tiếp theo" })).getByRole("button", {
        name: "Đến bước Tổng hợp",
      }),
    );
    expect(screen.getByRole("tab", { name: "Tổng hợp" }).getAttribute("aria-selected")).toBe("true");
  });

  it("says what comes next in English too", async () => {
    await readSamplePlan("en-US");
    expect(screen.getByTestId("creation-summary").textContent).toBe(
      "Will create: the tracker, 3 unit sheets, 1 indicator." +
        "Units: Ban Chấp hành Công đoàn; Tổ đảng tổ 1; Các Tổ chức đoàn thể.",
    );
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Create tracker" }));
    });
    const next = screen.getByRole("region", { name: "Next steps" });
    expect(within(next).getByRole("button", { name: "Go to the Tracker step" })).toBeTruthy();
    expect(within(next).getByRole("button", { name: "Go to the Summary step" })).toBeTruthy();
  });
});
