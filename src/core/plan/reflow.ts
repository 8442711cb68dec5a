/**
 * Hard-wrapped text back into paragraphs: a plan copied from a PDF, an e-mail or a fixed-width export breaks its
 * sentences at 50–100 columns, and a deadline cue ("trước ngày") may end one line and its date start the next.
 * A line joins the one above when it continues it: it starts in lower case after a line that ends mid-sentence,
 * or the line above is full (as wide as the wrapped lines around it) and does not end a sentence, and the line
 * itself starts nothing of its own (an item marker, a heading, "Nơi nhận", a table row …). The joined line keeps
 * the number of its first line. Text written one paragraph a line has no run of equally full lines, and so is left
 * as it is.
 */
import { parseMarker } from "./items";
import type { FlowLine } from "./page-furniture";

/** Words a sentence never ends on. */
const NO_END =
  /(?:^|\s)(?:ngày|tháng|trước|chậm nhất(?: là)?|hạn|số|về|của|và|các|những|tại|cho|với|đến|từ|theo|là|gửi|nộp|báo cáo)$/iu;

/** Lines that start something of their own, whatever precedes them. */
const STARTS_BLOCK =
  /^(?:(?:PHẦN|Phần)\s+(?:thứ\s+)?\S+|[IVX]{1,5}\s*[-.):–]\s|Nơi\s+nhận|(?:T\.?\s?M|T\/M|K\.?\s?T|K\/T|T\.?\s?L|T\/L|TUQ)\s*[.:]?\s+\p{Lu}|(?:PHỤ LỤC|Phụ lục)(?:$|\s)|Căn cứ\s|Thực hiện\s|Thời (?:gian|hạn)\b|Số\s*:|KẾ HOẠCH|\(?(?:Kèm theo|Ghi chú))/u;

/** A heading or a header line in capitals (two words at least: "UBND", "IV/2024." alone continue a sentence). */
function isUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  const words = text.split(/\s+/u).filter((w) => /\p{L}{2}/u.test(w));
  return words.length >= 2 && letters === letters.toLocaleUpperCase("vi");
}

const isTableRow = (raw: string) =>
  raw.includes("\t") || /^\s*\|/u.test(raw) || /\S {3,}\S/u.test(raw.trim());
const indent = (raw: string) => /^ */u.exec(raw)![0].length;
/** Where the line ends on the page (its indentation counted). */
const edge = (raw: string) => raw.trimEnd().length;

/**
 * The width the text around line `i` is wrapped at, or 0 when it is not wrapped there: the widest line of the
 * window (the second widest, so one stray line does not decide) with at least three lines close to it, and no
 * wider than a page of text in characters. Computed only for the lines a join is weighed at.
 */
function wrapWidths(lines: FlowLine[]): (i: number) => number {
  const edges = lines.map((l) => (l.raw.trim() === "" || isTableRow(l.raw) ? 0 : edge(l.raw)));
  const memo = new Map<number, number>();
  return (i) => {
    const known = memo.get(i);
    if (known !== undefined) return known;
    let first = 0;
    let second = 0;
    let count = 0;
    const from = Math.max(0, i - 25);
    const to = Math.min(edges.length, i + 26);
    for (let k = from; k < to; k++) {
      const e = edges[k];
      if (e === 0) continue;
      count++;
      if (e > first) [first, second] = [e, first];
      else if (e > second) second = e;
    }
    let width = count >= 4 && second >= 35 && second <= 140 ? second : 0;
    if (width > 0) {
      let full = 0;
      for (let k = from; k < to; k++) if (edges[k] >= 0.85 * width && edges[k] <= width * 1.05) full++;
      if (full < 3) width = 0;
    }
    memo.set(i, width);
    return width;
  };
}

/** The line begins a block of its own: a marker, a heading, a table row … */
function startsBlock(text: string, raw: string): boolean {
  if (isTableRow(raw) || STARTS_BLOCK.test(text)) return true;
  if (isUpper(text)) return true;
  const marker = parseMarker(text);
  if (!marker) return false;
  // "12-KH/HU", "15/10/2022", "2.000 người": a number, not a marker, when nothing follows the sign.
  if (/^\d{1,3}[-./–]\S/u.test(text)) return false;
  return true;
}

export function reflow(lines: FlowLine[], from = 0): FlowLine[] {
  const widths = wrapWidths(lines);
  const out: (FlowLine & { last: string; lastIndex: number })[] = [];
  lines.forEach((line, i) => {
    const prev = out[out.length - 1];
    const text = line.raw.trim();
    if (prev && i > from && text !== "" && joins(prev.last, text, line.raw, () => widths(prev.lastIndex))) {
      prev.raw = `${prev.raw.trimEnd()} ${text}`;
      prev.last = line.raw;
      prev.lastIndex = i;
      return;
    }
    out.push({ ...line, last: line.raw, lastIndex: i });
  });
  return out.map(({ no, raw }) => ({ no, raw }));
}

function joins(aboveRaw: string, text: string, raw: string, widthAt: () => number): boolean {
  const above = aboveRaw.trim();
  if (above === "" || (/[.!?;:]["”)]?$/u.test(above) && !above.endsWith(":") && !above.endsWith(";")))
    return false;
  if (isTableRow(aboveRaw) || isUpper(above)) return false;
  // "hạn nộp hồ sơ:" / "18/11/2023.": a date alone on the line after the cue that asks for it.
  if (
    above.endsWith(":") &&
    /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\.?$/u.test(text) &&
    indent(raw) <= indent(aboveRaw) + 2
  )
    return true;
  if (/(?:[.!?]|\.\/\.|:)["”)]?$/u.test(above)) return false;
  // Inside an open parenthesis, or after "số", nothing starts: "(Trung tâm …, Phòng Công chứng số" / "1) …".
  const open = (above.match(/\(/gu) ?? []).length > (above.match(/\)/gu) ?? []).length;
  if ((open || /(?:^|\s)số$/u.test(above)) && !isTableRow(raw) && !isUpper(text)) return true;
  // A sentence does not end on "ngày", "trước", "của", "và" …: "… trước ngày" / "05/9/2023." reads on.
  if (NO_END.test(above) && !startsBlock(text, raw)) return true;
  if (startsBlock(text, raw)) return false;
  const lower = /^\p{Ll}/u.test(text);
  // A new paragraph's first line is indented more than the line above (text laid out by pdftotext -layout).
  if (!lower && indent(raw) >= indent(aboveRaw) + 3) return false;
  if (lower && !above.endsWith(";")) return true;
  // Full: as wide as the wrapped lines around it, or the next line's first word would not have fitted on it.
  const width = widthAt();
  const firstWord = (text.split(/\s/u)[0] ?? "").length;
  return width > 0 && (edge(aboveRaw) >= 0.85 * width || edge(aboveRaw) + 1 + firstWord > width);
}
