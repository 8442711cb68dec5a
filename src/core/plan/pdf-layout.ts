/**
 * A PDF's text, as positioned pieces (pdf.js text items, or OCR words), back to the plan text the reader
 * understands: lines rebuilt from positions, wrapped lines joined into paragraphs, running page headers,
 * footers and page numbers dropped, a borderless two-column block (the header of issuing body and
 * "CỘNG HÒA …", the closing of Nơi nhận and signature) given column by column as a .docx header comes out,
 * and ruled tables (task tables) given as rows (`tableLines`: tab-separated when they are task tables).
 * Pure geometry over plain data, so it is tested without pdf.js.
 *
 * Coordinates are PDF user space: x to the right, y up, the baseline of a piece at (x, y).
 */
import { tableLines, type TableCells } from "./table-text";

/** A positioned piece of text (pdf.js `TextItem`: str, transform [a b c d e f], width, height). */
export interface PdfTextItem {
  str: string;
  transform: readonly number[];
  width: number;
  height: number;
}

/** The bounding box of a drawn path: table borders are thin boxes. */
export interface PdfBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPageContent {
  width: number;
  height: number;
  items: PdfTextItem[];
  /** Drawn paths (table borders); optional: without them tables are found from the text alone. */
  boxes?: PdfBox[];
}

/** A piece of a line: text with no wide gap or table border inside it. */
interface Fragment {
  text: string;
  x0: number;
  x1: number;
  /** baseline */
  y: number;
  size: number;
  page: number;
}

interface Grid {
  x0: number;
  x1: number;
  /** horizontal borders, top to bottom */
  rows: number[];
  /** vertical borders, left to right */
  columns: number[];
}

type Zone =
  | { kind: "flow"; top: number; lines: Fragment[] }
  | { kind: "columns"; top: number; columns: Fragment[][]; bounds: [number, number][] }
  | { kind: "table"; top: number; grid: Grid; cells: Fragment[][][] };

interface Page {
  zones: Zone[];
  left: number;
  right: number;
}

const TONELESS_SPACE = 0.25; // a space is about a quarter of the font size

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// ------------------------------------------------------------------ pieces → fragments

interface Piece {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

function piecesOf(items: PdfTextItem[]): Piece[] {
  const pieces: Piece[] = [];
  for (const item of items) {
    const [a, b, c, d, x, y] = item.transform;
    if (!item.str || item.str.trim() === "") continue;
    // Upright text only: rotated pieces are stamps, watermarks or margin notes.
    if (a <= 0 || d <= 0 || Math.abs(b) > 0.01 * a || Math.abs(c) > 0.01 * d) continue;
    const size = Math.max(d, item.height, 1);
    pieces.push({ text: item.str, x, y, width: Math.max(item.width, 0), size });
  }
  return pieces;
}

function isVerticalRule(box: PdfBox): boolean {
  return box.x1 - box.x0 <= 1.5 && box.y1 - box.y0 >= 6;
}

function isHorizontalRule(box: PdfBox): boolean {
  return box.y1 - box.y0 <= 1.5 && box.x1 - box.x0 >= 15;
}

/** Pieces on one baseline, top to bottom, each line left to right. */
function baselines(pieces: Piece[]): Piece[][] {
  const sorted = [...pieces].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Piece[][] = [];
  for (const piece of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - piece.y) <= 0.4 * Math.max(line[0].size, piece.size)) line.push(piece);
    else lines.push([piece]);
  }
  for (const line of lines) line.sort((p, q) => p.x - q.x);
  return lines;
}

/** A neighbouring line with text on both sides of [from, to] and none inside: the gap is a gutter between columns. */
function gutterBeside(lines: Piece[][], at: number, from: number, to: number): boolean {
  const y = lines[at][0].y;
  const size = lines[at][0].size;
  return [lines[at - 1], lines[at + 1]].some(
    (line) =>
      line !== undefined &&
      Math.abs(line[0].y - y) <= 2.5 * size &&
      line.some((p) => p.x + p.width <= from + 1) &&
      line.some((p) => p.x >= to - 1) &&
      !line.some((p) => p.x < to - 1 && p.x + p.width > from + 1),
  );
}

