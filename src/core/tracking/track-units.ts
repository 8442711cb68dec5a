/**
 * Who submitted, when, against which deadline. Dates are judged in Asia/Ho_Chi_Minh; "now" is injected.
 * A submission on or before its deadline's date is on time; after it, late by whole days; no submission
 * once the deadline has passed is missing; otherwise not yet due.
 */
import type { IsoDate } from "../plan/types";
import type { WorkbookState } from "../state/types";
import type { UnitSubmission } from "../collect/unit-submission";
import { hcmDate, localDateOf, daysBetween, hcmTimestamp, displayDate } from "./hcm-time";
import { issuerInText, titleInSentence } from "../text/proper-case";

export type TrackingStatus = "dung-han" | "tre-han" | "chua-nop" | "chua-den-han";

export const STATUS_LABELS: Record<TrackingStatus, { vi: string; en: string }> = {
  "dung-han": { vi: "Đúng hạn", en: "On time" },
  "tre-han": { vi: "Trễ hạn", en: "Late" },
  "chua-nop": { vi: "Chưa nộp", en: "Missing" },
  "chua-den-han": { vi: "Chưa đến hạn", en: "Not yet due" },
};

export interface UnitTracking {
  unitId: string;
  unit: string;
  sheet: string | null;
  deadline: IsoDate | null;
  status: TrackingStatus;
  label: { vi: string; en: string };
  /** Whole days after the deadline (late submissions: at submission; missing: as of now). 0 otherwise. */
  daysLate: number;
  /** ISO timestamp or date of the submission, or null. */
  submittedAt: string | null;
  submittedBy: string | null;
  /** Submitted by marking "Đã nộp: Có" rather than with the add-in. */
  manual: boolean;
}

export interface TrackingRates {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  notYetDue: number;
  /** Submitted / expected × 100, rounded to one decimal; 0 when nothing is expected. */
  rate: number;
  /** On time / expected × 100, one decimal. */
  onTimeRate: number;
}

export interface TrackingResult {
  units: UnitTracking[];
  rates: TrackingRates;
  /** The Hồ Chí Minh date of "now". */
  today: IsoDate;
  at: string;
}

function pct(n: number, d: number): number {
  return d === 0 ? 0 : Math.round((n / d) * 1000) / 10;
}

export function trackUnit(sub: UnitSubmission, deadline: IsoDate | null, now: Date): UnitTracking {
  const today = hcmDate(now);
  const base = {
    unitId: sub.unitId,
    unit: sub.unit,
    sheet: sub.sheet,
    deadline,
    submittedAt: sub.submittedAt,
    submittedBy: sub.submittedBy,
    manual: sub.submissionKind === "manual",
  };
  let status: TrackingStatus;
  let daysLate = 0;
  if (sub.submitted) {
    const day = (sub.submittedAt && localDateOf(sub.submittedAt)) ?? today;
    if (deadline && day > deadline) {
      status = "tre-han";
      daysLate = daysBetween(deadline, day);
    } else {
      status = "dung-han";
    }
  } else if (deadline && today > deadline) {
    status = "chua-nop";
    daysLate = daysBetween(deadline, today);
  } else {
    status = "chua-den-han";
  }
  return { ...base, status, label: STATUS_LABELS[status], daysLate };
}

export function trackUnits(state: WorkbookState, submissions: UnitSubmission[], now: Date): TrackingResult {
  const byId = new Map(submissions.map((s) => [s.unitId, s]));
  const units: UnitTracking[] = [];
  for (const link of state.units) {
    if (link.removed) continue;
    const sub = byId.get(link.unitId);
    if (!sub) continue;
    units.push(trackUnit(sub, link.deadline, now));
  }
  const count = (s: TrackingStatus) => units.filter((u) => u.status === s).length;
  const onTime = count("dung-han");
  const late = count("tre-han");
  const missing = count("chua-nop");
  const notYetDue = count("chua-den-han");
  const expected = units.length;
  const submitted = onTime + late;
  return {
    units,
    rates: {
      expected,
      submitted,
      onTime,
      late,
      missing,
      notYetDue,
      rate: pct(submitted, expected),
      onTimeRate: pct(onTime, expected),
    },
    today: hcmDate(now),
    at: hcmTimestamp(now),
  };
}

/** "Số 334-KH/CB ngày 12/10/2022" — how the plan is named in texts. */
export function planReference(state: WorkbookState): string {
  const p = state.plan;
  const kind = p.kind ? p.kind.charAt(0) + p.kind.slice(1).toLocaleLowerCase("vi") : "Kế hoạch";
  return `${kind}${p.number ? ` số ${p.number}` : ""}${p.issuedOn ? ` ngày ${displayDate(p.issuedOn)}` : ""}`;
}

/**
 * A ready-to-send reminder (Zalo / e-mail) to a unit that has not submitted: names the plan, the task
 * and the deadline.
 */
export function reminderText(state: WorkbookState, unitId: string, taskRef?: string): string {
  const unit = state.units.find((u) => u.unitId === unitId);
  if (!unit) throw new Error(`Unknown unit id: ${unitId}`);
  const refs = taskRef ? [taskRef] : unit.taskRefs;
  const tasks = refs.map((ref) => state.plan.tasks.find((t) => t.ref === ref)).filter((t) => t !== undefined);
  const deadline = taskRef ? (tasks[0]?.deadline ?? unit.deadline) : unit.deadline;
  const issuer = state.plan.issuer ? ` của ${issuerInText(state.plan)}` : "";
  const lines = [
    `Kính gửi: ${unit.name}.`,
    `Thực hiện ${planReference(state)}${issuer}${state.plan.title ? ` về ${titleInSentence(state.plan.title)}` : ""},`,
    tasks.length
      ? `đề nghị ${unit.name} báo cáo kết quả thực hiện nhiệm vụ: ${tasks.map((t) => `${lowerFirst(t.text).replace(/[.;]+$/, "")} (mục ${t.ref})`).join("; ")}.`
      : `đề nghị ${unit.name} gửi báo cáo kết quả thực hiện.`,
    deadline
      ? `Hạn nộp: ngày ${displayDate(deadline)}. Đến nay đơn vị chưa nộp báo cáo; đề nghị nhập số liệu vào trang "${unit.sheetName}" và bấm "Nộp báo cáo" sớm.`
      : `Đề nghị nhập số liệu vào trang "${unit.sheetName}" và bấm "Nộp báo cáo" sớm.`,
    `Trân trọng cảm ơn.`,
  ];
  return lines.join("\n");
}

function lowerFirst(s: string): string {
  return s ? s.charAt(0).toLocaleLowerCase("vi") + s.slice(1) : s;
}
