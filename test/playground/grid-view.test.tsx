/**
 * @jest-environment jsdom
 *
 * The playground's grid shows what Excel would: dates through their number format (dd/mm/yyyy), numbers
 * in the Vietnamese way, formulas computed by the simulated host's evaluator (the summary sheet's figures
 * are formulas linking to the unit tabs), and the formula bar shows a formula with one "=".
 */
import { useState } from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { GridView } from "../../src/playground/grid-view";
import { createPlaygroundHost } from "../../src/playground/playground-host";
import { I18nContext, MESSAGES } from "../../src/taskpane/i18n";
import type { SimulatedExcelHost } from "../../src/testing/simulated-excel";

async function workbook(): Promise<SimulatedExcelHost> {
  const host = createPlaygroundHost();
  host.addSheet("Tổ đảng 1");
  await host.run(async (context) => {
    const unit = context.workbook.worksheets.getItem("Tổ đảng 1");
    unit.getRange("C5:D6").values = [
      [44850, 1500000],
      [0.6667, 12],
    ];
    unit.getRange("C5:D6").numberFormat = [
      ["dd/mm/yyyy", "#,##0"],
      ["0.0%", "#,##0.##"],
    ];
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:A2").formulas = [
      ["='Tổ đảng 1'!D5+'Tổ đảng 1'!D6"],
      ["=IF('Tổ đảng 1'!D6=\"\",\"\",'Tổ đảng 1'!C5)"],
    ];
    sheet.getRange("A1:A2").numberFormat = [["#,##0"], ["dd/mm/yyyy"]];
    sheet.getRange("B1").values = [[2.5]];
    await context.sync();
  });
  return host;
}

/** The grid as the playground holds it: every change it reports re-reads the workbook. */
function Harness({ host }: { host: SimulatedExcelHost }) {
  const [version, setVersion] = useState(0);
  return <GridView host={host} version={version} onChange={() => setVersion((v) => v + 1)} />;
}

function renderGrid(host: SimulatedExcelHost, lang: "vi" | "en" = "vi") {
  return render(
    <I18nContext.Provider value={{ lang, t: MESSAGES[lang] }}>
      <Harness host={host} />
    </I18nContext.Provider>,
  );
}

function cellText(address: string): string | null {
  return document.querySelector(`td[data-address="${address}"]`)?.textContent ?? null;
}

async function openSheet(name: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name }));
  });
}

describe("the playground's grid", () => {
  it("computes formulas across sheets and shows them through the cell's number format", async () => {
    const host = await workbook();
    host.model.activeSheetId = host.sheetId("Sheet1");
    renderGrid(host);
    expect(cellText("A1")).toBe("1.500.012");
    expect(cellText("A2")).toBe("16/10/2022");
    expect(cellText("B1")).toBe("2,5");
  });

  it("shows dates as dd/mm/yyyy and numbers the Vietnamese way (English: the English way)", async () => {
    const host = await workbook();
    host.model.activeSheetId = host.sheetId("Tổ đảng 1");
    const view = renderGrid(host);
    expect([cellText("C5"), cellText("D5"), cellText("C6"), cellText("D6")]).toEqual([
      "16/10/2022",
      "1.500.000",
      "66,7%",
      "12",
    ]);
    view.unmount();
    renderGrid(host, "en");
    expect([cellText("C5"), cellText("D5"), cellText("C6")]).toEqual(["16/10/2022", "1,500,000", "66.7%"]);
  });

  it("the formula bar shows a formula with one '=' and a date as a date it reads back unchanged", async () => {
    const host = await workbook();
    host.model.activeSheetId = host.sheetId("Sheet1");
    renderGrid(host);
    const bar = screen.getByTestId("grid-value") as HTMLInputElement;
    fireEvent.click(document.querySelector('td[data-address="A1"]')!);
    expect(bar.value).toBe("='Tổ đảng 1'!D5+'Tổ đảng 1'!D6");
    await openSheet("Tổ đảng 1");
    fireEvent.click(document.querySelector('td[data-address="C5"]')!);
    expect(bar.value).toBe("2022-10-16");
    fireEvent.click(document.querySelector('td[data-address="C6"]')!);
    expect(bar.value).toBe("0.6667");
    // Pressing Enter on an unchanged cell leaves it as it was.
    fireEvent.click(document.querySelector('td[data-address="C5"]')!);
    fireEvent.keyDown(bar, { key: "Enter" });
    expect(host.cell("Tổ đảng 1", "C5").value).toBe(44850);
  });
});
