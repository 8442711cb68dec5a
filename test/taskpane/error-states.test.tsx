/** @jest-environment jsdom */
import { screen, fireEvent, within, act } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { EmptyPlanError, HostError, StateMissingError, UnreadableFileError } from "../../src/core/errors";
import { fakeServices, memoryStore, renderApp } from "./fake-services";

async function typeAndRead(text: string) {
  fireEvent.change(screen.getByLabelText(/Văn bản kế hoạch|Plan text/), { target: { value: text } });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: /Đọc kế hoạch|Read the plan/ }));
  });
}

describe("error states", () => {
  it("shows an AppError's Vietnamese message in a MessageBar and keeps the typed text", async () => {
    const { services } = fakeServices({
      parsePlan: () => {
        throw new EmptyPlanError();
      },
    });
    await renderApp(<App services={services} draftStore={memoryStore()} />);
    await typeAndRead("Không có gì");
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Văn bản trống, không có nội dung để đọc.");
    expect(alert.textContent).toContain("Nội dung bạn đã nhập vẫn được giữ nguyên.");
    expect(alert.textContent).not.toContain("The document is empty");
    expect((screen.getByLabelText("Văn bản kế hoạch") as HTMLTextAreaElement).value).toBe("Không có gì");
    fireEvent.click(within(alert).getByRole("button", { name: "Đóng" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows the English message when Office's display language is English", async () => {
    const { services } = fakeServices(
      {
        parsePlan: () => {
          throw new EmptyPlanError();
        },
      },
      "en-US",
    );
    await renderApp(<App services={services} draftStore={memoryStore()} />);
    expect(screen.getByRole("tab", { name: "Plan" })).toBeTruthy();
    await typeAndRead("x");
    expect(screen.getByRole("alert").textContent).toContain("The document is empty: nothing to read.");
  });

  it("a failed write says so, with the sheet, and the edited plan stays in the pane", async () => {
    const { services } = fakeServices({
      createWorkbook: async () => {
        throw new HostError(
          "ghi trang tính",
          "writing the sheet",
          { sheet: "Tổ đảng tổ 1" },
          new Error("GeneralException"),
        );
      },
    });
    await renderApp(<App services={services} draftStore={memoryStore()} />);
    await typeAndRead("KẾ HOẠCH");
    const unit = screen.getByLabelText("Tên đơn vị 2");
    fireEvent.change(unit, { target: { value: "Tổ 1" } });
    fireEvent.blur(unit);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Tạo sổ theo dõi" }));
    });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Excel báo lỗi khi ghi trang tính: GeneralException");
    expect(alert.textContent).toContain("(Tổ đảng tổ 1)");
    expect((screen.getByLabelText("Tên đơn vị 2") as HTMLInputElement).value).toBe("Tổ 1");
  });

  it("an unexpected error is shown with its detail, not swallowed", async () => {
    const { services } = fakeServices({
      readPlanFile: async () => {
        throw new TypeError("boom");
      },
    });
    await renderApp(<App services={services} draftStore={memoryStore()} />);
    const input = screen.getByLabelText("Mở tệp (.pdf, .docx, .txt)", { selector: "input" });
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File(["x"], "kh.docx")] } });
    });
    expect(screen.getByRole("alert").textContent).toContain("Đã xảy ra lỗi không mong muốn: boom");
  });

  it("an unreadable file opened on an empty pane: the error does not claim typed input was kept", async () => {
    const { services } = fakeServices({
      readPlanFile: async () => {
        throw new UnreadableFileError("kh.pdf", "chỉ đọc được tệp .txt, .md hoặc .docx", "only .txt");
      },
    });
    await renderApp(<App services={services} draftStore={memoryStore()} />);
    const input = screen.getByLabelText("Mở tệp (.pdf, .docx, .txt)", { selector: "input" });
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File(["x"], "kh.pdf")] } });
    });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Không đọc được tệp");
    expect(alert.textContent).not.toContain("Nội dung bạn đã nhập vẫn được giữ nguyên");
  });

  it("a failed reopen says the comment typed is kept (it is)", async () => {
    const { services } = fakeServices({
      loadTracker: async () => ({
        planNumber: "334-KH/CB",
        planTitle: null,
        reportTo: null,
        reminder: null,
        units: [
          {
            unitId: "u1",
            name: "Tổ đảng tổ 1",
            sheetId: "s1",
            sheetName: "Tổ 1",
            deadline: "2022-10-16",
            status: "on-time",
            submittedAt: "2022-10-15T08:00:00+07:00",
            removed: false,
          },
        ],
      }),
      reopenUnitTab: async () => {
        throw new HostError("ghi trang tính", "writing the sheet", { sheet: "Tổ 1" }, new Error("Busy"));
      },
    });
    await renderApp(<App services={services} draftStore={memoryStore()} initialScreen="tracker" />);
    fireEvent.click(screen.getByRole("button", { name: "Mở lại báo cáo của Tổ đảng tổ 1" }));
    const comment = screen.getByLabelText(/Ý kiến/);
    fireEvent.change(comment, { target: { value: "Bổ sung kinh phí" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Mở lại và gửi ý kiến" }));
    });
    expect(screen.getByRole("alert").textContent).toContain("Nội dung bạn đã nhập vẫn được giữ nguyên.");
    expect((screen.getByLabelText(/Ý kiến/) as HTMLTextAreaElement).value).toBe("Bổ sung kinh phí");
  });

  it("the tracker screen reports a corrupt or missing workbook state", async () => {
    const { services } = fakeServices({
      loadTracker: async () => {
        throw new StateMissingError();
      },
    });
    await renderApp(<App services={services} draftStore={memoryStore()} initialScreen="tracker" />);
    expect(screen.getByRole("alert").textContent).toContain("Sổ này chưa được tạo bằng Tổng hợp báo cáo");
  });

  it("switches language with the button, and every visible label changes", async () => {
    const { services } = fakeServices();
    await renderApp(<App services={services} draftStore={memoryStore()} />);
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("tab", { name: "Tracker" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Read the plan" })).toBeTruthy();
    expect(screen.queryByText("Kế hoạch")).toBeNull();
  });
});
