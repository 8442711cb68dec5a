import { reportingUnits } from "../../../src/core/workbook/reporting-units";
import type { PlanTask } from "../../../src/core/plan/types";
import { seedPlan, seedTasks } from "./fixtures";

const task = (ref: string, units: string[], deadline: string | null, isSummary = false): PlanTask => ({
  ref,
  text: `Nhiệm vụ ${ref}`,
  units,
  deadline,
  deadlineInherited: false,
  reportTo: null,
  line: 1,
  isSummary,
});

describe("reportingUnits", () => {
  test("seed plan: the summary task gets no tab; units of III.2 and III.3", () => {
    expect(reportingUnits(seedPlan())).toEqual([
      { name: "Ban Chấp hành Công đoàn", group: null, taskRefs: ["III.2"], deadline: "2022-10-16" },
      { name: "Tổ đảng tổ 1", group: null, taskRefs: ["III.2"], deadline: "2022-10-16" },
      { name: "Các Tổ chức đoàn thể", group: null, taskRefs: ["III.3"], deadline: "2022-10-15" },
    ]);
  });

  test("a group listed with members is expanded; members inherit the group's tasks", () => {
    const plan = seedPlan({
      units: [
        { name: "Các tổ chức đoàn thể", members: ["Công đoàn", "Chi đoàn Thanh niên", "Hội Cựu chiến binh"] },
      ],
    });
    const units = reportingUnits(plan);
    expect(units.map((u) => [u.name, u.group, u.taskRefs, u.deadline])).toEqual([
      ["Ban Chấp hành Công đoàn", null, ["III.2"], "2022-10-16"],
      ["Tổ đảng tổ 1", null, ["III.2"], "2022-10-16"],
      ["Công đoàn", "Các tổ chức đoàn thể", ["III.3"], "2022-10-15"],
      ["Chi đoàn Thanh niên", "Các tổ chức đoàn thể", ["III.3"], "2022-10-15"],
      ["Hội Cựu chiến binh", "Các tổ chức đoàn thể", ["III.3"], "2022-10-15"],
    ]);
  });

  test("the same unit written differently is merged: tasks joined, earliest deadline", () => {
    const plan = seedPlan({
      tasks: [
        task("1", ["Tổ đảng tổ 1"], "2022-10-20"),
        task("2", ["tổ  đảng TỔ 1", "Chi đoàn"], "2022-10-18"),
        task("3", ["To dang to 1".normalize("NFD")], null),
        task("4", ["Chi đoàn"], null, true),
      ],
      units: [],
    });
    expect(reportingUnits(plan)).toEqual([
      { name: "Tổ đảng tổ 1", group: null, taskRefs: ["1", "2", "3"], deadline: "2022-10-18" },
      { name: "Chi đoàn", group: null, taskRefs: ["2"], deadline: "2022-10-18" },
    ]);
  });

  test("a plan of only the summary task has no reporting units", () => {
    expect(reportingUnits(seedPlan({ tasks: [seedTasks()[0]] }))).toEqual([]);
  });
});
