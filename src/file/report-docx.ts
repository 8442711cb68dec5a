/**
 * The summary report (ReportDocument) → a .docx in the formal Vietnamese layout (Nghị định 30/2020/NĐ-CP
 * for state bodies, Hướng dẫn 36-HD/VPTW for Party bodies): A4; margins 20 mm top/bottom, 30 mm left,
 * 15 mm right; Times New Roman 14 pt body; borderless header table (issuing body left, Party name or
 * Quốc hiệu/Tiêu ngữ right; names break only between their parts); "Số …"; italic place and date; bold
 * kind and title; sections with their tables (tables of the same columns share one set of widths); "Nơi
 * nhận:" in the style of the document's kind; signature block kept with the last paragraph; page numbers
 * at the top centre from page 2.
 *
 * Browser-safe (no Node built-ins): the task pane's "Xuất Word" uses it too.
 * Content comes from the report model; this file decides only typography and placement.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LeaderType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type ITableCellBorders,
} from "docx";
import type {
  ReportCell,
  ReportCellFormat,
  ReportDocument,
  ReportParagraph,
  ReportTable,
} from "../core/summary/report-model";
import { keepNamePartsTogether } from "../core/text/proper-case";

/** Twentieths of a point per millimetre. */
const TWIP_PER_MM = 1440 / 25.4;
const mm = (v: number): number => Math.ceil(v * TWIP_PER_MM);

export const PAGE = {
  width: 11906, // A4 210 mm
  height: 16838, // A4 297 mm
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
} as const;
const CONTENT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

const FONT = "Times New Roman";
/** Sizes in points per document style. */
const SIZES = {
  party: { motto: 15, parent: 14, issuer: 14, number: 14, date: 14, kind: 16, title: 14, body: 14 },
  state: {
    motto: 12,
    motto2: 13,
    parent: 13,
    issuer: 13,
    number: 14,
    date: 14,
    kind: 14,
    title: 14,
    body: 14,
  },
} as const;
/**
 * "Nơi nhận:" and its list: state documents bold italic 12 pt, list 11 pt (Nghị định 30/2020); Party
 * documents underlined 14 pt, list 12 pt (the common practice under Hướng dẫn 36-HD/VPTW, domain.md).
 */
const RECIPIENTS = {
  state: { heading: { size: 12, bold: true, italics: true }, list: 11 },
  party: { heading: { size: 14, underline: true }, list: 12 },
} as const;

interface RunOpts {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size: number;
}

function run(text: string, o: RunOpts): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: o.size * 2,
    bold: o.bold,
    italics: o.italics,
    underline: o.underline ? {} : undefined,
  });
}

function para(
  text: string,
  o: RunOpts & {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    before?: number;
    after?: number;
    firstLine?: number;
    left?: number;
  },
): Paragraph {
  return new Paragraph({
    children: [run(text, o)],
    alignment: o.align,
    spacing: { before: (o.before ?? 0) * 20, after: (o.after ?? 0) * 20 },
    indent: o.firstLine || o.left ? { firstLine: o.firstLine, left: o.left } : undefined,
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS: ITableCellBorders = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
};
const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const THIN_BORDERS: ITableCellBorders = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/** A borderless two-column table (the header and the closing block). */
function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const leftWidth = Math.round(CONTENT_WIDTH * leftShare);
  const cell = (children: Paragraph[], width: number): TableCell =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, CONTENT_WIDTH - leftWidth],
    borders: {
      top: NO_BORDER,
      bottom: NO_BORDER,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [cell(left, leftWidth), cell(right, CONTENT_WIDTH - leftWidth)],
      }),
    ],
  });
}

function headerBlock(report: ReportDocument): Table {
  const s = report.style === "party" ? SIZES.party : SIZES.state;
  const { header } = report;
  const C = AlignmentType.CENTER;
  const left: Paragraph[] = [];
  // Non-breaking spaces inside each part of a name: the cell breaks "UỶ BAN NHÂN DÂN / XÃ PHÚ LỘC".
  const name = (text: string) => keepNamePartsTogether(text.toLocaleUpperCase("vi"));
  if (header.parentBody) left.push(para(name(header.parentBody), { size: s.parent, align: C }));
  left.push(para(name(header.issuer), { size: s.issuer, bold: true, align: C }));
  left.push(para(report.style === "party" ? "*" : "———", { size: s.issuer, align: C }));
  left.push(para(header.number, { size: s.number, align: C, before: 2 }));

  const right: Paragraph[] = [];
  header.nationalMotto.forEach((line, i) => {
    if (report.style === "party") {
      right.push(para(line.toUpperCase(), { size: s.motto, bold: true, underline: true, align: C }));
    } else if (i === 0) {
      right.push(para(line.toUpperCase(), { size: s.motto, bold: true, align: C }));
    } else {
      right.push(para(line, { size: SIZES.state.motto2, bold: true, underline: true, align: C }));
    }
  });
  const blankBefore = report.style === "party" ? 8 : 10;
  right.push(para(header.placeAndDate, { size: s.date, italics: true, align: C, before: blankBefore }));
  return twoColumns(left, right, report.style === "party" ? 0.45 : 0.38);
}

