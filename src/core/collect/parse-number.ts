/**
 * Numbers as Vietnamese units type them: "1.234" = 1234, "1.234,5" = 1234.5, "1,5" = 1.5,
 * "12 buổi" = 12 (with a warning), "2 triệu" = 2 000 000 (with a warning), "nhiều" = not a number.
 * Full precision: the digits are rebuilt into a canonical string and parsed once; integers beyond
 * Number.MAX_SAFE_INTEGER are refused rather than rounded. Money is in đồng.
 */
import { nfc, foldVietnamese } from "../text/vietnamese";

export type NumberIssueKind = "TEXT_IN_NUMBER" | "NUMBER_FORMAT" | "NOT_A_NUMBER" | "TOO_LARGE";

export interface NumberIssue {
  kind: NumberIssueKind;
  severity: "error" | "warning";
  messageVi: string;
  messageEn: string;
}

export interface ParsedNumber {
  /** The number read, or null when none could be read (then `issue` is an error) or the text is empty. */
  value: number | null;
  issue: NumberIssue | null;
}

const SCALE_WORDS: { folded: RegExp; factor: number; vi: string }[] = [
  { folded: /^(ty|ti)( dong)?$/, factor: 1e9, vi: "tỷ" },
  { folded: /^(trieu|tr)( dong)?$/, factor: 1e6, vi: "triệu" },
  { folded: /^(nghin|ngan|k)( dong)?$/, factor: 1e3, vi: "nghìn" },
];

/** Format a number the Vietnamese way for messages: 1234567.5 → "1.234.567,5". */
export function formatVietnameseNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const negative = value < 0;
  const [intPart, frac] = Math.abs(value).toString().includes("e")
    ? [Math.abs(value).toFixed(0), undefined]
    : Math.abs(value).toString().split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

function issue(kind: NumberIssueKind, severity: "error" | "warning", vi: string, en: string): NumberIssue {
  return { kind, severity, messageVi: vi, messageEn: en };
}

interface Canonical {
  text: string;
  /** The reading is not the plain Vietnamese one (English separators, ambiguous comma…). */
  note: { vi: string; en: string } | null;
}