/**
 * Pieces on one baseline, split where a table border runs between them, where the gap is wider than a letter
 * or two, or where a narrower gap is also a gutter in the line above or below (two header cells whose lines
 * nearly meet).
 */
function fragmentsOf(pieces: Piece[], verticals: PdfBox[], page: number): Fragment[] {
  const lines = baselines(pieces);
  const fragments: Fragment[] = [];
  lines.forEach((line, at) => {
    let current: Fragment | null = null;
    for (const piece of line) {
      const size = Math.max(current?.size ?? 0, piece.size);
      const gap = current ? piece.x - current.x1 : 0;
      const ruled =
        current !== null &&
        verticals.some(
          (v) =>
            v.x0 >= current!.x1 - 1 &&
            v.x1 <= piece.x + 1 &&
            v.y0 <= piece.y + piece.size * 0.5 &&
            v.y1 >= piece.y,
        );
      const apart =
        current !== null &&
        (gap > 1.0 * size || (gap > 0.35 * size && gutterBeside(lines, at, current.x1, piece.x)));
      if (current && !ruled && !apart) {
        const spaced = gap > 0.15 * piece.size && !current.text.endsWith(" ") && !piece.text.startsWith(" ");
        current.text += (spaced ? " " : "") + piece.text;
        current.x1 = Math.max(current.x1, piece.x + piece.width);
        current.size = size;
        continue;
      }
      if (current) fragments.push(current);
      current = {
        text: piece.text,
        x0: piece.x,
        x1: piece.x + piece.width,
        y: piece.y,
        size: piece.size,
        page,
      };
    }
    if (current) fragments.push(current);
  });
  for (const f of fragments) f.text = f.text.replace(/\s+/g, " ").trim();
  return fragments.filter((f) => f.text !== "");
}

// ------------------------------------------------------------------ ruled tables

/** Tables drawn with borders: horizontal rules bridged by vertical ones. */
function gridsOf(boxes: PdfBox[]): Grid[] {
  const horizontals = boxes.filter(isHorizontalRule).sort((a, b) => b.y0 - a.y0);
  const verticals = boxes.filter(isVerticalRule);
  const grids: Grid[] = [];
  let group: PdfBox[] = [];
  const close = () => {
    if (group.length >= 2) {
      const x0 = Math.min(...group.map((h) => h.x0));
      const x1 = Math.max(...group.map((h) => h.x1));
      const top = Math.max(...group.map((h) => h.y1));
      const bottom = Math.min(...group.map((h) => h.y0));
      const inside = verticals.filter(
        (v) => v.x0 >= x0 - 2 && v.x1 <= x1 + 2 && v.y1 > bottom + 1 && v.y0 < top - 1,
      );
      const columns = mergeClose(inside.map((v) => (v.x0 + v.x1) / 2)).sort((a, b) => a - b);
      const rows = mergeClose(group.map((h) => (h.y0 + h.y1) / 2)).sort((a, b) => b - a);
      if (columns.length >= 2 && rows.length >= 2) grids.push({ x0, x1, rows, columns });
    }
    group = [];
  };
  for (const h of horizontals) {
    const last = group[group.length - 1];
    const overlaps =
      last &&
      Math.min(last.x1, h.x1) - Math.max(last.x0, h.x0) >= 0.5 * Math.min(last.x1 - last.x0, h.x1 - h.x0);
    const bridged =
      last &&
      verticals.some(
        (v) =>
          v.y1 >= last.y0 - 1 &&
          v.y0 <= h.y1 + 1 &&
          v.x0 >= Math.max(last.x0, h.x0) - 2 &&
          v.x1 <= Math.min(last.x1, h.x1) + 2,
      );
    if (last && !(overlaps && bridged)) close();
    group.push(h);
  }
  close();
  return grids;
}

function mergeClose(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1] > 1.5) out.push(v);
  return out;
}

