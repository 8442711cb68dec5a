/** Pure edits the Plan screen applies to the plan being prepared (immutable updates). */
import type { Plan, PlanTask } from "../core/plan/types";
import type { Indicator } from "../core/workbook/indicators";
import { nfc } from "../core/text/vietnamese";
import { reportingUnits } from "../core/workbook/reporting-units";

export function splitUnits(text: string): string[] {
  return nfc(text)
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** True when the unit is named only by the summary task (the issuer's own body): it gets no input tab. */
export function compilesOnly(plan: Plan, name: string): boolean {
  const named = plan.tasks.filter((t) => t.units.includes(name));
  return named.length > 0 && named.every((t) => t.isSummary);
}

/** The distinct units of the tasks, keeping the order and members of the plan's unit list. */
function syncUnits(plan: Plan, tasks: PlanTask[]): Plan["units"] {
  const names: string[] = [];
  for (const u of plan.units) names.push(u.name);
  for (const t of tasks) if (!t.isSummary) for (const n of t.units) if (!names.includes(n)) names.push(n);
  return names.map((name) => plan.units.find((u) => u.name === name) ?? { name, members: [] });
}

export function updateTask(plan: Plan, index: number, patch: Partial<PlanTask>): Plan {
  const tasks = plan.tasks.map((t, i) => (i === index ? { ...t, ...patch } : t));
  if (patch.deadline !== undefined) tasks[index] = { ...tasks[index], deadlineInherited: false };
  return { ...plan, tasks, units: syncUnits(plan, tasks) };
}

export function addTask(plan: Plan): Plan {
  const refs = new Set(plan.tasks.map((t) => t.ref));
  let n = plan.tasks.length + 1;
  while (refs.has(`M${n}`)) n++;
  const task: PlanTask = {
    ref: `M${n}`,
    text: "",
    units: [],
    deadline: plan.deadline,
    deadlineInherited: plan.deadline !== null,
    reportTo: plan.summary?.units[0] ?? null,
    line: 0,
    isSummary: false,
  };
  return { ...plan, tasks: [...plan.tasks, task] };
}

export function removeTask(plan: Plan, index: number): Plan {
  const tasks = plan.tasks.filter((_, i) => i !== index);
  const used = new Set(tasks.flatMap((t) => t.units));
  return { ...plan, tasks, units: plan.units.filter((u) => used.has(u.name)) };
}

/** Rename a unit everywhere it is named (unit list, tasks, summary). */
export function renameUnit(plan: Plan, index: number, newName: string): Plan {
  const old = plan.units[index]?.name;
  if (old === undefined) return plan;
  const name = nfc(newName);
  const swap = (n: string) => (n === old ? name : n);
  return {
    ...plan,
    units: plan.units.map((u, i) => (i === index ? { ...u, name } : u)),
    tasks: plan.tasks.map((t) => ({ ...t, units: t.units.map(swap) })),
    summary: plan.summary ? { ...plan.summary, units: plan.summary.units.map(swap) } : null,
  };
}

export function addUnit(plan: Plan, name: string): Plan {
  let candidate = name;
  let n = 2;
  while (plan.units.some((u) => u.name === candidate)) candidate = `${name} ${n++}`;
  return { ...plan, units: [...plan.units, { name: candidate, members: [] }] };
}

export function removeUnit(plan: Plan, index: number): Plan {
  const old = plan.units[index]?.name;
  if (old === undefined) return plan;
  return {
    ...plan,
    units: plan.units.filter((_, i) => i !== index),
    tasks: plan.tasks.map((t) => (t.isSummary ? t : { ...t, units: t.units.filter((u) => u !== old) })),
  };
}

export function updateIndicator(list: Indicator[], index: number, patch: Partial<Indicator>): Indicator[] {
  return list.map((ind, i) => (i === index ? { ...ind, ...patch } : ind));
}

export function addIndicator(list: Indicator[], name: string): Indicator[] {
  const codes = new Set(list.map((i) => i.code));
  let n = list.length + 1;
  while (codes.has(`CT${n}`)) n++;
  return [...list, { code: `CT${n}`, name, unit: "", type: "integer", aggregation: "sum", required: false }];
}

export function removeIndicator(list: Indicator[], index: number): Indicator[] {
  return list.filter((_, i) => i !== index);
}

/** Tasks that assign work to a unit (not the issuer's own summary report). */
export function hasAssignments(plan: Plan): boolean {
  return plan.tasks.some((t) => !t.isSummary);
}

/** The units that will get an input tab, by the same rule creating the workbook uses. */
export function unitTabNames(plan: Plan): string[] {
  return reportingUnits(plan).map((u) => u.name);
}
