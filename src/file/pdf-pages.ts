/**
 * A PDF's pages as plain data for the core's layout (`pdfPagesToPlanText`): pdf.js text items, and the
 * bounding boxes of drawn paths (table borders) from the operator list. No Node APIs. The task pane runs
 * pdf.js's browser build here (`readRawPdfPages`); the CLI runs the same steps in a worker thread
 * (src/cli/pdf-text-worker.cjs) and hands back the same raw pages.
 */
import type { PdfBox, PdfPageContent, PdfTextItem } from "../core/plan/pdf-layout";

/** The part of pdf.js used here (both builds have it). */
export interface PdfJs {
  getDocument(source: {
    data: Uint8Array;
    isEvalSupported?: boolean;
    useSystemFonts?: boolean;
    disableFontFace?: boolean;
    verbosity?: number;
  }): { promise: Promise<PdfDocument> };
  OPS: Record<string, number>;
}

interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}

interface PdfPage {
  getViewport(options: { scale: number }): { width: number; height: number };
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  cleanup(): void;
}

/** The operators that place paths: the transform stack and the paths' bounding boxes. */
export interface PathOperators {
  fnArray: number[];
  /** per operator: the matrix of `transform` / `paintFormXObjectBegin`, the box of `constructPath`, else null */
  argsArray: (readonly number[] | null)[];
}

export interface RawPdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
  /** null when the page's text shows no table (its paths are not needed) */
  paths: PathOperators | null;
}

export interface RawPdf {
  pages: RawPdfPage[];
  OPS: Record<string, number>;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: readonly number[]): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Boxes of the paths a page draws, in page space (the current transform followed through save/restore). */
export function boxesOf(ops: Record<string, number>, paths: PathOperators): PdfBox[] {
  const boxes: PdfBox[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  paths.fnArray.forEach((fn, i) => {
    const args = paths.argsArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args?.length === 6) ctm = multiply(ctm, args);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      if (args?.length === 6) ctm = multiply(ctm, args);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && args && args.length >= 4 && args.every(Number.isFinite)) {
      const [ax, ay] = apply(ctm, args[0], args[1]);
      const [bx, by] = apply(ctm, args[2], args[3]);
      boxes.push({ x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) });
    }
  });
  return boxes;
}

export function pageContents(raw: RawPdf): PdfPageContent[] {
  return raw.pages.map((page) => ({
    width: page.width,
    height: page.height,
    items: page.items,
    boxes: page.paths ? boxesOf(raw.OPS, page.paths) : [],
  }));
}

/**
 * Is a page's operator list (for table borders) worth its cost, about as much as the text itself? When a
 * baseline holds three pieces of text or more, as the first line of a table row does, and on the page after
 * such a page. The same rule is written out in src/cli/pdf-text-worker.cjs, which cannot import this module.
 */
export function mayHoldTable(items: readonly PdfTextItem[]): boolean {
  const perBaseline = new Map<number, number>();
  for (const item of items) {
    if (item.str.trim() === "") continue;
    const y = Math.round(item.transform[5] / 2);
    const count = (perBaseline.get(y) ?? 0) + 1;
    if (count >= 3) return true;
    perBaseline.set(y, count);
  }
  return false;
}

const numbers = (value: unknown): readonly number[] | null =>
  value && typeof value === "object" && "length" in value ? Array.from(value as ArrayLike<number>) : null;

/** The same steps as src/cli/pdf-text-worker.cjs, with a pdf.js loaded in this thread (the task pane). */
export async function readRawPdfPages(pdfjs: PdfJs, bytes: Uint8Array): Promise<RawPdf> {
  const { OPS } = pdfjs;
  // pdf.js takes ownership of the buffer it is given: pass a copy so the caller's bytes stay usable.
  const document = await pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    const pages: RawPdfPage[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const items = (await page.getTextContent()).items
        .filter((i): i is PdfTextItem => typeof (i as PdfTextItem).str === "string")
        .map(({ str, transform, width: w, height: h }) => ({ str, transform, width: w, height: h }));
      let paths: PathOperators | null = null;
      // A table may go on over the page break with one cell's last lines: the page after a table is looked at too.
      const previous = pages[pages.length - 1];
      if (mayHoldTable(items) || (previous?.paths !== null && previous !== undefined)) {
        const list = await page.getOperatorList();
        paths = { fnArray: [], argsArray: [] };
        list.fnArray.forEach((fn, i) => {
          const args = list.argsArray[i];
          if (fn === OPS.constructPath) paths!.argsArray.push(numbers(args?.[2]));
          else if (fn === OPS.transform) paths!.argsArray.push(numbers(args));
          else if (fn === OPS.paintFormXObjectBegin) paths!.argsArray.push(numbers(args?.[0]));
          else if (fn === OPS.save || fn === OPS.restore || fn === OPS.paintFormXObjectEnd)
            paths!.argsArray.push(null);
          else return;
          paths!.fnArray.push(fn);
        });
      }
      pages.push({ width, height, items, paths });
      page.cleanup();
    }
    return { pages, OPS };
  } finally {
    await document.destroy();
  }
}
