/**
 * Plans as they really arrive, made at test time from every text fixture (test/support/plan-documents.ts):
 * a PDF and a Word 97–2003 .doc made by LibreOffice from a .docx laid out like a real plan, the plan typed in
 * TCVN3 (.VnTime) or VNI-Windows (.txt as Windows-1252 bytes, and a .docx), and Notepad's "ANSI" on a
 * Vietnamese Windows (Windows-1258). Each must give the same plan as the clean text. Also: a PDF spread over
 * several pages with running headers, footers and page numbers, the CLI as a process on a PDF and a .doc,
 * and the bad inputs (a scanned PDF, an all-ASCII ".pdf", a .pdf that is not one).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readDocument } from "../../src/cli/read-document";
import { parsePlanDocument } from "../../src/core/plan/plan-document";
import { planToJson, type PlanJson } from "../../src/core/plan/plan-json";
import { encodeTcvn3, encodeVni } from "../../src/core/text/legacy-encoding";
import { convertedPlans, planDocx, scannedPdf } from "../support/plan-documents";

const root = join(__dirname, "../..");
const fixtures = join(root, "test/fixtures/plans");
const seed = join(root, "../shared/fixtures/plans/334-KH-CB.txt");
const files = [
  ...readdirSync(fixtures)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => join(fixtures, f)),
  seed,
];
const nameOf = (file: string) => file.replace(/.*\//, "").replace(/\.txt$/, "");
const textOf = (file: string) => readFileSync(file, "utf8");
const work = mkdtempSync(join(tmpdir(), "plan-documents-"));

/** The fields a plan is judged on (line numbers and task wording depend on the layout, not the plan). */
function fields(json: PlanJson) {
  const { number, kind, issuer, place, issuedOn, title, deadline, summary, units } = json;
  const tasks = json.tasks.map((t) => ({
    ref: t.ref,
    units: t.units,
    deadline: t.deadline,
    reportTo: t.reportTo,
  }));
  return { number, kind, issuer, place, issuedOn, title, deadline, summary, units, tasks };
}

async function planOf(file: string) {
  return fields(planToJson(parsePlanDocument(await readDocument(file))));
}

/** The bytes a Windows program saves for the legacy font's characters (curly quotes are 0x93/0x94 there). */
const windows1252 = (text: string) => execFileSync("iconv", ["-f", "UTF-8", "-t", "CP1252"], { input: text });

/** TCVN3 cannot tell a capital with a tone mark inside a lower-case line ("Văn phòng Ủy ban"): compare in lower case. */
const lowerCased = (value: unknown): unknown => JSON.parse(JSON.stringify(value).toLocaleLowerCase("vi"));

const docxs: string[] = [];
let pdfs: string[] = [];
let docs: string[] = [];

beforeAll(async () => {
  for (const file of files) docxs.push(await planDocx(nameOf(file), textOf(file)));
  pdfs = convertedPlans(docxs, "pdf");
  docs = convertedPlans(docxs, "doc");
}, 900_000);

