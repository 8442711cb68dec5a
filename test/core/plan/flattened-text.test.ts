/**
 * Text as PDFs, e-mails and page copies flatten it (each case found by the degradation harness): page numbers and
 * running footers, hard wraps, a table laid out with spaces by `pdftotext -layout`.
 */
import { parsePlan } from "../../../src/core/plan/parse-plan";
import { toSourceLines } from "../../../src/core/plan/source-lines";

const HEADER = [
  "ĐẢNG BỘ HUYỆN PÁC NẶM\tĐẢNG CỘNG SẢN VIỆT NAM",
  "ĐẢNG ỦY XÃ BẰNG THÀNH",
  "*",
  "Số 45-KH/ĐU\tBằng Thành, ngày 10 tháng 4 năm 2024",
  "",
  "KẾ HOẠCH",
  "tổ chức Đại hội đại biểu các dân tộc thiểu số xã Bằng Thành",
  "",
];

function tasksOf(body: string[]) {
  return parsePlan([...HEADER, ...body].join("\n")).tasks.map((t) => ({
    ref: t.ref,
    units: t.units,
    deadline: t.deadline,
  }));
}

describe("page furniture", () => {
  test("a page number and a running footer in the middle of an item are not its text", () => {
    const plan = parsePlan(
      [
        ...HEADER,
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng Đảng ủy theo dõi, đôn đốc; tổng hợp kết quả, tham mưu Ban Thường vụ",
        "Kế hoạch số 45-KH/ĐU ngày 10/4/2024",
        "- 3 -",
        "Đảng ủy báo cáo Ban Thường vụ Huyện ủy trước ngày 25/5/2024.",
        "2. Các chi bộ thôn giới thiệu đại biểu, hoàn thành trước ngày 20/4/2024.",
        "Kế hoạch số 45-KH/ĐU ngày 10/4/2024",
        "4",
        "3. Ủy ban nhân dân xã bố trí kinh phí, hoàn thành trước ngày 30/4/2024.",
      ].join("\n"),
    );
    expect(plan.tasks.map((t) => t.text)).toEqual([
      "Văn phòng Đảng ủy theo dõi, đôn đốc; tổng hợp kết quả, tham mưu Ban Thường vụ Đảng ủy báo cáo Ban Thường vụ Huyện ủy trước ngày 25/5/2024.",
      "Các chi bộ thôn giới thiệu đại biểu, hoàn thành trước ngày 20/4/2024.",
      "Ủy ban nhân dân xã bố trí kinh phí, hoàn thành trước ngày 30/4/2024.",
    ]);
  });

  test("form feeds from pdftotext end pages; the page number at a page's top goes", () => {
    const lines = toSourceLines(["1. Chi bộ thôn họp dân", "", "\f2", "vào ngày 05/5/2024."].join("\n"));
    expect(lines.map((l) => l.text)).toEqual(["1. Chi bộ thôn họp dân vào ngày 05/5/2024."]);
  });

  test("a column of numbers (a table's TT cells) is not page numbers", () => {
    const lines = toSourceLines(["TT", "1", "2", "3", "", "Nội dung"].join("\n"));
    expect(lines.map((l) => l.text)).toEqual(["TT", "1", "2", "3", "", "Nội dung"]);
  });
});

describe("hard wraps", () => {
  test("a deadline whose date went to the next line is read", () => {
    expect(
      tasksOf([
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Đảng viên trong Chi bộ tự kiểm điểm theo mẫu,",
        "gửi bản kiểm điểm về tổ đảng trước ngày",
        "05/12/2024.",
        "2. Ban Chi ủy tổng hợp hồ sơ, báo cáo Đảng ủy xã",
        "Xuân Dương trước ngày 20/12/2024.",
      ]),
    ).toEqual([
      { ref: "II.1", units: ["Đảng viên trong Chi bộ"], deadline: "2024-12-05" },
      { ref: "II.2", units: ["Ban Chi ủy"], deadline: "2024-12-20" },
    ]);
  });

  test("a wrap inside parentheses or after 'số' does not start an item", () => {
    expect(
      tasksOf([
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Các đơn vị trực thuộc (Trung tâm Trợ giúp pháp lý, Phòng Công chứng số",
        "1) xây dựng kế hoạch, báo cáo kết quả về Sở trước ngày 17/11/2023.",
      ]),
    ).toEqual([{ ref: "III.1", units: ["Các đơn vị trực thuộc"], deadline: "2023-11-17" }]);
  });

  test("text written one paragraph a line is not joined", () => {
    const lines = toSourceLines(
      ["Chi bộ bản Nà Bó", "Chi bộ bản Hát Lay", "Tổ chức kiểm điểm tập thể chi ủy và đảng viên."].join("\n"),
    );
    expect(lines).toHaveLength(3);
  });
});

describe("a table laid out with spaces (pdftotext -layout)", () => {
  test("its rows, cells wrapped within their columns, and a header repeated over a page break", () => {
    const table = [
      "TT              Nội dung              Đơn vị thực hiện         Thời gian     Báo cáo về",
      "1     Tổ chức thăm hỏi đoàn viên   Tổ Công đoàn số 1, Tổ   25-05-2023      Ban Chấp hành",
      "      có hoàn cảnh khó khăn        Công đoàn số 2                          CĐCS",
      "2     Phát động thi đua lao động   Tổ nữ công              Thường xuyên",
      "      giỏi",
      "\f                                   2",
      "TT              Nội dung              Đơn vị thực hiện         Thời gian     Báo cáo về",
      "3     Tổng hợp kết quả, báo cáo    Ban Chấp hành CĐCS      31/5/2023       Công đoàn Sở",
      "      Công đoàn Sở                                                         Tư pháp",
    ];
    expect(tasksOf(["I. PHÂN CÔNG THỰC HIỆN", ...table])).toEqual([
      { ref: "I.1", units: ["Tổ Công đoàn số 1", "Tổ Công đoàn số 2"], deadline: "2023-05-25" },
      { ref: "I.2", units: ["Tổ nữ công"], deadline: null },
      { ref: "I.3", units: ["Ban Chấp hành CĐCS"], deadline: "2023-05-31" },
    ]);
  });
});

describe("a table copied from a web page (cells separated by tabs)", () => {
  test("a row broken where a cell has a line break is put back together", () => {
    expect(
      tasksOf([
        "I. PHÂN CÔNG THỰC HIỆN",
        "STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành",
        "1\tBiên soạn tài liệu hỏi - đáp\tPhòng Quản lý đất đai",
        "Trung tâm Công nghệ thông tin\tVăn phòng Đăng ký đất đai\tQuý III/2024",
        "2\tRà soát cơ sở dữ liệu đất đai\tVăn phòng Đăng ký đất đai\tCác Chi nhánh\tNăm 2024",
      ]),
    ).toEqual([
      {
        ref: "I.1",
        units: ["Phòng Quản lý đất đai", "Trung tâm Công nghệ thông tin"],
        deadline: "2024-09-30",
      },
      { ref: "I.2", units: ["Văn phòng Đăng ký đất đai"], deadline: "2024-12-31" },
    ]);
  });
});
