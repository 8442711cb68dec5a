/**
 * The summary report as data (report-model.ts), from the state, the collected submissions, tracking,
 * findings and totals. The summary sheet and the .docx both render this.
 */
import type { WorkbookState } from "../state/types";
import type { Indicator } from "../workbook/indicators";
import type { UnitSubmission } from "../collect/unit-submission";
import type { Finding } from "../collect/finding";
import { sortFindings } from "../collect/finding";
import { formatVietnameseNumber } from "../collect/parse-number";
import type { TrackingResult } from "../tracking/track-units";
import { planReference } from "../tracking/track-units";
import { displayDate, hcmDate, hcmTimestamp } from "../tracking/hcm-time";
import type { IndicatorTotal } from "./aggregate";
import type {
  ReportCell,
  ReportColumn,
  ReportDocument,
  ReportParagraph,
  ReportSection,
  ReportTable,
  ReportTotalsCell,
} from "./report-model";
import { placeAndDate } from "./vietnamese-date";
import { caseKey } from "../text/vietnamese";
import { issuerInText, titleInSentence } from "../text/proper-case";
import { REPORT_TO_SEPARATOR } from "../plan/report-to";

export interface BuildReportInput {
  state: WorkbookState;
  submissions: UnitSubmission[];
  tracking: TrackingResult;
  findings: Finding[];
  totals: Record<string, IndicatorTotal>;
  now: Date;
  /** Section V as the secretary typed it last time (kept on re-run); null = the default prompt. */
  secretaryText?: string[] | null;
}

/**
 * Shown in a unit's figure cell whose value the checks call an error: the figure is in no total. The summary
 * sheet's guarded link shows the same text (build-summary-layout.ts).
 */
export const EXCLUDED_MARK = "(không tính)";

/** Shown in section V until the secretary types there. */
export const DIRECTIONS_PROMPT = "(Nhập phương hướng, đề xuất, kiến nghị tại đây)";

const AUTHORITY_FORMS: { pattern: RegExp; party: string; state: string }[] = [
  { pattern: /^(?:T\.?\s?M|T\/M)\s*[.:]?\s+/iu, party: "T/M", state: "TM." },
  { pattern: /^(?:K\.?\s?T|K\/T)\s*[.:]?\s+/iu, party: "K/T", state: "KT." },
  { pattern: /^(?:TUQ|T\/U)\s*[.:]?\s+/iu, party: "T/U", state: "TUQ." },
  { pattern: /^(?:T\.?\s?L|T\/L)\s*[.:]?\s+/iu, party: "T/L", state: "TL." },
];

/**
 * The signature's authority line in the form of the document's kind: "T/M CHI BỘ" for Party bodies (Hướng
 * dẫn 36-HD/VPTW), "TM. ỦY BAN NHÂN DÂN" for state bodies (Nghị định 30/2020), "KT. CHỦ TỊCH" when a deputy
 * signs for the head — whichever way the plan wrote it. A Party plan without one gets "T/M" and the issuer's
 * kind of body.
 */
export function signatureAuthority(
  authority: string | null,
  style: "party" | "state",
  issuer: string | null,
): string | null {
  if (authority) {
    const form = AUTHORITY_FORMS.find((f) => f.pattern.test(authority));
    return form ? `${form[style]} ${authority.replace(form.pattern, "")}` : authority;
  }
  if (style !== "party") return null;
  const body = (issuer ?? "").toLocaleUpperCase("vi");
  const kind = /^ĐẢNG (?:ỦY|UỶ|BỘ)/u.test(body)
    ? "ĐẢNG ỦY"
    : /^BAN THƯỜNG VỤ/u.test(body)
      ? "BAN THƯỜNG VỤ"
      : /^BAN CHẤP HÀNH/u.test(body)
        ? "BAN CHẤP HÀNH"
        : "CHI BỘ";
  return `T/M ${kind}`;
}

/** Nơi nhận as printed: every line ends with ";", the last with "." (Nghị định 30/2020, phụ lục I). */
export function punctuateRecipients(lines: string[]): string[] {
  return lines.map((l, i) => `${l.replace(/[\s;,.]+$/u, "")}${i === lines.length - 1 ? "." : ";"}`);
}

/** "334-KH/CB" → "Số …-BC/CB"; "2150/KH-SLĐTBXH" → "Số: …/BC-SLĐTBXH". */
export function reportNumber(planNumber: string | null, style: "party" | "state"): string {
  if (style === "state") {
    const m = planNumber ? /\/[^-]+-(.+)$/.exec(planNumber) : null;
    return `Số: …/BC${m ? `-${m[1]}` : ""}`;
  }
  const m = planNumber ? /-[^/]+\/(.+)$/.exec(planNumber) : null;
  return `Số …-BC${m ? `/${m[1]}` : ""}`;
}

