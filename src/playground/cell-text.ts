/**
 * How the playground's grid shows a cell, as Excel does: a number through its number format (dates as
 * dd/mm/yyyy, "#,##0" grouped the Vietnamese or English way, percentages), text as typed; and what the
 * formula bar shows: the formula (one "="), or the value in a form that, typed back, gives the same value.
 */
import type { CellValue } from "../core/workbook/model";
import { serialToIso } from "../core/workbook/dates";
import type { Lang } from "../taskpane/services";
import { parseInput } from "../testing/simulated-excel/host";

const LOCALE: Record<Lang, string> = { vi: "vi-VN", en: "en-US" };

/** The format's code without quoted text, escapes and [colour]/[locale] sections: only its tokens. */
function tokensOf(format: string): string {
  return format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
}

export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === "General" || format === "@") return false;
  return /[dy]|h|s/i.test(tokensOf(format));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** A date serial through a date format: d, dd, m, mm, yy, yyyy, h, hh, mm after h (minutes), ss. */
function formatDate(serial: number, format: string): string {
  const iso = serialToIso(serial);
  if (!iso) return String(serial);
  const [year, month, day] = iso.split("-").map(Number);
  const seconds = Math.round((serial - Math.floor(serial)) * 86400);
  const hours = Math.floor(seconds / 3600) % 24;
  const minutes = Math.floor(seconds / 60) % 60;
  let afterHour = false;
  return format.replace(/"([^"]*)"|\\(.)|yyyy|yy|dd|d|mm|m|hh|h|ss|s/gi, (token, quoted, escaped) => {
    if (quoted !== undefined) return quoted;
    if (escaped !== undefined) return escaped;
    const t = token.toLowerCase();
    if (t.startsWith("h")) {
      afterHour = true;
      return t === "hh" ? pad(hours) : String(hours);
    }
    if (t.startsWith("m") && afterHour) {
      afterHour = false;
      return t === "mm" ? pad(minutes) : String(minutes);
    }
    if (t.startsWith("s")) return t === "ss" ? pad(seconds % 60) : String(seconds % 60);
    if (t === "yyyy") return pad(year, 4);
    if (t === "yy") return pad(year % 100);
    if (t.startsWith("d")) return t === "dd" ? pad(day) : String(day);
    return t === "mm" ? pad(month) : String(month);
  });
}

/** A number through a numeric format: grouping when it has ",", decimals from its "0"/"#" after ".", "%". */
function formatNumber(value: number, format: string, lang: Lang): string {
  const code = tokensOf(format.split(";")[0]);
  const percent = code.includes("%");
  const decimals = /\.([0#]+)/.exec(code)?.[1] ?? "";
  const text = new Intl.NumberFormat(LOCALE[lang], {
    useGrouping: code.includes(","),
    minimumFractionDigits: decimals.replace(/#/g, "").length,
    maximumFractionDigits: decimals.length,
  }).format(percent ? value * 100 : value);
  return percent ? `${text}%` : text;
}

/** Excel's "General": up to 10 significant digits, no grouping. */
function formatGeneral(value: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { useGrouping: false, maximumSignificantDigits: 10 }).format(
    value,
  );
}

/** What a cell shows in the grid. */
export function cellText(value: CellValue | undefined, numberFormat: string | undefined, lang: Lang): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return String(value);
  if (!numberFormat || numberFormat === "General" || numberFormat === "@") return formatGeneral(value, lang);
  if (isDateFormat(numberFormat)) return formatDate(value, numberFormat);
  if (/[0#]/.test(tokensOf(numberFormat))) return formatNumber(value, numberFormat, lang);
  return formatGeneral(value, lang);
}

/**
 * What the formula bar shows for a cell: its formula as stored (it already starts with "="), a date as
 * yyyy-mm-dd and a number in full, so that pressing Enter without a change writes the same value back
 * (the simulated host reads typed input by Excel's en-US rules).
 */
export function formulaBarText(
  cell: { value: CellValue; formula?: string; numberFormat?: string } | undefined,
): string {
  if (!cell) return "";
  if (cell.formula) return cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
  const { value } = cell;
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (isDateFormat(cell.numberFormat) && Number.isInteger(value))
      return serialToIso(value) ?? String(value);
    return String(value);
  }
  // Text that would be read back as something else (a number, a date, a formula) gets Excel's apostrophe.
  const parsed = parseInput(value, cell.numberFormat ?? "General", "formula bar");
  return parsed.kind === "value" && parsed.value === value ? value : `'${value}`;
}
