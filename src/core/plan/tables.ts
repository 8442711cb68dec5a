/** Task tables, markdown (`| TT | Nội dung | Đơn vị thực hiện | … |`) or tab-separated, anywhere in the plan. */
import type { SourceLine } from "./source-lines";
import { foldVietnamese } from "../text/vietnamese";

export type Column = "ref" | "text" | "units" | "partners" | "deadline" | "reportTo" | "other";

export interface TableRow {
  line: number;
  /** Index of the row's line in the plan's lines. */
  index: number;
  cells: Partial<Record<Column, string>>;
}

export interface TaskTable {
  /** Index of the header line, and after the last row. */
  start: number;
  end: number;
  rows: TableRow[];
}

export function classifyColumn(header: string): Column {
  const h = foldVietnamese(header);
  if (h === "") return "other";
  if (/phoi hop/.test(h)) return "partners";
  // "Đơn vị tính" (unit of measure) in a report form is not a unit that does the task.
  if (/don vi tinh|dvt/.test(h)) return "other";
  // "Lãnh đạo Sở phụ trách": the leader who oversees, beside the unit that leads ("Đơn vị chủ trì").
  if (/^lanh dao/.test(h)) return "other";
  if (/^(s\.?tt|tt|so tt|so thu tu|muc)$/.test(h)) return "ref";
  if (/bao cao ve|gui ve|noi nhan|bao cao cho/.test(h)) return "reportTo";
  if (/thoi gian|thoi han|^han|han (nop|hoan thanh|chot)|hoan thanh|tien do|ngay nop/.test(h))
    return "deadline";
  if (/don vi|chu tri|bo phan|phu trach|thuc hien|trach nhiem|nguoi thuc hien|co quan/.test(h))
    return "units";
  if (/noi dung|nhiem vu|cong viec|hoat dong|ten/.test(h)) return "text";
  return "other";
}

function markdownCells(text: string): string[] | null {
  const t = text.trim();
  if (!t.startsWith("|")) return null;
  return t
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.replace(/<br\s*\/?>/giu, "; ").trim());
}

function tabCells(raw: string): string[] | null {
  if (!raw.includes("\t")) return null;
  const cells = raw.split("\t").map((c) => c.trim());
  return cells.filter((c) => c !== "").length >= 2 ? cells : null;
}

/** Task tables between lines `from` and `to` (indexes); a table must have a task column and a unit or date column. */
export function findTaskTables(lines: SourceLine[], from: number, to: number): TaskTable[] {
  const tables: TaskTable[] = [];
  let i = from;
  while (i < to) {
    const md = markdownCells(lines[i].raw);
    const tab = md ? null : tabCells(lines[i].raw);
    const header = md ?? tab;
    if (!header) {
      i++;
      continue;
    }
    const cellsOf = md ? (l: SourceLine) => markdownCells(l.raw) : (l: SourceLine) => tabCells(l.raw);
    const columns = header.map(classifyColumn);
    // A browser's copy breaks a row where a cell has a line break ("…\tPhòng A" / "Trung tâm B\tVăn phòng C\t…"):
    // the pieces of a row short of the header's cells are put back together, the broken cell's lines joined by "; ".
    const pieces: { index: number; cells: string[] }[] = [];
    let j = i + 1;
    for (; j < to; j++) {
      const cells = cellsOf(lines[j]);
      const last = pieces[pieces.length - 1];
      const short = !md && last !== undefined && last.cells.length < header.length;
      const newRow = /^(?:\d{1,3}\.?|[IVX]{1,5}\.?)$/u.test(lines[j].raw.split("\t")[0].trim());
      if (short && lines[j].raw.trim() !== "" && !newRow) {
        const more = lines[j].raw.split("\t").map((c) => c.trim());
        last.cells[last.cells.length - 1] = [last.cells[last.cells.length - 1], more[0]]
          .filter(Boolean)
          .join("; ");
        last.cells.push(...more.slice(1));
        continue;
      }
      if (cells === null) break;
      pieces.push({ index: j, cells: [...cells] });
    }
    const hasTask = columns.includes("text");
    if (hasTask && (columns.includes("units") || columns.includes("deadline"))) {
      const rows: TableRow[] = [];
      for (const { index: k, cells } of pieces) {
        if (cells.every((c) => /^:?-{2,}:?$|^$/.test(c))) continue;
        const row: TableRow = { line: lines[k].no, index: k, cells: {} };
        columns.forEach((col, c) => {
          const value = (cells[c] ?? "").trim();
          if (col !== "other" && value !== "")
            row.cells[col] = row.cells[col] ? `${row.cells[col]}; ${value}` : value;
        });
        rows.push(row);
      }
      tables.push({ start: i, end: j, rows });
    }
    i = j;
  }
  return tables;
}
