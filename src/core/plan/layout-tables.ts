/**
 * A task table laid out with spaces, as `pdftotext -layout` prints a PDF's table: a header row of column names
 * ("TT   Nội dung   Đơn vị thực hiện   Thời gian"), then rows whose "TT" cell holds a number, each cell wrapped on
 * the lines below within its column. Rebuilt as one tab-separated line per row (the form the task-table reader
 * knows), kept at its first line's number. Columns are cut at the gap that every line leaves blank between two
 * column names (a name is centred in its cell, the cells' text starts at its left edge).
 */
import type { FlowLine } from "./page-furniture";
import { classifyColumn } from "./tables";

interface Piece {
  start: number;
  end: number;
  text: string;
}

/** The pieces of a line separated by two spaces or more, with their columns. */
function pieces(raw: string): Piece[] {
  const out: Piece[] = [];
  const re = /\S+(?: \S+)*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw)) !== null) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** A row's first line: its "TT" cell holds a number, a roman numeral or a capital letter ("A", "I"). */
const ROW_START = /^\s{0,8}(?:\d{1,3}|[IVX]{1,5}|[A-ZĐ])[.)]?\s{2,}\S/u;
const BLOCK_END = /^\s*(?:Nơi\s+nhận|(?:PHẦN|Phần)\s|[IVX]{1,5}\s*[-.):–]\s|\d{1,2}\s*[-.)]\s+\p{Lu}\p{Ll})/u;

/** Where to cut between each pair of columns: the widest run blank on every line, between the two names. */
function cuts(header: Piece[], lines: string[]): number[] {
  const width = Math.max(...lines.map((l) => l.length));
  const used = Array.from(
    { length: width + 1 },
    (_, x) => lines.filter((l) => x < l.length && l[x] !== " ").length,
  );
  const out: number[] = [];
  for (let c = 0; c + 1 < header.length; c++) {
    const from = header[c].end;
    const to = header[c + 1].start;
    let cut = from;
    let widest = 0;
    for (let x = from; x < to; x++) {
      let run = 0;
      while (x + run < to && used[x + run] === 0) run++;
      if (run > widest) [cut, widest] = [x + run, run];
      x += run;
    }
    // No column of blanks (a cell's text touches the next one): the least crowded position.
    if (widest === 0) for (let x = from; x < to; x++) if (used[x] < used[cut]) cut = x;
    out.push(cut);
  }
  return out;
}

function cellsOf(raw: string, cutAt: number[]): string[] {
  const bounds = [0, ...cutAt, Infinity];
  return bounds.slice(0, -1).map((from, c) => raw.slice(from, bounds[c + 1]).trim());
}

/** Join a cell's wrapped lines: "25-05-" + "2023" stays a date, words get a space. */
function joinCell(parts: string[]): string {
  return parts
    .filter((p) => p !== "")
    .reduce(
      (acc, p) => (acc === "" ? p : /[-/]$/u.test(acc) && /^\d/u.test(p) ? acc + p : `${acc} ${p}`),
      "",
    );
}

function tableAt(lines: FlowLine[], i: number): { rows: FlowLine[]; end: number } | null {
  const raw = lines[i].raw;
  if (raw.includes("\t") || /^\s*\|/u.test(raw)) return null;
  const header = pieces(raw);
  if (header.length < 3 || classifyColumn(header[0].text) !== "ref") return null;
  // Names wrapped in their cells ("Thời" / "gian" / "hoàn thành") come on the lines before the first row.
  let j = i + 1;
  while (j < lines.length && j < i + 6 && lines[j].raw.trim() !== "" && !ROW_START.test(lines[j].raw)) j++;
  if (j >= lines.length || !ROW_START.test(lines[j].raw)) return null;
  let end = j;
  while (end < lines.length && lines[end].raw.trim() !== "" && !lines[end].raw.includes("\t")) {
    if (end > j && BLOCK_END.test(lines[end].raw) && !ROW_START.test(lines[end].raw)) break;
    end++;
  }
  // A table that runs over a page repeats its header there (its wrapped names too), a little off the first
  // page's columns: each page's part is cut by its own header, and the repeated header lines are not rows.
  const headerLines = lines.slice(i, j).map((l) => l.raw);
  const same = (a: string, b: string) => a.trim().replace(/\s+/gu, " ") === b.trim().replace(/\s+/gu, " ");
  const parts: { header: string; rows: FlowLine[] }[] = [{ header: raw, rows: [] }];
  let repeatedNames = 0;
  for (let k = j; k < end; k++) {
    const line = lines[k];
    if (same(line.raw, raw)) {
      parts.push({ header: line.raw, rows: [] });
      repeatedNames = headerLines.length - 1;
    } else if (repeatedNames > 0 && headerLines.slice(1).some((h) => same(h, line.raw))) repeatedNames--;
    else parts[parts.length - 1].rows.push(line);
  }
  const firstCuts = cuts(header, [...headerLines, ...parts[0].rows.map((r) => r.raw)]);
  const names = header.map((_, c) => joinCell(headerLines.map((l) => cellsOf(l, firstCuts)[c])));
  const columns = names.map(classifyColumn);
  if (!columns.includes("text") || !(columns.includes("units") || columns.includes("deadline"))) return null;

  const rows: FlowLine[] = [{ no: lines[i].no, raw: names.join("\t") }];
  let current: { no: number; cells: string[][] } | null = null;
  const flush = () => {
    if (current) rows.push({ no: current.no, raw: current.cells.map(joinCell).join("\t") });
  };
  for (const part of parts) {
    const cutAt =
      part === parts[0]
        ? firstCuts
        : cuts(pieces(part.header), [part.header, ...part.rows.map((r) => r.raw)]);
    for (const line of part.rows) {
      const cells = cellsOf(line.raw, cutAt);
      if (cells[0] !== "" || current === null) {
        flush();
        current = { no: line.no, cells: cells.map((c) => [c]) };
      } else cells.forEach((c, n) => current!.cells[n].push(c));
    }
  }
  flush();
  return { rows, end };
}

export function layoutTablesToRows(lines: FlowLine[]): FlowLine[] {
  const out: FlowLine[] = [];
  for (let i = 0; i < lines.length;) {
    const table = tableAt(lines, i);
    if (table) {
      out.push(...table.rows);
      i = table.end;
    } else out.push(lines[i++]);
  }
  return out;
}
