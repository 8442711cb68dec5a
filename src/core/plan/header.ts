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
const STATE_MOTTO = "cong hoa xa hoi chu nghia viet nam";
const PARTY_MOTTO = "dang cong san viet nam";
const MOTTO_YOUTH = /^doan (tncs|thanh nien cong san) ho chi minh$/;
const MOTTO_OTHER = /^doc lap\s*-?\s*tu do\s*-?\s*hanh phuc$|^[-_=*.~\s]+$/;
/**
 * A document number as typed: "Số: 2150/KH-SLĐTBXH", "Số 36-HD/VPTW", "Số 118 - KH/TWĐTN-VP", "Số 07 – KH/ ĐTN",
 * "Số 12 KH/HĐĐ" (the hyphen left out). Its abbreviations are letters and digits joined by "/" and "-" (spaces
 * around them allowed); a word after a plain space ("Bắc Yên, ngày …") is not part of it.
 */
const NUMBER_BODY = String.raw`(\d+\s*(?:[-–—/]\s*|\s+(?=\p{Lu}))\p{L}[\p{L}\d.]*(?:\s*[-–—/]\s*[\p{L}\d.]+)*)`;
/** "Số", or "SỐ" as a TCVN3 text read back gives it (its fonts have no toned capitals of their own). */
const SO = "(?:Số|SỐ)";
const SO_LABEL = new RegExp(String.raw`^${SO}\s*:?\s*`, "u");
/** "Số:" alone: its number on the next line or in the next cell. */
const SO_ALONE = new RegExp(String.raw`^${SO}\s*:?$`, "u");
const NUMBER_RE = new RegExp(String.raw`^${SO}\s*:?\s*${NUMBER_BODY}`, "u");
/** The number alone, after a "Số:" on the line or in the cell before. */
const NUMBER_ONLY_RE = new RegExp(String.raw`^${NUMBER_BODY}$`, "u");
const BARE_NUMBER_RE = /^(\d+[-/]\p{Lu}[\p{L}\d.-]*\/[\p{Lu}\d.\-/]+)$/u;
/** "Số:    /KH-ĐTN", "Số: ...../QĐ-UBND": a number left blank to fill in when signed. */
const BLANK_NUMBER_RE = new RegExp(String.raw`^${SO}\s*:?\s*[.…_\s]*[-–/]\s*\p{Lu}[\p{L}\d.\-–/]*$`, "u");

/** "118 - KH/TWĐTN-VP" → "118-KH/TWĐTN-VP"; "07 – KH/ ĐTN" → "07-KH/ĐTN"; "12 KH/HĐĐ" → "12-KH/HĐĐ". */
function normaliseNumber(raw: string): string {
  return raw
    .replace(/[–—]/gu, "-")
    .replace(/^(\d+)\s+(?=\p{L})/u, "$1-")
    .replace(/\s+/gu, "");
}
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
  // "SỞ TÀI NGUYÊN VÀ MÔI" / "TRƯỜNG": a single word cannot name a body of its own.
  if (!text.includes(" ") && isSyllable(first)) return true;
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
      /^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|BAN CHẤP HÀNH(?: TRUNG ƯƠNG)?)$/u.test(
        prev.text,
      );
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

