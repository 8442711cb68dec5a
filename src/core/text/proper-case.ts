/**
 * A body's name as running text writes it, from the capitals of a document's header: "UỶ BAN NHÂN DÂN XÃ PHÚ
 * LỘC" → "Uỷ ban nhân dân xã Phú Lộc", "CHI BỘ TRƯỜNG THCS TÂN HÒA" → "Chi bộ Trường THCS Tân Hòa".
 *
 * Rules (Nghị định 30/2020, phụ lục II, on writing names of bodies): the first letter of the name and of the
 * words that say what kind of body it is ("Trường", "Trạm Y tế", "Đoàn Thanh niên") are capitals; the field a
 * department works in is capitalised phrase by phrase ("Sở Lao động - Thương binh và Xã hội"); the word for
 * an administrative level is lower-case ("xã", "huyện", "tỉnh") and the place after it is title-cased, as is
 * the proper name of a school; acronyms stay upper-case; other words are lower-case.
 * The body's own spelling wins when the document's body repeats the name (`issuerInRunningText`).
 */
import { nfc } from "./vietnamese";

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const VOWEL = /[aeiouyAEIOUY]/u;

/**
 * A key that is the same for one word in any tone-mark placement and case (Ủy/Uỷ, hòa/hoà, QUÝ/quý): each
 * word lower-cased, its tone mark moved onto its last vowel. The key has the text's length, so an offset in
 * the key is the same offset in the (NFC) text.
 */
export function spellingKey(text: string): string {
  return nfc(text)
    .toLocaleLowerCase("vi")
    .replace(/\p{L}+/gu, (word) => {
      const decomposed = word.normalize("NFD");
      const tones = decomposed.match(TONE_MARKS);
      if (!tones) return word;
      const bare = decomposed.replace(TONE_MARKS, "");
      const chars = Array.from(bare);
      let at = -1;
      for (let i = chars.length - 1; i >= 0; i--)
        if (VOWEL.test(chars[i])) {
          at = i;
          break;
        }
      if (at < 0) return word;
      let end = at + 1;
      while (end < chars.length && /\p{M}/u.test(chars[end])) end++;
      chars.splice(end, 0, tones[0]);
      const key = chars.join("").normalize("NFC");
      return key.length === word.length ? key : word;
    });
}

type Next = "describe" | "field" | "place" | "proper";

interface Phrase {
  /** Lower-case words, compared by spelling key. */
  words: string[];
  /** Which words are capitalised in running text. */
  caps: boolean[];
  /** How the unknown words after the phrase are written. */
  next: Next;
}

/** Phrases written as shown ("Trạm Y tế": Trạm and Y capitalised), and how the words after them go. */
const PHRASES: [string, Next][] = [
  // Party and mass organisations
  ["Chi bộ", "describe"],
  ["Đảng bộ", "describe"],
  ["Đảng ủy", "describe"],
  ["Ban Chi ủy", "describe"],
  ["Chi ủy", "describe"],
  ["Ban Chấp hành", "describe"],
  ["Ban Thường vụ", "describe"],
  ["Ban Thường trực", "describe"],
  ["Đảng Cộng sản Việt Nam", "describe"],
  ["Ủy ban Mặt trận Tổ quốc Việt Nam", "describe"],
  ["Ủy ban Mặt trận Tổ quốc", "describe"],
  ["Mặt trận Tổ quốc Việt Nam", "describe"],
  ["Mặt trận Tổ quốc", "describe"],
  ["Đoàn Thanh niên Cộng sản Hồ Chí Minh", "describe"],
  ["Đoàn Thanh niên", "describe"],
  ["Chi đoàn", "describe"],
  ["Đoàn trường", "describe"],
  ["Huyện đoàn", "place"],
  ["Tỉnh đoàn", "place"],
  ["Thành đoàn", "place"],
  ["Công đoàn cơ sở", "describe"],
  ["Công đoàn", "describe"],
  ["Hội Liên hiệp Phụ nữ", "describe"],
  ["Hội Phụ nữ", "describe"],
  ["Hội Cựu chiến binh", "describe"],
  ["Hội Nông dân", "describe"],
  ["Hội Chữ thập đỏ", "describe"],
  ["Hội Người cao tuổi", "describe"],
  ["Hội Khuyến học", "describe"],
  // State bodies
  ["Ủy ban nhân dân", "describe"],
  ["Hội đồng nhân dân", "describe"],
  ["Tòa án nhân dân", "describe"],
  ["Viện Kiểm sát nhân dân", "describe"],
  ["Kho bạc Nhà nước", "describe"],
  ["Ban Chỉ huy Quân sự", "describe"],
  ["Ban Chỉ đạo", "field"],
  ["Công an", "describe"],
  ["Trạm Y tế", "describe"],
  ["Trung tâm Y tế", "describe"],
  ["Bệnh viện", "field"],
  ["Văn phòng", "field"],
  ["Thanh tra", "field"],
  ["Trung tâm", "field"],
  ["Chi cục", "field"],
  ["Cục", "field"],
  ["Sở", "field"],
  ["Bộ", "field"],
  ["Phòng", "field"],
  ["Ban", "field"],
  ["Cơ quan", "describe"],
  ["Cơ sở", "describe"],
  ["Trường", "describe"],
  // School levels: the school's own name follows
  ["Tiểu học", "proper"],
  ["Trung học cơ sở", "proper"],
  ["Trung học phổ thông", "proper"],
  ["Phổ thông dân tộc nội trú", "proper"],
  ["Phổ thông dân tộc bán trú", "proper"],
  ["Mầm non", "proper"],
  ["Mẫu giáo", "proper"],
  ["Đại học", "proper"],
  ["Cao đẳng", "proper"],
  ["Trung cấp", "proper"],
  // Names inside names
  ["Việt Nam", "describe"],
  ["Hồ Chí Minh", "describe"],
];

