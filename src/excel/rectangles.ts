import type { RangeRef } from "../core/workbook/address";

/**
 * Cover a set of cells with few rectangles: runs of adjacent cells in each row, then runs stacked on the
 * rows below with the same columns merged into one rectangle. Exact (no cell outside the set).
 */
export function coverWithRectangles(cells: ReadonlyArray<{ row: number; column: number }>): RangeRef[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const cols = byRow.get(c.row);
    if (cols) cols.push(c.column);
    else byRow.set(c.row, [c.column]);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const open = new Map<string, RangeRef>();
  const done: RangeRef[] = [];
  let previousRow = -2;
  for (const row of rows) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && c === last[1] + 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, RangeRef>();
    for (const [a, b] of runs) {
      const key = `${a}:${b}`;
      const prev = previousRow === row - 1 ? open.get(key) : undefined;
      if (prev) {
        prev.end.row = row;
        next.set(key, prev);
        open.delete(key);
      } else next.set(key, { start: { row, column: a }, end: { row, column: b } });
    }
    done.push(...open.values());
    open.clear();
    for (const [k, v] of next) open.set(k, v);
    previousRow = row;
  }
  done.push(...open.values());
  return done.sort((x, y) => x.start.row - y.start.row || x.start.column - y.start.column);
}
