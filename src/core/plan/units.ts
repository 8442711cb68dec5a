/**
 * Recognising the responsible units named at the start of an assignment: "Ban Chấp hành Công đoàn; Tổ đảng
 * tổ 1 báo cáo …", "Các Tổ chức đoàn thể: Tổ chức …", "Đề nghị các chi đoàn căn cứ …", and group units with
 * their members "Các tổ chức đoàn thể (Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh)".
 */

import { foldVietnamese } from "../text/vietnamese";

export interface UnitRef {
  name: string;
  members: string[];
}

/** Words that begin the name of a body or a person in charge (lower case, with accents). */
const HEADS = [
  "ban",
  "chi bộ",
  "chi ủy",
  "chi uỷ",
  "đảng ủy",
  "đảng uỷ",
  "đảng bộ",
  "tổ",
  "công đoàn",
  "đoàn",
  "chi đoàn",
  "liên chi đoàn",
  "huyện đoàn",
  "tỉnh đoàn",
  "thành đoàn",
  "quận đoàn",
  "hội",
  "chi hội",
  "phòng",
  "văn phòng",
  "thanh tra",
  "trung tâm",
  "trường",
  "trưởng",
  "phó",
  "khoa",
  "sở",
  "ủy ban",
  "uỷ ban",
  "ubnd",
  "ubmttq",
  "mttq",
  "mặt trận",
  "hđnd",
  "hội đồng",
  "ấp",
  "thôn",
  "bản",
  "xã",
  "phường",
  "thị trấn",
  "đơn vị",
  "bộ phận",
  "cơ quan",
  "tổ chức",
  "lớp",
  "liên đội",
  "chi đội",
  "đội",
  "công an",
  "trạm",
  "bệnh viện",
  "giáo viên",
  "giảng viên",
  "hiệu trưởng",
  "giám đốc",
  "chánh",
  "kế toán",
  "thủ quỹ",
  "bí thư",
  "chủ tịch",
  "đồng chí",
  "đ/c",
  "cán bộ",
  "đảng viên",
  "đoàn viên",
  "hội viên",
  "công chức",
  "viên chức",
  "ngành",
  "doanh nghiệp",
  "hợp tác xã",
  "cụm",
  "khu phố",
  "tiểu ban",
  "chi cục",
  "cục",
  "bch",
  "btv",
  "bgh",
  "thường trực",
  "thường vụ",
  "tập thể",
  "nhà trường",
  "cấp ủy",
  "cấp uỷ",
  "chính quyền",
  "ban ngành",
  "khối",
  "người đứng đầu",
  "thủ trưởng",
  "ủy viên",
  "uỷ viên",
  "phân hiệu",
  "nhóm",
  "tổng phụ trách",
  "gvcn",
  "huyện ủy",
  "tỉnh ủy",
  "thành ủy",
  "đảng đoàn",
  "ban cán sự",
  "cán sự",
  "tổ trưởng",
  "tổ đảng",
  "chi nhánh",
  "hạt",
  "đồn",
  "bưu điện",
  "kho bạc",
  "ngân hàng",
  "quỹ",
  "đài",
  "cơ sở",
  "viện",
  "học viện",
  "nhà văn hóa",
  "câu lạc bộ",
  "clb",
  "ban quản lý",
  "thư viện",
  "bảo tàng",
  "nhà thiếu nhi",
  "công ty",
  "tổng công ty",
  "tập đoàn",
  "liên đoàn",
  "liên hiệp",
  "tòa án",
  "toà án",
  "viện kiểm sát",
  "bảo hiểm xã hội",
  "đại học",
  "cao đẳng",
  "lực lượng",
  "thị ủy",
  "thị uỷ",
  "quận ủy",
  "quận uỷ",
  "thị đoàn",
  "bộ chỉ huy",
  "quân khu",
  "ủy ban kiểm tra",
  "uỷ ban kiểm tra",
  "bộ",
  "báo",
  "tạp chí",
  "trung ương",
];

