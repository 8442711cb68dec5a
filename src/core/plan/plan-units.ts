/** The plan's distinct units in order of first appearance, merged case- and accent-insensitively, groups with members. */
import type { PlanTask, PlanUnit, PlanWarning } from "./types";
import { foldVietnamese } from "../text/vietnamese";
import type { UnitRef } from "./units";
import { planWarnings } from "./warnings";

export interface UnitsResult {
  units: PlanUnit[];
  warnings: PlanWarning[];
  /** Each task's unit names, each spelled as first seen in the plan. */
  taskUnits: string[][];
}

/**
 * `refs[i]` are the units of `tasks[i]`. Every unit of every task is listed, the summary task's too (which
 * units get an input tab is the workbook model's decision: see reportingUnits).
 */
export function collectUnits(tasks: Pick<PlanTask, "line" | "isSummary">[], refs: UnitRef[][]): UnitsResult {
  const byKey = new Map<string, PlanUnit>();
  const order: string[] = [];
  const warnings: PlanWarning[] = [];
  const warned = new Set<string>();
  const taskUnits = refs.map((list, i) => {
    const names: string[] = [];
    const seen = new Set<string>();
    for (const u of list) {
      const key = foldVietnamese(u.name);
      if (key === "") continue;
      let entry = byKey.get(key);
      if (!entry) {
        entry = { name: u.name, members: [] };
        byKey.set(key, entry);
        order.push(key);
      } else if (entry.name !== u.name && !warned.has(u.name)) {
        warned.add(u.name);
        warnings.push(planWarnings.duplicateUnit(tasks[i].line, u.name, entry.name));
      }
      for (const m of u.members) {
        if (!entry.members.some((x) => foldVietnamese(x) === foldVietnamese(m))) entry.members.push(m);
      }
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(entry.name);
    }
    return names;
  });
  const units = order.map((k) => byKey.get(k)!).map(({ name, members }) => ({ name, members }));
  return { units, warnings, taskUnits };
}
