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
  legacyEncoding: (encoding: string, lines: number[], capitals: boolean): PlanWarning =>
    w(
      lines[0] ?? null,
      `Văn bản gõ bằng bảng mã ${encoding} (${lineList(lines, "dòng")}) đã được chuyển sang Unicode` +
        (capitals
          ? "; bảng mã này không phân biệt chữ hoa có dấu ngoài dòng viết hoa: kiểm tra lại tên riêng."
          : "."),
      `The text was typed in the legacy ${encoding} code (${lineList(lines, "line")}) and was converted to Unicode` +
        (capitals
          ? "; that code cannot tell a capital letter with a tone mark outside lines in capitals: check proper names."
          : "."),
    ),
  singleByteText: (codePage: string): PlanWarning =>
    w(
      null,
      `Tệp văn bản không phải UTF-8; đã đọc theo bảng mã ${codePage}. Kiểm tra lại chữ có dấu.`,
      `The text file is not UTF-8; it was read as ${codePage}. Check the accented letters.`,
    ),
  fromOcr: (): PlanWarning =>
    w(
      null,
      "Nội dung được nhận dạng từ bản quét (OCR): kiểm tra kỹ số văn bản, ngày, tên đơn vị và thời hạn.",
      "The text was read from a scan (OCR): check the number, dates, unit names and deadlines carefully.",
    ),
};

/** "dòng 1–3, 7" from [1, 2, 3, 7]; long lists are cut after six runs. */
function lineList(lines: number[], word: string): string {
  const runs: string[] = [];
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    runs.push(j > i ? `${lines[i]}–${lines[j]}` : `${lines[i]}`);
    i = j + 1;
  }
  return `${word} ${runs.slice(0, 6).join(", ")}${runs.length > 6 ? ", …" : ""}`;
}

/** Collects warnings once each (same line, same message), in the order they were found. */
export class WarningList {
  readonly items: PlanWarning[] = [];
  add(warning: PlanWarning): void {
    if (!this.items.some((x) => x.line === warning.line && x.message === warning.message))
      this.items.push(warning);
  }
}
