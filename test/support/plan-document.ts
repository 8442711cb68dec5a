/**
 * A plan fixture's clean text as the real document it stands for: the layout of an official plan (header as a
 * borderless two-cell table — left: superior body / issuer / "*" or rule / number; right: motto / place and
 * date —, the kind and subject, body paragraphs, task tables as grid tables, the closing as a two-cell table,
 * appendices), rendered as a .docx (the `docx` package, A4, Times New Roman 14 pt, page numbers from page 2)
 * and as the HTML a web page of it would carry. The degradation harness (test/support/plan-variants.ts) turns
 * these into text the way offices flatten them (PDF → pdftotext, browser copy, hard wraps …).
 *
 * This decides layout only, with simple rules of its own (not the reader's), so a reader mistake cannot hide
 * itself by shaping the document it is tested on.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ITableCellBorders,
} from "docx";

export interface Line {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  | { type: "paragraph"; text: string; role: "kind" | "title" | "heading" | "body" }
  /** A grid table (task list, report form): rows → cells → the cell's paragraphs. */
  | { type: "table"; rows: string[][][] }
  /** A borderless two-cell block (the closing: "Nơi nhận" left, signature right). */
  | { type: "columns"; left: Line[]; right: Line[] };

export interface PlanLayout {
  /** The header's two cells; empty when the text has no header. */
  header: { left: Line[]; right: Line[] };
  blocks: Block[];
}

const KIND_LINE =
  /^(?:KẾ HOẠCH|HƯỚNG DẪN|THÔNG BÁO|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|QUYẾT ĐỊNH|CÔNG VĂN|BÁO CÁO|PHƯƠNG ÁN|ĐỀ ÁN)(?:$|\s+\S)/u;
const MOTTO =
  /^(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|ĐOÀN TNCS|ĐOÀN THANH NIÊN CỘNG SẢN)/u;
const MOTTO_LINE = /^Độc lập\s*-\s*Tự do/u;
const PLACE_DATE = /^[\p{Lu}][\p{L} .'-]{1,40},\s*ngày\b/u;
const RECIPIENTS = /^Nơi\s+nhận/u;
const AUTHORITY = /^(?:T\.?\s?M|T\/M|K\.?\s?T|K\/T|T\.?\s?L|T\/L|TUQ)\s*[.:]?\s+\p{Lu}/u;
const APPENDIX = /^(?:PHỤ LỤC|Phụ lục)(?:$|[\s.:–-])/u;
const ROMAN = /^(?:PHẦN\s+|Phần\s+)?[IVX]{1,5}\s*[-.):–]\s*\S/u;

/** Markdown emphasis, heading marks and escapes off; the text a reader of the document sees. */
function plain(text: string): { text: string; bold: boolean; italic: boolean } {
  let s = text.trim();
  const bold = /\*\*[^*]+\*\*/u.test(s) || /^#+\s/u.test(s);
  s = s.replace(/^#{1,6}\s+/u, "").replace(/\*\*|__/gu, "");
  const italic = /^\*[^*].*\*$/u.test(s) || /^_[^_].*_$/u.test(s);
  s = s.replace(/(^|[\s(])\*(?!\s)([^*\n]*[^*\s])\*(?=$|[\s,.;:)])/gu, "$1$2");
  s = s.replace(/(^|[\s(])_(?!\s)([^_\n]*[^_\s])_(?=$|[\s,.;:)])/gu, "$1$2");
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!|>])/gu, "$1");
  return {
    text: s
      .replace(/[\u00a0]/gu, " ")
      .replace(/\s+/gu, " ")
      .trim(),
    bold,
    italic,
  };
}

function mdCells(line: string): string[] | null {
  const t = line.trim();
  if (!/^\|.*\|$/u.test(t)) return null;
  return t
    .slice(1, -1)
    .split("|")
    .map((c) => c.trim());
}

const isMdSeparator = (cells: string[]) => cells.every((c) => /^:?-{2,}:?$|^$/u.test(c));

function cellLines(cell: string): Line[] {
  return cell
    .split(/<br\s*\/?>/iu)
    .map((part) => plain(part))
    .filter((p) => p.text !== "")
    .map((p) => ({ text: p.text, bold: p.bold, italic: p.italic }));
}

