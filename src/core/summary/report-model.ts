/**
 * The summary report (báo cáo tổng hợp) as plain structured data. Built once by the core
 * (`buildReport`), rendered by the summary sheet (`buildSummaryLayout`) and by the .docx renderer.
 * No renderer decides content; renderers decide only typography and placement.
 */
import type { DocumentStyle } from "../plan/types";
import type { Aggregation } from "../workbook/indicators";

/** A number cell keeps full precision; `format` tells renderers how to show it. */
export type ReportCellFormat = "integer" | "number" | "money" | "percent" | "text" | "date";

export interface ReportCell {
  /** Text or number; null = empty cell. Text is always text (never a formula) in every renderer. */
  value: string | number | null;
  format?: ReportCellFormat;
  /**
   * Where the figure comes from, inside the workbook: sheet name and A1 address of the unit's cell.
   * The summary sheet writes a formula to it (or a hyperlink for findings); the .docx ignores it.
   */
  source?: { sheet: string; cell: string };
  /** For finding rows: a hyperlink target "'Sheet'!B4" (no formula). */
  link?: { sheet: string; cell: string };
  bold?: boolean;
  italic?: boolean;
}

export interface ReportColumn {
  /** Stable key, e.g. "unit", "deadline", or an indicator code. */
  key: string;
  heading: string;
  /** Width hint in characters. */
  width?: number;
  align?: "left" | "center" | "right";
}

export interface ReportTotalsCell extends ReportCell {
  /** The aggregation that produced a total, when the column is an indicator. */
  aggregation?: Aggregation;
  /** The cells it aggregates (same order as `rows`), so the sheet can write `SUM('A'!D5,'B'!D5)`. */
  sources?: { sheet: string; cell: string }[];
  /**
   * No formula over the column gives this total: a body's rolled-up average, count or yes/no stands for its
   * units below, which the column's cells do not show. The sheet writes the value itself.
   */
  valueOnly?: boolean;
}

export interface ReportTable {
  type: "table";
  /** Stable key inside the section, e.g. "submissions", "figures". */
  key: string;
  caption?: string;
  columns: ReportColumn[];
  /** Each row has one cell per column, in column order. */
  rows: ReportCell[][];
  totalsRow?: ReportTotalsCell[];
}

export interface ReportParagraph {
  type: "paragraph";
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Bulleted item ("- …"). */
  bullet?: boolean;
  /** Indent level, 0 = body. */
  level?: number;
  /**
   * A prompt for the secretary, not report text: the summary sheet shows it where she types; a printed
   * document shows blank dotted lines instead.
   */
  placeholder?: boolean;
  /** Hyperlink inside the workbook for a finding; ignored by the .docx. */
  link?: { sheet: string; cell: string };
}

export type ReportBlock = ReportParagraph | ReportTable;

export type ReportSectionKey = "submission" | "figures" | "tasks" | "issues" | "directions";

export interface ReportSection {
  key: ReportSectionKey | string;
  /** "I. TÌNH HÌNH NỘP BÁO CÁO" */
  heading: string;
  blocks: ReportBlock[];
  /** True for free text the secretary types (section V); kept on re-run. */
  editable?: boolean;
}

export interface ReportHeader {
  /** Body above the issuer ("ĐẢNG ỦY SLĐTBXH SƠN LA"), or null. */
  parentBody: string | null;
  /** Issuing body ("CHI BỘ CƠ SỞ ĐIỀU TRỊ NGHIỆN MA TÚY TỈNH"). */
  issuer: string;
  /** "Số …-BC/CB" (Party) or "Số: …/BC-…" (state); the number is left open ("…") for the secretary. */
  number: string;
  /** "Sơn La, ngày 17 tháng 10 năm 2022". */
  placeAndDate: string;
  /** Party: ["ĐẢNG CỘNG SẢN VIỆT NAM"]; state: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]. */
  nationalMotto: string[];
}

export interface ReportSignature {
  /** "T/M CHI BỘ" */
  authority: string | null;
  /** "BÍ THƯ" */
  title: string | null;
  name: string | null;
}

export interface ReportDocument {
  style: DocumentStyle;
  header: ReportHeader;
  /** "BÁO CÁO" */
  kind: string;
  /** "Kế hoạch số 334-KH/CB ngày 12/10/2022": how the report names the plan (the sheet's page header). */
  planReference?: string;
  /** Title lines under the kind: ["Kết quả thực hiện Kế hoạch số 334-KH/CB ngày 12/10/2022 của …"]. */
  titleLines: string[];
  /** "Thực hiện Kế hoạch số …, … báo cáo kết quả như sau:" */
  opening: string;
  sections: ReportSection[];
  /** "Nơi nhận" lines as printed, without the leading dash: each ends with ";", the last with ".". */
  recipients: string[];
  signature: ReportSignature;
  /** ISO timestamp (+07:00) of the summary. */
  generatedAt: string;
}
