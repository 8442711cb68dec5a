/**
 * LibreOffice as a real spreadsheet engine and document converter for tests: installs it when missing
 * (scripts/ensure-libreoffice.sh; tests never skip), runs it headless with a fresh profile that
 * recalculates every formula on load (OOXMLRecalcMode = 0), converts .xlsx → CSV per sheet, .docx → PDF,
 * .xlsx ↔ flat ODS (to edit a file "in LibreOffice" and save it back), and PDF → text / PNG with poppler.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");

/** Install LibreOffice + poppler when missing (apt-get); throws loudly when that fails. */
export function ensureLibreOffice(): void {
  execFileSync("bash", [join(ROOT, "scripts/ensure-libreoffice.sh")], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh LibreOffice user profile that always recalculates formulas on load. */
export function freshProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), "lo-profile-"));
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(join(dir, "user", "registrymodifications.xcu"), RECALC_PROFILE);
  return dir;
}

function soffice(profile: string, args: string[], timeout = 120_000): void {
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    timeout,
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Parse LibreOffice's CSV (comma, double quotes, UTF-8). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Open an .xlsx in LibreOffice (recalculating every formula) and export every sheet as CSV
 * (sheet token -1: one file per sheet, named `<file>-<Sheet>.csv`). Values are exported unformatted
 * ("as shown" off) so numbers keep their full precision. Returns sheet name → rows.
 */
export function xlsxToCsvSheets(xlsx: string, sheetNames: string[]): Map<string, string[][]> {
  const out = tempDir("lo-csv-");
  const profile = freshProfile();
  // 44 = comma, 34 = quote, 76 = UTF-8, 1 = first line, "" = cell formats, 1033 = en-US,
  // false = quoted as text, true = detect special numbers, false = save as shown, false = formulas,
  // false = remove space, -1 = all sheets.
  soffice(profile, [
    "--convert-to",
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1",
    "--outdir",
    out,
    xlsx,
  ]);
  const stem = basename(xlsx, extname(xlsx));
  const files = readdirSync(out);
  const result = new Map<string, string[][]>();
  for (const name of sheetNames) {
    const file = files.find((f) => f === `${stem}-${name}.csv`);
    if (!file) throw new Error(`LibreOffice produced no CSV for sheet "${name}" (got: ${files.join(", ")})`);
    result.set(name, parseCsv(readFileSync(join(out, file), "utf8")));
  }
  return result;
}

/** Convert with LibreOffice to `target` ("pdf", "fods", "xlsx:Calc MS Excel 2007 XML" …); returns the path. */
export function convert(file: string, target: string, outDir = tempDir("lo-out-")): string {
  soffice(freshProfile(), ["--convert-to", target, "--outdir", outDir, file]);
  const ext = target.split(":")[0];
  const produced = join(outDir, `${basename(file, extname(file))}.${ext}`);
  readFileSync(produced); // throws when LibreOffice produced nothing
  return produced;
}

/** Convert many files in one LibreOffice run (starting it once per file costs seconds each). */
export function convertMany(files: string[], target: string, outDir: string, timeout = 600_000): void {
  soffice(freshProfile(), ["--convert-to", target, "--outdir", outDir, ...files], timeout);
}

/**
 * Convert several files in one LibreOffice run (start-up is most of the cost); returns the produced paths in
 * the same order. `target` as for `convert`; a CSV filter with a sheet number writes that sheet only.
 */
export function convertAll(files: string[], target: string, outDir = tempDir("lo-out-")): string[] {
  convertMany(files, target, outDir);
  const ext = target.split(":")[0];
  const present = readdirSync(outDir);
  return files.map((file) => {
    const stem = basename(file, extname(file));
    // A CSV of one chosen sheet is named "<stem>-<sheet>.csv".
    const name = present.includes(`${stem}.${ext}`)
      ? `${stem}.${ext}`
      : present.find((f) => f.startsWith(`${stem}-`) && f.endsWith(`.${ext}`));
    if (!name) throw new Error(`LibreOffice produced no .${ext} for ${file} (got: ${present.join(", ")})`);
    return join(outDir, name);
  });
}

export function docxToPdf(docx: string, outDir?: string): string {
  return convert(docx, "pdf", outDir);
}

/** The text of a PDF (pdftotext -layout). */
export function pdfText(pdf: string): string {
  return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
}

export function pdfPageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** Render PDF pages to PNG (`<prefix>-1.png` …) at the given resolution; returns the files. */
export function pdfToPngs(pdf: string, prefix: string, dpi = 80): string[] {
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), pdf, prefix]);
  const dir = resolve(prefix, "..");
  const stem = basename(prefix);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith(".png"))
    .sort()
    .map((f) => join(dir, f));
}

