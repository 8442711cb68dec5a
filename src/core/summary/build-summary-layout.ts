/**
 * The "Tổng hợp" sheet from the report: formal header, sections with tables, Nơi nhận and signature.
 * Each unit figure is a formula linked to the unit's cell (quoted sheet names, no 3D references) with the
 * core's value cached; totals are formulas over the summary's own column with the core's total cached.
 * Text from units is always a value, never a formula. Section V rows carry a marker code in the hidden
 * column A so the secretary's text is found again on re-run: as text for the report
 * (`extractSecretaryText`), and as the cells exactly as stored for the sheet (`extractSecretaryBlock`),
 * so that a number stays a number, a formula she typed stays a formula and text keeps its bytes.
 */
import type { CellSpec, CellStyle, SheetLayout } from "../workbook/model";
import type { SheetGrid } from "../workbook/grid";
import { adr, columnLetter, sheetRef } from "../workbook/address";
import { GridView } from "../collect/grid-view";
import { displayTimestamp, DIRECTIONS_PROMPT, EXCLUDED_MARK } from "./build-report";
import type {
  ReportCell,
  ReportDocument,
  ReportParagraph,
  ReportTable,
  ReportTotalsCell,
} from "./report-model";

export const SUMMARY_CODES = {
  timestamp: "TONG_HOP_LUC",
  sectionPrefix: "#MUC:",
  directions: "PHUONG_HUONG",
  recipients: "#NOI_NHAN",
  table: "#BANG:",
} as const;

/** One line of section V as stored in the sheet: its cells by 0-based column (≥ 1), nothing for empty ones. */
export type SecretaryLine = Record<number, CellSpec>;

/** Section V of an existing summary sheet: where its heading was and its lines, cells exactly as stored. */
export interface SecretaryBlock {
  /** 0-based row of the section V heading in the sheet it was read from; the lines follow it. */
  headingRow: number;
  lines: SecretaryLine[];
}

export interface SummaryLayoutContext {
  sheetName: string;
  /** Minimum number of input lines offered in section V. */
  directionLines?: number;
  /**
   * Section V's lines as the sheet holds them now (`extractSecretaryBlock(...).lines`): laid out in order,
   * cell by cell, instead of the report's text. Absent: the report's paragraphs (the prompt at first).
   */
  directions?: SecretaryLine[] | null;
}

const FONT = "Times New Roman";

/** Points per line of 13 pt text, and the default row height Excel gives one line. */
const LINE_POINTS = 17;
const ONE_LINE_POINTS = 15;

/**
 * The lines a text takes in a column of `width` characters (Excel's unit: the width of "0" in the default
 * font); Times New Roman 13 pt takes about 1.1 of them per character. Hosts cannot autofit a row to wrapped
 * text written by a program (ExcelJS writes no heights, Office.js's autofit skips merged and wrapped
 * cells), so the layout sets the height itself.
 */
export function wrappedLines(text: string, width: number): number {
  return String(text)
    .split("\n")
    .reduce(
      (n, line) => n + Math.max(1, Math.ceil((Array.from(line).length * 1.1) / Math.max(1, width - 1))),
      0,
    );
}

function heightForLines(lines: number): number | undefined {
  return lines > 1 ? Math.max(ONE_LINE_POINTS, lines * LINE_POINTS + 3) : undefined;
}
const BASE: CellStyle = { fontName: FONT, fontSize: 13 };

const EXCLUDED_TEXT = `"${EXCLUDED_MARK.replace(/"/g, '""')}"`;

/**
 * A unit's figure linked live: empty stays empty; a number the checks call an error (negative, see
 * `figureCounts` in analyse-unit-tab.ts) shows as not counted, so the column's SUM/MAX/COUNT leave it out
 * as the core does; anything else shows as typed. A unit that corrects the figure is counted at once.
 */
export function guardedLink(ref: string): string {
  return `IF(ISNUMBER(${ref}),IF(${ref}>=0,${ref},${EXCLUDED_TEXT}),IF(${ref}="","",${ref}))`;
}

