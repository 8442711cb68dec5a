/** The `plan` command through a real process: `npx tsx src/cli/main.ts plan <file> --json`, exit codes 0/1/2/3. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph } from "docx";

const root = join(__dirname, "../..");
const fixtures = join(root, "test/fixtures/plans");
const seed = join(root, "../shared/fixtures/plans/334-KH-CB.txt");

function cli(...args: string[]) {
  const r = spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const KEYS = [
  "number",
  "kind",
  "issuer",
  "place",
  "issuedOn",
  "title",
  "deadline",
  "summary",
  "tasks",
  "units",
  "warnings",
  "implements",
];

test("the seed plan: exactly the contract keys, its tasks, exit 0", () => {
  const r = cli("plan", seed, "--json");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(Object.keys(json)).toEqual(KEYS);
  expect(json.number).toBe("334-KH/CB");
  expect(json.issuedOn).toBe("2022-10-12");
  expect(json.place).toBe("Sơn La");
  expect(json.summary).toEqual({
    units: ["Ban Chi ủy Chi bộ"],
    deadline: "2022-10-17",
    reportTo: "Đảng ủy SLĐT BXH Sơn La",
  });
  expect(json.tasks.map((t: { units: string[]; deadline: string }) => [t.units, t.deadline])).toEqual([
    [["Ban Chi ủy Chi bộ"], "2022-10-17"],
    [["Ban Chấp hành Công đoàn", "Tổ đảng tổ 1"], "2022-10-16"],
    [["Các Tổ chức đoàn thể"], "2022-10-15"],
  ]);
  expect(Object.keys(json.tasks[0])).toEqual(["ref", "text", "units", "deadline", "reportTo", "line"]);
  expect(json.warnings[0]).toEqual({
    line: 49,
    message: expect.stringContaining("Task III.3 has no deadline of its own"),
  });
});

const plans = readdirSync(fixtures).filter((f) => !f.endsWith(".expected.json"));

test.each(plans)("fixture %s through the CLI gives its expected result", (file) => {
  const expected = JSON.parse(
    readFileSync(join(fixtures, file.replace(/\.[^.]+$/, ".expected.json")), "utf8"),
  );
  const r = cli("plan", join(fixtures, file), "--json");
  expect(r.code).toBe(expected.tasks.length > 0 ? 0 : 3);
  const json = JSON.parse(r.stdout);
  expect(Object.keys(json)).toEqual(KEYS);
  for (const key of [
    "number",
    "kind",
    "issuer",
    "place",
    "issuedOn",
    "title",
    "deadline",
    "summary",
    "units",
  ])
    expect([key, json[key]]).toEqual([key, expected[key]]);
  expect(
    json.tasks.map((t: Record<string, unknown>) => ({
      ref: t.ref,
      units: t.units,
      deadline: t.deadline,
      reportTo: t.reportTo,
      line: t.line,
    })),
  ).toEqual(
    expected.tasks.map((t: Record<string, unknown>) => ({
      ref: t.ref,
      units: t.units,
      deadline: t.deadline,
      reportTo: t.reportTo,
      line: t.line,
    })),
  );
});

test("a notice that assigns nothing: JSON still printed, exit 3, vi + en message on stderr", () => {
  const r = cli("plan", join(fixtures, "notice-no-tasks.txt"), "--json");
  expect(r.code).toBe(3);
  expect(JSON.parse(r.stdout).tasks).toEqual([]);
  expect(r.stderr).toContain("Không tìm thấy nhiệm vụ nào được giao cho đơn vị trong văn bản.");
  expect(r.stderr).toContain("No tasks found: the document assigns nothing to any unit.");
});

test("a missing file: exit 1 with its name", () => {
  const r = cli("plan", "khong-co-tep.txt", "--json");
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("Không đọc được tệp: không tìm thấy tệp [khong-co-tep.txt]");
  expect(r.stderr).toContain("Cannot read the file: file not found [khong-co-tep.txt]");
  expect(r.stdout).toBe("");
});

test("bad usage: exit 2", () => {
  expect(cli("plan").code).toBe(2);
  expect(cli("plan", seed, "--bogus").code).toBe(2);
  expect(cli("no-such-command").code).toBe(2);
});

test("without --json: a Vietnamese table", () => {
  const r = cli("plan", seed);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("NHIỆM VỤ (3)");
  expect(r.stdout).toContain("Đơn vị thực hiện");
  expect(r.stdout).toContain("17/10/2022");
});

test("a .docx plan is read through mammoth; a .docx that is not a zip exits 1", async () => {
  const dir = mkdtempSync(join(tmpdir(), "plan-cli-"));
  const lines = readFileSync(seed, "utf8").split(/\r?\n/);
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
  const docx = join(dir, "ke-hoach.docx");
  writeFileSync(docx, await Packer.toBuffer(doc));
  const r = cli("plan", docx, "--json");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json.number).toBe("334-KH/CB");
  expect(json.summary.deadline).toBe("2022-10-17");
  expect(json.tasks).toHaveLength(3);

  const fake = join(dir, "hong.docx");
  writeFileSync(fake, "không phải zip");
  const bad = cli("plan", fake, "--json");
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain("tệp .docx bị hỏng hoặc không phải tệp Word (.docx)");
  expect(bad.stderr).toContain("hong.docx");
});