function insideGrid(f: Fragment, g: Grid): boolean {
  const cx = (f.x0 + f.x1) / 2;
  const cy = f.y + f.size * 0.3;
  return cx >= g.x0 - 1 && cx <= g.x1 + 1 && cy <= g.rows[0] + 1 && cy >= g.rows[g.rows.length - 1] - 1;
}

function tableZone(g: Grid, fragments: Fragment[]): Zone {
  const rowCount = g.rows.length - 1;
  const columnCount = g.columns.length - 1;
  const cells: Fragment[][][] = Array.from({ length: rowCount }, () =>
    Array.from({ length: columnCount }, () => [] as Fragment[]),
  );
  for (const f of fragments) {
    const cy = f.y + f.size * 0.3;
    let row = g.rows.findIndex((y, k) => k < rowCount && cy <= y && cy >= g.rows[k + 1]);
    if (row < 0) row = cy > g.rows[0] ? 0 : rowCount - 1;
    let column = g.columns.findIndex((x, k) => k < columnCount && f.x0 + 0.5 >= x && f.x0 < g.columns[k + 1]);
    if (column < 0) column = f.x0 < g.columns[0] ? 0 : columnCount - 1;
    cells[row][column].push(f);
  }
  return { kind: "table", top: g.rows[0], grid: g, cells };
}

// ------------------------------------------------------------------ borderless columns

/** Fragments that overlap vertically, top to bottom. */
function bandsOf(fragments: Fragment[]): Fragment[][] {
  const sorted = [...fragments].sort((a, b) => b.y + b.size - (a.y + a.size) || a.x0 - b.x0);
  const bands: { top: number; bottom: number; fragments: Fragment[] }[] = [];
  for (const f of sorted) {
    const top = f.y + 0.8 * f.size;
    const bottom = f.y - 0.2 * f.size;
    const band = bands[bands.length - 1];
    if (band && Math.min(band.top, top) - Math.max(band.bottom, bottom) > 0.3 * f.size) {
      band.fragments.push(f);
      band.top = Math.max(band.top, top);
      band.bottom = Math.min(band.bottom, bottom);
    } else bands.push({ top, bottom, fragments: [f] });
  }
  return bands.map((b) => b.fragments.sort((p, q) => p.x0 - q.x0));
}

function overlapX(f: Fragment, bound: [number, number]): boolean {
  return f.x0 < bound[1] && f.x1 > bound[0];
}

/** The column of a zone a fragment belongs to: inside it, or aligned with it, and touching no other column. */
function columnFor(f: Fragment, bounds: [number, number][], columns: Fragment[][]): number {
  const touching = bounds.map((b, k) => (overlapX(f, b) ? k : -1)).filter((k) => k >= 0);
  if (touching.length !== 1) return -1;
  const k = touching[0];
  const [x0, x1] = bounds[k];
  if (f.x0 >= x0 - 2 && f.x1 <= x1 + 2) return k;
  const sameStart = columns[k].some((g) => Math.abs(g.x0 - f.x0) <= 2);
  const sameCentre = columns[k].some((g) => Math.abs((g.x0 + g.x1) / 2 - (f.x0 + f.x1) / 2) <= 4);
  return sameStart || sameCentre ? k : -1;
}

function zonesOf(fragments: Fragment[]): Zone[] {
  const zones: Zone[] = [];
  let last: Fragment | null = null;
  for (const band of bandsOf(fragments)) {
    const zone = zones[zones.length - 1];
    const size = median(band.map((f) => f.size));
    const near = last !== null && last.y - Math.max(...band.map((f) => f.y)) <= 2.4 * size;
    if (zone?.kind === "columns" && near) {
      const targets = band.map((f) => columnFor(f, zone.bounds, zone.columns));
      if (targets.every((k) => k >= 0) && new Set(targets).size === targets.length) {
        band.forEach((f, i) => {
          const k = targets[i];
          zone.columns[k].push(f);
          zone.bounds[k] = [Math.min(zone.bounds[k][0], f.x0), Math.max(zone.bounds[k][1], f.x1)];
        });
        last = band[band.length - 1];
        continue;
      }
    }
    if (band.length >= 2) {
      zones.push({
        kind: "columns",
        top: Math.max(...band.map((f) => f.y + f.size)),
        columns: band.map((f) => [f]),
        bounds: band.map((f) => [f.x0, f.x1]),
      });
    } else if (zone?.kind === "flow") zone.lines.push(band[0]);
    else zones.push({ kind: "flow", top: band[0].y + band[0].size, lines: [band[0]] });
    last = band[band.length - 1];
  }
  // One line that happened to sit beside another (a date beside a number) is no layout block: back to flow.
  return zones.flatMap((z): Zone[] =>
    z.kind === "columns" && z.columns.every((c) => c.length === 1) && z.columns.length === 2
      ? [
          {
            kind: "flow",
            top: z.top,
            lines: [{ ...z.columns[0][0], text: z.columns.map((c) => c[0].text).join(" ") }],
          },
        ]
      : [z],
  );
}