function numberFormat(format: ReportCell["format"]): string | undefined {
  if (format === "integer" || format === "money") return "#,##0";
  if (format === "number") return "#,##0.##";
  if (format === "percent") return "0.0%";
  return undefined;
}

/** The text at the top of every printed page: short (Excel's header parts hold 255 characters). */
function pageHeaderOf(report: ReportDocument): string {
  const text = report.planReference
    ? `Báo cáo kết quả thực hiện ${report.planReference}`
    : (report.titleLines[0] ?? report.kind);
  return Array.from(text).length <= 120 ? text : `${Array.from(text).slice(0, 119).join("")}…`;
}

export function buildSummaryLayout(report: ReportDocument, context: SummaryLayoutContext): SheetLayout {
  const cells: Record<string, CellSpec> = {};
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const inputRanges: string[] = [];
  const tables = report.sections.flatMap((s) => s.blocks.filter((b): b is ReportTable => b.type === "table"));
  const ncols = Math.max(6, ...tables.map((t) => t.columns.length));
  const first = 1; // column B
  const last = first + ncols - 1;
  const half = Math.ceil(ncols / 2);
  const widths: number[] = [4, ...Array.from({ length: ncols }, () => 12)];
  for (const t of tables) {
    t.columns.forEach((c, j) => {
      widths[first + j] = Math.max(widths[first + j], Math.min(c.width ?? 12, 40));
    });
  }
  const totalWidth = widths.slice(first).reduce((a, b) => a + b, 0);
  let row = 0;

  const put = (r: number, c: number, spec: CellSpec) => {
    cells[adr(r, c)] = { ...spec, style: { ...BASE, ...spec.style } };
  };
  const code = (r: number, value: string) => {
    cells[adr(r, 0)] = { value, style: { fontSize: 8, fontColor: "#808080" } };
  };
  const merge = (r: number, from: number, to: number) => {
    if (to > from) merges.push(`${adr(r, from)}:${adr(r, to)}`);
  };
  const line = (text: string, style: CellStyle, from = first, to = last) => {
    put(row, from, { value: text, style: { wrap: true, vAlign: "top", ...style } });
    merge(row, from, to);
    const span = widths.slice(from, to + 1).reduce((a, b) => a + b, 0);
    const height = heightForLines(wrappedLines(text, Math.max(10, span)));
    if (height) rowHeights[row + 1] = height;
    row++;
  };

  /** Two blocks side by side (header; Nơi nhận and signature), one merged half-row per line. */
  const twoColumns = (
    leftLines: [string, CellStyle][],
    rightLines: [string, CellStyle][],
    halves: { left: { from: number; to: number }; right: { from: number; to: number } },
  ) => {
    for (let i = 0; i < Math.max(leftLines.length, rightLines.length); i++) {
      const l = leftLines[i];
      const r = rightLines[i];
      if (l) {
        put(row, halves.left.from, { value: l[0], style: l[1] });
        merge(row, halves.left.from, halves.left.to);
      }
      if (r && r[0]) {
        put(row, halves.right.from, { value: r[0], style: r[1] });
        merge(row, halves.right.from, halves.right.to);
      }
      row++;
    }
  };

  // Header: issuing body left, motto right; number; place and date.
  const left = { from: first, to: first + half - 1 };
  const right = { from: first + half, to: last };
  const h = report.header;
  const leftLines: [string, CellStyle][] = [];
  if (h.parentBody) leftLines.push([h.parentBody.toLocaleUpperCase("vi"), { hAlign: "center" }]);
  leftLines.push([h.issuer.toLocaleUpperCase("vi"), { hAlign: "center", bold: true }]);
  if (report.style === "party") leftLines.push(["*", { hAlign: "center" }]);
  leftLines.push([h.number, { hAlign: "center" }]);
  const rightLines: [string, CellStyle][] = h.nationalMotto.map((m, i) => [
    m,
    {
      hAlign: "center",
      bold: true,
      ...(i === 0 && report.style === "party" ? { underline: true, fontSize: 15 } : {}),
    },
  ]);
  while (rightLines.length < leftLines.length - 1) rightLines.push(["", {}]);
  rightLines.push([h.placeAndDate, { hAlign: "center", italic: true }]);
  twoColumns(leftLines, rightLines, { left, right });
  row++;
  line(report.kind, { bold: true, hAlign: "center", fontSize: 15 });
  for (const t of report.titleLines) line(t, { bold: true, hAlign: "center", fontSize: 14 });
  code(row, SUMMARY_CODES.timestamp);
  line(
    `Tổng hợp lúc ${displayTimestamp(report.generatedAt)} — số liệu liên kết trực tiếp với trang của từng đơn vị.`,
    {
      italic: true,
      hAlign: "center",
      fontSize: 11,
    },
  );
  row++;
  line(report.opening, { hAlign: "left" });

  const paragraph = (p: ReportParagraph) => {
    const text = p.bullet ? `- ${p.text}` : p.text;
    const before = row;
    line(text, { bold: p.bold, italic: p.italic, hAlign: "left" });
    if (p.link) {
      const spec = cells[adr(before, first)];
      spec.link = sheetRef(p.link.sheet, p.link.cell);
      spec.style = { ...spec.style, fontColor: "#0563C1", underline: true };
    }
  };

  const cellSpec = (c: ReportCell, extra: CellStyle): CellSpec => {
    const nf = numberFormat(c.format);
    const style: CellStyle = {
      border: true,
      wrap: true,
      vAlign: "top",
      ...extra,
      ...(nf ? { numberFormat: nf } : {}),
    };
    if (c.bold) style.bold = true;
    if (c.italic) style.italic = true;
    if (c.source) {
      return {
        formula: guardedLink(sheetRef(c.source.sheet, c.source.cell)),
        cachedValue: c.value ?? "",
        style: { hAlign: "right", ...style },
      };
    }
    const spec: CellSpec = {
      value: c.value,
      style: typeof c.value === "number" ? { hAlign: "right", ...style } : style,
    };
    if (c.link) {
      spec.link = sheetRef(c.link.sheet, c.link.cell);
      spec.style = { ...spec.style, fontColor: "#0563C1", underline: true };
    }
    return spec;
  };

  const table = (t: ReportTable) => {
    code(row, `${SUMMARY_CODES.table}${t.key}`);
    t.columns.forEach((c, j) =>
      put(row, first + j, {
        value: c.heading,
        style: { bold: true, border: true, wrap: true, hAlign: "center", vAlign: "middle", fill: "#D9E1F2" },
      }),
    );
    const rowHeight = (texts: string[]) =>
      heightForLines(Math.max(1, ...texts.map((text, j) => wrappedLines(text, widths[first + j] ?? 12))));
    const headingHeight = rowHeight(t.columns.map((c) => c.heading));
    if (headingHeight) rowHeights[row + 1] = headingHeight;
    row++;
    const firstData = row;
    for (const r of t.rows) {
      r.forEach((c, j) => put(row, first + j, cellSpec(c, { hAlign: t.columns[j]?.align })));
      const height = rowHeight(r.map((c) => (typeof c.value === "string" ? c.value : "")));
      if (height) rowHeights[row + 1] = height;
      row++;
    }
    const lastData = row - 1;
    if (t.totalsRow) {
      t.totalsRow.forEach((c, j) => put(row, first + j, totalSpec(c, first + j, firstData, lastData)));
      row++;
    }
  };

  const totalSpec = (c: ReportTotalsCell, column: number, from: number, to: number): CellSpec => {
    const nf = numberFormat(c.format);
    const style: CellStyle = { border: true, bold: true, wrap: true, ...(nf ? { numberFormat: nf } : {}) };
    if (!c.aggregation || c.valueOnly || c.aggregation === "list" || c.aggregation === "yesno" || to < from)
      return { value: c.value, style };
    const range = `${columnLetter(column)}${from + 1}:${columnLetter(column)}${to + 1}`;
    const formula =
      c.aggregation === "sum"
        ? `IF(COUNT(${range})=0,"",SUM(${range}))`
        : c.aggregation === "max"
          ? `IF(COUNT(${range})=0,"",MAX(${range}))`
          : c.aggregation === "average"
            ? `IF(COUNT(${range})=0,"",AVERAGE(${range}))`
            : `SUMPRODUCT(--(LEN(${range})>0),--(${range}<>${EXCLUDED_TEXT}))`;
    return { formula, cachedValue: c.value ?? "", style: { hAlign: "right", ...style } };
  };

  for (const section of report.sections) {
    row++;
    code(row, `${SUMMARY_CODES.sectionPrefix}${section.key}`);
    line(section.heading, { bold: true });
    if (section.editable && context.directions) {
      const carried = context.directions;
      const filled = carried.filter((l) => Object.keys(l).length > 0).length;
      const count = Math.max(carried.length, filled + 2, context.directionLines ?? 5);
      for (let i = 0; i < count; i++) {
        code(row, SUMMARY_CODES.directions);
        inputRanges.push(`${adr(row, first)}:${adr(row, last)}`);
        const l = carried[i] ?? {};
        const columns = Object.keys(l).map(Number);
        const prompt = l[first]?.value === DIRECTIONS_PROMPT;
        for (const c of columns)
          put(row, c, {
            ...l[c],
            style: { wrap: true, vAlign: "top", hAlign: "left", ...(prompt ? { italic: true } : {}) },
          });
        if (columns.length === 0) put(row, first, { value: null, style: { wrap: true } });
        // A line typed across several columns (a row the secretary inserted) is not merged: that would
        // keep only its first cell.
        if (columns.every((c) => c === first)) merge(row, first, last);
        const text = String(l[first]?.value ?? l[first]?.cachedValue ?? "");
        const span = widths.slice(first, last + 1).reduce((a, b) => a + b, 0);
        const height = heightForLines(wrappedLines(text, Math.max(10, span)));
        if (height) rowHeights[row + 1] = height;
        row++;
      }
      continue;
    }
    if (section.editable) {
      const texts = section.blocks.filter((b): b is ReportParagraph => b.type === "paragraph").map((p) => p);
      const count = Math.max(texts.length + 2, context.directionLines ?? 5);
      for (let i = 0; i < count; i++) {
        const p = texts[i];
        code(row, SUMMARY_CODES.directions);
        inputRanges.push(`${adr(row, first)}:${adr(row, last)}`);
        if (p) line(p.text, { italic: p.italic, hAlign: "left" });
        else {
          put(row, first, { value: null, style: { wrap: true } });
          merge(row, first, last);
          row++;
        }
      }
      continue;
    }
    for (const b of section.blocks) {
      if (b.type === "paragraph") paragraph(b);
      else table(b);
    }
  }

  // Nơi nhận (left) and signature (right).
  row++;
  code(row, SUMMARY_CODES.recipients);
  const sig = report.signature;
  const rightBlock: [string, CellStyle][] = [
    ...(sig.authority
      ? [[sig.authority.toLocaleUpperCase("vi"), { bold: true, hAlign: "center" }] as [string, CellStyle]]
      : []),
    ...(sig.title
      ? [[sig.title.toLocaleUpperCase("vi"), { bold: true, hAlign: "center" }] as [string, CellStyle]]
      : []),
    ["", {}],
    ["", {}],
    ["", {}],
    ...(sig.name ? [[sig.name, { bold: true, hAlign: "center" }] as [string, CellStyle]] : []),
  ];
  const leftBlock: [string, CellStyle][] = [
    ["Nơi nhận:", { bold: true, italic: true, fontSize: 12 }],
    ...report.recipients.map((r): [string, CellStyle] => [`- ${r}`, { fontSize: 11 }]),
  ];
  twoColumns(leftBlock, rightBlock, { left, right });

  return {
    key: "summary",
    role: "summary",
    name: context.sheetName,
    cells,
    merges,
    columnWidths: widths.map((w) => Math.min(w, totalWidth)),
    hiddenColumns: [0],
    rowHeights,
    inputRanges,
    validations: [],
    print: {
      paper: "A4",
      orientation: ncols > 6 ? "landscape" : "portrait",
      fitToWidth: true,
      // From column B: the codes of the hidden column A stay off the paper whatever Excel does with it.
      area: `${adr(0, first)}:${adr(row - 1, last)}`,
      pageHeader: pageHeaderOf(report),
      pageNumbers: true,
    },
    protection: { protect: true },
    tabColor: "#C00000",
  };
}

