/**
 * A scanned plan read with --ocr: a fixture's PDF (LibreOffice) rendered at 300 dpi and put back as an image-only
 * PDF (pdftoppm + img2pdf), then `plan --ocr --json` through the CLI process reads it with Tesseract's
 * Vietnamese data (scripts/ensure-tesseract.sh installs Tesseract when missing; never skipped). The OCR text goes
 * through the same layout and reader as a PDF's text, with a warning that it came from OCR.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { convertedPlans, planDocx, scannedPdf } from "../support/plan-documents";

const root = join(__dirname, "../..");
const fixture = join(root, "test/fixtures/plans/commune.txt");

function cli(...args: string[]) {
  const r = spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync("bash", [join(root, "scripts/ensure-tesseract.sh")], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}, 600_000);

test("plan --ocr reads a scanned PDF: the same plan as its text, with the OCR warning", async () => {
  const docx = await planDocx("commune", readFileSync(fixture, "utf8"));
  const [pdf] = convertedPlans([docx], "pdf");
  const scan = scannedPdf(pdf);
  expect(execFileSync("pdftotext", [scan, "-"], { encoding: "utf8" }).trim()).toBe(""); // no text layer at all

  const clean = JSON.parse(cli("plan", fixture, "--json").stdout);
  const r = cli("plan", scan, "--ocr", "--json");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json.warnings[0]).toEqual({
    line: null,
    message:
      "Nội dung được nhận dạng từ bản quét (OCR): kiểm tra kỹ số văn bản, ngày, tên đơn vị và thời hạn. / " +
      "The text was read from a scan (OCR): check the number, dates, unit names and deadlines carefully.",
  });
  for (const key of ["number", "kind", "issuer", "place", "issuedOn", "title", "deadline", "units"])
    expect([key, json[key]]).toEqual([key, clean[key]]);
  const tasks = (j: { tasks: { ref: string; units: string[]; deadline: string }[] }) =>
    j.tasks.map((t) => ({ ref: t.ref, units: t.units, deadline: t.deadline }));
  expect(tasks(json)).toEqual(tasks(clean));
}, 300_000);