function titleBlock(report: ReportDocument): Paragraph[] {
  const s = report.style === "party" ? SIZES.party : SIZES.state;
  const out = [
    para(report.kind.toUpperCase(), { size: s.kind, bold: true, align: AlignmentType.CENTER, before: 18 }),
  ];
  for (const line of report.titleLines)
    out.push(para(line, { size: s.title, bold: true, align: AlignmentType.CENTER }));
  out.push(
    para(report.style === "party" ? "-----" : "———", {
      size: s.title,
      align: AlignmentType.CENTER,
      after: 6,
    }),
  );
  return out;
}

/** Vietnamese number text: "1.234.567", "1,5", "66,7%". */
export function formatNumberVi(value: number, format: ReportCellFormat | undefined): string {
  if (format === "percent") {
    const pct = Math.abs(value) <= 1 ? value * 100 : value;
    return `${formatNumberVi(Math.round(pct * 10) / 10, "number")}%`;
  }
  if (format === "date") return excelDateText(value);
  const decimals = format === "integer" || format === "money" ? 0 : 3;
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [intPart, frac = ""] = String(rounded).split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const sign = value < 0 && rounded !== 0 ? "-" : "";
  return `${sign}${grouped}${frac ? `,${frac}` : ""}`;
}

/** Excel serial → "dd/mm/yyyy". */
function excelDateText(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 86400000));
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

export function cellText(cell: ReportCell): string {
  if (cell.value === null) return "";
  if (typeof cell.value === "number") return formatNumberVi(cell.value, cell.format);
  return cell.value;
}

function tableFontSize(columns: number): number {
  if (columns <= 5) return 12;
  if (columns <= 8) return 11;
  return 10;
}

/** Rough Times New Roman advance widths in em: capitals are wide, digits and lower case about half. */
function textEm(text: string, bold = false): number {
  let em = 0;
  for (const ch of text.normalize("NFC")) {
    if (/\p{Lu}/u.test(ch)) em += 0.72;
    else if (/[\d\s.,]/.test(ch)) em += 0.5;
    else em += 0.47;
  }
  return bold ? em * 1.08 : em;
}

/** Twips a text takes on one line at `size` pt. */
const textTwips = (text: string, size: number, bold = false): number => textEm(text, bold) * size * 20;
/** The most of the page's width a column of unit names takes to keep every name on one line. */
const UNIT_COLUMN_SHARE = 0.3;
/** Left + right cell margins (60 + 60) and a little air, twips. */
const CELL_PAD = 200;

/**
 * Column widths in twips. Every column gets at least its longest unbreakable word (a date, a total such as
 * "12.000.000", a heading word), so nothing breaks inside a word; then columns get their full one-line
 * width while it fits, and the longest ones are capped at one common width ("water filling"), so short
 * columns ("Đúng hạn") stay on one line and long text wraps.
 */
