/** Which task is the compiled summary report the issuer itself owes ("Ban Chi ủy Chi bộ … Tổng hợp báo cáo …"). */
import type { PlanSummary, PlanTask } from "./types";
import { foldVietnamese } from "../text/vietnamese";
import { REPORT_TO_SEPARATOR } from "./report-to";

const OWN_ORGANS = [
  "ban chi uy",
  "chi uy",
  "van phong",
  "thuong truc",
  "ban thuong vu",
  "thuong vu",
  "ban chap hanh",
  "bch",
  "btv",
  "ban giam hieu",
  "bgh",
  "ban giam doc",
  "ban chi dao",
  "ban to chuc",
  "bo phan tong hop",
  "lanh dao",
];

/** The text says its units compile ("tổng hợp báo cáo", "tổng hợp kết quả"), not "… để tổng hợp". */
export function compilesReports(text: string): boolean {
  const f = foldVietnamese(text);
  const re = /tong hop/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(f)) !== null) {
    const before = f.slice(Math.max(0, m.index - 30), m.index);
    if (/(?:^|\s)de\s(?:\S+\s){0,3}$/.test(before)) continue;
    const after = f.slice(m.index, m.index + 60);
    if (/bao cao|ket qua|tinh hinh|danh sach|so lieu/.test(after)) return true;
  }
  return /bao cao tong hop/.test(f);
}

/** Office holders of the issuing body who compile its reports ("Đồng chí Bí thư chi bộ", "Đ/c Chánh Văn phòng"). */
const OWN_OFFICERS = [
  "bi thu",
  "pho bi thu",
  "giam doc",
  "pho giam doc",
  "chu tich",
  "pho chu tich",
  "hieu truong",
  "pho hieu truong",
  "truong ban",
  "pho truong ban",
  "chanh van phong",
  "thu ky",
];

function isOwnOrgan(unit: string, issuer: string | null): boolean {
  const f = foldVietnamese(unit).replace(/^(?:dong chi|d\/c)\s+/, "");
  if (OWN_OFFICERS.some((o) => f === o || f.startsWith(o + " "))) return true;
  if (/^(cac|nhung)\s/.test(f)) return false;
  if (OWN_ORGANS.some((o) => f === o || f.startsWith(o + " "))) return true;
  if (issuer) {
    const i = foldVietnamese(issuer);
    if (i === f || i.startsWith(f + " ") || f.endsWith(" " + i)) return true;
  }
  return false;
}

export function findSummary(
  tasks: PlanTask[],
  issuer: string | null,
  reportAbove: string | null,
): { task: PlanTask; summary: PlanSummary } | null {
  const reportedTo = tasks.flatMap((t) =>
    t.reportTo ? t.reportTo.split(REPORT_TO_SEPARATOR).map(foldVietnamese) : [],
  );
  // In a cascade (members → groups → the deputy → the body above) the earlier "tổng hợp … gửi …" steps collect
  // inside the plan; the summary is a step that reports out of it: to the "(b/c)" body, else to a body that is
  // neither a unit of the plan nor the issuer's own organ or officer.
  const planUnits = tasks.flatMap((t) => t.units.map(foldVietnamese));
  const related = (a: string, b: string) => a === b || a.startsWith(b + " ") || b.startsWith(a + " ");
  const bodiesOf = (t: PlanTask) =>
    t.reportTo ? t.reportTo.split(REPORT_TO_SEPARATOR).map(foldVietnamese) : [];
  const reportsAbove = (t: PlanTask) =>
    reportAbove !== null && bodiesOf(t).some((r) => related(r, foldVietnamese(reportAbove)));
  const reportsOut = (t: PlanTask) =>
    bodiesOf(t).length > 0 &&
    bodiesOf(t).every((r) => !planUnits.some((u) => related(u, r)) && !isOwnOrgan(r, issuer));
  const compiling = tasks.filter((t) => t.units.length > 0 && compilesReports(t.text));
  const outward = compiling.filter(reportsAbove).length > 0 ? reportsAbove : reportsOut;
  const pool = compiling.some(outward) ? compiling.filter(outward) : compiling;
  let best: { task: PlanTask; score: number } | null = null;
  for (const task of pool) {
    let score = 0;
    for (const u of task.units) {
      const f = foldVietnamese(u);
      if (isOwnOrgan(u, issuer)) score += 2;
      if (reportedTo.some((r) => f === r || f.startsWith(r + " ") || r.startsWith(f + " "))) score += 2;
    }
    // Reporting to the body above (the "(b/c)" recipient) is what the issuer's summary does.
    if (
      score > 0 &&
      reportAbove &&
      task.reportTo &&
      foldVietnamese(task.reportTo) === foldVietnamese(reportAbove)
    )
      score += 1;
    if (score === 0) continue;
    if (!best || score > best.score) best = { task, score };
  }
  const task = best?.task ?? fallbackSummary(tasks, issuer);
  if (!task) return null;
  const reportTo =
    task.reportTo && !task.units.some((u) => foldVietnamese(u) === foldVietnamese(task.reportTo!))
      ? task.reportTo
      : reportAbove;
  return {
    task,
    summary: {
      units: [...task.units],
      deadline: task.deadline,
      reportTo: reportTo ?? null,
      taskRef: task.ref,
    },
  };
}

/**
 * When no task names the issuer's own organ: the task whose single, non-group unit compiles reports and sends
 * them to a body outside the plan (not a unit of it, not the issuer) — "Giao Bộ phận GDTX … tổng hợp báo cáo
 * kết quả gửi Sở Giáo dục và Đào tạo". Several such tasks: the one due last.
 */
function fallbackSummary(tasks: PlanTask[], issuer: string | null): PlanTask | null {
  const planUnits = new Set(tasks.flatMap((t) => t.units.map(foldVietnamese)));
  const related = (a: string, b: string) => a === b || a.startsWith(b + " ") || b.startsWith(a + " ");
  const outside = (body: string) => {
    const f = foldVietnamese(body);
    if ([...planUnits].some((u) => related(u, f))) return false;
    return !(issuer && related(foldVietnamese(issuer), f));
  };
  const candidates = tasks.filter(
    (t) =>
      t.units.length === 1 &&
      !/^(?:cac|nhung)\s/.test(foldVietnamese(t.units[0])) &&
      t.reportTo !== null &&
      t.reportTo.split(REPORT_TO_SEPARATOR).every(outside) &&
      compilesReports(t.text),
  );
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) => ((b.deadline ?? "") > (a.deadline ?? "") ? b : a));
}