/** Which header cell a lone header line belongs to. */
function headerSide(text: string): "left" | "right" {
  if (MOTTO.test(text) || MOTTO_LINE.test(text) || PLACE_DATE.test(text)) return "right";
  return "left";
}

/** A line's cells: split at tabs; a line without tabs at long runs of spaces (a blank "Số:    /KH" stays whole). */
function tabCells(line: string): string[] {
  return line.split(line.includes("\t") ? /\t+/u : / {5,}/u).map((c) => c.trim());
}

/** The layout of a plan's clean text (.txt or .md fixture). */
export function planLayout(source: string): PlanLayout {
  const lines = source.normalize("NFC").replace(/\r\n?/gu, "\n").split("\n");
  const kindAt = lines.findIndex((l, i) => i < 40 && KIND_LINE.test(plain(l).text));
  const header = { left: [] as Line[], right: [] as Line[] };
  if (kindAt > 0) {
    for (const raw of lines.slice(0, kindAt)) {
      const md = mdCells(raw);
      if (md) {
        if (isMdSeparator(md)) continue;
        md.forEach((cell, c) => (c === 0 ? header.left : header.right).push(...cellLines(cell)));
        continue;
      }
      const rightOnly = /^\s*\t|^ {5,}/u.test(raw);
      const cells = tabCells(raw).filter((c) => c !== "");
      if (cells.length === 0) continue;
      const lineOf = (c: string): Line => {
        const p = plain(c);
        return { text: p.text, bold: p.bold, italic: p.italic };
      };
      if (cells.length >= 2) {
        header.left.push(lineOf(cells[0]));
        for (const c of cells.slice(1)) header.right.push(lineOf(c));
      } else {
        const line = lineOf(cells[0]);
        // "ĐOÀN TNCS HỒ CHÍ MINH" a second time, alone: the issuer's name on the left ("BAN CHẤP HÀNH TRUNG ƯƠNG" above).
        const again = MOTTO.test(line.text) && header.right.some((r) => r.text === line.text);
        const right = rightOnly || (!again && headerSide(line.text) === "right");
        if (line.text !== "") (right ? header.right : header.left).push(line);
      }
    }
    // "Bắc" / "Kạn, ngày …": a place's first word broken off above the place and date belongs beside it.
    for (let i = 0; i < header.left.length; i++) {
      if (/^\p{Lu}\p{Ll}*(?:\s(?:\p{Lu}\p{Ll}*|phố|xã|trấn)){0,3}$/u.test(header.left[i].text)) {
        const next = header.right.findIndex((l) => PLACE_DATE.test(l.text.replace(/^\p{Ll}/u, "X")));
        if (next >= 0) header.right.splice(next, 0, ...header.left.splice(i, 1));
      }
    }
  }
  for (const l of [...header.left, ...header.right]) {
    if (MOTTO.test(l.text)) l.bold = true;
    if (PLACE_DATE.test(l.text)) l.italic = true;
  }
  // The issuer (the last upper-case body line of the left cell) is bold, as in real headers.
  const bodies = header.left.filter(
    (l) => l.text === l.text.toLocaleUpperCase("vi") && /\p{L}{2}/u.test(l.text),
  );
  const issuerLine = bodies[bodies.length - 1];
  if (issuerLine && !/^SỐ\b/u.test(issuerLine.text)) issuerLine.bold = true;

  const body = kindAt >= 0 ? lines.slice(kindAt) : lines;
  const appendixAt = (() => {
    let closed = false;
    for (let i = 0; i < body.length; i++) {
      const t = plain(mdCells(body[i])?.join(" ") ?? body[i]).text;
      if (RECIPIENTS.test(t) || AUTHORITY.test(tabCells(t)[0] ?? "")) closed = true;
      else if (closed && APPENDIX.test(t)) return i;
    }
    return body.length;
  })();
  const main = body.slice(0, appendixAt);
  let closingAt = -1;
  for (let i = main.length - 1; i >= 0; i--) {
    const first = plain(mdCells(main[i])?.[0] ?? tabCells(main[i])[0] ?? "").text;
    if (RECIPIENTS.test(first)) {
      closingAt = i;
      break;
    }
  }
  for (let i = main.length - 1; i >= Math.max(0, main.length - 30); i--) {
    const segs = mdCells(main[i]) ?? tabCells(main[i]);
    if (segs.some((s) => AUTHORITY.test(plain(s).text))) {
      if (closingAt < 0 || (i < closingAt && closingAt - i <= 8)) closingAt = i;
      break;
    }
  }
  const blocks: Block[] = [];
  const bodyLines = closingAt >= 0 ? main.slice(0, closingAt) : main;
  blocks.push(...bodyBlocks(bodyLines, kindAt >= 0));
  if (closingAt >= 0) blocks.push(closingBlock(main.slice(closingAt)));
  blocks.push(...bodyBlocks(body.slice(appendixAt), false));
  return { header, blocks };
}

