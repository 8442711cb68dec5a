/**
 * Which dates in a sentence are deadlines: "trước ngày", "chậm nhất (là)", "hạn nộp", "xong trước",
 * "hoàn thành trước", "trong tháng", "đến ngày"… are; anniversary ranges (15/10/1930-15/10/2022), dates of
 * referenced documents ("Hướng dẫn số 16-HD/BTGĐUK ngày 03/10/2022"), historical and event dates are not.
 */
import type { IsoDate, PlanWarning } from "./types";
import { daysInMonth, findDateMentions, isoDate, resolveMention, type DateMention } from "./dates";
import { planWarnings } from "./warnings";

export type DateRole = "deadline" | "other" | "neutral";

export interface DeadlineCandidate {
  iso: IsoDate;
  raw: string;
  index: number;
  /** The clause has a report verb (báo cáo, gửi, nộp, tổng hợp). */
  reporting: boolean;
  /** Warnings to give if this candidate is the one used. */
  notes: PlanWarning[];
  /** Day of month for a monthly recurring report. */
  recurringDay?: number;
  /** Monthly unless "quarter" (the day is in the last month of each quarter). */
  recurringEvery?: "quarter";
  /** "trước Tết Nguyên đán": a deadline tied to an event with no date (iso ""); it is not the plan's deadline. */
  undated?: true;
}

/** A deadline cue then an event that has no date in the text: Tết, the school opening, a congress, a session. */
const UNDATED_EVENT =
  /(?<!\p{L})(?:trước|chậm nhất(?:\s+là)?|hoàn thành trước|xong trước)\s+(?:dịp\s+|ngày\s+)?(?:Tết(?:\s+(?:Nguyên đán|Dương lịch|Trung thu|cổ truyền))?|khai giảng(?:\s+năm học mới)?|Đại hội(?:\s+[\p{Lu}][\p{L}]*)*|kỳ họp(?:\s+(?:thứ\s+\S+|cuối năm|giữa năm))?)(?!\p{L})/giu;

function undatedCandidates(text: string, line: number): DeadlineCandidate[] {
  const out: DeadlineCandidate[] = [];
  UNDATED_EVENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = UNDATED_EVENT.exec(text)) !== null) {
    const clause = text.slice(clauseStart(text, m.index), m.index).toLocaleLowerCase("vi");
    out.push({
      iso: "",
      raw: m[0],
      index: m.index,
      reporting: REPORT_VERB.test(clause),
      notes: [planWarnings.undatedDeadline(line, m[0])],
      undated: true,
    });
  }
  return out;
}

const STRIP_TOKENS = new Set(["ngày", "là", "hết", "vào", "lúc", "-", "–", "—", "(", "nhật", "đó"]);
const WEEKDAY_TOKENS = new Set(["hai", "ba", "tư", "năm", "sáu", "bảy", "2", "3", "4", "5", "6", "7"]);

const DEADLINE_CUE =
  /(?:^| )(?:trước|chậm nhất|muộn nhất|hạn nộp|hạn chót|hạn cuối|thời hạn(?: nộp| hoàn thành| gửi| báo cáo)?|hạn|xong|hoàn thành|hoàn thiện|kết thúc|đến|tới|thời gian(?: thực hiện| hoàn thành| nộp| gửi)?|trong|không quá|cuối|nộp|gửi)$/u;
const OTHER_CUE =
  /(?:^| )(?:từ|kể từ|bắt đầu|tổ chức|diễn ra|khai mạc|bế mạc|kỷ niệm|thành lập|ra đời|ban hành|ký|sinh|mất|số|khóa|đợt|đến nay|hôm nay|dự kiến tổ chức)$/u;
const DOC_NUMBER = /^\d+[-/][\p{L}\d.\-/]*\p{L}[\p{L}\d.\-/]*$/u;
const REPORT_VERB = /báo cáo|gửi|nộp|tổng hợp/u;

/** Start of the clause that holds position `at` (after the last ";", "!", "?" or ". "). */
export function clauseStart(text: string, at: number): number {
  let start = 0;
  const re = /[;!?]|\.\s|\.\/\./g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < at) start = m.index + m[0].length;
  return start;
}