export function columnWidths(table: ReportTable, size: number): number[] {
  const words = (t: string): string[] => t.split(/\s+/).filter((w) => w !== "");
  const cells = table.columns.map((_, i) => [
    ...table.rows.map((r) => ({ text: cellText(r[i] ?? { value: null }), bold: r[i]?.bold ?? false })),
    ...(table.totalsRow ? [{ text: cellText(table.totalsRow[i] ?? { value: null }), bold: true }] : []),
  ]);
  const hard = table.columns.map(
    (c, i) =>
      Math.max(
        ...words(c.heading).map((w) => textTwips(w, size, true)),
        ...cells[i].flatMap((x) => words(x.text).map((w) => textTwips(w, size, x.bold))),
        textTwips("00", size),
      ) + CELL_PAD,
  );
  // A heading may wrap, but preferably into three lines at most; a unit's name preferably not at all
  // ("Tổ đảng tổ / 1"), within a share of the page.
  const soft = table.columns.map((c, i) =>
    Math.max(
      hard[i],
      textTwips(c.heading, size, true) / 3 + CELL_PAD,
      c.key === "unit"
        ? Math.min(
            UNIT_COLUMN_SHARE * CONTENT_WIDTH,
            Math.max(...cells[i].map((x) => textTwips(x.text, size, x.bold))) + CELL_PAD,
          )
        : 0,
    ),
  );
  const naturals = cells.map((list, i) =>
    Math.max(soft[i], ...list.map((x) => textTwips(x.text, size, x.bold) + CELL_PAD)),
  );
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  // The soft minimums when they fit; else the unit names' one and the hard ones elsewhere; else the hard ones.
  const unitSoft = table.columns.map((c, i) => (c.key === "unit" ? soft[i] : hard[i]));
  const mins = [soft, unitSoft, hard].find((m) => sum(m) <= CONTENT_WIDTH) ?? hard;
  const minSum = sum(mins);
  if (minSum >= CONTENT_WIDTH) return mins.map((m) => Math.floor((m * CONTENT_WIDTH) / minSum));
  const widthAt = (cap: number): number[] => naturals.map((n, i) => Math.max(mins[i], Math.min(n, cap)));
  let widths: number[];
  if (sum(naturals) <= CONTENT_WIDTH) {
    widths = naturals;
  } else {
    let lo = 0;
    let hi = Math.max(...naturals);
    for (let k = 0; k < 40; k++) {
      const mid = (lo + hi) / 2;
      if (sum(widthAt(mid)) > CONTENT_WIDTH) hi = mid;
      else lo = mid;
    }
    widths = widthAt(lo);
  }
  // Whatever is left goes to the widest (text) columns in proportion, so the table spans the page.
  const spare = CONTENT_WIDTH - sum(widths);
  const total = sum(widths);
  return widths.map((w) => Math.floor(w + (spare * w) / total));
}

/** Tables of the same columns (the task tables of section III) share one set of widths. */
function columnsKey(table: ReportTable): string {
  return table.columns.map((c) => `${c.key}\u0000${c.heading}`).join("\u0001");
}

/**
 * Column widths per set of columns, sized to the content of every table that has them: each task table of
 * section III gets the same widths, fitted to all of their rows.
 */
function sharedWidths(report: ReportDocument): Map<string, number[]> {
  const groups = new Map<string, ReportTable[]>();
  for (const section of report.sections)
    for (const b of section.blocks)
      if (b.type === "table") groups.set(columnsKey(b), [...(groups.get(columnsKey(b)) ?? []), b]);
  const out = new Map<string, number[]>();
  for (const [key, list] of groups) {
    const merged: ReportTable = {
      ...list[0],
      rows: list.flatMap((t) => t.rows),
      totalsRow: list.find((t) => t.totalsRow)?.totalsRow,
    };
    out.set(key, columnWidths(merged, tableFontSize(merged.columns.length)));
  }
  return out;
}

function reportTable(table: ReportTable, widthsByColumns: Map<string, number[]>): (Paragraph | Table)[] {
  const size = tableFontSize(table.columns.length);
  const widths = widthsByColumns.get(columnsKey(table)) ?? columnWidths(table, size);
  const alignOf = (i: number, cell?: ReportCell): (typeof AlignmentType)[keyof typeof AlignmentType] => {
    const a = table.columns[i].align ?? (cell && typeof cell.value === "number" ? "right" : "left");
    return a === "center" ? AlignmentType.CENTER : a === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT;
  };
  const cellOf = (
    text: string,
    i: number,
    o: { bold?: boolean; italics?: boolean; align: (typeof AlignmentType)[keyof typeof AlignmentType] },
  ): TableCell =>
    new TableCell({
      children: [
        new Paragraph({
          children: [run(text, { size, bold: o.bold, italics: o.italics })],
          alignment: o.align,
        }),
      ],
      width: { size: widths[i], type: WidthType.DXA },
      borders: THIN_BORDERS,
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
    });
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      children: table.columns.map((c, i) =>
        cellOf(c.heading, i, { bold: true, align: AlignmentType.CENTER }),
      ),
    }),
    ...table.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: table.columns.map((_, i) => {
            const cell = row[i] ?? { value: null };
            return cellOf(cellText(cell), i, {
              bold: cell.bold,
              italics: cell.italic,
              align: alignOf(i, cell),
            });
          }),
        }),
    ),
  ];
  if (table.totalsRow) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: table.columns.map((_, i) => {
          const cell = table.totalsRow![i] ?? { value: null };
          return cellOf(cellText(cell), i, { bold: true, italics: cell.italic, align: alignOf(i, cell) });
        }),
      }),
    );
  }
  const out: (Paragraph | Table)[] = [];
  if (table.caption)
    out.push(para(table.caption, { size: SIZES.party.body, italics: true, before: 4, after: 2 }));
  out.push(
    new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows }),
    para("", { size: 6 }),
  );
  return out;
}