function pct(n: number): string {
  return `${formatVietnameseNumber(n)}%`;
}

function indicatorFormat(ind: Indicator): ReportCell["format"] {
  return ind.type === "money"
    ? "money"
    : ind.type === "integer"
      ? "integer"
      : ind.type === "number"
        ? "number"
        : ind.type === "date"
          ? "date"
          : "text";
}

function indicatorCell(ind: Indicator, sub: UnitSubmission): ReportCell {
  const v = sub.values[ind.code];
  const format = indicatorFormat(ind);
  if (!v || !sub.sheet || !v.cell) return { value: null, format };
  if (v.excluded) {
    const at = { sheet: sub.sheet, cell: v.cell };
    const numeric = ind.type !== "text" && ind.type !== "date";
    return {
      value: EXCLUDED_MARK,
      format: "text",
      ...(numeric && v.linkable ? { source: at } : { link: at }),
    };
  }
  if (ind.type === "date" && typeof v.value === "string") {
    return { value: displayDate(v.value), format: "text", link: { sheet: sub.sheet, cell: v.cell } };
  }
  if (ind.type === "text" || !v.linkable) {
    return { value: v.value, format, link: { sheet: sub.sheet, cell: v.cell } };
  }
  return { value: v.value, format, source: { sheet: sub.sheet, cell: v.cell } };
}

function submissionTable(input: BuildReportInput): ReportTable {
  const columns: ReportColumn[] = [
    { key: "tt", heading: "TT", width: 5, align: "center" },
    { key: "unit", heading: "Đơn vị", width: 30 },
    { key: "deadline", heading: "Hạn nộp", width: 12, align: "center" },
    { key: "submittedAt", heading: "Thời gian nộp", width: 18, align: "center" },
    { key: "status", heading: "Tình trạng", width: 14, align: "center" },
    { key: "note", heading: "Ghi chú", width: 30 },
  ];
  const rows = input.tracking.units.map((u, i): ReportCell[] => {
    const at = u.submittedAt;
    const shown = !at ? "" : /^\d{4}-\d{2}-\d{2}$/.test(at) ? displayDate(at) : displayTimestamp(at);
    const notes: string[] = [];
    if (u.status === "tre-han") notes.push(`Trễ ${u.daysLate} ngày`);
    if (u.status === "chua-nop") notes.push(`Quá hạn ${u.daysLate} ngày`);
    if (u.manual) notes.push("Đơn vị tự đánh dấu đã nộp");
    if (!u.sheet) notes.push("Không tìm thấy trang của đơn vị");
    return [
      { value: i + 1, format: "integer" },
      { value: u.unit, format: "text", ...(u.sheet ? { link: { sheet: u.sheet, cell: "A1" } } : {}) },
      { value: u.deadline ? displayDate(u.deadline) : "", format: "text" },
      { value: shown, format: "text" },
      { value: u.label.vi, format: "text" },
      { value: notes.join("; "), format: "text" },
    ];
  });
  return { type: "table", key: "submissions", columns, rows };
}

/**
 * What a higher level needs of the bodies below (multi-level roll-up): for each body whose summary came in,
 * its plan, when it summarised, its units' submission rate, late and missing units and open findings; then
 * the bodies that have not sent theirs. Only in a workbook where some unit's tab is a body's summary.
 */
