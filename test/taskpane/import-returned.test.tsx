/** @jest-environment jsdom */
import { screen, fireEvent, act, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import type { ImportFileView, ImportProgressListener, TrackerView } from "../../src/taskpane/services";
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
    {
      unitId: "cd",
      name: "Ban Chấp hành Công đoàn",
      sheetId: "s2",
      sheetName: "BCH Công đoàn",
      deadline: "2022-10-16",
      status: "missing",
      submittedAt: null,
      removed: false,
    },
  ],
});

const RESULT: ImportFileView[] = [
  {
    file: "to1.xls",
    outcome: "imported",
    cells: 7,
    items: [
      {
        file: "to1.xls",
        sheet: "Tổ 1",
        unit: "Tổ đảng tổ 1",
        outcome: "imported",
        cells: 7,
        messageVi: 'Đã nhập 7 ô của Tổ đảng tổ 1 vào trang "Tổ 1".',
        messageEn: "Imported 7 cells.",
      },
    ],
  },
  {
    file: "ghi-chu.docx",
    outcome: "skipped",
    cells: 0,
    items: [
      {
        file: "ghi-chu.docx",
        sheet: null,
        unit: null,
        outcome: "skipped",
        cells: 0,
        messageVi: "Không phải bảng tính (tài liệu Word); bỏ qua.",
        messageEn: "Not a spreadsheet (a Word document); skipped.",
      },
    ],
  },
  {
    file: "hong.ods",
    outcome: "refused",
    cells: 0,
    items: [
      {
        file: "hong.ods",
        sheet: null,
        unit: null,
        outcome: "refused",
        cells: 0,
        messageVi: "Không đọc được tệp: tệp .ods bị hỏng",
        messageEn: "Cannot read the file: the .ods file is damaged",
      },
    ],
  },
];

describe("Nhập tệp đơn vị gửi lại (tracker)", () => {
  it("takes many files of any returned format, shows progress, then one row per file with its outcome and why", async () => {
    const calls: { names: string[]; overwrite: boolean }[] = [];
    let imported = false;
    let report: ImportProgressListener = () => undefined;
    let finish: () => void = () => undefined;
    const { services } = fakeServices({
      loadTracker: async () => tracker(imported ? "on-time" : "missing"),
      importReturnedFiles: async (files, overwrite, onProgress) => {
        calls.push({ names: files.map((f) => f.name), overwrite });
        report = onProgress!;
        await new Promise<void>((resolve) => (finish = resolve));
        imported = true;
        return { items: RESULT.flatMap((f) => f.items), files: RESULT };
      },
    });
    await renderApp(<App services={services} draftStore={memoryStore()} initialScreen="tracker" />);
    await screen.findByText("Tổ đảng tổ 1");

    const input = screen.getByLabelText("Chọn tệp đơn vị gửi lại…", { selector: "input" });
    expect(input.getAttribute("accept")).toContain(".xls,");
    expect(input.getAttribute("accept")).toContain(".ods");
    expect(input.getAttribute("accept")).toContain(".csv");
    fireEvent.click(screen.getByRole("checkbox", { name: "Ghi đè cả trang đơn vị đã nộp" }));
    await act(async () => {
      fireEvent.change(input, {
        target: {
          files: [new File(["x"], "to1.xls"), new File(["y"], "ghi-chu.docx"), new File(["z"], "hong.ods")],
        },
      });
    });
    expect(calls).toEqual([{ names: ["to1.xls", "ghi-chu.docx", "hong.ods"], overwrite: true }]);
    await act(async () => report({ done: 1, total: 3, file: "ghi-chu.docx" }));
    expect(screen.getByText("Đang đọc tệp 2/3: ghi-chu.docx")).toBeTruthy();
    await act(async () => finish());

    const table = await screen.findByRole("table", { name: "Kết quả nhập" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.getAttribute("data-outcome"))).toEqual(["imported", "skipped", "refused"]);
    expect(rows[0].textContent).toContain("Đã nhập 7 ô");
    expect(rows[1].textContent).toContain("Không phải bảng tính");
    expect(rows[1].textContent).toContain("Bỏ qua");
    expect(rows[2].textContent).toContain("Không đọc được tệp");
    expect(rows[2].textContent).toContain("Từ chối");
    expect(screen.getByText("1 tệp đã nhập, 1 bỏ qua, 1 từ chối.")).toBeTruthy();
    // Something was imported: the tracker reads the workbook again.
    expect(await screen.findByText("Đúng hạn")).toBeTruthy();
  });
});

