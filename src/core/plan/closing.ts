/** The closing of a plan: "Nơi nhận" (recipients, the one marked "(b/c)" is the body above) and the signature. */
import type { PlanSignature } from "./types";
import { sideSegments, type SourceLine } from "./source-lines";
import { isUpperText } from "./header";
import { tidyUnitName } from "./units";

export interface Closing {
  /** Index of the first closing line (nothing from here on is an assignment); lines.length when none. */
  start: number;
  recipients: string[];
  /** The recipient marked "(b/c)" (for report), without the mark. */
  reportAbove: string | null;
  signature: PlanSignature;
}

const RECIPIENTS = /^Nơi\s+nhận\s*:?\s*(.*)$/iu;
const AUTHORITY = /^(?:T\.?\s?M|T\/M|K\.?\s?T|K\/T|T\.?\s?L|T\/L|TUQ|T\/U|Q)\s*[.:]?\s+\p{Lu}/u;
const SIGNED = /^\(?\s*(?:đã\s+ký|ký|ký tên|đóng dấu|ký,\s*đóng dấu)[^)]*\)?$/iu;
const FOR_REPORT = /\s*\((?:để\s+)?(?:b\/c|bc|báo cáo)\)/iu;

/** "PHỤ LỤC", "Phụ lục 02", "PHỤ LỤC I: DANH MỤC …", "DANH MỤC NHIỆM VỤ …": an appendix heading. */
const APPENDIX =
  /^(?:(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?([IVX]{1,4}|\d{1,2}))?(?=$|[\s.:–-])|DANH MỤC(?=\s))/u;

export interface Appendix {
  /** Index of the heading line, and after the appendix's last line. */
  start: number;
  end: number;
  /** "PL", or "PL2" for "Phụ lục 2" / "Phụ lục II": the prefix of its tasks' refs. */
  ref: string;
}

/**
 * Appendices after the closing (a task list "kèm theo Kế hoạch"): headings that come after the "Nơi nhận" or
 * the signature. The closing ends where the first one begins.
 */
export function findAppendices(lines: SourceLine[], from: number): Appendix[] {
  const out: Appendix[] = [];
  let closed = false;
  for (let i = from; i < lines.length; i++) {
    const first = sideSegments(lines[i].text)[0] ?? "";
    if (!closed) {
      closed = RECIPIENTS.test(first) || AUTHORITY.test(first);
      continue;
    }
    const m = APPENDIX.exec(first);
    if (!m || first.split(/\s+/).length > 20) continue;
    // "DANH MỤC …" right under "PHỤ LỤC" is that appendix's title.
    if (!/^P/u.test(m[0]) && out.length > 0 && i - out[out.length - 1].start <= 3) continue;
    if (out.length > 0) out[out.length - 1].end = i;
    const n = m[1] ? m[1].replace(/^0+(?=\d)/u, "") : "";
    out.push({ start: i, end: lines.length, ref: `PL${n}` });
  }
  return out;
}

export function parseClosing(lines: SourceLine[], from: number): Closing {
  let start = -1;
  for (let i = lines.length - 1; i >= from; i--) {
    const first = sideSegments(lines[i].text)[0] ?? "";
    if (RECIPIENTS.test(first)) {
      start = i;
      break;
    }
  }
  const tailFrom = Math.max(from, lines.length - 30);
  let authorityIndex = -1;
  for (let i = lines.length - 1; i >= tailFrom; i--) {
    if (sideSegments(lines[i].text).some((s) => AUTHORITY.test(s))) {
      authorityIndex = i;
      break;
    }
  }
  if (start < 0) start = authorityIndex;
  else if (authorityIndex >= 0 && authorityIndex < start && start - authorityIndex <= 8)
    start = authorityIndex;
  if (start < 0)
    return {
      start: lines.length,
      recipients: [],
      reportAbove: null,
      signature: { authority: null, title: null, name: null },
    };

  const recipients: string[] = [];
  const pool: string[] = [];
  for (let i = start; i < lines.length; i++) {
    for (const seg of sideSegments(lines[i].text)) {
      const r = RECIPIENTS.exec(seg);
      const text = r ? r[1] : seg;
      if (text === "") continue;
      if (/^[-–+•*]\s*/u.test(text)) {
        const item = text.replace(/^[-–+•*]\s*/u, "").replace(/[\s;,.]+$/u, "");
        if (item) recipients.push(item);
      } else pool.push(text);
    }
  }
  const reportLine = recipients.find((r) => FOR_REPORT.test(r));
  const reportAbove = reportLine ? tidyUnitName(reportLine.replace(FOR_REPORT, "")) : null;

  const signature: PlanSignature = { authority: null, title: null, name: null };
  const candidates = pool.filter((s) => !SIGNED.test(s) && !/^\(.*\)$/.test(s));
  const authAt = candidates.findIndex((s) => AUTHORITY.test(s));
  if (authAt >= 0) signature.authority = candidates[authAt];
  const titleAt = candidates.findIndex((s, i) => i > authAt && isUpperText(s) && !AUTHORITY.test(s));
  if (titleAt >= 0) signature.title = candidates[titleAt];
  const after = Math.max(authAt, titleAt);
  for (let i = candidates.length - 1; i > after; i--) {
    const s = candidates[i];
    if (!isUpperText(s) && /^\p{Lu}/u.test(s) && s.split(/\s+/).length <= 6 && !/\d/.test(s)) {
      signature.name = s;
      break;
    }
  }
  return { start, recipients, reportAbove, signature };
}
