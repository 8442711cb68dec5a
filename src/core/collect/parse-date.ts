/** Dates typed into cells: Excel serial numbers, "16/10/2022" text, ISO, "ngày 16 tháng 10 năm 2022". */
import type { IsoDate } from "../plan/types";
import type { CellValue } from "../workbook/model";
import { nfc, foldVietnamese } from "../text/vietnamese";
import { isRealDate, isoOf, serialToIso, displayDate } from "../tracking/hcm-time";

export interface ParsedDate {
  value: IsoDate | null;
  issue: null | {
    kind: "DATE_INVALID" | "DATE_READ_AS";
    severity: "error" | "warning";
    messageVi: string;
    messageEn: string;
  };
}

function invalid(shown: string): ParsedDate {
  return {
    value: null,
    issue: {
      kind: "DATE_INVALID",
      severity: "error",
      messageVi: `"${shown}" không phải là ngày hợp lệ; hãy nhập theo dạng ngày/tháng/năm (vd 16/10/2022).`,
      messageEn: `"${shown}" is not a valid date; enter it as day/month/year (e.g. 16/10/2022).`,
    },
  };
}

export function parseCellDate(cell: CellValue): ParsedDate {
  if (cell === null || cell === "") return { value: null, issue: null };
  if (typeof cell === "boolean") return invalid(String(cell));
  if (typeof cell === "number") {
    const iso = serialToIso(cell);
    return iso && cell >= 367 ? { value: iso, issue: null } : invalid(String(cell));
  }
  const text = nfc(cell).trim();
  if (text === "") return { value: null, issue: null };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? { value: isoOf(y, mo, d), issue: null } : invalid(text);
  }
  const folded = foldVietnamese(text);
  m = /^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$/.exec(folded);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? { value: isoOf(y, mo, d), issue: null } : invalid(text);
  }
  m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    let y = Number(m[3]);
    if (m[3].length === 2) y += 2000;
    if (isRealDate(y, mo, d)) return { value: isoOf(y, mo, d), issue: null };
    if (isRealDate(y, d, mo)) {
      const iso = isoOf(y, d, mo);
      return {
        value: iso,
        issue: {
          kind: "DATE_READ_AS",
          severity: "warning",
          messageVi: `"${text}" viết theo kiểu tháng/ngày; đã hiểu là ngày ${displayDate(iso)}.`,
          messageEn: `"${text}" is written month/day; read as ${iso}.`,
        },
      };
    }
    return invalid(text);
  }
  return invalid(text);
}