/** Kinds of body whose name can start a second body on the same line ("ĐẢNG BỘ XÃ A CHI BỘ THÔN B"). */
const BODY_STARTS = [
  "CHI BỘ",
  "ĐẢNG ỦY",
  "ĐẢNG UỶ",
  "HUYỆN ỦY",
  "HUYỆN UỶ",
  "TỈNH ỦY",
  "TỈNH UỶ",
  "THÀNH ỦY",
  "QUẬN ỦY",
  "THỊ ỦY",
  "SỞ",
  "PHÒNG",
  "BAN",
  "TRƯỜNG",
  "TRUNG TÂM",
  "CÔNG ĐOÀN",
  "CĐCS",
  "BCH",
  "BTV",
  "HUYỆN ĐOÀN",
  "TỈNH ĐOÀN",
  "THÀNH ĐOÀN",
  "ĐOÀN TRƯỜNG",
  "ĐOÀN XÃ",
  "CHI ĐOÀN",
  "HỘI ĐỒNG",
  "HỘI",
  "UBND",
  "ỦY BAN",
  "UỶ BAN",
  "VĂN PHÒNG",
  "CHI CỤC",
  "BỆNH VIỆN",
  "TRẠM",
];
/** Words after which a body word belongs to the name ("VĂN PHÒNG", "MÔI TRƯỜNG", "XÃ HỘI", "CƠ SỞ", "ỦY BAN"). */
const NOT_A_NEW_BODY_AFTER = new Set([
  "VÀ",
  "-",
  "–",
  "&",
  ",",
  "CÁC",
  "CỦA",
  "THUỘC",
  "ỦY",
  "UỶ",
  "VĂN",
  "MÔI",
  "THỊ",
  "XÃ",
  "CƠ",
  "QUỐC",
  "CHIẾN",
  "QUẢNG",
  "HIỆN",
  "CÔNG",
  "LIÊN",
]);

/**
 * "ĐẢNG BỘ XÃ CƯỜNG LỢI CHI BỘ THÔN NÀ BẢN", "UBND HUYỆN NA RÌ PHÒNG VĂN HÓA VÀ THÔNG TIN": the body above and the
 * issuer glued on one line, as a web page or a PDF copy gives a header. Split before the first word that starts a
 * body, when what comes before it is a whole body's name (its kind and at least two more words).
 */
function splitGluedBodies(body: Body): Body[] {
  const words = body.text.split(/\s+/u);
  if (words.length < 5) return [body];
  for (let k = 3; k < words.length - 1; k++) {
    if (NOT_A_NEW_BODY_AFTER.has(words[k - 1])) continue;
    const rest = words.slice(k).join(" ");
    const start = BODY_STARTS.find((b) => rest === b || rest.startsWith(`${b} `));
    if (!start || rest.split(" ").length - start.split(" ").length < 1) continue;
    const before = words.slice(0, k).join(" ");
    if (!looksLikeUnit(before.toLocaleLowerCase("vi")) || ORGAN_ONLY.test(foldVietnamese(before))) continue;
    return [
      { text: before, line: body.line },
      { text: rest, line: body.line },
    ];
  }
  return [body];
}

/** Folded, with every dash one "-" and no spaces around it: "Độc lập – Tự do – Hạnh phúc" → "doc lap-tu do-hanh phuc". */
function mottoKey(text: string): string {
  return foldVietnamese(text).replace(/\s*[-–—]\s*/gu, "-");
}
const MOTTO_KEYS = [STATE_MOTTO, PARTY_MOTTO, "doc lap-tu do-hanh phuc"];

/**
 * A header row whose columns a PDF reader or a web page's copy ran together with a single space: "TRƯỜNG THCS
 * CHIỀNG MAI Số: 52/KH-THCS", "UBND HUYỆN MAI SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 334-KH/CB Sơn La,
 * ngày 12 tháng 10 năm 2022". Split where a motto, a "Số:" or a "<place>, ngày" begins after other text.
 */
function runTogetherSides(segment: string): string[] {
  const words = segment.split(/\s+/u);
  for (let i = 1; i < words.length; i++) {
    const before = words.slice(0, i).join(" ");
    const rest = words.slice(i).join(" ");
    const key = mottoKey(rest);
    const startsMotto = MOTTO_KEYS.some(
      (m) => key.startsWith(m) && (key.length === m.length || key[m.length] === " "),
    );
    const startsNumber =
      SO_LABEL.test(rest) && /^\d/u.test(rest.replace(SO_LABEL, "")) && isUpperText(before);
    const startsPlaceDate = PLACE_DATE_RE.test(rest) && NUMBER_ONLY_RE.test(before.replace(SO_LABEL, ""));
    // "ĐẢNG ỦY XÃ CHIỀNG MUNG Chiềng Mung, ngày …": the body in capitals, then its place in ordinary case.
    const placeAfterBody = isUpperText(before) && /\p{Ll}/u.test(words[i]) && PLACE_DATE_RE.test(rest);
    if (startsMotto || startsNumber || startsPlaceDate || placeAfterBody)
      return [before, ...runTogetherSides(rest)];
  }
  return [segment];
}