/** Administrative levels: lower-case, the place after them title-cased. */
const LEVELS = [
  "tỉnh",
  "thành phố",
  "huyện",
  "quận",
  "thị xã",
  "thị trấn",
  "xã",
  "phường",
  "thôn",
  "bản",
  "ấp",
  "tổ dân phố",
  "khu phố",
  "tiểu khu",
  "khối",
];

/** Acronyms after which a school's proper name follows. */
const SCHOOL_ACRONYMS = new Set([
  "th",
  "thcs",
  "thpt",
  "mn",
  "mg",
  "ptdtnt",
  "ptdtbt",
  "ptcs",
  "tt gdnn-gdtx",
]);

/**
 * Words that hold a level's or a body's syllable ("xã hội", "môi trường", "cán bộ"): ordinary words, cased
 * like the words around them.
 */
const WORDS = ["xã hội", "môi trường", "thị trường", "nhà trường", "cán bộ", "quốc phòng", "phòng chống"];

interface Entry {
  words: string[];
  caps: boolean[];
  next: Next | "level" | "word";
}

const ENTRIES: Entry[] = [
  ...PHRASES.map(([text, next]): Phrase => {
    const words = text.split(" ");
    return {
      words: words.map((w) => spellingKey(w)),
      caps: words.map((w) => w !== w.toLocaleLowerCase("vi")),
      next,
    };
  }),
  ...LEVELS.map((text) => ({
    words: text.split(" ").map((w) => spellingKey(w)),
    caps: text.split(" ").map(() => false),
    next: "level" as const,
  })),
  ...WORDS.map((text) => ({
    words: text.split(" ").map((w) => spellingKey(w)),
    caps: text.split(" ").map(() => false),
    next: "word" as const,
  })),
].sort((a, b) => b.words.length - a.words.length);

/** A Vietnamese syllable (accents folded): anything else written in capitals is an acronym. */
const SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$/u;

function fold(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("vi");
}

function isAcronym(word: string): boolean {
  if (/[\d&]/u.test(word)) return true;
  const letters = word.replace(/[^\p{L}]/gu, "");
  if (letters === "") return false;
  return !SYLLABLE.test(fold(letters));
}

function lower(word: string): string {
  return word.toLocaleLowerCase("vi");
}

function capital(word: string): string {
  const l = lower(word);
  const first = l.search(/\p{L}/u);
  return first < 0 ? l : l.slice(0, first) + l.charAt(first).toLocaleUpperCase("vi") + l.slice(first + 1);
}

interface NameToken {
  /** As written in the name. */
  text: string;
  /** As running text writes it. */
  cased: string;
  /** A line may break before this token (it starts a part of the name). */
  startsPart: boolean;
}

/** The name's words, each cased for running text and marked where a part of the name starts. */
function analyseName(text: string): NameToken[] {
  const tokens = text.split(" ");
  const keys = tokens.map((t) => spellingKey(t.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, "")));
  const out: NameToken[] = [];
  const push = (t: string, cased: string, startsPart: boolean) => out.push({ text: t, cased, startsPart });
  let mode: Next = "describe";
  /** In "field" mode: the next word starts a phrase ("Lao động", "- Thương binh", "và Xã hội"). */
  let phraseStart = true;
  /** The last word was an ordinary lower-case word: a body's word after it is part of a description. */
  let describing = false;
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i];
    const entry = ENTRIES.find(
      (e) =>
        e.words.every((w, k) => keys[i + k] === w) &&
        (e.next === "level" || e.next === "word" || (mode === "field" ? phraseStart : !describing)),
    );
    if (entry?.next === "word") {
      entry.words.forEach((_, k) => {
        const t = tokens[i + k];
        const cap = mode === "place" || mode === "proper" || (mode === "field" && phraseStart && k === 0);
        push(t, cap ? capital(t) : lower(t), k === 0 && (mode === "describe" || phraseStart));
      });
      i += entry.words.length;
      phraseStart = false;
      describing = mode === "describe";
      continue;
    }
    describing = false;
    if (entry) {
      entry.words.forEach((_, k) => {
        const t = tokens[i + k];
        push(t, entry.caps[k] ? capital(t) : lower(t), k === 0);
      });
      i += entry.words.length;
      mode = entry.next === "level" ? "place" : entry.next;
      phraseStart = true;
      continue;
    }
    if (keys[i] === "") {
      push(token, token, true); // "-", "&", "*"
      phraseStart = true;
    } else if (isAcronym(token)) {
      const school = SCHOOL_ACRONYMS.has(fold(token));
      push(token, token, school || (mode !== "place" && mode !== "proper"));
      if (school) mode = "proper";
      phraseStart = false;
    } else if (keys[i] === "và") {
      push(token, lower(token), true);
      phraseStart = true;
    } else if (mode === "place" || mode === "proper") {
      push(token, capital(token), false);
    } else if (mode === "field") {
      push(token, phraseStart ? capital(token) : lower(token), phraseStart);
      phraseStart = /[,;]$/u.test(token);
    } else {
      push(token, lower(token), true);
      describing = true;
    }
    i++;
  }
  return out;
}

