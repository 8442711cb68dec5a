/**
 * Time in Asia/Ho_Chi_Minh: UTC+7 all year (no daylight saving), so a fixed offset is exact and needs
 * no Intl time-zone data. Dates are ISO `YYYY-MM-DD`; timestamps are ISO with "+07:00".
 */
import type { IsoDate } from "../plan/types";

const OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 86400 * 1000;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

/** The calendar date in Hồ Chí Minh City at this instant. */
export function hcmDate(at: Date): IsoDate {
  const d = new Date(at.getTime() + OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "2022-10-16T09:30:00+07:00" */
export function hcmTimestamp(at: Date): string {
  const d = new Date(at.getTime() + OFFSET_MS);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+07:00`
  );
}

/** "16/10/2022 09:30" (local time in Hồ Chí Minh City). */
export function hcmDisplay(at: Date): string {
  const d = new Date(at.getTime() + OFFSET_MS);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "2022-10-16" → "16/10/2022". */
export function displayDate(iso: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * When something happened, as a person reads it: "16/10/2022" for a date (a unit that marked itself
 * submitted), "16/10/2022 09:30" in Hồ Chí Minh time for a timestamp; other text as it is.
 */
export function displayDateOrTime(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return displayDate(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return text;
  const t = Date.parse(text);
  return Number.isNaN(t) ? text : hcmDisplay(new Date(t));
}

/**
 * The Hồ Chí Minh calendar date of a timestamp or date string: a bare "YYYY-MM-DD" is already a local
 * date; a timestamp with an offset is converted. Null when unreadable.
 */
export function localDateOf(value: string): IsoDate | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : hcmDate(new Date(t));
}

/** Whole days from a to b (b − a), both ISO dates. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** True when y-m-d is a real calendar date. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function isoOf(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Excel's 1900 date system: serial 1 = 1900-01-01, with the 1900 leap-year bug (serial 60). */
export function serialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  const ms = Date.UTC(1899, 11, 30) + (whole < 60 ? whole + 1 : whole) * DAY_MS;
  const d = new Date(ms);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function isoToSerial(iso: IsoDate): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / DAY_MS);
}