function closingBlock(lines: string[]): Block {
  const left: Line[] = [];
  const right: Line[] = [];
  for (const raw of lines) {
    const md = mdCells(raw);
    if (md) {
      if (isMdSeparator(md)) continue;
      md.forEach((cell, c) => (c === 0 ? left : right).push(...cellLines(cell)));
      continue;
    }
    const leading = /^\s*\t/u.test(raw);
    const cells = tabCells(raw).filter((c) => c !== "");
    if (cells.length === 0) continue;
    const items = cells.map((c) => plain(c));
    if (items.length >= 2) {
      left.push({ text: items[0].text, italic: RECIPIENTS.test(items[0].text) });
      for (const it of items.slice(1)) right.push({ text: it.text, bold: it.bold });
      continue;
    }
    const it = items[0];
    const toLeft = !leading && (RECIPIENTS.test(it.text) || /^[-–+•]\s*/u.test(it.text));
    if (toLeft)
      left.push({ text: it.text, italic: RECIPIENTS.test(it.text), bold: RECIPIENTS.test(it.text) });
    else right.push({ text: it.text, bold: it.text === it.text.toLocaleUpperCase("vi") });
  }
  return { type: "columns", left, right };
}

const MARKER = /^\s*(?:\d{1,3}(?:\.\d{1,3})*\s*[-.):/]|[a-zđ]\s*[).]|[-–+•*]|[IVX]{1,5}\s*[-.):–])\s*\S/u;

/**
 * A fixture copied hard-wrapped (a PDF copy, an e-mail) is still made of paragraphs: a line continues the one
 * above when it starts in lower case, or when the line above is wrapped (60–100 columns, no closing punctuation).
 */
function paragraphs(lines: string[]): string[] {
  const out: string[] = [];
  let lastLength = 0;
  for (const line of lines) {
    const prev = out[out.length - 1];
    const text = line.trim();
    const joinable =
      prev !== undefined &&
      prev.trim() !== "" &&
      text !== "" &&
      !line.includes("\t") &&
      !prev.includes("\t") &&
      !/^\s*\|/u.test(line) &&
      !MARKER.test(text) &&
      !/[.:;!?]$/u.test(prev.trim()) &&
      !/^(?:Căn cứ|Thực hiện|Để|Nhằm|Nơi nhận)\b/u.test(text) &&
      text !== text.toLocaleUpperCase("vi") &&
      (/^\p{Ll}/u.test(text) || (lastLength >= 60 && lastLength <= 100));
    if (joinable) out[out.length - 1] = `${prev.trimEnd()} ${text}`;
    else out.push(line);
    lastLength = text.length;
  }
  return out;
}