describe("Nhập sổ tổng hợp của cấp dưới (multi-level roll-up)", () => {
  it("passes the tab chosen for a summary workbook and the by-name choice to the import", async () => {
    const calls: { names: string[]; rollup: unknown }[] = [];
    const { services } = fakeServices({
      loadTracker: async () => tracker("missing"),
      importReturnedFiles: async (files, _overwrite, _onProgress, rollup) => {
        calls.push({ names: files.map((f) => f.name), rollup });
        return { items: [], files: [] };
      },
    });
    await renderApp(<App services={services} draftStore={memoryStore()} initialScreen="tracker" />);
    await screen.findByText("Tổ đảng tổ 1");
    const input = screen.getByLabelText("Chọn tệp đơn vị gửi lại…", { selector: "input" });
    // By default the body is recognised from the file: no tab is named.
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File(["x"], "chi-bo.xlsx")] } });
    });
    expect(calls.pop()).toEqual({ names: ["chi-bo.xlsx"], rollup: { matchNames: false } });

    fireEvent.click(
      screen.getByRole("checkbox", { name: "Chọn trang cho sổ tổng hợp cấp dưới (khi không tự nhận ra)" }),
    );
    fireEvent.change(screen.getByLabelText("Sổ tổng hợp cấp dưới thuộc đơn vị"), {
      target: { value: "Ban Chấp hành Công đoàn" },
    });
    fireEvent.click(
      screen.getByRole("checkbox", { name: "Lấy cả chỉ tiêu cấp dưới trùng tên nhưng khác mã" }),
    );
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File(["x"], "cong-doan.xlsx")] } });
    });
    expect(calls.pop()).toEqual({
      names: ["cong-doan.xlsx"],
      rollup: { as: "Ban Chấp hành Công đoàn", matchNames: true },
    });
  });
});

describe("Tạo tệp cho từng đơn vị (tracker)", () => {
  it("takes an optional password per unit, passes them once, then empties the fields and lists the files", async () => {
    const calls: Record<string, string>[] = [];
    const { services } = fakeServices({
      loadTracker: async () => tracker("missing"),
      createUnitFiles: async (passwords, onProgress) => {
        calls.push(passwords);
        onProgress?.({ done: 2, total: 2, unit: "" });
        return {
          zipName: "tep-don-vi-334-KH-CB.zip",
          bytes: 2048,
          files: [
            {
              unitId: "to-1",
              unit: "Tổ đảng tổ 1",
              fileName: "Tổ đảng tổ 1 - 334-KH-CB.xlsx",
              withPassword: true,
            },
            {
              unitId: "cd",
              unit: "Ban Chấp hành Công đoàn",
              fileName: "Ban Chấp hành Công đoàn - 334-KH-CB.xlsx",
              withPassword: false,
            },
          ],
        };
      },
    });
    await renderApp(<App services={services} draftStore={memoryStore()} initialScreen="tracker" />);
    await screen.findByText("Tổ đảng tổ 1");
    const field = screen.getByLabelText("Mật khẩu cho Tổ đảng tổ 1 (không bắt buộc)") as HTMLInputElement;
    expect(field.type).toBe("password");
    fireEvent.change(field, { target: { value: "bí-mật" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Tạo tệp cho từng đơn vị" }));
    });
    expect(calls).toEqual([{ "to-1": "bí-mật" }]);
    const list = await screen.findByRole("list", { name: "Các tệp đã tạo" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Tổ đảng tổ 1 - 334-KH-CB.xlsx (có mật khẩu)", "Ban Chấp hành Công đoàn - 334-KH-CB.xlsx"]);
    expect(screen.getByText("Đã tạo 2 tệp trong tep-don-vi-334-KH-CB.zip.")).toBeTruthy();
    expect(field.value).toBe("");
  });
});

describe("Tạo tệp cho từng đơn vị where Excel cannot download (Excel for Mac)", () => {
  it("offers the routes that work instead of making files nobody receives", async () => {
    let made = 0;
    const { services } = fakeServices({
      loadTracker: async () => tracker("missing"),
      createUnitFiles: async () => {
        made++;
        throw new Error("must not be called");
      },
    });
    services.host.canSaveFiles = false;
    await renderApp(<App services={services} draftStore={memoryStore()} initialScreen="tracker" />);
    await screen.findByText("Tổ đảng tổ 1");
    expect(screen.queryByRole("button", { name: "Tạo tệp cho từng đơn vị" })).toBeNull();
    expect(screen.queryByLabelText("Mật khẩu cho Tổ đảng tổ 1 (không bắt buộc)")).toBeNull();
    const text = document.body.textContent ?? "";
    expect(text).toContain("Excel cho Mac");
    expect(text).toContain("Excel trên web");
    expect(text).toContain("split");
    expect(made).toBe(0);
  });
});
