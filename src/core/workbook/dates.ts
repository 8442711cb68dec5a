/**
 * Dates in the workbook: real Excel dates (serial numbers, 1900 system) shown as dd/mm/yyyy.
 * The serial maths lives in one place (core/tracking/hcm-time.ts); this module is the workbook's view of it.
 */
import type { IsoDate } from "../plan/types";
import {
  displayDate,
  isoToSerial as isoToSerialImpl,
  serialToIso as serialToIsoImpl,
} from "../tracking/hcm-time";

/** Number format of every date cell the add-in writes. */
export const DATE_FORMAT = "dd/mm/yyyy";

/** "2022-10-16" → 44850 (Excel serial, 1900 date system). */
export function isoToSerial(iso: IsoDate): number {
  return isoToSerialImpl(iso);
}

/** 44850 → "2022-10-16"; null for non-dates (and Excel's phantom 29/02/1900). */
export function serialToIso(serial: number): IsoDate | null {
  return serialToIsoImpl(serial);
}

/** "2022-10-16" → "16/10/2022". */
export function isoToDisplay(iso: IsoDate): string {
  return displayDate(iso);
}