function bodyBlocks(source: string[], startsWithKind: boolean): Block[] {
  const lines = paragraphs(source);
  const blocks: Block[] = [];
  let titleDone = !startsWithKind;
  let kindDone = !startsWithKind;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const md = mdCells(raw);
    if (md) {
      const rows: string[][][] = [];
      let j = i;
      for (; j < lines.length; j++) {
        const cells = mdCells(lines[j]);
        if (!cells) break;
        if (isMdSeparator(cells)) continue;
        rows.push(cells.map((c) => cellLines(c).map((l) => l.text)));
      }
      if (
        rows.length > 0 &&
        rows[0].length === 2 &&
        rows.some((r) => r.some((c) => c.some((t) => RECIPIENTS.test(t))))
      )
        blocks.push(closingBlock(lines.slice(i, j)));
      else blocks.push({ type: "table", rows });
      i = j - 1;
      continue;
    }
    if (raw.includes("\t") && tabCells(raw).filter((c) => c !== "").length >= 3) {
      const rows: string[][][] = [];
      let j = i;
      for (; j < lines.length && lines[j].includes("\t"); j++)
        rows.push(lines[j].split("\t").map((c) => (plain(c).text === "" ? [] : [plain(c).text])));
      if (rows.length >= 2) {
        const width = Math.max(...rows.map((r) => r.length));
        for (const r of rows) while (r.length < width) r.push([]);
        blocks.push({ type: "table", rows });
        i = j - 1;
        continue;
      }
    }
    const p = plain(raw.replace(/\t+/gu, " "));
    if (p.text === "") continue;
    if (!kindDone) {
      blocks.push({ type: "paragraph", text: p.text, role: "kind" });
      kindDone = true;
      continue;
    }
    if (!titleDone) {
      blocks.push({ type: "paragraph", text: p.text, role: "title" });
      titleDone = true;
      continue;
    }
    const heading = ROMAN.test(p.text) || APPENDIX.test(p.text) || (p.bold && p.text.length < 120);
    blocks.push({ type: "paragraph", text: p.text, role: heading ? "heading" : "body" });
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// .docx

const TWIP_PER_MM = 1440 / 25.4;
const mm = (v: number): number => Math.ceil(v * TWIP_PER_MM);
const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
};
const CONTENT = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const FONT = "Times New Roman";
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS: ITableCellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const GRID: ITableCellBorders = { top: THIN, bottom: THIN, left: THIN, right: THIN };

function run(text: string, size: number, o: { bold?: boolean; italic?: boolean } = {}): TextRun {
  return new TextRun({ text, font: FONT, size: size * 2, bold: o.bold, italics: o.italic });
}

function centered(lines: Line[], size: number): Paragraph[] {
  if (lines.length === 0) return [new Paragraph("")];
  return lines.map(
    (l) => new Paragraph({ alignment: AlignmentType.CENTER, children: [run(l.text, size, l)] }),
  );
}

function layoutTable(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const lw = Math.round(CONTENT * leftShare);
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS });
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: [lw, CONTENT - lw],
    borders: {
      top: NONE,
      bottom: NONE,
      left: NONE,
      right: NONE,
      insideHorizontal: NONE,
      insideVertical: NONE,
    },
    rows: [new TableRow({ cantSplit: true, children: [cell(left, lw), cell(right, CONTENT - lw)] })],
  });
}

/**
 * Column widths of a task table as a person sets them: every column wide enough for its longest word (so "TT" and
 * a date are never broken), the rest shared by how much text each column holds (the task text gets the most).
 */
function columnWidths(rows: string[][][]): number[] {
  const n = Math.max(...rows.map((r) => r.length));
  const texts = Array.from({ length: n }, (_, c) => rows.map((r) => (r[c] ?? []).join(" ")));
  // Times New Roman 11 pt: about 115 twips a character (digits 110), and the cell's margins.
  const minimum = texts.map(
    (col) => 260 + 115 * Math.max(2, ...col.flatMap((t) => t.split(/\s+/u).map((w) => w.length))),
  );
  const weight = texts.map((col) => Math.max(1, ...col.map((t) => t.length)));
  const spare = Math.max(0, CONTENT - minimum.reduce((a, b) => a + b, 0));
  const total = weight.reduce((a, b) => a + b, 0);
  return minimum.map((m, c) => m + Math.floor((spare * weight[c]) / total));
}

function gridTable(rows: string[][][]): Table {
  const widths = columnWidths(rows);
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: widths.map(
            (w, c) =>
              new TableCell({
                width: { size: w, type: WidthType.DXA },
                borders: GRID,
                children: ((row[c] ?? []).length > 0 ? row[c] : [""]).map(
                  (t) =>
                    new Paragraph({
                      alignment: r === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
                      children: [run(t, 11, { bold: r === 0 })],
                    }),
                ),
              }),
          ),
        }),
    ),
  });
}

