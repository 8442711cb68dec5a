/** The plan's overall completion date: "Thời gian: Hoàn thành trước ngày 15 tháng 10 năm 2022", or a "THỜI GIAN THỰC HIỆN" section. */
import type { IsoDate, PlanWarning } from "./types";
import { deadlineCandidates, type DeadlineCandidate } from "./deadlines";
import { findDateMentions } from "./dates";
import { prose, type SourceLine } from "./source-lines";

const TIME_LINE =
  /^(?:[-–+•]\s*)?(?:(?:PHẦN\s+)?(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[-.):–]\s*)?(?:thời gian|thời hạn)(?![\p{L}])/iu;
/** A section heading that names the time among other things: "II. NỘI DUNG, THỜI GIAN", "III. Nội dung và thời gian thực hiện". */
const TIME_HEADING =
  /^(?:PHẦN\s+)?[IVX]{1,5}\s*[-.):–]\s*[\p{L}\s,]{1,40}?(?:,\s*|\s+và\s+)(?:thời gian|thời hạn)(?![\p{L}])(?!\s+(?:tổ chức|diễn ra|khai mạc))[\p{L}\s]*$/iu;
const MARKED = /^(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[-.):–]\s|^[-–+•]/u;

export interface OverallDeadline {
  iso: IsoDate | null;
  warnings: PlanWarning[];
}

function latest(cands: DeadlineCandidate[]): DeadlineCandidate | null {
  const known = cands.filter((c) => c.iso !== "");
  return known.length === 0 ? null : known.reduce((a, b) => (b.iso > a.iso ? b : a));
}

export function findOverallDeadline(
  lines: SourceLine[],
  from: number,
  to: number,
  issuedOn: IsoDate | null,
  /** Line numbers that belong to a task (its own time is not the plan's). */
  taskLines: ReadonlySet<number> = new Set(),
): OverallDeadline {
  for (let i = from; i < to; i++) {
    if (taskLines.has(lines[i].no)) continue;
    const text = prose(lines[i].text);
    if (!TIME_LINE.test(text) && !TIME_HEADING.test(text)) continue;
    let cands = deadlineCandidates(text, lines[i].no, { issuedOn });
    if (cands.length === 0 && findDateMentions(text).length === 0) {
      // A heading "THỜI GIAN THỰC HIỆN" with the dates in the paragraphs under it.
      for (let j = i + 1; j < Math.min(to, i + 4); j++) {
        const next = prose(lines[j].text);
        if (next === "") continue;
        if (MARKED.test(next) && !/^[-–+•]/u.test(next)) break;
        cands = deadlineCandidates(`Thời gian: ${next}`, lines[j].no, { issuedOn });
        if (cands.length > 0) break;
      }
    }
    const best = latest(cands);
    if (best) return { iso: best.iso, warnings: best.notes };
    const unknown = cands.find((c) => c.iso === "");
    if (unknown) return { iso: null, warnings: unknown.notes };
  }
  return { iso: null, warnings: [] };
}