// ------------------------------------------------------------------ page headers, footers, numbers

const PAGE_NUMBER = /^[-–—\s]*(?:(?:trang|page)\s*)?\d{1,3}(?:\s*(?:\/|of|trên)\s*\d{1,3})?[-–—\s]*$/i;

function runningKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
}

/**
 * Drop running headers/footers (the same text, numbers aside, at the same height near the top or bottom of
 * several pages) and page numbers ("3", "- 3 -", "Trang 3", "3/10"). Only lines in the page's top or bottom
 * tenth and among its first or last two bands are candidates, and never a line inside a ruled table (a task
 * number "1" at the foot of a page is no page number).
 */
function dropPageFurniture(pages: Fragment[][], contents: PdfPageContent[], grids: Grid[][]): Fragment[][] {
  const edges = pages.map((fragments, p) => {
    const height = contents[p].height;
    const bands = bandsOf(fragments);
    return new Set(
      [...bands.slice(0, 2), ...bands.slice(-2)]
        .flat()
        .filter((f) => (f.y > 0.9 * height || f.y < 0.1 * height) && !grids[p].some((g) => insideGrid(f, g))),
    );
  });
  const keyOf = (f: Fragment) => `${runningKey(f.text)}@${Math.round(f.y / 6)}`;
  const seen = new Map<string, Set<number>>();
  pages.forEach((fragments, p) => {
    for (const f of fragments) {
      if (!edges[p].has(f)) continue;
      if (!seen.has(keyOf(f))) seen.set(keyOf(f), new Set());
      seen.get(keyOf(f))!.add(p);
    }
  });
  const needed = pages.length >= 3 ? Math.ceil(pages.length / 2) : 2;
  return pages.map((fragments, p) =>
    fragments.filter((f) => {
      if (!edges[p].has(f)) return true;
      if (PAGE_NUMBER.test(f.text)) return false;
      return (seen.get(keyOf(f))?.size ?? 0) < needed;
    }),
  );
}

// ------------------------------------------------------------------ paragraphs

const LIST_MARKER =
  /^(?:\d{1,2}(?:\.\d{1,2})*[.)]|\d{1,2}\s?-|[a-zđ][).]|[IVXLC]+[.)-]|[-+•*–—]|phần|mục|điều|chương)\s/iu;

interface Region {
  left: number;
  right: number;
  /**
   * For a column of a layout block: its side on the page margin. A centred line's column is measured from that
   * margin (the gutter beside a wide neighbour cell is no measure of the cell's width).
   */
  marginSide?: "left" | "right";
}

/**
 * Do two consecutive lines of one column belong to one paragraph? Yes when the next line starts lower-case
 * or with a number that is no list marker; no when it starts a list item, is indented further, or is
 * separated by more than the usual line gap; otherwise yes only when its first word would not have fitted on
 * the previous line (so the line was wrapped).
 */
