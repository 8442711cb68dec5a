/** The file adapter gives every state part when a workbook holds two plans, so the refusal names both. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createWorkbook } from "../../src/app/create-workbook";
import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { serializeState } from "../../src/core/state/serialize-state";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import { newCustomXmlPart } from "../../src/file/ooxml-parts";
import { newWorkbook, openWorkbookBuffer, workbookToBuffer } from "../../src/file/workbook-bytes";

const SEED = parsePlan(readFileSync(join(__dirname, "../fixtures/plans/seed-334-KH-CB.txt"), "utf8"));

it("a saved .xlsx with two plans' parts is refused with both plan numbers, in Vietnamese and English", async () => {
  const port = newWorkbook();
  await createWorkbook(port, { plan: SEED, indicators: defaultIndicators(SEED) });
  const other = newWorkbook();
  const plan2 = { ...SEED, number: "12-KH/ĐTN", title: "Tháng Thanh niên" };
  const r2 = await createWorkbook(other, { plan: plan2, indicators: defaultIndicators(plan2), planId: "p2" });
  port.customXmlParts.push(newCustomXmlPart(serializeState(r2.state)));
  const reopened = await openWorkbookBuffer(await workbookToBuffer(port), "hai-ke-hoach.xlsx");

  const error = await collectAndSummarise(reopened, { now: new Date("2022-10-17T10:00:00+07:00") }).then(
    () => null,
    (e: { messageVi: string; messageEn: string }) => e,
  );
  expect(error?.messageVi).toContain("sổ chứa 2 kế hoạch: kế hoạch số 334-KH/CB");
  expect(error?.messageVi).toContain("kế hoạch số 12-KH/ĐTN (Tháng Thanh niên)");
  expect(error?.messageEn).toContain("plan 334-KH/CB");
  expect(error?.messageEn).toContain("plan 12-KH/ĐTN (Tháng Thanh niên)");
});
