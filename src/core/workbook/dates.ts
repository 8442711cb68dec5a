/**
 * Dates in the workbook: real Excel dates (serial numbers, 1900 date system) shown as dd/mm/yyyy.
 * Serial 1 = 1900-01-01; Excel counts a phantom 29/02/1900 (serial 60), so from 1900-03-01 on a serial is
 * one more than the day count (and 60 is not a date).
 */
import type { IsoDate } from "../plan/types";

/** Number format of every date cell the add-in writes. */
export const DATE_FORMAT = "dd/mm/yyyy";

const DAY_MS = 86400 * 1000;
const DAY_ZERO = Date.UTC(1899, 11, 31); // serial 0 = 1900-01-00
const MAX_SERIAL = 2958465; // 9999-12-31

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

/** "2022-10-16" → 44850. NaN when the text is not an ISO date. */
export function isoToSerial(iso: IsoDate): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return Number.NaN;
  const days = Math.round((Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - DAY_ZERO) / DAY_MS);
  return days >= 60 ? days + 1 : days;
}

/** 44850 → "2022-10-16"; null for non-dates (and Excel's phantom 29/02/1900). A time part is ignored. */
export function serialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_SERIAL + 1) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  const d = new Date(DAY_ZERO + (whole > 60 ? whole - 1 : whole) * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "2022-10-16" → "16/10/2022". */
export function isoToDisplay(iso: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
