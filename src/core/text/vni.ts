/**
 * VNI-Windows (the VNI-Times / VNI-Helve fonts) as data. A letter with a mark is its base letter followed by a
 * mark character, both single bytes shown by Windows as Windows-1252 characters: "Keá hoaïch" is "Kế hoạch".
 * ơ/ư are the single bytes ô/ö (followed by a tone mark when toned), đ is ñ, and the i's and ỵ are single
 * bytes too. Upper-case letters take the upper-case marks ("AÙ" = Á). Table from the VNI code chart (as in
 * xvnkb's vni.h: base, then sắc, huyền, hỏi, ngã, nặng).
 */

/** The five tones in the order of the tables below: sắc, huyền, hỏi, ngã, nặng. */
const TONE_MARKS = ["ù", "ø", "û", "õ", "ï"];
/** Circumflex (â ê ô), then circumflex with each tone. */
const CIRCUMFLEX_MARKS = ["â", "á", "à", "å", "ã", "ä"];
/** Breve (ă), then breve with each tone. */
const BREVE_MARKS = ["ê", "é", "è", "ú", "ü", "ë"];

/** Unicode letters, each row: the letter with no tone, then sắc, huyền, hỏi, ngã, nặng. */
const ROWS: Record<string, readonly string[]> = {
  a: ["a", "á", "à", "ả", "ã", "ạ"],
  â: ["â", "ấ", "ầ", "ẩ", "ẫ", "ậ"],
  ă: ["ă", "ắ", "ằ", "ẳ", "ẵ", "ặ"],
  e: ["e", "é", "è", "ẻ", "ẽ", "ẹ"],
  ê: ["ê", "ế", "ề", "ể", "ễ", "ệ"],
  o: ["o", "ó", "ò", "ỏ", "õ", "ọ"],
  ô: ["ô", "ố", "ồ", "ổ", "ỗ", "ộ"],
  ơ: ["ơ", "ớ", "ờ", "ở", "ỡ", "ợ"],
  u: ["u", "ú", "ù", "ủ", "ũ", "ụ"],
  ư: ["ư", "ứ", "ừ", "ử", "ữ", "ự"],
  i: ["i", "í", "ì", "ỉ", "ĩ", "ị"],
  y: ["y", "ý", "ỳ", "ỷ", "ỹ", "ỵ"],
};

/** The VNI spelling of each letter of a lower-case row (an upper-case letter's is its upper case). */
function lowerRow(row: string): string[] {
  const toned = (base: string, marks: readonly string[]) => [base, ...marks.map((m) => base + m)];
  switch (row) {
    case "a":
    case "e":
    case "o":
    case "u":
      return toned(row, TONE_MARKS);
    case "â":
      return CIRCUMFLEX_MARKS.map((m) => "a" + m);
    case "ê":
      return CIRCUMFLEX_MARKS.map((m) => "e" + m);
    case "ô":
      return CIRCUMFLEX_MARKS.map((m) => "o" + m);
    case "ă":
      return BREVE_MARKS.map((m) => "a" + m);
    case "ơ":
      return toned("ô", TONE_MARKS);
    case "ư":
      return toned("ö", TONE_MARKS);
    case "i":
      return ["i", "í", "ì", "æ", "ó", "ò"];
    case "y":
      return ["y", "yù", "yø", "yû", "yõ", "î"];
    default:
      throw new Error(`no VNI row ${row}`);
  }
}

/** Every Vietnamese letter that VNI spells differently from ASCII, with its VNI spelling (upper and lower). */
export const VNI_LETTERS: readonly (readonly [letter: string, vni: string])[] = (
  [
    ...Object.entries(ROWS).flatMap(([row, letters]) => {
      const lower = lowerRow(row);
      const upper = lower.map((vni) => vni.toUpperCase()); // upper-case letters take the upper-case marks
      return letters.flatMap((letter, k): [string, string][] => [
        [letter, lower[k]],
        [letter.toUpperCase(), upper[k]],
      ]);
    }),
    ["đ", "ñ"],
    ["Đ", "Ñ"],
  ] as [string, string][]
).filter(([letter, vni]) => letter !== vni);