/**
 * Section V as the secretary left it in an existing summary sheet: the text of every row between the
 * section V heading and the Nơi nhận marker (rows the secretary inserted included), in order; null when
 * nothing was typed (only the prompt or blanks) or the sheet is not ours.
 */
export function extractSecretaryText(grid: SheetGrid | null | undefined): string[] | null {
  if (!grid) return null;
  const view = new GridView(grid);
  let start = -1;
  for (let r = view.startRow; r < view.endRow; r++) {
    if (view.text(r, 0) === `${SUMMARY_CODES.sectionPrefix}directions`) {
      start = r;
      break;
    }
  }
  if (start < 0) return null;
  const lines: string[] = [];
  for (let r = start + 1; r < view.endRow; r++) {
    const a = view.text(r, 0);
    if (a.startsWith("#")) break;
    const parts: string[] = [];
    const width = (grid.values[r - grid.origin.row] ?? []).length + grid.origin.column;
    for (let c = 1; c < width; c++) {
      const v = view.value(r, c);
      if (v !== null && String(v).trim() !== "") parts.push(String(v));
    }
    const text = parts.join(" ");
    if (text !== "" && text !== DIRECTIONS_PROMPT) lines.push(text);
  }
  return lines.length ? lines : null;
}

/** A cell as stored: a formula (en-US, without "=") with its value cached, else the literal value. */
function storedCell(grid: SheetGrid, i: number, j: number): CellSpec | null {
  const v = grid.values[i]?.[j];
  const f = grid.formulas[i]?.[j];
  // Text that merely starts with "=" reads back with the same value and formula: that is text.
  if (typeof f === "string" && f.startsWith("=") && f !== v)
    return { formula: f.slice(1), cachedValue: v ?? "" };
  if (v === null || v === undefined || v === "") return null;
  return { value: v };
}

