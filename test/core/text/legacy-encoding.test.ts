/** TCVN3 and VNI-Windows: every Vietnamese letter both ways, the tables against glibc's iconv, detection. */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  convertLegacyLines,
  convertLegacyValue,
  decodeTcvn3,
  decodeVni,
  detectLegacyEncoding,
  encodeTcvn3,
  encodeVni,
  isVietnameseSyllable,
} from "../../../src/core/text/legacy-encoding";
import { TCVN3_LETTERS } from "../../../src/core/text/tcvn3";

/** The 67 lower-case letters with a mark, written out here independently of the tables. */
const LOWER = [
  ..."áàảãạ ăắằẳẵặ âấầẩẫậ đ éèẻẽẹ êếềểễệ íìỉĩị óòỏõọ ôốồổỗộ ơớờởỡợ úùủũụ ưứừửữự ýỳỷỹỵ".replace(/ /g, ""),
];
const UPPER = LOWER.map((l) => l.toUpperCase());
const LETTERS = [...LOWER, ...UPPER];
/** Upper-case letters TCVN3 (VN3) has a code of its own for. */
const TCVN3_CAPITALS = [..."ĂÂÊÔƠƯĐ"];

test("the list holds the 134 Vietnamese letters with a mark", () => {
  expect(LOWER).toHaveLength(67);
  expect(new Set(LETTERS).size).toBe(134);
});