function continues(prev: Fragment, next: Fragment, region: Region, lineGap: number): boolean {
  if (next.page === prev.page) {
    const gap = prev.y - next.y;
    if (gap > lineGap * 1.12 || gap < 0) return false;
  }
  if (LIST_MARKER.test(next.text)) return false;
  const centred =
    Math.abs((prev.x0 + prev.x1) / 2 - (next.x0 + next.x1) / 2) <= 3 && Math.abs(prev.x0 - next.x0) > 3;
  if (!centred && next.x0 > prev.x0 + 0.6 * next.size) return false;
  if (/^[\p{Ll}\d]/u.test(next.text)) return true;
  const firstWord = next.text.split(" ")[0];
  const firstWordWidth = ((next.x1 - next.x0) * firstWord.length) / next.text.length;
  const centre = (prev.x0 + prev.x1) / 2;
  const half =
    region.marginSide === "left"
      ? centre - region.left
      : region.marginSide === "right"
        ? region.right - centre
        : Math.min(centre - region.left, region.right - centre);
  const room = centred ? 2 * half - (prev.x1 - prev.x0) : region.right - prev.x1;
  return firstWordWidth + TONELESS_SPACE * next.size > room - 1;
}

function paragraphs(lines: Fragment[], region: Region, lineGap: (size: number) => number): string[] {
  const out: string[] = [];
  let prev: Fragment | null = null;
  for (const line of lines) {
    if (prev && continues(prev, line, region, lineGap(line.size))) out[out.length - 1] += ` ${line.text}`;
    else out.push(line.text);
    prev = line;
  }
  return out;
}

/** The gap between wrapped lines, per font size: the smallest regular baseline step seen (paragraphs are spaced wider or equal). */
function lineGapEstimator(pages: Page[]): (size: number) => number {
  const ratios: number[] = [];
  const collect = (lines: Fragment[]) => {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1];
      const b = lines[i];
      if (a.page !== b.page || Math.abs(a.size - b.size) > 0.5) continue;
      const gap = a.y - b.y;
      if (gap >= 0.95 * a.size && gap <= 2.5 * a.size) ratios.push(gap / a.size);
    }
  };
  for (const page of pages)
    for (const zone of page.zones) {
      if (zone.kind === "flow") collect(zone.lines);
      else if (zone.kind === "columns") zone.columns.forEach(collect);
      else zone.cells.forEach((row) => row.forEach(collect));
    }
  ratios.sort((a, b) => a - b);
  const ratio = ratios.length ? ratios[0] : 1.2;
  return (size) => ratio * size;
}

// ------------------------------------------------------------------ pages → text

function pageOf(content: PdfPageContent, fragments: Fragment[], pageGrids: Grid[]): Page {
  const grids = pageGrids
    .filter((g) => fragments.some((f) => insideGrid(f, g)))
    .sort((a, b) => b.rows[0] - a.rows[0]);
  const zones: Zone[] = [];
  let rest = fragments;
  for (const g of grids) {
    zones.push(
      tableZone(
        g,
        rest.filter((f) => insideGrid(f, g)),
      ),
    );
    rest = rest.filter((f) => !insideGrid(f, g));
  }
  // Text between two tables is laid out on its own: a paragraph never runs through a table.
  const cuts = grids.map((g) => g.rows[0]);
  const segments: Fragment[][] = Array.from({ length: cuts.length + 1 }, () => []);
  for (const f of rest) segments[cuts.filter((top) => f.y < top).length].push(f);
  for (const segment of segments) zones.push(...zonesOf(segment));
  zones.sort((a, b) => b.top - a.top);
  const xs0 = [...fragments.map((f) => f.x0), ...grids.map((g) => g.x0)];
  const xs1 = [...fragments.map((f) => f.x1), ...grids.map((g) => g.x1)];
  const left = Math.min(...xs0);
  // A page whose lines all end short (no wrapped paragraph) still has its margin: plans' right margin is about
  // two thirds of the left (3 cm and 2 cm).
  return { zones, left, right: Math.max(...xs1, content.width - 0.7 * left) };
}

function cellParagraphs(
  cell: Fragment[],
  left: number,
  right: number,
  gap: (size: number) => number,
): string[] {
  const lines = [...cell].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const padding = lines.length ? Math.max(0, Math.min(...lines.map((l) => l.x0)) - left) : 0;
  return paragraphs(lines, { left: left + padding, right: right - Math.min(padding, 8) }, gap);
}