/** Turn one numeric token (digits with . , and spaces) into a canonical "1234.5" string. */
function canonicalise(token: string): Canonical | null {
  const t = token.replace(/[\s\u00a0\u202f]/g, "");
  if (!/^\d[\d.,]*$/.test(t) || /[.,]$/.test(t)) return null;
  const dots = (t.match(/\./g) ?? []).length;
  const commas = (t.match(/,/g) ?? []).length;
  if (dots === 0 && commas === 0) return { text: t, note: null };
  const lastDot = t.lastIndexOf(".");
  const lastComma = t.lastIndexOf(",");
  const groupsOk = (intPart: string, sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(intPart);
  if (dots > 0 && commas > 0) {
    if (lastComma > lastDot) {
      // Vietnamese: 1.234.567,89
      const [i, f] = [t.slice(0, lastComma), t.slice(lastComma + 1)];
      if (commas !== 1 || !groupsOk(i, ".")) return null;
      return { text: `${i.replace(/\./g, "")}.${f}`, note: null };
    }
    // English: 1,234,567.89
    const [i, f] = [t.slice(0, lastDot), t.slice(lastDot + 1)];
    if (dots !== 1 || !groupsOk(i, ",")) return null;
    return {
      text: `${i.replace(/,/g, "")}.${f}`,
      note: {
        vi: "viết theo kiểu tiếng Anh (dấu phẩy ngăn nghìn)",
        en: "written the English way (comma thousands)",
      },
    };
  }
  if (dots > 0) {
    if (groupsOk(t, ".")) return { text: t.replace(/\./g, ""), note: null };
    if (dots === 1) {
      return {
        text: t,
        note: { vi: "dấu chấm được hiểu là dấu thập phân", en: "the dot was read as a decimal point" },
      };
    }
    return null;
  }
  // Commas only.
  if (commas === 1) {
    const f = t.slice(lastComma + 1);
    const ambiguous = f.length === 3 && !t.startsWith("0");
    return {
      text: t.replace(",", "."),
      note: ambiguous
        ? { vi: "dấu phẩy được hiểu là dấu thập phân", en: "the comma was read as a decimal comma" }
        : null,
    };
  }
  if (groupsOk(t, ",")) {
    return {
      text: t.replace(/,/g, ""),
      note: {
        vi: "viết theo kiểu tiếng Anh (dấu phẩy ngăn nghìn)",
        en: "written the English way (comma thousands)",
      },
    };
  }
  return null;
}

/**
 * Read a number from what a unit typed. Numbers already stored as numbers should not come here
 * (see `readNumberCell`).
 */
export function parseVietnameseNumber(input: string): ParsedNumber {
  const text = nfc(input).trim();
  if (text === "") return { value: null, issue: null };
  const quoted = `"${text}"`;
  const notNumber = (): ParsedNumber => ({
    value: null,
    issue: issue(
      "NOT_A_NUMBER",
      "error",
      `${quoted} không phải là số; hãy nhập một con số.`,
      `${quoted} is not a number; enter a figure.`,
    ),
  });
  const tokens = text.match(/\d[\d.,\s\u00a0\u202f]*\d|\d/g) ?? [];
  if (tokens.length !== 1) return notNumber();
  const token = tokens[0];
  const at = text.indexOf(token);
  let before = text.slice(0, at).trim();
  let after = text.slice(at + token.length).trim();
  let sign = 1;
  if (/^[-−–]$/.test(before)) {
    sign = -1;
    before = "";
  } else if (before === "+") {
    before = "";
  } else if (before === "(" && after.startsWith(")")) {
    sign = -1;
    before = "";
    after = after.slice(1).trim();
  }
  const canonical = canonicalise(token);
  if (!canonical) return notNumber();
  let value = sign * Number(canonical.text);
  if (!Number.isFinite(value)) return notNumber();
  const rest = after;
  const foldedRest = foldVietnamese(rest).replace(/[.]$/, "");
  const scale = SCALE_WORDS.find((s) => s.folded.test(foldedRest));
  let result: ParsedNumber;
  if (before !== "") {
    result = {
      value,
      issue: issue(
        "TEXT_IN_NUMBER",
        "warning",
        `Ô số có chữ: ${quoted} — đã lấy ${formatVietnameseNumber(value)}. Chỉ nhập con số.`,
        `Text in a number cell: ${quoted} — read as ${value}. Enter the figure only.`,
      ),
    };
  } else if (scale) {
    value = Number((value * scale.factor).toPrecision(15));
    result = {
      value,
      issue: issue(
        "TEXT_IN_NUMBER",
        "warning",
        `Ô số có chữ: ${quoted} — đã hiểu là ${formatVietnameseNumber(value)} (đơn vị đồng). Hãy nhập đủ số.`,
        `Text in a number cell: ${quoted} — read as ${value} (in đồng). Enter the full figure.`,
      ),
    };
  } else if (rest !== "") {
    result = {
      value,
      issue: issue(
        "TEXT_IN_NUMBER",
        "warning",
        `Ô số có chữ: ${quoted} — đã lấy ${formatVietnameseNumber(value)}. Chỉ nhập con số.`,
        `Text in a number cell: ${quoted} — read as ${value}. Enter the figure only.`,
      ),
    };
  } else if (canonical.note) {
    result = {
      value,
      issue: issue(
        "NUMBER_FORMAT",
        "warning",
        `${quoted} ${canonical.note.vi}: đã đọc là ${formatVietnameseNumber(value)}. Kiểm tra lại.`,
        `${quoted} ${canonical.note.en}: read as ${value}. Please check.`,
      ),
    };
  } else {
    result = { value, issue: null };
  }
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return {
      value: null,
      issue: issue(
        "TOO_LARGE",
        "error",
        `${quoted} quá lớn, không giữ được đủ chữ số.`,
        `${quoted} is too large to keep every digit.`,
      ),
    };
  }
  if (canonical.text.includes(".") && canonical.text.replace(/\D/g, "").replace(/^0+/, "").length > 15) {
    return {
      value: null,
      issue: issue(
        "TOO_LARGE",
        "error",
        `${quoted} có quá nhiều chữ số, không giữ được độ chính xác.`,
        `${quoted} has too many digits to keep full precision.`,
      ),
    };
  }
  return result;
}
