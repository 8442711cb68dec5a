/**
 * The issuer's name in running text (the report's title and opening): from the header's capitals, properly
 * cased — body words lower, place names title-cased, acronyms upper — or the body's own spelling when the
 * body repeats the name in another tone-mark spelling (Ủy/Uỷ, hòa/hoà). Newcomer review H1.
 */
import {
  issuerInRunningText,
  keepNamePartsTogether,
  properCaseBodyName,
  spellingKey,
} from "../../../src/core/text/proper-case";

describe("spellingKey: the same word whatever the tone-mark placement or case", () => {
  test.each([
    ["Ủy ban", "UỶ BAN"],
    ["Tân Hòa", "TÂN HOÀ"],
    ["thủy", "thuỷ"],
    ["Quý", "QUÝ"],
  ])("%s ~ %s", (a, b) => {
    expect(spellingKey(a)).toBe(spellingKey(b));
  });
  test.each([
    ["Tân Hòa", "Tân Hoa"],
    ["Phú Lộc", "Phủ Lộc"],
    ["Đồng", "Dòng"],
  ])("%s ≁ %s", (a, b) => {
    expect(spellingKey(a)).not.toBe(spellingKey(b));
  });
  test("keeps the text's length (offsets in the key are offsets in the text)", () => {
    const text = "Thực hiện …, Ủy ban nhân dân xã Phú Lộc xây dựng";
    expect(spellingKey(text)).toHaveLength(text.length);
  });
});

describe("properCaseBodyName", () => {
  test.each([
    ["UỶ BAN NHÂN DÂN XÃ PHÚ LỘC", "Uỷ ban nhân dân xã Phú Lộc"],
    ["CHI BỘ TRƯỜNG THCS TÂN HÒA", "Chi bộ Trường THCS Tân Hòa"],
    ["CHI BỘ CƠ SỞ ĐIỀU TRỊ NGHIỆN MA TÚY TỈNH", "Chi bộ Cơ sở điều trị nghiện ma túy tỉnh"],
    ["UBND HUYỆN PHÙ YÊN", "UBND huyện Phù Yên"],
    ["SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"],
    ["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG TỈNH SƠN LA", "Sở Tài nguyên và Môi trường tỉnh Sơn La"],
    ["ĐẢNG ỦY XÃ CHIỀNG MUNG", "Đảng ủy xã Chiềng Mung"],
    ["BAN CHẤP HÀNH ĐOÀN THANH NIÊN XÃ TÂN HÒA", "Ban Chấp hành Đoàn Thanh niên xã Tân Hòa"],
    ["BAN THƯỜNG VỤ HUYỆN ĐOÀN MAI SƠN", "Ban Thường vụ Huyện đoàn Mai Sơn"],
    [
      "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM HUYỆN THUẬN CHÂU",
      "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Thuận Châu",
    ],
    ["TRƯỜNG TIỂU HỌC TÔ HIỆU", "Trường Tiểu học Tô Hiệu"],
    ["TRẠM Y TẾ XÃ PHÚ LỘC", "Trạm Y tế xã Phú Lộc"],
    ["CHI BỘ TRƯỜNG THPT CHIỀNG SINH", "Chi bộ Trường THPT Chiềng Sinh"],
    ["HỘI CỰU CHIẾN BINH PHƯỜNG CHIỀNG LỀ", "Hội Cựu chiến binh phường Chiềng Lề"],
    ["CHI BỘ CƠ QUAN VĂN PHÒNG HĐND - UBND HUYỆN", "Chi bộ Cơ quan Văn phòng HĐND - UBND huyện"],
  ])("%s → %s", (header, want) => {
    expect(properCaseBodyName(header)).toBe(want);
  });

  test("a name already in mixed case is kept as written", () => {
    expect(properCaseBodyName("Chi bộ Trường THPT Chiềng Sinh")).toBe("Chi bộ Trường THPT Chiềng Sinh");
  });

  test("no word of the result is lower-cased where the header had a proper name or an acronym", () => {
    const out = properCaseBodyName("CHI BỘ TRƯỜNG THCS TÂN HÒA");
    expect(out).not.toMatch(/thcs|tân hòa/);
  });
});

describe("issuerInRunningText: the body's own spelling first", () => {
  test("the body writes the name in another tone-mark spelling: the body's spelling", () => {
    const body =
      "Thực hiện Kế hoạch số 118/KH-UBND ngày 25/3/2025 của Ủy ban nhân dân huyện, Ủy ban nhân dân xã Phú Lộc xây dựng kế hoạch như sau:";
    expect(issuerInRunningText("UỶ BAN NHÂN DÂN XÃ PHÚ LỘC", body)).toBe("Ủy ban nhân dân xã Phú Lộc");
  });

  test("the body does not repeat the name: properly cased from the header", () => {
    expect(issuerInRunningText("CHI BỘ TRƯỜNG THCS TÂN HÒA", "Chi bộ xây dựng kế hoạch như sau:")).toBe(
      "Chi bộ Trường THCS Tân Hòa",
    );
  });

  test("the body repeats it in capitals only: properly cased from the header", () => {
    expect(issuerInRunningText("ỦY BAN NHÂN DÂN XÃ PHÚ LỘC", "ỦY BAN NHÂN DÂN XÃ PHÚ LỘC")).toBe(
      "Ủy ban nhân dân xã Phú Lộc",
    );
  });

  test("a longer name in the body is not a match (word boundaries)", () => {
    expect(issuerInRunningText("CHI BỘ XÃ TÂN", "Chi bộ xã Tân Hòa xây dựng")).toBe("Chi bộ xã Tân");
  });

  test("a name mid-sentence starting lower-case gets its capital back", () => {
    expect(issuerInRunningText("CHI BỘ TRƯỜNG THCS TÂN HÒA", "… nên chi bộ Trường THCS Tân Hoà đề ra")).toBe(
      "Chi bộ Trường THCS Tân Hoà",
    );
  });
});

describe("keepNamePartsTogether: a line breaks only between a name's parts", () => {
  const nb = (s: string) => s.replace(/ /g, "\u00a0");
  test.each([
    ["UỶ BAN NHÂN DÂN XÃ PHÚ LỘC", `${nb("UỶ BAN NHÂN DÂN")} ${nb("XÃ PHÚ LỘC")}`],
    ["CHI BỘ TRƯỜNG THCS TÂN HÒA", `${nb("CHI BỘ")} TRƯỜNG ${nb("THCS TÂN HÒA")}`],
    ["SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", `SỞ ${nb("LAO ĐỘNG")} - ${nb("THƯƠNG BINH")} VÀ ${nb("XÃ HỘI")}`],
    [
      "CHI BỘ CƠ SỞ ĐIỀU TRỊ NGHIỆN MA TÚY TỈNH",
      `${nb("CHI BỘ")} ${nb("CƠ SỞ")} ĐIỀU TRỊ NGHIỆN MA TÚY TỈNH`,
    ],
  ])("%s", (name, want) => {
    expect(keepNamePartsTogether(name)).toBe(want);
  });
});
