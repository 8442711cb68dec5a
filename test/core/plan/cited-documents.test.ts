/**
 * The documents a plan says it implements, read from its grounds ("Thực hiện / Căn cứ / Triển khai … số …
 * ngày … của …"), and plan numbers compared whatever their spacing, dashes or Đ.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  citationsIn,
  citedDocumentsOf,
  planNumberKey,
  samePlanNumber,
} from "../../../src/core/plan/cited-documents";
import { parsePlan } from "../../../src/core/plan/parse-plan";
import { planToJson } from "../../../src/core/plan/plan-json";

const fixture = (name: string) => readFileSync(join(__dirname, "../../fixtures/plans", name), "utf8");
const brief = (text: string) =>
  citationsIn(text, 1).map((c) => [c.kind, c.number, c.issuedOn, c.issuer] as const);

describe("citationsIn: one line of grounds", () => {
  test.each([
    [
      "Thực hiện Kế hoạch số 30-KH/ĐU ngày 20/02/2025 của Đảng ủy xã Tân Hòa, Chi bộ xây dựng kế hoạch như sau:",
      [["Kế hoạch", "30-KH/ĐU", "2025-02-20", "Đảng ủy xã Tân Hòa"]],
    ],
    [
      "Thực hiện Hướng dẫn số 152-HD/BTGTW ngày 25/11/2024 của Ban Tuyên giáo Trung ương và Kế hoạch số 301-KH/TU ngày 10 tháng 12 năm 2024 của Tỉnh ủy Sơn La, Ban Tuyên giáo Huyện ủy xây dựng kế hoạch như sau:",
      [
        ["Hướng dẫn", "152-HD/BTGTW", "2024-11-25", "Ban Tuyên giáo Trung ương"],
        ["Kế hoạch", "301-KH/TU", "2024-12-10", "Tỉnh ủy Sơn La"],
      ],
    ],
    [
      "Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21/11/2007; Kế hoạch số 77/KH-SYT ngày 12/3/2024 của Sở Y tế, Phòng Y tế xây dựng Kế hoạch như sau:",
      [["Kế hoạch", "77/KH-SYT", "2024-03-12", "Sở Y tế"]],
    ],
    [
      "Căn cứ Kế hoạch số 45/KH-UBND ngày 22/01/2024 của UBND tỉnh Sơn La về cải cách hành chính năm 2024; Ủy ban nhân dân huyện Thuận Châu ban hành Kế hoạch thực hiện như sau:",
      [["Kế hoạch", "45/KH-UBND", "2024-01-22", "UBND tỉnh Sơn La"]],
    ],
    [
      "Thực hiện Chỉ thị số 05 ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập; Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị; Hướng dẫn số 12 ngày 02/5/2024 của Ban Tuyên giáo Đảng ủy Khối, Chi bộ xây dựng kế hoạch như sau:",
      [
        ["Chỉ thị", "05", "2016-05-15", "Bộ Chính trị"],
        ["Kết luận", "01-KL/TW", "2021-05-18", "Bộ Chính trị"],
        ["Hướng dẫn", "12", "2024-05-02", "Ban Tuyên giáo Đảng ủy Khối"],
      ],
    ],
    [
      "Triển khai Hướng dẫn số 16-HD/BTGĐUK ngày 03/10/2022 của Ban Tuyên giáo đảng ủy khối các cơ quan và doanh nghiệp tỉnh về tuyên truyền kỷ niệm 92 năm",
      [
        [
          "Hướng dẫn",
          "16-HD/BTGĐUK",
          "2022-10-03",
          "Ban Tuyên giáo đảng ủy khối các cơ quan và doanh nghiệp tỉnh",
        ],
      ],
    ],
    // The subject line itself can be the citation, without a date or with the number spaced out.
    [
      "Thực hiện Kế hoạch số 12 - KH/ĐU của Đảng ủy xã Chiềng Mung về tuyên truyền",
      [["Kế hoạch", "12 - KH/ĐU", null, "Đảng ủy xã Chiềng Mung"]],
    ],
    ["Thực hiện Kế hoạch số: 12-KH/ĐU.", [["Kế hoạch", "12-KH/ĐU", null, null]]],
    // Not citations: no number, or a law named before its number.
    ["Triển khai hướng dẫn tuyên truyền kỷ niệm 92 năm Ngày truyền thống công tác dân vận của Đảng", []],
    ["Căn cứ Luật Đất đai số 31/2024/QH15 ngày 18/01/2024", []],
    ["Thực hiện nhiệm vụ năm học 2023-2024, Trường THCS Chiềng Mai xây dựng kế hoạch", []],
  ])("%s", (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });
});

describe("findCitedDocuments: the preamble only", () => {
  test("a Party cell's plan cites the committee's plan; nothing after section I is read", () => {
    const docs = citedDocumentsOf(fixture("party-cell-school-own-name.txt"));
    expect(docs.map((d) => d.number)).toEqual(["30-KH/ĐU"]);
    expect(docs[0]).toMatchObject({ kind: "Kế hoạch", issuedOn: "2025-02-20", line: 10 });
  });

  test("a document cited in the tasks is not a ground", () => {
    const text = [
      "CHI BỘ THÔN BẢN CỌ",
      "Số 05-KH/CB",
      "KẾ HOẠCH",
      "Thực hiện Kế hoạch số 12-KH/ĐU ngày 05/01/2024 của Đảng ủy xã Chiềng Mung",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "Quán triệt Nghị quyết số 99-NQ/TW ngày 01/01/2024.",
    ].join("\n");
    expect(citedDocumentsOf(text).map((d) => d.number)).toEqual(["12-KH/ĐU"]);
  });

  test("parsePlan gives the cited documents (not its own number), and plan --json carries them", () => {
    const seed = parsePlan(fixture("seed-334-KH-CB.txt"));
    expect(seed.implements).toEqual([
      {
        kind: "Hướng dẫn",
        number: "16-HD/BTGĐUK",
        issuedOn: "2022-10-03",
        issuer: "Ban Tuyên giáo đảng ủy khối các cơ quan và doanh nghiệp tỉnh",
        line: 11,
      },
    ]);
    expect(planToJson(seed).implements).toEqual(seed.implements);
    const own = parsePlan("Số 12-KH/ĐU\nKẾ HOẠCH\nThực hiện Kế hoạch số 12-KH/ĐU năm trước\nI. NỘI DUNG\n");
    expect(own.implements).toEqual([]);
  });
});

describe("samePlanNumber", () => {
  test.each([
    ["12-KH/ĐU", "12 - KH/ĐU", true],
    ["12-KH/ĐU", "12–KH/ĐU", true],
    ["12-KH/ĐU", "12-kh/đu", true],
    ["12-KH/ĐU", "12-KH/\u00d0U", true], // Icelandic Ð, typed for Đ in old fonts
    ["12-KH/ĐU", "Số: 12-KH/ĐU", true],
    ["12-KH/ĐU", "12-KH/DU", false], // Đ is its own letter
    ["12-KH/ĐU", "120-KH/ĐU", false],
    ["2150/KH-UBND", "2150 / KH - UBND", true],
    ["12-KH/ĐU", null, false],
  ])("%s vs %s → %s", (a, b, same) => {
    expect(samePlanNumber(a, b)).toBe(same);
  });

  test("the key is NFC: a number typed in NFD is the same number", () => {
    expect(planNumberKey("12-KH/ĐU".normalize("NFD"))).toBe("12-KH/ĐU");
  });
});