const PLAIN_HEADS = [...new Set(HEADS.map((h) => foldVietnamese(h)))].filter(
  (h) => !["so", "to chuc", "bao"].includes(h),
);

/** Words that, following a head word, make it something else ("Hội nghị", "Trường hợp", "Phòng, chống"). */
const NOT_AFTER: Record<string, RegExp> = {
  tổ: /^(chức)(?!\s+(đoàn thể|chính trị|cơ sở|công đoàn|hội(?!\s*(?:nghị|thi|diễn|thảo|trại|chợ|họp|khỏe))|đảng|thanh niên))/u,
  hội: /^(nghị|thi|diễn|thảo|trại|khỏe|chợ|nhập|đủ|tụ|họp|ý)/u,
  trường: /^(hợp)/u,
  phòng: /^(,\s*chống|chống|ngừa|tránh|hộ)/u, // "phòng, chống" (prevent) but not "Các phòng, đơn vị"
  khoa: /^(học)/u,
  xã: /^(hội)/u,
  đoàn: /^(kết|thể)/u,
  bản: /^(cam|đăng|tin|sao|báo|tự|kiểm|kế|thân|lĩnh|chất)/u,
  ban: /^(hành|đầu|ngày|đêm)/u,
  lớp: /^(bồi|tập)/u,
  phó: /^(mặc)/u,
  đội: /^(ngũ)/u,
  cụm: /^(từ)/u,
  khối: /^(lượng)/u,
  quỹ: /^(thời)/u,
  bộ: /^(máy|phận|tài liệu|hồ sơ|câu hỏi|tiêu chí|chỉ số|công cụ|sách|luật|quy tắc|mẫu|dữ liệu|khung|trưởng)/u,
  "cơ sở": /^(vật chất|dữ liệu|pháp lý|khoa học|để)/u,
  báo: /^(cáo|động|chí|hiệu|giá|tin|thức|đáp|ơn|danh|công|trước|ngay)/u,
};

/** Verbs and modal words that begin what a unit must do (always lower case in running text). */
const VERBS = [
  "xây dựng",
  "báo cáo",
  "tổ chức",
  "triển khai",
  "chủ trì",
  "phối hợp",
  "tham mưu",
  "tổng hợp",
  "chỉ đạo",
  "hướng dẫn",
  "thực hiện",
  "căn cứ",
  "có trách nhiệm",
  "chịu trách nhiệm",
  "theo dõi",
  "kiểm tra",
  "đôn đốc",
  "quán triệt",
  "tuyên truyền",
  "phổ biến",
  "đăng ký",
  "gửi",
  "nộp",
  "bố trí",
  "đảm bảo",
  "bảo đảm",
  "phân công",
  "rà soát",
  "lựa chọn",
  "cử",
  "tiếp tục",
  "nắm",
  "phát động",
  "vận động",
  "giới thiệu",
  "lập",
  "chuẩn bị",
  "cung cấp",
  "tham gia",
  "đẩy mạnh",
  "chủ động",
  "đề xuất",
  "xét",
  "thẩm định",
  "cập nhật",
  "treo",
  "trang trí",
  "tập trung",
  "thống kê",
  "lãnh đạo",
  "quản lý",
  "sắp xếp",
  "đánh giá",
  "họp",
  "sinh hoạt",
  "duy trì",
  "nghiên cứu",
  "học tập",
  "soạn",
  "biên soạn",
  "ra quân",
  "làm",
  "viết",
  "đăng tải",
  "tiến hành",
  "tiếp nhận",
  "hoàn thành",
  "hỗ trợ",
  "nhận",
  "cần",
  "phải",
  "tích cực",
  "khẩn trương",
  "thường xuyên",
  "kịp thời",
  "trực tiếp",
  "nghiêm túc",
  "sẽ",
  "được giao",
  "là đầu mối",
  "làm đầu mối",
  "giúp",
  "ban hành",
  "phát huy",
  "vận hành",
  "mời",
  "huy động",
  "tổng kết",
  "sơ kết",
  "thông báo",
  "điều động",
  "kiện toàn",
  "khảo sát",
  "thành lập",
  "bình xét",
  "góp ý",
  "cân đối",
  "lồng ghép",
  "nêu cao",
  "quan tâm",
  "động viên",
  "tạo điều kiện",
  "phát hành",
  "đưa tin",
  "chụp",
  "hoàn thiện",
  "tập hợp",
  "hưởng ứng",
  "theo chức năng",
  "căn cứ vào",
  "trên cơ sở",
  "đăng",
  "tuyên dương",
  "khen thưởng",
  "chọn",
  "lấy",
  "nhận xét",
  "ghi",
  "trao đổi",
  "thảo luận",
  "bình chọn",
  "xếp loại",
  "kiểm điểm",
  "chấm",
  "đưa",
  "bàn",
  "thống nhất",
  "đề nghị",
  "liên hệ",
  "ký",
  "công bố",
  "hoàn chỉnh",
  "chuyển",
  "phát",
  "mở",
  "kêu gọi",
  "vận dụng",
  "thăm",
  "tặng",
  "trao",
  "là cơ quan",
  "là đơn vị",
  "nâng cấp",
  "số hóa",
  "cấp phát",
  "giám sát",
  "xử lý",
  "giải quyết",
  "phấn đấu",
  "tự kiểm tra",
  "tự kiểm điểm",
  "tự đánh giá",
  "tự rà soát",
  "in ấn",
];