/** One sheet's edits: A1 address → a number (setValue), text (setString) or null (cleared). */
export interface LibreOfficeEdit {
  sheet: string;
  cells: Record<string, string | number | boolean | null>;
}

function basicString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Open `xlsx` in LibreOffice Calc, type the edits as a person would (through Calc's own API, in a Basic
 * macro), and save it back as .xlsx to `out` with Calc's Excel 2007 filter: a file "edited and saved by
 * LibreOffice".
 */
export function editInLibreOffice(xlsx: string, edits: LibreOfficeEdit[], out: string): string {
  const profile = freshProfile();
  soffice(profile, ["--terminate_after_init"]);
  const lines: string[] = [
    "Sub EditAndSave",
    "  Dim args(0) As New com.sun.star.beans.PropertyValue",
    '  args(0).Name = "Hidden"',
    "  args(0).Value = True",
    `  doc = StarDesktop.loadComponentFromURL(${basicString(`file://${encodeURI(xlsx)}`)}, "_blank", 0, args())`,
  ];
  for (const edit of edits) {
    lines.push(`  sheet = doc.Sheets.getByName(${basicString(edit.sheet)})`);
    for (const [address, value] of Object.entries(edit.cells)) {
      const cell = `sheet.getCellRangeByName(${basicString(address)})`;
      if (value === null || value === "") lines.push(`  ${cell}.setString("")`);
      else if (typeof value === "number") lines.push(`  ${cell}.setValue(${value})`);
      else if (typeof value === "boolean") lines.push(`  ${cell}.setValue(${value ? 1 : 0})`);
      else lines.push(`  ${cell}.setString(${basicString(value)})`);
    }
  }
  lines.push(
    "  Dim props(1) As New com.sun.star.beans.PropertyValue",
    '  props(0).Name = "FilterName"',
    '  props(0).Value = "Calc MS Excel 2007 XML"',
    '  props(1).Name = "Overwrite"',
    "  props(1).Value = True",
    `  doc.storeToURL(${basicString(`file://${encodeURI(out)}`)}, props())`,
    "  doc.close(True)",
    "End Sub",
  );
  const module =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n` +
    `<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">\n` +
    `${xmlEscape(lines.join("\n"))}\n</script:module>\n`;
  writeFileSync(join(profile, "user", "basic", "Standard", "Module1.xba"), module);
  soffice(profile, ["macro:///Standard.Module1.EditAndSave"]);
  readFileSync(out); // throws when LibreOffice saved nothing
  return out;
}

/**
 * Open each file in LibreOffice Calc (hidden) and run Basic lines over it: `doc` is the document, and what
 * the lines append to `out` (a string) is returned, one entry per file, in order (written as UTF-8).
 */
export function runBasic(perFile: { file: string; lines: string[] }[]): string[] {
  const profile = freshProfile();
  soffice(profile, ["--terminate_after_init"]);
  const result = join(profile, "basic-result.txt");
  const lines: string[] = [
    "Sub Inspect",
    "  Dim args(0) As New com.sun.star.beans.PropertyValue",
    '  args(0).Name = "Hidden"',
    "  args(0).Value = True",
    '  all = ""',
  ];
  for (const { file, lines: body } of perFile) {
    lines.push(
      `  doc = StarDesktop.loadComponentFromURL(${basicString(`file://${encodeURI(file)}`)}, "_blank", 0, args())`,
      '  out = ""',
      ...body.map((l) => `  ${l}`),
      "  all = all & out & Chr(10)",
      "  doc.close(True)",
    );
  }
  lines.push(
    '  sfa = createUnoService("com.sun.star.ucb.SimpleFileAccess")',
    `  stream = sfa.openFileWrite(${basicString(`file://${encodeURI(result)}`)})`,
    '  tos = createUnoService("com.sun.star.io.TextOutputStream")',
    "  tos.setOutputStream(stream)",
    '  tos.setEncoding("UTF-8")',
    "  tos.writeString(all)",
    "  tos.closeOutput()",
    "End Sub",
  );
  const module =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n` +
    `<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">\n` +
    `${xmlEscape(lines.join("\n"))}\n</script:module>\n`;
  writeFileSync(join(profile, "user", "basic", "Standard", "Module1.xba"), module);
  soffice(profile, ["macro:///Standard.Module1.Inspect"]);
  return readFileSync(result, "utf8").split("\n").slice(0, perFile.length);
}
