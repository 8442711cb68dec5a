/**
 * Plan documents as they arrive, made at test time from the text fixtures: a .docx laid out like a real plan
 * (the two-cell header and closing as borderless tables, task tables with borders, justified paragraphs with a
 * first-line indent, Times New Roman 13 pt, A4), then LibreOffice makes the PDF and the Word 97–2003 .doc, and
 * poppler + LibreOffice rebuild a scanned (image-only) PDF. Nothing binary is committed; the outputs are cached
 * per fixture text in a temp folder so parallel test files and reruns convert once.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { ensureLibreOffice, freshProfile, tempDir } from "./libreoffice";

const CONTENT_WIDTH = 9072; // A4 less 2 cm + 2 cm margins… in twips (16 cm)
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

export interface PlanDocxOptions {
  /** Font of every run (".VnTime" for a TCVN3 plan, "VNI-Times" for a VNI one). */
  font?: string;
  /** A running page header and a "Trang N" footer on every page (what real multi-page plans have). */
  pageHeader?: string;
}

type Block =
  | { kind: "para"; text: string }
  | { kind: "layout"; left: string[]; right: string[] }
  | { kind: "table"; rows: string[][] };

/** Split plan text into paragraphs, two-column layout blocks (one tab a line) and task tables (2+ tabs a line). */
export function planBlocks(text: string): Block[] {
  // "1.<tab>text" is a numbered paragraph (Word's list tab), not two columns.
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/^(\s*(?:\d{1,2}[.)]|[-+•*]|[a-zđ]\)))\t+/u, "$1 "));
  const blocks: Block[] = [];
  const tabs = (l: string) => (l.match(/\t+/g) ?? []).length;
  const cells = (l: string) => l.split(/\t+/);
  // The header: the leading lines up to the last one-tab line among the first eight.
  let headerEnd = -1;
  for (let i = 0; i < Math.min(8, lines.length); i++) if (tabs(lines[i]) === 1) headerEnd = i;
  let i = 0;
  if (headerEnd >= 0) {
    const part = lines.slice(0, headerEnd + 1).filter((l) => l.trim() !== "");
    blocks.push({
      kind: "layout",
      left: part.map((l) => cells(l)[0]).filter((l) => l.trim() !== ""),
      right: part.map((l) => cells(l)[1] ?? "").filter((l) => l.trim() !== ""),
    });
    i = headerEnd + 1;
  }
  while (i < lines.length) {
    const line = lines[i];
    if (tabs(line) >= 2) {
      // A task table: from a line of three cells on, every line with two tabs or more (empty cells included).
      const rows: string[][] = [];
      while (i < lines.length && (lines[i].match(/\t/g) ?? []).length >= 2) rows.push(lines[i++].split("\t"));
      const width = Math.max(...rows.map((r) => r.length));
      blocks.push({ kind: "table", rows: rows.map((r) => [...r, ...Array(width - r.length).fill("")]) });
      continue;
    }
    if (tabs(line) === 1) {
      // A closing laid out in two columns: the run of lines up to the next blank line.
      const part: string[] = [];
      let j = i;
      while (j > 0 && lines[j - 1].trim() !== "" && blocks[blocks.length - 1]?.kind === "para") {
        j--;
        blocks.pop();
      }
      while (j < lines.length && lines[j].trim() !== "" && tabs(lines[j]) <= 1) part.push(lines[j++]);
      blocks.push({
        kind: "layout",
        left: part.map((l) => cells(l)[0]).filter((l) => l.trim() !== ""),
        right: part.map((l) => cells(l)[1] ?? "").filter((l) => l.trim() !== ""),
      });
      i = j;
      continue;
    }
    blocks.push({ kind: "para", text: line });
    i++;
  }
  return blocks;
}

function isHeading(text: string): boolean {
  return text.length < 90 && text === text.toLocaleUpperCase("vi") && /\p{Lu}/u.test(text);
}

