/**
 * OCR of a scanned PDF (the CLI's --ocr): poppler's pdftoppm renders each page at 300 dpi, Tesseract reads it
 * with its Vietnamese data (Debian's tesseract-ocr-vie; scripts/ensure-tesseract.sh installs both) and gives
 * every word with its box (TSV). The words become positioned text items, in points, so the page goes through
 * the same layout as a PDF's text (`pdfPagesToPlanText`): lines, paragraphs, the two-column header.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { OcrUnavailableError } from "../core/errors";
import type { PdfPageContent, PdfTextItem } from "../core/plan/pdf-layout";

const run = promisify(execFile);
const DPI = 300;
const POINTS_PER_PIXEL = 72 / DPI;

async function ensurePrograms(): Promise<void> {
  try {
    await run("pdftoppm", ["-v"]);
  } catch {
    throw new OcrUnavailableError("pdftoppm");
  }
  let languages = "";
  try {
    languages = (await run("tesseract", ["--list-langs"])).stdout;
  } catch {
    throw new OcrUnavailableError("tesseract");
  }
  if (!/^vie$/m.test(languages)) throw new OcrUnavailableError("tesseract-ocr-vie");
}

interface TsvWord {
  block: number;
  paragraph: number;
  line: number;
  left: number;
  top: number;
  width: number;
  height: number;
  confidence: number;
  text: string;
}

/** Tesseract's TSV → the page's words as text items, y up, in points; the page size from the level-1 row. */
export function tsvToPage(tsv: string): PdfPageContent {
  let pageWidth = 0;
  let pageHeight = 0;
  const words: TsvWord[] = [];
  for (const row of tsv.split("\n").slice(1)) {
    const c = row.split("\t");
    if (c.length < 12) continue;
    const [level, , block, paragraph, line, , left, top, width, height, confidence] = c
      .slice(0, 11)
      .map(Number);
    const text = c.slice(11).join("\t").trim();
    if (level === 1) {
      pageWidth = width;
      pageHeight = height;
    } else if (level === 5 && text !== "") {
      words.push({ block, paragraph, line, left, top, width, height, confidence, text });
    }
  }
  // Items are runs of words on one Tesseract line, split where a gap is far wider than the line's usual one
  // (a line Tesseract drew across the two header cells); the words' own gaps in justified text would otherwise
  // look like gaps between columns. Plans have one body size: the font size is about the median line box
  // (capitals with their marks down to the descenders); the baseline is the highest bottom of a word with a letter or
  // digit (a descender or a dot below reaches lower; a lone dash sits higher).
  const lines = new Map<string, TsvWord[]>();
  for (const w of words) {
    const key = `${w.block}.${w.paragraph}.${w.line}`;
    if (!lines.has(key)) lines.set(key, []);
    lines.get(key)!.push(w);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const lineHeights = [...lines.values()].map(
    (ws) => Math.max(...ws.map((w) => w.top + w.height)) - Math.min(...ws.map((w) => w.top)),
  );
  const sizePx = median(lineHeights) * 1.05;
  const size = sizePx * POINTS_PER_PIXEL;
  const items: PdfTextItem[] = [];
  for (const lineWords of lines.values()) {
    lineWords.sort((a, b) => a.left - b.left);
    const gaps = lineWords.slice(1).map((w, i) => w.left - (lineWords[i].left + lineWords[i].width));
    const usual = median(gaps);
    const lettered = lineWords.filter((w) => /[\p{L}\d]/u.test(w.text));
    const baseline = Math.min(...(lettered.length ? lettered : lineWords).map((w) => w.top + w.height));
    let run: TsvWord[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const left = run[0].left;
      const right = Math.max(...run.map((w) => w.left + w.width));
      items.push({
        str: run.map((w) => w.text).join(" "),
        transform: [size, 0, 0, size, left * POINTS_PER_PIXEL, (pageHeight - baseline) * POINTS_PER_PIXEL],
        width: (right - left) * POINTS_PER_PIXEL,
        height: size,
      });
      run = [];
    };
    lineWords.forEach((w, i) => {
      if (i > 0 && gaps[i - 1] > Math.max(3 * usual, 1.5 * sizePx)) flush();
      run.push(w);
    });
    flush();
  }
  return { width: pageWidth * POINTS_PER_PIXEL, height: pageHeight * POINTS_PER_PIXEL, items, boxes: [] };
}

export async function ocrPdfPages(bytes: Uint8Array): Promise<PdfPageContent[]> {
  await ensurePrograms();
  const dir = await mkdtemp(join(tmpdir(), "tong-hop-ocr-"));
  try {
    const pdf = join(dir, "scan.pdf");
    await writeFile(pdf, bytes);
    await run("pdftoppm", ["-r", String(DPI), "-gray", "-png", pdf, join(dir, "page")], {
      maxBuffer: 1 << 26,
    });
    const images = (await readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f)).sort();
    const pages: PdfPageContent[] = [];
    for (const image of images) {
      const { stdout } = await run("tesseract", [join(dir, image), "-", "-l", "vie", "--psm", "3", "tsv"], {
        maxBuffer: 1 << 26,
        env: { ...process.env, OMP_THREAD_LIMIT: "1" },
      });
      pages.push(tsvToPage(stdout));
    }
    return pages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
