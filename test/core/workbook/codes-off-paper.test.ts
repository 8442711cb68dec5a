/**
 * Column A holds the add-in's codes (#TIEU_DE, NV:III.1, u1 …): on the tracker and on every unit tab it is
 * hidden, so the codes neither distract on screen nor print (newcomer review M4: they printed, in grey, on
 * every page). The summary sheet already hid it.
 */
import { createState } from "../../../src/core/state/create-state";
import { buildTrackerLayout } from "../../../src/core/workbook/build-tracker";
import { buildUnitTabLayout } from "../../../src/core/workbook/build-unit-tab";
import { seedPlan } from "./fixtures";

const plan = seedPlan();
const state = createState(plan, [], { planId: "p42", existingSheetNames: [] });

test("the tracker hides its code column", () => {
  expect(buildTrackerLayout(state).hiddenColumns).toContain(0);
});

test.each(state.units.map((u) => [u.name, u] as const))("%s: its tab hides its code column", (_n, unit) => {
  expect(buildUnitTabLayout(state, unit).hiddenColumns).toContain(0);
});
