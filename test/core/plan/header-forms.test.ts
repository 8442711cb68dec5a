/**
 * Plan headers as offices flatten them (the degradation harness found each of these): the number, date, place and
 * issuer must read the same whatever the layout noise.
 */
import { parsePlan } from "../../../src/core/plan/parse-plan";

const BODY = [
  "KẾ HOẠCH",
  "Tổ chức Tháng hành động vì trẻ em năm 2022",
  "",
  "I. TỔ CHỨC THỰC HIỆN",
  "1. Phòng Trẻ em chủ trì, tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 30/9/2022.",
];

interface Case {
  header: string[];
  number: string | null;
  issuedOn: string | null;
  place: string | null;
  issuer: string;
}

const cases: [string, Case][] = [
  [
    "the state motto wrapped in its cell, its last word among the left column's lines",
    {
      header: [
        "UBND TỈNH SƠN LA             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT",
        "SỞ TÀI NGUYÊN VÀ MÔI                      NAM",
        "TRƯỜNG                     Độc lập - Tự do - Hạnh phúc",
        "Số: 1520/KH-STNMT          Sơn La, ngày 11 tháng 7 năm 2024",
      ],
      number: "1520/KH-STNMT",
      issuedOn: "2024-07-11",
      place: "Sơn La",
      issuer: "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
    },
  ],
  [
    "the state motto wrapped, stacked after the left column (pdftotext)",
    {
      header: [
        "ỦY BAN NHÂN DÂN",
        "XÃ CHIỀNG MUNG",
        "Số: 89/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT",
        "NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Chiềng Mung, ngày 16 tháng 10 năm 2023",
      ],
      number: "89/KH-UBND",
      issuedOn: "2023-10-16",
      place: "Chiềng Mung",
      issuer: "ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG",
    },
  ],
  [
    "the place and 'ngày' on two lines",
    {
      header: [
        "ĐẢNG BỘ TỈNH BẮC KẠN",
        "HUYỆN ỦY CHỢ ĐỒN",
        "*",
        "Số 118-KH/HU       Chợ Đồn,",
        "ngày 14 tháng 3 năm 2023",
      ],
      number: "118-KH/HU",
      issuedOn: "2023-03-14",
      place: "Chợ Đồn",
      issuer: "HUYỆN ỦY CHỢ ĐỒN",
    },
  ],
  [
    "the date's rest beyond the other column's cell (pdftotext -layout)",
    {
      header: [
        "UBND TỈNH HÀ TĨNH              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ LAO ĐỘNG - THƯƠNG BINH       Độc lập - Tự do - Hạnh phúc",
        "VÀ XÃ HỘI                            Hà Tĩnh, ngày",
        "Số: 2015/KH-SLĐTBXH                09 tháng 8 năm 2022",
      ],
      number: "2015/KH-SLĐTBXH",
      issuedOn: "2022-08-09",
      place: "Hà Tĩnh",
      issuer: "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
    },
  ],
  [
    "the year wrapped onto the next line",
    {
      header: [
        "UBND TỈNH HÀ TĨNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ NỘI VỤ",
        "Số: 1250/KH-SNV | Hà Tĩnh, ngày 09 tháng 8 năm",
        "2022",
      ],
      number: "1250/KH-SNV",
      issuedOn: "2022-08-09",
      place: "Hà Tĩnh",
      issuer: "SỞ NỘI VỤ",
    },
  ],
  [
    "the right column alone behind an empty left cell in a text dump",
    {
      header: [
        "UBND HUYỆN PHÙ YÊN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 132/KH-UBND    | Độc lập - Tự do - Hạnh phúc",
        "                   | Phù Yên, ngày 15 tháng 4 năm 2024",
      ],
      number: "132/KH-UBND",
      issuedOn: "2024-04-15",
      place: "Phù Yên",
      issuer: "UBND HUYỆN PHÙ YÊN",
    },
  ],
  [
    "'BAN CHẤP HÀNH TRUNG' / 'ƯƠNG' / 'ĐOÀN TNCS HỒ CHÍ MINH' on the left, the motto later",
    {
      header: [
        "BAN CHẤP HÀNH TRUNG",
        "ƯƠNG",
        "ĐOÀN TNCS HỒ CHÍ MINH",
        "***",
        "Số 118 - KH/TWĐTN-VP",
        "",
        "ĐOÀN TNCS HỒ CHÍ MINH",
        "Hà Nội, ngày 20 tháng 02 năm 2023",
      ],
      number: "118-KH/TWĐTN-VP",
      issuedOn: "2023-02-20",
      place: "Hà Nội",
      issuer: "BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH",
    },
  ],
  [
    "the place's first words beside the other column's cell, its rest on the next line (pdftotext -layout)",
    {
      header: [
        "SỞ Y TẾ THÀNH PHỐ HỒ CHÍ             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TRUNG TÂM KIỂM SOÁT BỆNH TẬT          Thành phố Hồ Chí",
        "Số: 1845/KH-TTKSBT                  Minh, ngày 15 tháng 8 năm 2023",
      ],
      number: "1845/KH-TTKSBT",
      issuedOn: "2023-08-15",
      place: "Thành phố Hồ Chí Minh",
      issuer: "TRUNG TÂM KIỂM SOÁT BỆNH TẬT",
    },
  ],
  [
    "the glued bodies wrapped in their cell",
    {
      header: [
        "UBND HUYỆN NA RÌ PHÒNG VĂN HÓA VÀ",
        "THÔNG TIN",
        "Số: 15/KH-VHTT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Na Rì, ngày 02 tháng 3 năm 2024",
      ],
      number: "15/KH-VHTT",
      issuedOn: "2024-03-02",
      place: "Na Rì",
      issuer: "PHÒNG VĂN HÓA VÀ THÔNG TIN",
    },
  ],
];

test.each(cases)("%s", (_name, c) => {
  const plan = parsePlan([...c.header, "", ...BODY].join("\n"));
  expect({ number: plan.number, issuedOn: plan.issuedOn, place: plan.place, issuer: plan.issuer }).toEqual({
    number: c.number,
    issuedOn: c.issuedOn,
    place: c.place,
    issuer: c.issuer,
  });
});

test("the issuer's body casing is found across a line break the text kept", () => {
  const plan = parsePlan(
    [
      "ĐẢNG BỘ HUYỆN PÁC NẶM",
      "ĐẢNG ỦY XÃ BẰNG THÀNH",
      "*",
      "Số 45-KH/ĐU",
      "",
      "KẾ HOẠCH",
      "tổ chức Đại hội",
      "",
      "Thực hiện Kế hoạch số 78-KH/HU, Đảng ủy xã Bằng",
      "Thành xây dựng kế hoạch như sau:",
    ].join("\n"),
  );
  expect(plan.issuer).toBe("Đảng ủy xã Bằng Thành");
});
