/**
 * The two aggregations a roll-up needs besides sum/max/count, through a real workbook (file adapter):
 * "average" (the mean over the units with a figure) and "yesno" (Có/Không typed by each unit, "x/n đơn vị"
 * in the summary). A unit typing something else than Có/Không in a yes/no cell gets an error that names the
 * cell, and its answer is left out.
 */
import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import { buildUnitTabLayout } from "../../src/core/workbook/build-unit-tab";
import { buildWorkbook, fillUnits, NA_SAN_INDICATORS } from "../support/rollup-fixtures";

const NOW = new Date("2024-11-26T09:00:00+07:00");

describe("average and yes/no indicators", () => {
  test("the mean over units with a figure, x/n đơn vị answering Có; a wrong answer is an error, left out", async () => {
    const built = await buildWorkbook("naSan", NA_SAN_INDICATORS, "p00000000000n0s1");
    await fillUnits(built, {
      "Tổ đảng Nà Sản 1": {
        figures: { DIEM_TB: 8.5, CO_MO_HINH: "có", SO_BUOI: 2 },
        submittedOn: "2024-11-20",
      },
      "Tổ đảng Nà Sản 2": {
        figures: { DIEM_TB: 7, CO_MO_HINH: "Không", SO_BUOI: 3 },
        submittedOn: "2024-11-22",
      },
    });
    const result = await collectAndSummarise(built.port, { now: NOW, dryRun: true });
    expect(result.totals.DIEM_TB).toMatchObject({ value: 7.75, numerator: 15.5, denominator: 2, count: 2 });
    expect(result.totals.CO_MO_HINH).toMatchObject({ value: "1/2 đơn vị", numerator: 1, denominator: 2 });
    expect(result.submissions[0].values.CO_MO_HINH.value).toBe("Có");
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);

    await fillUnits(built, { "Tổ đảng Nà Sản 2": { figures: { CO_MO_HINH: "chưa rõ" } } });
    const again = await collectAndSummarise(built.port, { now: NOW, dryRun: true });
    const cell = again.submissions[1].values.CO_MO_HINH.cell!;
    expect(again.findings).toContainEqual(
      expect.objectContaining({
        severity: "error",
        kind: "NOT_YES_NO",
        cell,
        messageVi: `"Có mô hình Dân vận khéo" (${cell}): "chưa rõ" — hãy chọn Có hoặc Không.`,
        messageEn: `"Có mô hình Dân vận khéo" (${cell}): "chưa rõ" — choose Có (yes) or Không (no).`,
      }),
    );
    expect(again.submissions[1].values.CO_MO_HINH).toMatchObject({ value: null, excluded: true });
    expect(again.totals.CO_MO_HINH).toMatchObject({ value: "1/1 đơn vị" });
  });

  test("a yes/no indicator's cell offers Có and Không in its tab", () => {
    return buildWorkbook("naSan", NA_SAN_INDICATORS, "p00000000000n0s1").then(({ state }) => {
      const layout = buildUnitTabLayout(state, state.units[0]);
      const row = Object.entries(layout.cells).find(
        ([a, c]) => a.startsWith("A") && c.value === "CO_MO_HINH",
      )!;
      const valueCell = `D${row[0].slice(1)}`;
      expect(layout.validations).toContainEqual(
        expect.objectContaining({ range: valueCell, list: ["Có", "Không"] }),
      );
    });
  });
});