export async function planTextToDocx(text: string, options: PlanDocxOptions = {}): Promise<Buffer> {
  const font = options.font ?? "Times New Roman";
  const run = (t: string, bold = false) => new TextRun({ text: t, bold, font, size: 26 });
  // A fixture's markdown bold (**17/10/2022**) is bold type in the document.
  const runs = (t: string, bold = false) =>
    t.split(/\*\*(.+?)\*\*/).map((part, k) => run(part, bold || k % 2 === 1));
  const para = (t: string, o: { center?: boolean; indent?: boolean; bold?: boolean } = {}) =>
    new Paragraph({
      children: runs(t, o.bold),
      alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      indent: o.indent ? { firstLine: 567 } : undefined,
      spacing: { after: 60 },
    });
  const children: (Paragraph | Table)[] = [];
  // Word types NFC; LibreOffice draws a decomposed letter's mark as a glyph of its own (pdf.js then reads "ủ y").
  for (const block of planBlocks(text.normalize("NFC"))) {
    if (block.kind === "para") {
      if (block.text.trim() === "") continue;
      const heading = isHeading(block.text);
      children.push(
        para(block.text, { center: heading && block.text.length < 40, bold: heading, indent: !heading }),
      );
    } else if (block.kind === "layout") {
      const half = CONTENT_WIDTH / 2;
      const cell = (lines: string[]) =>
        new TableCell({
          width: { size: half, type: WidthType.DXA },
          borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
          children: (lines.length ? lines : [""]).map((l) => para(l, { center: true, bold: isHeading(l) })),
        });
      children.push(
        new Table({
          width: { size: CONTENT_WIDTH, type: WidthType.DXA },
          columnWidths: [half, half],
          borders: {
            top: NONE,
            bottom: NONE,
            left: NONE,
            right: NONE,
            insideHorizontal: NONE,
            insideVertical: NONE,
          },
          rows: [new TableRow({ children: [cell(block.left), cell(block.right)] })],
        }),
        new Paragraph({ children: [] }),
      );
    } else {
      const columns = block.rows[0].length;
      const widths = Array.from({ length: columns }, (_, k) =>
        k === 0 ? 600 : Math.floor((CONTENT_WIDTH - 600) / (columns - 1)),
      );
      children.push(
        new Table({
          width: { size: CONTENT_WIDTH, type: WidthType.DXA },
          columnWidths: widths,
          rows: block.rows.map(
            (row, r) =>
              new TableRow({
                children: row.map(
                  (cellText, k) =>
                    new TableCell({
                      width: { size: widths[k], type: WidthType.DXA },
                      borders: { top: THIN, bottom: THIN, left: THIN, right: THIN },
                      children: [
                        new Paragraph({ children: runs(cellText, r === 0), alignment: AlignmentType.LEFT }),
                      ],
                    }),
                ),
              }),
          ),
        }),
        new Paragraph({ children: [] }),
      );
    }
  }
  const doc = new Document({
    styles: { default: { document: { run: { font, size: 26 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 },
          },
        },
        headers: options.pageHeader
          ? {
              default: new Header({
                children: [
                  new Paragraph({ alignment: AlignmentType.CENTER, children: [run(options.pageHeader)] }),
                ],
              }),
            }
          : undefined,
        footers: options.pageHeader
          ? {
              default: new Footer({
                children: [
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [new TextRun({ children: ["Trang ", PageNumber.CURRENT], font, size: 24 })],
                  }),
                ],
              }),
            }
          : undefined,
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

const CACHE = join(tmpdir(), "tong-hop-bao-cao-plan-documents");

function cached(key: string, ext: string, make: (path: string) => void): string {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `${key}.${ext}`);
  if (!existsSync(path)) {
    const partial = `${path}.${process.pid}.part`;
    make(partial);
    renameSync(partial, path);
  }
  return path;
}

function keyOf(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 16);
}

/** A .docx of the plan text (cached); `name` is only for reading the cache folder. */
export async function planDocx(name: string, text: string, options: PlanDocxOptions = {}): Promise<string> {
  const key = `${name}-${keyOf(text, JSON.stringify(options), "v3")}`;
  const path = join(CACHE, `${key}.docx`);
  if (!existsSync(path)) {
    mkdirSync(CACHE, { recursive: true });
    const partial = `${path}.${process.pid}.part`;
    writeFileSync(partial, await planTextToDocx(text, options));
    renameSync(partial, path);
  }
  return path;
}

/**
 * LibreOffice-converted copies of cached .docx files, "pdf" or "doc" (Word 97–2003): the missing ones are
 * converted in one LibreOffice run (start-up is most of its time). Returns the paths in the same order.
 */
export function convertedPlans(docxs: string[], target: "pdf" | "doc"): string[] {
  const outputs = docxs.map((docx) => docx.replace(/\.docx$/, `.${target}`));
  const missing = docxs.filter((_, k) => !existsSync(outputs[k]));
  if (missing.length > 0) {
    ensureLibreOffice();
    const out = tempDir("plan-doc-");
    const filter = target === "doc" ? "doc:MS Word 97" : "pdf";
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${freshProfile()}`,
        "--headless",
        "--norestore",
        "--convert-to",
        filter,
        "--outdir",
        out,
        ...missing,
      ],
      { stdio: ["ignore", "pipe", "pipe"], timeout: 300_000 },
    );
    for (const docx of missing) {
      const produced = join(out, `${basename(docx, ".docx")}.${target}`);
      const partial = `${produced}.${process.pid}.part`;
      writeFileSync(partial, readFileSync(produced));
      renameSync(partial, docx.replace(/\.docx$/, `.${target}`));
    }
  }
  return outputs;
}

export function convertedPlan(docx: string, target: "pdf" | "doc"): string {
  return convertedPlans([docx], target)[0];
}

/** A scanned copy of a PDF: every page rendered at 300 dpi (pdftoppm) and put back as an image-only PDF. */
export function scannedPdf(pdf: string): string {
  const stem = pdf.replace(/\.pdf$/, "");
  return cached(`${stem.slice(CACHE.length + 1)}-scan`, "pdf", (partial) => {
    ensureLibreOffice();
    const dir = tempDir("plan-scan-");
    execFileSync("pdftoppm", ["-r", "300", "-gray", "-jpeg", pdf, join(dir, "page")]);
    execFileSync("bash", [join(__dirname, "../../scripts/ensure-tesseract.sh")], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    execFileSync("img2pdf", ["--output", partial, ...listJpegs(dir)]);
  });
}

function listJpegs(dir: string): string[] {
  return execFileSync("bash", ["-c", `ls "${dir}"/page-*.jpg | sort`], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
}