function bodiesBlocks(input: BuildReportInput): (ReportParagraph | ReportTable)[] {
  const bodies = input.submissions.filter((s) => s.rollup);
  if (bodies.length === 0) return [];
  const columns: ReportColumn[] = [
    { key: "tt", heading: "TT", width: 5, align: "center" },
    { key: "unit", heading: "Cơ quan cấp dưới", width: 30 },
    { key: "plan", heading: "Kế hoạch", width: 14, align: "center" },
    { key: "summarisedAt", heading: "Tổng hợp lúc", width: 18, align: "center" },
    { key: "rate", heading: "Đơn vị đã nộp", width: 14, align: "center" },
    { key: "late", heading: "Trễ hạn / chưa nộp", width: 14, align: "center" },
    { key: "findings", heading: "Tồn tại chưa xử lý", width: 12, align: "center" },
  ];
  const rows = bodies.map((s, i): ReportCell[] => {
    const { source, stats } = s.rollup!;
    const rate = stats.units ? Math.round((stats.submitted / stats.units) * 1000) / 10 : 0;
    return [
      { value: i + 1, format: "integer" },
      { value: s.unit, format: "text", ...(s.sheet ? { link: { sheet: s.sheet, cell: "A1" } } : {}) },
      { value: source.planNumber, format: "text" },
      { value: displayTimestamp(source.summarisedAt), format: "text" },
      { value: `${stats.submitted}/${stats.units} (${pct(rate)})`, format: "text" },
      { value: `${stats.late} / ${stats.missing}`, format: "text" },
      { value: stats.openFindings, format: "integer" },
    ];
  });
  const silent = input.submissions.filter((s) => !s.rollup && !s.submitted).map((s) => s.unit);
  const units = bodies.reduce((n, s) => n + s.rollup!.stats.units, 0);
  const submitted = bodies.reduce((n, s) => n + s.rollup!.stats.submitted, 0);
  return [
    {
      type: "paragraph",
      text:
        `Cơ quan cấp dưới đã gửi báo cáo tổng hợp: ${bodies.length}/${input.submissions.length}; ` +
        `các đơn vị trực thuộc của họ đã nộp ${submitted}/${units}.`,
    },
    { type: "table", key: "bodies", columns, rows },
    {
      type: "paragraph",
      text: silent.length
        ? `Chưa gửi báo cáo: ${silent.join(", ")}.`
        : "Tất cả cơ quan, đơn vị đã gửi báo cáo.",
    },
  ];
}