/** The role the words just before a date give it. */
export function cueRole(before: string): DateRole {
  const tokens = before
    .toLocaleLowerCase("vi")
    .replace(/[,:;"“”'*]/g, " ")
    .replace(/\(/g, " ( ")
    .split(/\s+/)
    .filter(Boolean);
  for (;;) {
    const last = tokens[tokens.length - 1];
    if (last === undefined) break;
    if (STRIP_TOKENS.has(last)) {
      tokens.pop();
      if (last === "nhật" && tokens[tokens.length - 1] === "chủ") tokens.pop();
      continue;
    }
    if (WEEKDAY_TOKENS.has(last) && tokens[tokens.length - 2] === "thứ") {
      tokens.splice(-2, 2);
      continue;
    }
    break;
  }
  const last = tokens[tokens.length - 1] ?? "";
  if (DOC_NUMBER.test(last)) return "other";
  // "Chỉ thị số 05 ngày 15/5/2016": the date of a numbered document.
  if (/^\d+$/.test(last) && tokens[tokens.length - 2] === "số") return "other";
  const tail = tokens.slice(-4).join(" ");
  if (OTHER_CUE.test(tail)) return "other";
  if (DEADLINE_CUE.test(tail)) return "deadline";
  return "neutral";
}

function isAnniversary(a: DateMention, b: DateMention): boolean {
  return a.year !== null && b.year !== null && a.year !== b.year && a.day === b.day && a.month === b.month;
}

export interface ClassifiedDate {
  mention: DateMention;
  role: DateRole;
}

/** Give every date mention of the text its role. */
export function classifyDates(
  text: string,
  mentions: DateMention[] = findDateMentions(text),
): ClassifiedDate[] {
  const roles: DateRole[] = mentions.map((m) => cueRole(text.slice(Math.max(0, m.start - 80), m.start)));
  for (let i = 1; i < mentions.length; i++) {
    const a = mentions[i - 1];
    const b = mentions[i];
    if (!/^\s*[-–—]\s*$/.test(text.slice(a.end, b.start))) continue;
    if (isAnniversary(a, b) || (a.year !== null && b.year !== null && a.year < b.year - 1)) {
      roles[i - 1] = "other";
      roles[i] = "other";
    } else {
      // A period "01/11 - 30/11/2023": its end carries the cue that stood before its start.
      roles[i] = roles[i - 1] === "other" ? "other" : roles[i - 1];
      roles[i - 1] = "other";
    }
  }
  return mentions.map((mention, i) => ({ mention, role: roles[i] }));
}

export interface DeadlineOptions {
  /** The plan date, for years not written and for plausibility. */
  issuedOn: IsoDate | null;
  /** A table cell of a deadline column: a date with no cue is still a deadline. */
  cell?: boolean;
}

/** A deadline year is implausible when far from the plan date (or, without one, outside 1990–2090). */
function plausibility(line: number, iso: IsoDate, issuedOn: IsoDate | null): PlanWarning[] {
  const year = Number(iso.slice(0, 4));
  if (issuedOn === null) return year < 1990 || year > 2090 ? [planWarnings.farOff(line, iso)] : [];
  const issuedYear = Number(issuedOn.slice(0, 4));
  if (year > issuedYear + 5 || year < issuedYear - 1) return [planWarnings.farOff(line, iso)];
  if (iso < issuedOn) return [planWarnings.beforeIssue(line, iso, issuedOn)];
  return [];
}

/** "định kỳ hằng quý trước ngày 25 của tháng cuối quý": the first such day on or after the plan date. */
function quarterlyCandidates(text: string, line: number, issuedOn: IsoDate | null): DeadlineCandidate[] {
  const out: DeadlineCandidate[] = [];
  const re =
    /(?:trước|chậm nhất(?:\s+là)?|vào|hạn(?:\s+nộp)?)\s+ngày\s+(\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+(?:mỗi\s+|của\s+)?quý/giu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const day = Number(m[1]);
    if (day < 1 || day > 31 || issuedOn === null) continue;
    const [y, mo, d] = issuedOn.split("-").map(Number);
    let year = y;
    let month = Math.ceil(mo / 3) * 3;
    if (month === mo && day < d) month += 3;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
    const iso = isoDate(year, month, Math.min(day, daysInMonth(year, month)));
    out.push({
      iso,
      raw: m[0],
      index: m.index,
      reporting: true,
      notes: [planWarnings.recurringQuarter(line, day, iso)],
      recurringDay: day,
      recurringEvery: "quarter",
    });
  }
  return out;
}

function recurringCandidates(text: string, line: number, issuedOn: IsoDate | null): DeadlineCandidate[] {
  const quarterly = quarterlyCandidates(text, line, issuedOn);
  if (quarterly.length > 0) return quarterly;
  if (!/(?:hằng|hàng|mỗi)\s+tháng|định kỳ/iu.test(text)) return [];
  const out: DeadlineCandidate[] = [];
  const re =
    /(?:(?:trước|chậm nhất(?:\s+là)?|vào|hạn(?:\s+nộp)?)\s+ngày\s+(\d{1,2})(?!\d|\s*[/.-]\s*\d|\s*tháng)|(?<!\p{L})ngày\s+(\d{1,2})(?=\s+(?:hằng|hàng|mỗi)\s+tháng))/giu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const clause = text.slice(clauseStart(text, m.index), text.length);
    if (!/(?:hằng|hàng|mỗi)\s+tháng/iu.test(clause)) continue;
    const day = Number(m[1] ?? m[2]);
    if (day < 1 || day > 31 || issuedOn === null) continue;
    const [y, mo, d] = issuedOn.split("-").map(Number);
    let year = y;
    let month = mo;
    if (day < d) {
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
    const iso = isoDate(year, month, Math.min(day, daysInMonth(year, month)));
    out.push({
      iso,
      raw: m[0],
      index: m.index,
      reporting: true,
      notes: [planWarnings.recurring(line, day, iso)],
      recurringDay: day,
    });
  }
  return out;
}

/**
 * The deadlines stated in one piece of text (one line or one table cell), each with the warnings to give if
 * it is used. Invalid dates are reported by the caller once per line (see `invalidDateWarnings`).
 */
export function deadlineCandidates(text: string, line: number, opts: DeadlineOptions): DeadlineCandidate[] {
  const out: DeadlineCandidate[] = [];
  const refYear = opts.issuedOn ? Number(opts.issuedOn.slice(0, 4)) : null;
  for (const { mention, role } of classifyDates(text)) {
    if (!mention.valid || role === "other") continue;
    // "năm 2024" is everywhere in titles and subjects: a deadline only with a cue or alone in a deadline cell.
    if (mention.kind === "year" && role !== "deadline" && !(opts.cell && text.trim() === mention.raw))
      continue;
    const cs = clauseStart(text, mention.start);
    const clause = text.slice(cs, mention.start).toLocaleLowerCase("vi");
    const reporting = REPORT_VERB.test(clause);
    if (role === "neutral") {
      if (!opts.cell && !reporting) continue;
      if (mention.year !== null && (refYear !== null ? mention.year < refYear - 1 : mention.year < 1990))
        continue;
    }
    const r = resolveMention(mention, opts.issuedOn);
    const notes: PlanWarning[] = [];
    if (r.iso === null) {
      if (mention.year === null && opts.issuedOn === null) {
        out.push({
          iso: "",
          raw: mention.raw,
          index: mention.start,
          reporting,
          notes: [planWarnings.yearUnknown(line, mention.raw)],
        });
      }
      continue;
    }
    if (r.yearInferred)
      notes.push(planWarnings.yearInferred(line, mention.raw.replace(/^ngày\s+/iu, ""), r.iso));
    notes.push(...plausibility(line, r.iso, opts.issuedOn));
    out.push({ iso: r.iso, raw: mention.raw, index: mention.start, reporting, notes });
  }
  out.push(...recurringCandidates(text, line, opts.issuedOn));
  out.push(...undatedCandidates(text, line));
  return firstOfPeriodic(text, out).sort((a, b) => a.index - b.index);
}

const PERIODIC = /định kỳ|(?:hằng|hàng|mỗi)\s+(?:quý|năm)|(?:6|sáu)\s+tháng/iu;

/**
 * "định kỳ 6 tháng (trước ngày 15/6 và 15/12)": the dates of one clause that name the successive reports of a
 * periodic duty; the first is the deadline, not the last.
 */
function firstOfPeriodic(text: string, cands: DeadlineCandidate[]): DeadlineCandidate[] {
  const firstByClause = new Map<number, DeadlineCandidate>();
  const drop = new Set<DeadlineCandidate>();
  for (const c of cands) {
    if (c.iso === "" || c.recurringDay !== undefined) continue;
    const start = clauseStart(text, c.index);
    if (!PERIODIC.test(text.slice(start, c.index))) continue;
    const first = firstByClause.get(start);
    if (!first) firstByClause.set(start, c);
    else if (c.iso < first.iso) {
      drop.add(first);
      firstByClause.set(start, c);
    } else drop.add(c);
  }
  return cands.filter((c) => !drop.has(c));
}

/** Warnings for dates that cannot exist, e.g. 31/02/2022 (or 29/02 in a year inferred as non-leap). */
export function invalidDateWarnings(text: string, line: number, issuedOn: IsoDate | null): PlanWarning[] {
  const out: PlanWarning[] = [];
  for (const m of findDateMentions(text)) {
    if (!m.valid) out.push(planWarnings.invalidDate(line, m.raw.replace(/^ngày\s+/iu, "")));
    else if (
      m.year === null &&
      m.day === 29 &&
      m.month === 2 &&
      issuedOn &&
      resolveMention(m, issuedOn).iso === null
    )
      out.push(planWarnings.invalidDate(line, m.raw));
  }
  return out;
}

/**
 * Pick the deadline of a task from its candidates: the ones in a reporting clause win; among them the latest.
 * Candidates with an unknown year (iso "") only give their warning.
 */
export function pickDeadline(cands: DeadlineCandidate[]): DeadlineCandidate | null {
  const known = cands.filter((c) => c.iso !== "");
  if (known.length === 0) return cands[0] ?? null;
  const reporting = known.filter((c) => c.reporting);
  const pool = reporting.length > 0 ? reporting : known;
  return pool.reduce((best, c) => (c.iso > best.iso ? c : best));
}