describe.each(files.map((file, k) => [nameOf(file), k] as const))("%s", (_name, k) => {
  test("the PDF gives the same plan as the text", async () => {
    expect(await planOf(pdfs[k])).toEqual(await planOf(files[k]));
  });
  test("the Word 97–2003 .doc gives the same plan", async () => {
    expect(await planOf(docs[k])).toEqual(await planOf(files[k]));
  });
  test("typed in VNI-Windows (.txt, Windows-1252 bytes) it gives the same plan, with a warning", async () => {
    const file = join(work, `${nameOf(files[k])}-vni.txt`);
    writeFileSync(file, windows1252(encodeVni(textOf(files[k]).normalize("NFC"))));
    expect(await planOf(file)).toEqual(await planOf(files[k]));
    const document = await readDocument(file);
    expect(document.warnings[0].message).toMatch(
      /^Văn bản gõ bằng bảng mã VNI-Windows \(phông VNI-Times\) \(dòng \d/,
    );
  });
  test("typed in TCVN3 (.txt, and a .docx in .VnTime) it gives the same plan, capitals aside", async () => {
    const text = textOf(files[k]).normalize("NFC");
    const txt = join(work, `${nameOf(files[k])}-tcvn3.txt`);
    writeFileSync(txt, windows1252(encodeTcvn3(text)));
    const docx = await planDocx(`${nameOf(files[k])}-tcvn3`, encodeTcvn3(text), { font: ".VnTime" });
    const clean = lowerCased(await planOf(files[k]));
    expect(lowerCased(await planOf(txt))).toEqual(clean);
    expect(lowerCased(await planOf(docx))).toEqual(clean);
    expect((await readDocument(docx)).warnings[0].messageEn).toMatch(
      /legacy TCVN3 \(ABC, phông \.VnTime\) code/,
    );
  });
});

test("Notepad's ANSI on a Vietnamese Windows (Windows-1258, tones as combining marks) gives the same plan", async () => {
  const file = join(work, "seed-cp1258.txt");
  writeFileSync(file, execFileSync("iconv", ["-f", "UTF-8", "-t", "CP1258", seed]));
  expect(readFileSync(file).includes(Buffer.from([0xec]))).toBe(true); // a combining acute: really 1258
  expect(await planOf(file)).toEqual(await planOf(seed));
  expect((await readDocument(file)).warnings.map((w) => w.message)).toContain(
    "Tệp văn bản không phải UTF-8; đã đọc theo bảng mã Windows-1258. Kiểm tra lại chữ có dấu.",
  );
});

test("a plan over several pages with a running header, a footer and page numbers gives the same plan", async () => {
  const text = textOf(join(fixtures, "appendix-tab-numbered.txt"));
  const docx = await planDocx("appendix-running-header", text, { pageHeader: "Kế hoạch số 09/KH-PYT" });
  const [pdf] = convertedPlans([docx], "pdf");
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
  expect(pages).toBeGreaterThanOrEqual(2);
  const document = await readDocument(pdf);
  expect(document.text).not.toMatch(/Kế hoạch số 09\/KH-PYT\n|Trang \d/);
  expect(await planOf(pdf)).toEqual(await planOf(join(fixtures, "appendix-tab-numbered.txt")));
});

function cli(...args: string[]) {
  const r = spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("the CLI (a process) reads a PDF and a .doc: plan --json gives the text's JSON, line numbers aside", () => {
  const k = files.indexOf(seed);
  const clean = JSON.parse(cli("plan", seed, "--json").stdout);
  for (const file of [pdfs[k], docs[k]]) {
    const r = cli("plan", file, "--json");
    expect([file, r.code]).toEqual([file, 0]);
    expect(fields(JSON.parse(r.stdout))).toEqual(fields(clean));
  }
});

test("a scanned PDF (images only): exit 1, a bilingual message saying so and what to do", () => {
  const k = files.indexOf(seed);
  const r = cli("plan", scannedPdf(pdfs[k]), "--json");
  expect(r.code).toBe(1);
  expect(r.stdout).toBe("");
  expect(r.stderr).toContain("Tệp PDF là bản quét (chỉ có ảnh), không có chữ để đọc.");
  expect(r.stderr).toContain("--ocr");
  expect(r.stderr).toContain("The PDF is a scan (images only): it has no text to read.");
});

// Newcomer review M5: a tiny all-ASCII .pdf was read as a plan ("Đơn vị ban hành: %%EOF") and exited 3.
test("a tiny all-ASCII PDF is never read as text: exit 1 with the file's name", () => {
  const file = join(work, "tiny.pdf");
  writeFileSync(file, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  const r = cli("plan", file, "--json");
  expect(r.code).toBe(1);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/Không đọc được tệp|Tệp PDF là bản quét/);
  expect(r.stderr).toContain("tiny.pdf");
  const fake = join(work, "not-a.pdf");
  writeFileSync(fake, "Số: 12-KH/CB\nKẾ HOẠCH\n");
  const bad = cli("plan", fake, "--json");
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain("tệp .pdf bị hỏng hoặc không phải tệp PDF");
});