/** "2022-10-16T09:30:00+07:00" → "16/10/2022 09:30" (Hồ Chí Minh time). */
export function displayTimestamp(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const local = hcmTimestamp(new Date(t));
  return `${displayDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

function figuresTable(input: BuildReportInput): ReportTable {
  const { state, submissions, totals } = input;
  const inds = state.indicators;
  const columns: ReportColumn[] = [
    { key: "tt", heading: "TT", width: 5, align: "center" },
    { key: "unit", heading: "Đơn vị", width: 30 },
    ...inds.map((ind): ReportColumn => ({
      key: ind.code,
      heading: ind.unit ? `${ind.name} (${ind.unit})` : ind.name,
      width: ind.type === "text" ? 30 : 14,
      align: ind.type === "text" ? "left" : "right",
    })),
  ];
  const rows = submissions.map((sub, i): ReportCell[] => [
    { value: i + 1, format: "integer" },
    { value: sub.unit, format: "text" },
    ...inds.map((ind) => indicatorCell(ind, sub)),
  ]);
  const totalsRow: ReportTotalsCell[] = [
    { value: null },
    { value: "Tổng cộng", format: "text", bold: true },
    ...inds.map((ind): ReportTotalsCell => ({
      value: totals[ind.code]?.value ?? null,
      format:
        ind.aggregation === "count"
          ? "integer"
          : ind.aggregation === "list" || ind.aggregation === "yesno"
            ? "text"
            : ind.aggregation === "average" && ind.type !== "money"
              ? "number"
              : indicatorFormat(ind),
      aggregation: ind.aggregation,
      ...(weighsUnitsBelow(ind, submissions) ? { valueOnly: true } : {}),
      bold: true,
      sources: submissions.flatMap((s) => {
        const v = s.values[ind.code];
        return s.sheet && v?.cell && !v.excluded ? [{ sheet: s.sheet, cell: v.cell }] : [];
      }),
    })),
  ];
  return { type: "table", key: "figures", columns, rows, totalsRow };
}

/** A column where a body's rolled-up figure stands for several units, so the cells alone do not give the total. */
function weighsUnitsBelow(ind: Indicator, submissions: UnitSubmission[]): boolean {
  if (ind.aggregation !== "average" && ind.aggregation !== "count" && ind.aggregation !== "yesno")
    return false;
  return submissions.some((s) => s.values[ind.code]?.parts !== undefined);
}

/** Where a finding is, for a reader: the tab when it is not named like the unit, the cell when not in the message. */
function findingPlace(f: Finding): string {
  return [
    f.sheet && caseKey(f.sheet) !== caseKey(f.unit) ? `trang ${f.sheet}` : "",
    f.cell && !f.messageVi.includes(f.cell) ? `ô ${f.cell}` : "",
  ]
    .filter(Boolean)
    .join(", ");
}

/** The figures left out of the totals (errors in the units' cells), each with its finding and a link. */
function excludedBlocks(input: BuildReportInput): ReportParagraph[] {
  const out: ReportParagraph[] = [];
  for (const sub of input.submissions) {
    if (!sub.sheet) continue;
    for (const ind of input.state.indicators) {
      const v = sub.values[ind.code];
      if (!v?.excluded || !v.cell) continue;
      const f = input.findings.find(
        (x) => x.unitId === sub.unitId && x.cell === v.cell && x.severity === "error",
      );
      const where = f ? findingPlace(f) : `trang ${sub.sheet}, ô ${v.cell}`;
      const why = f ? f.messageVi : `"${ind.name}": ${String(v.raw)}`;
      out.push({
        type: "paragraph",
        text: `${sub.unit}${where ? ` (${where})` : ""}: ${why}`,
        bullet: true,
        link: { sheet: sub.sheet, cell: v.cell },
      });
    }
  }
  if (!out.length) return [];
  return [{ type: "paragraph", text: `Không tính vào tổng cộng ${out.length} số liệu có lỗi:` }, ...out];
}

function tasksBlocks(input: BuildReportInput): (ReportParagraph | ReportTable)[] {
  const { state, submissions } = input;
  const blocks: (ReportParagraph | ReportTable)[] = [];
  const tasks = state.plan.tasks.filter(
    (t) => !t.isSummary && submissions.some((s) => s.tasks.some((x) => x.ref === t.ref)),
  );
  tasks.forEach((task, i) => {
    blocks.push({
      type: "paragraph",
      text: `${i + 1}. Nhiệm vụ ${task.ref}: ${task.text}${task.deadline ? ` (hạn ${displayDate(task.deadline)})` : ""}`,
      bold: true,
    });
    const rows: ReportCell[][] = [];
    for (const sub of submissions) {
      const t = sub.tasks.find((x) => x.ref === task.ref);
      if (!t) continue;
      const link = sub.sheet && t.cells ? { sheet: sub.sheet, cell: t.cells.status } : undefined;
      rows.push([
        { value: sub.unit, format: "text" },
        { value: t.status ?? t.statusRaw ?? "Chưa báo cáo", format: "text", ...(link ? { link } : {}) },
        { value: t.completedOn ? displayDate(t.completedOn) : "", format: "text" },
        { value: t.result ?? "", format: "text" },
      ]);
    }
    blocks.push({
      type: "table",
      key: `task:${task.ref}`,
      columns: [
        { key: "unit", heading: "Đơn vị", width: 30 },
        { key: "status", heading: "Trạng thái", width: 16 },
        { key: "completedOn", heading: "Ngày hoàn thành", width: 14, align: "center" },
        { key: "result", heading: "Kết quả", width: 50 },
      ],
      rows,
    });
  });
  if (!blocks.length) blocks.push({ type: "paragraph", text: "Không có nhiệm vụ giao cho đơn vị." });
  return blocks;
}

function issuesBlocks(input: BuildReportInput): ReportParagraph[] {
  const blocks: ReportParagraph[] = [];
  const shown = sortFindings(input.findings).filter((f) => f.severity !== "info");
  if (shown.length) {
    blocks.push({ type: "paragraph", text: "1. Những sai sót trong số liệu các đơn vị gửi:", bold: true });
    for (const f of shown) {
      // Name the tab only when it is not named like the unit, and the cell only when the message does not.
      const where = findingPlace(f);
      const tag = f.severity === "error" ? "Lỗi" : "Cảnh báo";
      blocks.push({
        type: "paragraph",
        text: `${tag} — ${f.unit}${where ? ` (${where})` : ""}: ${f.messageVi}`,
        bullet: true,
        ...(f.sheet && f.kind !== "TAB_MISSING" ? { link: { sheet: f.sheet, cell: f.cell ?? "A1" } } : {}),
      });
    }
  }
  const missing = input.tracking.units.filter((u) => u.status === "chua-nop");
  if (missing.length) {
    blocks.push({
      type: "paragraph",
      text: `${shown.length ? "2" : "1"}. Đơn vị chưa nộp báo cáo:`,
      bold: true,
    });
    for (const u of missing) {
      blocks.push({ type: "paragraph", text: `${u.unit} (quá hạn ${u.daysLate} ngày)`, bullet: true });
    }
  }
  const notes = input.submissions.filter((s) => s.notes);
  if (notes.length) {
    const n = 1 + (shown.length ? 1 : 0) + (missing.length ? 1 : 0);
    blocks.push({ type: "paragraph", text: `${n}. Ý kiến, kiến nghị của các đơn vị:`, bold: true });
    for (const s of notes) {
      blocks.push({
        type: "paragraph",
        text: `${s.unit}: ${s.notes}`,
        bullet: true,
        ...(s.sheet && s.fieldCells.GHI_CHU ? { link: { sheet: s.sheet, cell: s.fieldCells.GHI_CHU } } : {}),
      });
    }
  }
  if (!blocks.length) blocks.push({ type: "paragraph", text: "Không có tồn tại, hạn chế được phát hiện." });
  return blocks;
}

/**
 * "Nơi nhận" of the report: it goes up, to the bodies the plan marks "(b/c)"; a plan that marks none but
 * says whom the summary is reported to gives those bodies; the plan's "Lưu" line is kept.
 */
function reportRecipients(plan: WorkbookState["plan"]): string[] {
  const filed = plan.recipients.filter((r) => /^lưu/i.test(r));
  const upward = plan.recipients.filter((r) => /\(b\/c\)/i.test(r));
  if (upward.length) return [...upward, ...filed];
  const reportTo = (plan.summary?.reportTo ?? "")
    .split(REPORT_TO_SEPARATOR)
    .map((b) => b.trim())
    .filter(Boolean);
  if (reportTo.length)
    return [
      ...reportTo.map((b) => `${b[0].toLocaleUpperCase("vi")}${b.slice(1)} (b/c)`),
      ...(filed.length ? filed : ["Lưu VT"]),
    ];
  return plan.recipients.length ? plan.recipients : ["Lưu VT"];
}

export function buildReport(input: BuildReportInput): ReportDocument {
  const { state, tracking, now } = input;
  const plan = state.plan;
  const style = plan.style;
  const issuer = plan.issuer ?? "";
  const ref = planReference(state);
  const issuerName = issuerInText(plan);
  const rates = tracking.rates;
  const ratesText =
    `Tổng số đơn vị phải báo cáo: ${rates.expected}; đã nộp: ${rates.submitted} (${pct(rates.rate)}), ` +
    `trong đó đúng hạn ${rates.onTime}, trễ hạn ${rates.late}; chưa nộp: ${rates.missing}` +
    `${rates.notYetDue ? `; chưa đến hạn: ${rates.notYetDue}` : ""}.`;
  const directions = (input.secretaryText ?? []).filter((l) => l.trim() !== "");
  const sections: ReportSection[] = [
    {
      key: "submission",
      heading: "I. TÌNH HÌNH NỘP BÁO CÁO",
      blocks: [{ type: "paragraph", text: ratesText }, submissionTable(input), ...bodiesBlocks(input)],
    },
    {
      key: "figures",
      heading: "II. SỐ LIỆU TỔNG HỢP",
      blocks: [figuresTable(input), ...excludedBlocks(input)],
    },
    { key: "tasks", heading: "III. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", blocks: tasksBlocks(input) },
    { key: "issues", heading: "IV. TỒN TẠI, HẠN CHẾ", blocks: issuesBlocks(input) },
    {
      key: "directions",
      heading: "V. PHƯƠNG HƯỚNG, ĐỀ XUẤT",
      editable: true,
      blocks: (directions.length ? directions : [DIRECTIONS_PROMPT]).map((text) => ({
        type: "paragraph",
        text,
        ...(directions.length ? {} : { italic: true, placeholder: true }),
      })),
    },
  ];
  const recipients = punctuateRecipients(reportRecipients(plan));
  const authority = signatureAuthority(plan.signature.authority, style, plan.issuer);
  return {
    style,
    header: {
      parentBody: plan.parentBody,
      issuer,
      number: reportNumber(plan.number, style),
      placeAndDate: placeAndDate(plan.place, hcmDate(now)),
      nationalMotto:
        style === "party"
          ? ["ĐẢNG CỘNG SẢN VIỆT NAM"]
          : ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    },
    kind: "BÁO CÁO",
    planReference: ref,
    titleLines: [
      `Kết quả thực hiện ${ref}${issuerName ? ` của ${issuerName}` : ""}`,
      ...(plan.title ? [`về ${titleInSentence(plan.title)}`] : []),
    ],
    opening: `Thực hiện ${ref}${plan.title ? ` về ${titleInSentence(plan.title)}` : ""}, ${issuerName || "đơn vị"} báo cáo kết quả như sau:`,
    sections,
    recipients,
    signature: {
      authority,
      title: plan.signature.title ?? (style === "party" ? "BÍ THƯ" : null),
      name: plan.signature.name,
    },
    generatedAt: hcmTimestamp(now),
  };
}