/**
 * Section V of an existing summary sheet, cells exactly as stored (no trimming, no normalisation): every
 * row after the section V heading up to the next "#" marker, without the blank, uncoded rows at its end
 * (the spacing before Nơi nhận). Null when the sheet has no section V heading (not ours, or none yet).
 */
export function extractSecretaryBlock(grid: SheetGrid | null | undefined): SecretaryBlock | null {
  if (!grid) return null;
  const view = new GridView(grid);
  let heading = -1;
  for (let r = view.startRow; r < view.endRow; r++) {
    if (view.text(r, 0) === `${SUMMARY_CODES.sectionPrefix}directions`) {
      heading = r;
      break;
    }
  }
  if (heading < 0) return null;
  const lines: SecretaryLine[] = [];
  let kept = 0;
  for (let r = heading + 1; r < view.endRow; r++) {
    const a = view.text(r, 0);
    if (a.startsWith("#")) break;
    const i = r - grid.origin.row;
    const line: SecretaryLine = {};
    const width = Math.max(grid.values[i]?.length ?? 0, grid.formulas[i]?.length ?? 0);
    for (let j = Math.max(0, 1 - grid.origin.column); j < width; j++) {
      const cell = storedCell(grid, i, j);
      if (cell) line[grid.origin.column + j] = cell;
    }
    lines.push(line);
    if (a === SUMMARY_CODES.directions || Object.keys(line).length > 0) kept = lines.length;
  }
  return { headingRow: heading, lines: lines.slice(0, kept) };
}

/** The link target written for a finding ("'Tổ 1'!D14"). */
export function linkTarget(sheet: string, cell: string): string {
  return sheetRef(sheet, cell);
}