function sameColumns(a: Grid, b: Grid): boolean {
  return a.columns.length === b.columns.length && a.columns.every((x, k) => Math.abs(x - b.columns[k]) <= 3);
}

export function pdfPagesToPlanText(contents: PdfPageContent[]): string {
  const fragmentsByPage = contents.map((content, p) => {
    const verticals = (content.boxes ?? []).filter(isVerticalRule);
    return fragmentsOf(piecesOf(content.items), verticals, p);
  });
  const grids = contents.map((content) => gridsOf(content.boxes ?? []));
  const cleaned = dropPageFurniture(fragmentsByPage, contents, grids);
  const pages = contents.map((content, p) => pageOf(content, cleaned[p], grids[p]));
  const gap = lineGapEstimator(pages);

  const out: string[] = [];
  let flowTail: { line: Fragment; region: Region } | null = null;
  let tableTail: { grid: Grid; rows: TableCells } | null = null;
  const flushTable = () => {
    if (tableTail) out.push(...tableLines(tableTail.rows), "");
    tableTail = null;
  };
  for (const page of pages) {
    const region = { left: page.left, right: page.right };
    for (const zone of page.zones) {
      if (zone.kind === "table") {
        const rows = zone.cells
          .map((row) =>
            row.map((cell, k) => cellParagraphs(cell, zone.grid.columns[k], zone.grid.columns[k + 1], gap)),
          )
          .filter((row) => row.some((cell) => cell.length > 0));
        if (tableTail && sameColumns(tableTail.grid, zone.grid) && flowTail === null) {
          // A table going on from the previous page; a repeated header row is dropped.
          const tail = tableTail.rows;
          if (JSON.stringify(rows[0]) === JSON.stringify(tail[0])) rows.shift();
          // A row broken by the page: its first cell (the number) is empty on the new page.
          const last = tail[tail.length - 1];
          if (rows[0] && rows[0][0].length === 0 && last[0].length > 0 && rows[0].length === last.length) {
            const broken = rows.shift()!;
            broken.forEach((cell, k) => {
              if (cell.length === 0) return;
              if (last[k].length === 0) last[k].push(...cell);
              else
                last[k].splice(
                  last[k].length - 1,
                  1,
                  `${last[k][last[k].length - 1]} ${cell[0]}`,
                  ...cell.slice(1),
                );
            });
          }
          tail.push(...rows);
        } else {
          flushTable();
          tableTail = { grid: zone.grid, rows };
        }
        flowTail = null;
        continue;
      }
      flushTable();
      if (zone.kind === "columns") {
        const bounds = zone.bounds;
        const cells = zone.columns.map((column, k) => {
          const left = k === 0 ? Math.min(page.left, bounds[k][0]) : (bounds[k - 1][1] + bounds[k][0]) / 2;
          const right =
            k === bounds.length - 1
              ? Math.max(page.right, bounds[k][1])
              : (bounds[k][1] + bounds[k + 1][0]) / 2;
          const lines = [...column].sort((a, b) => b.y - a.y);
          const marginSide = k === 0 ? "left" : k === bounds.length - 1 ? "right" : undefined;
          return paragraphs(lines, { left, right, marginSide }, gap);
        });
        out.push(...tableLines([cells]));
        flowTail = null;
        continue;
      }
      zone.lines.forEach((line, i) => {
        const prev = i === 0 ? flowTail?.line : zone.lines[i - 1];
        const prevRegion = i === 0 ? flowTail?.region : region;
        if (prev && prevRegion && continues(prev, line, i === 0 ? prevRegion : region, gap(line.size)))
          out[out.length - 1] += ` ${line.text}`;
        else out.push(line.text);
      });
      flowTail = { line: zone.lines[zone.lines.length - 1], region };
    }
    // A paragraph may go on over the page break, a table too; any other zone ends them.
  }
  flushTable();
  return out
    .join("\n")
    .replace(/[\uFB00-\uFB06]/g, (ligature) => ligature.normalize("NFKC"))
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, ""); // a task table's last row may end with an empty cell (a tab)
}
