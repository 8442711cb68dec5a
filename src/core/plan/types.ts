/** The typed result of reading a plan document (kế hoạch). Dates are ISO `YYYY-MM-DD`. */
export type IsoDate = string;

export interface PlanTask {
  /** Reference as numbered in the plan, e.g. "III.2" or "III.3.a"; unique within the plan. */
  ref: string;
  text: string;
  /** Responsible units as written in the plan (NFC). */
  units: string[];
  deadline: IsoDate | null;
  /** True when the task has no date of its own and took the plan's overall deadline. */
  deadlineInherited: boolean;
  reportTo: string | null;
  /** 1-based line in the (normalised) input. */
  line: number;
  /** True for the compiled summary report the issuer itself owes (no input tab). */
  isSummary: boolean;
  /**
   * A report the plan asks for every month ("định kỳ hằng tháng, trước ngày 25") or every quarter (on `day` of the
   * quarter's last month: "trước ngày 25 của tháng cuối quý"); `deadline` is the first one.
   */
  recurrence?: { every: "month" | "quarter"; day: number };
}

export interface PlanUnit {
  name: string;
  /** Members of a group unit ("Các tổ chức đoàn thể") when the plan lists them. */
  members: string[];
}

export interface PlanWarning {
  line: number | null;
  /** Vietnamese first. */
  message: string;
  messageEn: string;
}

export interface PlanSummary {
  units: string[];
  deadline: IsoDate | null;
  reportTo: string | null;
  /** ref of the task that is the summary report, when there is one. */
  taskRef: string | null;
}

export interface PlanSignature {
  /** "TM. CHI BỘ" / "T/M BAN CHẤP HÀNH" / "KT. GIÁM ĐỐC" … */
  authority: string | null;
  /** "BÍ THƯ", "GIÁM ĐỐC" … */
  title: string | null;
  name: string | null;
}

export type DocumentStyle = "party" | "state";

/** A document the plan says it implements ("Thực hiện Kế hoạch số 12-KH/ĐU ngày … của Đảng ủy xã …"). */
export interface CitedDocument {
  /** "Kế hoạch", "Hướng dẫn", "Nghị quyết" … as running text names it. */
  kind: string;
  /** As written, spaces collapsed: "12-KH/ĐU", "2150/KH-UBND". */
  number: string;
  issuedOn: IsoDate | null;
  /** "Đảng ủy xã Tân Hòa", as written after "của", or null. */
  issuer: string | null;
  /** 1-based line in the (normalised) input. */
  line: number;
}

export interface Plan {
  number: string | null;
  kind: string | null;
  issuer: string | null;
  /**
   * The issuer's name as running text writes it ("Ủy ban nhân dân xã Phú Lộc" for the header's "UỶ BAN NHÂN
   * DÂN XÃ PHÚ LỘC"): the body's own spelling, else properly cased (src/core/text/proper-case.ts). Absent in
   * plans saved before it existed.
   */
  issuerName?: string | null;
  /** The body above the issuer in the header, when given. */
  parentBody: string | null;
  place: string | null;
  issuedOn: IsoDate | null;
  title: string | null;
  deadline: IsoDate | null;
  summary: PlanSummary | null;
  tasks: PlanTask[];
  units: PlanUnit[];
  warnings: PlanWarning[];
  /** Party ("ĐẢNG CỘNG SẢN VIỆT NAM") or state (Quốc hiệu) layout. */
  style: DocumentStyle;
  /** The plan's "Nơi nhận" lines, without the leading dash. */
  recipients: string[];
  signature: PlanSignature;
  /**
   * The documents the plan's grounds (or subject line) cite: a body below implements the plan above it this
   * way (src/core/plan/cited-documents.ts). Absent in plans saved before it existed.
   */
  implements?: CitedDocument[];
}
