/**
 * A generated plan with `nUnits` reporting units, for scale tests and benchmarks. Pure and seeded: the same
 * (nUnits, seed) always gives the same plan. Names are varied the way real ones are: Party groups, unions,
 * divisions with "/" in their names, long names over 31 characters, bracketed and apostrophe names; every
 * name stays distinct ignoring case and accents, so the plan has exactly `nUnits` reporting units.
 * A summary task (no tab) and a group task ("Các tổ chức đoàn thể" with members) are always present.
 */
import type { Plan, PlanTask } from "../plan/types";

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAME_PATTERNS: ((n: number) => string)[] = [
  (n) => `Tổ đảng tổ ${n}`,
  (n) => `Chi đoàn ${n}`,
  (n) => `Ban Chấp hành Công đoàn bộ phận ${n}`,
  (n) => `Phòng Kế hoạch/Tài chính ${n}`,
  (n) => `Trung tâm Dịch vụ việc làm và Giáo dục nghề nghiệp khu vực ${n}`,
  (n) => `Hội Cựu chiến binh cơ sở ${n}`,
  (n) => `Đội công tác [khu ${n}]`,
  (n) => `Văn phòng đại diện số ${n}: miền núi`,
  (n) => `'Nhóm ${n}'`,
  (n) => `Khoa Điều trị ${n}`,
];

export function generateUnitNames(nUnits: number, seed = 1): string[] {
  const rnd = seededRandom(seed);
  const names: string[] = [];
  for (let i = 1; i <= nUnits; i++) names.push(NAME_PATTERNS[Math.floor(rnd() * NAME_PATTERNS.length)](i));
  return names;
}

function iso(day: number): string {
  return `2022-10-${String(day).padStart(2, "0")}`;
}

export function generatePlan(nUnits: number, seed = 1): Plan {
  const rnd = seededRandom(seed ^ 0x9e3779b9);
  const names = generateUnitNames(nUnits, seed);
  const groupName = "Các tổ chức đoàn thể";
  const groupSize = Math.min(3, Math.floor(nUnits / 4));
  const members = names.slice(0, groupSize);
  const rest = names.slice(groupSize);
  const taskCount = Math.max(1, Math.min(6, Math.ceil(rest.length / 20)));
  const tasks: PlanTask[] = [
    {
      ref: "III.1",
      text: "Ban Chi ủy Chi bộ tổng hợp báo cáo kết quả tổ chức các hoạt động tuyên truyền.",
      units: ["Ban Chi ủy Chi bộ"],
      deadline: iso(28),
      deadlineInherited: false,
      reportTo: null,
      line: 10,
      isSummary: true,
    },
  ];
  for (let t = 0; t < taskCount; t++) {
    const units = rest.filter((_, i) => i % taskCount === t);
    // Some units also share a second task, as plans often do.
    if (t > 0) units.push(...rest.filter((_, i) => i % taskCount === 0 && rnd() < 0.1));
    tasks.push({
      ref: `III.${t + 2}`,
      text: `Nhiệm vụ ${t + 1}: tổ chức tuyên truyền, báo cáo kết quả xây dựng mô hình Dân vận khéo và kinh phí thực hiện.`,
      units,
      deadline: iso(15 + Math.floor(rnd() * 10)),
      deadlineInherited: false,
      reportTo: "Ban Chi ủy",
      line: 11 + t,
      isSummary: false,
    });
  }
  if (groupSize > 0)
    tasks.push({
      ref: `III.${taskCount + 2}`,
      text: `${groupName}: tổ chức triển khai kế hoạch tuyên truyền trong hội viên, đoàn viên.`,
      units: [groupName],
      deadline: iso(25),
      deadlineInherited: true,
      reportTo: null,
      line: 11 + taskCount,
      isSummary: false,
    });
  return {
    number: "999-KH/CB",
    kind: "KẾ HOẠCH",
    issuer: "CHI BỘ THỬ NGHIỆM",
    parentBody: "ĐẢNG BỘ KHỐI",
    place: "Sơn La",
    issuedOn: "2022-10-12",
    title: `Kế hoạch thử nghiệm với ${nUnits} đơn vị: tuyên truyền, Dân vận khéo`,
    deadline: iso(25),
    summary: { units: ["Ban Chi ủy Chi bộ"], deadline: iso(28), reportTo: null, taskRef: "III.1" },
    tasks,
    units: groupSize > 0 ? [{ name: groupName, members }] : [],
    warnings: [],
    style: "party",
    recipients: ["Đảng ủy khối (b/c)", "Lưu: CB"],
    signature: { authority: "TM. CHI BỘ", title: "BÍ THƯ", name: "Nguyễn Văn A" },
  };
}