/** Dotted lines to write on by hand, where the secretary left the prompt in place of her text. */
function writingLines(count: number, keepNext: boolean): Paragraph[] {
  return Array.from(
    { length: count },
    () =>
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH, leader: LeaderType.DOT }],
        children: [new TextRun({ children: [new Tab()] })],
        spacing: { before: 60, after: 60, line: 312 },
        keepNext,
      }),
  );
}

/** `keepNext`: the paragraph stays on the page of what follows (the last one stays with the closing). */
function reportParagraph(p: ReportParagraph, bodySize: number, keepNext = false): Paragraph | Paragraph[] {
  if (p.placeholder) return writingLines(3, keepNext);
  const level = p.level ?? 0;
  return new Paragraph({
    children: [run(p.bullet ? `- ${p.text}` : p.text, { size: bodySize, bold: p.bold, italics: p.italic })],
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 60, after: 60, line: 312 },
    indent: { firstLine: mm(10), left: level > 0 ? mm(5 * level) : undefined },
    ...(keepNext ? { keepNext: true, keepLines: true } : {}),
  });
}

/**
 * The body: opening and sections. Its last paragraph keeps with the closing (Nơi nhận and the signature, a
 * row that cannot split), so no page holds only the closing.
 */
function body(report: ReportDocument): (Paragraph | Table)[] {
  const widths = sharedWidths(report);
  const lastSection = report.sections[report.sections.length - 1];
  const lastBlock = lastSection?.blocks[lastSection.blocks.length - 1];
  const size = (report.style === "party" ? SIZES.party : SIZES.state).body;
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      children: [run(report.opening, { size })],
      alignment: AlignmentType.JUSTIFIED,
      spacing: { before: 120, after: 60, line: 312 },
      indent: { firstLine: mm(10) },
    }),
  ];
  for (const section of report.sections) {
    out.push(
      new Paragraph({
        children: [run(section.heading, { size, bold: true })],
        spacing: { before: 120, after: 60 },
        indent: { firstLine: mm(10) },
        keepNext: true,
      }),
    );
    for (const block of section.blocks) {
      if (block.type === "table") out.push(...reportTable(block, widths));
      else out.push(...[reportParagraph(block, size, block === lastBlock)].flat());
    }
  }
  return out;
}

function closingBlock(report: ReportDocument): Table {
  const C = AlignmentType.CENTER;
  const r = RECIPIENTS[report.style];
  const left: Paragraph[] = [
    para("Nơi nhận:", { ...r.heading, before: 12 }),
    ...report.recipients.map((line) => para(`- ${line}`, { size: r.list })),
  ];
  const { signature } = report;
  const right: Paragraph[] = [];
  if (signature.authority)
    right.push(para(signature.authority.toUpperCase(), { size: 14, bold: true, align: C, before: 12 }));
  if (signature.title) right.push(para(signature.title.toUpperCase(), { size: 14, bold: true, align: C }));
  for (let i = 0; i < 3; i++) right.push(para("", { size: 14, align: C }));
  if (signature.name) right.push(para(signature.name, { size: 14, bold: true, align: C }));
  return twoColumns(left, right, 0.5);
}

/** Build the docx Document (exported for tests that inspect structure). */
export function reportDocument(report: ReportDocument): Document {
  const size = (report.style === "party" ? SIZES.party : SIZES.state).body;
  return new Document({
    creator: "Tổng hợp báo cáo",
    title: [report.kind, ...report.titleLines].join(" "),
    styles: { default: { document: { run: { font: FONT, size: size * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: mm(10), footer: mm(10) },
          },
          // Page numbers at the top centre from page 2 on (Nghị định 30/2020: not on the first page).
          titlePage: true,
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
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [headerBlock(report), ...titleBlock(report), ...body(report), closingBlock(report)],
      },
    ],
  });
}

/** The .docx bytes of the report. Works in Node and in the browser. */
export async function renderReportDocx(report: ReportDocument): Promise<Uint8Array> {
  const buffer = await Packer.toArrayBuffer(reportDocument(report));
  return new Uint8Array(buffer);
}
