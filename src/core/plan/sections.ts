/** Sections of a plan (I-, II., III…) and which of them hold the assignments ("Tổ chức thực hiện"). */
import { namesRole } from "./roles";
import { prose, type SourceLine } from "./source-lines";
import { foldVietnamese } from "../text/vietnamese";

export interface Section {
  /** "III", or null for an unnumbered assignment heading. */
  roman: string | null;
  title: string;
  /** Index of the heading line. */
  heading: number;
  /** Index after the last line of the section. */
  end: number;
  isAssignment: boolean;
}

const ROMAN = /^(?:PHẦN\s+|Phần\s+)?([IVX]{1,5})\s*[-.):–]\s*(\S.*)$/u;
const ROMAN_VALUE = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
const ASSIGNMENT_TITLE =
  /^(?:nhiem vu (?:va|,) )?(?:phan cong$|to chuc (?:trien khai )?thuc hien|trien khai thuc hien|phan cong (?:nhiem vu|thuc hien|trach nhiem)|trach nhiem (?:thuc hien|cua)|giao nhiem vu|nhiem vu cua cac|to chuc thuc hien va che do bao cao)/;
const PLAIN_ASSIGNMENT =
  /^(?:\d{1,2}\s*[-.)]\s*)?(?:to chuc (?:trien khai )?thuc hien|phan cong (?:nhiem vu|thuc hien)|trach nhiem thuc hien)\s*[:.]?$/;

export function isAssignmentTitle(title: string): boolean {
  return ASSIGNMENT_TITLE.test(foldVietnamese(title));
}

const ORDINAL_ROMAN: Record<string, string> = {
  nhat: "I",
  hai: "II",
  ba: "III",
  tu: "IV",
  nam: "V",
  sau: "VI",
  bay: "VII",
  tam: "VIII",
  chin: "IX",
  muoi: "X",
};
/** "Phần thứ hai: NHIỆM VỤ", "PHẦN II", "Phần 3 -": a part of the plan, its title on the line or the next. */
const PART =
  /^phan\s+(?:thu\s+(nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi)|([ivx]{1,5})|(\d{1,2}))(?:\s*[-.):–]\s*(\S.*)|\s*[.:]?)$/u;
const ARABIC_ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

export function romanHeading(text: string, next = ""): { roman: string; title: string } | null {
  const p = PART.exec(foldVietnamese(text).toLowerCase());
  if (p) {
    const roman = p[1] ? ORDINAL_ROMAN[p[1]] : p[2] ? p[2].toUpperCase() : ARABIC_ROMAN[+p[3]];
    if (roman && ROMAN_VALUE.test(roman)) {
      // The title as written (the folded match only locates it).
      const title = p[4] !== undefined ? text.slice(text.length - p[4].length) : next;
      // "Phần 1: Thi tìm hiểu" in running text is a part of a contest, not of the plan: arabic needs capitals.
      const capitals = title === title.toLocaleUpperCase("vi");
      if (!p[3] || capitals) return { roman, title: title.replace(/[:.]+$/, "").trim() };
    }
  }
  const m = ROMAN.exec(text);
  if (!m || !ROMAN_VALUE.test(m[1])) return null;
  return { roman: m[1], title: m[2].replace(/[:.]+$/, "").trim() };
}

/** The sections between `from` and `to` (line indexes). */
export function findSections(lines: SourceLine[], from: number, to: number): Section[] {
  const sections: Section[] = [];
  for (let i = from; i < to; i++) {
    const next = lines.slice(i + 1, to).find((l) => l.text !== "");
    const h = romanHeading(prose(lines[i].text), next ? prose(next.text) : "");
    if (!h) continue;
    if (sections.length > 0) sections[sections.length - 1].end = i;
    sections.push({
      roman: h.roman,
      title: h.title,
      heading: i,
      end: to,
      isAssignment: isAssignmentTitle(h.title),
    });
  }
  // "II. NỘI DUNG HOẠT ĐỘNG" whose items say who leads them ("- Đơn vị chủ trì: …", "(Phòng X chủ trì)") assigns too.
  for (const s of sections) {
    if (s.isAssignment) continue;
    for (let i = s.heading + 1; i < s.end && !s.isAssignment; i++)
      s.isAssignment = namesRole(prose(lines[i].text));
  }
  if (!sections.some((s) => s.isAssignment)) {
    // An unnumbered (or arabic-numbered) "Tổ chức thực hiện" heading, up to the next section or the closing.
    for (let i = from; i < to; i++) {
      const t = prose(lines[i].text);
      if (t.split(/\s+/).length > 8 || !PLAIN_ASSIGNMENT.test(foldVietnamese(t))) continue;
      const next = sections.find((s) => s.heading > i);
      sections.push({ roman: null, title: t, heading: i, end: next ? next.heading : to, isAssignment: true });
      break;
    }
  }
  return sections;
}
