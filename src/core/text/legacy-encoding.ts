/**
 * Vietnamese typed in a legacy font code (TCVN3 "ABC" with .VnTime, VNI-Windows with VNI-Times) arrives as
 * Windows-1252 characters: "KÕ ho¹ch" (TCVN3) or "Keá hoaïch" (VNI) for "Kế hoạch". Detect it in a line or a
 * cell and convert it to Unicode NFC.
 *
 * Detection works word by word: a word holding a character of U+0080–U+00FF is a candidate; a decoding wins
 * when most candidates become valid Vietnamese syllables (onset, vowel cluster, coda, at most one tone) and
 * clearly more of them than when the word is read as it is. So real Unicode text (it has letters above U+00FF,
 * or Latin-1 letters that already spell Vietnamese: "Hà Tây"), French ("où", "côté") and English are left alone.
 */
import { TCVN3_LETTERS } from "./tcvn3";
import { VNI_LETTERS } from "./vni";

export type LegacyEncoding = "tcvn3" | "vni";

export const LEGACY_ENCODING_NAMES: Record<LegacyEncoding, string> = {
  tcvn3: "TCVN3 (ABC, phông .VnTime)",
  vni: "VNI-Windows (phông VNI-Times)",
};

const TCVN3_DECODE = new Map<string, string>(
  TCVN3_LETTERS.map(([letter, byte]) => [String.fromCharCode(byte), letter]),
);
const TCVN3_ENCODE = new Map<string, string>(
  TCVN3_LETTERS.map(([letter, byte]) => [letter, String.fromCharCode(byte)]),
);
const VNI_DECODE = new Map<string, string>(VNI_LETTERS.map(([letter, vni]) => [vni, letter]));
const VNI_ENCODE = new Map<string, string>(VNI_LETTERS);

export function decodeTcvn3(text: string): string {
  let out = "";
  for (const ch of text) out += TCVN3_DECODE.get(ch) ?? ch;
  return out;
}

/**
 * Unicode → TCVN3 characters. An upper-case letter with a tone has no code of its own in VN3: it gets its
 * lower-case letter's (as typed in a .VnTimeH capitals font).
 */
export function encodeTcvn3(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    out += TCVN3_ENCODE.get(ch) ?? TCVN3_ENCODE.get(ch.toLowerCase()) ?? ch;
  }
  return out;
}

export function decodeVni(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const pair = VNI_DECODE.get(text.slice(i, i + 2));
    if (pair !== undefined && text.length > i + 1) {
      out += pair;
      i++;
      continue;
    }
    out += VNI_DECODE.get(text[i]) ?? text[i];
  }
  return out;
}

export function encodeVni(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) out += VNI_ENCODE.get(ch) ?? ch;
  return out;
}

const DECODERS: Record<LegacyEncoding, (text: string) => string> = { tcvn3: decodeTcvn3, vni: decodeVni };

// ---------------------------------------------------------------- Vietnamese syllables

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ONSET = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx]";
const VOWELS = [
  "a ă â e ê i o ô ơ u ư y",
  "ai ao au ay âu ây eo êu ia iu iê oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê",
  "iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu",
]
  .join(" ")
  .split(" ");
const SYLLABLE = new RegExp(
  `^(?:${ONSET})?(?:${VOWELS.sort((a, b) => b.length - a.length).join("|")})(?:ch|ng|nh|[cmnpt])?$`,
);
const ABBREVIATION = /^[A-ZĐ]{2,6}$/;

/** A Vietnamese syllable (any case), or an abbreviation of capitals such as "HĐND". */
export function isVietnameseSyllable(word: string): boolean {
  const nfc = word.normalize("NFC");
  if (ABBREVIATION.test(nfc)) return true;
  const decomposed = nfc.toLowerCase().normalize("NFD");
  const tones = decomposed.match(TONES)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONES, "").normalize("NFC"));
}

// ---------------------------------------------------------------- detection

