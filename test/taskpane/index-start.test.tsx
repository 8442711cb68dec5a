/**
 * @jest-environment jsdom
 *
 * The task pane's entry (index.tsx) as Excel starts it: Office.onReady, the Office theme, the storage
 * partition. Office and Excel are fakes over the simulated host.
 */
import { act, fireEvent, screen } from "@testing-library/react";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";

interface FakeOffice {
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<unknown>;
  context: Record<string, unknown>;
}

function installOffice(context: Record<string, unknown>) {
  const host = new SimulatedExcelHost({ sheets: ["Sheet1"], apiVersion: "1.7" });
  const handlers: string[] = [];
  let themeReads = 0;
  const office: FakeOffice = {
    onReady(callback) {
      const info = { host: "Excel", platform: "PC" };
      return Promise.resolve().then(() => callback?.(info));
    },
    context: {
      displayLanguage: "vi-VN",
      requirements: { isSetSupported: (n: string, v: string) => host.isSetSupported(n, v) },
      document: {
        addHandlerAsync: (type: string) => handlers.push(String(type)),
        removeHandlerAsync: () => undefined,
      },
      get officeTheme() {
        themeReads++;
        return context.theme;
      },
      ...context,
    },
  };
  Object.assign(globalThis, {
    Office: { ...office, EventType: { OfficeThemeChanged: "officeThemeChanged" } },
    Excel: host.excel,
  });
  return { handlers, themeReads: () => themeReads };
}

async function startPane(): Promise<void> {
  document.body.innerHTML = '<div id="root"></div>';
  await act(async () => {
    jest.isolateModules(() => {
      require("../../src/taskpane/index");
    });
    await new Promise((r) => setTimeout(r, 0));
  });
  await screen.findByRole("tab", { name: "Kế hoạch" });
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { Excel?: unknown }).Excel;
  localStorage.clear();
  document.body.innerHTML = "";
});

describe("the task pane's start in Excel", () => {
  it("reads the Office theme once and registers no OfficeThemeChanged handler (an Outlook-only event, C8)", async () => {
    const office = installOffice({ theme: { bodyBackgroundColor: "#262626" } });
    await startPane();
    expect(office.handlers).toEqual([]);
    expect(office.themeReads()).toBe(1);
    // Excel desktop's Black theme gives Fluent's dark theme.
    const css = Array.from(document.querySelectorAll("style"))
      .flatMap((s) => Array.from(s.sheet?.cssRules ?? []).map((r) => r.cssText))
      .join("\n");
    expect(css).toContain("--colorNeutralBackground1: #292929");
  });

  it("keeps the draft under a key that includes Office.context.partitionKey", async () => {
    installOffice({ partitionKey: "partition-A" });
    await startPane();
    fireEvent.change(screen.getByLabelText("Văn bản kế hoạch"), { target: { value: "KẾ HOẠCH số 1" } });
    const keys = Object.keys(localStorage);
    expect(keys.some((k) => k.includes("partition-A"))).toBe(true);
    expect(keys.every((k) => k.includes("partition-A"))).toBe(true);
  });

  it("tells the start check that the pane has started", async () => {
    installOffice({});
    const started = jest.fn();
    document.addEventListener("tong-hop-bao-cao:started", started);
    await startPane();
    expect(started).toHaveBeenCalledTimes(1);
    document.removeEventListener("tong-hop-bao-cao:started", started);
  });
});
