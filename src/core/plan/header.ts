/** The document header: number, kind, issuing body and the body above it, place and date, layout style, title. */
import type { DocumentStyle, IsoDate } from "./types";
import { findDateMentions, resolveMention } from "./dates";
import { prose, sideSegments, type SourceLine } from "./source-lines";
import { foldVietnamese } from "../text/vietnamese";
import { looksLikeUnit } from "./units";

export const DOCUMENT_KINDS = [
  "CHƯƠNG TRÌNH HÀNH ĐỘNG",
  "KẾ HOẠCH",
  "HƯỚNG DẪN",
  "THÔNG BÁO",
  "CÔNG VĂN",
  "QUYẾT ĐỊNH",
  "CHỈ THỊ",
  "NGHỊ QUYẾT",
  "BÁO CÁO",
  "CHƯƠNG TRÌNH",
  "ĐỀ ÁN",
  "PHƯƠNG ÁN",
  "TỜ TRÌNH",
  "GIẤY MỜI",
  "KẾT LUẬN",
  "THÔNG TRI",
  "QUY CHẾ",
  "QUY ĐỊNH",
  "ĐỀ CƯƠNG",
  "LỊCH CÔNG TÁC",
];

/** Type abbreviation in a document number → document kind, for documents whose kind line is missing. */
const KIND_BY_ABBREVIATION: Record<string, string> = {
  KH: "KẾ HOẠCH",
  HD: "HƯỚNG DẪN",
  TB: "THÔNG BÁO",
  CV: "CÔNG VĂN",
  QĐ: "QUYẾT ĐỊNH",
  CT: "CHỈ THỊ",
  NQ: "NGHỊ QUYẾT",
  BC: "BÁO CÁO",
  CTr: "CHƯƠNG TRÌNH",
  ĐA: "ĐỀ ÁN",
  PA: "PHƯƠNG ÁN",
  TTr: "TỜ TRÌNH",
};

export interface Header {
  number: string | null;
  kind: string | null;
  /** Index (0-based, into lines) of the kind line, or -1. */
  kindIndex: number;
  issuer: string | null;
  parentBody: string | null;
  place: string | null;
  issuedOn: IsoDate | null;
  /** Line of the place-and-date, when its date could not be read. */
  blankDateLine: number | null;
  /** From the header mottos or the number format; null when nothing says. */
  style: DocumentStyle | null;
  title: string | null;
  /** Index of the first line after the title. */
  bodyStart: number;
}

const ROMAN_HEADING = /^(?:PHẦN\s+|Phần\s+)?([IVX]{1,5})\s*[-.):–]\s*\S/u;
const MOTTO_PARTY = /^dang cong san viet nam$/;
const MOTTO_STATE = /cong hoa xa hoi chu nghia viet nam/;
const MOTTO_YOUTH = /^doan (tncs|thanh nien cong san) ho chi minh$/;
const MOTTO_OTHER = /^doc lap\s*-?\s*tu do\s*-?\s*hanh phuc$|^[-_=*.~\s]+$/;
const NUMBER_RE = /^Số\s*:?\s*(\d+\s*[-/]\s*[\p{L}\d.\-/ ]*[\p{L}\d])/u;
const BARE_NUMBER_RE = /^(\d+[-/]\p{Lu}[\p{L}\d.-]*\/[\p{Lu}\d.\-/]+)$/u;
const PLACE_DATE_RE = /^(\p{Lu}[\p{L}\s.'-]{0,48}?)\s*,\s*(?:(?:thứ\s+\S+|chủ nhật)\s*,?\s*)?ngày(.*)$/iu;

export function isUpperText(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters === letters.toLocaleUpperCase("vi");
}

function kindOf(text: string): { kind: string; rest: string } | null {
  for (const kind of DOCUMENT_KINDS) {
    if (text === kind) return { kind, rest: "" };
    if (text.startsWith(kind + " ") || text.startsWith(kind + ":")) {
      const rest = text.slice(kind.length).replace(/^[\s:]+/, "");
      // "KẾ HOẠCH Tổ chức …" is a kind line; "KẾ HOẠCH SỐ …" or a sentence is not.
      if (/^(SỐ|số)\b/u.test(rest)) return null;
      return { kind, rest };
    }
  }
  return null;
}

function isTitleStop(text: string): boolean {
  return (
    ROMAN_HEADING.test(text) ||
    /^(?:\d{1,2}\s*[-.)]|[a-zđ]\s*[).]|[-–+•*])\s+/u.test(text) ||
    /^(?:Thời gian|Thời hạn|Địa điểm|Thực hiện|Căn cứ|Nhằm|Để|Theo|Qua|Trên cơ sở|Hôm nay|Kính gửi|Được sự|Thi hành|Hưởng ứng|Tiếp tục thực hiện)(?:\s|:)/u.test(
      text,
    ) ||
    /số\s*:?\s*\d+[-/]\S*\s*,?\s+(?:ngày|của)/iu.test(text) ||
    /\s(?:xây dựng|ban hành)\s+(?:kế hoạch|hướng dẫn|chương trình)/iu.test(text) ||
    /:$/.test(text) ||
    /^[-_=*.~]{3,}$/.test(text) ||
    text.length > 320
  );
}