const SEPARATORS = /[\s.,;:!?()[\]{}"'“”‘’/\\\-–—…*+=<>|0-9]+/u;
const LEGACY_RANGE = /[\u0080-\u00ff]/;
/** Letters a Unicode Vietnamese text has and a legacy one cannot (the legacy codes are all ≤ U+00FF). */
const UNICODE_VIETNAMESE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

interface Evidence {
  candidates: number;
  valid: Record<LegacyEncoding | "asIs", number>;
}

function evidenceOf(text: string): Evidence {
  const evidence: Evidence = { candidates: 0, valid: { asIs: 0, tcvn3: 0, vni: 0 } };
  for (const word of text.split(SEPARATORS)) {
    if (!word || !LEGACY_RANGE.test(word)) continue;
    evidence.candidates++;
    if (isVietnameseSyllable(word)) evidence.valid.asIs++;
    if (isVietnameseSyllable(decodeTcvn3(word))) evidence.valid.tcvn3++;
    if (isVietnameseSyllable(decodeVni(word))) evidence.valid.vni++;
  }
  return evidence;
}

/** The encoding that explains the words best, when it explains them clearly better than reading them as they are. */
function bestEncoding(evidence: Evidence, minimumValid: number): LegacyEncoding | null {
  const { candidates, valid } = evidence;
  if (candidates === 0) return null;
  const best: LegacyEncoding = valid.tcvn3 >= valid.vni ? "tcvn3" : "vni";
  const score = valid[best] / candidates;
  const asIs = valid.asIs / candidates;
  if (valid[best] < minimumValid || score < 0.75 || score < asIs + 0.25) return null;
  if (valid.tcvn3 === valid.vni) return null;
  return best;
}

/**
 * Capitals typed in a .VnTimeH font decode as lower case; put them back where the text shows them:
 * - a stretch written in capitals (a line or a table cell with no lower-case ASCII letter and a word of two
 *   capital letters or more, codes such as "45-KH/ĐU" aside): "KÕ HO¹CH" is "KẾ HOẠCH", "PHßNG Y TÕ" is
 *   "PHÒNG Y TẾ", while "Sè 45-KH/§U" stays "Số 45-KH/ĐU";
 * - a word whose own ASCII letters are two or more capitals ("TØNH"), or with a capital after a decoded
 *   lower-case letter ("ñY" is "ỦY"), and a word of capitals beside a word of capital letters ("Tæ CHøC");
 * - the first letter of a line, a table cell or a sentence ("ñy ban nhân dân" is "Ủy ban nhân dân").
 * A capital inside a line of lower case ("Văn phòng Ủy ban") cannot be told and stays lower case.
 */
function restoreCapitals(original: string, decoded: string, encoding: LegacyEncoding): string {
  if (encoding !== "tcvn3") return decoded;
  const ascii = (word: string) => word.match(/[A-Za-z]/g) ?? [];
  const isUpper = (c: string) => c >= "A" && c <= "Z";
  const originalCells = original.split("\t");
  const cased = decoded.split("\t").map((cell, c) => {
    const words = (originalCells[c] ?? "").split(/\s+/).filter(Boolean);
    const capitals =
      words.every((w) => ascii(w).every(isUpper)) &&
      words.some((w) => !/[\d/]/.test(w) && ascii(w).length >= 2);
    const parts = cell.split(/(\s+)/);
    const upperable = (word: string) => !/^\s*$/.test(word) && ascii(word).every(isUpper);
    const first = parts.map((word) => {
      if (!upperable(word)) return word;
      const many = ascii(word).length >= 2 || /\p{Ll}.*[A-Z]/u.test(word);
      return capitals || many ? word.toLocaleUpperCase("vi") : word;
    });
    // Beside a word of capitals ("Tæ CHøC" is "TỔ CHỨC").
    const capitalWord = (word: string | undefined) =>
      word !== undefined && /^\p{L}{2,}$/u.test(word) && word === word.toLocaleUpperCase("vi");
    return first
      .map((word, k) =>
        upperable(word) && ascii(word).length > 0 && (capitalWord(first[k - 2]) || capitalWord(first[k + 2]))
          ? word.toLocaleUpperCase("vi")
          : word,
      )
      .join("");
  });
  // (TCVN3 decodes one character to one, so positions in both strings agree.)
  return cased
    .join("\t")
    .replace(
      /(^|\t|[.!?]\s+)((?:[-+•*]|\d{1,2}[.)]|[a-z][.)])?\s*)(\p{Ll})/gu,
      (whole, before: string, mark: string, letter: string, at: number) => {
        const index = at + before.length + mark.length;
        return LEGACY_RANGE.test(original[index] ?? "")
          ? before + mark + letter.toLocaleUpperCase("vi")
          : whole;
      },
    );
}

function decodeAs(text: string, encoding: LegacyEncoding): string {
  return restoreCapitals(text, DECODERS[encoding](text), encoding).normalize("NFC");
}

/** The legacy code a short text (a cell, a name) is written in, or null for Unicode / other languages. */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (!LEGACY_RANGE.test(text) || UNICODE_VIETNAMESE.test(text)) return null;
  const words = text.split(SEPARATORS).filter(Boolean).length;
  return bestEncoding(evidenceOf(text), words <= 3 ? 1 : 2);
}

/** A cell value or a name: converted when it is written in a legacy code. */
export function convertLegacyValue(text: string): { text: string; encoding: LegacyEncoding | null } {
  const encoding = detectLegacyEncoding(text);
  return encoding ? { text: decodeAs(text, encoding), encoding } : { text, encoding: null };
}

export interface LegacyLines {
  text: string;
  /** 1-based numbers of the converted lines, by encoding. */
  converted: { encoding: LegacyEncoding; lines: number[] }[];
}

/**
 * A whole document, line by line. Once two lines are clearly in one code, the document is taken to be in it:
 * its other lines with legacy characters are converted when that reads them at least as well as leaving them
 * ("Sè: 89/KH-UBND" is "Số: 89/KH-UBND"). Without such lines a lone word stays (an "où" in a French quotation).
 */
export function convertLegacyLines(text: string): LegacyLines {
  const lines = text.split("\n");
  const evidence = lines.map((line) =>
    !LEGACY_RANGE.test(line) || UNICODE_VIETNAMESE.test(line) ? null : evidenceOf(line),
  );
  const strong = evidence.map((e) => (e ? bestEncoding(e, 2) : null));
  const count = (encoding: LegacyEncoding) => strong.filter((s) => s === encoding).length;
  const tcvn3 = count("tcvn3");
  const vni = count("vni");
  const dominant: LegacyEncoding | null =
    Math.max(tcvn3, vni) >= 2 && tcvn3 !== vni ? (tcvn3 > vni ? "tcvn3" : "vni") : null;
  const converted: LegacyLines["converted"] = [];
  const out = lines.map((line, i) => {
    const e = evidence[i];
    let encoding = strong[i];
    if (!encoding && e && dominant && e.valid[dominant] >= 1 && e.valid[dominant] >= e.valid.asIs)
      encoding = dominant;
    if (!encoding) return line;
    let group = converted.find((c) => c.encoding === encoding);
    if (!group) converted.push((group = { encoding, lines: [] }));
    group.lines.push(i + 1);
    return decodeAs(line, encoding);
  });
  return { text: out.join("\n"), converted };
}
