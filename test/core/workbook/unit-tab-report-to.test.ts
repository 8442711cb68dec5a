/**
 * A unit's tab never says it reports to itself (newcomer review M7: "Báo cáo về: Trạm Y tế xã" on Trạm Y
 * tế xã's own tab): a task whose "báo cáo về" names the unit itself falls back to the plan's summary unit,
 * else to the issuer, named as running text writes it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePlan } from "../../../src/core/plan/parse-plan";
import { createState } from "../../../src/core/state/create-state";
import { buildUnitTabLayout } from "../../../src/core/workbook/build-unit-tab";
import { defaultIndicators } from "../../../src/core/workbook/indicator-catalogue";
import {
  INFO_CODES,
  TASK_CODE_PREFIX,
  TASK_COLUMNS,
  FIELD_VALUE_COLUMN,
} from "../../../src/core/workbook/unit-tab-schema";
import { adr } from "../../../src/core/workbook/address";
import type { SheetLayout } from "../../../src/core/workbook/model";

const plan = parsePlan(readFileSync(join(__dirname, "../../fixtures/plans/commune-food-safety.txt"), "utf8"));
const state = createState(plan, defaultIndicators(plan), { planId: "p1", existingSheetNames: [] });

function rowOf(layout: SheetLayout, code: string): number {
  const hit = Object.entries(layout.cells).find(([a, c]) => /^A\d+$/.test(a) && c.value === code)!;
  return Number(hit[0].slice(1)) - 1;
}

test("the reader takes III.3's recipient from '… báo cáo Ủy ban nhân dân xã', not from 'gửi … về Trạm Y tế xã'", () => {
  expect(plan.tasks.find((t) => t.ref === "III.3")?.reportTo).toBe("Ủy ban nhân dân xã");
});

test("a task whose 'báo cáo về' names its own unit reports to the issuer instead", () => {
  const misread = {
    ...plan,
    tasks: plan.tasks.map((t) => (t.ref === "III.3" ? { ...t, reportTo: "TRẠM Y TẾ XÃ" } : t)),
  };
  const s = createState(misread, defaultIndicators(misread), { planId: "p2", existingSheetNames: [] });
  const layout = buildUnitTabLayout(
    s,
    s.units.find((u) => u.name === "Trạm Y tế xã")!,
  );
  expect(layout.cells[adr(rowOf(layout, `${TASK_CODE_PREFIX}III.3`), TASK_COLUMNS.reportTo)].value).toBe(
    "Ủy ban nhân dân xã Phú Lộc",
  );
});

test.each(state.units.map((u) => [u.name, u] as const))(
  "%s: its tab does not report to itself",
  (_n, unit) => {
    const layout = buildUnitTabLayout(state, unit);
    const info = layout.cells[adr(rowOf(layout, INFO_CODES.reportTo), FIELD_VALUE_COLUMN)].value;
    expect(info).not.toBe(unit.name);
    expect(String(info)).not.toMatch(/^$/);
    for (const ref of unit.taskRefs) {
      const cell = layout.cells[adr(rowOf(layout, `${TASK_CODE_PREFIX}${ref}`), TASK_COLUMNS.reportTo)].value;
      expect(cell).not.toBe(unit.name);
    }
  },
);

test("Trạm Y tế xã reports to the issuer, named in full as running text writes it", () => {
  const unit = state.units.find((u) => u.name === "Trạm Y tế xã")!;
  const layout = buildUnitTabLayout(state, unit);
  expect(layout.cells[adr(rowOf(layout, INFO_CODES.reportTo), FIELD_VALUE_COLUMN)].value).toBe(
    "Ủy ban nhân dân xã Phú Lộc",
  );
  expect(layout.cells[adr(rowOf(layout, `${TASK_CODE_PREFIX}III.3`), TASK_COLUMNS.reportTo)].value).toBe(
    "Ủy ban nhân dân xã Phú Lộc",
  );
});