function docxBlock(block: Block): (Paragraph | Table)[] {
  if (block.type === "table") return [gridTable(block.rows), new Paragraph("")];
  if (block.type === "columns") {
    const left = block.left.map(
      (l) =>
        new Paragraph({
          children: [run(l.text, RECIPIENTS.test(l.text) ? 12 : 11, { bold: l.bold, italic: l.italic })],
        }),
    );
    const right: Paragraph[] = [];
    block.right.forEach((l, i) => {
      // The signer's name sits a few lines under the title (room for the signature and the seal).
      if (i === block.right.length - 1 && block.right.length > 1)
        for (let k = 0; k < 3; k++) right.push(new Paragraph(""));
      right.push(
        new Paragraph({ alignment: AlignmentType.CENTER, children: [run(l.text, 14, { bold: true })] }),
      );
    });
    return [
      layoutTable(left.length ? left : [new Paragraph("")], right.length ? right : [new Paragraph("")], 0.5),
    ];
  }
  const { text, role } = block;
  if (role === "kind")
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 240 },
        children: [run(text, 16, { bold: true })],
      }),
    ];
  if (role === "title")
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [run(text, 14, { bold: true })],
      }),
    ];
  return [
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      spacing: { after: 120 },
      indent: { firstLine: mm(10) },
      children: [run(text, 14, { bold: role === "heading" })],
    }),
  ];
}

/** The .docx bytes of the plan: A4, the official margins, page numbers centred at the top from page 2. */
export async function planDocx(layout: PlanLayout): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  if (layout.header.left.length + layout.header.right.length > 0)
    children.push(layoutTable(centered(layout.header.left, 13), centered(layout.header.right, 13), 0.42));
  for (const b of layout.blocks) children.push(...docxBlock(b));
  const doc = new Document({
    creator: "plan-document test support",
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: mm(10), footer: mm(10) },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28 })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph("")] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// ---------------------------------------------------------------------------------------------------------
// HTML (a web page of the plan: tables with line breaks inside cells, as plans published on the web are)

function esc(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
}

function htmlLines(lines: Line[]): string {
  return lines
    .map((l) => {
      let t = esc(l.text);
      if (l.bold) t = `<b>${t}</b>`;
      if (l.italic) t = `<i>${t}</i>`;
      return t;
    })
    .join("<br>");
}

export function planHtml(layout: PlanLayout): string {
  const out: string[] = [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch</title></head><body>',
  ];
  if (layout.header.left.length + layout.header.right.length > 0)
    out.push(
      `<table style="width:100%;text-align:center"><tr><td style="width:42%">${htmlLines(layout.header.left)}</td>` +
        `<td>${htmlLines(layout.header.right)}</td></tr></table>`,
    );
  for (const b of layout.blocks) {
    if (b.type === "table") {
      out.push(
        '<table border="1" style="border-collapse:collapse">' +
          b.rows
            .map(
              (r, i) =>
                `<tr>${r.map((c) => `<${i === 0 ? "th" : "td"}>${c.map(esc).join("<br>")}</${i === 0 ? "th" : "td"}>`).join("")}</tr>`,
            )
            .join("") +
          "</table>",
      );
    } else if (b.type === "columns") {
      out.push(
        `<table style="width:100%"><tr><td style="width:50%">${htmlLines(b.left)}</td>` +
          `<td style="text-align:center">${htmlLines(b.right)}</td></tr></table>`,
      );
    } else if (b.role === "kind") out.push(`<p style="text-align:center"><b>${esc(b.text)}</b></p>`);
    else if (b.role === "title") out.push(`<p style="text-align:center"><b>${esc(b.text)}</b></p>`);
    else if (b.role === "heading") out.push(`<p><b>${esc(b.text)}</b></p>`);
    else out.push(`<p style="text-align:justify">${esc(b.text)}</p>`);
  }
  out.push("</body></html>");
  return out.join("\n");
}