interface Body {
  text: string;
  line: number;
}

/** A header line that names only an organ of the body beside it: "BAN THƯỜNG VỤ", "BAN THƯỜNG TRỰC". */
const ORGAN_ONLY =
  /^(?:ban thuong vu|ban thuong truc|thuong truc|ban chap hanh|bch|btv|ban chi uy|chi uy|ban giam hieu|ban giam doc)$/;

/** A word shaped like a Vietnamese syllable (an abbreviation such as CĐCS, UBND, LĐLĐ is not). */
function isSyllable(word: string): boolean {
  return /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/.test(
    foldVietnamese(word),
  );
}

/**
 * A header line that cannot begin a body's name continues the line above: the issuer's name wrapped
 * ("CHI BỘ BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ" / "XÂY DỰNG …") or an area under an incomplete name
 * ("ỦY BAN MTTQ VIỆT NAM" / "HUYỆN SỐP CỘP"). Abbreviations (CĐCS …) may start a body, so they do not.
 */
function continuesAbove(text: string): boolean {
  const first = text.split(/\s+/)[0] ?? "";
  return (
    isSyllable(first) &&
    !looksLikeUnit(text.toLocaleLowerCase("vi")) &&
    !ORGAN_ONLY.test(foldVietnamese(text))
  );
}

function joinBodies(parts: Body[]): Body[] {
  const out: Body[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    const incomplete =
      prev !== undefined &&
      /^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)$/u.test(prev.text);
    if (
      prev &&
      (incomplete ||
        /^(VÀ|-|&)\s/u.test(p.text) ||
        /[-,&]$|\sVÀ$/u.test(prev.text) ||
        (!ORGAN_ONLY.test(foldVietnamese(prev.text)) && continuesAbove(p.text)))
    )
      prev.text = `${prev.text} ${p.text}`;
    else out.push({ ...p });
  }
  // An organ line belongs to the body next to it: the one below it, else the one above.
  for (let i = 0; i < out.length; i++) {
    if (!ORGAN_ONLY.test(foldVietnamese(out[i].text))) continue;
    const next = out[i + 1];
    if (next && !ORGAN_ONLY.test(foldVietnamese(next.text))) {
      out.splice(i, 2, { text: `${out[i].text} ${next.text}`, line: out[i].line });
    } else if (i > 0) {
      out.splice(i - 1, 2, { text: `${out[i].text} ${out[i - 1].text}`, line: out[i - 1].line });
      i--;
    }
  }
  return out;
}

