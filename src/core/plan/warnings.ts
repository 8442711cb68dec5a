/** Every warning the plan reader can give, Vietnamese first with its English, built in one place. */
import type { IsoDate, PlanWarning } from "./types";
import { viDate } from "./dates";

function w(line: number | null, message: string, messageEn: string): PlanWarning {
  return { line, message, messageEn };
}

export const planWarnings = {
  noTasks: (): PlanWarning =>
    w(
      null,
      "Không tìm thấy nhiệm vụ nào được giao cho đơn vị trong văn bản.",
      "No tasks found: the document assigns nothing to any unit.",
    ),
  invalidDate: (line: number, raw: string): PlanWarning =>
    w(line, `Ngày không hợp lệ: "${raw}" (bỏ qua).`, `Invalid date: "${raw}" (ignored).`),
  yearInferred: (line: number, raw: string, iso: IsoDate): PlanWarning =>
    w(
      line,
      `Ngày "${raw}" không ghi năm; hiểu là ${viDate(iso)} theo ngày ban hành kế hoạch.`,
      `The date "${raw}" has no year; read as ${iso} from the plan date.`,
    ),
  yearUnknown: (line: number, raw: string): PlanWarning =>
    w(
      line,
      `Ngày "${raw}" không ghi năm và kế hoạch không có ngày ban hành; không xác định được thời hạn.`,
      `The date "${raw}" has no year and the plan has no date: the deadline cannot be determined.`,
    ),
  farOff: (line: number, iso: IsoDate): PlanWarning =>
    w(
      line,
      `Thời hạn ${viDate(iso)} cách quá xa ngày ban hành kế hoạch; kiểm tra lại năm.`,
      `The deadline ${iso} is far from the plan date; check the year.`,
    ),
  beforeIssue: (line: number, iso: IsoDate, issuedOn: IsoDate): PlanWarning =>
    w(
      line,
      `Thời hạn ${viDate(iso)} trước ngày ban hành kế hoạch (${viDate(issuedOn)}).`,
      `The deadline ${iso} is before the plan date (${issuedOn}).`,
    ),
  recurring: (line: number, day: number, iso: IsoDate): PlanWarning =>
    w(
      line,
      `Báo cáo định kỳ hằng tháng trước ngày ${day}; hạn đầu tiên lấy là ${viDate(iso)}.`,
      `Monthly recurring report due by day ${day}; the first deadline is taken as ${iso}.`,
    ),
  recurringQuarter: (line: number, day: number, iso: IsoDate): PlanWarning =>
    w(
      line,
      `Báo cáo định kỳ hằng quý trước ngày ${day} của tháng cuối quý; hạn đầu tiên lấy là ${viDate(iso)}.`,
      `Quarterly recurring report due by day ${day} of the quarter's last month; the first deadline is taken as ${iso}.`,
    ),
  undatedDeadline: (line: number, raw: string): PlanWarning =>
    w(
      line,
      `Thời hạn "${raw}" không ghi ngày cụ thể; không tự suy ra ngày, cần nhập thời hạn.`,
      `The deadline "${raw}" names no date; none is assumed: enter the deadline.`,
    ),
  inherited: (line: number, ref: string, iso: IsoDate): PlanWarning =>
    w(
      line,
      `Nhiệm vụ ${ref} không ghi thời hạn riêng; lấy thời hạn chung của kế hoạch ${viDate(iso)}.`,
      `Task ${ref} has no deadline of its own; the plan's deadline ${iso} is used.`,
    ),
  noDeadline: (line: number, ref: string): PlanWarning =>
    w(
      line,
      `Nhiệm vụ ${ref} không có thời hạn và kế hoạch không ghi thời hạn chung.`,
      `Task ${ref} has no deadline and the plan states no overall deadline.`,
    ),
  noUnit: (line: number, ref: string): PlanWarning =>
    w(line, `Nhiệm vụ ${ref} không rõ đơn vị thực hiện.`, `Task ${ref} names no responsible unit.`),
  duplicateUnit: (line: number, name: string, kept: string): PlanWarning =>
    w(
      line,
      `Đơn vị "${name}" trùng với "${kept}" (khác chữ hoa/dấu); gộp làm một.`,
      `Unit "${name}" is the same as "${kept}" (case/accents differ); merged into one.`,
    ),
  noIssueDate: (line: number | null): PlanWarning =>
    w(
      line,
      "Không đọc được ngày ban hành kế hoạch; năm của các thời hạn không ghi năm không suy ra được.",
      "The plan date could not be read; years missing from deadlines cannot be inferred.",
    ),
};

/** Collects warnings once each (same line, same message), in the order they were found. */
export class WarningList {
  readonly items: PlanWarning[] = [];
  add(warning: PlanWarning): void {
    if (!this.items.some((x) => x.line === warning.line && x.message === warning.message))
      this.items.push(warning);
  }
}