const VERB_RE = new RegExp(
  `(?<![\\p{L}\\d/])(?:${[...VERBS].sort((a, b) => b.length - a.length).join("|")})(?![\\p{L}\\d])`,
  "gu",
);
/**
 * A verb written with a capital, glued to a unit's heading whose line break was lost ("Công an xã Phối hợp với …",
 * "Các thôn, bản Treo băng rôn"): only after a word in lower case, where a name would not go on with a capital.
 */
const CAPITAL_VERB_RE = new RegExp(
  `(?<=\\s\\p{Ll}[\\p{L}]*\\s|\\s[-–]\\s\\p{Lu}[\\p{L}]*\\s)(?:${[...VERBS]
    .sort((a, b) => b.length - a.length)
    .map((v) => v.charAt(0).toLocaleUpperCase("vi") + v.slice(1))
    .join("|")})(?![\\p{L}\\d])`,
  "gu",
);
/** Verbs that are never part of a name, even after "Phòng", "Ban", "Tổ" … ("của Phòng chịu trách nhiệm …"). */
const NEVER_NOUN =
  /^(?:chịu trách nhiệm|có trách nhiệm|là đầu mối|làm đầu mối|được giao|cần|phải|sẽ|khẩn trương|tích cực|chủ động|căn cứ|trên cơ sở|tự kiểm tra|tự kiểm điểm|tự đánh giá|tự rà soát)$/u;

