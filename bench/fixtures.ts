/**
 * Inputs for the bench: the seed plan's text, and a generated plan text with many tasks written in the
 * seed plan's own style (same header, same "III- TỔ CHỨC THỰC HIỆN" section, numbered assignments).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const SEED_PLAN_CANDIDATES = [
  "../shared/fixtures/plans/334-KH-CB.txt",
  "examples/334-KH-CB.txt",
  "examples/plans/334-KH-CB.txt",
  "test/fixtures/plans/334-KH-CB.txt",
];

/** The seed plan's path, looked for beside the repo first, then in examples/ and test/fixtures/. */
export function findSeedPlan(repoRoot: string): string | null {
  for (const rel of SEED_PLAN_CANDIDATES) {
    const p = join(repoRoot, rel);
    if (existsSync(p)) return p;
  }
  return null;
}

const UNIT_NAMES = [
  "Ban Chấp hành Công đoàn",
  "Chi đoàn Thanh niên",
  "Hội Cựu chiến binh",
  "Hội Phụ nữ",
  "Văn phòng",
  "Phòng Tổ chức",
];

function unitName(i: number): string {
  return i < UNIT_NAMES.length ? UNIT_NAMES[i] : `Tổ đảng tổ ${i - UNIT_NAMES.length + 1}`;
}

function dd(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * A plan text like the seed plan with `nTasks` numbered assignments in section III, spread over
 * `nUnits` units (default: one unit a task, up to 60), each with a deadline in Oct–Dec 2022.
 */
export function generatePlanText(nTasks: number, nUnits = Math.min(nTasks, 60)): string {
  const lines: string[] = [
    "ĐẢNG BỘ SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
    "CHI BỘ CƠ SỞ ĐIỀU TRỊ NGHIỆN MA TÚY TỈNH",
    "*",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "",
    `Số: ${400 + nTasks}-KH/CB`,
    "",
    "Sơn La, ngày 12 tháng 10 năm 2022",
    "",
    "KẾ HOẠCH",
    "",
    "Triển khai tuyên truyền kỷ niệm Ngày truyền thống công tác dân vận của Đảng (15/10/1930-15/10/2022)",
    "",
    "I- MỤC ĐÍCH, YÊU CẦU",
    "",
    "Nâng cao hiệu quả công tác dân vận và phong trào thi đua “Dân vận khéo”.",
    "",
    "II- NỘI DUNG TRIỂN KHAI",
    "",
    "1- Thời gian: Hoàn thành trước ngày 31 tháng 12 năm 2022.",
    "",
    "III- TỔ CHỨC THỰC HIỆN",
    "",
  ];
  // Real plans number their assignments 1, 2, 3 … and split long ones into lettered items a), b) …:
  // groups of up to 10 lettered tasks under each numbered item.
  const letters = "abcdeghik";
  for (let t = 0; t < nTasks; t++) {
    const month = 10 + (t % 3);
    const day = month === 10 ? 13 + (t % 15) : 1 + (t % 28);
    const unit = unitName(t % Math.max(1, nUnits));
    const sub = t % letters.length;
    if (sub === 0) {
      lines.push(
        `${t / letters.length + 1}- Tổ chức tuyên truyền, xây dựng mô hình Dân vận khéo, đợt ${t / letters.length + 1}:`,
        "",
      );
    }
    lines.push(
      `${letters[sub]}) ${unit} tổ chức tuyên truyền, xây dựng mô hình Dân vận khéo số ${t + 1} ` +
        `và báo cáo kết quả về Ban Chi ủy trước ngày ${dd(day)}/${dd(month)}/2022.`,
      "",
    );
  }
  lines.push(
    "Nơi nhận:",
    "",
    "- Đảng ủy SLĐT BXH Sơn La (b/c);",
    "- Ban Chi ủy, Chi bộ;",
    "- Lưu: CB.",
    "",
    "TM. CHI BỘ",
    "BÍ THƯ",
    "",
    "Đoàn Văn Tú",
  );
  return lines.join("\n");
}

export function readText(path: string): string {
  return readFileSync(path, "utf8");
}
