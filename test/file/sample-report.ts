import type { ReportDocument } from "../../src/core/summary/report-model";

/** A hand-made report like the seed plan's, to test the .docx renderer before (and beside) the core. */
export function sampleReport(style: "party" | "state" = "party"): ReportDocument {
  const units = ["Ban Chấp hành Công đoàn", "Tổ đảng tổ 1", "Đoàn Thanh niên", "Hội Cựu chiến binh"];
  return {
    style,
    header: {
      parentBody: style === "party" ? "Đảng ủy SLĐTBXH Sơn La" : "UBND tỉnh Sơn La",
      issuer:
        style === "party"
          ? "Chi bộ Cơ sở Điều trị nghiện ma túy tỉnh"
          : "Sở Lao động - Thương binh và Xã hội",
      number: style === "party" ? "Số …-BC/CB" : "Số: …/BC-SLĐTBXH",
      placeAndDate: "Sơn La, ngày 17 tháng 10 năm 2022",
      nationalMotto:
        style === "party"
          ? ["ĐẢNG CỘNG SẢN VIỆT NAM"]
          : ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    },
    kind: "BÁO CÁO",
    titleLines: [
      "Kết quả thực hiện Kế hoạch số 334-KH/CB ngày 12/10/2022",
      "của Chi bộ Cơ sở Điều trị nghiện ma túy tỉnh",
    ],
    opening:
      "Thực hiện Kế hoạch số 334-KH/CB ngày 12/10/2022 của Chi bộ, Chi bộ Cơ sở Điều trị nghiện ma túy tỉnh báo cáo kết quả như sau:",
    sections: [
      {
        key: "submission",
        heading: "I. TÌNH HÌNH NỘP BÁO CÁO",
        blocks: [
          {
            type: "table",
            key: "submissions",
            columns: [
              { key: "no", heading: "TT", width: 5, align: "center" },
              { key: "unit", heading: "Đơn vị", width: 30 },
              { key: "deadline", heading: "Hạn nộp", width: 12, align: "center" },
              { key: "at", heading: "Ngày nộp", width: 12, align: "center" },
              { key: "status", heading: "Tình trạng", width: 14 },
            ],
            rows: units.map((u, i) => [
              { value: i + 1, format: "integer" },
              { value: u },
              { value: "16/10/2022" },
              { value: i === 3 ? null : `1${5 + i}/10/2022` },
              { value: i === 3 ? "Chưa nộp" : i === 2 ? "Trễ hạn 1 ngày" : "Đúng hạn" },
            ]),
          },
          {
            type: "paragraph",
            text: "Tỷ lệ nộp báo cáo: 3/4 đơn vị (75%); đúng hạn 2, trễ hạn 1, chưa nộp 1.",
            bullet: true,
          },
        ],
      },
      {
        key: "figures",
        heading: "II. SỐ LIỆU TỔNG HỢP",
        blocks: [
          {
            type: "table",
            key: "figures",
            columns: [
              { key: "unit", heading: "Đơn vị", width: 30 },
              { key: "SO_BUOI", heading: "Số buổi tuyên truyền", width: 12 },
              { key: "LUOT", heading: "Lượt người tham dự", width: 12 },
              { key: "KINH_PHI", heading: "Kinh phí (đồng)", width: 16 },
            ],
            rows: units.map((u, i) => [
              { value: u },
              { value: i === 3 ? null : 2 + i, format: "integer" },
              { value: i === 3 ? null : 1234 * (i + 1), format: "integer" },
              { value: i === 3 ? null : 1500000 * (i + 1), format: "money" },
            ]),
            totalsRow: [
              { value: "Tổng cộng", bold: true },
              { value: 9, format: "integer", aggregation: "sum" },
              { value: 7404, format: "integer", aggregation: "sum" },
              { value: 9000000, format: "money", aggregation: "sum" },
            ],
          },
        ],
      },
      {
        key: "tasks",
        heading: "III. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
        blocks: [
          {
            type: "paragraph",
            text: "Nhiệm vụ III.2: báo cáo kết quả xây dựng mô hình Dân vận khéo năm 2022.",
            bold: true,
          },
          {
            type: "paragraph",
            text: "Ban Chấp hành Công đoàn: Hoàn thành — đã đăng ký 2 mô hình.",
            bullet: true,
            level: 1,
          },
        ],
      },
      {
        key: "issues",
        heading: "IV. TỒN TẠI, HẠN CHẾ",
        blocks: [
          {
            type: "paragraph",
            text: 'Đoàn Thanh niên, ô D12: "nhiều" không phải là số.',
            bullet: true,
            link: { sheet: "Đoàn Thanh niên", cell: "D12" },
          },
        ],
      },
      {
        key: "directions",
        heading: "V. PHƯƠNG HƯỚNG, ĐỀ XUẤT",
        editable: true,
        blocks: [{ type: "paragraph", text: "Tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo”." }],
      },
    ],
    recipients: ["Đảng ủy SLĐT BXH Sơn La (b/c)", "Ban Chi ủy, Chi bộ", "Các Tổ đảng", "Lưu: CB"],
    signature: { authority: "T/M CHI BỘ", title: "BÍ THƯ", name: "Đoàn Văn Tú" },
    generatedAt: "2022-10-17T09:00:00+07:00",
  };
}