/** The name properly cased; a name already in mixed case is returned as written. */
export function properCaseBodyName(name: string): string {
  const text = nfc(name).replace(/\s+/g, " ").trim();
  if (text !== text.toLocaleUpperCase("vi")) return text;
  const out = analyseName(text).map((t) => t.cased);
  if (out.length > 0) out[0] = capitalFirst(out[0]);
  return out.join(" ");
}

/** Parts longer than this may break inside: a line must be able to hold a part. */
const LONGEST_UNBROKEN_PART = 24;

/**
 * The name with non-breaking spaces inside each of its parts, so a narrow cell breaks it only between them:
 * "UỶ BAN NHÂN DÂN XÃ PHÚ LỘC" breaks as "UỶ BAN NHÂN DÂN / XÃ PHÚ LỘC", never inside "PHÚ LỘC";
 * "CHI BỘ TRƯỜNG THCS TÂN HÒA" keeps "THCS TÂN HÒA" whole.
 */
export function keepNamePartsTogether(name: string): string {
  const text = nfc(name).replace(/\s+/g, " ").trim();
  if (text === "") return text;
  const parts: string[][] = [];
  for (const t of analyseName(text)) {
    if (t.startsPart || parts.length === 0) parts.push([t.text]);
    else parts[parts.length - 1].push(t.text);
  }
  return parts
    .map((p) => (p.join(" ").length <= LONGEST_UNBROKEN_PART ? p.join("\u00a0") : p.join(" ")))
    .join(" ");
}

function capitalFirst(word: string): string {
  return isAcronym(word) ? word : word.charAt(0).toLocaleUpperCase("vi") + word.slice(1);
}

/**
 * The issuer's name for running text: the body's own spelling when the document repeats the name in mixed
 * case (matched whatever the case and tone-mark placement, whole words only), else `properCaseBodyName`.
 */
export function issuerInRunningText(headerName: string, bodyText: string): string {
  const name = nfc(headerName).replace(/\s+/g, " ").trim();
  if (name === "") return name;
  const text = nfc(bodyText).replace(/\s+/g, " ");
  const key = spellingKey(name);
  const haystack = spellingKey(text);
  for (let at = haystack.indexOf(key); at >= 0; at = haystack.indexOf(key, at + 1)) {
    const before = at === 0 ? "" : text.charAt(at - 1);
    const after = text.charAt(at + key.length);
    if (/[\p{L}\d]/u.test(before) || /[\p{L}\d]/u.test(after)) continue;
    const found = text.slice(at, at + key.length);
    if (found === found.toLocaleUpperCase("vi")) continue;
    return found.charAt(0).toLocaleUpperCase("vi") + found.slice(1);
  }
  return properCaseBodyName(name);
}

/**
 * First words of a title that begin a proper name ("Tháng Thanh niên", "Ngày Pháp luật", "Nghị quyết số …",
 * "Đảng"): after "về" they keep their capital.
 */
const NAME_STARTS = new Set([
  "tháng",
  "ngày",
  "tuần",
  "năm",
  "đảng",
  "đại hội",
  "nghị quyết",
  "chỉ thị",
  "kết luận",
  "quy định",
  "luật",
  "hiến pháp",
  "bác",
  "chủ tịch",
]);

/**
 * A plan's title inside a sentence ("… về triển khai Tháng hành động …"): its first letter lower-cased,
 * unless it starts a name ("Tháng Thanh niên", "Nghị quyết …") or an acronym.
 */
export function titleInSentence(title: string): string {
  const words = title.split(/\s+/);
  const first = words[0] ?? "";
  const lower = (n: number) => words.slice(0, n).join(" ").toLocaleLowerCase("vi");
  if (first.length > 1 && first === first.toLocaleUpperCase("vi")) return title;
  if (NAME_STARTS.has(lower(1)) || NAME_STARTS.has(lower(2)) || NAME_STARTS.has(lower(3))) return title;
  return title.charAt(0).toLocaleLowerCase("vi") + title.slice(1);
}

/** The issuer of a plan as running text names it: the reader's `issuerName`, else its header properly cased. */
export function issuerInText(plan: { issuer: string | null; issuerName?: string | null }): string {
  return plan.issuerName ?? (plan.issuer ? properCaseBodyName(plan.issuer) : "");
}
