/**
 * Which units get an input tab: every unit of every task except the issuer's own summary task, a group
 * unit ("Các tổ chức đoàn thể") expanded to its members when the plan lists them (members inherit the
 * group's tasks), the same unit written twice (case, accents, spacing) merged into one.
 */
import type { IsoDate, Plan } from "../plan/types";
import { foldVietnamese, nfc } from "../text/vietnamese";

export interface ReportingUnit {
  name: string;
  /** The plan's group the unit came from, or null. */
  group: string | null;
  taskRefs: string[];
  /** Earliest deadline of its tasks, ISO; null when none of them has one. */
  deadline: IsoDate | null;
}

function earliest(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

function clean(name: string): string {
  return nfc(name).replace(/\s+/g, " ").trim();
}

export function reportingUnits(plan: Plan): ReportingUnit[] {
  const groups = new Map<string, { name: string; members: string[] }>();
  for (const u of plan.units) {
    const members = u.members.map(clean).filter((m) => m !== "");
    if (members.length > 0) groups.set(foldVietnamese(u.name), { name: clean(u.name), members });
  }
  const byKey = new Map<string, ReportingUnit>();
  const add = (name: string, group: string | null, ref: string, deadline: IsoDate | null) => {
    const key = foldVietnamese(name);
    if (key === "") return;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.taskRefs.includes(ref)) existing.taskRefs.push(ref);
      existing.deadline = earliest(existing.deadline, deadline);
      if (existing.group === null && group !== null) existing.group = group;
    } else {
      byKey.set(key, { name, group, taskRefs: [ref], deadline });
    }
  };
  for (const task of plan.tasks) {
    if (task.isSummary) continue;
    for (const raw of task.units) {
      const name = clean(raw);
      const group = groups.get(foldVietnamese(name));
      if (group) for (const member of group.members) add(member, group.name, task.ref, task.deadline);
      else add(name, null, task.ref, task.deadline);
    }
  }
  return [...byKey.values()];
}
