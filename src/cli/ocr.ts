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
  // Word boxes vary with accents and descenders: a line's words share its baseline (lowest box bottom) and its
  // font size (the median box height).
  const lines = new Map<string, TsvWord[]>();
  for (const w of words) {
    const key = `${w.block}.${w.paragraph}.${w.line}`;
    if (!lines.has(key)) lines.set(key, []);
    lines.get(key)!.push(w);
  }
  const items: PdfTextItem[] = [];
  for (const lineWords of lines.values()) {
    const bottom = Math.max(...lineWords.map((w) => w.top + w.height));
    const heights = lineWords.map((w) => w.height).sort((a, b) => a - b);
    const size = heights[Math.floor(heights.length / 2)] * 0.8 * POINTS_PER_PIXEL;
    const y = (pageHeight - bottom) * POINTS_PER_PIXEL;
    for (const w of lineWords) {
      items.push({
        str: w.text,
        transform: [size, 0, 0, size, w.left * POINTS_PER_PIXEL, y],
        width: w.width * POINTS_PER_PIXEL,
        height: size,
      });
    }
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