/**
 * A motto wrapped in its narrow cell ("ĐẢNG CỘNG" / "SẢN VIỆT NAM") whose tail a PDF reader put before the head,
 * alone ("NAM") or glued to the left column's line ("ĐẢNG BỘ XÃ CƯỜNG LỢI CHI BỘ THÔN NÀ BẢN SẢN VIỆT NAM"): the
 * tail is cut off that segment (or the segment marked used) so it is not read as a body's name.
 */
function separateMottoTails(segments: { text: string }[], used: Set<number>): void {
  segments.forEach((head, k) => {
    const folded = foldVietnamese(head.text);
    const motto = [STATE_MOTTO, PARTY_MOTTO].find(
      (m) => folded.split(" ").length >= 2 && m.startsWith(`${folded} `),
    );
    if (!motto) return;
    const missing = motto.slice(folded.length + 1);
    const tailWords = missing.split(" ").length;
    const near = [];
    for (let n = Math.max(0, k - 4); n < Math.min(segments.length, k + 5); n++)
      if (n !== k && !used.has(n)) near.push(n);
    const alone = near.find((n) => foldVietnamese(segments[n].text) === missing);
    if (alone !== undefined) {
      if (alone < k) used.add(alone); // after the head, the motto pass joins them
      return;
    }
    // Glued to a body's line: only a tail of two words or more ("SẢN VIỆT NAM"); a lone "NAM" ends many names.
    const glued =
      tailWords >= 2
        ? near.find((n) => n < k && foldVietnamese(segments[n].text).endsWith(` ${missing}`))
        : undefined;
    if (glued === undefined) return;
    const words = segments[glued].text.trim().split(/\s+/u);
    segments[glued].text = words.slice(0, words.length - tailWords).join(" ");
  });
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
  // The header's pieces in reading order: each line's sides, left to right.
  const segments = lines.slice(0, scanEnd).flatMap((l, i) =>
    sideSegments(l.text)
      .flatMap(runTogetherSides)
      .map((text, side) => ({ text, side, index: i, no: l.no })),
  );
  const used = new Set<number>();
  separateMottoTails(segments, used);
  let numberPending = false;
  segments.forEach((segment, k) => {
    if (used.has(k)) return;
    const seg = segment.text;
    const folded = foldVietnamese(seg);
    // "BAN CHẤP HÀNH TRUNG ƯƠNG" / "ĐOÀN TNCS HỒ CHÍ MINH" on the left: the body's name, not the motto beside it.
    const last = bodies[bodies.length - 1];
    const namesBody =
      segment.side === 0 &&
      last !== undefined &&
      /(?:TRUNG ƯƠNG|BAN CHẤP HÀNH)$/u.test(bodies.map((b) => b.text).join(" "));
    if (MOTTO_YOUTH.test(folded) && namesBody) {
      bodies.push({ text: seg, line: segment.no });
      return;
    }
    if (MOTTO_PARTY.test(folded) || MOTTO_YOUTH.test(folded)) {
      style ??= "party";
      return;
    }
    if (MOTTO_STATE.test(folded)) {
      style ??= "state";
      return;
    }
    // A motto wrapped in its narrow cell: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" / "NAM"; the rest comes a cell or two later.
    for (const [motto, kindOfStyle] of [
      [STATE_MOTTO, "state"],
      [PARTY_MOTTO, "party"],
    ] as const) {
      if (folded.split(" ").length < 2 || !motto.startsWith(`${folded} `)) continue;
      style ??= kindOfStyle;
      const missing = motto.slice(folded.length + 1);
      const rest = segments.findIndex((g, n) => n > k && n <= k + 4 && foldVietnamese(g.text) === missing);
      if (rest >= 0) used.add(rest);
      return;
    }
    if (MOTTO_OTHER.test(folded)) return;
    // "Số:" with its number on the next line or in the next cell; "Số:    /KH-ĐTN" (a draft) has none.
    if (SO_ALONE.test(seg)) {
      numberPending = true;
      return;
    }
    if (BLANK_NUMBER_RE.test(seg) || (numberPending && /^[-–/]\s*\p{Lu}/u.test(seg))) {
      numberPending = false;
      return;
    }
    const num =
      NUMBER_RE.exec(seg) ?? (numberPending ? NUMBER_ONLY_RE.exec(seg) : null) ?? BARE_NUMBER_RE.exec(seg);
    if (num && number === null) {
      number = normaliseNumber(num[1]);
      numberPending = false;
      return;
    }
    // "Chợ Đồn," / "ngày 14 tháng 3 năm 2023": the place and its date on two lines.
    const next = segments[k + 1];
    const placeDate =
      /^\p{Lu}[\p{L}\s.'-]{0,48},$/u.test(seg) && next && !used.has(k + 1) && /^ngày\b/u.test(next.text)
        ? `${seg} ${next.text}`
        : seg;
    const pd = PLACE_DATE_RE.exec(placeDate);
    if (pd && placeDate !== seg) used.add(k + 1);
    if (pd && place === null && !/\d/.test(pd[1])) {
      place = pd[1].trim();
      // "Bắc" / "Kạn, ngày 14 …": the place's first words left on the segment before (or the one before that,
      // the other column's cell between them). A place's words are capitalised but for "phố", "xã", "trấn".
      const fragment = /^\p{Lu}\p{Ll}*(?:\s(?:\p{Lu}\p{Ll}*|phố|xã|trấn)){0,3}$/u;
      const before = [k - 1, k - 2]
        .filter((n) => n >= 0 && !used.has(n))
        .map((n) => segments[n])
        .find((g) => fragment.test(g.text) && bodies.at(-1)?.text !== g.text);
      if (before) place = `${before.text} ${place}`;
      // "Hà Tĩnh, ngày" / "09 tháng 8 năm 2022": the date goes on in the next segment or two.
      let date = `ngày${pd[2]}`;
      let mention = findDateMentions(date).find((m) => m.kind === "full" && m.start === 0);
      // (The next cell may be the other column's: "Số: 2015/KH-SLĐTBXH" between "Hà Tĩnh, ngày" and its date.)
      for (let n = k + 1; !mention && n < Math.min(segments.length, k + 4); n++) {
        if (!/^ngày\s*(?:\d{1,2}\s*)?(?:tháng\s*(?:\d{1,2}\s*)?)?(?:năm\s*)?$/u.test(date.trim())) break;
        // A piece of a date: "09 tháng 8 năm 2022", "tháng 9 năm 2021", "8 năm 2022", "2022" (not "30/KH-UBND").
        const piece = /^(?:(?:\d{1,2}\s+)?tháng\b|\d{1,2}\s+năm\b|năm\s+\d{4}|\d{4}\.?$)/u;
        if (used.has(n) || !piece.test(segments[n].text)) continue;
        date = `${date.trim()} ${segments[n].text}`;
        used.add(n);
        mention = findDateMentions(date).find((m) => m.kind === "full" && m.start === 0);
      }
      const iso = mention ? resolveMention(mention, null).iso : null;
      if (iso) issuedOn = iso;
      else blankDateLine = segment.no;
      return;
    }
    if (segment.index < headerEnd && isUpperText(seg) && !kindOf(seg) && !/^Số(?!\p{L})/iu.test(seg))
      bodies.push({ text: seg, line: segment.no });
  });
  let joined = joinBodies(bodies);
  if (joined.length === 1) joined = splitGluedBodies(joined[0]);
  const issuer = joined.length > 0 ? joined[joined.length - 1].text : null;
  const parentBody = joined.length > 1 ? joined[joined.length - 2].text : null;

  let bodyStart = kindIndex >= 0 ? kindIndex + 1 : headerEnd;
  if (kindIndex >= 0) {
    let i = kindIndex + 1;
    for (; i < lines.length && titleParts.length < 4; i++) {
      const t = prose(lines[i].text);
      // "(Dự thảo)" under the title marks a draft; it is not part of the subject.
      if (t === "" || /^\(\s*dự thảo(?:\s+lần\s+\S+)?\s*\)$/iu.test(t)) continue;
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
