/** Hostile and odd inputs to the plan reader and the plan command, each with its exact message and line. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { EmptyPlanError } from "../../src/core/errors";
import { parsePlan } from "../../src/core/plan/parse-plan";

const root = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "plan-input-"));

function cli(...args: string[]) {
  const r = spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function plan(dateLine: string, items: string[]): string {
  return [
    "CHI BỘ THỬ NGHIỆM\tĐẢNG CỘNG SẢN VIỆT NAM",
    "Số 1-KH/CB\tSơn La, ngày 10 tháng 10 năm 2023",
    "",
    "KẾ HOẠCH",
    "Kiểm tra đầu vào",
    "",
    dateLine,
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    ...items,
  ].join("\n");
}

test("an empty file: exit 1, 'Văn bản trống' / 'The document is empty'", () => {
  const file = join(dir, "rong.txt");
  writeFileSync(file, "\n\n  \n");
  expect(() => parsePlan("  \n\n")).toThrow(EmptyPlanError);
  const r = cli("plan", file, "--json");
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`Lỗi: Văn bản trống, không có nội dung để đọc. [${file}]\n`);
  expect(r.stderr).toContain(`Error: The document is empty: nothing to read. [${file}]\n`);
});

test("a binary file: exit 1 with a clear message", () => {
  const file = join(dir, "anh.txt");
  writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0x00, 0x10]));
  const r = cli("plan", file);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("Không đọc được tệp: tệp không phải văn bản (dữ liệu nhị phân)");
  expect(r.stderr).toContain("Cannot read the file: the file is not text (binary data)");
});

test("a .docx that is not a plan: exit 3, no tasks, the no-task message", async () => {
  const file = join(dir, "thu-moi.docx");
  const doc = new Document({
    sections: [
      {
        children: ["Kính gửi: Ông Nguyễn Văn A", "Trân trọng kính mời ông đến dự buổi gặp mặt."].map(
          (t) => new Paragraph(t),
        ),
      },
    ],
  });
  writeFileSync(file, await Packer.toBuffer(doc));
  const r = cli("plan", file, "--json");
  expect(r.code).toBe(3);
  const json = JSON.parse(r.stdout);
  expect(json.tasks).toEqual([]);
  expect(json.warnings).toContainEqual({
    line: null,
    message:
      "Không tìm thấy nhiệm vụ nào được giao cho đơn vị trong văn bản. / No tasks found: the document assigns nothing to any unit.",
  });
});

test("a notice with no tasks: empty tasks and the warning, nothing guessed", () => {
  const p = parsePlan(
    "THÔNG BÁO\nVề việc nghỉ lễ\n\nCơ quan nghỉ lễ từ ngày 30/4/2024 đến hết ngày 01/5/2024.\n",
  );
  expect(p.tasks).toEqual([]);
  expect(p.summary).toBeNull();
  expect(p.warnings).toContainEqual({
    line: null,
    message: "Không tìm thấy nhiệm vụ nào được giao cho đơn vị trong văn bản.",
    messageEn: "No tasks found: the document assigns nothing to any unit.",
  });
});

test("a generated plan with 300 tasks: all 300 read, in order, fast", () => {
  const items = Array.from(
    { length: 300 },
    (_, i) => `${i + 1}. Tổ ${i + 1} báo cáo kết quả về Ban Chi ủy trước ngày ${(i % 28) + 1}/11/2023.`,
  );
  const text = plan("Thời gian: hoàn thành trước ngày 30/11/2023.", items);
  const t0 = performance.now();
  const p = parsePlan(text);
  const ms = performance.now() - t0;
  expect(p.tasks).toHaveLength(300);
  expect(p.tasks[299]).toMatchObject({
    ref: "III.300",
    units: ["Tổ 300"],
    deadline: "2023-11-20",
    reportTo: "Ban Chi ủy",
    line: 309,
  });
  expect(p.units).toHaveLength(300);
  expect(ms).toBeLessThan(2000);
});

test("NFD input reads the same as NFC", () => {
  const text = plan("Thời gian: hoàn thành trước ngày 30/11/2023.", [
    "1. Ban Chấp hành Công đoàn; Tổ đảng tổ 1 báo cáo về Ban Chi ủy trước ngày 16/11/2023.",
  ]);
  expect(parsePlan(text.normalize("NFD"))).toEqual(parsePlan(text));
  expect(parsePlan(text.normalize("NFD")).tasks[0].units).toEqual([
    "Ban Chấp hành Công đoàn",
    "Tổ đảng tổ 1",
  ]);
});

test("mixed line endings (CRLF, CR, LF) keep the line numbers", () => {
  const lines = plan("Thời gian: hoàn thành trước ngày 30/11/2023.", [
    "1. Tổ 1 báo cáo về Ban Chi ủy trước ngày 16/11/2023.",
    "2. Tổ 2 báo cáo về Ban Chi ủy.",
  ]).split("\n");
  // A lone CR after the first line (old Mac), then CRLF and LF alternating.
  const mixed = lines.map((l, i) => l + (i === 0 ? "\r" : i % 2 ? "\r\n" : "\n")).join("");
  expect(mixed).toMatch(/\r(?!\n)/);
  const p = parsePlan(mixed);
  expect(p.tasks.map((t) => [t.ref, t.line, t.deadline])).toEqual([
    ["III.1", 10, "2023-11-16"],
    ["III.2", 11, "2023-11-30"],
  ]);
  expect(p.warnings).toEqual([
    {
      line: 11,
      message: "Nhiệm vụ III.2 không ghi thời hạn riêng; lấy thời hạn chung của kế hoạch 30/11/2023.",
      messageEn: "Task III.2 has no deadline of its own; the plan's deadline 2023-11-30 is used.",
    },
  ]);
});

test("31/02 is an invalid date: a warning with its line, no crash, the plan deadline is used", () => {
  const p = parsePlan(
    plan("Thời gian: hoàn thành trước ngày 30/11/2023.", [
      "1. Tổ 1 báo cáo về Ban Chi ủy trước ngày 31/02/2024.",
    ]),
  );
  expect(p.tasks[0].deadline).toBe("2023-11-30");
  expect(p.warnings[0]).toEqual({
    line: 10,
    message: 'Ngày không hợp lệ: "31/02/2024" (bỏ qua).',
    messageEn: 'Invalid date: "31/02/2024" (ignored).',
  });
});

test.each([
  [
    "2099",
    "2099-11-15",
    "Thời hạn 15/11/2099 cách quá xa ngày ban hành kế hoạch; kiểm tra lại năm.",
    "The deadline 2099-11-15 is far from the plan date; check the year.",
  ],
  [
    "1900",
    "1900-11-15",
    "Thời hạn 15/11/1900 cách quá xa ngày ban hành kế hoạch; kiểm tra lại năm.",
    "The deadline 1900-11-15 is far from the plan date; check the year.",
  ],
])("a deadline in %s is kept with a warning on its line", (year, iso, vi, en) => {
  const p = parsePlan(plan("", [`1. Tổ 1 báo cáo về Ban Chi ủy trước ngày 15/11/${year}.`]));
  expect(p.tasks[0].deadline).toBe(iso);
  expect(p.warnings).toContainEqual({ line: 10, message: vi, messageEn: en });
});

test("duplicate unit names differing in case and accents are merged, with a warning", () => {
  const p = parsePlan(
    plan("Thời gian: hoàn thành trước ngày 30/11/2023.", [
      "1. Tổ đảng tổ 1 báo cáo về Ban Chi ủy trước ngày 16/11/2023.",
      "2. Tổ Đảng tổ 1 gửi danh sách về Ban Chi ủy trước ngày 18/11/2023.",
      "3. To dang to 1 nộp bài về Ban Chi ủy trước ngày 19/11/2023.",
    ]),
  );
  expect(p.units).toEqual([{ name: "Tổ đảng tổ 1", members: [] }]);
  expect(p.tasks.map((t) => t.units)).toEqual([["Tổ đảng tổ 1"], ["Tổ đảng tổ 1"], ["Tổ đảng tổ 1"]]);
  expect(p.warnings).toEqual([
    {
      line: 11,
      message: 'Đơn vị "Tổ Đảng tổ 1" trùng với "Tổ đảng tổ 1" (khác chữ hoa/dấu); gộp làm một.',
      messageEn: 'Unit "Tổ Đảng tổ 1" is the same as "Tổ đảng tổ 1" (case/accents differ); merged into one.',
    },
    {
      line: 12,
      message: 'Đơn vị "To dang to 1" trùng với "Tổ đảng tổ 1" (khác chữ hoa/dấu); gộp làm một.',
      messageEn: 'Unit "To dang to 1" is the same as "Tổ đảng tổ 1" (case/accents differ); merged into one.',
    },
  ]);
});
