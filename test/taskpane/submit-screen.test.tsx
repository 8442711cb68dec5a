/** @jest-environment jsdom */
import { act, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import type { UnitTabView } from "../../src/taskpane/services";
import { fakeServices, memoryStore, renderApp } from "./fake-services";

const NO_FIGURES = "Chưa có số liệu hay kết quả nào: chưa thể nộp.";

function unitTab(filled: boolean): UnitTabView {
  return {
    unitId: "u1",
    name: "Tổ đảng 1",
    sheetId: "{sheet-1}",
    sheetName: "Tổ đảng 1",
    deadline: "2022-10-16",
    submittedAt: null,
    reopenComment: null,
    checks: filled
      ? []
      : [
          {
            severity: "error",
            messageVi: NO_FIGURES,
            messageEn: "No figures or results yet: cannot submit.",
            sheetId: "{sheet-1}",
            sheetName: "Tổ đảng 1",
            cell: "D12",
          },
        ],
    canSubmit: filled,
  };
}

describe("the unit's submit screen follows what is typed (M1)", () => {
  it("re-checks the tab when its cells change, without Làm mới, and stops listening when it closes", async () => {
    let filled = false;
    const listeners = new Map<string, () => void>();
    const removed: string[] = [];
    const { services } = fakeServices({
      activeUnitTab: async () => unitTab(filled),
      onUnitTabChanged: (sheetId, listener) => {
        listeners.set(sheetId, listener);
        return () => removed.push(sheetId);
      },
    });
    const view = await renderApp(
      <App services={services} draftStore={memoryStore()} initialScreen="submit" />,
    );
    expect(document.body.textContent).toContain(NO_FIGURES);
    expect((screen.getByRole("button", { name: "Nộp báo cáo" }) as HTMLButtonElement).disabled).toBe(true);
    expect([...listeners.keys()]).toEqual(["{sheet-1}"]);

    // The unit types its figures in the tab: Excel raises onChanged (several times while they type).
    filled = true;
    await act(async () => {
      listeners.get("{sheet-1}")!();
      listeners.get("{sheet-1}")!();
    });
    await waitFor(
      () =>
        expect((screen.getByRole("button", { name: "Nộp báo cáo" }) as HTMLButtonElement).disabled).toBe(
          false,
        ),
      { timeout: 10_000 },
    );
    expect(document.body.textContent).not.toContain(NO_FIGURES);
    expect(screen.getByText("Không phát hiện vấn đề nào.")).toBeTruthy();

    view.unmount();
    expect(removed).toEqual(["{sheet-1}"]);
  });

  it("checks once for a burst of changes (debounced)", async () => {
    jest.useFakeTimers();
    try {
      let reads = 0;
      let listener: () => void = () => undefined;
      const { services } = fakeServices({
        activeUnitTab: async () => {
          reads++;
          return unitTab(reads > 1);
        },
        onUnitTabChanged: (_id, l) => {
          listener = l;
          return () => undefined;
        },
      });
      await renderApp(<App services={services} draftStore={memoryStore()} initialScreen="submit" />);
      expect(reads).toBe(1);
      await act(async () => {
        for (let i = 0; i < 10; i++) {
          listener();
          jest.advanceTimersByTime(50);
        }
      });
      expect(reads).toBe(1);
      await act(async () => {
        jest.advanceTimersByTime(1000);
      });
      expect(reads).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it("never shows an older check over a newer one (a slow read finishing last)", async () => {
    const pending: ((v: UnitTabView) => void)[] = [];
    const activationListeners: (() => void)[] = [];
    const { services } = fakeServices({
      activeUnitTab: () => new Promise<UnitTabView>((resolve) => pending.push(resolve)),
      onActiveSheetChanged: (l) => {
        activationListeners.push(l);
        return () => undefined;
      },
    });
    await renderApp(<App services={services} draftStore={memoryStore()} initialScreen="submit" />);
    expect(pending).toHaveLength(1);
    await act(async () => activationListeners.forEach((l) => l()));
    expect(pending.length).toBeGreaterThanOrEqual(2);
    await act(async () => {
      for (const resolve of pending.slice(1)) resolve(unitTab(true));
    });
    await act(async () => pending[0](unitTab(false)));
    expect(document.body.textContent).not.toContain(NO_FIGURES);
    expect((screen.getByRole("button", { name: "Nộp báo cáo" }) as HTMLButtonElement).disabled).toBe(false);
  });
});