/** Words after which a verb-looking word is part of a name ("Ban tổ chức", "Tổ tuyên truyền"). */
const NOUN_MAKERS =
  /(?:^|[\s(])(?:ban|phòng|bộ phận|tổ|tiểu ban|đội|nhóm|hội đồng|các|những|công tác|trung tâm|(?:các|những) cơ quan)\s$/iu;
const NOUN_FOLLOWERS = /^\s+(?:đoàn thể|chính trị|cơ sở|xã hội|cán bộ)/u;

const LEADING_PERSON = /^(?:các|những|toàn thể|tất cả|mỗi|từng)\s+/iu;
const REQUEST_PREFIX =
  /^(?:đề nghị|kính đề nghị|giao cho|giao|yêu cầu|phân công|đối với|riêng|nhiệm vụ của|trách nhiệm của)\s+/iu;

function lower(s: string): string {
  return s.toLocaleLowerCase("vi");
}

/** First letter upper-cased, spacing collapsed, trailing punctuation removed. */
export function tidyUnitName(name: string): string {
  const s = name
    .replace(/\s+/g, " ")
    .replace(/^[\s\-–+•*,;:.]+|[\s,;:.]+$/g, "")
    .replace(/\s*\/\.$/, "")
    .trim();
  return s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
}

/** True when the phrase starts like the name of a unit or a person in charge. */
export function looksLikeUnit(phrase: string): boolean {
  let s = lower(phrase.replace(/\([^()]*\)/g, " ").trim());
  const hadPlural = LEADING_PERSON.test(s);
  s = s.replace(LEADING_PERSON, "");
  if (s === "" || s.split(/\s+/).length > 16) return false;
  if (!/^[\p{L}]/u.test(s)) return false;
  // Text typed without accents ("To dang to 1") is matched against the heads without accents.
  const plain = foldVietnamese(s) === s;
  if (plain) s = s.replace(/^cac\s+|^nhung\s+/u, "");
  const heads = plain ? PLAIN_HEADS : HEADS;
  // "các chi, đảng bộ cơ sở", "các tỉnh, thành đoàn": two kinds sharing the last word of their names.
  const shared = /^([\p{L}]+),\s*([\p{L}]+)\s+([\p{L}]+)(?:[\s,;]|$)/u.exec(s);
  if (
    hadPlural &&
    shared &&
    heads.includes(`${shared[2]} ${shared[3]}`) &&
    heads.includes(`${shared[1]} ${shared[3]}`)
  )
    return true;
  for (const head of heads) {
    if (!s.startsWith(head)) continue;
    const after = s.slice(head.length);
    if (after !== "" && !/^[\s,;:()/-]/u.test(after) && !(head === "đ/c" && /^\S/.test(after))) continue;
    const not = plain ? undefined : NOT_AFTER[head];
    if (not && not.test(after.trimStart())) {
      const pluralGroup =
        hadPlural &&
        ((head === "tổ" && /^\s*chức/u.test(after)) || (head === "đoàn" && /^\s*thể/u.test(after)));
      if (!pluralGroup) continue;
    }
    if (
      head === "tổ chức" &&
      !hadPlural &&
      !/^\s+(đoàn thể|chính trị|cơ sở|công đoàn|hội(?!\s*(?:nghị|thi|diễn|thảo|trại|chợ|họp|khỏe))|đảng|thanh niên)/u.test(
        after,
      )
    )
      continue;
    if (head === "đoàn" && /^\s*thể/u.test(after) && !hadPlural) continue;
    return true;
  }
  return false;
}

/** Verb-looking words that, after these words, are part of a name or a noun phrase. */
const NOUN_AFTER: Record<string, RegExp> = {
  "thường xuyên": /giáo dục\s$/iu, // Giáo dục thường xuyên (GDTX)
  bàn: /địa\s$/iu, // trên địa bàn
  "học tập": /(?:trung tâm|học tập)\s$/iu, // Trung tâm Học tập cộng đồng
  "hỗ trợ": /(?:trung tâm|quỹ)\s$/iu,
};

/** True when `index` falls inside an open parenthesis: a member list ("Trung tâm Trợ giúp pháp lý") is names. */
function insideParentheses(text: string, index: number): boolean {
  let depth = 0;
  for (let i = 0; i < index; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** Index of the first verb that is used as a verb (not inside a name), or -1. */
export function firstVerbIndex(text: string, from = 0): number {
  VERB_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  let found = -1;
  while ((m = VERB_RE.exec(text)) !== null) {
    const before = text.slice(Math.max(0, m.index - 14), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 14);
    if (NOUN_MAKERS.test(before) && !NEVER_NOUN.test(m[0])) continue;
    if (m[0] === "tổ chức" && NOUN_FOLLOWERS.test(after)) continue;
    if (insideParentheses(text, m.index)) continue;
    if (NOUN_AFTER[m[0].toLocaleLowerCase("vi")]?.test(before)) continue;
    found = m.index;
    break;
  }
  CAPITAL_VERB_RE.lastIndex = from;
  while ((m = CAPITAL_VERB_RE.exec(text)) !== null && (found < 0 || m.index < found)) {
    const before = text.slice(Math.max(0, m.index - 14), m.index);
    if (insideParentheses(text, m.index) || NOUN_AFTER[m[0].toLocaleLowerCase("vi")]?.test(before)) continue;
    // "Ủy ban Kiểm tra", "Bộ phận Tổng hợp": a capital word right after a body's kind names it.
    const name = lower(text.slice(0, m.index).trim()).replace(LEADING_PERSON, "");
    if (HEADS.includes(name)) continue;
    return m.index;
  }
  return found;
}

/**
 * "các xã, thị trấn", "Các phòng, đơn vị thuộc Sở": after a plural ("các", "những") a lower-case word that
 * follows a comma names another kind of the same group, not a unit of its own (units are written capitalised).
 */
function continuesCategories(out: string[], p: { sep: string; text: string }): boolean {
  const prev = out[out.length - 1];
  return (
    /^,\s*$/u.test(p.sep) &&
    /^\p{Ll}/u.test(p.text.trim()) &&
    /(?:^|\s)(?:các|những)\s/iu.test(prev) &&
    !/^\s*(?:các|những)\s/iu.test(p.text)
  );
}

/**
 * "Văn phòng HĐND và UBND huyện", "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh": one office serving the elected
 * bodies and the People's Committee, not an office and a committee.
 */
function continuesSharedOffice(out: string[], p: { sep: string; text: string }): boolean {
  const prev = out[out.length - 1];
  return (
    /^(?:văn phòng)\s+(?:đoàn đbqh|hđnd|hội đồng nhân dân)(?:(?:,\s*|\s+và\s+)(?:hđnd|hội đồng nhân dân))*$/iu.test(
      prev.trim(),
    ) && /^\s*(?:hđnd|ubnd|hội đồng nhân dân|ủy ban nhân dân|uỷ ban nhân dân)(?:\s|$)/iu.test(p.text)
  );
}

/** Split "A; B, C và D" at the top level; a piece that is not a unit stays with the one before it. */
function splitPieces(phrase: string): string[] {
  const parts: { sep: string; text: string }[] = [];
  let depth = 0;
  let cur = "";
  let sep = "";
  for (let i = 0; i < phrase.length; i++) {
    const ch = phrase[i];
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth === 0) {
      const rest = phrase.slice(i);
      const m = /^(?:[;,]\s*|\s+(?:và|với|cùng|&)\s+)/u.exec(rest);
      if (m && (ch === ";" || ch === "," || ch === " ")) {
        parts.push({ sep, text: cur });
        sep = m[0];
        cur = "";
        i += m[0].length - 1;
        continue;
      }
    }
    cur += ch;
  }
  parts.push({ sep, text: cur });
  const out: string[] = [];
  for (const p of parts) {
    if (
      out.length > 0 &&
      (!looksLikeUnit(p.text) ||
        p.text.trim() === "" ||
        continuesCategories(out, p) ||
        continuesSharedOffice(out, p))
    )
      out[out.length - 1] += p.sep + p.text;
    else out.push(p.text);
  }
  return out.map((s) => s.trim()).filter((s) => s !== "");
}

const PERSON_PREFIX = /^(?:đ\/c|đồng chí|ông|bà|thầy|cô)\s/iu;

/** "Các tổ chức đoàn thể (Công đoàn, Đoàn Thanh niên)" → the group with its members. */
function withMembers(piece: string): UnitRef {
  const m = /^(.*?)\s*\(([^()]*)\)\s*(.*)$/u.exec(piece);
  if (!m) return { name: tidyUnitName(piece), members: [] };
  const name = tidyUnitName(`${m[1]} ${m[3]}`);
  // "Đ/c Nguyễn Văn A (Phó Hiệu trưởng)": a person's position, not a list of members.
  if (PERSON_PREFIX.test(m[1])) return { name, members: [] };
  const inner = m[2].replace(/^(?:gồm|bao gồm)\s*:?\s*/iu, "");
  const members = parseMemberList(inner);
  return { name, members };
}

/** "Công đoàn, Đoàn Thanh niên và Hội Cựu chiến binh" → names, when every piece is a unit. */
export function parseMemberList(text: string): string[] {
  const pieces = splitPieces(text.replace(/[.;:]+$/, ""));
  if (pieces.length === 0 || !pieces.every(looksLikeUnit)) return [];
  return pieces.map(tidyUnitName);
}

/** A phrase that is only unit names (no verb): its units, else null. */
export function parseUnitPhrase(phrase: string): UnitRef[] | null {
  const text = phrase.replace(REQUEST_PREFIX, "").trim();
  if (text === "" || firstVerbIndex(text) >= 0) return null;
  const pieces = splitPieces(text);
  if (pieces.length === 0 || !pieces.every(looksLikeUnit)) return null;
  return pieces.map(withMembers);
}

export interface LeadingUnits {
  units: UnitRef[];
  /** What follows the unit names (the assignment itself). */
  rest: string;
  form: "colon" | "verb" | "bare" | "list";
}

/**
 * The units named at the start of an assignment, if any: "Units: what…", "Units verb…", "Units gồm: A, B",
 * or a line that is only unit names.
 */
export function leadingUnits(text: string): LeadingUnits | null {
  const body = text.replace(REQUEST_PREFIX, "").trim();
  // "Các chi hội gồm: Chi hội Phụ nữ; Chi hội Nông dân và Chi đoàn thôn vận động …": the members run to the verb.
  const gom = /^([^:;()]{2,160}?)\s*(\(|,)?\s*(?:gồm|bao gồm)\s*:?\s*(.*)$/u.exec(body);
  if (gom) {
    const units = parseUnitPhrase(gom[1]);
    if (units && units.length === 1) {
      let list = gom[3];
      let rest = "";
      if (gom[2] === "(") {
        const close = list.indexOf(")");
        rest = close >= 0 ? list.slice(close + 1) : "";
        list = close >= 0 ? list.slice(0, close) : list;
      } else {
        const verb = firstVerbIndex(list);
        const stop = /[.:]\s|[.:]$/u.exec(list);
        const end = Math.min(verb >= 0 ? verb : list.length, stop ? stop.index : list.length);
        rest = list.slice(end);
        list = list.slice(0, end);
      }
      if (list.trim() === "") return { units, rest: "", form: "colon" };
      const members = parseMemberList(list.replace(/[\s,;.:]+$/u, ""));
      if (members.length > 0) {
        units[0].members.push(...members);
        return { units, rest: rest.replace(/^[\s.;:,]+/u, ""), form: "list" };
      }
    }
  }
  const colon = /^([^:]{2,160}?)\s*:\s*(.*)$/u.exec(body);
  if (colon) {
    const units = parseUnitPhrase(colon[1]);
    if (units) return { units, rest: colon[2], form: "colon" };
  }
  const verbAt = firstVerbIndex(body);
  if (verbAt > 0) {
    const phrase = body.slice(0, verbAt).replace(/[\s,]+$/, "");
    if (phrase.split(/\s+/).length <= 25) {
      const units = parseUnitPhrase(phrase);
      if (units) return { units, rest: body.slice(verbAt), form: "verb" };
    }
  }
  const bare = parseUnitPhrase(body.replace(/[.;:]+$/, ""));
  if (bare && body.split(/\s+/).length <= 16) return { units: bare, rest: "", form: "bare" };
  return null;
}
