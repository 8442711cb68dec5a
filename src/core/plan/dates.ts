/**
 * Finding and resolving dates written the Vietnamese way: 17/10/2022, 17-10-2022, "ngày 17 tháng 10 năm 2022", 16/10,
 * Tháng 11/2023, Quý III/2024, "tuần đầu tháng 4/2024".
 */
import type { IsoDate } from "./types";

export type DateKind = "full" | "dayMonth" | "month" | "monthNoYear" | "quarter" | "year";

export interface DateMention {
  start: number;
  end: number;
  raw: string;
  kind: DateKind;
  /** null for month, quarter and year mentions (they mean the last day of the period). */
  day: number | null;
  month: number;
  year: number | null;
  /** False for a date that cannot exist (31/02/2023). */
  valid: boolean;
}

type Parts = Pick<DateMention, "kind" | "day" | "month" | "year">;

const ROMAN_QUARTER: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/** "tuần đầu tháng 4" ends on the 7th, "tuần thứ hai" on the 14th …, "tuần cuối" with the month. */
const WEEK_END: Record<string, number> = {
  nhất: 7,
  "1": 7,
  hai: 14,
  "2": 14,
  ba: 21,
  "3": 21,
  tư: 28,
  "4": 28,
};

function weekOf(m: RegExpExecArray): Parts {
  const words = m[1].toLocaleLowerCase("vi").split(/\s+/);
  const day =
    words[0] === "cuối" ? null : words[0] === "đầu" ? 7 : (WEEK_END[words[words.length - 1]] ?? null);
  const year = m[3] ? +m[3] : null;
  if (day === null) return { kind: year ? "month" : "monthNoYear", day: null, month: +m[2], year };
  return { kind: year ? "full" : "dayMonth", day, month: +m[2], year };
}

const PATTERNS: { re: RegExp; make: (m: RegExpExecArray) => Parts }[] = [
  {
    re: /tuần\s+(đầu(?:\s+tiên)?|thứ\s+(?:nhất|hai|ba|tư|[1-4])|cuối(?:\s+cùng)?)\s+(?:của\s+)?tháng\s+(\d{1,2})(?:\s*(?:[/.-]\s*|\s+năm\s+)(\d{4}))?(?![\d/])/giu,
    make: weekOf,
  },
  {
    re: /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?(?:năm\s+|[/.-]\s*)(\d{4})(?!\d)/giu,
    make: (m) => ({ kind: "full", day: +m[1], month: +m[2], year: +m[3] }),
  },
  {
    re: /(?<![\d/.])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])/gu,
    make: (m) => ({ kind: "full", day: +m[1], month: +m[3], year: +m[4] }),
  },
  {
    re: /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?![\d/])/giu,
    make: (m) => ({ kind: "dayMonth", day: +m[1], month: +m[2], year: null }),
  },
  {
    // "tháng 5-6/2024", "Quý II-III/2024": a span of months or quarters ends with the last one.
    re: /(tháng|quý)\s+(\d{1,2}|IV|III|II|I)\s*[-–]\s*(\d{1,2}|IV|III|II|I)\s*(?:[/.]\s*|\s+năm\s+)(\d{4})(?!\d)/giu,
    make: (m) => {
      const quarter = /^q/iu.test(m[1]);
      const last = quarter ? (ROMAN_QUARTER[m[3].toUpperCase()] ?? 0) * 3 : +m[3];
      return { kind: quarter ? "quarter" : "month", day: null, month: last, year: +m[4] };
    },
  },
  {
    re: /quý\s+(IV|III|II|I|[1-4])\s*(?:[/.-]\s*|\s+năm\s+)(\d{4})(?!\d)/giu,
    make: (m) => ({ kind: "quarter", day: null, month: ROMAN_QUARTER[m[1].toUpperCase()] * 3, year: +m[2] }),
  },
  {
    re: /tháng\s+(\d{1,2})\s*(?:[/.-]\s*|\s+năm\s+)(\d{4})(?![\d/])/giu,
    make: (m) => ({ kind: "month", day: null, month: +m[1], year: +m[2] }),
  },
  {
    re: /(?<![\d/.\-\p{L}])(\d{1,2})\/(\d{1,2})(?![\d/]|[.-]\d)/gu,
    make: (m) => ({ kind: "dayMonth", day: +m[1], month: +m[2], year: null }),
  },
  {
    re: /ngày\s+(\d{1,2})[.-](\d{1,2})(?![\d/.-])/giu,
    make: (m) => ({ kind: "dayMonth", day: +m[1], month: +m[2], year: null }),
  },
  {
    re: /tháng\s+(\d{1,2})(?!\d|\s*[/.-]\s*\d|\s*năm)/giu,
    make: (m) => ({ kind: "monthNoYear", day: null, month: +m[1], year: null }),
  },
  {
    // "Năm 2024 - 2025" (not "năm học 2024 - 2025"): the end of the last year.
    re: /(?<!\p{L})năm\s+(\d{4})\s*[-–]\s*(\d{4})(?![\d/])/giu,
    make: (m) => ({ kind: "year", day: null, month: 12, year: +m[2] }),
  },
  {
    // "trong năm 2025", a cell "Năm 2024": the year's last day (only with a deadline cue, see deadlines.ts).
    re: /(?<!\p{L})năm\s+(\d{4})(?![\d/])/giu,
    make: (m) => ({ kind: "year", day: null, month: 12, year: +m[1] }),
  },
];

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** 2022-10-17 → 17/10/2022 (how a Vietnamese reader expects it). */
export function viDate(iso: IsoDate): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

function isValid(p: Parts): boolean {
  if (p.month < 1 || p.month > 12) return false;
  if (p.day === null) return true;
  return p.day >= 1 && p.day <= daysInMonth(p.year ?? 2000, p.month);
}

/** Every date-like mention in a piece of text, left to right, without overlaps. */
export function findDateMentions(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const { re, make } of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const parts = make(m);
      // A numeric pair that cannot be a day and month at all is not a date (e.g. "45/12", "3/15").
      if (parts.kind === "dayMonth" && (parts.day! > 31 || parts.month > 12 || parts.day! < 1)) continue;
      if (parts.kind === "monthNoYear" && (parts.month < 1 || parts.month > 12)) continue;
      found.push({ start, end, raw: m[0], ...parts, valid: isValid(parts) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export interface ResolvedDate {
  iso: IsoDate | null;
  /** The year was not written and came from the plan date. */
  yearInferred: boolean;
  /** The inferred year is the one after the plan's, because the day/month falls before the plan date. */
  rolled: boolean;
}

/** Turn a mention into an ISO date; a missing year comes from the reference (plan) date, rolling forward. */
export function resolveMention(m: DateMention, ref: IsoDate | null): ResolvedDate {
  if (!m.valid) return { iso: null, yearInferred: false, rolled: false };
  let year = m.year;
  let yearInferred = false;
  let rolled = false;
  if (year === null) {
    if (ref === null) return { iso: null, yearInferred: true, rolled: false };
    const [ry, rm, rd] = ref.split("-").map(Number);
    year = ry;
    yearInferred = true;
    const day = m.day ?? daysInMonth(ry, m.month);
    if (m.month < rm || (m.month === rm && day < rd)) {
      year = ry + 1;
      rolled = true;
    }
  }
  const day = m.day ?? daysInMonth(year, m.month);
  if (day > daysInMonth(year, m.month)) return { iso: null, yearInferred, rolled };
  return { iso: isoDate(year, m.month, day), yearInferred, rolled };
}