export function parseHeader(lines: SourceLine[]): Header {
  const firstSection = lines.findIndex((l) => ROMAN_HEADING.test(l.text));
  const limit = Math.min(lines.length, firstSection >= 0 ? firstSection : 40, 60);
  let kindIndex = -1;
  let kind: string | null = null;
  let titleParts: string[] = [];
  for (let i = 0; i < limit; i++) {
    const k = kindOf(prose(lines[i].text));
    if (k) {
      kindIndex = i;
      kind = k.kind;
      if (k.rest) titleParts = [k.rest];
      break;
    }
  }
  const headerEnd = kindIndex >= 0 ? kindIndex : Math.min(limit, 20);

  let number: string | null = null;
  let place: string | null = null;
  let issuedOn: IsoDate | null = null;
  let blankDateLine: number | null = null;
  let style: DocumentStyle | null = null;
  const bodies: Body[] = [];
  const scanEnd = Math.max(headerEnd, Math.min(limit, kindIndex + 4));
  for (let i = 0; i < scanEnd; i++) {
    for (const seg of sideSegments(lines[i].text)) {
      const folded = foldVietnamese(seg);
      if (MOTTO_PARTY.test(folded) || MOTTO_YOUTH.test(folded)) {
        style ??= "party";
        continue;
      }
      if (MOTTO_STATE.test(folded)) {
        style ??= "state";
        continue;
      }
      if (MOTTO_OTHER.test(folded)) continue;
      const num = NUMBER_RE.exec(seg) ?? BARE_NUMBER_RE.exec(seg);
      if (num && number === null) {
        number = num[1].replace(/\s+/g, "");
        continue;
      }
      const pd = PLACE_DATE_RE.exec(seg);
      if (pd && place === null && !/\d/.test(pd[1])) {
        place = pd[1].trim();
        const mention = findDateMentions(`ngày${pd[2]}`).find((m) => m.kind === "full" && m.start === 0);
        const iso = mention ? resolveMention(mention, null).iso : null;
        if (iso) issuedOn = iso;
        else blankDateLine = lines[i].no;
        continue;
      }
      if (i < headerEnd && isUpperText(seg) && !kindOf(seg) && !/^Số\b/iu.test(seg))
        bodies.push({ text: seg, line: lines[i].no });
    }
  }
  const joined = joinBodies(bodies);
  const issuer = joined.length > 0 ? joined[joined.length - 1].text : null;
  const parentBody = joined.length > 1 ? joined[joined.length - 2].text : null;

  let bodyStart = kindIndex >= 0 ? kindIndex + 1 : headerEnd;
  if (kindIndex >= 0) {
    let i = kindIndex + 1;
    for (; i < lines.length && titleParts.length < 4; i++) {
      const t = prose(lines[i].text);
      if (t === "") continue;
      // The line right after the kind is the subject even when it starts like grounds ("Thực hiện …").
      const first = titleParts.length === 0 && !/^Căn cứ\s/u.test(t) && !/số\s*:?\s*\d+[-/]/iu.test(t);
      if (!(first && !ROMAN_HEADING.test(t) && !/:$/.test(t)) && isTitleStop(t)) break;
      if (PLACE_DATE_RE.test(t) || NUMBER_RE.test(t)) break;
      titleParts.push(t);
    }
    bodyStart = i;
  }
  const title = titleParts.length > 0 ? titleParts.join(" ").replace(/[\s;,:.]+$/u, "") : null;
  if (kind === null && number) {
    const abbr = /^\d+-([\p{L}]+)\/|^\d+\/([\p{L}]+)-/u.exec(number);
    const a = abbr ? (abbr[1] ?? abbr[2]) : null;
    if (a && KIND_BY_ABBREVIATION[a]) kind = KIND_BY_ABBREVIATION[a];
  }
  if (style === null && number) {
    if (/^\d+-[\p{L}]+\/[\p{L}]/u.test(number)) style = "party";
    else if (/^\d+\/[\p{L}]+-/u.test(number)) style = "state";
  }
  return {
    number,
    kind,
    kindIndex,
    issuer,
    parentBody,
    place,
    issuedOn,
    blankDateLine,
    style,
    title,
    bodyStart,
  };
}
