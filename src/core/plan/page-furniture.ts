/**
 * What a page adds to text copied from a PDF or printed copy, and is not the plan: page breaks (form feeds),
 * page numbers ("2", "- 3 -", "Trang 4/6") and a running header or footer repeated at each break
 * ("Kế hoạch số 45-KH/ĐU ngày 10/4/2024"). They are taken out so that a paragraph cut by a page reads on.
 */

export interface FlowLine {
  /** 1-based line of the input. */
  no: number;
  raw: string;
}

/** "2", "- 3 -", "– 12 –", "Trang 4", "Trang 4/6", "4/6" alone on a line. */
const PAGE_NUMBER = /^\s*(?:[-–—]\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*[-–—])?\s*$/iu;
/** Forms that can only be a page number ("- 3 -", "Trang 4"), not a number in a table. */
const PAGE_NUMBER_MARKED = /^\s*(?:[-–—]\s*\d{1,3}\s*[-–—]|trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?)\s*$/iu;
const BARE_NUMBER = /^\s*\d{1,3}\s*$/u;

const blank = (l: FlowLine) => l.raw.trim() === "";

export function dropPageFurniture(input: FlowLine[]): FlowLine[] {
  const breaks = new Set<number>();
  const lines = input.map((l, i) => {
    if (!l.raw.includes("\f")) return l;
    breaks.add(i);
    return { no: l.no, raw: l.raw.replace(/\f/gu, "") };
  });
  const nonEmpty = (from: number, step: 1 | -1): number => {
    for (let k = from; k >= 0 && k < lines.length; k += step) if (!blank(lines[k])) return k;
    return -1;
  };
  const nearBreak = (i: number) => {
    for (const b of breaks) {
      // The first or last lines of a page (blank lines not counted).
      const after = b <= i && lines.slice(b, i).filter((l) => !blank(l)).length <= 1;
      const before = i < b && lines.slice(i + 1, b).filter((l) => !blank(l)).length <= 1;
      if (after || before) return true;
    }
    return false;
  };
  const drop = new Set<number>();
  lines.forEach((l, i) => {
    if (!PAGE_NUMBER.test(l.raw)) return;
    if (PAGE_NUMBER_MARKED.test(l.raw) || nearBreak(i)) {
      drop.add(i);
      return;
    }
    // A bare number between lines of text, not one of a column of numbers (a table's "TT" cells).
    if (!BARE_NUMBER.test(l.raw) || Number(l.raw) < 2) return;
    const prev = nonEmpty(i - 1, -1);
    const next = nonEmpty(i + 1, 1);
    const isNumber = (k: number) => k >= 0 && BARE_NUMBER.test(lines[k].raw);
    if (prev >= 0 && next >= 0 && !isNumber(prev) && !isNumber(next)) drop.add(i);
  });

  // A line beside two or more of those breaks, the same each time (its digits aside), is a running header/footer.
  const seams = [...drop, ...breaks];
  const beside = new Map<string, number[]>();
  for (const s of seams) {
    for (const k of [nonEmpty(s - 1, -1), nonEmpty(drop.has(s) ? s + 1 : s, 1)]) {
      if (k < 0 || drop.has(k) || lines[k].raw.trim().length > 120) continue;
      const key = lines[k].raw.trim().replace(/\d+/gu, "#");
      const list = beside.get(key) ?? [];
      if (!list.includes(k)) list.push(k);
      beside.set(key, list);
    }
  }
  for (const list of beside.values()) if (list.length >= 2) for (const k of list) drop.add(k);

  // Blank lines at a seam go too: the paragraph it cut continues on the next page.
  for (const s of [...drop, ...breaks]) {
    for (let k = s - 1; k >= 0 && (blank(lines[k]) || drop.has(k)); k--) if (blank(lines[k])) drop.add(k);
    if (!drop.has(s)) continue;
    for (let k = s + 1; k < lines.length && (blank(lines[k]) || drop.has(k)); k++)
      if (blank(lines[k])) drop.add(k);
  }
  return lines.filter((_, i) => !drop.has(i));
}