describe("VNI-Windows: every letter both ways (í and ì are their own Windows-1252 characters)", () => {
  test.each(LETTERS)("%s", (letter) => {
    const vni = encodeVni(letter);
    expect([...vni].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
    expect(decodeVni(vni)).toBe(letter);
    expect(encodeVni(decodeVni(vni))).toBe(vni);
  });
  test("no two letters share a spelling", () => {
    expect(new Set(LETTERS.map(encodeVni)).size).toBe(134);
  });
  test("known spellings from the VNI chart", () => {
    expect(encodeVni("Kế hoạch")).toBe("Keá hoaïch");
    expect(encodeVni("Đảng ủy")).toBe("Ñaûng uûy");
    expect(encodeVni("ƯỚC")).toBe("ÖÔÙC");
    expect(encodeVni("tỉnh")).toBe("tænh");
  });
});

describe("TCVN3 (VN3): every letter both ways", () => {
  const representable = [...LOWER, ...TCVN3_CAPITALS];
  test.each(representable)("%s has its own byte and comes back", (letter) => {
    const code = encodeTcvn3(letter);
    expect(code).toHaveLength(1);
    expect(code.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
    expect(code.charCodeAt(0)).toBeLessThanOrEqual(0xfe);
    expect(decodeTcvn3(code)).toBe(letter);
  });
  test("74 distinct bytes", () => {
    expect(new Set(representable.map(encodeTcvn3)).size).toBe(74);
  });
  const capitalsWithTone = UPPER.filter((l) => !TCVN3_CAPITALS.includes(l));
  test.each(capitalsWithTone)(
    "%s (no code in VN3) is typed with its lower-case byte and comes back in a line of capitals",
    (letter) => {
      expect(encodeTcvn3(letter)).toBe(encodeTcvn3(letter.toLowerCase()));
      expect(decodeTcvn3(encodeTcvn3(letter))).toBe(letter.toLowerCase());
      const line = `NG${letter}Y BAN HÀNH THEO KẾ HOẠCH`;
      expect(convertLegacyValue(encodeTcvn3(line)).text).toBe(line);
    },
  );
  test("the table agrees with glibc's iconv (TCVN5712-1 shares VN3's 0xA1–0xFE)", () => {
    const bytes = Buffer.from(TCVN3_LETTERS.map(([, byte]) => byte));
    const decoded = execFileSync("iconv", ["-f", "TCVN5712-1", "-t", "UTF-8"], { input: bytes }).toString(
      "utf8",
    );
    expect([...decoded.normalize("NFC")]).toEqual(TCVN3_LETTERS.map(([letter]) => letter));
  });
});

test("syllables: Vietnamese yes, French and English words no", () => {
  for (const w of ["nghiêng", "khuyến", "Đảng", "ủy", "quốc", "giữa", "HĐND", "UBND", "người", "thuở"])
    expect([w, isVietnameseSyllable(w)]).toEqual([w, true]);
  for (const w of ["été", "crème", "façade", "Größe", "where", "côte", "ộá"])
    expect([w, isVietnameseSyllable(w)]).toEqual([w, false]);
});

describe("detection", () => {
  const lines = [
    "ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG",
    "Văn phòng - Thống kê xã tham mưu UBND xã; tổng hợp kết quả, báo cáo UBND huyện trước ngày 05/12/2023.",
    "Chi bộ Cơ sở Điều trị nghiện ma túy tỉnh xây dựng kế hoạch",
    "Đoàn Thanh niên, Hội Phụ nữ và Hội Cựu chiến binh xã",
  ];
  test.each(lines)("TCVN3 and VNI of %s are found and converted", (line) => {
    expect(convertLegacyValue(encodeTcvn3(line))).toEqual({ text: line, encoding: "tcvn3" });
    expect(convertLegacyValue(encodeVni(line))).toEqual({ text: line, encoding: "vni" });
  });
  test.each([
    "Hà Tây",
    "Cà Mau",
    "Tân Hòa",
    "Trình bày",
    "25°C, độ ẩm 80%",
    "Café crème à côté",
    "où est la gare ?",
    "Größe und Qualität",
    "señor niño",
    "résumé, naïve façade",
    "Kế hoạch số 12",
    "plain English text",
  ])("%s is left alone", (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
    expect(convertLegacyLines(text)).toEqual({ text, converted: [] });
  });
  test("a short cell: 'Hµ Néi' (TCVN3) and 'Haø Noäi' (VNI) are Hà Nội", () => {
    expect(convertLegacyValue("Hµ Néi")).toEqual({ text: "Hà Nội", encoding: "tcvn3" });
    expect(convertLegacyValue("Haø Noäi")).toEqual({ text: "Hà Nội", encoding: "vni" });
  });
  test.each([
    ["PHÒNG Y TẾ\tĐộc lập - Tự do - Hạnh phúc"],
    ["Số 45-KH/ĐU\tChiềng Mung, ngày 15 tháng 4 năm 2024"],
    ["Phần III: TỔ CHỨC THỰC HIỆN"],
    ["Nơi nhận:\tT/M ĐẢNG ỦY"],
    ["- Ban Thường vụ Huyện ủy (b/c);\tBÍ THƯ"],
    ["Ủy ban nhân dân xã tổ chức. Ủy ban báo cáo."],
    ["3\tVận động hộ gia đình\tỦy ban MTTQ xã\tTrước 15/11/2024"],
  ])("TCVN3 capitals come back where the text shows them: %s", (line) => {
    const doc = `KẾ HOẠCH TỔ CHỨC ĐẠI HỘI\n${line}\nVăn phòng tổng hợp kết quả, báo cáo Đảng ủy`;
    expect(convertLegacyLines(encodeTcvn3(doc)).text).toBe(doc);
  });
  test("a capital inside a line of lower case cannot be told in TCVN3: it stays lower case", () => {
    expect(convertLegacyValue(encodeTcvn3("Văn phòng Ủy ban nhân dân")).text).toBe(
      "Văn phòng ủy ban nhân dân",
    );
  });
  test("in a TCVN3 document, a line read as well as-is ('Sè: 89/KH-UBND') is converted too; alone it is not", () => {
    expect(convertLegacyValue("Sè: 89/KH-UBND").encoding).toBeNull();
    const doc = [lines[0], "Số: 89/KH-UBND", lines[1]].map(encodeTcvn3).join("\n");
    expect(convertLegacyLines(doc)).toEqual({
      text: [lines[0], "Số: 89/KH-UBND", lines[1]].join("\n"),
      converted: [{ encoding: "tcvn3", lines: [1, 2, 3] }],
    });
  });
});

describe("no false positive on the plan fixtures (Unicode) and every fixture comes back from TCVN3 and VNI", () => {
  const dir = join(__dirname, "../../fixtures/plans");
  const files = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f));
  test.each(files)("%s", (file) => {
    const text = readFileSync(join(dir, file), "utf8").normalize("NFC").replace(/\r\n?/g, "\n");
    expect(convertLegacyLines(text).converted).toEqual([]);
    expect(convertLegacyLines(encodeVni(text)).text).toBe(text);
    // TCVN3 cannot tell "Ủy" from "ủy" outside a line of capitals: compare ignoring case there.
    expect(convertLegacyLines(encodeTcvn3(text)).text.toLocaleLowerCase("vi")).toBe(
      text.toLocaleLowerCase("vi"),
    );
  });
});
